"""The SQLite file behind a session: schema and migrations, the single-writer lock, one-transaction writes.

Why SQLite in WAL mode with `synchronous=FULL`: a commit is on disk before `commit()` returns, a killed process
leaves either the old or the new state (commits survived every `kill -9` run), and a full disk is reported as an
error while every committed row stays. Each write is one transaction (`Store.write`), so nothing half-written can
ever be read back.

Schema versions live in `PRAGMA user_version` and are migrated forward in order on open; a new file runs every
migration from version 0, so the migration path is exercised on each new session.

One writer at a time: the writer takes an exclusive `flock` on a side file `<session>.lock` holding its pid. The
kernel drops the lock when the owner dies, so a crashed window never blocks the next one; a second live window
gets `SessionLocked` with a message naming the pid. Readers open the file read-only and need no lock: WAL lets
them read while the editor writes.

A session that does not exist yet is not created on open: until its first write it answers from an empty
in-memory database with the same schema, so opening a path that holds nothing to keep (a file that does not
exist, an empty folder) leaves no session, WAL, shared-memory or lock file behind.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from editor.core.article import Article
from editor.core.fileio import os_reason
from editor.core.i18n import _
from editor.core.session.paths import file_signature
from editor.core.session.records import (
    Action,
    ArticleRecord,
    Decision,
    SessionError,
    SessionLocked,
    Status,
    text_sha256,
)

if sys.platform != "win32":
    import fcntl

LOCK_SUFFIX = ".lock"
SCHEMA_VERSION = 4
APPLICATION_ID = 0x47414C59  # "GALY": marks the SQLite file as a Galley session

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")

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

# Version 4 keeps a fingerprint of the source file's content: size and modification time alone miss an edit
# that keeps both (a same-length edit within the time stamps' resolution, a tool that restores times).
_V4 = """
ALTER TABLE articles ADD COLUMN source_digest TEXT;
"""

MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3, _V4)  # MIGRATIONS[n] moves version n to n + 1
assert len(MIGRATIONS) == SCHEMA_VERSION


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def storable(text: str | None) -> str | None:
    """SQLite stores UTF-8: a lone surrogate (possible in decoded JSON) becomes U+FFFD instead of failing."""
    if text is None or not _LONE_SURROGATE.search(text):
        return text
    return _LONE_SURROGATE.sub("\ufffd", text)


def dump(obj: Any) -> str:
    """JSON for the session file; ensure_ascii keeps lone surrogates as escapes, so any state reads back intact."""
    return json.dumps(obj, ensure_ascii=True, separators=(",", ":"), default=str)


def explain_db_error(path: Path, e: sqlite3.Error) -> str:
    msg = str(e)
    low = msg.lower()
    if "full" in low or "disk i/o" in low:
        return _("{path}: the disk is full or failed; the last change was not saved (everything before it was)").format(
            path=path
        )
    if "readonly" in low or "read-only" in low:
        return _("{path}: the session file is read-only; changes cannot be saved").format(path=path)
    if "not a database" in low or "malformed" in low or "corrupt" in low:
        return _("{path}: the file is damaged or is not a Galley session").format(path=path)
    return f"{path}: {msg}"


# ---------------------------------------------------------------------------------------------------- lock


class FileLock:
    """An exclusive, crash-safe lock on `<session>.lock`: flock is released by the kernel when its owner dies."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> None:
        for _attempt in range(10):
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError as e:
                raise SessionError(
                    _("{path}: cannot create the lock file ({reason})").format(path=self.path, reason=os_reason(e))
                ) from e
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
        raise SessionError(_("{path}: cannot take the session lock").format(path=self.path))

    def probe(self) -> None:
        """Raise `SessionLocked` if a live process holds the lock; never creates the lock file."""
        try:
            fd = os.open(self.path, os.O_RDWR)
        except OSError:
            return  # no lock file: nobody holds it
        try:
            if not _try_lock(fd):
                raise SessionLocked(self.path.with_suffix(""), _read_pid(fd))
        finally:
            os.close(fd)  # closing drops a lock taken here

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


