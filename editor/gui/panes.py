"""The Raw and Cleaned text panes and their highlighting.

Both are `QPlainTextEdit`s (cheap layout on long articles). What is drawn is a list of precomputed `Mark`s
(code-point spans); `highlightBlock` only looks them up (never tokenises), and only for blocks near the viewport:
blocks further away are formatted when they scroll into view, so a long article costs only what is on screen.
Positions go through `editor.gui.positions` (Qt counts an emoji as two units, Python as one); text is read with
`toRawText()` so no-break spaces survive (`toPlainText()` turns them into spaces); the highlighter is never wired
to `contentsChanged` (re-highlighting on every change would make each keystroke walk the whole document).
"""

from __future__ import annotations

import html
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from operator import attrgetter

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QHelpEvent,
    QKeySequence,
    QPalette,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from editor.core.findings import CATEGORIES
from editor.gui.colors import FALLBACK_UNDERLINE, category_color, mark_color
from editor.gui.positions import Utf16Index

# Category and mark colours come from the legend (one source for underlines, chips and legend; light and dark).

# Highlight this many blocks above and below the viewport, so short scrolls show formats at once.
BLOCK_MARGIN = 30
# A line longer than this makes every keystroke slow (Qt lays a paragraph out as one unit): such articles open
# read-only.
LONG_LINE = 50_000


@dataclass(frozen=True, slots=True)
class Mark:
    """A span to draw, in code points of the pane's text.

    kind: "finding" (underline in the category colour), "removed" (raw text that cleaning removed or changed),
    "inserted" (clean text that cleaning added), "link" (a good link), "link-broken" (a malformed or dead link).
    """

    start: int
    end: int
    kind: str
    category: str = ""
    severity: str = "warning"
    item_id: int = -1


_BY_SPAN = attrgetter("start", "end")


class MarkIndex:
    """Marks sorted by start, answering "which marks touch [start, end)" with one bisect.

    Kept as parallel lists of ints plus immutable payloads, so that a keystroke shifts the marks after it with
    two slice comprehensions (C speed) instead of rebuilding thousands of objects.
    """

    __slots__ = ("_data", "_ends", "_maxlen", "_starts")

    def __init__(self, marks: Iterable[Mark] = ()) -> None:
        ordered = sorted(marks, key=_BY_SPAN)
        self._starts: list[int] = [m.start for m in ordered]
        self._ends: list[int] = [m.end for m in ordered]
        self._data: list[tuple[str, str, str, int]] = [(m.kind, m.category, m.severity, m.item_id) for m in ordered]
        self._maxlen = max((m.end - m.start for m in ordered), default=0)

    def __len__(self) -> int:
        return len(self._starts)

    def _mark(self, i: int) -> Mark:
        return Mark(self._starts[i], self._ends[i], *self._data[i])

    def __iter__(self) -> Iterator[Mark]:
        return (self._mark(i) for i in range(len(self._starts)))

    def overlapping(self, start: int, end: int) -> list[Mark]:
        if not self._starts:
            return []
        i = bisect_left(self._starts, start - self._maxlen)
        j = bisect_left(self._starts, end)
        ends = self._ends
        starts = self._starts
        return [self._mark(k) for k in range(i, j) if ends[k] > start or (starts[k] == ends[k] and starts[k] >= start)]

    def at(self, pos: int) -> list[Mark]:
        """Marks containing position `pos` (a zero-length mark counts at its own position)."""
        return [m for m in self.overlapping(pos, pos + 1) if m.start <= pos < m.end or m.start == m.end == pos]

    def shift(self, start: int, end: int, new_len: int) -> None:
        """text[start:end] became `new_len` characters: marks after move, marks the edit touched are dropped
        (the same rule as `apply_ops`: a mark is touched when the change starts before its end and ends after
        its start; an insertion at a mark's start moves it)."""
        delta = new_len - (end - start)
        starts, ends, data = self._starts, self._ends, self._data
        i = bisect_left(starts, end)
        if delta:
            starts[i:] = [x + delta for x in starts[i:]]
            ends[i:] = [x + delta for x in ends[i:]]
        lo = bisect_left(starts, start - self._maxlen, 0, i)
        dead = [k for k in range(lo, i) if ends[k] > start]
        for k in reversed(dead):
            del starts[k], ends[k], data[k]

    def apply_ops(self, ops: Iterable[tuple[int, int, str]]) -> None:
        """Several replacements at once (pre-edit coordinates, non-overlapping): one pass over the marks."""
        ordered = sorted(ops)
        if not ordered:
            return
        starts, ends, data = self._starts, self._ends, self._data
        ns: list[int] = []
        ne: list[int] = []
        nd: list[tuple[str, str, str, int]] = []
        k = 0
        n = len(ordered)
        delta = 0
        for i in range(len(starts)):
            s, e = starts[i], ends[i]
            while k < n and ordered[k][1] <= s:
                a, b, t = ordered[k]
                delta += len(t) - (b - a)
                k += 1
            if k < n and ordered[k][0] < e:
                continue  # the change touched this mark
            ns.append(s + delta)
            ne.append(e + delta)
            nd.append(data[i])
        self._starts, self._ends, self._data = ns, ne, nd

    def update_items(self, item_ids: set[int], marks: Iterable[Mark]) -> None:
        """Replace every mark of these review items by `marks`."""
        rows = [(s, e, d) for s, e, d in zip(self._starts, self._ends, self._data, strict=True) if d[3] not in item_ids]
        for m in marks:
            rows.append((m.start, m.end, (m.kind, m.category, m.severity, m.item_id)))
            self._maxlen = max(self._maxlen, m.end - m.start)
        rows.sort(key=lambda r: (r[0], r[1]))
        self._starts = [r[0] for r in rows]
        self._ends = [r[1] for r in rows]
        self._data = [r[2] for r in rows]

    def replace_range(self, start: int, end: int, marks: Iterable[Mark], kinds: frozenset[str]) -> None:
        """Swap the marks of `kinds` lying inside [start, end) for `marks` (a paragraph re-check)."""
        starts, ends, data = self._starts, self._ends, self._data
        lo = bisect_left(starts, start)
        hi = bisect_left(starts, end + 1)
        keep = [k for k in range(lo, hi) if not (ends[k] <= end and data[k][0] in kinds)]
        kept = [Mark(starts[k], ends[k], *data[k]) for k in keep]
        merged = sorted([*kept, *marks], key=lambda m: (m.start, m.end))
        starts[lo:hi] = [m.start for m in merged]
        ends[lo:hi] = [m.end for m in merged]
        data[lo:hi] = [(m.kind, m.category, m.severity, m.item_id) for m in merged]
        self._maxlen = max(self._maxlen, max((m.end - m.start for m in merged), default=0))


