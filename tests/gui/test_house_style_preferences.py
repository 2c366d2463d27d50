"""An article's typographic house style from the Preferences dialog: report it once as info, or keep it silently.

The real dialog is driven through the window's Edit → Preferences path; the open article is checked again at once,
its decisions kept, and the choice reaches the preferences file and the session (which `galley export` reads).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog

from editor.gui.dialogs.preferences import PreferencesDialog
from tests.gui.conftest import open_and_wait, when_modal

RULE = "typography.nbsp-guillemets"
# Guillemets without inner spaces throughout (a newspaper's house style), and one quotation that breaks it.
ARTICLE = (
    "Le ministre a qualifié la grève de «prise d'otages». Les syndicats dénoncent une «provocation».\n\n"
    "Pour la CGT, la réforme reste «inacceptable» et la mobilisation continuera jeudi.\n\n"
    "Le patronat juge la grève « politique »."
)


def choose_house_style(qtbot: Any, window: Any, value: str) -> None:
    """Open Preferences from the window, pick `value` in the house-style box, press OK; wait for the re-check."""
    old_review = window.review

    def pick(dialog: QDialog) -> None:
        assert isinstance(dialog, PreferencesDialog)
        combo = dialog.house_style_combo
        assert combo.isVisibleTo(dialog) and dialog.tabs.currentIndex() == 0  # on the Checking page, beside the profile
        combo.setCurrentIndex(combo.findData(value))
        dialog.accept()

    when_modal(pick)
    window.preferences()
    qtbot.waitUntil(lambda: window.review is not None and window.review is not old_review, timeout=30_000)
    qtbot.waitUntil(lambda: not window.jobs.is_running("analyse"), timeout=30_000)


def table(window: Any) -> list[tuple[str, str, str, str]]:
    """(text, severity, status, message) of the findings table's rows of the guillemet rule."""
    return [(r.text, r.severity, r.status, r.message) for r in window.findings.model.rows() if r.rule == RULE]


def test_keeping_the_house_style_in_preferences_drops_the_info_at_once_and_keeps_the_deviations(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    path = tmp_path / "greve.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    open_and_wait(qtbot, window, [str(path)])
    rows = table(window)
    infos = [r for r in rows if r[1] == "info"]
    assert len(infos) == 1 and "house style" in infos[0][3]
    assert sorted(r[0] for r in rows if r[1] == "warning") == sorted(["« ", " »"])
    # the person decides on one deviation before changing the preference: the decision must survive the re-check
    closing = next(it for it in window.review.items if it.rule == RULE and it.text == " »")
    window.review.reject(closing.id)
    window.keeper.commit(window.doc())

    choose_house_style(qtbot, window, "keep")
    rows = table(window)
    assert [r for r in rows if r[1] == "info"] == []
    assert sorted((r[0], r[2]) for r in rows if r[1] == "warning") == sorted([("« ", "pending"), (" »", "rejected")])
    assert window.settings.load_preferences().house_style == "keep"
    assert window.session.check_config().house_style is True  # what `galley export` of this session uses

    choose_house_style(qtbot, window, "report")  # and back: the one info returns
    assert [r[1] for r in table(window)].count("info") == 1
    assert window.settings.load_preferences().house_style == "report"
    assert window.session.check_config().house_style is False
