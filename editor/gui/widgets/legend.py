"""Category colours and the legend that explains them.

Every category of finding gets one colour, used for its underline in both panes, its chip in the findings panel
and its swatch here. Each colour has two shades: one for light themes and one for dark themes, both chosen to keep
a contrast ratio of at least 4:1 against the text background of common system themes (measured by
`contrast_ratio`; tests hold it), so underlines stay visible whatever the system theme is. Nothing here paints a
background: the legend takes its colours from the palette like every other widget.

How the main window uses it (H6a):

- ``category_color(category, palette)`` -> ``QColor`` for the current theme; pass the pane's ``palette()`` (the
  shade is picked from the palette's ``Base`` role, so the colour follows a theme switch). Recompute on
  ``QEvent.PaletteChange`` / ``ApplicationPaletteChange`` if colours are cached.
- ``CATEGORY_COLORS[category].light`` / ``.dark``: the raw hex shades, e.g. for a QSS snippet.
- ``mark_color(kind, palette)`` for the panes' other marks ("removed", "inserted", "link", "link-broken" as text
  colours, "current" as the background of the selected finding): fixed hex colours such as "#1565c0" fall to a
  2.6:1 contrast on a dark theme's background; these shades keep 4:1 on both (tests hold it).
- ``category_label(category)`` -> the translated display name ("Typographie"), for chips and table cells.
- ``LegendWidget(parent=None, columns=1)``: a swatch and a name per category; ``set_counts({category: n})`` adds
  "(n)" after each name and greys out categories with no finding; ``categoryClicked(str)`` is emitted when the
  person clicks a row (e.g. to filter the findings panel).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QApplication, QGridLayout, QHBoxLayout, QLabel, QWidget

from editor.core.findings import CATEGORIES


@dataclass(frozen=True, slots=True)
class CategoryColor:
    """A category's colour as two shades: for light backgrounds and for dark ones."""

    light: str
    dark: str

    def for_palette(self, palette: QPalette | None = None) -> QColor:
        return QColor(self.dark if is_dark(palette) else self.light)


CATEGORY_COLORS: dict[str, CategoryColor] = {
    "encoding": CategoryColor("#8d4a1f", "#ffab70"),
    "markup": CategoryColor("#8e24aa", "#e1a6f0"),
    "link": CategoryColor("#1565c0", "#7cb8ff"),
    "spelling": CategoryColor("#c62828", "#ff7b7b"),
    "foreign": CategoryColor("#b34d00", "#ffb74d"),
    "repetition": CategoryColor("#00796b", "#4dd8c5"),
    "duplicate": CategoryColor("#5e35b1", "#b9a4f5"),
    "boilerplate": CategoryColor("#5f6368", "#bdc1c6"),
    "typography": CategoryColor("#2e7d32", "#81c995"),
    "casing": CategoryColor("#ad1457", "#f78fb8"),
    "terminology": CategoryColor("#8a6d00", "#f2cc4d"),
    "register": CategoryColor("#283593", "#a4b0ff"),
    "whitespace": CategoryColor("#00767f", "#80deea"),
}
_FALLBACK = CategoryColor("#5f6368", "#bdc1c6")


def category_label(category: str) -> str:
    """The category's name as shown to people, in the interface language.

    Each string is a literal `QCoreApplication.translate` call so that pyside6-lupdate finds it.
    """
    labels = {
        "encoding": QCoreApplication.translate("Categories", "Encoding"),
        "markup": QCoreApplication.translate("Categories", "Markup"),
        "link": QCoreApplication.translate("Categories", "Links"),
        "spelling": QCoreApplication.translate("Categories", "Spelling"),
        "foreign": QCoreApplication.translate("Categories", "Foreign words"),
        "repetition": QCoreApplication.translate("Categories", "Repetition"),
        "duplicate": QCoreApplication.translate("Categories", "Duplicates"),
        "boilerplate": QCoreApplication.translate("Categories", "Boilerplate"),
        "typography": QCoreApplication.translate("Categories", "Typography"),
        "casing": QCoreApplication.translate("Categories", "Capitalisation"),
        "terminology": QCoreApplication.translate("Categories", "Terminology"),
        "register": QCoreApplication.translate("Categories", "Register"),
        "whitespace": QCoreApplication.translate("Categories", "Whitespace"),
    }
    return labels.get(category, category)


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether text is drawn on a dark background in this palette (the application's when None)."""
    if palette is None:
        palette = QApplication.palette() if QApplication.instance() is not None else QPalette()
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def category_color(category: str, palette: QPalette | None = None) -> QColor:
    """The category's colour, in the shade that reads well on `palette`'s background."""
    return CATEGORY_COLORS.get(category, _FALLBACK).for_palette(palette)


# Colours of the panes' other marks, as (light theme, dark theme). "current" is a background (the selected
# finding); the others colour text, so each shade keeps 4:1 contrast on its theme's background like the categories.
MARK_COLORS: dict[str, CategoryColor] = {
    "removed": CategoryColor("#c62828", "#ff7b7b"),  # raw text that cleaning removed or changed
    "inserted": CategoryColor("#2e7d32", "#81c995"),  # clean text that cleaning added
    "link": CategoryColor("#1565c0", "#7cb8ff"),  # a good link
    "link-broken": CategoryColor("#b71c1c", "#ff8a80"),  # a malformed or dead link
    "current": CategoryColor("#ffe082", "#6d5200"),  # background of the current finding
}


def mark_color(kind: str, palette: QPalette | None = None) -> QColor:
    """The colour of a pane mark ("removed", "inserted", "link", "link-broken", "current") for the theme."""
    return MARK_COLORS.get(kind, _FALLBACK).for_palette(palette)


def _luminance(color: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio between two colours (1 = none, 21 = black on white)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


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
        """Show how many findings each category has; None hides the counts."""
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
                row.label.setText(self.tr("{name} ({count})").format(name=name, count=n))
                row.setEnabled(n > 0)
            row.setToolTip(self.tr("Click to show only this category"))
            row.swatch.update()