def _formats(palette: QPalette) -> dict[tuple[str, str, str], QTextCharFormat]:
    table: dict[tuple[str, str, str], QTextCharFormat] = {}
    for category in CATEGORIES:
        for severity in ("error", "warning", "info"):
            f = QTextCharFormat()
            f.setUnderlineColor(category_color(category, palette))
            if severity == "info":
                f.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            else:
                f.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            table[("finding", category, severity)] = f
    removed_colour = mark_color("removed", palette)
    inserted_colour = mark_color("inserted", palette)
    link_colour = mark_color("link", palette)
    broken_colour = mark_color("link-broken", palette)
    removed = QTextCharFormat()
    removed.setFontStrikeOut(True)
    removed.setForeground(removed_colour)
    bg = QColor(removed_colour)
    bg.setAlpha(40)
    removed.setBackground(bg)
    table[("removed", "", "")] = removed
    inserted = QTextCharFormat()
    inserted.setForeground(inserted_colour)
    bg = QColor(inserted_colour)
    bg.setAlpha(45)
    inserted.setBackground(bg)
    table[("inserted", "", "")] = inserted
    link = QTextCharFormat()
    link.setForeground(link_colour)
    link.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    link.setUnderlineColor(link_colour)
    table[("link", "", "")] = link
    broken = QTextCharFormat()
    broken.setForeground(broken_colour)
    broken.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
    broken.setUnderlineColor(broken_colour)
    bg = QColor(broken_colour)
    bg.setAlpha(35)
    broken.setBackground(bg)
    table[("link-broken", "", "")] = broken
    return table


