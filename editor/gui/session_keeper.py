"""Everything the window writes to, and reads from, its session (`editor.core.session`).

Why one keeper: a decision is shown as done only once committed, typing must reach the disk within a second
without pausing on huge reviews, and every failed write must reach the person (the status bar and the "Saved"
label say "Not saved: …") rather than vanish. Keeping those rules in one place is what makes them hold.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from editor.gui.messages import message_box

if TYPE_CHECKING:
    from editor.core.article import Article
    from editor.core.review import Review
    from editor.core.rules.base import CheckConfig
    from editor.core.session import Session
    from editor.gui.documents import Doc

BIG_REVIEW = 3000  # findings; above this, typing is saved when the person pauses (see save_text_later)
MAX_UNSAVED_S = 1.0  # typing reaches the session at most this many seconds later
FLUSH_INTERVAL_MS = 1000
RETRY_FIRST_MS = 1000  # a failed write is tried again after this long, then twice as long each time it fails
RETRY_MAX_MS = 30_000
DRAFT_DELAY_MS = 250  # typing before the review exists is written after this pause (and on close)


def _write_errors() -> tuple[type[BaseException], ...]:
    """What a failed session write raises: the session's own error (SQLite, lock, closed) and the disk's."""
    from editor.core.session import SessionError

    return (SessionError, OSError)


def _saving_review(session: Session, aid: int, review: Review) -> Callable[[], None]:
    """A write of one review's full state, to run now and again if it fails."""
    return lambda: session.save_review(aid, review)


