"""Proofreading sessions: one SQLite file (`*.galley`) that a crash, a kill or a full disk cannot damage.

Why SQLite in WAL mode with `synchronous=FULL`: a commit is on disk before `commit()` returns, a killed process
leaves either the old or the new state (commits survived every `kill -9` run, PITFALLS 17), and a full disk is
reported as an error while every committed row stays. The editor therefore shows a decision as done only after
`commit_review` (or `record_decision`) returned.

What is written when, so that this stays cheap on a 200k-word article (measured: ~10 ms a decision, ~25 ms a
typing batch, against ~0.4 s for a full review state):
- a decision: its row (rule, span, text, context, replacement), at once;
- typing: `save_text` keeps the live review in memory; the batch (`flush`, called by the editor's timer, by the
  next `save_text` once `FLUSH_DELAY` passed, and by `close`) writes its cleaned text only;
- the full review state (`Review.to_state()`: items, plan, undo journal): when the rows cannot rebuild it (an
  undo, a decision on an item newer than the saved state, a bulk accept), on `flush(full=True)` and on `close`.
`restore_review` / `load_review` rebuild the review from the last full state, the decision rows committed after
it and the typed text; so after `kill -9` at any moment everything committed is back, and nothing half-written
can be seen (each write is one transaction).

Schema versions live in `PRAGMA user_version` and are migrated forward in order on open; a new file runs every
migration from version 0, so the migration path is exercised on each new session.

One writer at a time: `Session.open` takes an exclusive `flock` on a side file `<session>.lock` holding the
owner's pid. The kernel drops the lock when the owner dies, so a crashed window never blocks the next one; a
second live window gets `SessionLocked` with a message naming the pid. Readers (`galley session`, `galley
export`) open the file read-only and need no lock: WAL lets them read while the editor writes.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import sqlite3
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol

from editor.core.article import Article
from editor.core.rules.base import CheckConfig

if sys.platform != "win32":
    import fcntl

SUFFIX = ".galley"
LOCK_SUFFIX = ".lock"
SCHEMA_VERSION = 3
APPLICATION_ID = 0x47414C59  # "GALY": marks the SQLite file as a Galley session
FLUSH_DELAY = 1.0  # seconds: the longest a hand edit waits in memory
CONTEXT_CHARS = 40  # text kept on each side of a decision's finding, to find it again in a changed source
BULK_DECISIONS = 20  # a commit recording more decisions than this writes the full state (accept-all)
MAX_DEFERRED = 200  # decisions kept as rows only before the full state is written again
MATCH_CONTEXT = 12  # of which this much, nearest the finding, must be unchanged for the decision to re-apply

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


class SessionError(Exception):
    """A session that cannot be opened or written; the message is for the user and names the file."""


class SessionLocked(SessionError):
    """The session is open in another live Galley process."""

    def __init__(self, path: Path, pid: int | None) -> None:
        who = f" (pid {pid})" if pid else ""
        super().__init__(f"{path}: this session is open in another Galley window{who}")
        self.path = path
        self.pid = pid


class Status(StrEnum):
    """Where the person is with an article."""

    TODO = "todo"
    IN_PROGRESS = "in_progress"
    DONE = "done"


class Action(StrEnum):
    """What the person decided about one finding (automatic fixes kept as they are need no decision)."""

    ACCEPTED = "accepted"
    REJECTED = "rejected"
    IGNORED = "ignored"
    REVERTED = "reverted"  # an automatic fix undone by the person


class StateProvider(Protocol):
    """Anything that can give its review state (the editor passes its `Review`)."""

    def to_state(self) -> dict[str, Any]: ...


StateLike = Mapping[str, Any] | StateProvider | Callable[[], Mapping[str, Any]]


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """One article as the session knows it (no text: `Session.article(id)` rebuilds the full Article)."""

    id: int
    position: int
    source: str
    record_index: int
    line: int | None
    sha256: str
    title: str | None
    url: str | None
    lang: str | None
    status: Status
    added_at: str
    status_at: str | None
    state_at: str | None
    decisions: int = 0

    @property
    def label(self) -> str:
        if self.title:
            return self.title
        name = self.source.replace("\\", "/").rsplit("/", 1)[-1]
        return f"{name}#{self.record_index}" if self.record_index else name


@dataclass(frozen=True, slots=True)
class Decision:
    """One decision about one finding. `start`/`end`/`text` locate the finding in the article's raw text."""

    id: int
    article_id: int
    action: Action
    category: str
    rule: str
    start: int
    end: int
    text: str
    replacement: str | None
    context_before: str = ""
    context_after: str = ""
    auto: bool = False
    item_id: int | None = None
    decided_at: str = ""
    active: bool = True

    def to_json(self) -> dict[str, Any]:
        """The `galley session --format json` shape (a public contract)."""
        return {
            "article": self.article_id,
            "category": self.category,
            "rule": self.rule,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "action": str(self.action),
            "replacement": self.replacement,
        }


@dataclass(frozen=True, slots=True)
class ReapplyResult:
    """What survived re-applying a session's decisions onto a changed source."""

    kept: int
    lost: int
    lost_decisions: tuple[Decision, ...] = ()
    state: dict[str, Any] | None = None


@dataclass(slots=True)
class _Pending:
    state: StateLike
    since: float


# ---------------------------------------------------------------------------------------------------- schema

# Version 1 is the first released layout; a test writes it as literal SQL and migrates it. Each later entry moves
# the file one version forward inside the open transaction, so a crash mid-migration leaves the old version.
_V1 = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles(
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    record_index INTEGER NOT NULL DEFAULT 0,
    sha256 TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'todo',
    cleaned_text TEXT,
    updated_at TEXT NOT NULL
);
CREATE TABLE decisions(
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    action TEXT NOT NULL,
    rule TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    replacement TEXT,
    created_at TEXT NOT NULL
);
"""

_V2 = """
ALTER TABLE articles ADD COLUMN position INTEGER;
ALTER TABLE articles ADD COLUMN line INTEGER;
ALTER TABLE articles ADD COLUMN title TEXT;
ALTER TABLE articles ADD COLUMN url TEXT;
ALTER TABLE articles ADD COLUMN lang TEXT;
ALTER TABLE articles ADD COLUMN date TEXT;
ALTER TABLE articles ADD COLUMN encoding TEXT;
ALTER TABLE articles ADD COLUMN raw_text TEXT;
ALTER TABLE articles ADD COLUMN meta_json TEXT;
ALTER TABLE articles ADD COLUMN source_size INTEGER;
ALTER TABLE articles ADD COLUMN source_mtime_ns INTEGER;
ALTER TABLE articles ADD COLUMN review_state TEXT;
ALTER TABLE articles ADD COLUMN added_at TEXT;
ALTER TABLE articles ADD COLUMN status_at TEXT;
ALTER TABLE articles ADD COLUMN state_at TEXT;
UPDATE articles SET position = id, added_at = updated_at, status_at = updated_at,
    status = CASE status WHEN 'in progress' THEN 'in_progress' ELSE status END;