# ---------------------------------------------------------------------------------------------------- the file


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def _check_header(p: Path) -> None:
    """Refuse a file that is not SQLite at all before SQLite gets to see it."""
    try:
        with open(p, "rb") as f:
            head = f.read(16)
    except OSError as e:
        raise SessionError(_("{path}: cannot read the session ({reason})").format(path=p, reason=os_reason(e))) from e
    if head and head != b"SQLite format 3\x00":
        raise SessionError(_("{path}: not a Galley session (not an SQLite database)").format(path=p))


def _check_creatable(p: Path) -> None:
    """Refuse now a session file that could not be created later: its nearest existing folder must be writable."""
    folder = p.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not folder.is_dir():
        raise SessionError(
            _("{path}: cannot create the folder ({folder} is not a folder)").format(path=p.parent, folder=folder)
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise SessionError(
            _("{path}: cannot create the session ({folder} is not writable)").format(path=p, folder=folder)
        )


def _connect(p: Path | str, *, readonly: bool) -> sqlite3.Connection:
    if readonly:
        uri = Path(p).resolve().as_uri() + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False, timeout=10)
    else:
        conn = sqlite3.connect(p, isolation_level=None, check_same_thread=False, timeout=10)
    conn.row_factory = sqlite3.Row
    return conn


def _version(conn: sqlite3.Connection, p: Path) -> int:
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise SessionError(
            _("{path}: made by a newer Galley (session version {version}); update Galley to open it").format(
                path=p, version=version
            )
        )
    if version:
        app = int(conn.execute("PRAGMA application_id").fetchone()[0])
        if app not in (0, APPLICATION_ID):
            raise SessionError(_("{path}: an SQLite database, but not a Galley session").format(path=p))
    return version


def _prepare(conn: sqlite3.Connection, p: Path) -> None:
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    version = _version(conn, p)
    if version == 0:
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if tables:
            raise SessionError(_("{path}: an SQLite database, but not a Galley session").format(path=p))
    if version < SCHEMA_VERSION:
        _migrate(conn, version)
    _verify(conn, p)


def _migrate(conn: sqlite3.Connection, version: int) -> None:
    conn.execute("BEGIN IMMEDIATE")
    try:
        for v in range(version, SCHEMA_VERSION):
            for statement in _statements(MIGRATIONS[v]):
                conn.execute(statement)
        if version == 0:
            conn.execute("INSERT INTO meta(key, value) VALUES ('created_at', ?)", (now(),))
        conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('migrated_at', ?)", (now(),))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _verify(conn: sqlite3.Connection, p: Path) -> None:
    row = conn.execute("PRAGMA quick_check").fetchone()
    if not row or row[0] != "ok":
        raise SessionError(
            _("{path}: the session file is damaged ({reason})").format(
                path=p, reason=row[0] if row else _("unreadable")
            )
        )
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not {"meta", "articles", "decisions"} <= names:
        raise SessionError(_("{path}: not a Galley session").format(path=p))


def _open_writable(p: Path) -> tuple[sqlite3.Connection, FileLock]:
    """Lock, connect and migrate an existing (or about to be created) session file."""
    lock = FileLock(p.with_name(p.name + LOCK_SUFFIX))
    lock.acquire()
    conn: sqlite3.Connection | None = None
    try:
        conn = _connect(p, readonly=False)
        _prepare(conn, p)
    except BaseException as e:
        if conn is not None:
            conn.close()
        lock.release()
        if isinstance(e, sqlite3.Error):
            raise SessionError(explain_db_error(p, e)) from e
        raise
    return conn, lock


