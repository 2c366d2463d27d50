"""The confirmation shown before "Accept all of this rule" (Ctrl+Shift+Return): it lists every finding it will change.

How the main window uses it:

    dont_ask, accepted = ConfirmAcceptAllDialog.ask(self, rule_id, review.pending_of(rule_id), text=cleaned)
    if accepted:
        review.accept_all(rule_id)          # one undo step
        # optionally remember `dont_ask` for this rule for the rest of the session

`items` are review `Item`s (anything with `.finding` and optionally `.replacement`, `.start`, `.end`) or bare
`Finding`s. The replacement shown is the item's chosen replacement, else the finding's first suggestion. With
`text` (the cleaned text the items' `start`/`end` point into) each row also shows the words around the finding.
Invisible characters are made visible (no-break space ⍽, narrow no-break space ⎵, tab ⇥, line break ⏎, a
space at either end of a found text or replacement ␣): a
typography fix that only swaps a space for a no-break space would otherwise look like no change at all.
Everything is shown as plain text: scraped text may hold markup, which must never be rendered.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.core.findings import Finding
from editor.gui.colors import category_label

if TYPE_CHECKING:
    from editor.core.review import Item

    Reviewed = Item | Finding  # a review item, or a bare finding (tests, previews)

_VISIBLE = str.maketrans({"\u00a0": "⍽", "\u202f": "⎵", "\t": "⇥", "\n": "⏎", "\u2029": "⏎", "\u2028": "⏎"})
CONTEXT_CHARS = 30


def visible(text: str, edges: bool = False) -> str:
    """`text` with invisible characters replaced by visible marks, for showing a change to a person.

    With `edges`, plain spaces at either end become ␣ too (" ," → "␣,"), since they are the change itself.
    """
    shown = text.translate(_VISIBLE)
    if edges:
        stripped = shown.strip(" ")
        if stripped:
            lead = len(shown) - len(shown.lstrip(" "))
            trail = len(shown) - len(shown.rstrip(" "))
            shown = "␣" * lead + stripped + "␣" * trail
        else:
            shown = "␣" * len(shown)
    return shown


def plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` literally: Qt renders tooltips that look like HTML as rich text, and scraped
    text may hold `<img src=...>` (Qt would load it), so the text is escaped inside a minimal rich-text wrapper."""
    return "<p style='white-space:pre-wrap'>" + html.escape(text) + "</p>"


def _finding(item: Item | Finding) -> Finding:
    return item if isinstance(item, Finding) else item.finding


def replacement_of(item: Item | Finding) -> str | None:
    chosen = getattr(item, "replacement", None)
    if chosen is not None:
        return str(chosen)
    suggestions = getattr(_finding(item), "suggestions", ())
    return str(suggestions[0]) if suggestions else None


def in_context(item: Item | Finding, text: str | None) -> str:
    """The words around a finding on one line, the finding in [brackets] (plain text, for a person to read)."""
    start, end = getattr(item, "start", None), getattr(item, "end", None)
    if text is None or start is None or end is None:
        finding = _finding(item)
        start, end = getattr(finding, "start", None), getattr(finding, "end", None)
    if text is None or start is None or end is None or not 0 <= start <= end <= len(text):
        return ""
    before = text[max(0, start - CONTEXT_CHARS) : start]
    after = text[end : end + CONTEXT_CHARS]
    left = "…" if start > CONTEXT_CHARS else ""
    right = "…" if end + CONTEXT_CHARS < len(text) else ""
    return " ".join(f"{left}{before}[{text[start:end]}]{after}{right}".split())


