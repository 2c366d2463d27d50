"""What the person can do with the findings under the mouse: tooltips, and the context menus of the panes and of
the findings table (suggestions first, then reject, accept all, ignore, add to dictionary, revert)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint
from PySide6.QtWidgets import QMenu

from editor.gui.colors import category_label

if TYPE_CHECKING:
    from editor.core.review import Item
    from editor.gui.main_window import MainWindow
    from editor.gui.panes import TextPane


class ItemMenus(QObject):
    """Menus and tooltips over the window's current review; every entry runs the window's own command."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window

    def items_at(self, pane: TextPane, pos: int) -> list[Item]:
        seen: list[Item] = []
        for mark in pane.marks_at(pos):
            item = self.w.item(mark.item_id) if mark.item_id >= 0 else None
            if item is not None and item not in seen:
                seen.append(item)
        return seen

    def tooltip(self, pane: TextPane, pos: int) -> str | None:
        lines = []
        for item in self.items_at(pane, pos):
            f = item.finding
            lines.append(f"{category_label(f.category)} · {f.rule}: {f.message}")
            status = str(item.status)
            if status == "pending" and f.suggestions:
                shown = ", ".join(f"“{s}”" if s else self.tr("(delete)") for s in f.suggestions[:5])
                lines.append(self.tr("Suggestions: {list}").format(list=shown))
            elif status in ("auto", "accepted"):
                lines.append(self.tr("Changed “{before}” → “{after}”").format(before=f.text, after=item.replacement))
        for mark in pane.marks_at(pos):
            if mark.kind == "link":
                lines.append(self.tr("Link"))
        return "\n".join(lines) or None

    def context_menu(self, pane: TextPane, pos: int) -> QMenu:
        """Suggestions first, then accept / reject / ignore / revert for the finding under `pos`, then the pane's
        standard entries (copy, select all…)."""
        menu = self.item_menu(self.items_at(pane, pos))
        standard = pane.createStandardContextMenu()
        for action in standard.actions():
            action.setParent(menu)
            menu.addAction(action)
        standard.deleteLater()
        return menu

    def item_menu(self, items: list[Item]) -> QMenu:
        """The decisions for these findings: suggestions first, then reject / accept all / ignore / revert."""
        w = self.w
        menu = QMenu(w)
        for item in items[:3]:
            f = item.finding
            status = str(item.status)
            if status == "pending":
                for n, s in enumerate(f.suggestions[:9], start=1):
                    label = self.tr("Replace with “{s}”").format(s=s) if s else self.tr("Delete “{t}”").format(t=f.text)
                    act = menu.addAction(label.replace("&", "&&"))
                    act.triggered.connect(lambda _c=False, i=item.id, k=n: self._accept(i, k))
                menu.addSeparator()
                word = f.text.strip()[:40]
                entries: list[tuple[str, Callable[[], None]]] = [
                    (self.tr("Reject (keep as is)"), w.reject),
                    (self.tr("Accept all of {rule}…").format(rule=f.rule), w.accept_all),
                    (self.tr("Ignore “{w}” in session").format(w=word), w.ignore_word),
                    (self.tr("Add “{w}” to dictionary").format(w=word), w.add_to_dictionary),
                ]
                for label, fn in entries:
                    a = menu.addAction(label)
                    a.triggered.connect(lambda _c=False, i=item.id, fn=fn: self._do(i, fn))
            elif status in ("auto", "accepted"):
                what = self.tr("Revert automatic fix") if status == "auto" else self.tr("Revert this fix")
                a = menu.addAction(f"{what}: “{f.text.strip()[:30]}”".replace("&", "&&"))
                a.triggered.connect(lambda _c=False, i=item.id: w.revert(i))
            menu.addSeparator()
        return menu

    def pane_menu(self, pane: TextPane, pos: int, global_pos: QPoint) -> None:
        menu = self.context_menu(pane, pos)
        menu.exec(global_pos)
        menu.deleteLater()

    def table_menu(self, item_id: int, global_pos: QPoint) -> None:
        item = self.w.item(item_id)
        if item is None:
            return
        self.w.select_item(item_id)
        menu = self.item_menu([item])
        if menu.actions():
            menu.exec(global_pos)
        menu.deleteLater()

    def _accept(self, item_id: int, n: int) -> None:
        self.w.select_item(item_id)
        self.w.accept_suggestion(n)

    def _do(self, item_id: int, fn: Callable[[], None]) -> None:
        self.w.select_item(item_id)
        fn()
