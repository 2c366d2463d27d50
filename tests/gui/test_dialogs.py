"""The editor's dialogs, driven as a person would: real widgets, offscreen."""

from __future__ import annotations

import time
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog, QLabel, QPlainTextEdit
from pytestqt.qtbot import QtBot

from editor.core.findings import Severity, make_finding
from editor.gui.dialogs.confirm import ConfirmAcceptAllDialog
from editor.gui.dialogs.encoding import EncodingDialog
from editor.gui.dialogs.find_replace import FindReplaceDialog, pane_text
from editor.gui.dialogs.preferences import PreferencesDialog
from editor.gui.positions import Utf16Index
from editor.gui.settings import Preferences, Settings
from tests.gui.conftest import when_modal


# Preferences ---------------------------------------------------------------------------------------------------
def test_preferences_dialog_edits_every_setting_and_they_persist(qtbot: QtBot, tmp_path: Path) -> None:
    start = Preferences(personal_words=("Macron",))
    glossary = tmp_path / "glossaire.toml"
    glossary.write_text('[fr.transliteration]\n"Selenskyj" = "Zelensky"\n', encoding="utf-8")

    def change(dialog: QDialog) -> None:
        assert isinstance(dialog, PreferencesDialog)
        dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("de"))
        dialog.profile_combo.setCurrentIndex(dialog.profile_combo.findData("fr-CA"))
        for i in range(dialog.categories.count()):
            item = dialog.categories.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == "register":
                item.setCheckState(Qt.CheckState.Unchecked)
        dialog.glossary_edit.setText(str(glossary))
        dialog.tabs.setCurrentIndex(1)
        qtbot.keyClicks(dialog.word_edit, "Zelensky")
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        dialog.word_edit.setText("Élysée")  # QTest.keyClicks aborts on non-ASCII characters
        qtbot.keyClick(dialog.word_edit, Qt.Key.Key_Return)
        dialog.words.clearSelection()
        dialog.words.findItems("Macron", Qt.MatchFlag.MatchExactly)[0].setSelected(True)
        qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
        dialog.size_spin.setValue(15)
        dialog.ui_combo.setCurrentIndex(dialog.ui_combo.findData("fr"))
        dialog.accept()

    when_modal(change)
    prefs, accepted = PreferencesDialog.edit(None, start)
    assert accepted
    assert prefs.article_language == "de" and prefs.profile == "fr-CA"
    assert "register" not in prefs.enabled_categories and "spelling" in prefs.enabled_categories
    assert prefs.glossary_path == str(glossary)
    assert prefs.personal_words == ("Élysée", "Zelensky")
    assert prefs.font_size == 15 and prefs.ui_language == "fr"
    assert prefs.font_family == ""  # untouched font keeps following the system's fixed-width font

    Settings().save_preferences(prefs)
    assert Settings().load_preferences() == prefs


def test_preferences_dialog_cancel_changes_nothing(qtbot: QtBot) -> None:
    start = Preferences(article_language="fr", personal_words=("Kiev",))

    def fiddle_then_cancel(dialog: QDialog) -> None:
        assert isinstance(dialog, PreferencesDialog)
        dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
        dialog._check_all(False)
        dialog.reject()

    when_modal(fiddle_then_cancel)
    assert PreferencesDialog.edit(None, start) == (start, False)


def test_preferences_dialog_refuses_blank_and_multiword_entries(qtbot: QtBot) -> None:
    dialog = PreferencesDialog(Preferences())
    qtbot.addWidget(dialog)
    for text in ("   ", "deux mots"):
        dialog.word_edit.setText(text)
        assert not dialog.add_button.isEnabled()
        dialog.add_word()
    dialog.word_edit.setText("Zelensky")
    dialog.add_word()
    dialog.word_edit.setText("Zelensky")
    dialog.add_word()
    assert dialog.preferences().personal_words == ("Zelensky",)


# Accept-all confirmation ---------------------------------------------------------------------------------------
def _findings(text: str) -> list:  # type: ignore[type-arg]
    out = []
    pos = 0
    while (i := text.find(" ,", pos)) >= 0:
        out.append(
            make_finding(text, "typography.space-before-comma", Severity.WARNING, i, i + 2, "Pas d'espace", (",",))
        )
        pos = i + 2
    i = text.find(" ;")
    out.append(make_finding(text, "typography.space-before-comma", Severity.WARNING, i, i + 2, "Espace", ("\u202f;",)))
    return out


