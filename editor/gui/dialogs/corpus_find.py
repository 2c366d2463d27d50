"""Find and replace in every open article: the search, article after article, and the preview of every match.

The search reuses the find dialog's `Searcher` (a child process with a time budget, see `regex_search`): one
article at a time, polled from a timer, so the window never waits and a pathological pattern is stopped on the
article where it went wrong; "Stop" cancels between (or during) articles. Literal patterns are linear and run
in-process. Nothing is changed before the person has seen every match with the words around it (plain text:
scraped text may hold markup) and confirmed; each article's replacements are then one undo step of its review.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.gui.dialogs.confirm import CONTEXT_CHARS, plain_tooltip, visible
from editor.gui.dialogs.regex_search import Query, Result, Searcher, find_all


class Corpus(Protocol):
    """What the dialog needs from the window: the open articles' texts and a way to change them."""

    def texts(self) -> list[tuple[int, str, str]]:
        """(article index, label, cleaned text) of every open article that can be edited."""
        ...

    def count(self) -> int:
        """How many articles are open (those `texts` leaves out are not analysed yet, or read-only)."""
        ...

    def apply(self, edits: dict[int, list[tuple[int, int, str]]], searched: dict[int, str]) -> int:
        """Replace in each article (one undo step each) whose text is still `searched[doc]`; returns how many
        articles changed."""
        ...

    def go_to(self, doc: int, start: int, end: int) -> None:
        """Show an article with cleaned[start:end] selected."""
        ...


@dataclass(frozen=True, slots=True)
class Match:
    doc: int
    article: str
    start: int
    end: int
    found: str
    replacement: str | None
    context: str


def context_of(text: str, start: int, end: int) -> str:
    """The words around a match on one line, the match in [brackets]."""
    left = "…" if start > CONTEXT_CHARS else ""
    right = "…" if end + CONTEXT_CHARS < len(text) else ""
    before, after = text[max(0, start - CONTEXT_CHARS) : start], text[end : end + CONTEXT_CHARS]
    return " ".join(f"{left}{before}[{text[start:end]}]{after}{right}".split())


