"""Messages that do not block: the window keeps working, and tests can read and close them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def message_box(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str, info: str = "") -> QMessageBox:
    """Open a plain-text message box without waiting for it (deleted when closed)."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if info:
        box.setInformativeText(info)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
