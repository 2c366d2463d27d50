"""The window's commands over every open article: bulk accept, statistics, find and replace in all articles.

Kept out of the main window so that it only wires them: `handlers()` maps command names (see `actions.py`) to
what they run.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from editor.core.stats import Tally, item_statuses, state_statuses
from editor.gui.bulk_review import BulkReview
from editor.gui.panes import LONG_LINE

if TYPE_CHECKING:
    from editor.gui.dialogs.statistics import StatisticsDialog
    from editor.gui.documents import Doc
    from editor.gui.main_window import MainWindow


def tally(doc: Doc, saved: dict[str, Any] | None = None) -> Tally:
    """One open article as the statistics count it: from its review, else from the review state saved in the
    session (reviewed in an earlier sitting), else as not analysed yet."""
    done = doc.status == "done"
    if doc.review is not None:
        return Tally(doc.article.label, done, item_statuses(doc.review.items))
    if saved is not None:
        try:
            return Tally(doc.article.label, done, state_statuses(saved))
        except (KeyError, TypeError, ValueError):
            pass  # a damaged state: the article is analysed afresh when opened
    return Tally(doc.article.label, done, [], analysed=False)


class CorpusTools(QObject):
    """Bulk accept, the statistics view, and find and replace in every open article."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.bulk = BulkReview(window)
        self.statistics_dialog: StatisticsDialog | None = None
        window.reviews.pendingChanged.connect(self._pending_changed)

    def _pending_changed(self, doc: object, pending: int) -> None:
        """An article a replace-all changed, not shown, was checked again: its row in the list says what waits."""
        docs = self.window.docs
        if doc in docs:
            self.window.articles.model.update(docs.index(doc), pending=pending)

    def handlers(self) -> dict[str, Callable[[], object]]:
        return {"bulk": self.bulk.run, "statistics": self.statistics, "find_all": self.find_everywhere}

    def tallies(self, whole_session: bool) -> list[Tally]:
        w = self.window
        doc = w.doc()
        docs = w.docs if whole_session else ([doc] if doc is not None else [])
        keeper = w.keeper
        return [tally(d, keeper.load_review(d.aid) if d.review is None else None) for d in docs]

    def statistics(self) -> StatisticsDialog:
        """Show the statistics view (counted afresh each time it is shown)."""
        from editor.gui.dialogs.statistics import StatisticsDialog

        if self.statistics_dialog is None:
            self.statistics_dialog = StatisticsDialog(self.tallies, parent=self.window)
        dialog = self.statistics_dialog
        dialog.refresh()
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    # ------------------------------------------------------------------------------------------------ find, replace
    def texts(self) -> list[tuple[int, str, str]]:
        """The open articles find and replace can search: analysed, and not read-only for a too long line."""
        out = []
        for index, doc in enumerate(self.window.docs):
            review = doc.review
            if review is None:
                continue
            text = review.cleaned
            if max((len(line) for line in text.split("\n")), default=0) > LONG_LINE:
                continue
            out.append((index, doc.article.label, text))
        return out

    def count(self) -> int:
        return len(self.window.docs)

    def apply(self, edits: dict[int, list[tuple[int, int, str]]], searched: dict[int, str]) -> int:
        """Replace in each article whose text did not change since the search; one undo step each."""
        w = self.window
        changed = 0
        for index, doc_edits in edits.items():
            doc = w.docs[index] if 0 <= index < len(w.docs) else None
            if doc is None or doc.review is None or doc.review.cleaned != searched.get(index):
                continue
            if doc is w.doc():
                w._find_edits(doc_edits)
            else:
                w.reviews.edit_doc(doc, doc_edits)
            changed += 1
        return changed

    def go_to(self, doc: int, start: int, end: int) -> None:
        """Show article `doc` with cleaned[start:end] selected (a match chosen in the preview)."""
        w = self.window
        if doc != w.current:
            w.show_article(doc)
        review = w.review
        if review is None or not 0 <= start <= end <= len(review.cleaned):
            return
        w.clean.set_current(start, end)
        w.clean.set_cursor_position(end)
        w.raw.set_current(int(review.clean_to_raw(start)), int(review.clean_to_raw(end)))

    def open_find(self) -> None:
        """Show the find and replace dialog (Ctrl+F), made once; its edits go through the window's review."""
        w = self.window
        if w.find_dialog is None:
            from editor.gui.dialogs.find_replace import FindReplaceDialog

            w.find_dialog = FindReplaceDialog(
                w.clean, lambda s, e, t: w._find_edits([(s, e, t)]), w, apply_edits=w._find_edits, corpus=self
            )
            w.find_dialog.matchSelected.connect(w._find_selected)
        w.find_dialog.open_for_selection()

    def find_everywhere(self) -> None:
        """The find and replace dialog, searching every open article."""
        w = self.window
        w.find_replace()
        if w.find_dialog is not None:
            w.find_dialog.everywhere_box.setChecked(True)