class CorpusSearch(QObject):
    """Runs one query over a list of texts, one article at a time; `finished(matches, error)` at the end
    (error: "" when all went well, "timeout:<article>" when the budget ran out, "cancelled", else a message)."""

    finished = Signal(list, str)
    progress = Signal(int, int)

    def __init__(self, searcher: Searcher, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._searcher = searcher
        self._timer = QTimer(self)
        self._timer.setInterval(15)
        self._timer.timeout.connect(self._poll)
        self._queue: list[tuple[int, str, str]] = []
        self._current: tuple[int, str, str] | None = None
        self._query: Query | None = None
        self._matches: list[Match] = []
        self._total = 0
        self.searched: dict[int, str] = {}  # the texts the matches point into

    @property
    def running(self) -> bool:
        return self._query is not None

    def start(self, query: Query, texts: Sequence[tuple[int, str, str]]) -> None:
        self.cancel(silent=True)
        self._query, self._queue, self._matches, self._total = query, list(texts), [], len(texts)
        self.searched = {doc: text for doc, _label, text in texts}
        self._next()

    def cancel(self, silent: bool = False) -> None:
        was = self.running
        self._timer.stop()
        if self._current is not None and self._searcher.busy:
            self._searcher.close()  # kill the child: it restarts on the next search
        self._query, self._current, self._queue = None, None, []
        if was and not silent:
            self.finished.emit(self._matches, "cancelled")

    def _next(self) -> None:
        query = self._query
        while query is not None and self._queue:
            self._current = self._queue.pop(0)
            self.progress.emit(self._total - len(self._queue), self._total)
            if query.regex:
                self._searcher.submit(query, self._current[2])
                self._timer.start()
                return
            self._collect(find_all(query, self._current[2]))
            if self._query is None:
                return
        self._end("")

    def _poll(self) -> None:
        answer = self._searcher.poll()
        if answer is None:
            return
        self._timer.stop()
        self._collect(answer[1])
        if self._query is not None:
            self._next()

    def _collect(self, result: Result) -> None:
        assert self._current is not None
        doc, label, text = self._current
        if result.error is not None:
            self._end(f"timeout:{label}" if result.error == "timeout" else result.error)
            return
        for start, end, repl in result.matches:
            found = text[start:end]
            self._matches.append(Match(doc, label, start, end, found, repl, context_of(text, start, end)))

    def _end(self, error: str) -> None:
        matches = self._matches
        self._query, self._current, self._queue = None, None, []
        self._timer.stop()
        self.finished.emit(matches, error)


class CorpusPreviewDialog(QDialog):
    """Every match in every article, with what it becomes; replace them all, or go to one."""

    def __init__(self, matches: Sequence[Match], replacing: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("corpusPreviewDialog")
        self.setWindowTitle(self.tr("Replace in All Articles") if replacing else self.tr("Matches in All Articles"))
        self.matches = list(matches)
        self.chosen: Match | None = None
        articles = len({m.doc for m in matches})
        heading = QLabel(self.tr("{n} match(es) in {k} article(s).").format(n=len(matches), k=articles), self)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        headers = [self.tr("Article"), self.tr("Found"), self.tr("Becomes"), self.tr("Context")]
        self.table = QTableWidget(len(matches), 4, self)
        self.table.setObjectName("corpusMatches")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setColumnHidden(2, not replacing)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for r, m in enumerate(matches):
            becomes = visible(m.replacement or "", edges=True) or self.tr("(deleted)")
            for c, value in enumerate((m.article, visible(m.found, edges=True), becomes, m.context)):
                cell = QTableWidgetItem(value)
                cell.setToolTip(plain_tooltip(value))
                self.table.setItem(r, c, cell)
        for col in (1, 2):
            self.table.resizeColumnToContents(col)
        self.table.setColumnWidth(0, min(220, max(80, self.table.sizeHintForColumn(0))))
        if matches:
            self.table.selectRow(0)
        buttons = QDialogButtonBox(self)
        self.go_button = buttons.addButton(self.tr("&Go to Match"), QDialogButtonBox.ButtonRole.ActionRole)
        self.go_button.setEnabled(bool(matches))
        self.go_button.clicked.connect(self._go)
        self.table.itemActivated.connect(lambda _item: self._go())
        self.replace_button = None
        if replacing:
            self.replace_button = buttons.addButton(
                self.tr("Replace {n}").format(n=len(matches)), QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.replace_button.setEnabled(bool(matches))
            self.replace_button.setDefault(True)
        buttons.addButton(
            QDialogButtonBox.StandardButton.Cancel if replacing else QDialogButtonBox.StandardButton.Close
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(820, 480)

    def _go(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.matches):
            self.chosen = self.matches[row]
            self.done(2)

    @classmethod
    def ask(cls, parent: QWidget | None, matches: Sequence[Match], replacing: bool) -> tuple[bool, Match | None]:
        """Show the matches and wait: (replace them all?, the match to go to, if any)."""
        dialog = cls(matches, replacing, parent)
        try:
            code = dialog.exec()
            return code == QDialog.DialogCode.Accepted, dialog.chosen
        finally:
            dialog.deleteLater()


# (parent, matches, replacing) -> (replace all?, match to go to)
AskCorpus = Callable[[QWidget, Sequence[Match], bool], tuple[bool, "Match | None"]]


def group_edits(matches: Sequence[Match]) -> dict[int, list[tuple[int, int, str]]]:
    """The replacements of each article, ready for one `edit_many` each."""
    out: dict[int, list[tuple[int, int, str]]] = {}
    for m in matches:
        out.setdefault(m.doc, []).append((m.start, m.end, m.replacement or ""))
    return out
