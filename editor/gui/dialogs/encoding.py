"""Reopen a file with another encoding (File → Reopen with Encoding…), with a live preview.

Galley's decoder guesses well but not always (cp1252 French can read as cp1250...); the person picks the
codec while seeing what the first lines become.

How the main window uses it:

    codec, accepted = EncodingDialog.choose(self, current=article.encoding, raw=path.read_bytes()[:65536])
    if accepted:
        reload the article decoding its bytes with `codec` (a Python codec name, e.g. "cp1252")

`raw` is optional (no preview without it). The preview is plain text and shows how many bytes the codec could not
decode (shown as �).
"""

from __future__ import annotations

import codecs

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

PREVIEW_BYTES = 8192

# (Python codec name, label); labels are translated at display time.
ENCODINGS: tuple[tuple[str, str], ...] = (
    ("utf-8", "UTF-8"),
    ("cp1252", "Windows-1252 (Western Europe)"),
    ("iso-8859-1", "ISO-8859-1 (Latin-1)"),
    ("iso-8859-15", "ISO-8859-15 (Latin-9, with €)"),
    ("mac_roman", "Mac OS Roman"),
    ("cp850", "DOS 850 (Western Europe)"),
    ("utf-16", "UTF-16 (with byte order mark)"),
    ("utf-16-le", "UTF-16 little-endian"),
    ("utf-16-be", "UTF-16 big-endian"),
    ("cp1250", "Windows-1250 (Central Europe)"),
    ("iso-8859-2", "ISO-8859-2 (Central Europe)"),
    ("cp1251", "Windows-1251 (Cyrillic)"),
    ("koi8-r", "KOI8-R (Cyrillic)"),
)


def _normal(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


class EncodingDialog(QDialog):
    def __init__(self, current: str | None = None, raw: bytes | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("encodingDialog")
        self.setWindowTitle(self.tr("Reopen with Encoding"))
        self.raw = raw[:PREVIEW_BYTES] if raw is not None else None
        self.combo = QComboBox(self)
        self.combo.setObjectName("encodingCombo")
        labels = {
            "Windows-1252 (Western Europe)": self.tr("Windows-1252 (Western Europe)"),
            "ISO-8859-15 (Latin-9, with €)": self.tr("ISO-8859-15 (Latin-9, with €)"),
            "DOS 850 (Western Europe)": self.tr("DOS 850 (Western Europe)"),
            "UTF-16 (with byte order mark)": self.tr("UTF-16 (with byte order mark)"),
            "UTF-16 little-endian": self.tr("UTF-16 little-endian"),
            "UTF-16 big-endian": self.tr("UTF-16 big-endian"),
            "Windows-1250 (Central Europe)": self.tr("Windows-1250 (Central Europe)"),
            "ISO-8859-2 (Central Europe)": self.tr("ISO-8859-2 (Central Europe)"),
            "Windows-1251 (Cyrillic)": self.tr("Windows-1251 (Cyrillic)"),
            "KOI8-R (Cyrillic)": self.tr("KOI8-R (Cyrillic)"),
        }
        for codec, label in ENCODINGS:
            self.combo.addItem(labels.get(label, label), codec)
        wanted = _normal(current)
        if wanted is not None:
            for i in range(self.combo.count()):
                if _normal(self.combo.itemData(i)) == wanted:
                    self.combo.setCurrentIndex(i)
                    break
            else:
                self.combo.addItem(wanted, wanted)
                self.combo.setCurrentIndex(self.combo.count() - 1)
        self.current_label = QLabel(self)
        self.current_label.setTextFormat(Qt.TextFormat.PlainText)
        self.current_label.setText(
            self.tr("Currently read as: {codec}").format(codec=current) if current else self.tr("Encoding unknown")
        )
        self.preview = QPlainTextEdit(self)
        self.preview.setObjectName("encodingPreview")
        self.preview.setReadOnly(True)
        self.preview.setVisible(self.raw is not None)
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Reopen"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("&Encoding:"), self.combo)
        layout = QVBoxLayout(self)
        layout.addWidget(self.current_label)
        layout.addLayout(form)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.combo.currentIndexChanged.connect(self._update_preview)
        self._update_preview()
        self.resize(560, 380 if self.raw is not None else 140)

    def codec(self) -> str:
        return str(self.combo.currentData())

    def _update_preview(self) -> None:
        if self.raw is None:
            return
        text = self.raw.decode(self.codec(), errors="replace")
        self.preview.setPlainText(text)
        bad = text.count("\ufffd")
        if bad:
            self.status.setText(
                self.tr("{count} bytes cannot be read with this encoding (shown as �).").format(count=bad)
            )
        else:
            self.status.setText(self.tr("Every byte of the preview can be read with this encoding."))

    def preview_text(self) -> str:
        return self.preview.toPlainText()

    @classmethod
    def choose(cls, parent: QWidget | None, current: str | None = None, raw: bytes | None = None) -> tuple[str, bool]:
        """Ask for a codec: returns (Python codec name, accepted)."""
        dialog = cls(current, raw, parent)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return dialog.codec(), accepted
        finally:
            dialog.deleteLater()
