"""The category colours stay readable in light and dark themes, and the legend follows a theme switch."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from editor.core.findings import CATEGORIES
from editor.gui.colors import CATEGORY_COLORS, category_color, category_label, contrast_ratio, is_dark
from editor.gui.widgets.legend import LegendWidget

LIGHT_BASES = ["#ffffff", "#f5f5f5", "#fafafa", "#efefef"]
DARK_BASES = ["#000000", "#1e1e1e", "#232629", "#2d2d2d", "#353535"]


def _palette(base: str, text: str) -> QPalette:
    palette = QPalette()
    for role in (QPalette.ColorRole.Base, QPalette.ColorRole.Window):
        palette.setColor(role, QColor(base))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText):
        palette.setColor(role, QColor(text))
    return palette


def test_every_category_has_a_distinct_colour() -> None:
    assert set(CATEGORY_COLORS) == set(CATEGORIES)
    assert len({c.light for c in CATEGORY_COLORS.values()}) == len(CATEGORIES)
    assert len({c.dark for c in CATEGORY_COLORS.values()}) == len(CATEGORIES)


@pytest.mark.parametrize("base", LIGHT_BASES + DARK_BASES)
def test_colours_keep_contrast_on_common_theme_backgrounds(qapp: QApplication, base: str) -> None:
    text = "#000000" if QColor(base).lightness() >= 128 else "#ffffff"
    palette = _palette(base, text)
    for category in CATEGORIES:
        ratio = contrast_ratio(category_color(category, palette), QColor(base))
        assert ratio >= 4.0, (category, base, round(ratio, 2))


def test_legend_follows_a_switch_to_dark_mode(qtbot) -> None:  # type: ignore[no-untyped-def]
    legend = LegendWidget()
    qtbot.addWidget(legend)
    legend.setPalette(_palette("#ffffff", "#000000"))
    light = {c: legend.swatch_color(c) for c in CATEGORIES}
    dark_palette = _palette("#1e1e1e", "#eeeeee")
    legend.setPalette(dark_palette)
    assert is_dark(legend.palette())
    for category in CATEGORIES:
        colour = legend.swatch_color(category)
        assert colour != light[category]
        assert contrast_ratio(colour, QColor("#1e1e1e")) >= 4.0
    # What the legend draws really is the dark shade (read the pixels back).
    legend.show()
    image = legend.grab().toImage()
    row = legend._rows["spelling"]
    centre = row.swatch.mapTo(legend, row.swatch.rect().center())
    assert image.pixelColor(centre * legend.devicePixelRatioF()).name() == CATEGORY_COLORS["spelling"].dark


def test_legend_counts_and_clicks(qtbot) -> None:  # type: ignore[no-untyped-def]
    legend = LegendWidget(columns=2)
    qtbot.addWidget(legend)
    legend.set_counts({"typography": 3})
    assert legend.row_text("typography") == f"{category_label('typography')} (3 pending)"
    assert not legend._rows["spelling"].isEnabled()
    legend.show()
    from PySide6.QtCore import Qt

    with qtbot.waitSignal(legend.categoryClicked) as blocker:
        qtbot.mouseClick(legend._rows["typography"], Qt.MouseButton.LeftButton)
    assert blocker.args == ["typography"]


@pytest.mark.parametrize("base", LIGHT_BASES + DARK_BASES)
def test_pane_marks_keep_contrast(qapp: QApplication, base: str) -> None:
    from editor.gui.colors import MARK_COLORS, mark_color

    text = "#000000" if QColor(base).lightness() >= 128 else "#ffffff"
    palette = _palette(base, text)
    for kind in MARK_COLORS:
        colour = mark_color(kind, palette)
        if kind == "current":  # a background: the theme's text must stay readable on it
            assert contrast_ratio(QColor(text), colour) >= 4.5, (kind, base)
        else:
            assert contrast_ratio(colour, QColor(base)) >= 4.0, (kind, base)