class Store:
    """One session file's connection: opening (with the lock), reads, and writes that are one transaction each.

    Thread-safe: one re-entrant lock (`mutex`) around the connection, shared with the `Session` above it."""

    def __init__(
        self, path: Path, conn: sqlite3.Connection, lock: FileLock | None, *, readonly: bool, on_disk: bool = True
    ) -> None:
        self.path = path
        self.readonly = readonly
        self.mutex = threading.RLock()
        self.closed = False
        self._conn = conn
        self._lock = lock
        self._on_disk = on_disk
        self._after_commit: list[Callable[[], None]] = []

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, readonly: bool = False, create: bool = True) -> Store:
        p = Path(path)
        if p.is_dir():
            raise SessionError(_("{path}: is a folder, not a session file").format(path=p))
        exists = p.exists()
        if not exists and (readonly or not create):
            raise SessionError(_("{path}: no such session file").format(path=p))
        if exists:
            _check_header(p)
        if readonly:
            return cls._open_readonly(p)
        if not exists:
            return cls._not_yet_created(p)
        conn, lock = _open_writable(p)
        return cls(p, conn, lock, readonly=False)

    @classmethod
    def _not_yet_created(cls, p: Path) -> Store:
        """A session with nothing in it yet: an empty in-memory database until the first write creates the file.

        What would make that first write fail is reported now, as for an existing file: a folder that cannot be
        created or written, or another live window creating the same session."""
        _check_creatable(p)
        FileLock(p.with_name(p.name + LOCK_SUFFIX)).probe()
        conn = _connect(":memory:", readonly=False)
        try:
            _prepare(conn, p)
        except sqlite3.Error as e:  # pragma: no cover - an in-memory database does not fail
            conn.close()
            raise SessionError(explain_db_error(p, e)) from e
        return cls(p, conn, None, readonly=False, on_disk=False)

    @classmethod
    def _open_readonly(cls, p: Path) -> Store:
        try:
            conn = _connect(p, readonly=True)
            version = _version(conn, p)
        except sqlite3.Error as e:
            raise SessionError(explain_db_error(p, e)) from e
        if version == 0:
            conn.close()
            raise SessionError(_("{path}: not a Galley session (an empty or unrelated SQLite file)").format(path=p))
        if version < SCHEMA_VERSION:
            # An older file: migrate it once (needs the write lock), then read.
            conn.close()
            cls.open(p).close()
            conn = _connect(p, readonly=True)
        try:
            _verify(conn, p)
        except sqlite3.Error as e:
            conn.close()
            raise SessionError(explain_db_error(p, e)) from e
        except BaseException:
            conn.close()
            raise
        return cls(p, conn, None, readonly=True)

    @property
    def on_disk(self) -> bool:
        """Whether the session file exists (a new session is created by its first write)."""
        return self._on_disk

    def _create(self) -> None:
        p = self.path
        if p.is_dir():
            raise SessionError(_("{path}: is a folder, not a session file").format(path=p))
        if p.exists():
            _check_header(p)  # another process created it meanwhile: open theirs (its lock decides)
        else:
            try:
                p.parent.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise SessionError(
                    _("{folder}: cannot create the folder ({reason})").format(folder=p.parent, reason=os_reason(e))
                ) from e
        conn, lock = _open_writable(p)
        self._conn.close()
        self._conn, self._lock, self._on_disk = conn, lock, True

    @contextlib.contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One committed transaction, or none: any failure rolls back and becomes a `SessionError`. Callbacks
        registered with `after_commit` during it run once it is committed."""
        if self.readonly:
            raise SessionError(_("{path}: opened read-only").format(path=self.path))
        if self.closed:
            raise SessionError(_("{path}: the session is closed").format(path=self.path))
        with self.mutex:
            if not self._on_disk:
                self._create()
            conn = self._conn
            self._after_commit = []
            try:
                conn.execute("BEGIN IMMEDIATE")
                yield conn
                conn.execute("COMMIT")
            except sqlite3.Error as e:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
                raise SessionError(explain_db_error(self.path, e)) from e
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
                raise
            finally:
                done, self._after_commit = self._after_commit, []
            for callback in done:
                callback()

    def after_commit(self, callback: Callable[[], None]) -> None:
        self._after_commit.append(callback)

    def read(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        with self.mutex:
            if self.closed:
                raise SessionError(_("{path}: the session is closed").format(path=self.path))
            try:
                return self._conn.execute(sql, params).fetchall()
            except sqlite3.Error as e:
                raise SessionError(explain_db_error(self.path, e)) from e

    def checkpoint(self) -> None:
        """Move the WAL into the main file (on close, so the session is one file again)."""
        if self._on_disk and not self.readonly and not self.closed:
            with self.mutex, contextlib.suppress(sqlite3.Error):
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        with self.mutex:
            if self.closed:
                return
            self.closed = True
            self._conn.close()
            if self._lock is not None:
                self._lock.release()


# ---------------------------------------------------------------------------------------------------- rows


def meta_for_storage(article: Article) -> dict[str, Any]:
    meta = {k: v for k, v in article.meta.items() if k != "line"}
    if article.fallback_lines:
        meta["fallback_lines"] = list(article.fallback_lines)
    return meta


def article_from_row(row: sqlite3.Row, text: str) -> Article:
    """The article as it was added, from its row and its raw text."""
    meta = json.loads(row["meta_json"]) if row["meta_json"] else {}
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


def record_from_row(r: sqlite3.Row) -> ArticleRecord:
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


def decision_from_row(r: sqlite3.Row) -> Decision:
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


# ---------------------------------------------------------------------------------------------------- writes
# Statements run inside a `Store.write()` transaction; the caller commits them together.


def insert_article(conn: sqlite3.Connection, article: Article, source: str, position: int, digest: str | None) -> int:
    """A new article row and its raw text; `digest` is its source file's content fingerprint (None if none)."""
    size, mtime = file_signature(article.source)
    at = now()
    cur = conn.execute(
        """INSERT INTO articles(source, record_index, sha256, status, updated_at, position, line, title, url, lang,
               date, encoding, meta_json, source_size, source_mtime_ns, source_digest, added_at, status_at)
           VALUES (?, ?, ?, 'todo', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (
            source,
            article.index,
            text_sha256(article.text),
            at,
            position,
            article.meta.get("line"),
            storable(article.title),
            storable(article.url),
            article.lang,
            storable(article.date),
            article.encoding,
            dump(meta_for_storage(article)),
            size,
            mtime,
            digest,
            at,
            at,
        ),
    )
    article_id = int(cur.lastrowid or 0)
    put_text(conn, article_id, "raw", storable(article.text) or "")
    return article_id


def replace_source(conn: sqlite3.Connection, article_id: int, article: Article, digest: str | None) -> None:
    """The article's text and description from its changed source (its decisions are the caller's business)."""
    size, mtime = file_signature(article.source)
    at = now()
    conn.execute(
        """UPDATE articles SET sha256 = ?, title = ?, url = ?, meta_json = ?, source_size = ?, source_mtime_ns = ?,
               source_digest = ?, state_at = ?, updated_at = ?, line = ?
           WHERE id = ?""",
        (
            text_sha256(article.text),
            storable(article.title),
            storable(article.url),
            dump(meta_for_storage(article)),
            size,
            mtime,
            digest,
            at,
            at,
            article.meta.get("line"),
            article_id,
        ),
    )
    put_text(conn, article_id, "raw", storable(article.text) or "")


def insert_decision(
    conn: sqlite3.Connection,
    article_id: int,
    *,
    action: Action | str,
    category: str,
    rule: str,
    start: int,
    end: int,
    text: str,
    replacement: str | None,
    context_before: str = "",
    context_after: str = "",
    auto: bool = False,
    item_id: int | None = None,
) -> int:
    """A decision row; a newer decision about the same review item makes the older one inactive."""
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
            str(Action(action)),
            rule,
            start,
            end,
            storable(text),
            storable(replacement),
            now(),
            category,
            storable(context_before),
            storable(context_after),
            int(auto),
            item_id,
        ),
    )
    return int(cur.lastrowid or 0)


def put_text(conn: sqlite3.Connection, article_id: int, kind: str, body: str) -> None:
    """One of an article's large texts: `raw`, `state` (the full review state) or `typed` (newer than it)."""
    # `mark`: the newest decision row this text already reflects (rows after it are replayed on restore)
    conn.execute(
        """INSERT OR REPLACE INTO texts(article_id, kind, body, at, mark)
           VALUES (?, ?, ?, ?, (SELECT coalesce(max(id), 0) FROM decisions WHERE article_id = ?))""",
        (article_id, kind, body, now(), article_id),
    )


def has_text(conn: sqlite3.Connection, article_id: int, kind: str) -> bool:
    row = conn.execute("SELECT 1 FROM texts WHERE article_id = ? AND kind = ?", (article_id, kind)).fetchone()
    return row is not None


def touch_in_progress(conn: sqlite3.Connection, article_id: int) -> None:
    """An article with a decision is in progress (unless it is already further)."""
    conn.execute(
        "UPDATE articles SET status = 'in_progress', status_at = ? WHERE id = ? AND status = 'todo'",
        (now(), article_id),
    )
