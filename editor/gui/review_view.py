"""Keeps what the window shows of a review (Raw and Cleaned panes, findings table, legend counts, article list)
in line with the review, touching only what changed.

It also keeps which finding is current (`MainWindow.current_item`): selecting, stepping with F8, and moving on
to the next pending finding after a decision.

The review announces each change as an event (text operations and the items involved); after a decision only
those are redrawn, so accepting a thousand findings at once stays fast. When that is not possible (the pane is
cut because of a huge line, or the texts disagree), everything is rebuilt from the review.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from editor.gui.colors import category_label
from editor.gui.marks import RECHECKED_KINDS, build_marks, clean_marks_of, is_shown, item_raw_span, raw_marks_of

if TYPE_CHECKING:
    from editor.core.review import Item, Review, ReviewEvent
    from editor.gui.documents import Doc
    from editor.gui.main_window import MainWindow
    from editor.gui.panes import TextPane
    from editor.gui.review_controller import RecheckOutcome


def common_prefix(a: str, b: str) -> int:
    """Length of the common beginning of two texts (compared by blocks first: texts of megabytes)."""
    n = min(len(a), len(b))
    i = 0
    step = 4096
    while i + step <= n and a[i : i + step] == b[i : i + step]:
        i += step
    while i < n and a[i] == b[i]:
        i += 1
    return i


def common_suffix(a: str, b: str, limit: int) -> int:
    """Length of the common end of two texts, not reaching into the first `limit` characters."""
    n = min(len(a), len(b)) - limit
    i = 0
    step = 4096
    la, lb = len(a), len(b)
    while i + step <= n and a[la - i - step : la - i] == b[lb - i - step : lb - i]:
        i += step
    while i < n and a[la - 1 - i] == b[lb - 1 - i]:
        i += 1
    return i


class ReviewView(QObject):
    """The drawing half of the review loop, over the window's panes and panels, and which finding is current."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        self.shown_limit: int | None = None  # characters displayed of a text with a huge line (None: all)
        self.syncing_scroll = False
        self._events: list[ReviewEvent] = []
        self._edited: set[int] = set()  # items a hand edit touched since the last redraw (dropped or stale)
        self._listening: list[Review] = []

    @property
    def review(self) -> Review | None:
        return self.w.review

    def shown(self, item: Item) -> bool:
        return is_shown(item, self.w.prefs.shown())

    def shown_items(self, items: Iterable[Item]) -> list[Item]:
        """`items` the window shows. The preferences are read once: per item, they cost a long review (20,000
        findings) 20 ms on the GUI thread at every re-check, counted twice."""
        enabled = frozenset(self.w.prefs.shown())
        return [it for it in items if is_shown(it, enabled)]

    def displayed(self, text: str) -> str:
        return text if self.shown_limit is None else text[: self.shown_limit]

    # ------------------------------------------------------------------------------------------------ whole review
    def show(self, doc: Doc, read_only: bool) -> None:
        """Draw a review afresh: its text, marks (built by the worker when new), table and links."""
        review = doc.review
        if review is None:
            return
        if review not in self._listening:
            review.add_listener(partial(self._on_event, source=review))
            self._listening.append(review)
        self._events.clear()
        self._edited.clear()
        w = self.w
        w.set_clean_text(self.displayed(review.cleaned))
        w.clean.setReadOnly(read_only)
        prepared, doc.prepared = doc.prepared, None
        if prepared is not None:
            w.raw.highlighter.set_marks(prepared.raw)
            w.clean.highlighter.set_marks(prepared.clean)
            w.findings.set_rows(prepared.rows)
            self.update_counts()
        else:
            self.refresh_marks(raw=True)
            self.refresh_model()
        if w.links_panel is not None:
            w.links_panel.set_links(doc.raw_links, review, doc.article)

    def refresh_marks(self, raw: bool = False) -> None:
        review = self.review
        if review is None:
            return
        doc = self.w.doc()
        links = doc.raw_links if doc is not None and raw else []
        clean_marks, raw_marks = build_marks(review, self.w.prefs.shown(), links, raw=raw)
        if raw:
            self.w.raw.set_marks(raw_marks)
        self.w.clean.set_marks(clean_marks)

    def refresh_model(self) -> None:
        review = self.review
        items = self.shown_items(review.items) if review is not None else []
        self.w.findings.set_items(items)
        self.update_counts(items)

    def update_counts(self, items: list[Item] | None = None) -> None:
        """Pending findings per category in the legend, the status bar and the article list: all three count
        the findings the table can show (categories switched off in Preferences are not counted).

        One pass over the items, the preferences read once: it runs after every re-check, and a long review
        (20,000 findings) spent 20-40 ms here on the GUI thread, counted twice."""
        review = self.review
        enabled = frozenset(self.w.prefs.shown())
        every = items if items is not None else (review.items if review is not None else [])
        counts: dict[str, int] = {}
        tally = {"pending": 0, "accepted": 0, "rejected": 0}
        for it in every:
            status = str(it.status)
            if status == "pending":
                f = it.finding
                if items is None and not is_shown(it, enabled):
                    continue
                counts[f.category] = counts.get(f.category, 0) + 1
            if status in tally:
                tally[status] += 1
        self.w.legend.set_counts(counts)
        self.w.status.show_tally(tally["pending"], tally["accepted"], tally["rejected"])
        if self.w.current is not None and review is not None:
            self.w.articles.model.update(self.w.current, pending=sum(counts.values()))

    def sync_clean_text(self) -> None:
        """Bring the Cleaned pane in line with the review after an action, touching only the changed range."""
        review = self.review
        if review is None:
            return
        clean = self.w.clean
        if self.shown_limit is not None:
            clean.set_text(self.displayed(review.cleaned))
            return
        new = review.cleaned
        old = clean.text()
        if new == old:
            return
        p = common_prefix(old, new)
        s = common_suffix(old, new, p)
        bar = clean.verticalScrollBar()
        value = bar.value()
        clean.replace_range(p, len(old) - s, new[p : len(new) - s])
        bar.setValue(value)

    # ------------------------------------------------------------------------------------------------ changes
    def _on_event(self, event: ReviewEvent, *, source: Review) -> None:
        # Only the article shown is drawn (a bulk accept or a replace-all also changes articles that are not).
        # Hand edits are already in the pane, re-checks are drawn by `rechecked`: keep decisions only. A hand
        # edit still drops the pending findings it touched (and makes decided ones stale): remember which, so
        # that their rows and marks go too (`after_edit`).
        if source is not self.review:
            return
        if event.kind == "edit":
            self._edited.update(int(i) for i in event.items)
        elif event.kind != "recheck":
            self._events.append(event)

    def _apply_events(self) -> bool:
        """Redraw from the review's change events: only the text that changed and the findings involved.
        False: that was not possible, redraw everything."""
        review = self.review
        events, self._events = self._events, []
        w = self.w
        if review is None or not events or self.shown_limit is not None:
            return False
        for e in events:
            w.clean.apply_text_ops(list(e.ops))
        if w.clean.text() != review.cleaned:
            return False
        self._redraw_items(review, {int(i) for e in events for i in e.items})
        return True

    def after_decision(self) -> None:
        """Redraw after a decision, an undo or a redo."""
        review = self.review
        if review is None:
            return
        if not self._apply_events():
            self.sync_clean_text()
            self.refresh_marks(raw=True)
            self.refresh_model()
        if self.w.links_panel is not None:
            self.w.links_panel.refresh(review)

    def after_edit(self, start: int, end: int, inserted: int) -> None:
        """Redraw after a keystroke: the marks after it are shifted (cheap), unless the review normalised the
        edit, in which case its version is shown."""
        review = self.review
        if review is None:
            return
        if review.cleaned != self.w.clean.text():
            self.sync_clean_text()
            self.refresh_marks(raw=False)
        else:
            self.w.clean.shift_marks(start, end, inserted)
        if self._edited:
            self._redraw_items(review, self._edited)
            self._edited = set()

    def _redraw_items(self, review: Review, ids: set[int]) -> None:
        """Rows, marks and counts of the items a hand edit touched: a finding whose text was deleted or typed
        over is gone from the review, so its row, its underline and its count go too (only when an edit touched
        findings: plain typing between them costs nothing here)."""
        present = []
        for i in ids:
            try:
                present.append(review.item(i))
            except KeyError:
                continue
        shown = self.shown_items(present)
        w = self.w
        w.clean.update_item_marks(ids, [m for it in shown for m in clean_marks_of(it)])
        w.raw.update_item_marks(ids, [m for it in shown for m in raw_marks_of(review, it)])
        model = w.findings.model
        shown_ids = {it.id for it in shown}
        removed = [i for i in ids if i not in shown_ids and model.row_for(i) is not None]
        added = [it for it in shown if model.row_for(it.id) is None]
        changed = [it for it in shown if model.row_for(it.id) is not None]
        w.findings.update_rows(removed, added, changed)
        self.update_counts()

    def rechecked(self, outcome: RecheckOutcome) -> None:
        """Replace the marks and rows of re-checked paragraphs."""
        review = outcome.review
        after: dict[int, Item] = {}
        for start, end in outcome.ranges:
            inside = self.shown_items(review.items_in(start, end))
            after.update((it.id, it) for it in inside)
            marks = [m for it in inside for m in clean_marks_of(it)]
            self.w.clean.replace_marks(start, end, marks, RECHECKED_KINDS)
        added = [it for i, it in after.items() if i not in outcome.before]
        self.w.findings.update_rows(list(outcome.before - after.keys()), added)
        self.update_counts()

    # ------------------------------------------------------------------------------------------------ scrolling
    def sync_scroll(self, source: TextPane) -> None:
        """Scroll the other pane to the same place of the text."""
        review = self.review
        if review is None or self.syncing_scroll:
            return
        self.syncing_scroll = True
        try:
            pos = source.top_position()
            if source is self.w.clean:
                self.w.raw.scroll_to_position(int(review.clean_to_raw(pos)))
            else:
                self.w.clean.scroll_to_position(int(review.raw_to_clean(pos)))
        finally:
            self.syncing_scroll = False

    # ------------------------------------------------------------------------------------------------ selection
    def select(self, item_id: int | None, focus: bool = False) -> None:
        """Make a finding current: selected in the table, highlighted and scrolled to in both panes."""
        w = self.w
        item = w.item(item_id)
        review = self.review
        if item is None or review is None:
            w.current_item = None
            w.clean.set_current(None)
            w.raw.set_current(None)
            w.update_actions()
            return
        w.current_item = item.id
        self.syncing_scroll = True
        try:
            w.clean.set_current(item.start, item.end)
            w.raw.set_current(*item_raw_span(review, item))
        finally:
            self.syncing_scroll = False
        w.findings.select_item(item.id)
        f = item.finding
        w.statusBar().showMessage(f"{category_label(f.category)} · {f.rule}: {f.message}", 15000)
        if focus:
            w.clean.setFocus()
        w.update_actions()

    def pending_sorted(self) -> list[Item]:
        review = self.review
        if review is None:
            return []
        return sorted(self.shown_items(review.pending()), key=lambda it: (it.start, it.end, it.id))

    def step(self, direction: int) -> None:
        """Go to the next (+1) or previous (-1) pending finding, from the current one or the cursor; wraps."""
        w = self.w
        pending = self.pending_sorted()
        if not pending:
            w.statusBar().showMessage(self.tr("No pending finding in this article"), 5000)
            return
        current = w.item(w.current_item)
        if current is not None:
            key = (current.start, current.end, current.id)
        else:
            pos = w.clean.cursor_position()
            key = (pos, -1, -1) if direction > 0 else (pos, 1 << 62, 1 << 62)
        keys = [(it.start, it.end, it.id) for it in pending]
        if direction > 0:
            target = next((it for k, it in zip(keys, pending, strict=True) if k > key), None)
            wrapped = target is None
            target = target or pending[0]
        else:
            target = next((it for k, it in zip(reversed(keys), reversed(pending), strict=True) if k < key), None)
            wrapped = target is None
            target = target or pending[-1]
        self.select(target.id)
        if wrapped:
            w.statusBar().showMessage(self.tr("Wrapped around"), 2000)

    def move_on(self, advance: bool, previous: Item | None) -> None:
        """After a decision: the next pending finding after the one decided becomes current (advance), or the
        current one stays (if it still exists)."""
        w = self.w
        if not advance:
            self.select(w.current_item if w.item(w.current_item) is not None else None)
            return
        pending = self.pending_sorted()
        if previous is not None and pending:
            after = [it for it in pending if (it.start, it.id) > (previous.start, previous.id)]
            self.select((after or pending)[0].id)
        elif pending:
            self.select(pending[0].id)
        else:
            self.select(None)
            w.statusBar().showMessage(self.tr("Every finding of this article is reviewed"), 5000)
