"""Your glossary and this session's ignore list, to view, add to, edit and remove from.

Two tabs: the glossary ("always replace X by Y", the user's glossary file) as an editable table, and the words
ignored in this session as an editable list. The dialog only edits copies: `edit()` returns both lists and whether
the person pressed OK; the window writes them (file, session) and re-checks what they change.
Every cell is plain text (QTableWidget/QListWidget items never render markup).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from editor.core.user_glossary import UserEntry

_EDITABLE = Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled


def _button(parent: QWidget, label: str, name: str, slot: Callable[[], None]) -> QPushButton:
    button = QPushButton(label, parent)
    button.setObjectName(name)
    button.clicked.connect(slot)
    return button


def _lay_out(page: QWidget, note: QLabel, body: QWidget, *buttons: QPushButton) -> QWidget:
    """Both tabs read the same way: what the list is, the list, then its buttons at the right."""
    row = QHBoxLayout()
    row.addStretch(1)
    for b in buttons:
        row.addWidget(b)
    layout = QVBoxLayout(page)
    layout.addWidget(note)
    layout.addWidget(body, 1)
    layout.addLayout(row)
    return page


class WordListsDialog(QDialog):
    def __init__(
        self, entries: list[UserEntry], ignored: list[str], glossary_path: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("wordListsDialog")
        self.setWindowTitle(self.tr("Glossary and Ignore List"))
        self._entries = list(entries)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._glossary_tab(glossary_path), self.tr("&Glossary"))
        self.tabs.addTab(self._ignore_tab(), self.tr("&Ignored in this session"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        for e in entries:
            self._add_row(e.wrong, e.prefer)
        for word in ignored:
            self._add_word(word)
        self.resize(560, 420)

    # ------------------------------------------------------------------------------------------------ glossary
    def _glossary_tab(self, path: str) -> QWidget:
        page = QWidget(self)
        where = QLabel(
            self.tr("Always replace the left form by the right one, in every article. File: {path}").format(path=path),
            page,
        )
        where.setTextFormat(Qt.TextFormat.PlainText)
        where.setWordWrap(True)
        self.table = QTableWidget(0, 2, page)
        self.table.setObjectName("glossaryTable")
        self.table.setHorizontalHeaderLabels([self.tr("Replace"), self.tr("By")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        add = _button(page, self.tr("&Add"), "addGlossaryEntry", self.add_entry)
        remove = _button(page, self.tr("&Remove"), "removeGlossaryEntry", self.remove_entries)
        return _lay_out(page, where, self.table, add, remove)

    def _add_row(self, wrong: str, prefer: str) -> int:
        n = self.table.rowCount()
        self.table.insertRow(n)
        for col, text in enumerate((wrong, prefer)):
            cell = QTableWidgetItem(text)
            cell.setFlags(_EDITABLE)
            self.table.setItem(n, col, cell)
        return n

    def _cell(self, row: int, col: int) -> str:
        cell = self.table.item(row, col)
        return cell.text().strip() if cell is not None else ""

    def add_entry(self) -> None:
        """A new empty row, ready to type into (Tab moves to "By")."""
        n = self._add_row("", "")
        self.table.setCurrentCell(n, 0)
        cell = self.table.item(n, 0)
        if cell is not None:
            self.table.editItem(cell)

    def remove_entries(self) -> None:
        for n in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(n)

    def glossary(self) -> list[UserEntry]:
        """The table's entries (rows with an empty side are left out); what else the file said of a kept form
        (note, kind, other preferred forms, severity) stays."""
        known = {e.wrong: e for e in self._entries}
        out: list[UserEntry] = []
        for n in range(self.table.rowCount()):
            wrong, prefer = (self._cell(n, c) for c in (0, 1))
            if wrong and prefer:
                old = known.get(wrong)
                out.append(replace(old, prefer=prefer) if old else UserEntry(wrong, prefer))
        return out

    # ------------------------------------------------------------------------------------------------ ignore list
    def _ignore_tab(self) -> QWidget:
        page = QWidget(self)
        note = QLabel(self.tr("Words ignored in every article of this session (Ctrl+I adds the current one)."), page)
        note.setWordWrap(True)
        self.words = QListWidget(page)
        self.words.setObjectName("ignoredWords")
        self.words.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        add = _button(page, self.tr("A&dd"), "addIgnoredWord", self.add_ignored)
        remove = _button(page, self.tr("Re&move"), "removeIgnoredWord", self.remove_ignored)
        return _lay_out(page, note, self.words, add, remove)

    def _add_word(self, word: str) -> QListWidgetItem:
        item = QListWidgetItem(word, self.words)
        item.setFlags(_EDITABLE)
        return item

    def add_ignored(self) -> None:
        item = self._add_word("")
        self.words.setCurrentItem(item)
        self.words.editItem(item)

    def remove_ignored(self) -> None:
        for item in self.words.selectedItems():
            self.words.takeItem(self.words.row(item))

    def ignored(self) -> list[str]:
        words = (self.words.item(n).text().strip() for n in range(self.words.count()))
        return sorted({w for w in words if w and "\n" not in w})

    @classmethod
    def edit(
        cls, parent: QWidget | None, entries: list[UserEntry], ignored: list[str], glossary_path: str
    ) -> tuple[tuple[list[UserEntry], list[str]], bool]:
        """Show the dialog modally: ((glossary entries, ignored words), accepted)."""
        dialog = cls(entries, ignored, glossary_path, parent)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return (dialog.glossary(), dialog.ignored()), accepted
        finally:
            dialog.deleteLater()
