"""What the person can do with the findings under the mouse: tooltips, and the context menus of the panes and of
the findings table (suggestions first, then the actions that apply, each with its key)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint
from PySide6.QtGui import QKeySequence
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
        """The decisions for these findings, each with its key: suggestions first (Alt+N), then reject, accept all,
        ignore, the rule and glossary actions, revert; only those that apply to the finding."""
        w = self.w
        menu = QMenu(w)
        for item in items[:3]:
            f = item.finding
            applicable = w.finding_actions.applicable(item)
            if str(item.status) == "pending":
                for n, s in enumerate(f.suggestions[:9], start=1):
                    label = self.tr("Replace with “{s}”").format(s=s) if s else self.tr("Delete “{t}”").format(t=f.text)
                    act = menu.addAction(f"{label.replace('&', '&&')}\tAlt+{n}")
                    act.triggered.connect(lambda _c=False, i=item.id, k=n: self._accept(i, k))
                menu.addSeparator()
            for name, label in self._labels(item).items():
                if name not in applicable:
                    continue
                key = self._key(name)
                a = menu.addAction(f"{label}\t{key}" if key else label)
                a.setObjectName(f"menu_{name}")
                a.triggered.connect(lambda _c=False, i=item.id, n=name: self._run(i, n))
            menu.addSeparator()
        return menu

    def _labels(self, item: Item) -> dict[str, str]:
        f = item.finding
        word = f.text.strip()[:40].replace("&", "&&")
        rule = f.rule
        return {
            "reject": self.tr("Reject (keep as is)"),
            "delete_link": self.tr("Delete this link"),
            "set_url": self.tr("Set the article's source URL…"),
            "accept_all": self.tr("Accept all of {rule}…").format(rule=rule),
            "ignore": self.tr("Ignore “{w}” in session").format(w=word),
            "dictionary": self.tr("Add “{w}” to dictionary").format(w=word),
            "glossary": self.tr("Always replace “{w}”… (glossary)").format(w=word),
            "ignore_rule": self.tr("Ignore {rule} in this article").format(rule=rule),
            "rule_off": self.tr("Turn {rule} off").format(rule=rule),
            "revert": (self.tr("Revert automatic fix") if str(item.status) == "auto" else self.tr("Revert this fix"))
            + f": “{word[:30]}”",
        }

    def _key(self, name: str) -> str:
        """The key of the window's command of that name ("" when it has none)."""
        action = self.w.actions_.by_name.get(name)
        if action is None or action.shortcut().isEmpty():
            return ""
        return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)

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

    def _run(self, item_id: int, name: str) -> None:
        self.w.select_item(item_id)
        self.w.finding_actions.run(name)
