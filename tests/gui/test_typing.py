"""Typing is never thrown away, and undo takes it back by bursts, in the real window (offscreen).

The window opens an article, shows its text at once and analyses it in a worker; the person may type in the
Cleaned pane before the analysis arrives. Those keystrokes must survive the analysis's arrival (rebased onto its
review), reach the session, and be undone like any typing: one step per burst, not one per character.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.gui.conftest import open_and_wait
from tests.gui.test_main_window import type_text

REPO = Path(__file__).resolve().parents[2]


def long_article(path: Path, words: int, opening: str = "") -> str:
    """A generated article of about `words` words written to `path`, after `opening` if given.

    Its sentences are the generator's built-in ones, never data lying beside the repository: the same text on every
    machine, so what a test proves does not depend on what happens to be installed next to the clone.
    """
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import generate
    finally:
        sys.path.pop(0)
    text = str(generate.article(words, seed=3, bundled=True))
    if opening:
        text = opening.rstrip("\n") + "\n\n" + text
    path.write_text(text, encoding="utf-8")
    return text


def ctrl(w: Any, k: Qt.Key) -> None:
    w.activateWindow()
    w.clean.setFocus()
    QTest.keyClick(w.clean, k, Qt.KeyboardModifier.ControlModifier)


def test_typing_right_after_opening_the_sample_is_kept(qtbot: Any, window: Any) -> None:
    w = window
    w.open_paths([])
    qtbot.waitUntil(lambda: w.doc() is not None, timeout=30_000)
    assert w.review is None  # the analysis has not arrived: this is the moment keystrokes used to vanish
    w.activateWindow()
    w.clean.setFocus()
    w.clean.set_cursor_position(0)
    type_text(w.clean, "Avant-propos. ")
    assert w.review is None
    qtbot.waitUntil(lambda: w.review is not None, timeout=60_000)
    type_text(w.clean, "Suite.")
    assert w.clean.text() == w.review.cleaned
    assert w.clean.text().startswith("Avant-propos. Suite.")
    assert w.clean.cursor_position() == len("Avant-propos. Suite.")


@pytest.mark.slow
def test_typing_during_a_long_analysis_is_kept_and_saved(qtbot: Any, tmp_path: Path) -> None:
    from editor.core.session import Session
    from editor.gui.main_window import MainWindow
    from editor.gui.settings import Settings

    src = tmp_path / "long.txt"
    text = long_article(src, 60_000)
    session = tmp_path / "long.galley"
    w = MainWindow(Settings())
    qtbot.addWidget(w)
    w.show()
    w.open_paths([str(src)], str(session))
    qtbot.waitUntil(lambda: w.loading.analysing is not None, timeout=60_000)
    w.activateWindow()
    w.clean.setFocus()
    middle = text.index("\n\n", len(text) // 2) + 2
    w.clean.set_cursor_position(middle)
    type_text(w.clean, "Intertitre ajouté. ")
    qtbot.wait(300)
    w.clean.set_cursor_position(0)
    type_text(w.clean, "Chapeau tapé pendant l'analyse. ")
    assert w.review is None, "the analysis ended before the typing: the test did not type during it"
    qtbot.waitUntil(lambda: w.review is not None, timeout=240_000)
    cleaned = w.review.cleaned
    assert w.clean.text() == cleaned
    assert cleaned.startswith("Chapeau tapé pendant l'analyse. ")
    assert cleaned.count("Intertitre ajouté. ") == 1
    assert w.clean.cursor_position() == len("Chapeau tapé pendant l'analyse. ")
    w.close()
    with Session.open(session) as s:
        (rec,) = s.articles()
        state = s.load_review(rec.id)
        assert state is not None
        assert state["cleaned"] == cleaned


def test_sixty_typed_characters_are_one_undo_step(qtbot: Any, window: Any) -> None:
    w = window
    open_and_wait(qtbot, w, [])
    before = w.clean.text()
    w.activateWindow()
    w.clean.setFocus()
    w.clean.set_cursor_position(0)
    typed = "Une phrase de soixante caractères tapée d'un trait, sans fin."
    type_text(w.clean, typed)
    assert w.clean.text() == typed + before
    ctrl(w, Qt.Key.Key_Z)
    assert w.clean.text() == before
    ctrl(w, Qt.Key.Key_Y) if w.shortcut_for("redo").toString() == "Ctrl+Y" else w.redo()
    assert w.clean.text() == typed + before


def test_select_all_and_typing_is_undone_in_two_steps_at_most(qtbot: Any, window: Any) -> None:
    w = window
    open_and_wait(qtbot, w, [])
    before = w.clean.text()
    ctrl(w, Qt.Key.Key_A)
    type_text(w.clean, "Oups, tout est remplacé par cette phrase.")
    assert w.clean.text() == "Oups, tout est remplacé par cette phrase."
    for _ in range(2):
        if w.clean.text() == before:
            break
        ctrl(w, Qt.Key.Key_Z)
    assert w.clean.text() == before


def test_a_hand_edit_an_accepted_fix_and_an_accept_all_are_one_step_each(qtbot: Any, window: Any) -> None:
    w = window
    open_and_wait(qtbot, w, [])
    w.confirm_accept_all = lambda *_a: (False, True)
    states = [w.clean.text()]
    w.clean.set_cursor_position(0)
    w.activateWindow()
    w.clean.setFocus()
    type_text(w.clean, "Note : ")
    states.append(w.clean.text())
    item = next(it for it in w.review.pending() if it.finding.suggestions)
    w.select_item(item.id)
    w.accept_suggestion(1)
    states.append(w.clean.text())
    rule = next(
        it.finding.rule
        for it in w.review.pending()
        if it.finding.suggestions
        and sum(1 for o in w.review.pending() if o.finding.rule == it.finding.rule and o.finding.suggestions) > 1
    )
    w.select_item(next(it.id for it in w.review.pending() if it.finding.rule == rule))
    w.accept_all()
    states.append(w.clean.text())
    assert len(set(states)) == 4
    for expected in reversed(states[:-1]):
        ctrl(w, Qt.Key.Key_Z)
        assert w.clean.text() == expected


def test_ctrl_q_during_the_analysis_keeps_the_typing(qtbot: Any, tmp_path: Path) -> None:
    from editor.gui.main_window import MainWindow
    from editor.gui.settings import Settings

    src = tmp_path / "a.txt"
    # long enough that its analysis lasts seconds: the sample's could start and finish between two polls
    long_article(src, 6_000)
    session = tmp_path / "a.galley"
    w = MainWindow(Settings())
    qtbot.addWidget(w)
    w.show()
    w.open_paths([str(src)], str(session))
    qtbot.waitUntil(lambda: w.loading.analysing is not None, timeout=60_000)
    w.activateWindow()
    w.clean.setFocus()
    w.clean.set_cursor_position(0)
    type_text(w.clean, "Dernier mot. ")
    assert w.review is None
    QTest.keyClick(w.clean, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not w.isVisible()
    w2 = MainWindow(Settings())
    qtbot.addWidget(w2)
    w2.show()
    open_and_wait(qtbot, w2, [str(src)], str(session))
    assert w2.clean.text().startswith("Dernier mot. ")
    w2.close()
