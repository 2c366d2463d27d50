"""Every colour Galley draws with, in one place: categories of findings and the panes' other marks.

Every category of finding gets one colour, used for its underline in both panes, its chip in the findings panel,
its swatch in the legend and the links panel's states. Each colour has two shades: one for light themes and one
for dark themes, both chosen to keep a contrast ratio of at least 4:1 against the text background of common system
themes (measured by `contrast_ratio`; tests hold it), so underlines stay visible whatever the system theme is.

- ``category_color(category, palette)`` -> ``QColor`` for the current theme; pass the pane's ``palette()`` (the
  shade is picked from the palette's ``Base`` role, so the colour follows a theme switch).
- ``CATEGORY_COLORS[category].light`` / ``.dark``: the raw hex shades, e.g. for a QSS snippet.
- ``mark_color(kind, palette)`` for the panes' other marks ("removed", "inserted", "link", "link-broken" as text
  colours, "current" as the background of the selected finding).
- ``category_label(category)`` -> the translated display name ("Typographie"), for chips, legend and table cells.

Models and widgets both read this module; it holds no widget.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication


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


# The article list's status icons: todo (grey ring), in progress (orange half), done (green with a tick).
STATUS_COLORS: dict[str, str] = {"todo": "#9e9e9e", "in_progress": "#ef6c00", "done": "#2e7d32"}

# An underline of a mark whose category has no format (never expected; drawn rather than dropped).
FALLBACK_UNDERLINE = "#9e9e9e"
# The border of the banner above the panes (why an article is read-only, why nothing loaded).
BANNER_BORDER = "#e0a000"
