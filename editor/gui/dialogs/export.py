"""Where and how to export the session's articles."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.formats.export import FORMATS


@dataclass(frozen=True, slots=True)
class ExportChoice:
    folder: str
    fmt: str
    only_done: bool
    force: bool


class ExportDialog(QDialog):
    """Folder, format, whether to export only the articles marked done, whether to overwrite."""

    def __init__(self, parent: QWidget | None, folder: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export"))
        self.folder = QLineEdit(folder, self)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        self.format = QComboBox(self)
        for fmt in FORMATS:  # the one table of export formats
            self.format.addItem(fmt, fmt)
        self.only_done = QCheckBox(self.tr("Only articles marked done"), self)
        self.force = QCheckBox(self.tr("Overwrite existing files"), self)
        form = QFormLayout()
        form.addRow(self.tr("Folder:"), row)
        form.addRow(self.tr("Format:"), self.format)
        form.addRow("", self.only_done)
        form.addRow("", self.force)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export into"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def choice(self) -> ExportChoice:
        return ExportChoice(
            self.folder.text().strip(),
            str(self.format.currentData()),
            self.only_done.isChecked(),
            self.force.isChecked(),
        )

    @classmethod
    def ask(cls, parent: QWidget | None, folder: str) -> tuple[ExportChoice, bool]:
        """(choice, accepted): accepted only with a folder."""
        dlg = cls(parent, folder)
        ok = dlg.exec() == QDialog.DialogCode.Accepted
        value = dlg.choice()
        return value, ok and bool(value.folder)