CREATE UNIQUE INDEX articles_source ON articles(source, record_index);
ALTER TABLE decisions ADD COLUMN category TEXT;
ALTER TABLE decisions ADD COLUMN context_before TEXT NOT NULL DEFAULT '';
ALTER TABLE decisions ADD COLUMN context_after TEXT NOT NULL DEFAULT '';
ALTER TABLE decisions ADD COLUMN auto INTEGER NOT NULL DEFAULT 0;
ALTER TABLE decisions ADD COLUMN item_id INTEGER;
ALTER TABLE decisions ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
UPDATE decisions SET category = substr(rule, 1, instr(rule || '.', '.') - 1);
ALTER TABLE decisions RENAME COLUMN created_at TO decided_at;
CREATE INDEX decisions_article ON decisions(article_id, active);
CREATE TABLE ignore_words(word TEXT PRIMARY KEY, added_at TEXT NOT NULL);
CREATE TABLE raw_lines(source TEXT NOT NULL, line INTEGER NOT NULL, raw TEXT NOT NULL, PRIMARY KEY(source, line));
"""

# Version 3 moves the large texts out of the article rows into one row each: SQLite rewrites a whole row on any
# update, so saving a few typed characters must not rewrite the raw text and the review state beside them.
_V3 = """
CREATE TABLE texts(
    article_id INTEGER NOT NULL REFERENCES articles(id),
    kind TEXT NOT NULL,
    body TEXT NOT NULL,
    at TEXT NOT NULL,
    mark INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY(article_id, kind)
);
INSERT INTO texts(article_id, kind, body, at)
    SELECT id, 'raw', raw_text, coalesce(added_at, updated_at) FROM articles WHERE raw_text IS NOT NULL;
INSERT INTO texts(article_id, kind, body, at, mark)
    SELECT id, 'state', review_state, coalesce(state_at, updated_at),
           (SELECT coalesce(max(d.id), 0) FROM decisions d WHERE d.article_id = articles.id)
    FROM articles WHERE review_state IS NOT NULL;
UPDATE articles SET raw_text = NULL, review_state = NULL;
"""

MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3)  # MIGRATIONS[n] moves version n to n + 1
assert len(MIGRATIONS) == SCHEMA_VERSION


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _storable(text: str | None) -> str | None:
    """SQLite stores UTF-8: a lone surrogate (possible in decoded JSON) becomes U+FFFD instead of failing."""
    if text is None or not _LONE_SURROGATE.search(text):
        return text
    return _LONE_SURROGATE.sub("\ufffd", text)


def text_sha256(text: str) -> str:
    """The fingerprint of an article's text, the thing every offset in the session refers to."""
    return hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()


def _dump(obj: Any) -> str:
    # ensure_ascii keeps lone surrogates as escapes, so any state JSON can be stored and read back intact.
    return json.dumps(obj, ensure_ascii=True, separators=(",", ":"), default=str)


def _explain_db_error(path: Path, e: sqlite3.Error) -> str:
    msg = str(e)
    low = msg.lower()
    if "full" in low or "disk i/o" in low:
        return f"{path}: the disk is full or failed; the last change was not saved (everything before it was)"
    if "readonly" in low or "read-only" in low:
        return f"{path}: the session file is read-only; changes cannot be saved"
    if "not a database" in low or "malformed" in low or "corrupt" in low:
        return f"{path}: the file is damaged or is not a Galley session"
    return f"{path}: {msg}"


# ---------------------------------------------------------------------------------------------------- lock


