"""Glossary and ignore list in the window: view, add, edit, remove; written to the file and the session."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QPushButton

from tests.gui.conftest import open_and_wait


def type_in_editor(qtbot: Any, view: Any, text: str) -> None:
    """Type into the cell editor the view opened, then Return to commit it (the view commits it queued)."""
    editors = [e for e in view.findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1, editors
    editor = editors[0]
    QTest.keyClicks(editor, text)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)


def test_dialog_edits_both_lists_from_the_keyboard_and_the_mouse(qtbot: Any) -> None:
    from editor.core.user_glossary import UserEntry
    from editor.gui.dialogs.word_lists import WordListsDialog

    kiev = UserEntry("Kiev", "Kyiv", note="the Ukrainian form", extra='{"severity": "error"}')
    dialog = WordListsDialog([kiev, UserEntry("Fazit", "conclusion")], ["Riad"], "/x/g.toml")
    qtbot.addWidget(dialog)
    dialog.show()
    # edit a cell, remove a row, add a row by typing
    dialog.table.item(0, 1).setText("Kyiv (Ukraine)")
    dialog.table.selectRow(1)
    qtbot.mouseClick(dialog.findChild(QPushButton, "removeGlossaryEntry"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.findChild(QPushButton, "addGlossaryEntry"), Qt.MouseButton.LeftButton)
    type_in_editor(qtbot, dialog.table, "Selenskyj")
    dialog.table.setCurrentCell(1, 1)
    QTest.keyClick(dialog.table, Qt.Key.Key_F2)  # the edit key
    type_in_editor(qtbot, dialog.table, "Zelensky")
    assert [(e.wrong, e.prefer) for e in dialog.glossary()] == [("Kiev", "Kyiv (Ukraine)"), ("Selenskyj", "Zelensky")]
    assert (dialog.glossary()[0].note, dialog.glossary()[0].extra) == (kiev.note, kiev.extra)
    dialog.tabs.setCurrentIndex(1)
    dialog.words.setCurrentRow(0)
    qtbot.mouseClick(dialog.findChild(QPushButton, "removeIgnoredWord"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.findChild(QPushButton, "addIgnoredWord"), Qt.MouseButton.LeftButton)
    type_in_editor(qtbot, dialog.words, "Fessenheim")
    assert dialog.ignored() == ["Fessenheim"]


def test_window_writes_the_glossary_and_the_session_ignore_list(qtbot: Any, window: Any) -> None:
    from editor.core import user_glossary
    from editor.core.user_glossary import UserEntry
    from editor.gui.settings import user_glossary_path

    open_and_wait(qtbot, window, [])
    review = window.review
    fess = next(it for it in review.pending() if it.text == "Fessenheim")
    window.select_item(fess.id)
    window.ignore_word()
    assert window.session.ignored_words() == ["Fessenheim"]
    seen: list[tuple[list[Any], list[str]]] = []

    def ask(_parent: Any, entries: list[Any], ignored: list[str], _path: str) -> Any:
        seen.append((entries, ignored))
        return ([UserEntry("Riad", "Riyad (capitale)")], ["Sewastopol"]), True

    window.finding_actions.ask_word_lists = ask
    window.actions_["word_lists"].trigger()
    assert seen == [([], ["Fessenheim"])]
    path = user_glossary_path()
    assert [(e.wrong, e.prefer) for e in user_glossary.entries(path)] == [("Riad", "Riyad (capitale)")]
    assert window.settings.load_preferences().glossary_path == str(path)
    assert window.session.ignored_words() == ["Sewastopol"]
    # Fessenheim is pending again, Sewastopol ignored, and the new glossary entry applies after the re-check
    assert str(review.item(fess.id).status) == "pending"
    assert not [it for it in review.pending() if it.text == "Sewastopol"]
    qtbot.waitUntil(
        lambda: any("Riyad (capitale)" in it.finding.suggestions for it in window.review.pending()), timeout=30_000
    )
