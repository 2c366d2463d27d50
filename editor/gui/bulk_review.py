"""Bulk accept across the open articles: preview what a choice would change, then apply it, one undo step per
article. Which findings a choice takes is decided in the core (`editor.core.bulk`); this module gathers them from
the open articles, asks (`BulkAcceptDialog`), and applies the answer through the `ReviewController`, which commits
each article to the session before the window shows it as decided.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from editor.core.bulk import Selector, choose
from editor.gui.dialogs.bulk import BulkAcceptDialog, Change, Preview
from editor.gui.dialogs.confirm import in_context

if TYPE_CHECKING:
    from editor.gui.main_window import MainWindow

# (parent, preview, category, rule) -> (selector, every open article?, accepted); tests answer without a dialog
ConfirmBulk = Callable[["MainWindow", Preview, "str | None", "str | None"], tuple[Selector, bool, bool]]


class BulkReview(QObject):
    """The "Accept in Bulk…" command of the window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.confirm: ConfirmBulk = BulkAcceptDialog.ask

    def preview(self, selector: Selector, everywhere: bool) -> tuple[list[Change], int]:
        """The changes `selector` makes in the shown article (or every open one), and how many open articles are
        left out because they are not analysed yet."""
        w = self.window
        if everywhere:
            targets = list(enumerate(w.docs))
        else:
            targets = [(w.current, w.docs[w.current])] if w.current is not None and w.doc() is not None else []
        changes: list[Change] = []
        left_out = 0
        for index, doc in targets:
            review = doc.review
            if review is None:
                left_out += 1
                continue
            text = review.cleaned
            for item, replacement in choose(review.items, selector):
                changes.append(Change(index, doc.article.label, item, replacement, in_context(item, text)))
        return changes, left_out

    def run(self) -> None:
        """Ask what to accept (seeded with the current finding's category and rule), then accept it."""
        w = self.window
        if w.review is None:
            w.statusBar().showMessage(self.tr("No article analysed yet"), 4000)
            return
        if w.keeper.read_only:
            w.statusBar().showMessage(self.tr("Read-only: this session is open in another window"), 5000)
            return
        target = w._target()
        category = target.finding.category if target is not None else None
        rule = target.finding.rule if target is not None else None
        selector, everywhere, ok = self.confirm(w, self.preview, category, rule)
        if not ok:
            return
        self.apply(selector, everywhere)

    def apply(self, selector: Selector, everywhere: bool) -> tuple[int, int]:
        """Accept what `selector` takes; one undo step in each article changed. Returns (findings, articles)."""
        w = self.window
        changes, _left_out = self.preview(selector, everywhere)  # again: a re-check may have run meanwhile
        by_doc: dict[int, list[tuple[int, str]]] = defaultdict(list)
        for change in changes:
            by_doc[change.doc].append((change.item.id, change.replacement))
        accepted = articles = 0
        for index, chosen in by_doc.items():
            ids = w.reviews.accept_many(w.docs[index], chosen)
            accepted += len(ids)
            articles += bool(ids)
        message = self.tr("Accepted {n} finding(s) in {k} article(s); Ctrl+Z undoes them, article by article")
        w.statusBar().showMessage(message.format(n=accepted, k=articles), 6000)
        return accepted, articles