class _FileLock:
    """An exclusive, crash-safe lock on `<session>.lock`: flock is released by the kernel when its owner dies."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> None:
        for _ in range(10):
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError as e:
                raise SessionError(f"{self.path}: cannot create the lock file ({e.strerror or e})") from e
            if not _try_lock(fd):
                pid = _read_pid(fd)
                os.close(fd)
                raise SessionLocked(self.path.with_suffix(""), pid)
            # The previous owner may have unlinked the file between our open and our lock: lock the live file.
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(self.path))
            except OSError:
                same = False
            if not same:
                os.close(fd)
                continue
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
            self._fd = fd
            return
        raise SessionError(f"{self.path}: cannot take the session lock")

    def release(self) -> None:
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            os.unlink(self.path)
        with contextlib.suppress(OSError):
            os.close(self._fd)  # closing drops the flock
        self._fd = None


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError as e:  # a file system without flock: no lock rather than no editor
        return e.errno not in (11, 35)
    return True


def _read_pid(fd: int) -> int | None:
    try:
        raw = os.pread(fd, 32, 0) if hasattr(os, "pread") else b""
        return int(raw.split()[0]) if raw.split() else None
    except (OSError, ValueError):
        return None


# ---------------------------------------------------------------------------------------------------- session


def _state_of(state: StateLike) -> Mapping[str, Any]:
    to_state = getattr(state, "to_state", None)
    if callable(to_state):
        result: Mapping[str, Any] = to_state()
        return result
    if callable(state):
        produced: Mapping[str, Any] = state()
        return produced
    assert isinstance(state, Mapping)
    return state


def _is_review(obj: object) -> bool:
    """A live review (not a state mapping): it has its cleaned text and can give its state."""
    return hasattr(obj, "cleaned") and callable(getattr(obj, "to_state", None))


def _difference(old: str, new: str) -> tuple[int, int, str]:
    """The one replacement turning `old` into `new`: old[a:b] -> text (common prefix and suffix kept)."""
    m = min(len(old), len(new))
    a = 0
    while a < m and old[a] == new[a]:
        a += 1
    b = 0
    while b < m - a and old[-1 - b] == new[-1 - b]:
        b += 1
    return a, len(old) - b, new[a : len(new) - b]


def _default_folder_writable(folder: Path) -> bool:
    return folder.is_dir() and os.access(folder, os.W_OK | os.X_OK)


class Session:
    """An open session file. Thread-safe (one lock around the connection) so an export worker can read it."""

    def __init__(self, path: Path, conn: sqlite3.Connection, lock: _FileLock | None, readonly: bool) -> None:
        self.path = path
        self.readonly = readonly
        self._conn = conn
        self._lock = lock
        self._mutex = threading.RLock()
        self._pending: dict[int, _Pending] = {}
        self._pending_current: tuple[int, int] | None = None
        self._written_next_id: dict[int, int] = {}  # per article: the review's next item id in the last state written
        self._deferred: dict[int, int] = {}  # per article: decisions committed as rows since its last full state
        self._live: dict[int, Any] = {}  # per article: the last review seen by commit_review (for flush(full=True))
        self._after_commit: list[Callable[[], None]] = []
        self._owner = threading.get_ident()
        self._closed = False

    # ------------------------------------------------------------------------------------------ opening

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, readonly: bool = False, create: bool = True) -> Session:
        """Open (or create) a session. Raises `SessionLocked` if another live window has it, `SessionError`
        for a file that is missing (read-only), damaged or not a session."""
        p = Path(path)
        if p.is_dir():
            raise SessionError(f"{p}: is a folder, not a session file")
        exists = p.exists()
        if not exists and (readonly or not create):
            raise SessionError(f"{p}: no such session file")
        if exists:
            _check_header(p)
        if readonly:
            return cls._open_readonly(p)
        if not exists:
            try:
                p.parent.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise SessionError(f"{p.parent}: cannot create the folder ({e.strerror or e})") from e
        lock = _FileLock(p.with_name(p.name + LOCK_SUFFIX))
        lock.acquire()
        try:
            conn = _connect(p, readonly=False)
            session = cls(p, conn, lock, readonly=False)
            session._prepare()
        except sqlite3.Error as e:
            lock.release()
            raise SessionError(_explain_db_error(p, e)) from e
        except BaseException:
            lock.release()
            raise
        return session

    @classmethod
    def _open_readonly(cls, p: Path) -> Session:
        try:
            conn = _connect(p, readonly=True)
            version = _version(conn, p)
        except sqlite3.Error as e:
            raise SessionError(_explain_db_error(p, e)) from e
        if version == 0:
            conn.close()
            raise SessionError(f"{p}: not a Galley session (an empty or unrelated SQLite file)")
        if version < SCHEMA_VERSION:
            # An older file: migrate it once (needs the write lock), then read.
            conn.close()
            cls.open(p).close()
            conn = _connect(p, readonly=True)
        session = cls(p, conn, None, readonly=True)
        try:
            session._verify()
        except sqlite3.Error as e:
            conn.close()
            raise SessionError(_explain_db_error(p, e)) from e
        return session

    def _prepare(self) -> None:
        conn = self._conn
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        version = _version(conn, self.path)
        if version == 0:
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            if tables:
                raise SessionError(f"{self.path}: an SQLite database, but not a Galley session")
        if version < SCHEMA_VERSION:
            self._migrate(version)
        self._verify()

    def _migrate(self, version: int) -> None:
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            for v in range(version, SCHEMA_VERSION):
                for statement in _statements(MIGRATIONS[v]):
                    conn.execute(statement)
            if version == 0:
                conn.execute("INSERT INTO meta(key, value) VALUES ('created_at', ?)", (_now(),))
            conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            conn.execute(
                "INSERT OR REPLACE INTO meta(key, value) VALUES ('migrated_at', ?)",
                (_now(),),
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def _verify(self) -> None:
        row = self._conn.execute("PRAGMA quick_check").fetchone()
        if not row or row[0] != "ok":
            raise SessionError(f"{self.path}: the session file is damaged ({row[0] if row else 'unreadable'})")
        names = {r[0] for r in self._conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not {"meta", "articles", "decisions"} <= names:
            raise SessionError(f"{self.path}: not a Galley session")

    @staticmethod
    def default_path(paths: Sequence[str | os.PathLike[str]]) -> Path:
        """Where the editor keeps the session for what it opened.

        One file: `<folder>/<file name>.galley` beside it (`corpus.jsonl` → `corpus.jsonl.galley`, so `a.txt` and
        `a.html` do not share one). One folder: `<folder>/.galley/session.galley` (a hidden folder the loaders
        skip). Several paths, nothing (the bundled sample) or a folder we cannot write: the user data folder,
        `<user data>/sessions/<name>-<hash of the paths>.galley`, so the same set of paths finds its session again.
        """
        resolved = [Path(p).expanduser().resolve() for p in paths]
        if len(resolved) == 1:
            target = resolved[0]
            if target.is_dir():
                candidate = target / ".galley" / "session.galley"
                folder_ok = (
                    _default_folder_writable(candidate.parent)
                    if candidate.parent.exists()
                    else _default_folder_writable(target)
                )
            else:
                candidate = target.with_name(target.name + SUFFIX)
                folder_ok = _default_folder_writable(target.parent)
            if folder_ok and (not candidate.exists() or os.access(candidate, os.W_OK)):
                return candidate
        return _user_data_session(resolved)

    # ------------------------------------------------------------------------------------------ closing

    def close(self) -> None:
        """Write what is pending, checkpoint the WAL into the main file, release the lock."""
        with self._mutex:
            if self._closed:
                return
            try:
                if not self.readonly:
                    self.flush(full=True)
                    with contextlib.suppress(sqlite3.Error):
                        self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                self._closed = True
                self._conn.close()
                if self._lock is not None:
                    self._lock.release()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def closed(self) -> bool:
        return self._closed

    # ------------------------------------------------------------------------------------------ transactions

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One committed transaction, or none: any failure rolls back and becomes a `SessionError`."""
        if self.readonly:
            raise SessionError(f"{self.path}: opened read-only")
        if self._closed:
            raise SessionError(f"{self.path}: the session is closed")
        with self._mutex:
            conn = self._conn
            self._after_commit = []
            try:
                conn.execute("BEGIN IMMEDIATE")
                yield conn
                conn.execute("COMMIT")
            except sqlite3.Error as e:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
                raise SessionError(_explain_db_error(self.path, e)) from e
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
                raise
            finally:
                done, self._after_commit = self._after_commit, []
            for callback in done:
                callback()

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        with self._mutex:
            if self._closed:
                raise SessionError(f"{self.path}: the session is closed")
            try:
                return self._conn.execute(sql, params).fetchall()
            except sqlite3.Error as e:
                raise SessionError(_explain_db_error(self.path, e)) from e

    # ------------------------------------------------------------------------------------------ articles

    def add_article(self, article: Article) -> int:
        """The article's id, adding it if new. Re-adding the same source record returns the existing id and
        keeps the session's work (call `source_changed` to learn whether the file moved on)."""
        return self.add_articles([article])[0]

    def add_articles(self, articles: Iterable[Article]) -> list[int]:
        """`add_article` for many at once, in one transaction (one disk sync for a whole batch of a corpus)."""
        batch = list(articles)
        ids: list[int] = []
        with self._write() as conn:
            position = int(conn.execute("SELECT coalesce(max(position), 0) FROM articles").fetchone()[0])
            for article in batch:
                source = _source_key(article.source)
                row = conn.execute(
                    "SELECT id FROM articles WHERE source = ? AND record_index = ?",
                    (source, article.index),
                ).fetchone()
                if row is not None:
                    ids.append(int(row[0]))
                    continue
                position += 1
                ids.append(self._insert_article(conn, article, source, position))
        return ids

    def _insert_article(self, conn: sqlite3.Connection, article: Article, source: str, position: int) -> int:
        size, mtime = _file_signature(article.source)
        now = _now()
        cur = conn.execute(
            """INSERT INTO articles(source, record_index, sha256, status, updated_at, position, line, title,
                   url, lang, date, encoding, meta_json, source_size, source_mtime_ns, added_at, status_at)
               VALUES (?, ?, ?, 'todo', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                source,
                article.index,
                text_sha256(article.text),
                now,
                position,
                article.meta.get("line"),
                _storable(article.title),
                _storable(article.url),
                article.lang,
                _storable(article.date),
                article.encoding,
                _dump(_meta_for_storage(article)),
                size,
                mtime,
                now,
                now,
            ),
        )
        article_id = int(cur.lastrowid or 0)
        self._put_text(conn, article_id, "raw", _storable(article.text) or "")
        return article_id

    def add_load_error(self, source: str, line: int | None, raw: str | None) -> None:
        """Keep a bad JSONL line verbatim, so exporting the corpus writes it back where it was."""
        if line is None or raw is None:
            return
        with self._write() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO raw_lines(source, line, raw) VALUES (?, ?, ?)",
                (_source_key(source), line, _storable(raw)),
            )

    def add_paths(
        self, paths: Iterable[str | os.PathLike[str]], encoding: str | None = None, batch: int = 500
    ) -> list[int]:
        """Load every article under `paths` into the session (bad JSONL lines kept verbatim); their ids.
        Articles are added `batch` at a time, so a corpus of thousands costs a few disk syncs."""
        from editor.formats.loaders import LoadError, iter_paths

        ids: list[int] = []
        pending: list[Article] = []
        for item in iter_paths(paths, encoding):
            if isinstance(item, LoadError):
                self.add_load_error(item.source, item.line, item.raw)
                continue
            pending.append(item)
            if len(pending) >= batch:
                ids.extend(self.add_articles(pending))
                pending = []
        if pending:
            ids.extend(self.add_articles(pending))
        return ids

    def articles(self) -> list[ArticleRecord]:
        rows = self._read(
            """SELECT a.*, (SELECT count(*) FROM decisions d WHERE d.article_id = a.id AND d.active) AS n
               FROM articles a ORDER BY position, id"""
        )
        return [_record(r) for r in rows]

    def article_record(self, article_id: int) -> ArticleRecord:
        rows = self._read(
            """SELECT a.*, (SELECT count(*) FROM decisions d WHERE d.article_id = a.id AND d.active) AS n
               FROM articles a WHERE id = ?""",
            (article_id,),
        )
        if not rows:
            raise KeyError(article_id)
        return _record(rows[0])

    def article(self, article_id: int) -> Article:
        """The article as it was when added (from the session, so it works when the source is gone)."""
        rows = self._read("SELECT * FROM articles WHERE id = ?", (article_id,))
        if not rows:
            raise KeyError(article_id)
        row = rows[0]
        meta = json.loads(row["meta_json"]) if row["meta_json"] else {}
        text = self._get_text(article_id, "raw")
        if text is None:  # a version-1 session kept no text: read the source again
            loaded = _load_record(row["source"], row["record_index"])
            if loaded is None:
                raise SessionError(f"{row['source']}: the source is gone and this older session kept no copy")
            return loaded
        if isinstance(meta.get("line"), int):
            meta.pop("line")
        art = Article(
            text=text,
            title=row["title"],
            url=row["url"],
            lang=row["lang"],
            date=row["date"],
            source=row["source"],
            index=row["record_index"],
            encoding=row["encoding"] or "utf-8",
            fallback_lines=list(meta.pop("fallback_lines", [])),
            meta=meta,
        )
        if row["line"] is not None:
            art.meta["line"] = row["line"]
        return art

    def set_status(self, article_id: int, status: Status | str) -> None:
        value = Status(status)
        with self._write() as conn:
            now = _now()
            cur = conn.execute(
                "UPDATE articles SET status = ?, status_at = ?, updated_at = ? WHERE id = ?",
                (str(value), now, now, article_id),
            )
            if cur.rowcount == 0:
                raise KeyError(article_id)

    def raw_lines(self, source: str) -> dict[int, str]:
        """Bad JSONL lines of one source, by line number."""
        rows = self._read("SELECT line, raw FROM raw_lines WHERE source = ?", (_source_key(source),))
        return {int(r["line"]): r["raw"] for r in rows}

    # ------------------------------------------------------------------------------------------ decisions

    def record_decision(
        self,
        article_id: int,
        *,
        action: Action | str,
        category: str,
        rule: str,
        start: int,
        end: int,
        text: str,
        replacement: str | None = None,
        context_before: str = "",
        context_after: str = "",
        auto: bool = False,
        item_id: int | None = None,
        state: StateLike | None = None,
    ) -> int:
        """Commit one decision (and the review state it produced, in the same transaction); its id.

        Returns only once the decision is on disk. A newer decision about the same review item replaces the
        older one in `decisions()` (the older stays in the file, inactive)."""
        with self._mutex:
            snapshot = _state_of(state) if state is not None else None
            with self._write() as conn:
                self._flush_into(conn, exclude=article_id if snapshot is not None else None)
                did = self._insert_decision(
                    conn,
                    article_id,
                    Action(action),
                    category,
                    rule,
                    start,
                    end,
                    text,
                    replacement,
                    context_before,
                    context_after,
                    auto,
                    item_id,
                )
                if snapshot is not None:
                    self._store_state(conn, article_id, snapshot)
                self._touch_in_progress(conn, article_id)
            return did

    def _insert_decision(
        self,
        conn: sqlite3.Connection,
        article_id: int,
        action: Action,
        category: str,
        rule: str,
        start: int,
        end: int,
        text: str,
        replacement: str | None,
        context_before: str,
        context_after: str,
        auto: bool,
        item_id: int | None,
    ) -> int:
        if item_id is not None:
            conn.execute(
                "UPDATE decisions SET active = 0 WHERE article_id = ? AND item_id = ? AND active",
                (article_id, item_id),
            )
        cur = conn.execute(
            """INSERT INTO decisions(article_id, action, rule, start, "end", text, replacement, decided_at,
                   category, context_before, context_after, auto, item_id, active)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)""",
            (
                article_id,
                str(action),
                rule,
                start,
                end,
                _storable(text),
                _storable(replacement),
                _now(),
                category,
                _storable(context_before),
                _storable(context_after),
                int(auto),
                item_id,
            ),
        )
        return int(cur.lastrowid or 0)

    def withdraw_decision(self, decision_id: int, state: StateLike | None = None) -> None:
        """Mark a decision undone (the finding is pending again), with the state after the undo."""
        with self._mutex:
            snapshot = _state_of(state) if state is not None else None
            with self._write() as conn:
                row = conn.execute("SELECT article_id FROM decisions WHERE id = ?", (decision_id,)).fetchone()
                if row is None:
                    raise KeyError(decision_id)
                conn.execute("UPDATE decisions SET active = 0 WHERE id = ?", (decision_id,))
                if snapshot is not None:
                    self._flush_into(conn, exclude=int(row[0]))
                    self._store_state(conn, int(row[0]), snapshot)

    def decisions(self, article_id: int | None = None, *, active_only: bool = True) -> list[Decision]:
        where = []
        params: list[Any] = []
        if article_id is not None:
            where.append("article_id = ?")
            params.append(article_id)
        if active_only:
            where.append("active")
        sql = "SELECT * FROM decisions" + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY id"
        return [_decision(r) for r in self._read(sql, params)]

    def commit_review(self, article_id: int, review: Any, *, defer_state: bool = True) -> list[int]:
        """Make the session's decisions match a review's items, committed before returning; the ids of the
        decisions newly recorded.

        The editor calls this after every accept, reject, revert, accept-all, undo and redo. What is written
        stays small so this is fast on a 200k-word article: the decision rows, plus the cleaned text when the
        person typed since the last full state. The full review state (megabytes there: every item and the undo
        journal) is written only when the rows cannot rebuild it (an undone decision, a decision on an item newer
        than the saved state, a bulk accept, many deferred decisions), and on `flush(full=True)` and `close`.
        `restore_review` rebuilds the review from the saved state, the decision rows and the typed text."""
        with self._mutex:
            wanted = {d["item_id"]: d for d in decisions_from_review(review)}
            new_ids: list[int] = []
            written_next = self._written_next_id.get(article_id)
            with self._write() as conn:
                current = {
                    int(r["item_id"]): r
                    for r in conn.execute(
                        "SELECT * FROM decisions WHERE article_id = ? AND active AND item_id IS NOT NULL",
                        (article_id,),
                    )
                }
                withdrawn = False
                for item_id, row in current.items():
                    want = wanted.get(item_id)
                    if want is None or (want["action"], want["replacement"]) != (row["action"], row["replacement"]):
                        conn.execute("UPDATE decisions SET active = 0 WHERE id = ?", (row["id"],))
                        withdrawn = True
                newest = -1
                for item_id, want in wanted.items():
                    row = current.get(item_id)
                    if row is not None and (want["action"], want["replacement"]) == (row["action"], row["replacement"]):
                        continue
                    newest = max(newest, item_id)
                    new_ids.append(
                        self._insert_decision(
                            conn,
                            article_id,
                            Action(want["action"]),
                            want["category"],
                            want["rule"],
                            want["start"],
                            want["end"],
                            want["text"],
                            want["replacement"],
                            want["context_before"],
                            want["context_after"],
                            want["auto"],
                            item_id,
                        )
                    )
                deferred = self._deferred.get(article_id, 0) + len(new_ids)
                sync = (
                    not defer_state
                    or withdrawn
                    or written_next is None
                    or newest >= written_next
                    or len(new_ids) > BULK_DECISIONS
                    or deferred > MAX_DEFERRED
                    or not _is_review(review)
                )
                if sync:
                    self._store_state(conn, article_id, _state_of(review))
                elif article_id in self._pending or self._typed_newer(conn, article_id):
                    # typed text newer than the state exists: keep it newer than these rows too
                    self._store_typed(conn, article_id, review.cleaned)
                if wanted:
                    self._touch_in_progress(conn, article_id)
            self._pending.pop(article_id, None)
            if sync:
                self._deferred.pop(article_id, None)
                self._live.pop(article_id, None)
            else:
                self._deferred[article_id] = deferred
                self._live[article_id] = review  # for flush(full=True) and load_review; dropped once written
            return new_ids

    def restore_review(self, article_id: int, config: CheckConfig | None = None) -> Any:
        """The article's review as the person left it (None if it was never reviewed).

        The saved state is restored, the decisions committed after it (see `commit_review`) are replayed, then
        the text typed since is applied as one hand edit; so the review agrees with the decision list and holds
        everything committed."""
        state, typed = self.saved_review(article_id)
        if state is None:
            return None
        return rebuild_review(
            self.article(article_id), config or self.check_config(), state, self.decisions(article_id), typed
        )

    def saved_review(self, article_id: int) -> tuple[dict[str, Any] | None, str | None]:
        """What is on disk for an article's review: its last full state and the text typed since (or None).

        Pending typing is written first only on the thread that opened the session (the editor's): a worker
        (an export) must not ask the live review for its state while the person types."""
        if threading.get_ident() == self._owner:
            self.flush()
        raw_state = self._get_text(article_id, "state")
        if raw_state is None:
            return None, None
        state: dict[str, Any] = json.loads(raw_state)
        return state, self._get_text(article_id, "typed")

    # ------------------------------------------------------------------------------------------ review state

    def save_review(self, article_id: int, state: StateLike) -> None:
        """Commit a full review state now (decisions that should be listed go through `commit_review`)."""
        with self._mutex:
            snapshot = _state_of(state)
            with self._write() as conn:
                self._flush_into(conn, exclude=article_id)
                self._store_state(conn, article_id, snapshot)

    def load_review(self, article_id: int) -> dict[str, Any] | None:
        """The newest review state, ready for `Review.restore`: a pending one first, else the saved one, rebuilt
        with the decisions and typing committed after it when there are any (after a crash, or for a reader
        while the editor works)."""
        with self._mutex:
            pending = self._pending.get(article_id)
            if pending is not None:
                return dict(_state_of(pending.state))
            live = self._live.get(article_id)
            if live is not None and self._deferred.get(article_id):
                return dict(_state_of(live))
        raw = self._get_text(article_id, "state")
        if raw is None:
            return None
        if self._behind(article_id):
            try:
                review = self.restore_review(article_id)
            except (ValueError, KeyError, TypeError):
                review = None  # not a review's state (a client storing its own): return it as saved
            if review is not None:
                rebuilt: dict[str, Any] = review.to_state()
                return rebuilt
        loaded: dict[str, Any] = json.loads(raw)
        return loaded

    def cleaned_text_v1(self, article_id: int) -> str | None:
        """The cleaned text a version-1 session stored, for articles never reopened since the migration."""
        rows = self._read("SELECT cleaned_text FROM articles WHERE id = ?", (article_id,))
        return rows[0][0] if rows else None

    def save_text(self, article_id: int, state: StateLike) -> None:
        """Remember the newest text after typing; written within `FLUSH_DELAY` seconds.

        Pass the review itself: a keystroke then costs nothing here, and the batch writes only its cleaned text
        (a full state is written when the article has none yet). A plain state mapping is written whole."""
        with self._mutex:
            now = time.monotonic()
            old = self._pending.get(article_id)
            self._pending[article_id] = _Pending(state, old.since if old else now)
            if now - min(p.since for p in self._pending.values()) >= FLUSH_DELAY:
                self.flush()

    @property
    def has_pending(self) -> bool:
        return bool(self._pending) or self._pending_current is not None

    def flush(self, *, full: bool = False) -> None:
        """Write every pending hand edit and cursor move in one transaction; `full` also writes the complete
        review state of every article with work not yet in one (on switching article, on close)."""
        with self._mutex:
            if self._closed or self.readonly:
                return
            if full:
                for article_id, count in self._deferred.items():
                    if count and article_id not in self._pending and article_id in self._live:
                        self._pending[article_id] = _Pending(self._live[article_id], time.monotonic())
            if not self.has_pending:
                return
            with self._write() as conn:
                self._flush_into(conn, full=full)

    def _flush_into(self, conn: sqlite3.Connection, exclude: int | None = None, *, full: bool = False) -> None:
        pending, self._pending = self._pending, {}
        try:
            for article_id, p in pending.items():
                if article_id == exclude:
                    continue
                if _is_review(p.state) and not full and self._has_state(conn, article_id):
                    self._store_typed(conn, article_id, p.state.cleaned)  # type: ignore[union-attr]
                else:
                    self._store_state(conn, article_id, _state_of(p.state))
            if self._pending_current is not None:
                article_id, cursor = self._pending_current
                now = _now()
                conn.executemany(
                    "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
                    [("current_article", str(article_id)), ("cursor", str(cursor)), ("current_at", now)],
                )
        except BaseException:
            # Not written: keep it pending so the next flush tries again.
            for k, v in pending.items():
                self._pending.setdefault(k, v)
            raise
        self._pending_current = None

    def _has_state(self, conn: sqlite3.Connection, article_id: int) -> bool:
        row = conn.execute("SELECT 1 FROM texts WHERE article_id = ? AND kind = 'state'", (article_id,)).fetchone()
        return row is not None

    def _typed_newer(self, conn: sqlite3.Connection, article_id: int) -> bool:
        row = conn.execute("SELECT 1 FROM texts WHERE article_id = ? AND kind = 'typed'", (article_id,)).fetchone()
        return row is not None

    def _store_typed(self, conn: sqlite3.Connection, article_id: int, text: str) -> None:
        """The cleaned text after typing: newer than the saved state, which it updates by one hand edit."""
        self._put_text(conn, article_id, "typed", _storable(text) or "")

    def _store_state(self, conn: sqlite3.Connection, article_id: int, state: Mapping[str, Any]) -> None:
        next_id = state.get("next_id")
        if isinstance(next_id, int):
            self._after_commit.append(lambda: self._written_next_id.__setitem__(article_id, next_id))

        def written() -> None:
            self._deferred.pop(article_id, None)
            self._live.pop(article_id, None)

        self._after_commit.append(written)
        now = _now()
        cur = conn.execute("UPDATE articles SET state_at = ?, updated_at = ? WHERE id = ?", (now, now, article_id))
        if cur.rowcount == 0:
            raise KeyError(article_id)
        self._put_text(conn, article_id, "state", _dump(state))
        conn.execute("DELETE FROM texts WHERE article_id = ? AND kind = 'typed'", (article_id,))

    def _put_text(self, conn: sqlite3.Connection, article_id: int, kind: str, body: str) -> None:
        # `mark`: the newest decision row this text already reflects (rows after it are replayed on restore)
        conn.execute(
            """INSERT OR REPLACE INTO texts(article_id, kind, body, at, mark)
               VALUES (?, ?, ?, ?, (SELECT coalesce(max(id), 0) FROM decisions WHERE article_id = ?))""",
            (article_id, kind, body, _now(), article_id),
        )

    def _behind(self, article_id: int) -> bool:
        """Whether decisions or typing were committed after the article's full state (see `commit_review`)."""
        rows = self._read(
            """SELECT EXISTS(SELECT 1 FROM texts WHERE article_id = ? AND kind = 'typed')
                   OR EXISTS(SELECT 1 FROM decisions d, texts t WHERE t.article_id = ? AND t.kind = 'state'
                             AND d.article_id = t.article_id AND d.id > t.mark)""",
            (article_id, article_id),
        )
        return bool(rows[0][0])

    def _get_text(self, article_id: int, kind: str) -> str | None:
        rows = self._read("SELECT body FROM texts WHERE article_id = ? AND kind = ?", (article_id, kind))
        return str(rows[0][0]) if rows else None

    def _touch_in_progress(self, conn: sqlite3.Connection, article_id: int) -> None:
        now = _now()
        conn.execute(
            "UPDATE articles SET status = 'in_progress', status_at = ? WHERE id = ? AND status = 'todo'",
            (now, article_id),
        )

    # ------------------------------------------------------------------------------------------ where the person is

    def set_current(self, article_id: int, cursor: int = 0) -> None:
        """The article shown and the cursor in it; batched with typing (≤ 1 s)."""
        with self._mutex:
            self._pending_current = (article_id, cursor)
            if self._pending and time.monotonic() - min(p.since for p in self._pending.values()) >= FLUSH_DELAY:
                self.flush()

    def current(self) -> tuple[int, int] | None:
        """(article id, cursor) where the person was, or None for a new session."""
        with self._mutex:
            if self._pending_current is not None:
                return self._pending_current
        values = self._meta_values("current_article", "cursor")
        if values.get("current_article") is None:
            return None
        return int(values["current_article"]), int(values.get("cursor") or 0)

    def _meta_values(self, *keys: str) -> dict[str, str]:
        marks = ",".join("?" * len(keys))
        return {r[0]: r[1] for r in self._read(f"SELECT key, value FROM meta WHERE key IN ({marks})", keys)}

    def set_meta(self, key: str, value: Any) -> None:
        """Small session-wide settings (the check configuration, the window's choices), stored as JSON."""
        with self._write() as conn:
            conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (f"x:{key}", _dump(value)))

    def get_meta(self, key: str, default: Any = None) -> Any:
        rows = self._read("SELECT value FROM meta WHERE key = ?", (f"x:{key}",))
        return json.loads(rows[0][0]) if rows else default

    def set_check_config(self, config: CheckConfig) -> None:
        """Remember the settings the session is reviewed with (language, profile, rule choices, glossary)."""
        self.set_meta(
            "config",
            {
                "lang": config.lang,
                "profile": config.profile,
                "enabled": list(config.enabled),
                "disabled": list(config.disabled),
                "glossary_path": config.glossary_path,
            },
        )

    def check_config(self) -> CheckConfig:
        """The settings the session was reviewed with, plus its ignore list (defaults for a new session)."""
        stored = self.get_meta("config", {}) or {}
        fields: dict[str, Any] = {k: stored[k] for k in ("lang", "profile", "glossary_path") if k in stored}
        for k in ("enabled", "disabled"):
            if isinstance(stored.get(k), list):
                fields[k] = tuple(str(x) for x in stored[k])
        return CheckConfig(ignored_words=frozenset(self.ignored_words()), **fields)

    # ------------------------------------------------------------------------------------------ ignore list

    def ignore_word(self, word: str) -> None:
        with self._write() as conn:
            conn.execute("INSERT OR IGNORE INTO ignore_words(word, added_at) VALUES (?, ?)", (_storable(word), _now()))

    def unignore_word(self, word: str) -> None:
        with self._write() as conn:
            conn.execute("DELETE FROM ignore_words WHERE word = ?", (word,))

    def ignored_words(self) -> list[str]:
        return [r[0] for r in self._read("SELECT word FROM ignore_words ORDER BY word")]

    # ------------------------------------------------------------------------------------------ changed sources

    def source_changed(self, article_id: int) -> bool:
        """True when the source file (or JSONL record) no longer holds the text the session recorded.

        A missing source is not "changed": the session's copy is then the only one and stays authoritative."""
        rows = self._read(
            "SELECT source, record_index, sha256, source_size, source_mtime_ns FROM articles WHERE id = ?",
            (article_id,),
        )
        if not rows:
            raise KeyError(article_id)
        row = rows[0]
        size, mtime = _file_signature(row["source"])
        if size is None:
            return False
        if (size, mtime) == (row["source_size"], row["source_mtime_ns"]):
            return False
        fresh = _load_record(row["source"], row["record_index"])
        if fresh is None:
            return True
        return text_sha256(fresh.text) != str(row["sha256"])

    def reload_source(self, article_id: int) -> Article | None:
        """The article as the source file holds it now (None when it is gone or no longer loads)."""
        rec = self.article_record(article_id)
        return _load_record(rec.source, rec.record_index)

    def keep_session_version(self, article_id: int) -> None:
        """The person chose the session's work over the changed file: stop asking until the file changes again."""
        rec = self.article_record(article_id)
        size, mtime = _file_signature(rec.source)
        with self._write() as conn:
            conn.execute(
                "UPDATE articles SET source_size = ?, source_mtime_ns = ? WHERE id = ?",
                (size, mtime, article_id),
            )

    def reapply(self, article_id: int, new_article: Article, config: CheckConfig | None = None) -> ReapplyResult:
        """Replace an article's text by the changed source and re-apply the decisions that still match.

        A decision matches when the new text holds the same rule's finding on the same text with the same
        context on both sides (the nearest such place to the old position wins). Matched decisions are replayed
        on a fresh review; the others are counted as lost (and listed). Hand edits are not replayed (they are
        lost with the old text); the person chose this knowing it. The article's new text, fingerprint, review
        state and decisions are committed together."""
        from editor.core.review import Review

        old = self.decisions(article_id)
        rv = Review.open(new_article, config if config is not None else self.check_config())
        text = new_article.text
        kept_pairs: list[tuple[Decision, Any]] = []
        lost: list[Decision] = []
        used: set[int] = set()
        for d in old:
            item = _match_item(rv, text, d, used)
            if item is None:
                lost.append(d)
            else:
                used.add(item.id)
                kept_pairs.append((d, item))
        replayed: list[tuple[Decision, Any]] = []
        for d, item in kept_pairs:
            try:
                if d.action == Action.ACCEPTED:
                    rv.accept(item.id, d.replacement)
                elif d.action == Action.REJECTED:
                    rv.reject(item.id)
                elif d.action == Action.REVERTED:
                    rv.revert(item.id)
                elif d.action == Action.IGNORED:
                    rv.ignore_word(d.text)
                replayed.append((d, item))
            except (ValueError, KeyError, IndexError):
                lost.append(d)
        state = rv.to_state()
        wanted = {w["item_id"]: w for w in decisions_from_review(rv)}
        size, mtime = _file_signature(new_article.source)
        with self._mutex, self._write() as conn:
            self._pending.pop(article_id, None)
            self._live.pop(article_id, None)
            self._deferred.pop(article_id, None)
            conn.execute("UPDATE decisions SET active = 0 WHERE article_id = ? AND active", (article_id,))
            for want in wanted.values():
                self._insert_decision(
                    conn,
                    article_id,
                    Action(want["action"]),
                    want["category"],
                    want["rule"],
                    want["start"],
                    want["end"],
                    want["text"],
                    want["replacement"],
                    want["context_before"],
                    want["context_after"],
                    want["auto"],
                    want["item_id"],
                )
            now = _now()
            conn.execute(
                """UPDATE articles SET sha256 = ?, title = ?, url = ?, meta_json = ?,
                       source_size = ?, source_mtime_ns = ?, state_at = ?, updated_at = ?, line = ?
                   WHERE id = ?""",
                (
                    text_sha256(text),
                    _storable(new_article.title),
                    _storable(new_article.url),
                    _dump(_meta_for_storage(new_article)),
                    size,
                    mtime,
                    now,
                    now,
                    new_article.meta.get("line"),
                    article_id,
                ),
            )
            self._put_text(conn, article_id, "raw", _storable(text) or "")
            self._put_text(conn, article_id, "state", _dump(state))
            conn.execute("DELETE FROM texts WHERE article_id = ? AND kind = 'typed'", (article_id,))
            if isinstance(state.get("next_id"), int):
                self._after_commit.append(lambda: self._written_next_id.__setitem__(article_id, state["next_id"]))
        return ReapplyResult(len(replayed), len(lost), tuple(lost), state)

    # ------------------------------------------------------------------------------------------ checks

    def integrity_check(self) -> str:
        rows = self._read("PRAGMA integrity_check")
        return "; ".join(str(r[0]) for r in rows)

    def schema_version(self) -> int:
        return int(self._read("PRAGMA user_version")[0][0])

    def summary(self) -> dict[str, Any]:
        """Counts for `galley session`: articles by status, decisions by action."""
        by_status = {str(s): 0 for s in Status}
        for r in self._read("SELECT status, count(*) FROM articles GROUP BY status"):
            by_status[r[0]] = int(r[1])
        by_action = {str(a): 0 for a in Action}
        for r in self._read("SELECT action, count(*) FROM decisions WHERE active GROUP BY action"):
            by_action[r[0]] = int(r[1])
        return {"articles": by_status, "decisions": by_action, "ignored_words": len(self.ignored_words())}


