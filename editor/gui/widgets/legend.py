"""The legend: a swatch and a name per category of finding, in the colours of `editor.gui.colors`.

``LegendWidget(parent=None, columns=1)``; ``set_counts({category: n})`` adds "(n pending)" after each name (the
legend counts what is left to review; the filter chips of the findings panel say what they count) and greys out
categories with nothing pending; ``categoryClicked(str)`` is emitted when the person clicks a row (the window filters
the findings panel with it). Nothing here paints a background: the legend takes its colours from the palette
like every other widget.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QWidget

from editor.core.findings import CATEGORIES
from editor.gui.colors import category_color, category_label


class _Swatch(QWidget):
    """A small rounded square filled with the category's colour for the current palette."""

    def __init__(self, category: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.category = category
        self.setFixedSize(QSize(14, 14))

    def color(self) -> QColor:
        return category_color(self.category, self.palette())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        painter.setBrush(self.color())
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
        painter.end()


class _Row(QWidget):
    clicked = Signal(str)

    def __init__(self, category: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.category = category
        self.swatch = _Swatch(category, self)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 1, 2, 1)
        layout.addWidget(self.swatch)
        layout.addWidget(self.label, 1)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.category)
        super().mouseReleaseEvent(event)


class LegendWidget(QWidget):
    """One swatch and name per category, in the colours the panes use for underlines."""

    categoryClicked = Signal(str)

    def __init__(self, parent: QWidget | None = None, columns: int = 1) -> None:
        super().__init__(parent)
        self.setObjectName("categoryLegend")
        self._counts: dict[str, int] | None = None
        self._rows: dict[str, _Row] = {}
        layout = QGridLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setHorizontalSpacing(12)
        layout.setVerticalSpacing(2)
        columns = max(1, columns)
        for i, category in enumerate(CATEGORIES):
            row = _Row(category, self)
            row.clicked.connect(self.categoryClicked)
            self._rows[category] = row
            layout.addWidget(row, i // columns, i % columns)
        layout.setRowStretch(len(CATEGORIES) // columns + 1, 1)
        self._refresh()

    def set_counts(self, counts: Mapping[str, int] | None) -> None:
        """Show how many findings of each category are pending; None hides the counts."""
        self._counts = dict(counts) if counts is not None else None
        self._refresh()

    def swatch_color(self, category: str) -> QColor:
        """The colour the legend currently shows for `category` (what the panes should use too)."""
        return self._rows[category].swatch.color()

    def row_text(self, category: str) -> str:
        return self._rows[category].label.text()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.PaletteChange):
            self._refresh()
        super().changeEvent(event)

    def _refresh(self) -> None:
        for category, row in self._rows.items():
            name = category_label(category)
            if self._counts is None:
                row.label.setText(name)
                row.setEnabled(True)
            else:
                n = self._counts.get(category, 0)
                row.label.setText(self.tr("{name} ({count} pending)").format(name=name, count=n))
                row.setEnabled(n > 0)
            row.setToolTip(self.tr("Click to show only this category"))
            row.swatch.update()
