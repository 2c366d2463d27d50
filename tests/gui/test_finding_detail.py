"""The finding detail panel and the actions it shares with the right-click menus, through the real window."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from tests.gui.conftest import open_and_wait


def pending(w: Any, text: str) -> Any:
    return next(it for it in w.review.pending() if it.text == text)


def click(qtbot: Any, button: Any) -> None:
    """Click as a person would: once the panel has laid the button out."""
    qtbot.waitUntil(lambda: button.isVisible() and button.height() > 0)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def menu_labels(w: Any, item: Any) -> list[str]:
    menu = w.menus.item_menu([item])
    labels = [a.text() for a in menu.actions() if not a.isSeparator()]
    menu.deleteLater()
    return labels


def test_panel_shows_rule_message_explanation_examples_and_suggestion_keys(qtbot: Any, window: Any) -> None:
    open_and_wait(qtbot, window, [])
    assert window.detail_dock.isVisible()
    detail = window.finding_actions.detail
    assert "No finding selected" in detail.shown_text()
    target = pending(window, "Selenskyj")
    window.select_item(target.id)
    text = detail.shown_text()
    assert "terminology.glossary" in text and target.finding.message in text
    assert "Alt+1   “Zelensky”" in text and "Alt+2   “Zelenski”" in text
    assert "✗" in text and "✓" in text  # the rule's examples
    assert not detail.explanation.isHidden() and detail.explanation.text()
    # the second suggestion's button does what Alt+2 does
    click(qtbot, detail.suggestion_buttons[1])
    assert "Zelenski" in window.clean.text() and "Selenskyj" not in window.clean.text()
    # the panel moved on with the review, and shows only the new finding's suggestions
    assert detail.item_id == window.current_item != target.id
    shown = [b.text() for b in detail.suggestions_box.findChildren(QPushButton) if not b.isHidden()]
    assert len(shown) == len(window.item(window.current_item).finding.suggestions[:9])


def test_panel_buttons_accept_and_reject(qtbot: Any, window: Any) -> None:
    open_and_wait(qtbot, window, [])
    detail = window.finding_actions.detail
    target = pending(window, "1.000.000")
    window.select_item(target.id)
    assert not detail.buttons["accept"].isHidden() and detail.buttons["dictionary"].isHidden()
    click(qtbot, detail.buttons["accept"])
    assert "1\u00a0000\u00a0000" in window.clean.document_text()
    other = pending(window, "Riad")
    window.select_item(other.id)
    click(qtbot, detail.buttons["reject"])
    assert str(window.review.item(other.id).status) == "rejected"


def test_ignore_a_rule_in_this_article_is_kept_in_the_session(qtbot: Any, tmp_path: Path, sample_text: str) -> None:
    from editor.gui.main_window import MainWindow
    from editor.gui.settings import Settings

    article = tmp_path / "a.txt"
    article.write_text(sample_text, encoding="utf-8")
    session = str(tmp_path / "s.galley")
    w = MainWindow(Settings())
    qtbot.addWidget(w)
    w.show()
    open_and_wait(qtbot, w, [str(article)], session)
    target = pending(w, "Selenskyj")
    w.select_item(target.id)
    click(qtbot, w.finding_actions.detail.buttons["ignore_rule"])
    assert not [it for it in w.review.pending() if it.rule == "terminology.glossary"]
    assert "terminology.glossary" in w.review.ignored_rules
    w.close()
    w.jobs.shutdown()

    again = MainWindow(Settings())
    qtbot.addWidget(again)
    again.show()
    open_and_wait(qtbot, again, [str(article)], session)
    assert not [it for it in again.review.pending() if it.rule == "terminology.glossary"]
    # a re-check of an edited paragraph brings the rule's findings back ignored, not pending
    pos = again.review.cleaned.index("Selenskyj")
    again.review.edit(pos, pos, " ")
    again.review.recheck_dirty()
    assert not [it for it in again.review.pending() if it.rule == "terminology.glossary"]
    again.close()
    again.jobs.shutdown()


def test_turn_a_rule_off_is_kept_in_the_preferences(qtbot: Any, window: Any) -> None:
    open_and_wait(qtbot, window, [])
    target = pending(window, "Le Le")
    labels = menu_labels(window, target)
    off = next(label for label in labels if "Turn repetition.doubled-word off" in label)
    window.select_item(target.id)
    menu = window.menus.item_menu([target])
    next(a for a in menu.actions() if a.text() == off).trigger()
    menu.deleteLater()
    assert "repetition.doubled-word" in window.settings.load_preferences().disabled_rules
    qtbot.waitUntil(lambda: window.review is not None, timeout=30_000)
    shown_rules = {r.rule for r in window.findings.model.rows() if r.status == "pending"}
    assert "repetition.doubled-word" not in shown_rules and "terminology.glossary" in shown_rules
    # Preferences list it, and checking it there turns it back on
    from editor.gui.dialogs.preferences import PreferencesDialog

    dialog = PreferencesDialog(window.prefs, window)
    assert dialog.rules_off.item(0).text() == "repetition.doubled-word"
    dialog.rules_off.item(0).setCheckState(Qt.CheckState.Checked)
    assert dialog.preferences().disabled_rules == ()
    dialog.deleteLater()


def test_add_to_glossary_writes_the_users_file_and_flags_it_everywhere(qtbot: Any, window: Any) -> None:
    from editor.core import user_glossary
    from editor.gui.settings import user_glossary_path

    open_and_wait(qtbot, window, [])
    asked: list[tuple[str, str]] = []

    def ask(_parent: Any, wrong: str, prefer: str) -> tuple[tuple[str, str], bool]:
        asked.append((wrong, prefer))
        return ("Fessenheim", "Fessenheim-sur-Rhin"), True

    window.finding_actions.ask_glossary = ask
    target = pending(window, "Fessenheim")
    window.select_item(target.id)
    click(qtbot, window.finding_actions.detail.buttons["glossary"])
    assert asked == [("Fessenheim", "")]
    path = user_glossary_path()
    assert window.settings.load_preferences().glossary_path == str(path)
    assert ("Fessenheim", "Fessenheim-sur-Rhin") in [(e.wrong, e.prefer) for e in user_glossary.entries(path)]
    # the paragraphs holding it are checked again: the new entry applies at once
    qtbot.waitUntil(
        lambda: any("Fessenheim-sur-Rhin" in it.finding.suggestions for it in window.review.pending()),
        timeout=30_000,
    )


def test_menus_offer_only_what_applies_with_keys(qtbot: Any, window: Any) -> None:
    open_and_wait(qtbot, window, [])
    spelling = menu_labels(window, pending(window, "Fessenheim"))
    assert any(label.startswith("Add “Fessenheim” to dictionary") for label in spelling)
    assert not any("Accept all" in label for label in spelling)  # nothing of the rule can be applied
    assert any(label.endswith("\tCtrl+Backspace") for label in spelling)
    phrase = menu_labels(window, pending(window, "des Kernkraftwerk vieillissants"))
    assert phrase[0].endswith("\tAlt+1")
    assert not any("dictionary" in label for label in phrase)  # a phrase is not a dictionary word
    assert any("Accept all of terminology.glossary" in label for label in phrase)
    link = menu_labels(window, pending(window, "www. energie-europe. fr"))
    assert not any("dictionary" in label or "Ignore “" in label for label in link)


def test_host_less_link_delete_or_repair_with_the_source_url(qtbot: Any, window: Any) -> None:
    open_and_wait(qtbot, window, [])
    target = next(it for it in window.review.pending() if it.rule == "link.missing-host")
    labels = menu_labels(window, target)
    assert "Delete this link" in labels and "Set the article's source URL…" in labels
    window.finding_actions.ask_url = lambda _parent, _current: ("https://www.example.fr/a/b", True)
    window.select_item(target.id)
    menu = window.menus.item_menu([target])
    next(a for a in menu.actions() if a.text() == "Set the article's source URL…").trigger()
    menu.deleteLater()
    assert window.doc().article.url == "https://www.example.fr/a/b"

    def repaired() -> bool:
        it = window.review.item(target.id)
        return bool(it.finding.suggestions) and "www.example.fr/2025/11/energie" in it.finding.suggestions[0]

    qtbot.waitUntil(repaired, timeout=30_000)
    window.select_item(target.id)
    assert "Alt+1" in window.finding_actions.detail.shown_text()
    window.activateWindow()
    window.clean.setFocus()
    QTest.keyClick(window.clean, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "https://www.example.fr/2025/11/energie" in window.clean.text()


def test_delete_this_link(qtbot: Any, window: Any) -> None:
    open_and_wait(qtbot, window, [])
    target = next(it for it in window.review.pending() if it.rule == "link.missing-host")
    text = target.text
    window.select_item(target.id)
    click(qtbot, window.finding_actions.detail.buttons["delete_link"])
    assert text not in window.clean.text()


def test_panel_keys_clash_with_no_menu(window: Any) -> None:
    """Each button's Alt+letter is its own: none is a menu's, none is another button's."""

    def letter(text: str) -> str:
        at = text.replace("&&", "").find("&")
        return text.replace("&&", "")[at + 1].lower() if at >= 0 else ""

    menus = {letter(a.text()) for a in window.menuBar().actions()}
    buttons = [letter(b.text()) for b in window.finding_actions.detail.buttons.values()]
    assert "" not in buttons and len(set(buttons)) == len(buttons)
    assert not menus & set(buttons)