def test_confirm_lists_every_finding_with_visible_spaces(qtbot: QtBot) -> None:
    text = "Poutine , qui 🇪🇺 ministres , prévue ; <img src=/dev/zero> , fin"
    items = _findings(text)
    dialog = ConfirmAcceptAllDialog("typography.space-before-comma", items, text)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == len(items) == 4
    rows = [[dialog.table.item(r, c).text() for c in range(3)] for r in range(4)]
    assert rows[0][:2] == ["␣,", ","]
    assert rows[1][2].endswith("🇪🇺 ministres[ ,] prévue ; <img src=/dev/zero> , fin") or "[ ,]" in rows[1][2]
    assert rows[3][1] == "⎵;"  # the narrow no-break space is visible
    for label in dialog.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText
    tip = dialog.table.item(1, 2).toolTip()  # the context cell quotes the hostile tag: escaped, never live
    assert "<img" not in tip and "&lt;img src=/dev/zero&gt;" in tip


@pytest.mark.parametrize(
    ("tick", "accept", "expected"),
    [(False, True, (False, True)), (True, True, (True, True)), (True, False, (False, False))],
)
def test_confirm_ask_returns_dont_ask_and_accepted(
    qtbot: QtBot, tick: bool, accept: bool, expected: tuple[bool, bool]
) -> None:
    text = "a , b , c"

    def answer(dialog: QDialog) -> None:
        assert isinstance(dialog, ConfirmAcceptAllDialog)
        dialog.dont_ask.setChecked(tick)
        if accept:
            qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
        else:
            dialog.reject()

    when_modal(answer)
    assert ConfirmAcceptAllDialog.ask(None, "typography.space-before-comma", _findings(text + " ;"), text) == expected


# Encoding ------------------------------------------------------------------------------------------------------
def test_encoding_dialog_previews_and_returns_the_codec(qtbot: QtBot) -> None:
    raw = "L'été à Noël coûte 5 €.".encode("cp1252")
    dialog = EncodingDialog("utf-8", raw)
    qtbot.addWidget(dialog)
    assert "\ufffd" in dialog.preview_text()
    dialog.combo.setCurrentIndex(dialog.combo.findData("cp1252"))
    assert dialog.preview_text() == "L'été à Noël coûte 5 €."

    def pick(d: QDialog) -> None:
        assert isinstance(d, EncodingDialog)
        d.combo.setCurrentIndex(d.combo.findData("iso-8859-15"))
        d.accept()

    when_modal(pick)
    assert EncodingDialog.choose(None, "cp1252", raw) == ("iso-8859-15", True)
    when_modal(lambda d: d.reject())
    assert EncodingDialog.choose(None, "cp1252")[1] is False


def test_encoding_dialog_keeps_an_unlisted_current_codec(qtbot: QtBot) -> None:
    dialog = EncodingDialog("latin_1")
    qtbot.addWidget(dialog)
    assert dialog.codec() == "iso-8859-1"
    dialog2 = EncodingDialog("cp437")
    qtbot.addWidget(dialog2)
    assert dialog2.codec() == "cp437"


# Find and replace ----------------------------------------------------------------------------------------------
class Pane:
    """A Cleaned pane stand-in: a real QPlainTextEdit whose edits go through a recorder, as the review model's do."""

    def __init__(self, qtbot: QtBot, text: str) -> None:
        self.editor = QPlainTextEdit()
        self.editor.setPlainText(text)
        qtbot.addWidget(self.editor)
        self.edits: list[tuple[int, int, str]] = []
        self.batches = 0

    def apply_edit(self, start: int, end: int, text: str) -> None:
        self.edits.append((start, end, text))
        current = pane_text(self.editor)
        index = Utf16Index(current)
        cursor = self.editor.textCursor()
        cursor.setPosition(index.to_utf16(start))
        cursor.setPosition(index.to_utf16(end), cursor.MoveMode.KeepAnchor)
        cursor.insertText(text)

    def apply_edits(self, edits: list[tuple[int, int, str]]) -> None:
        self.batches += 1
        for edit in edits:
            self.apply_edit(*edit)

    @property
    def text(self) -> str:
        return pane_text(self.editor)

    def selection(self) -> str:
        return self.editor.textCursor().selectedText()


TEXT = "Selenskyj 🇪🇺 a dit\u00a0: Selenskyj 🙂 et selenskyj.\nLe Le texte final 🇪🇺 Selenskyj"


