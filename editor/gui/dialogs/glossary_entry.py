"""One glossary entry, "always replace X by Y", asked before it is written to the user's glossary file."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget


class GlossaryEntryDialog(QDialog):
    def __init__(self, wrong: str, prefer: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("glossaryEntryDialog")
        self.setWindowTitle(self.tr("Add to Glossary"))
        intro = QLabel(self.tr("From now on, in every article, always replace:"), self)
        intro.setWordWrap(True)
        self.wrong = QLineEdit(wrong, self)
        self.wrong.setObjectName("glossaryWrong")
        self.prefer = QLineEdit(prefer, self)
        self.prefer.setObjectName("glossaryPrefer")
        form = QFormLayout()
        form.addRow(self.tr("&Replace:"), self.wrong)
        form.addRow(self.tr("&By:"), self.prefer)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        for edit in (self.wrong, self.prefer):
            edit.textChanged.connect(self._update)
        self._update()
        (self.prefer if wrong else self.wrong).setFocus()

    def value(self) -> tuple[str, str]:
        return self.wrong.text().strip(), self.prefer.text().strip()

    def _update(self) -> None:
        wrong, prefer = self.value()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(wrong) and bool(prefer) and wrong != prefer)

    @classmethod
    def ask(cls, parent: QWidget | None, wrong: str, prefer: str) -> tuple[tuple[str, str], bool]:
        dialog = cls(wrong, prefer, parent)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return dialog.value(), accepted
        finally:
            dialog.deleteLater()
