"""Proofreading sessions: one SQLite file (`*.galley`) that a crash, a kill or a full disk cannot damage.

The editor shows a decision as done only after `commit_review` (or `record_decision`) returned: by then it is on
disk (see `store` for why SQLite in WAL mode, the lock, and when the file is created).

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

The session reads source files only through the loader it is given (`Session.open(..., loader=...)`): the core
knows no file format. Front ends pass `editor.formats.loaders.iter_paths`.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from editor.core.article import Article
from editor.core.i18n import _
from editor.core.interfaces import Loader, LoadProblem
from editor.core.rules.base import CheckConfig
from editor.core.session.paths import SUFFIX, Fingerprints, default_session_path, file_signature, source_key
from editor.core.session.reapply import (
    CONTEXT_CHARS,
    MATCH_CONTEXT,
    context_around,
    decisions_from_review,
    rebuild_review,
    replay_onto,
)
from editor.core.session.records import (
    Action,
    ArticleRecord,
    Decision,
    ReapplyResult,
    SessionError,
    SessionLocked,
    StateLike,
    StateProvider,
    Status,
    text_sha256,
)
from editor.core.session.store import (
    APPLICATION_ID,
    LOCK_SUFFIX,
    MIGRATIONS,
    SCHEMA_VERSION,
    Store,
    article_from_row,
    decision_from_row,
    dump,
    has_text,
    insert_article,
    insert_decision,
    put_text,
    record_from_row,
    replace_source,
    storable,
    touch_in_progress,
)
from editor.core.session.store import now as utc_now

__all__ = [
    "APPLICATION_ID",
    "CONTEXT_CHARS",
    "LOCK_SUFFIX",
    "MATCH_CONTEXT",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "SUFFIX",
    "Action",
    "ArticleRecord",
    "Decision",
    "LoadProblem",
    "Loader",
    "ReapplyResult",
    "Session",
    "SessionError",
    "SessionLocked",
    "StateLike",
    "StateProvider",
    "Status",
    "context_around",
    "decisions_from_review",
    "rebuild_review",
    "text_sha256",
]

FLUSH_DELAY = 1.0  # seconds: the longest a hand edit waits in memory
BULK_DECISIONS = 20  # a commit recording more decisions than this writes the full state (accept-all)
MAX_DEFERRED = 200  # decisions kept as rows only before the full state is written again


@dataclass(slots=True)
class _Pending:
    state: StateLike
    since: float


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


class Session:
    """An open session file. Thread-safe (one lock around the connection) so an export worker can read it."""

    def __init__(self, store: Store, loader: Loader | None = None) -> None:
        self._store = store
        self._loader = loader
        self._mutex = store.mutex
        self._pending: dict[int, _Pending] = {}
        self._pending_current: tuple[int, int] | None = None
        self._written_next_id: dict[int, int] = {}  # per article: the review's next item id in the last state written
        self._deferred: dict[int, int] = {}  # per article: decisions committed as rows since its last full state
        self._live: dict[int, Any] = {}  # per article: the last review seen by commit_review (for flush(full=True))
        self._fingerprints = Fingerprints()
        self._owner = threading.get_ident()

    # ------------------------------------------------------------------------------------------ opening

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        *,
        readonly: bool = False,
        create: bool = True,
        loader: Loader | None = None,
    ) -> Session:
        """Open a session. Raises `SessionLocked` if another live window has it, `SessionError` for a file that
        is missing (read-only, or `create=False`), damaged or not a session.

        A missing file is created at the first write, not here: opening what holds nothing to keep leaves no
        file behind. `loader` reads articles from their source files (`add_paths`, changed sources)."""
        return cls(Store.open(path, readonly=readonly, create=create), loader)

    @property
    def path(self) -> Path:
        return self._store.path

    @property
    def readonly(self) -> bool:
        return self._store.readonly

    @property
    def on_disk(self) -> bool:
        """Whether the session file exists yet (a new session is created by its first write)."""
        return self._store.on_disk

    @property
    def loader(self) -> Loader:
        """How this session reads source files (given to `open`)."""
        if self._loader is None:
            raise SessionError(
                _("{path}: this session was opened without a way to read source files").format(path=self.path)
            )
        return self._loader

    @staticmethod
    def default_path(paths: Sequence[str | os.PathLike[str]]) -> Path:
        """Where the editor keeps the session for what it opened.

        One file: `<folder>/<file name>.galley` beside it (`corpus.jsonl` → `corpus.jsonl.galley`, so `a.txt` and
        `a.html` do not share one). One folder: `<folder>/.galley/session.galley` (a hidden folder the loaders
        skip). Several paths, nothing (the bundled sample) or a folder we cannot write: the user data folder,
        `<user data>/sessions/<name>-<hash of the paths>.galley`, so the same set of paths finds its session again.
        """
        return default_session_path(paths)

    # ------------------------------------------------------------------------------------------ closing

    def close(self) -> None:
        """Write what is pending, checkpoint the WAL into the main file, release the lock."""
        with self._mutex:
            if self._store.closed:
                return
            try:
                if not self.readonly:
                    self.flush(full=True)
                    self._store.checkpoint()
            finally:
                self._store.close()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def closed(self) -> bool:
        return self._store.closed

    # ------------------------------------------------------------------------------------------ articles

    def add_article(self, article: Article) -> int:
        """The article's id, adding it if new. Re-adding the same source record returns the existing id and
        keeps the session's work (call `source_changed` to learn whether the file moved on)."""
        return self.add_articles([article])[0]

    def add_articles(self, articles: Iterable[Article]) -> list[int]:
        """`add_article` for many at once, in one transaction (one disk sync for a whole batch of a corpus)."""
        batch = list(articles)
        ids: list[int] = []
        with self._store.write() as conn:
            position = int(conn.execute("SELECT coalesce(max(position), 0) FROM articles").fetchone()[0])
            for article in batch:
                source = source_key(article.source)
                row = conn.execute(
                    "SELECT id FROM articles WHERE source = ? AND record_index = ?",
                    (source, article.index),
                ).fetchone()
                if row is not None:
                    ids.append(int(row[0]))
                    continue
                position += 1
                ids.append(insert_article(conn, article, source, position, self._fingerprints(article.source)))
        return ids

    def add_load_error(self, source: str, line: int | None, raw: str | None) -> None:
        """Keep a bad JSONL line verbatim, so exporting the corpus writes it back where it was."""
        if line is None or raw is None:
            return
        with self._store.write() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO raw_lines(source, line, raw) VALUES (?, ?, ?)",
                (source_key(source), line, storable(raw)),
            )

    def add_paths(
        self, paths: Iterable[str | os.PathLike[str]], encoding: str | None = None, batch: int = 500
    ) -> list[int]:
        """Load every article under `paths` into the session (bad JSONL lines kept verbatim); their ids.
        Articles are added `batch` at a time, so a corpus of thousands costs a few disk syncs."""
        ids: list[int] = []
        pending: list[Article] = []
        for item in self.loader(paths, encoding):
            if not isinstance(item, Article):
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
        rows = self._store.read(
            """SELECT a.*, (SELECT count(*) FROM decisions d WHERE d.article_id = a.id AND d.active) AS n
               FROM articles a ORDER BY position, id"""
        )
        return [record_from_row(r) for r in rows]

    def article_record(self, article_id: int) -> ArticleRecord:
        rows = self._store.read(
            """SELECT a.*, (SELECT count(*) FROM decisions d WHERE d.article_id = a.id AND d.active) AS n
               FROM articles a WHERE id = ?""",
            (article_id,),
        )
        if not rows:
            raise KeyError(article_id)
        return record_from_row(rows[0])

    def article(self, article_id: int) -> Article:
        """The article as it was when added (from the session, so it works when the source is gone)."""
        rows = self._store.read("SELECT * FROM articles WHERE id = ?", (article_id,))
        if not rows:
            raise KeyError(article_id)
        row = rows[0]
        text = self._get_text(article_id, "raw")
        if text is None:  # a version-1 session kept no text: read the source again
            loaded = self._load_record(row["source"], row["record_index"])
            if loaded is None:
                raise SessionError(
                    _("{path}: the source is gone and this older session kept no copy").format(path=row["source"])
                )
            return loaded
        return article_from_row(row, text)

    def set_status(self, article_id: int, status: Status | str) -> None:
        value = Status(status)
        with self._store.write() as conn:
            now = utc_now()
            cur = conn.execute(
                "UPDATE articles SET status = ?, status_at = ?, updated_at = ? WHERE id = ?",
                (str(value), now, now, article_id),
            )
            if cur.rowcount == 0:
                raise KeyError(article_id)

    def raw_lines(self, source: str) -> dict[int, str]:
        """Bad JSONL lines of one source, by line number."""
        rows = self._store.read("SELECT line, raw FROM raw_lines WHERE source = ?", (source_key(source),))
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
            with self._store.write() as conn:
                self._flush_into(conn, exclude=article_id if snapshot is not None else None)
                did = insert_decision(
                    conn,
                    article_id,
                    action=action,
                    category=category,
                    rule=rule,
                    start=start,
                    end=end,
                    text=text,
                    replacement=replacement,
                    context_before=context_before,
                    context_after=context_after,
                    auto=auto,
                    item_id=item_id,
                )
                if snapshot is not None:
                    self._store_state(conn, article_id, snapshot)
                touch_in_progress(conn, article_id)
            return did

    def withdraw_decision(self, decision_id: int, state: StateLike | None = None) -> None:
        """Mark a decision undone (the finding is pending again), with the state after the undo."""
        with self._mutex:
            snapshot = _state_of(state) if state is not None else None
            with self._store.write() as conn:
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
        return [decision_from_row(r) for r in self._store.read(sql, params)]

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
            with self._store.write() as conn:
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
                    new_ids.append(insert_decision(conn, article_id, **want))
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
                elif article_id in self._pending or has_text(conn, article_id, "typed"):
                    # typed text newer than the state exists: keep it newer than these rows too
                    self._store_typed(conn, article_id, review.cleaned)
                if wanted:
                    touch_in_progress(conn, article_id)
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
            with self._store.write() as conn:
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
        rows = self._store.read("SELECT cleaned_text FROM articles WHERE id = ?", (article_id,))
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
            if self._store.closed or self.readonly:
                return
            if full:
                for article_id, count in self._deferred.items():
                    if count and article_id not in self._pending and article_id in self._live:
                        self._pending[article_id] = _Pending(self._live[article_id], time.monotonic())
            if not self.has_pending:
                return
            with self._store.write() as conn:
                self._flush_into(conn, full=full)

    def _flush_into(self, conn: sqlite3.Connection, exclude: int | None = None, *, full: bool = False) -> None:
        pending, self._pending = self._pending, {}
        try:
            for article_id, p in pending.items():
                if article_id == exclude:
                    continue
                if _is_review(p.state) and not full and has_text(conn, article_id, "state"):
                    self._store_typed(conn, article_id, p.state.cleaned)  # type: ignore[union-attr]
                else:
                    self._store_state(conn, article_id, _state_of(p.state))
            if self._pending_current is not None:
                article_id, cursor = self._pending_current
                now = utc_now()
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

    def _store_typed(self, conn: sqlite3.Connection, article_id: int, text: str) -> None:
        """The cleaned text after typing: newer than the saved state, which it updates by one hand edit."""
        put_text(conn, article_id, "typed", storable(text) or "")

    def _store_state(self, conn: sqlite3.Connection, article_id: int, state: Mapping[str, Any]) -> None:
        next_id = state.get("next_id")
        if isinstance(next_id, int):
            self._store.after_commit(lambda: self._written_next_id.__setitem__(article_id, next_id))

        def written() -> None:
            self._deferred.pop(article_id, None)
            self._live.pop(article_id, None)

        self._store.after_commit(written)
        now = utc_now()
        cur = conn.execute("UPDATE articles SET state_at = ?, updated_at = ? WHERE id = ?", (now, now, article_id))
        if cur.rowcount == 0:
            raise KeyError(article_id)
        put_text(conn, article_id, "state", dump(state))
        conn.execute("DELETE FROM texts WHERE article_id = ? AND kind = 'typed'", (article_id,))

    def _behind(self, article_id: int) -> bool:
        """Whether decisions or typing were committed after the article's full state (see `commit_review`)."""
        rows = self._store.read(
            """SELECT EXISTS(SELECT 1 FROM texts WHERE article_id = ? AND kind = 'typed')
                   OR EXISTS(SELECT 1 FROM decisions d, texts t WHERE t.article_id = ? AND t.kind = 'state'
                             AND d.article_id = t.article_id AND d.id > t.mark)""",
            (article_id, article_id),
        )
        return bool(rows[0][0])

    def _get_text(self, article_id: int, kind: str) -> str | None:
        rows = self._store.read("SELECT body FROM texts WHERE article_id = ? AND kind = ?", (article_id, kind))
        return str(rows[0][0]) if rows else None

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
        return {r[0]: r[1] for r in self._store.read(f"SELECT key, value FROM meta WHERE key IN ({marks})", keys)}

    def set_meta(self, key: str, value: Any) -> None:
        """Small session-wide settings (the check configuration, the window's choices), stored as JSON."""
        with self._store.write() as conn:
            conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (f"x:{key}", dump(value)))

    def get_meta(self, key: str, default: Any = None) -> Any:
        rows = self._store.read("SELECT value FROM meta WHERE key = ?", (f"x:{key}",))
        return json.loads(rows[0][0]) if rows else default

    def set_check_config(self, config: CheckConfig) -> None:
        """Remember the settings the session is reviewed with (language, profile, house style, rule choices,
        glossary), so that `galley export` checks as the window did."""
        self.set_meta(
            "config",
            {
                "lang": config.lang,
                "profile": config.profile,
                "house_style": config.house_style,
                "enabled": list(config.enabled),
                "disabled": list(config.disabled),
                "glossary_path": config.glossary_path,
            },
        )

    def check_config(self) -> CheckConfig:
        """The settings the session was reviewed with, plus its ignore list (defaults for a new session)."""
        stored = self.get_meta("config", {}) or {}
        fields: dict[str, Any] = {k: stored[k] for k in ("lang", "profile", "glossary_path") if k in stored}
        fields["house_style"] = stored.get("house_style") is True
        for k in ("enabled", "disabled"):
            if isinstance(stored.get(k), list):
                fields[k] = tuple(str(x) for x in stored[k])
        return CheckConfig(ignored_words=frozenset(self.ignored_words()), **fields)

    # ------------------------------------------------------------------------------------------ ignore list

    def ignore_word(self, word: str) -> None:
        with self._store.write() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO ignore_words(word, added_at) VALUES (?, ?)", (storable(word), utc_now())
            )

    def unignore_word(self, word: str) -> None:
        with self._store.write() as conn:
            conn.execute("DELETE FROM ignore_words WHERE word = ?", (word,))

    def ignored_words(self) -> list[str]:
        return [r[0] for r in self._store.read("SELECT word FROM ignore_words ORDER BY word")]

    # ------------------------------------------------------------------------------------------ changed sources

    def source_changed(self, article_id: int) -> bool:
        """True when the source file (or JSONL record) no longer holds the text the session recorded.

        The file's content fingerprint decides, not its size and time stamps (an edit can keep both); only a
        file whose content moved on is read again, to compare its record's text. A missing source is not
        "changed": the session's copy is then the only one and stays authoritative."""
        rows = self._store.read(
            "SELECT source, record_index, sha256, source_size, source_mtime_ns, source_digest FROM articles "
            "WHERE id = ?",
            (article_id,),
        )
        if not rows:
            raise KeyError(article_id)
        row = rows[0]
        size, mtime = file_signature(row["source"])
        if size is None:
            return False
        if row["source_digest"] is None:  # recorded before fingerprints were kept: its time stamps are all we have
            if (size, mtime) == (row["source_size"], row["source_mtime_ns"]):
                return False
        elif self._fingerprints(row["source"]) == row["source_digest"]:
            return False
        fresh = self._load_record(row["source"], row["record_index"])
        if fresh is None:
            return True
        return text_sha256(fresh.text) != str(row["sha256"])

    def reload_source(self, article_id: int) -> Article | None:
        """The article as the source file holds it now (None when it is gone or no longer loads)."""
        rec = self.article_record(article_id)
        return self._load_record(rec.source, rec.record_index)

    def _load_record(self, source: str, record_index: int) -> Article | None:
        """Re-read one article from its source; None when it is gone or no longer loads."""
        if not os.path.exists(source):
            return None
        for item in self.loader([source], None):
            if not isinstance(item, Article):
                continue
            if item.index == record_index:
                return item
            if item.index > record_index:
                break
        return None

    def keep_session_version(self, article_id: int) -> None:
        """The person chose the session's work over the changed file: stop asking until the file changes again."""
        rec = self.article_record(article_id)
        size, mtime = file_signature(rec.source)
        digest = self._fingerprints(rec.source)
        with self._store.write() as conn:
            conn.execute(
                "UPDATE articles SET source_size = ?, source_mtime_ns = ?, source_digest = ? WHERE id = ?",
                (size, mtime, digest, article_id),
            )

    def reapply(self, article_id: int, new_article: Article, config: CheckConfig | None = None) -> ReapplyResult:
        """Replace an article's text by the changed source and re-apply the decisions that still match.

        A decision matches when the new text holds the same rule's finding on the same text with the same
        context on both sides (the nearest such place to the old position wins). Matched decisions are replayed
        on a fresh review; the others are counted as lost (and listed). Hand edits are not replayed (they are
        lost with the old text); the person chose this knowing it. The article's new text, fingerprint, review
        state and decisions are committed together."""
        config = config if config is not None else self.check_config()
        rv, kept, lost = replay_onto(new_article, config, self.decisions(article_id))
        state = rv.to_state()
        wanted = decisions_from_review(rv)
        digest = self._fingerprints(new_article.source)
        with self._mutex, self._store.write() as conn:
            self._pending.pop(article_id, None)
            self._live.pop(article_id, None)
            self._deferred.pop(article_id, None)
            conn.execute("UPDATE decisions SET active = 0 WHERE article_id = ? AND active", (article_id,))
            for want in wanted:
                insert_decision(conn, article_id, **want)
            replace_source(conn, article_id, new_article, digest)
            put_text(conn, article_id, "state", dump(state))
            conn.execute("DELETE FROM texts WHERE article_id = ? AND kind = 'typed'", (article_id,))
            if isinstance(state.get("next_id"), int):
                self._store.after_commit(lambda: self._written_next_id.__setitem__(article_id, state["next_id"]))
        return ReapplyResult(kept, len(lost), tuple(lost), state)

    # ------------------------------------------------------------------------------------------ checks

    def integrity_check(self) -> str:
        rows = self._store.read("PRAGMA integrity_check")
        return "; ".join(str(r[0]) for r in rows)

    def schema_version(self) -> int:
        return int(self._store.read("PRAGMA user_version")[0][0])

    def summary(self) -> dict[str, Any]:
        """Counts for `galley session`: articles by status, decisions by action."""
        by_status = {str(s): 0 for s in Status}
        for r in self._store.read("SELECT status, count(*) FROM articles GROUP BY status"):
            by_status[r[0]] = int(r[1])
        by_action = {str(a): 0 for a in Action}
        for r in self._store.read("SELECT action, count(*) FROM decisions WHERE active GROUP BY action"):
            by_action[r[0]] = int(r[1])
        return {"articles": by_status, "decisions": by_action, "ignored_words": len(self.ignored_words())}