class MarkHighlighter(QSyntaxHighlighter):
    """Applies precomputed marks to the blocks near the viewport; other blocks are done when they show up."""

    def __init__(self, pane: TextPane) -> None:
        # The pane connected its own contentsChange handler first, so positions are current when Qt calls us.
        super().__init__(pane.document())
        self._pane = pane
        self._marks = MarkIndex()
        self._formats = _formats(pane.palette())
        self._lo = 0
        self._hi = 200
        self._done: set[int] = set()
        self._fallback = QTextCharFormat()
        self._fallback.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        self._fallback.setUnderlineColor(QColor(FALLBACK_UNDERLINE))

    def set_palette(self, palette: QPalette) -> None:
        self._formats = _formats(palette)
        self._done.clear()
        self.refresh()

    @property
    def marks(self) -> MarkIndex:
        return self._marks

    def set_marks(self, marks: MarkIndex, refresh: bool = True) -> None:
        self._marks = marks
        self._done.clear()
        if refresh:
            self.refresh()

    def forget_blocks(self) -> None:
        """Block numbers moved (lines added or removed): every block is formatted again when visible."""
        self._done.clear()

    def refresh(self) -> None:
        """Format the blocks around the viewport that are not formatted for the current marks yet."""
        lo, hi = self._pane.visible_blocks()
        self._lo, self._hi = max(0, lo - BLOCK_MARGIN), hi + BLOCK_MARGIN
        doc = self.document()
        block = doc.findBlockByNumber(self._lo)
        while block.isValid() and block.blockNumber() <= self._hi:
            if block.blockNumber() not in self._done:
                self.rehighlightBlock(block)
            block = block.next()

    def highlightBlock(self, text: str) -> None:
        block = self.currentBlock()
        number = block.blockNumber()
        if not self._lo <= number <= self._hi:
            self._done.discard(number)
            return
        self._done.add(number)
        if not len(self._marks) or not text:
            return
        index = self._pane.index
        unit0 = block.position()
        start = index.to_code_point(unit0)
        end = start + len(text)
        for m in self._marks.overlapping(start, end):
            s = max(m.start, start)
            e = min(m.end, end)
            if e <= s:
                continue
            key = (m.kind, m.category, m.severity) if m.kind == "finding" else (m.kind, "", "")
            fmt = self._formats.get(key)
            if fmt is None:
                fmt = self._fallback
            us = index.to_utf16(s) - unit0
            ue = index.to_utf16(e) - unit0
            self.setFormat(us, ue - us, fmt)


def _raw_text(doc: QTextDocument) -> str:
    """The document's text with no-break spaces intact (`toPlainText()` would turn them into spaces); blocks
    joined by \\n."""
    return str(doc.toRawText()).replace("\u2029", "\n")


