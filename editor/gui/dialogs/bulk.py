"""The bulk accept dialog: choose what to accept (every safe finding, one category, one rule), here or in every
open article, and see each change in context before anything happens.

The dialog computes nothing itself: `preview(selector, everywhere)` (given by `editor.gui.bulk_review`) returns
the changes a choice would make, and the dialog lists them again whenever the choice changes. What "safe" means is
defined once, in `editor.core.bulk`. Every cell is plain text (scraped text may hold markup, which must never be
rendered) with invisible characters made visible, as in the accept-all confirmation.

    selector, everywhere, accepted = BulkAcceptDialog.ask(window, preview, category="typography", rule=None)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.core.bulk import Scope, Selector
from editor.gui.colors import category_label
from editor.gui.dialogs.confirm import plain_tooltip, visible

if TYPE_CHECKING:
    from editor.core.review import Item


@dataclass(frozen=True, slots=True)
class Change:
    """One finding a bulk accept would apply: in which open article, what it becomes, the words around it."""

    doc: int
    article: str
    item: Item
    replacement: str
    context: str


# (selector, every open article?) -> (the changes, how many articles are left out because not analysed yet)
Preview = Callable[[Selector, bool], tuple[list[Change], int]]


class BulkAcceptDialog(QDialog):
    """Asks what to accept in bulk and lists every change it would make."""

    def __init__(
        self,
        preview: Preview,
        category: str | None,
        rule: str | None,
        everywhere: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("bulkAcceptDialog")
        self.setWindowTitle(self.tr("Accept in Bulk"))
        self._preview = preview
        self._category, self._rule = category, rule
        self.changes: list[Change] = []

        self.safe_radio = QRadioButton(self.tr("Every &safe finding (automatic, or information with one suggestion)"))
        self.category_radio = QRadioButton(self.tr("Every finding of the &category “{name}”"))
        self.rule_radio = QRadioButton(self.tr("Every finding of the r&ule “{name}”"))
        self.category_radio.setText(self.category_radio.text().format(name=category_label(category or "") or "—"))
        self.rule_radio.setText(self.rule_radio.text().format(name=rule or "—"))
        self.category_radio.setEnabled(category is not None)
        self.rule_radio.setEnabled(rule is not None)
        self.scopes = QButtonGroup(self)
        for k, radio in enumerate((self.safe_radio, self.category_radio, self.rule_radio)):
            self.scopes.addButton(radio, k)
        (self.rule_radio if rule is not None else self.safe_radio).setChecked(True)
        self.everywhere_box = QCheckBox(self.tr("In every &open article"), self)
        self.everywhere_box.setChecked(everywhere)

        self.summary = QLabel(self)
        self.summary.setObjectName("bulkSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("bulkTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Article"), self.tr("Found"), self.tr("Becomes"), self.tr("Context")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for col in (0, 1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)

        buttons = QDialogButtonBox(self)
        self.accept_button = buttons.addButton(self.tr("Accept"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.accept_button.setDefault(True)

        layout = QVBoxLayout(self)
        for radio in (self.safe_radio, self.category_radio, self.rule_radio):
            layout.addWidget(radio)
        row = QHBoxLayout()
        row.addWidget(self.everywhere_box)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.scopes.idToggled.connect(self._scope_toggled)
        self.everywhere_box.toggled.connect(lambda _on: self.refresh())
        self.resize(820, 480)
        self.refresh()

    def _scope_toggled(self, _id: int, on: bool) -> None:
        if on:
            self.refresh()

    def selection(self) -> tuple[Selector, bool]:
        """What is chosen: the selector and whether it applies to every open article."""
        if self.category_radio.isChecked() and self._category is not None:
            selector = Selector(Scope.CATEGORY, self._category)
        elif self.rule_radio.isChecked() and self._rule is not None:
            selector = Selector(Scope.RULE, self._rule)
        else:
            selector = Selector(Scope.SAFE)
        return selector, self.everywhere_box.isChecked()

    def refresh(self) -> None:
        """List the changes of the current choice again."""
        changes, left_out = self._preview(*self.selection())
        self.changes = changes
        articles = len({c.doc for c in changes})
        text = self.tr("{n} change(s) in {k} article(s).").format(n=len(changes), k=articles)
        if left_out:
            text += " " + self.tr("{m} article(s) not analysed yet are left out: open them first.").format(m=left_out)
        self.summary.setText(text)
        self.table.setRowCount(len(changes))
        for r, change in enumerate(changes):
            becomes = visible(change.replacement, edges=True) if change.replacement else self.tr("(deleted)")
            cells = (change.article, visible(change.item.text, edges=True), becomes, change.context)
            for c, value in enumerate(cells):
                cell = QTableWidgetItem(value)
                cell.setToolTip(plain_tooltip(value))
                self.table.setItem(r, c, cell)
        self.table.resizeColumnToContents(1)
        self.table.resizeColumnToContents(2)
        self.table.setColumnWidth(0, min(220, max(80, self.table.sizeHintForColumn(0))))
        self.accept_button.setText(self.tr("Accept {n}").format(n=len(changes)))
        self.accept_button.setEnabled(bool(changes))

    @classmethod
    def ask(
        cls, parent: QWidget | None, preview: Preview, category: str | None, rule: str | None
    ) -> tuple[Selector, bool, bool]:
        """Show the dialog and wait: returns (selector, every open article?, accepted)."""
        dialog = cls(preview, category, rule, parent=parent)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return (*dialog.selection(), accepted)
        finally:
            dialog.deleteLater()