class ConfirmAcceptAllDialog(QDialog):
    """Lists the findings of one rule that "accept all" would change, and asks."""

    def __init__(self, rule: str, items: Sequence[Reviewed], text: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("confirmAcceptAllDialog")
        self.setWindowTitle(self.tr("Accept all"))
        count = len(items)
        category = rule.split(".", 1)[0]
        heading = QLabel(self)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        if count == 1:
            heading.setText(self.tr("Accept the only pending finding of the rule “{rule}” ({category})?"))
        else:
            heading.setText(self.tr("Accept all {count} pending findings of the rule “{rule}” ({category})?"))
        heading.setText(heading.text().format(count=count, rule=rule, category=category_label(category)))
        message = getattr(_finding(items[0]), "message", "") if items else ""
        detail = QLabel(message, self)
        detail.setTextFormat(Qt.TextFormat.PlainText)
        detail.setWordWrap(True)
        detail.setVisible(bool(message))

        self.table = QTableWidget(count, 3, self)
        self.table.setObjectName("acceptAllTable")
        self.table.setHorizontalHeaderLabels([self.tr("Found"), self.tr("Becomes"), self.tr("Context")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.without_suggestion = 0
        for row, item in enumerate(items):
            finding = _finding(item)
            replacement = replacement_of(item)
            if replacement is None:
                self.without_suggestion += 1
                shown = self.tr("(no suggestion: left as is)")
            elif replacement == "":
                shown = self.tr("(deleted)")
            else:
                shown = visible(replacement, edges=True)
            cells = [visible(str(getattr(finding, "text", "")), edges=True), shown, self._context(item, text)]
            for col, value in enumerate(cells):
                cell = QTableWidgetItem(value)
                cell.setToolTip(plain_tooltip(value))
                self.table.setItem(row, col, cell)

        self.dont_ask = QCheckBox(self.tr("Do not ask again for this rule in this session"), self)
        buttons = QDialogButtonBox(self)
        self.accept_button = buttons.addButton(self.tr("Accept all"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.accept_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(detail)
        layout.addWidget(self.table, 1)
        if self.without_suggestion:
            note = QLabel(self.tr("Findings without a suggestion are left unchanged."), self)
            note.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(note)
        layout.addWidget(self.dont_ask)
        layout.addWidget(buttons)
        self.resize(640, 420)

    @staticmethod
    def _context(item: Item | Finding, text: str | None) -> str:
        return in_context(item, text)

    @classmethod
    def ask(
        cls, parent: QWidget | None, rule: str, items: Sequence[Reviewed], text: str | None = None
    ) -> tuple[bool, bool]:
        """Show the list and wait: returns (do not ask again, accepted)."""
        dialog = cls(rule, items, text, parent)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return dialog.dont_ask.isChecked() and accepted, accepted
        finally:
            dialog.deleteLater()


PENDING_LISTED = 12


def pending_summary(items: Sequence[Item]) -> str:
    """One line per pending finding (the first few), as plain text: category, rule and the text it is about."""
    lines = []
    for it in items[:PENDING_LISTED]:
        f = it.finding
        lines.append(f"{category_label(f.category)} · {f.rule} · «{visible(f.text, edges=True)[:40]}»")
    if len(items) > PENDING_LISTED:
        lines.append(f"… (+{len(items) - PENDING_LISTED})")
    return "\n".join(lines)


def ask_done_anyway(parent: QWidget, items: Sequence[Item]) -> bool:
    """Marking an article done while findings are pending is allowed, but never silently: list them and ask."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    def tr(text: str) -> str:
        return QCoreApplication.translate("ConfirmDone", text)

    box = QMessageBox(parent)
    box.setObjectName("confirmDoneDialog")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(tr("Mark done"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(tr("{n} finding(s) of this article are still pending.").format(n=len(items)))
    box.setInformativeText(pending_summary(items))
    anyway = box.addButton(tr("Mark done anyway"), QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton(tr("Keep reviewing"), QMessageBox.ButtonRole.RejectRole)
    anyway.setObjectName("doneAnyway")
    keep.setObjectName("keepReviewing")
    box.setDefaultButton(keep)
    box.exec()
    return box.clickedButton() is anyway