# ---------------------------------------------------------------------------------------------------- helpers


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def _check_header(p: Path) -> None:
    """Refuse a file that is not SQLite at all before SQLite gets to see it."""
    try:
        with open(p, "rb") as f:
            head = f.read(16)
    except OSError as e:
        raise SessionError(f"{p}: cannot read the session ({e.strerror or e})") from e
    if head and head != b"SQLite format 3\x00":
        raise SessionError(f"{p}: not a Galley session (not an SQLite database)")


def _connect(p: Path, *, readonly: bool) -> sqlite3.Connection:
    if readonly:
        uri = p.resolve().as_uri() + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False, timeout=10)
    else:
        conn = sqlite3.connect(p, isolation_level=None, check_same_thread=False, timeout=10)
    conn.row_factory = sqlite3.Row
    return conn


def _version(conn: sqlite3.Connection, p: Path) -> int:
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise SessionError(f"{p}: made by a newer Galley (session version {version}); update Galley to open it")
    if version:
        app = int(conn.execute("PRAGMA application_id").fetchone()[0])
        if app not in (0, APPLICATION_ID):
            raise SessionError(f"{p}: an SQLite database, but not a Galley session")
    return version


def _user_data_session(resolved: Sequence[Path]) -> Path:
    import platformdirs

    key = "\n".join(sorted(str(p) for p in resolved)) or "<sample>"
    digest = hashlib.sha256(key.encode("utf-8", errors="surrogatepass")).hexdigest()[:12]
    from editor.core.fileio import safe_stem

    first = min(resolved, key=str) if resolved else None
    name = safe_stem(first.name if first else "sample", fallback="session", max_bytes=60)
    return Path(platformdirs.user_data_dir("galley")) / "sessions" / f"{name}-{digest}{SUFFIX}"