def make_dialog(qtbot: QtBot, pane: Pane, **kwargs: object) -> FindReplaceDialog:
    dialog = FindReplaceDialog(pane.editor, pane.apply_edit, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def search(qtbot: QtBot, dialog: FindReplaceDialog, action: Callable[[], None]) -> None:
    with qtbot.waitSignal(dialog.searchFinished, timeout=10_000):
        action()


def test_find_next_selects_exact_characters_after_emoji_and_wraps(qtbot: QtBot) -> None:
    pane = Pane(qtbot, TEXT)
    dialog = make_dialog(qtbot, pane)
    dialog.find_edit.setText("Selenskyj")
    dialog.case_box.setChecked(True)
    spy: list[tuple[int, int]] = []
    dialog.matchSelected.connect(lambda s, e: spy.append((s, e)))
    for _ in range(4):
        dialog.find_next()
        assert pane.selection() == "Selenskyj"
    starts = [s for s, _e in spy]
    assert starts == [TEXT.index("Selenskyj"), TEXT.index("Selenskyj", 1), TEXT.rindex("Selenskyj"), 0]
    assert "wrapped" in dialog.message()
    dialog.find_previous()
    assert pane.editor.textCursor().selectionStart() == Utf16Index(TEXT).to_utf16(TEXT.rindex("Selenskyj"))


def test_replace_all_literal_goes_through_the_callback_and_keeps_no_break_spaces(qtbot: QtBot) -> None:
    pane = Pane(qtbot, TEXT)
    dialog = FindReplaceDialog(pane.editor, pane.apply_edit, apply_edits=pane.apply_edits)
    qtbot.addWidget(dialog)
    dialog.find_edit.setText("selenskyj")  # case-insensitive by default
    dialog.replace_edit.setText("Zelensky")
    dialog.replace_all()
    assert pane.batches == 1
    assert pane.text == TEXT.replace("Selenskyj", "Zelensky").replace("selenskyj", "Zelensky")
    assert "\u00a0:" in pane.text
    assert [e[0] for e in pane.edits] == sorted((e[0] for e in pane.edits), reverse=True)
    assert dialog.message() == "Replaced 4 occurrences."


def test_regex_replace_all_with_groups_and_whole_words(qtbot: QtBot) -> None:
    pane = Pane(qtbot, TEXT)
    dialog = make_dialog(qtbot, pane)
    dialog.regex_box.setChecked(True)
    dialog.case_box.setChecked(True)
    dialog.find_edit.setText(r"\b(\w+) \1\b")
    dialog.replace_edit.setText(r"\1")
    search(qtbot, dialog, dialog.replace_all)
    assert pane.text == TEXT.replace("Le Le texte", "Le texte")
    assert pane.edits == [(TEXT.index("Le Le"), TEXT.index("Le Le") + 5, "Le")]

    dialog.words_box.setChecked(True)
    dialog.find_edit.setText("Sel")
    dialog.replace_edit.setText("X")
    search(qtbot, dialog, dialog.replace_all)
    assert dialog.message() == "No match."


def test_replace_one_then_moves_to_the_next(qtbot: QtBot) -> None:
    pane = Pane(qtbot, TEXT)
    dialog = make_dialog(qtbot, pane)
    dialog.find_edit.setText("Selenskyj")
    dialog.case_box.setChecked(True)
    dialog.replace_edit.setText("Zelensky")
    dialog.replace_current()  # nothing selected yet: selects the first match only
    assert pane.edits == []
    dialog.replace_current()
    assert pane.edits == [(0, 9, "Zelensky")]
    assert pane.selection() == "Selenskyj"
    second = TEXT.index("Selenskyj", 1) - 1
    assert pane.editor.textCursor().selectionStart() == Utf16Index(pane.text).to_utf16(second)


@pytest.mark.parametrize("pattern", ["(unclosed", "a{2,1}", "*oops", "(?<=a+)b"])
def test_invalid_regex_shows_a_message_not_a_traceback(qtbot: QtBot, pattern: str) -> None:
    pane = Pane(qtbot, TEXT)
    dialog = make_dialog(qtbot, pane)
    dialog.regex_box.setChecked(True)
    dialog.find_edit.setText(pattern)
    with qtbot.waitSignal(dialog.searchFinished) as blocker:
        dialog.find_next()
    assert blocker.args == [-1]
    assert dialog.message().startswith("Invalid regular expression")
    assert pane.edits == []


def test_bad_group_reference_in_replacement_is_a_message(qtbot: QtBot) -> None:
    pane = Pane(qtbot, TEXT)
    dialog = make_dialog(qtbot, pane)
    dialog.regex_box.setChecked(True)
    dialog.find_edit.setText("(Le)")
    dialog.replace_edit.setText(r"\7")
    search(qtbot, dialog, dialog.replace_all)
    assert "Invalid" in dialog.message()
    assert pane.text == TEXT


def test_pathological_regex_is_stopped_and_the_window_stays_responsive(qtbot: QtBot) -> None:
    pane = Pane(qtbot, "a" * 40 + "b " + TEXT)
    dialog = make_dialog(qtbot, pane, timeout=0.6)
    dialog.regex_box.setChecked(True)
    dialog.find_edit.setText("(a+)+$")
    ticks: list[float] = []
    heartbeat = QTimer()
    heartbeat.setInterval(50)
    heartbeat.timeout.connect(lambda: ticks.append(time.monotonic()))
    heartbeat.start()
    t0 = time.monotonic()
    with qtbot.waitSignal(dialog.searchFinished, timeout=10_000) as blocker:
        dialog.find_next()
        returned = time.monotonic() - t0
    searched = time.monotonic() - t0
    assert returned < searched / 2  # find_next returned long before the search ended: it runs elsewhere
    heartbeat.stop()
    assert blocker.args == [-1]
    assert "took longer" in dialog.message()
    assert len(ticks) >= 5  # the event loop kept running during the search
    gaps = [b - a for a, b in pairwise(ticks)]
    assert max(gaps) < 0.4
    # The next search works again (a fresh worker).
    dialog.find_edit.setText("Selensk[yi]j")
    search(qtbot, dialog, dialog.find_next)
    assert pane.selection() == "Selenskyj"


def test_picking_a_font_is_kept(qtbot: QtBot) -> None:
    from PySide6.QtGui import QFont

    dialog = PreferencesDialog(Preferences())
    qtbot.addWidget(dialog)
    dialog.font_combo.setCurrentFont(QFont("DejaVu Serif"))
    assert dialog.preferences().font_family == "DejaVu Serif"
    kept = PreferencesDialog(Preferences(font_family="DejaVu Serif", font_size=13))
    qtbot.addWidget(kept)
    assert kept.preferences().font_family == "DejaVu Serif" and kept.preferences().font_size == 13


def test_labels_that_can_show_article_content_are_plain_text(qtbot: QtBot) -> None:
    """PITFALLS 4: rich text would load `<img src=/dev/zero>`; every label that shows data is plain text."""
    hostile = '<img src="/dev/zero"><b>x</b>'
    finding = make_finding(hostile, "markup.tag", Severity.WARNING, 0, 21, hostile, ("",))
    widgets = [
        ConfirmAcceptAllDialog("markup.tag", [finding], hostile),
        EncodingDialog(hostile, hostile.encode()),
        FindReplaceDialog(QPlainTextEdit(hostile), lambda *_a: None),
    ]
    for widget in widgets:
        qtbot.addWidget(widget)
        widget.show()
        for label in widget.findChildren(QLabel):
            if "<" in label.text() or label.objectName() in ("findStatus",):
                assert label.textFormat() == Qt.TextFormat.PlainText, (type(widget).__name__, label.text())


def test_glossary_is_checked_before_ok(qtbot: QtBot, tmp_path: Path) -> None:
    good = tmp_path / "mien.toml"
    good.write_text('[fr.transliteration]\n"Selenskyj" = "Zelensky"\n"Kiew" = "Kiev"\n', encoding="utf-8")
    bad = tmp_path / "casse.toml"
    bad.write_text('[fr.transliteration\n"Selenskyj" = "Zelensky"\n', encoding="utf-8")
    dialog = PreferencesDialog(Preferences())
    qtbot.addWidget(dialog)
    dialog.show()
    accepted: list[int] = []
    dialog.finished.connect(accepted.append)

    dialog.glossary_edit.setText(str(bad))
    dialog.accept()
    assert accepted == [] and dialog.isVisible()  # OK refused, with the reason shown
    assert "not valid TOML" in dialog.glossary_status.text()

    dialog.glossary_edit.setText(str(tmp_path / "absent.toml"))
    assert dialog.check_glossary() == "No glossary file at this path."
    dialog.glossary_edit.setText(str(tmp_path))  # a folder is not a glossary either
    assert dialog.check_glossary() is not None

    dialog.glossary_edit.setText(str(good))
    assert dialog.check_glossary() is None
    assert dialog.glossary_status.text() == "2 entries read."
    dialog.accept()
    assert accepted == [QDialog.DialogCode.Accepted.value]
    assert dialog.preferences().glossary_path == str(good)


@pytest.mark.slow
def test_search_process_ends_itself_when_nobody_kills_it() -> None:
    """If the editor dies mid-search, the child's CPU limit still ends a runaway regex."""
    import subprocess
    import sys

    from editor.gui.dialogs import regex_search

    code = (
        "import sys\n"
        "import editor.gui.dialogs.regex_search as R\n"
        "R.CPU_BUDGET = 1\n"
        "R._serve(sys.stdin.buffer, sys.stdout.buffer)\n"
    )
    child = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert child.stdin is not None
        regex_search._write_frame(child.stdin, (1, ("(a+)+$", True, False, False, None), "a" * 60 + "b"))
        assert child.wait(60) != 0  # killed by SIGXCPU, not finished
    finally:
        if child.poll() is None:
            child.kill()
        child.wait()