class TextPane(QPlainTextEdit):
    """A text pane that speaks code points to the rest of Galley and UTF-16 to Qt."""

    menuRequested = Signal(int, QPoint)  # code-point position, global position

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.index = Utf16Index()
        self._text = ""
        self._reserved: set[str] = set()
        self.tooltip_provider: Callable[[int], str | None] | None = None
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setCenterOnScroll(False)
        doc = self.document()
        doc.setUndoRedoEnabled(False)
        self._connect_document(doc)
        self.highlighter = MarkHighlighter(self)
        doc.blockCountChanged.connect(self._blocks_moved)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.highlighter.refresh)
        self.verticalScrollBar().valueChanged.connect(self._schedule_refresh)

    # -- hooks for subclasses -------------------------------------------------------------------------------
    def _connect_document(self, doc: QTextDocument) -> None:
        """Subclasses connect their contentsChange handler here, before the highlighter exists."""

    # -- text ------------------------------------------------------------------------------------------------
    def set_text(self, text: str) -> None:
        """Show `text` (plain text, never interpreted as markup: a scraped `<img src=...>` must stay text)."""
        self._text = text
        self.index = Utf16Index(text)
        self.highlighter.forget_blocks()
        # With the document's signals blocked the highlighter is not run over every block of a long article
        # (a Python call per block); only the blocks in view are formatted, by refresh().
        doc = self.document()
        doc.blockSignals(True)
        try:
            self.setPlainText(text)
        finally:
            doc.blockSignals(False)
        self.highlighter.refresh()

    def text(self) -> str:
        """The pane's text as Galley knows it (code points, \\n line ends)."""
        return self._text

    def document_text(self) -> str:
        """The text read back from Qt (for checks that the document and Galley agree)."""
        return _raw_text(self.document())

    # -- marks and the current finding ------------------------------------------------------------------------
    def set_marks(self, marks: Iterable[Mark]) -> None:
        self.highlighter.set_marks(MarkIndex(marks))

    def shift_marks(self, start: int, end: int, new_len: int) -> None:
        """Keep the marks aligned with a hand edit, without re-highlighting anything but the edited block."""
        self.highlighter.marks.shift(start, end, new_len)

    def replace_marks(self, start: int, end: int, marks: Iterable[Mark], kinds: frozenset[str]) -> None:
        self.highlighter.marks.replace_range(start, end, marks, kinds)
        self.highlighter.forget_blocks()
        self._schedule_refresh()

    def update_item_marks(self, item_ids: set[int], marks: Iterable[Mark]) -> None:
        self.highlighter.marks.update_items(item_ids, marks)
        self.highlighter.forget_blocks()
        self._schedule_refresh()

    def marks_at(self, pos: int) -> list[Mark]:
        return self.highlighter.marks.at(pos)

    def set_current(self, start: int | None, end: int | None = None, move: bool = True) -> None:
        """Show the current finding as an extra selection (the only one) and scroll to it."""
        if start is None or end is None:
            self.setExtraSelections([])
            return
        n = len(self._text)
        start, end = max(0, min(start, n)), max(0, min(end, n))
        us, ue = self.index.to_utf16(start), self.index.to_utf16(end)
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(us)
        cursor.setPosition(max(ue, us), QTextCursor.MoveMode.KeepAnchor)
        colour = QColor(mark_color("current", self.palette()))
        colour.setAlpha(120)
        sel.format.setBackground(colour)
        sel.format.setProperty(QTextFormat.Property.FullWidthSelection, False)
        sel.cursor = cursor
        self.setExtraSelections([sel])
        if move:
            c = QTextCursor(self.document())
            c.setPosition(us)
            self.setTextCursor(c)
            self.ensureCursorVisible()
            self._schedule_refresh()

    def cursor_position(self) -> int:
        """The text cursor's position in code points."""
        return self.index.to_code_point(self.textCursor().position())

    def set_cursor_position(self, pos: int) -> None:
        c = QTextCursor(self.document())
        c.setPosition(self.index.to_utf16(max(0, min(pos, len(self._text)))))
        self.setTextCursor(c)

    def position_at(self, point: QPoint) -> int:
        """Code-point position under a viewport point."""
        return self.index.to_code_point(self.cursorForPosition(point).position())

    def top_position(self) -> int:
        """Code-point position of the first visible character (for scrolling the other pane along)."""
        return self.position_at(QPoint(2, 2))

    def scroll_to_position(self, pos: int) -> None:
        """Scroll so that the line holding code-point `pos` is at the top of the viewport."""
        block = self.document().findBlock(self.index.to_utf16(max(0, min(pos, len(self._text)))))
        if block.isValid():
            # The scroll bar counts visual lines (wrapped lines included), as firstLineNumber() does.
            self.verticalScrollBar().setValue(block.firstLineNumber())

    def visible_blocks(self) -> tuple[int, int]:
        top = self.cursorForPosition(QPoint(0, 0)).blockNumber()
        bottom = self.cursorForPosition(QPoint(0, max(0, self.viewport().height() - 1))).blockNumber()
        return top, max(top, bottom)

    # -- keyboard: let the window's review shortcuts win over the editor's own ---------------------------------
    def reserve_shortcuts(self, sequences: Sequence[QKeySequence]) -> None:
        self._reserved = {s.toString() for s in sequences if not s.isEmpty()}

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ShortcutOverride and self._reserved:
            seq = QKeySequence(e.keyCombination()).toString()  # type: ignore[attr-defined]
            if seq in self._reserved:
                e.ignore()
                return True
        return super().event(e)

    # -- hover and menu ------------------------------------------------------------------------------------------
    def viewportEvent(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip and isinstance(e, QHelpEvent):
            text = self.tooltip_provider(self.position_at(e.pos())) if self.tooltip_provider else None
            if text:
                body = "<br>".join(html.escape(line) for line in text.splitlines())
                QToolTip.showText(e.globalPos(), f"<p style='white-space:pre-wrap'>{body}</p>", self.viewport())
            else:
                QToolTip.hideText()
                e.ignore()
            return True
        return super().viewportEvent(e)

    def contextMenuEvent(self, e: QContextMenuEvent) -> None:
        pos = self.position_at(e.pos()) if e.reason() == QContextMenuEvent.Reason.Mouse else self.cursor_position()
        self.menuRequested.emit(pos, e.globalPos())

    def standard_menu(self, global_pos: QPoint):  # type: ignore[no-untyped-def]
        return self.createStandardContextMenu(self.viewport().mapFromGlobal(global_pos))

    # -- internals -----------------------------------------------------------------------------------------------
    def _blocks_moved(self, _count: int) -> None:
        self.highlighter.forget_blocks()
        self._schedule_refresh()

    def _schedule_refresh(self, *_args: object) -> None:
        self._refresh_timer.start()

    def resizeEvent(self, e):  # type: ignore[no-untyped-def]
        super().resizeEvent(e)
        self._schedule_refresh()

    def changeEvent(self, e: QEvent) -> None:
        super().changeEvent(e)
        if e.type() == QEvent.Type.PaletteChange:  # dark/light theme switch: underline shades follow
            self.highlighter.set_palette(self.palette())

    def showEvent(self, e):  # type: ignore[no-untyped-def]
        super().showEvent(e)
        self._schedule_refresh()


class RawPane(TextPane):
    """The article as loaded: read-only; shows what cleaning removed or changed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("rawPane", parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )


class CleanPane(TextPane):
    """The cleaned article, editable. Hand edits are reported as minimal (start, end, text) replacements in code
    points of the previous text; the review model owns undo, so the document's own undo stack is off."""

    edited = Signal(int, int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        self._syncing = False
        super().__init__("cleanPane", parent)

    def _connect_document(self, doc: QTextDocument) -> None:
        doc.contentsChange.connect(self._on_contents_change)

    def set_text(self, text: str) -> None:
        self._syncing = True
        try:
            super().set_text(text)
        finally:
            self._syncing = False

    def replace_range(self, start: int, end: int, new_text: str) -> None:
        """Apply a change made by Galley (accept, undo...) to the document without reporting it as a hand edit,
        keeping the scroll position and the rest of the layout."""
        self._syncing = True
        try:
            us, ue = self.index.to_utf16(start), self.index.to_utf16(end)
            self._text = self._text[:start] + new_text + self._text[end:]
            self.index.replace(start, end, new_text)
            c = QTextCursor(self.document())
            c.setPosition(us)
            c.setPosition(ue, QTextCursor.MoveMode.KeepAnchor)
            c.insertText(new_text)
        finally:
            self._syncing = False

    def apply_text_ops(self, ops: Sequence[tuple[int, int, str]]) -> None:
        """Galley's own replacements (accept, accept-all, undo...), given so that applying them in order to the
        current text gives the new one: the document is edited in place (layout and scroll position kept, one
        edit block) and the marks move in one pass."""
        if not ops:
            return
        self._syncing = True
        try:
            old_index = self.index
            text = self._text
            cursor = QTextCursor(self.document())
            cursor.beginEditBlock()
            for a, b, t in ops:
                cursor.setPosition(old_index.to_utf16(a))
                cursor.setPosition(old_index.to_utf16(b), QTextCursor.MoveMode.KeepAnchor)
                cursor.insertText(t)
                text = text[:a] + t + text[b:] if len(ops) < 64 else text
            cursor.endEditBlock()
            if len(ops) >= 64:
                parts = []
                pos = 0
                for a, b, t in sorted(ops):
                    parts.append(self._text[pos:a])
                    parts.append(t)
                    pos = b
                parts.append(self._text[pos:])
                text = "".join(parts)
            self._text = text
            self.index = Utf16Index(text)
            self.highlighter.marks.apply_ops(ops)
        finally:
            self._syncing = False

    def _on_contents_change(self, pos: int, removed: int, added: int) -> None:
        if self._syncing or (removed == 0 and added == 0):
            return
        old = self._text
        index = self.index
        s = index.to_code_point(pos)
        e = index.to_code_point(pos + removed)
        c = QTextCursor(self.document())
        c.setPosition(pos)
        c.setPosition(pos + added, QTextCursor.MoveMode.KeepAnchor)
        new = str(c.selectedText()).replace("\u2029", "\n")
        if s == 0 and e > len(old):  # Qt counts the document's final separator
            e = len(old)
        e = min(e, len(old))
        before = old[s:e]
        if before == new:
            return  # a format-only change (the highlighter), not an edit
        # Trim to the minimal replacement so the review records exactly what the person typed.
        p = 0
        limit = min(len(before), len(new))
        while p < limit and before[p] == new[p]:
            p += 1
        q = 0
        while q < limit - p and before[len(before) - 1 - q] == new[len(new) - 1 - q]:
            q += 1
        s2, e2 = s + p, e - q
        ins = new[p : len(new) - q]
        self._text = old[:s2] + ins + old[e2:]
        index.replace(s2, e2, ins)
        self.edited.emit(s2, e2, ins)
