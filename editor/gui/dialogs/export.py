"""Where and how to export the session's articles, with the same choices as `galley export`.

The dialog says how many articles are not marked done before anything is written, so unreviewed articles never
leave silently; it offers the summary report (CSV or HTML) the command line writes with `--report`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.formats.export import FORMATS

REPORT_NAME = "galley-report"


@dataclass(frozen=True, slots=True)
class ExportChoice:
    folder: str
    fmt: str
    only_done: bool
    force: bool
    report: str | None = None  # a .csv or .html path, or no report


class ExportDialog(QDialog):
    """Folder, format, whether to export only the articles marked done, whether to overwrite."""

    def __init__(self, parent: QWidget | None, folder: str, not_done: int = 0, total: int = 0) -> None:
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
        self.report = QComboBox(self)
        self.report.setObjectName("exportReport")
        self.report.addItem(self.tr("No report"), "")
        for suffix in (".csv", ".html"):
            self.report.addItem(self.tr("{kind} report").format(kind=suffix.lstrip(".").upper()), suffix)
        self.not_done = QLabel(self)
        self.not_done.setObjectName("exportNotDone")
        self.not_done.setTextFormat(Qt.TextFormat.PlainText)
        self.not_done.setWordWrap(True)
        if not_done:
            text = self.tr(
                "{n} of {total} article(s) are not marked done: check “Only articles marked done” to leave them out."
            )
            self.not_done.setText(text.format(n=not_done, total=total))
        self.not_done.setVisible(bool(not_done))
        form = QFormLayout()
        form.addRow(self.tr("Folder:"), row)
        form.addRow(self.tr("Format:"), self.format)
        form.addRow("", self.only_done)
        form.addRow("", self.force)
        form.addRow(self.tr("Report:"), self.report)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.not_done)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export into"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def choice(self) -> ExportChoice:
        folder = self.folder.text().strip()
        suffix = str(self.report.currentData() or "")
        report = str(Path(folder) / f"{REPORT_NAME}{suffix}") if suffix and folder else None
        return ExportChoice(
            folder, str(self.format.currentData()), self.only_done.isChecked(), self.force.isChecked(), report
        )

    @classmethod
    def ask(cls, parent: QWidget | None, folder: str, not_done: int = 0, total: int = 0) -> tuple[ExportChoice, bool]:
        """(choice, accepted): accepted only with a folder."""
        dlg = cls(parent, folder, not_done, total)
        ok = dlg.exec() == QDialog.DialogCode.Accepted
        value = dlg.choice()
        return value, ok and bool(value.folder)