class SessionKeeper(QObject):
    """Opens and closes the session, commits decisions, saves typing in batches, reports failed writes."""

    failed = Signal(str)  # a write failed: the message to show
    recovered = Signal(str)  # the writes that had failed are on disk now: the message to show
    stateChanged = Signal()  # the "Saved" / "Saving…" / "Not saved" label should be redrawn
    articleStatusChanged = Signal(object)  # a Doc whose status (todo, in progress, done) changed
    reloadRequested = Signal(int)  # the person chose to reload the changed file of the article at this index

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self.session: Session | None = None
        self.message = ""  # why work is not saved, shown instead of "Saved"
        self.pending_restore: tuple[int, int] | None = None  # (article id, cursor) where the person was
        self._typing: Doc | None = None  # the article whose typing waits for a pause
        self._unsaved_since: float | None = None
        self.flush_timer = QTimer(self)
        self.flush_timer.setInterval(FLUSH_INTERVAL_MS)
        self.flush_timer.timeout.connect(self.flush)
        self.flush_timer.start()
        self.idle_save_timer = QTimer(self)
        self.idle_save_timer.setSingleShot(True)
        self.idle_save_timer.setInterval(FLUSH_INTERVAL_MS)
        self.idle_save_timer.timeout.connect(self.save_text_now)
        self._drafts: list[Doc] = []  # articles typed into before their review arrived, not yet written
        self.draft_timer = QTimer(self)
        self.draft_timer.setSingleShot(True)
        self.draft_timer.setInterval(DRAFT_DELAY_MS)
        self.draft_timer.timeout.connect(self.save_drafts)
        # Writes that failed (a full disk, a vanished folder), tried again with back-off until they succeed:
        # the review in memory holds the work, these calls bring the session back in line with it.
        self._retry: dict[tuple[str, object], Callable[[], object]] = {}
        self._unsaved_changes = 0  # changes made since the writes started failing
        self._error = ""
        self._retry_delay = RETRY_FIRST_MS
        self.retry_timer = QTimer(self)
        self.retry_timer.setSingleShot(True)
        self.retry_timer.timeout.connect(self.retry)

    # ------------------------------------------------------------------------------------------------ open, close
    def open(self, session_path: str | None, paths: Sequence[str]) -> None:
        """Open (or create) the session of these paths; without one the articles open unsaved, and the person is
        told why."""
        from editor.core.session import Session, SessionError, SessionLocked
        from editor.formats.loaders import iter_paths

        path = Path(session_path) if session_path else Session.default_path(list(paths))
        self.pending_restore = None
        self._forget_failures()
        try:
            self.session = Session.open(path, loader=iter_paths)
        except SessionLocked as e:
            self._open_read_only(path, e)
        except (SessionError, OSError) as e:
            self.session = None
            self.message = self.tr("No session: changes are not saved")
            message_box(self._parent, QMessageBox.Icon.Warning, self.tr("Session not available"), str(e))
        if self.session is not None:
            if not self.session.readonly:
                self.message = ""
            try:
                self.pending_restore = self.session.current()
            except SessionError:
                self.pending_restore = None  # where the person was is a comfort, not their work
        self.stateChanged.emit()

    def _open_read_only(self, path: Path, locked: Exception) -> None:
        """Another window holds the session: show the session's work (its decisions, its cleaned text) read-only
        rather than the bare source, which would look as if that work were lost."""
        from editor.core.session import Session, SessionError
        from editor.formats.loaders import iter_paths

        try:
            self.session = Session.open(path, readonly=True, loader=iter_paths)
            if not self.session.articles():  # nothing stored yet by the other window: the bare articles
                self.session.close()
                self.session = None
        except (SessionError, OSError):
            self.session = None  # not created yet by the other window: the bare articles, unsaved
        if self.session is not None:
            self.message = self.tr("Read-only: the session is open in another window")
            info = self.tr(
                "Galley shows the session as the other window last saved it, read-only. Close the other window and "
                "reopen to make changes."
            )
        else:
            self.message = self.tr("Session in use by another window: changes are not saved")
            info = self.tr(
                "Galley opened the articles without saving your work. Close the other window and reopen to save."
            )
        message_box(self._parent, QMessageBox.Icon.Warning, self.tr("Session in use"), str(locked), info)

    @property
    def read_only(self) -> bool:
        """The session is shown but not written (another window holds it)."""
        return self.session is not None and self.session.readonly

    @property
    def read_only_reason(self) -> str:
        """What the window's banner says while the session is read-only ("" when it is writable)."""
        if not self.read_only:
            return ""
        return self.tr(
            "This session is open in another Galley window: it is shown read-only, with the work that window saved. "
            "Close the other window and reopen to make changes."
        )

    def close(self) -> None:
        """Write what waits, then close (the session commits its full state on close)."""
        self.flush_typing()
        session, self.session = self.session, None
        if session is not None:
            try:
                session.close()
            except _write_errors() as e:
                self._fail(e)

    def stop(self) -> None:
        self.flush_timer.stop()
        self.retry_timer.stop()

    # ------------------------------------------------------------------------------------------------ state
    @property
    def failing(self) -> bool:
        """Writes failed and are waiting to be tried again."""
        return bool(self._error)

    def _fail(self, e: BaseException, change: bool = True) -> None:
        """A write failed: say so (with how many changes are waiting) and try again later, with back-off."""
        if change:
            self._unsaved_changes += 1
        self._error = str(e)
        self._say_failure()
        self.failed.emit(self.message)
        if not self.retry_timer.isActive():
            self.retry_timer.start(self._retry_delay)

    def _say_failure(self) -> None:
        self.message = self.tr("Not saved ({n} change(s) waiting, trying again): {error}").format(
            n=self._unsaved_changes, error=self._error
        )
        self.stateChanged.emit()

    def _write(self, key: tuple[str, object] | None, op: Callable[[], object], change: bool = True) -> bool:
        """Run one session write. A failure is reported and `op` is kept (under `key`, replacing an older one)
        to be tried again; while failing, a change is counted even when its own write succeeds (the ones before
        it are still missing) and it prompts an immediate retry of those."""
        if self.read_only:
            return True  # nothing is written to a session another window holds (decisions are refused earlier)
        if key is not None:
            self._retry.pop(key, None)
        try:
            op()
        except _write_errors() as e:
            if key is not None:
                self._retry[key] = op
            self._fail(e, change)
            return False
        if self.failing and change:
            # this change was written, so there may be room again: try the failed ones now, without backing off
            self._unsaved_changes += 1
            self.retry(back_off=False)
        return True

    def retry(self, back_off: bool = True) -> None:
        """Try the failed writes again, in order, then the batch of typing; back off while they still fail."""
        self.retry_timer.stop()
        if not self.failing:
            return
        if self.session is None:
            return  # closed: what failed is said; a session opened next starts afresh
        try:
            for key, op in list(self._retry.items()):
                op()
                del self._retry[key]
            if self._drafts:
                self._save_drafts()
            self.session.flush()
        except _write_errors() as e:
            self._error = str(e)
            if back_off:
                self._retry_delay = min(self._retry_delay * 2, RETRY_MAX_MS)
            self.retry_timer.start(self._retry_delay)
            self._say_failure()
            return
        n = self._unsaved_changes
        self._forget_failures()
        self.stateChanged.emit()
        self.recovered.emit(self.tr("Saved: the {n} change(s) that were waiting are in the session").format(n=n))

    def _forget_failures(self) -> None:
        self.retry_timer.stop()
        self._retry.clear()
        self._unsaved_changes = 0
        self._error = ""
        self._retry_delay = RETRY_FIRST_MS
        self.message = ""

    def state_text(self, saving: bool = False) -> str:
        """What the status bar's save label says."""
        if self.session is None:
            return self.message or self.tr("Not saved (no session)")
        if self.message:
            return self.message
        if saving or self.session.has_pending:
            return self.tr("Saving…")
        return self.tr("Saved")

    @staticmethod
    def is_big(review: Review) -> bool:
        """So many findings that serialising the review is a noticeable pause: typing is saved on pauses."""
        return len(review.items) >= BIG_REVIEW

    # ------------------------------------------------------------------------------------------------ reads
    def article_status(self, aid: int | None) -> str | None:
        if self.session is None or aid is None:
            return None
        from editor.core.session import SessionError

        try:
            return str(self.session.article_record(aid).status)
        except (SessionError, KeyError):
            return None

    def load_review(self, aid: int | None) -> dict[str, Any] | None:
        """The saved review state, or None to analyse afresh (a damaged state is reported, not fatal)."""
        if self.session is None or aid is None:
            return None
        try:
            return self.session.load_review(aid)
        except Exception as e:  # any damage in the stored state: analyse afresh, and say so
            self.failed.emit(self.tr("The saved review could not be read: {error}").format(error=str(e)))
            return None

    def ignored_words(self) -> list[str]:
        if self.session is None:
            return []
        from editor.core.session import SessionError

        try:
            return self.session.ignored_words()
        except SessionError:
            return []

    # ------------------------------------------------------------------------------------------------ writes
    def commit(self, doc: Doc | None) -> None:
        """Commit the review's decisions; the first decision moves the article from "todo" to "in progress"."""
        session = self.session
        if session is None or doc is None or doc.aid is None or doc.review is None:
            return
        aid, review = doc.aid, doc.review
        if not self._write(("commit", aid), lambda: session.commit_review(aid, review)):
            return
        if doc.status == "todo":
            doc.status = "in_progress"
            self.articleStatusChanged.emit(doc)

    def set_status(self, doc: Doc, status: str) -> None:
        doc.status = status
        self.articleStatusChanged.emit(doc)
        session, aid = self.session, doc.aid
        if session is not None and aid is not None:
            self._write(("status", aid), lambda: session.set_status(aid, status))

    def remember_cursor(self, doc: Doc) -> None:
        """Where the person is, so the session reopens there."""
        session, aid = self.session, doc.aid
        if session is None or aid is None:
            return
        # kept pending by the session when its write fails: the retry's flush writes it
        self._write(None, lambda: session.set_current(aid, doc.cursor), change=False)

    def ignore_word(self, word: str) -> None:
        session = self.session
        if session is not None:
            self._write(("ignore", word), lambda: session.ignore_word(word))

    def remember_config(self, config: CheckConfig) -> None:
        """Store the settings the window checks with (typography profile, house style, rules turned off...), so
        that `galley export` of this session checks as the window does and `galley session` shows them. A session
        not created yet is not created for this: its first article stores them (the load calls this again)."""
        session = self.session
        if session is not None and session.on_disk:
            self._write(("config", None), lambda: session.set_check_config(config), change=False)

    def keep_session_version(self, aid: int | None) -> None:
        session = self.session
        if session is not None and aid is not None:
            self._write(("keep", aid), lambda: session.keep_session_version(aid))

    def save_reviews(self, docs: Iterable[Doc], flush: bool = False) -> bool:
        """Write the full state of every analysed review (before an export or a re-analysis). False: it failed."""
        session = self.session
        if session is None:
            return False
        ok = True
        for doc in docs:
            aid, review = doc.aid, doc.review
            if review is not None and aid is not None:
                ok = self._write(("state", aid), _saving_review(session, aid, review)) and ok
        if flush and ok:
            ok = self._write(None, session.flush, change=False)
        return ok

    # ------------------------------------------------------------------------------------------------ typing
    def save_text(self, doc: Doc | None) -> None:
        """Write an edited text now (find and replace: one batch of edits)."""
        session = self.session
        if session is None or doc is None or doc.aid is None or doc.review is None:
            return
        aid, review = doc.aid, doc.review
        # the session keeps typing it could not write and writes it with the next flush (the retry's)
        self._write(None, lambda: session.save_text(aid, review))

    def save_text_later(self, doc: Doc | None) -> None:
        """Hand edits reach the session within a second. Serialising a review with tens of thousands of findings
        costs a noticeable pause, so for those the write waits for a pause in typing, never more than 1 s."""
        if self.session is None or doc is None or doc.aid is None or doc.review is None:
            return
        if not doc.big:
            self.save_text(doc)
            return
        if self._typing is not None and self._typing is not doc:
            self.save_text_now()
        self._typing = doc
        if self._unsaved_since is None:
            self._unsaved_since = time.monotonic()
        if time.monotonic() - self._unsaved_since > MAX_UNSAVED_S:
            self.save_text_now()
        else:
            self.idle_save_timer.start()

    def typing_waits(self) -> bool:
        return self._unsaved_since is not None or self.idle_save_timer.isActive()

    def flush_typing(self) -> None:
        """Typing still waiting for a pause (huge reviews) is written now: before switching article or closing."""
        self.save_drafts()
        if self.typing_waits():
            self.save_text_now()

    # ------------------------------------------------------------------------------------------------ drafts
    def save_draft_later(self, doc: Doc) -> None:
        """Typing made while the article is still analysed: written after a short pause, so that a crash during
        a long analysis loses nothing (the review, and with it the usual saving, does not exist yet)."""
        if doc not in self._drafts:
            self._drafts.append(doc)
        if not self.draft_timer.isActive():
            self.draft_timer.start()

    def save_drafts(self) -> None:
        self.draft_timer.stop()
        if self.session is not None and self._write(None, self._save_drafts):
            self.stateChanged.emit()

    def _save_drafts(self) -> None:
        """Write the waiting drafts; a failure leaves the unwritten ones waiting (for the retry)."""
        session = self.session
        if session is None:
            return
        from editor.gui import drafts

        docs, self._drafts = self._drafts, []
        for k, doc in enumerate(docs):
            if doc.aid is None:
                self._drafts.append(doc)  # not stored yet: written once its session id arrives
                continue
            try:
                value = drafts.to_json(doc.draft, doc.draft_base) if doc.draft else None
                session.set_meta(f"draft:{doc.aid}", value)
            except BaseException:
                self._drafts.extend(docs[k:])
                raise

    def saved_draft(self, aid: int | None) -> tuple[list[tuple[int, int, str]], str] | None:
        """Typing saved while an analysis ran that never ended (the window was killed): (edits, base)."""
        if self.session is None or aid is None:
            return None
        from editor.core.session import SessionError
        from editor.gui import drafts

        try:
            return drafts.from_json(self.session.get_meta(f"draft:{aid}"))
        except (SessionError, ValueError):
            return None

    def drop_draft(self, doc: Doc) -> None:
        """The draft is now part of the review, which was written: forget the saved copy."""
        if doc in self._drafts:
            self._drafts.remove(doc)
        session, aid = self.session, doc.aid
        if session is None or aid is None:
            return

        def drop() -> None:
            if session.get_meta(f"draft:{aid}") is not None:
                session.set_meta(f"draft:{aid}", None)

        self._write(("draft", aid), drop, change=False)

    def save_text_now(self) -> None:
        self.idle_save_timer.stop()
        self._unsaved_since = None
        doc, self._typing = self._typing, None
        session = self.session
        if session is None or doc is None or doc.aid is None or doc.review is None:
            return
        aid, review = doc.aid, doc.review

        def write() -> None:
            session.save_text(aid, review)
            session.flush()

        if self._write(None, write):
            self.stateChanged.emit()

    def flush(self) -> None:
        """The batch of typing and deferred states goes to disk (every second, from the timer; while writes
        fail, the retry timer writes it, backing off)."""
        session = self.session
        if session is None or self.failing:
            return
        if self._write(None, session.flush, change=False):
            self.stateChanged.emit()

    # ------------------------------------------------------------------------------------------------ changed files
    def source_changed(self, index: int, doc: Doc, new: Article) -> None:
        """The file changed since the session recorded it: keep the session's work, and offer to reload."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("The file changed"),
            self.tr("{name} changed on disk since this session recorded it.").format(name=new.source),
            QMessageBox.StandardButton.NoButton,
            self._parent,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(
            self.tr(
                "Galley shows the session's version, with all your work. You can instead reload the file: "
                "decisions that still match their text are re-applied, the others and hand edits are dropped."
            )
        )
        keep = box.addButton(self.tr("Keep the session's version"), QMessageBox.ButtonRole.RejectRole)
        reload = box.addButton(self.tr("Reload and re-apply"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(keep)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setObjectName("sourceChangedBox")

        def chosen(button: QAbstractButton) -> None:
            if button is reload:
                self.reloadRequested.emit(index)
            else:
                self.keep_session_version(doc.aid)

        box.buttonClicked.connect(chosen)
        box.open()