def _source_key(source: str) -> str:
    if source.startswith("<"):
        return source
    try:
        return str(Path(source).resolve())
    except OSError:
        return source


def _file_signature(source: str) -> tuple[int | None, int | None]:
    try:
        st = os.stat(source)
    except (OSError, ValueError):
        return None, None
    return st.st_size, st.st_mtime_ns


def _meta_for_storage(article: Article) -> dict[str, Any]:
    meta = {k: v for k, v in article.meta.items() if k != "line"}
    if article.fallback_lines:
        meta["fallback_lines"] = list(article.fallback_lines)
    return meta


def _load_record(source: str, record_index: int) -> Article | None:
    """Re-read one article from its source; None when it is gone or no longer loads."""
    from editor.formats.loaders import LoadError, iter_file

    if not os.path.exists(source):
        return None
    for item in iter_file(source):
        if isinstance(item, LoadError):
            continue
        if item.index == record_index:
            return item
        if item.index > record_index:
            break
    return None


def _record(r: sqlite3.Row) -> ArticleRecord:
    status = r["status"]
    return ArticleRecord(
        id=int(r["id"]),
        position=int(r["position"] or r["id"]),
        source=r["source"],
        record_index=int(r["record_index"]),
        line=r["line"],
        sha256=r["sha256"],
        title=r["title"],
        url=r["url"],
        lang=r["lang"],
        status=Status(status) if status in Status._value2member_map_ else Status.TODO,
        added_at=r["added_at"] or r["updated_at"],
        status_at=r["status_at"],
        state_at=r["state_at"],
        decisions=int(r["n"]),
    )


