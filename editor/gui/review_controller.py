"""The decisions on the current article's review: accept, reject, revert, accept all, ignore, undo, hand edits.

A thin layer over `editor.core.review.Review` (Qt-free, the truth): each action checks that it applies, calls the
review, commits the result through the `SessionKeeper`, then tells the window (`decided`) so that it redraws and
moves on. It knows no widget: the window resolves which finding an action targets and draws the outcome.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

from editor.gui import jobs

if TYPE_CHECKING:
    from editor.core.recheck_server import RecheckServer
    from editor.core.review import Item, Review
    from editor.core.rules.base import CheckConfig
    from editor.gui.documents import Doc
    from editor.gui.session_keeper import SessionKeeper
    from editor.gui.settings import Settings
    from editor.gui.workers import JobRunner

RECHECK_DELAY_MS = 200  # the pause in typing after which edited paragraphs are checked again
TYPING_BURST_S = 2.0  # a pause in typing longer than this starts a new undo step

# (parent, rule, items, text) -> (do not ask again, accepted)
ConfirmAcceptAll = Callable[[QWidget, str, "list[Item]", str], tuple[bool, bool]]


def ask_accept_all(parent: QWidget, rule: str, items: list[Item], text: str) -> tuple[bool, bool]:
    """Show what accepting every finding of a rule would change, and ask."""
    from editor.gui.dialogs.confirm import ConfirmAcceptAllDialog

    return ConfirmAcceptAllDialog.ask(parent, rule, items, text=text)


@dataclass(frozen=True, slots=True)
class RecheckOutcome:
    """Paragraphs whose findings a re-check replaced, and the items that were in them before."""

    review: Review
    ranges: list[tuple[int, int]]
    before: set[int]


OTHERS = "recheck-others"  # the job kind of the re-checks of articles not shown


class ReviewController(QObject):
    """Runs the review actions of the article the window shows."""

    message = Signal(str, int)  # a status-bar message and how long to show it (ms)
    decided = Signal(bool, object)  # (move on to the next pending finding?, the item just decided or None)
    recheckDue = Signal()  # the edited paragraphs are ready to be checked again
    redrawNeeded = Signal()  # marks and table must be rebuilt from the review
    pendingChanged = Signal(object, int)  # an article not shown was checked again: (its Doc, its pending count)

    def __init__(
        self,
        parent: QWidget,
        keeper: SessionKeeper,
        settings: Settings,
        current: Callable[[], Doc | None],
        runner: JobRunner,
        config: Callable[[], CheckConfig],
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self.keeper = keeper
        self.settings = settings
        self._current = current
        self._jobs = runner
        self._config = config
        self.confirm_accept_all: ConfirmAcceptAll = ask_accept_all
        self.recheck_timer = QTimer(self)
        self.recheck_timer.setSingleShot(True)
        # a coarse timer (Qt's default) may fire 5 % late, 10 ms more before the re-check's underlines appear
        self.recheck_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.recheck_timer.setInterval(RECHECK_DELAY_MS)
        self.recheck_timer.timeout.connect(self.start_recheck)
        self._recheck_revision = -1
        self._recheck_doc: Doc | None = None
        self._last_typed = float("-inf")
        self.server: RecheckServer | None = None  # the re-check process of the long articles
        self._unchecked: dict[int, Doc] = {}  # articles not shown whose edited paragraphs wait for a re-check
        runner.done.connect(self._others_rechecked)

    @property
    def review(self) -> Review | None:
        doc = self._current()
        return doc.review if doc is not None else None

    def _say(self, text: str, ms: int) -> None:
        self.message.emit(text, ms)

    def _refused(self) -> bool:
        """Decisions are refused (and the person told why) while the session is shown read-only."""
        if self.keeper.read_only:
            self._say(self.tr("Read-only: this session is open in another window"), 5000)
            return True
        return False

    def _decided(self, advance: bool = True, previous: Item | None = None) -> None:
        self.keeper.commit(self._current())
        self.decided.emit(advance, previous)

    def refused(self) -> bool:
        """True (and the person told why) when decisions cannot be made now: the session is read-only."""
        return self._refused()

    def commit_decision(self, previous: Item | None) -> None:
        """A decision made on the review elsewhere (detail panel actions): commit it, redraw, move on."""
        self._decided(previous=previous)

    # ------------------------------------------------------------------------------------------------ decisions
    def accept(self, item: Item | None, n: int = 1) -> None:
        """Accept suggestion `n` (1-based) of a pending finding."""
        if self._refused():
            return
        review = self.review
        if item is None or review is None:
            self._say(self.tr("No finding selected: press F8 to go to the next one"), 4000)
            return
        suggestions = item.finding.suggestions
        if str(item.status) != "pending":
            self._say(self.tr("This finding is already decided"), 4000)
            return
        if not 1 <= n <= len(suggestions):
            self._say(self.tr("No suggestion {n}: edit the text by hand, or reject (Ctrl+Backspace)").format(n=n), 5000)
            return
        review.accept(item.id, suggestions[n - 1])
        self._decided(previous=item)

    def reject(self, item: Item | None) -> None:
        if self._refused():
            return
        review = self.review
        if item is None or review is None or str(item.status) != "pending":
            self._say(self.tr("No pending finding selected"), 4000)
            return
        review.reject(item.id)
        self._decided(previous=item)

    def revert(self, item: Item | None) -> None:
        """Undo one applied fix (automatic or accepted) on its own, the rest of the text kept."""
        if self._refused():
            return
        review = self.review
        if item is None or review is None or str(item.status) not in ("auto", "accepted"):
            self._say(self.tr("Select an automatic fix to revert"), 4000)
            return
        try:
            review.revert(item.id)
        except ValueError as e:  # a later hand edit touched it: the review says why it cannot be reverted alone
            self._say(str(e), 6000)
            return
        self._decided(advance=False)

    def accept_all(self, item: Item | None) -> None:
        """Accept every pending finding of this finding's rule that has a suggestion, after confirmation."""
        if self._refused():
            return
        review = self.review
        if item is None or review is None:
            self._say(self.tr("No finding selected"), 4000)
            return
        rule = item.finding.rule
        items = [it for it in review.pending() if it.finding.rule == rule and it.finding.suggestions]
        if not items:
            self._say(self.tr("No pending finding of this rule has a suggestion"), 4000)
            return
        _dont_ask, ok = self.confirm_accept_all(self._parent, rule, items, review.cleaned)
        if not ok:
            return
        ids = review.accept_all(rule)
        self._decided(previous=item)
        self._say(self.tr("Accepted {n} finding(s) of {rule}").format(n=len(ids), rule=rule), 5000)

    def ignore_word(self, word: str | None, previous: Item | None) -> None:
        """Ignore a word for the rest of this session (every article of it)."""
        if self._refused():
            return
        review = self.review
        if review is None or not word:
            return
        review.ignore_word(word)
        self.keeper.ignore_word(word)
        self._decided(previous=previous)
        self._say(self.tr("“{word}” ignored in this session").format(word=word), 4000)

    def add_to_dictionary(self, word: str | None, previous: Item | None) -> bool:
        """Add a word to the personal dictionary (kept across sessions). False: it could not be written."""
        if self._refused():
            return False
        review = self.review
        if review is None or not word:
            return False
        try:
            self.settings.add_personal_word(word)
        except OSError as e:
            self._say(self.tr("The dictionary could not be saved: {error}").format(error=str(e)), 8000)
            return False
        review.ignore_word(word)
        self._decided(previous=previous)
        self._say(self.tr("“{word}” added to your dictionary").format(word=word), 4000)
        return True

    def undo(self) -> None:
        if self._refused():
            return
        review = self.review
        if review is None or not review.can_undo:
            self._say(self.tr("Nothing to undo"), 2000)
            return
        review.undo()
        self._decided(advance=False)
        self.recheck_timer.start()

    def redo(self) -> None:
        if self._refused():
            return
        review = self.review
        if review is None or not review.can_redo:
            self._say(self.tr("Nothing to redo"), 2000)
            return
        review.redo()
        self._decided(advance=False)
        self.recheck_timer.start()

    # ------------------------------------------------------------------------------------------------ edits
    def edit(self, start: int, end: int, text: str) -> None:
        """One keystroke (or paste) into the review; its paragraph is checked again after a pause in typing, and
        the text reaches the session in a batch. Nothing here walks all the findings: it runs per keystroke."""
        review = self.review
        if review is None:
            return
        now = time.monotonic()
        # Typing joins the previous hand edit's undo step while it goes on (a pause starts a new step), as in any
        # editor; the review keeps apart what does not continue that edit, and any other action in between.
        review.edit(start, end, text, merge=now - self._last_typed < TYPING_BURST_S)
        self._last_typed = now
        self.recheck_timer.start()
        self.keeper.save_text_later(self._current())

    def edit_many(self, edits: Sequence[tuple[int, int, str]]) -> None:
        """A batch of edits (find and replace), saved at once, one undo step."""
        if self._refused():
            return
        review = self.review
        if review is None:
            return
        review.edit_many(edits)
        self.recheck_timer.start()
        self.keeper.save_text(self._current())

    def accept_many(self, doc: Doc, chosen: Sequence[tuple[int, str]]) -> list[int]:
        """Accept these findings of one open article (maybe not the one shown) as one undo step of its review."""
        if doc.review is None or self._refused():
            return []
        ids = doc.review.accept_many(chosen)
        if ids:
            self.keeper.commit(doc)
            if doc is self._current():
                self.decided.emit(False, None)
        return ids

    def edit_doc(self, doc: Doc, edits: Sequence[tuple[int, int, str]]) -> int:
        """A replace-all in one open article (maybe not the one shown), as one undo step of its review."""
        if doc.review is None or self._refused():
            return 0
        if doc is self._current():
            n = len(edits)
            self.edit_many(edits)
            return n
        n = doc.review.edit_many(edits)
        if n:
            self.keeper.save_text(doc)
            self.keeper.commit(doc)
            self._unchecked[id(doc)] = doc
            self._recheck_others()
        return n

    def _recheck_others(self) -> None:
        """Check the edited paragraphs of the articles not shown again, in a worker, each on a snapshot of its text.

        Why not here: a replace-all over many articles re-checked them one after the other on the GUI thread, and
        the first re-check of a long article loaded the checking machinery there: the window froze meanwhile. A
        newer replace-all makes this job stale; the next one takes every article still waiting."""
        work = []
        for key, doc in list(self._unchecked.items()):
            review = doc.review
            if review is None:  # closed meanwhile
                del self._unchecked[key]
                continue
            cleaned = review.cleaned
            snapshots = [(s, e, cleaned[s:e]) for s, e in review.dirty_paragraphs()]
            work.append((key, review.revision, snapshots, review.lang, doc.article.url))
        self._jobs.submit(OTHERS, jobs.recheck_many, work=work, config=self._config())

    def _others_rechecked(self, kind: str, _job: int, result: object) -> None:
        if kind != OTHERS or not isinstance(result, list):
            return
        current = self._current()
        for key, revision, rechecked in result:
            doc = self._unchecked.get(key)
            review = doc.review if doc is not None else None
            if doc is None or review is None or review.revision != revision:
                continue  # gone, or edited again: a newer job has it
            del self._unchecked[key]
            if doc is current:  # shown meanwhile: its own re-check takes the edited paragraphs, and redraws
                self.start_recheck()
                continue
            for r in reversed(rechecked):
                review.apply_recheck(r.start, r.end, r.findings, revision)
            self.keeper.commit(doc)
            self.pendingChanged.emit(doc, len(review.pending()))

    # ------------------------------------------------------------------------------------------------ re-checks
    def start_recheck(self) -> None:
        """Check the edited paragraphs again, in a worker, on a snapshot of the text."""
        doc = self._current()
        review = self.review
        if review is None or doc is None:
            return
        dirty = list(review.dirty_paragraphs())
        if not dirty:
            self.redrawNeeded.emit()
            return
        cleaned = review.cleaned
        snapshots = [(s, e, cleaned[s:e]) for s, e in dirty]
        self._recheck_revision = review.revision
        self._recheck_doc = doc
        from editor.core.analysis import PROCESS_ABOVE

        self._jobs.submit(
            "recheck",
            jobs.recheck,
            snapshots=snapshots,
            lang=review.lang,
            config=self._config(),
            url=doc.article.url,
            server=self.server if len(doc.article.text) > PROCESS_ABOVE else None,
        )

    def start_server(self, lang: str | None, config: CheckConfig, sample: str = "") -> bool:
        """Have the long articles re-checked in a process of their own (the window's process never loads the
        checking machinery, whose loading and use would hold the interpreter lock that typing needs); one process
        serves them all. False when none could be started: they are re-checked here."""
        from editor.core.recheck_server import RecheckServer

        if self.server is not None and self.server.alive:
            return True
        self.close_server()
        try:
            self.server = RecheckServer(lang, config, sample)
        except OSError:
            return False
        return self.server.alive

    def close_server(self) -> None:
        """End the re-check process: the article shown does not need it (a short one, or a long one whose analysis
        was cancelled), the articles it served are closed, or the window is."""
        server, self.server = self.server, None
        if server is not None:
            server.close()

    def recheck_done(self, result: list[jobs.Rechecked]) -> RecheckOutcome | None:
        """Put the re-check's findings into the review; None when the text changed since its snapshot (a newer
        re-check is on its way)."""
        review = self.review
        if review is None or self._recheck_doc is not self._current() or self._recheck_revision != review.revision:
            return None
        ranges = [(r.start, r.end) for r in result]
        before = {it.id for s, e in ranges for it in review.items_in(s, e)}
        for r in reversed(result):
            review.apply_recheck(r.start, r.end, r.findings, self._recheck_revision)
        return RecheckOutcome(review, ranges, before)