def _decision(r: sqlite3.Row) -> Decision:
    return Decision(
        id=int(r["id"]),
        article_id=int(r["article_id"]),
        action=Action(r["action"]),
        category=r["category"] or r["rule"].split(".", 1)[0],
        rule=r["rule"],
        start=int(r["start"]),
        end=int(r["end"]),
        text=r["text"],
        replacement=r["replacement"],
        context_before=r["context_before"],
        context_after=r["context_after"],
        auto=bool(r["auto"]),
        item_id=r["item_id"],
        decided_at=r["decided_at"],
        active=bool(r["active"]),
    )


def rebuild_review(
    article: Article,
    config: CheckConfig,
    state: dict[str, Any],
    decisions: Sequence[Decision],
    typed: str | None = None,
) -> Any:
    """A review from its saved state, the session's decision rows and the text typed since the state.

    Pure (no session needed), so an export can rebuild reviews in worker processes. Replaying a decision the
    state already holds changes nothing; one whose text a later hand edit removed is skipped."""
    from editor.core.review import Review
    from editor.core.review import Status as ItemStatus

    review = Review.restore(article, config, state)
    by_item = {d.item_id: d for d in decisions if d.item_id is not None and d.active}
    for item in review.items:
        d = by_item.get(item.id)
        if d is None:
            continue
        try:
            current = review.item(item.id)  # an earlier replay may have dropped it
            if current.status is ItemStatus.PENDING:
                if d.action == Action.ACCEPTED and d.replacement is not None:
                    review.accept(item.id, d.replacement)
                elif d.action == Action.REJECTED:
                    review.reject(item.id)
                elif d.action == Action.IGNORED:
                    review.ignore_word(current.text)
            elif current.status is ItemStatus.AUTO and d.action == Action.REVERTED:
                review.revert(item.id)
        except (ValueError, KeyError):
            continue  # the text it applied to is gone (edited by hand since): nothing left to replay
    if typed is not None and typed != review.cleaned:
        a, b, text = _difference(review.cleaned, typed)
        review.edit(a, b, text)
    return review


def context_around(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> tuple[str, str]:
    """The text on each side of a span, used to find a decision again in a changed source."""
    return text[max(0, start - width) : start], text[end : end + width]


_ACTION_OF_STATUS = {
    "accepted": Action.ACCEPTED,
    "rejected": Action.REJECTED,
    "ignored": Action.IGNORED,
    "reverted": Action.REVERTED,
}


def decisions_from_review(review: Any) -> list[dict[str, Any]]:
    """The decisions a review holds (items the person accepted, rejected, ignored or reverted), with their
    raw-text span and context, ready for the decisions table."""
    raw: str = review.raw
    out: list[dict[str, Any]] = []
    for item in review.items:
        action = _ACTION_OF_STATUS.get(str(item.status))
        if action is None:
            continue
        f = item.finding
        start, end, text = f.start, f.end, f.text
        raw_start = getattr(item, "raw_start", None)
        raw_end = getattr(item, "raw_end", None)
        if raw_start is not None and raw_end is not None:
            start, end = int(raw_start), int(raw_end)
            text = raw[start:end] if raw[start:end] == f.text else f.text
        before, after = context_around(raw, start, end) if raw[start:end] == text else ("", "")
        replacement = item.replacement if action == Action.ACCEPTED else None
        out.append(
            {
                "item_id": int(item.id),
                "action": str(action),
                "category": f.category,
                "rule": f.rule,
                "start": start,
                "end": end,
                "text": text,
                "replacement": replacement,
                "context_before": before,
                "context_after": after,
                "auto": bool(f.auto),
            }
        )
    return out


def _common_suffix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _match_item(review: Any, text: str, d: Decision, used: set[int]) -> Any:
    """The item of a fresh review that is the same finding as decision `d`.

    Same rule, same text at its raw span, and the nearest `MATCH_CONTEXT` characters on each side unchanged
    (an edit further away does not lose the decision); among several, the one sharing the most context, then
    the nearest to the old position, wins."""
    best: Any = None
    best_key: tuple[int, int] | None = None
    need_before = d.context_before[-MATCH_CONTEXT:]
    need_after = d.context_after[:MATCH_CONTEXT]
    for item in review.items:
        f = item.finding
        if item.id in used or f.rule != d.rule or f.text != d.text:
            continue
        start = getattr(item, "raw_start", None)
        end = getattr(item, "raw_end", None)
        if start is None or end is None:
            start, end = f.start, f.end
        if text[start:end] != d.text:
            continue
        before = text[max(0, start - len(d.context_before)) : start]
        after = text[end : end + len(d.context_after)]
        if not before.endswith(need_before) or not after.startswith(need_after):
            continue
        if len(before) < len(need_before) or len(after) < len(need_after):
            continue
        key = (
            -(_common_suffix(before, d.context_before) + _common_prefix(after, d.context_after)),
            abs(start - d.start),
        )
        if best_key is None or key < best_key:
            best, best_key = item, key
    return best
