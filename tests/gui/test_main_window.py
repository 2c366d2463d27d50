"""The real window, offscreen, on the bundled sample: the review loop from the keyboard, checked on the text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.gui.conftest import open_and_wait


def key(w: Any, k: Qt.Key, mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    w.activateWindow()
    w.clean.setFocus()
    QTest.keyClick(w.clean, k, mod)


def type_text(widget: Any, text: str) -> None:
    """Type like a keyboard, any Unicode included (QTest.keyClicks only handles ASCII)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def shown(pane: Any) -> str:
    """The text of the pane's current-finding highlight, as Qt holds it."""
    sels = pane.extraSelections()
    assert len(sels) == 1
    cursor = sels[0].cursor
    return str(cursor.selectedText())


def current(w: Any) -> Any:
    return w.review.item(w.current_item)


def test_opens_the_sample_and_shows_both_texts(qtbot: Any, window: Any, sample_text: str) -> None:
    open_and_wait(qtbot, window, [])
    assert window.raw.text() == sample_text
    assert window.raw.document_text() == sample_text
    assert window.clean.document_text() == window.review.cleaned
    assert "dÃ©licat" not in window.clean.text() and "délicat" in window.clean.text()
    assert window.clean.text().count("Berlin et Paris relancent") == 1  # duplicated title removed
    assert window.findings.model.rowCount() == len(window.review.items) > 10
    assert window.counts_label.text().startswith(f"{len(window.review.pending())} ")
    assert "fr" in window.lang_label.text()
    assert not window.articles_dock.isVisible()  # one article: no list


def test_f8_steps_through_pending_findings_and_wraps(qtbot: Any, window: Any) -> None:
    open_and_wait(qtbot, window, [])
    pending = sorted(window.review.pending(), key=lambda it: (it.start, it.end, it.id))
    key(window, Qt.Key.Key_F8)
    assert window.current_item == pending[0].id
    key(window, Qt.Key.Key_F8)
    assert window.current_item == pending[1].id
    # both panes show the finding: the extra selection covers it in Cleaned, and the Raw pane its raw span
    assert shown(window.clean) == pending[1].finding.text
    assert shown(window.raw) == pending[1].finding.text
    key(window, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    key(window, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert window.current_item == pending[-1].id  # wrapped backwards
    assert window.findings.current_item() == pending[-1].id


def test_accept_reject_and_undo_from_the_keyboard(qtbot: Any, window: Any) -> None:
    open_and_wait(qtbot, window, [])
    review = window.review
    target = next(it for it in review.pending() if it.text.endswith("Kernkraftwerk vieillissants"))
    window.select_item(target.id)
    before = window.clean.text()
    key(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "Kernkraftwerk" not in window.clean.text()
    assert "centrales nucléaires vieillissantes" in window.clean.text()
    assert window.clean.document_text() == review.cleaned
    assert str(review.item(target.id).status) == "accepted"
    # the next pending finding became current
    assert window.current_item is not None and window.current_item != target.id
    # reject keeps the text
    nxt = current(window)
    text_before_reject = window.clean.text()
    key(window, Qt.Key.Key_Backspace, Qt.KeyboardModifier.ControlModifier)
    assert str(review.item(nxt.id).status) == "rejected"
    assert window.clean.text() == text_before_reject
    # undo twice: back to the original text, both findings pending again
    key(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    key(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.clean.text() == before == window.clean.document_text()
    assert str(review.item(target.id).status) == "pending"
    key(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert "centrales nucléaires vieillissantes" in window.clean.text()


def test_alt_n_accepts_suggestion_n(qtbot: Any, window: Any) -> None:
    open_and_wait(qtbot, window, [])
    target = next(it for it in window.review.pending() if it.text == "Kiew")
    assert len(target.finding.suggestions) >= 2
    window.select_item(target.id)
    key(window, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    second = target.finding.suggestions[1]
    assert window.review.item(target.id).replacement == second
    assert f"de {second} et" in window.clean.text()


def test_accept_all_of_a_rule_after_confirmation(qtbot: Any, window: Any) -> None:
    from collections import Counter

    open_and_wait(qtbot, window, [])
    review = window.review
    counts = Counter(it.rule for it in review.pending() if it.finding.suggestions)
    rule, n = counts.most_common(1)[0]
    assert n >= 2
    ids = [it.id for it in review.pending() if it.rule == rule and it.finding.suggestions]
    before = window.clean.text()
    asked: list[tuple[str, int]] = []

    def confirm(parent: Any, r: str, items: list[Any], text: str) -> tuple[bool, bool]:
        asked.append((r, len(items)))
        return False, True

    window.confirm_accept_all = confirm
    window.select_item(ids[0])
    key(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert asked == [(rule, len(ids))]
    accepted = [review.item(i) for i in ids if str(review.item(i).status) == "accepted"]
    assert len(accepted) >= 2
    for it in accepted:
        assert window.clean.text()[it.start : it.end] == it.replacement
    assert window.clean.document_text() == review.cleaned
    # one undo step takes all of them back
    key(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert all(str(review.item(i).status) == "pending" for i in ids)
    assert window.clean.text() == before
    # declining the confirmation changes nothing
    window.confirm_accept_all = lambda *a: (False, False)
    window.select_item(ids[0])
    window.accept_all()
    assert all(str(review.item(i).status) == "pending" for i in ids)
    assert window.clean.text() == before


def test_revert_an_automatic_fix(qtbot: Any, window: Any) -> None:
    open_and_wait(qtbot, window, [])
    review = window.review
    auto = next(it for it in review.items if str(it.status) == "auto" and "Ã©" in it.finding.text)
    window.revert(auto.id)
    assert "dÃ©licat" in window.clean.text()
    assert str(review.item(auto.id).status) == "reverted"
    window.undo()
    assert "dÃ©licat" not in window.clean.text()


def test_hand_edit_is_rechecked_off_thread(qtbot: Any, window: Any) -> None:
    open_and_wait(qtbot, window, [])
    review = window.review
    pos = window.clean.text().index("pionnière")
    window.clean.set_cursor_position(pos)
    window.activateWindow()
    window.clean.setFocus()
    with qtbot.waitSignal(window.rechecked, timeout=10_000):
        type_text(window.clean, "très très ")
    assert window.clean.text()[pos : pos + 19] == "très très pionnière"
    assert review.cleaned == window.clean.text() == window.clean.document_text()
    doubled = [it for it in review.pending() if it.rule == "repetition.doubled-word" and pos <= it.start < pos + 10]
    assert doubled, "the re-check found the doubled word typed by hand"
    # undo covers the hand edit too
    while "très" in window.clean.text() and review.can_undo:
        window.undo()
    assert "très" not in window.clean.text()


def test_underlines_move_with_typing(qtbot: Any, window: Any) -> None:
    open_and_wait(qtbot, window, [])
    review = window.review
    target = next(it for it in review.pending() if it.text == "Sewastopol")
    window.clean.set_cursor_position(0)
    window.activateWindow()
    window.clean.setFocus()
    type_text(window.clean, "😀 ")
    moved = review.item(target.id)
    assert window.clean.text()[moved.start : moved.end] == "Sewastopol"
    mark = [m for m in window.clean.highlighter.marks if m.item_id == target.id]
    assert mark and (mark[0].start, mark[0].end) == (moved.start, moved.end)


def test_context_menu_lists_suggestions_first(qtbot: Any, window: Any) -> None:
    open_and_wait(qtbot, window, [])
    target = next(it for it in window.review.pending() if it.text == "Selenskyj")
    menu = window.menus.context_menu(window.clean, target.start + 1)
    labels = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert "Zelensky" in labels[0]
    assert any("Reject" in label for label in labels)
    tip = window.menus.tooltip(window.clean, target.start + 1)
    assert "terminology" in tip and "Zelensky" in tip
    menu.deleteLater()


def test_findings_panel_selection_moves_both_panes(qtbot: Any, window: Any) -> None:
    open_and_wait(qtbot, window, [])
    panel = window.findings
    target = next(it for it in window.review.pending() if it.text == "Riad")
    row = panel.proxy.mapFromSource(panel.model.index(panel.model.row_for(target.id), 0))
    panel.table.setCurrentIndex(row)
    assert window.current_item == target.id
    assert shown(window.raw) == "Riad"
    # chips and search filter the table
    panel.show_only("terminology")
    assert 0 < panel.proxy.rowCount() < panel.model.rowCount()
    panel.search.setText("riad")
    assert panel.proxy.rowCount() == 1


def test_session_restores_decisions_edits_and_cursor(qtbot: Any, tmp_path: Path, sample_text: str) -> None:
    from editor.gui.main_window import MainWindow
    from editor.gui.settings import Settings

    src = tmp_path / "article.txt"
    src.write_text(sample_text, encoding="utf-8")
    w = MainWindow(Settings())
    qtbot.addWidget(w)
    w.show()
    open_and_wait(qtbot, w, [str(src)])
    assert w.session is not None
    review = w.review
    target = next(it for it in review.pending() if it.text == "Wolodymyr")
    w.select_item(target.id)
    w.accept_suggestion(1)
    rejected = next(it for it in review.pending() if it.text == "Riad")
    w.select_item(rejected.id)
    w.reject()
    pos = w.clean.text().index("La guerre")
    w.clean.set_cursor_position(pos)
    QTest.keyClicks(w.clean, "XYZ ")
    cleaned = w.clean.text()
    w.close()
    assert (tmp_path / "article.txt.galley").exists()

    w2 = MainWindow(Settings())
    qtbot.addWidget(w2)
    w2.show()
    open_and_wait(qtbot, w2, [str(src)])
    assert w2.clean.text() == cleaned
    assert str(w2.review.item(target.id).status) == "accepted"
    assert str(w2.review.item(rejected.id).status) == "rejected"
    assert w2.clean.cursor_position() == pos + 4
    w2.close()


def test_locked_session_is_a_message_not_a_crash(qtbot: Any, tmp_path: Path, sample_text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    from editor.core.session import Session
    from editor.gui.main_window import MainWindow
    from editor.gui.settings import Settings

    src = tmp_path / "a.txt"
    src.write_text(sample_text, encoding="utf-8")
    holder = Session.open(tmp_path / "a.txt.galley")
    holder.ignore_word("Kiew")  # another window that has written to the session holds it
    try:
        w = MainWindow(Settings())
        qtbot.addWidget(w)
        w.show()
        open_and_wait(qtbot, w, [str(src)])
        assert w.session is None
        assert "another" in w.saved_label.text()
        boxes = [b for b in w.findChildren(QMessageBox) if b.isVisible()]
        assert any("another Galley window" in b.text() for b in boxes)
        for b in boxes:
            b.close()
        w.select_item(w.review.pending()[0].id)
        w.reject()  # still works, just not saved
        w.close()
    finally:
        holder.close()


def test_bad_files_are_listed_and_good_ones_open(qtbot: Any, window: Any, tmp_path: Path, sample_text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    (tmp_path / "good.txt").write_text(sample_text, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (tmp_path / "corpus.jsonl").write_text('{"text": "Un texte en français."}\n{bad json\n', encoding="utf-8")
    open_and_wait(qtbot, window, [str(tmp_path)])
    assert len(window.docs) == 2
    assert window.articles_dock.isVisible()
    messages = [str(e) for e in window.loading.load_errors]
    assert any("empty.txt" in m for m in messages)
    assert any("binary.txt" in m for m in messages)
    assert any("corpus.jsonl:2" in m for m in messages)
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert boxes and "3" in boxes[0].text()
    for b in boxes:
        b.close()


def test_mark_done_opens_the_next_article(qtbot: Any, window: Any, tmp_path: Path) -> None:
    for n in range(3):
        (tmp_path / f"{n}.txt").write_text(f"Article {n} : le le texte.\n", encoding="utf-8")
    open_and_wait(qtbot, window, [str(tmp_path)])
    assert window.current == 0
    window.confirm_done = lambda _parent, _pending: (
        True
    )  # "Mark done anyway" (the question itself: test_done_and_export)
    key(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.current == 1
    assert window.articles.model.row(0).status == "done"
    assert window.session.article_record(window.docs[0].aid).status == "done"


def test_long_line_opens_read_only_with_a_warning(qtbot: Any, window: Any, tmp_path: Path) -> None:
    src = tmp_path / "long.txt"
    src.write_text("Début. " + "mot " * 30_000 + "\n\nFin.\n", encoding="utf-8")
    open_and_wait(qtbot, window, [str(src)])
    assert window.clean.isReadOnly()
    assert window.banner.isVisible() and "read-only" in window.banner.text()


def test_no_break_spaces_survive_the_editor(qtbot: Any, window: Any, tmp_path: Path) -> None:
    text = "Il a dit\u00a0: «\u202fbonjour\u202f» à 10\u00a0h.\n"
    src = tmp_path / "nbsp.txt"
    src.write_text(text, encoding="utf-8")
    open_and_wait(qtbot, window, [str(src)])
    assert window.clean.document_text() == window.review.cleaned
    assert "\u00a0" in window.clean.document_text() and "\u202f" in window.clean.document_text()


def test_shortcuts_are_the_documented_ones(window: Any) -> None:
    from PySide6.QtGui import QKeySequence

    expected = {
        "next": "F8",
        "previous": "Shift+F8",
        "accept": "Ctrl+Return",
        "reject": "Ctrl+Backspace",
        "accept_all": "Ctrl+Shift+Return",
        "ignore": "Ctrl+I",
        "dictionary": "Ctrl+Shift+D",
        "undo": "Ctrl+Z",
        "redo": "Ctrl+Shift+Z",
        "done": "Ctrl+D",
        "find": "Ctrl+F",
        "export": "Ctrl+E",
        "open": "Ctrl+O",
    }
    for name, seq in expected.items():
        assert QKeySequence(seq) in window.actions_[name].shortcuts(), name
    assert [a.shortcut().toString() for a in window.actions_.suggestion] == [f"Alt+{n}" for n in range(1, 10)]


def test_links_panel_lists_the_articles_links_and_selects_them(qtbot: Any, window: Any) -> None:
    open_and_wait(qtbot, window, [])
    panel = window.links_panel
    assert panel is not None
    rows = panel.rows()
    assert any("energie-europe" in r.text for r in rows)
    row = next(r for r in rows if "energie-europe" in r.text)
    panel.linkSelected.emit(row)
    assert shown(window.raw) == window.raw.text()[row.start : row.end]


def test_excepthook_shows_a_dialog_instead_of_crashing(qtbot: Any, window: Any, monkeypatch: Any) -> None:
    from PySide6.QtWidgets import QMessageBox

    from editor.gui import app as gui_app

    shown_text: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown_text.append(self.text()) or 0)
    try:
        raise RuntimeError("boom")
    except RuntimeError as e:
        gui_app._show_exception(type(e), e, e.__traceback__)
    assert shown_text and "RuntimeError: boom" in shown_text[0]


def test_changed_source_keeps_the_work_and_offers_to_reload(qtbot: Any, tmp_path: Path, sample_text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    from editor.gui.main_window import MainWindow
    from editor.gui.settings import Settings

    src = tmp_path / "article.txt"
    src.write_text(sample_text, encoding="utf-8")
    w = MainWindow(Settings())
    qtbot.addWidget(w)
    w.show()
    open_and_wait(qtbot, w, [str(src)])
    target = next(it for it in w.review.pending() if it.text == "Sewastopol")
    w.select_item(target.id)
    w.accept_suggestion(1)
    w.close()

    src.write_text(sample_text + "\nUn nouveau paragraphe ajouté.\n", encoding="utf-8")
    w2 = MainWindow(Settings())
    qtbot.addWidget(w2)
    w2.show()
    open_and_wait(qtbot, w2, [str(src)])
    # the session's version, with the decision
    assert "Un nouveau paragraphe" not in w2.raw.text()
    assert str(w2.review.item(target.id).status) == "accepted"
    box = w2.findChild(QMessageBox, "sourceChangedBox")
    assert box is not None and "changed on disk" in box.text()
    reload = next(b for b in box.buttons() if "Reload" in b.text())
    reload.click()
    # typing could not be carried over to the reloaded review: none is taken meanwhile, and the banner says why
    assert w2.clean.isReadOnly() and w2.banner.isVisible() and "Re-applying" in w2.banner.text()
    qtbot.waitUntil(lambda: "Un nouveau paragraphe" in w2.raw.text() and w2.review is not None, timeout=30_000)
    qtbot.waitUntil(lambda: "Sébastopol" in w2.clean.text(), timeout=30_000)
    assert not w2.clean.isReadOnly() and not w2.banner.isVisible()
    assert "re-applied" in w2.statusBar().currentMessage()
    w2.close()


def test_long_article_is_underlined_in_view_before_the_full_analysis(
    qtbot: Any, window: Any, tmp_path: Path, sample_text: str
) -> None:
    src = tmp_path / "long.txt"
    src.write_text("\n\n".join([sample_text] * 40), encoding="utf-8")
    with qtbot.waitSignal(window.previewShown, timeout=60_000) as blocker:
        window.open_paths([str(src)])
    assert blocker.args[0] > 0
    if window.review is None:  # still analysing: what is underlined is the part in view, not the whole text
        marks = list(window.raw.highlighter.marks)
        assert marks
        assert max(m.start for m in marks) < len(window.raw.text()) // 2
    qtbot.waitUntil(lambda: window.review is not None, timeout=120_000)


def test_export_runs_in_a_worker_and_writes_the_cleaned_text(qtbot: Any, window: Any, tmp_path: Path) -> None:
    src = tmp_path / "in" / "article.txt"
    src.parent.mkdir()
    src.write_text("Le le chat dort , tranquille.\n", encoding="utf-8")
    open_and_wait(qtbot, window, [str(src)])
    out = tmp_path / "out"
    window.export(str(out), "txt")
    qtbot.waitUntil(lambda: "Exported" in window.statusBar().currentMessage(), timeout=30_000)
    files = list(out.glob("*.txt"))
    assert len(files) == 1
    assert files[0].read_text(encoding="utf-8") == window.review.cleaned


def test_panes_scroll_together(qtbot: Any, window: Any, tmp_path: Path, sample_text: str) -> None:
    src = tmp_path / "long.txt"
    src.write_text("\n\n".join([sample_text] * 6), encoding="utf-8")
    open_and_wait(qtbot, window, [str(src)])
    bar = window.clean.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    top_clean = window.clean.top_position()
    top_raw = window.raw.top_position()
    mapped = window.review.clean_to_raw(top_clean)
    # the Raw pane shows the raw text of the same place (to within a line)
    assert abs(window.raw.text().count("\n", 0, top_raw) - window.raw.text().count("\n", 0, mapped)) <= 1


def test_drop_and_recent_files(qtbot: Any, window: Any, tmp_path: Path, sample_text: str) -> None:
    from PySide6.QtCore import QMimeData, QUrl

    src = tmp_path / "dropped.txt"
    src.write_text(sample_text, encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(src))])
    assert window.dropped_paths(mime) == [str(src)]
    open_and_wait(qtbot, window, window.dropped_paths(mime))
    assert window.raw.text() == sample_text
    assert str(src) in window.settings.recent_files()


def test_a_session_write_that_fails_is_shown_not_dropped(qtbot: Any, window: Any) -> None:
    """Ignoring a word and deciding write to the session at once: when it cannot be written (here it was closed
    underneath the window, as a vanished disk would make it), the person is told the work is not saved."""
    open_and_wait(qtbot, window, [])
    review = window.review
    window.session.close()
    target = next(it for it in review.pending() if it.text == "Fessenheim")
    window.select_item(target.id)
    key(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert str(review.item(target.id).status) == "ignored"  # the decision stands in the window…
    assert window.saved_label.text().startswith("Not saved")  # …and the person knows it is not on disk
    assert "closed" in window.saved_label.text()
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    other = next(it for it in review.pending() if it.text.endswith("Kernkraftwerk vieillissants"))
    window.select_item(other.id)
    window.accept_suggestion(1)
    assert str(review.item(other.id).status) == "accepted"
    assert any(m.startswith("Not saved") and "closed" in m for m in messages)


def test_ignore_word_and_personal_dictionary(qtbot: Any, window: Any) -> None:
    open_and_wait(qtbot, window, [])
    review = window.review
    target = next(it for it in review.pending() if it.text == "Fessenheim")
    window.select_item(target.id)
    key(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert str(review.item(target.id).status) == "ignored"
    assert "Fessenheim" in window.session.ignored_words()
    other = next(it for it in review.pending() if it.text == "Riad")
    window.select_item(other.id)
    key(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert "Riad" in window.prefs.personal_words
    assert "Riad" in window.settings.load_preferences().personal_words


def test_raw_pane_menu_reverts_an_automatic_fix(qtbot: Any, window: Any) -> None:
    open_and_wait(qtbot, window, [])
    pos = window.raw.text().index("dÃ©licat")
    menu = window.menus.context_menu(window.raw, pos + 1)
    revert = next(a for a in menu.actions() if "Revert" in a.text())
    revert.trigger()
    assert "dÃ©licat" in window.clean.text()
    menu.deleteLater()


def test_changing_preferences_reanalyses_and_keeps_decisions(qtbot: Any, window: Any, monkeypatch: Any) -> None:
    from dataclasses import replace

    from editor.gui.dialogs.preferences import PreferencesDialog

    open_and_wait(qtbot, window, [])
    target = next(it for it in window.review.pending() if it.text.endswith("Kernkraftwerk vieillissants"))
    window.select_item(target.id)
    window.accept_suggestion(1)
    new = replace(
        window.prefs,
        font_size=window.prefs.font_size + 3,
        enabled_categories=tuple(c for c in window.prefs.enabled_categories if c != "register"),
    )
    monkeypatch.setattr(PreferencesDialog, "edit", classmethod(lambda cls, parent, prefs: (new, True)))
    window.preferences()
    qtbot.waitUntil(lambda: window.review is not None, timeout=30_000)
    assert window.clean.font().pointSize() == new.font_size
    assert window.settings.load_preferences().font_size == new.font_size
    assert "centrales nucléaires vieillissantes" in window.clean.text()  # the decision survived the re-analysis
    shown_rules = {r.rule for r in window.findings.model.rows() if r.status == "pending"}
    assert not any(rule.startswith("register.") for rule in shown_rules)


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen platform noise (dialog.raise_())
def test_find_and_replace_goes_through_the_review(qtbot: Any, window: Any) -> None:
    open_and_wait(qtbot, window, [])
    key(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    dialog = window.find_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.find_edit.setText("Strasbourg")
    dialog.replace_edit.setText("Estrasburgo")
    with qtbot.waitSignal(dialog.searchFinished, timeout=20_000):
        dialog.replace_all()
    qtbot.waitUntil(lambda: "Estrasburgo" in window.clean.text(), timeout=20_000)
    assert window.review.cleaned == window.clean.text() == window.clean.document_text()
    window.undo()
    assert "Estrasburgo" not in window.clean.text() and "Strasbourg" in window.clean.text()
    dialog.close()


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen platform noise (tooltip raise_())
def test_hover_shows_the_message_and_suggestions(qtbot: Any, window: Any) -> None:
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    open_and_wait(qtbot, window, [])
    target = next(it for it in window.review.pending() if it.text.endswith("Kernkraftwerk vieillissants"))
    window.select_item(target.id)
    rect = window.clean.cursorRect()
    point = QPoint(rect.center().x() + 8, rect.center().y())
    event = QHelpEvent(QEvent.Type.ToolTip, point, window.clean.viewport().mapToGlobal(point))
    QApplication.sendEvent(window.clean.viewport(), event)
    assert QToolTip.isVisible()
    assert "centrales nucléaires" in QToolTip.text() and "Kernkraftwerk" in QToolTip.text()
    QToolTip.hideText()


@pytest.mark.slow  # the analysis of the long line runs to its end before the window closes
def test_a_huge_single_line_is_shown_cut_and_read_only(qtbot: Any, window: Any, tmp_path: Path) -> None:
    from editor.gui.main_window import DISPLAY_LIMIT, HUGE_LINE

    src = tmp_path / "huge.txt"
    src.write_text("mot " * (HUGE_LINE // 4 + 10_000), encoding="utf-8")
    window.open_paths([str(src)])
    qtbot.waitUntil(lambda: bool(window.raw.text()), timeout=30_000)
    assert len(window.raw.text()) == DISPLAY_LIMIT
    assert window.clean.isReadOnly()
    assert window.banner.isVisible() and "too long to display" in window.banner.text()


def test_session_reopens_on_the_article_where_the_person_was(qtbot: Any, tmp_path: Path) -> None:
    from editor.gui.main_window import MainWindow
    from editor.gui.settings import Settings

    folder = tmp_path / "corpus"
    folder.mkdir()
    for n in range(3):
        (folder / f"{n}.txt").write_text(f"Article {n} : le le texte , ici.\n", encoding="utf-8")
    w = MainWindow(Settings())
    qtbot.addWidget(w)
    w.show()
    open_and_wait(qtbot, w, [str(folder)])
    w.show_article(2)
    qtbot.waitUntil(lambda: w.review is not None, timeout=30_000)
    w.clean.set_cursor_position(5)
    w.close()

    w2 = MainWindow(Settings())
    qtbot.addWidget(w2)
    w2.show()
    w2.open_paths([str(folder)])
    qtbot.waitUntil(lambda: w2.current == 2 and w2.review is not None, timeout=30_000)
    assert w2.raw.text().startswith("Article 2")
    assert w2.clean.cursor_position() == 5
    w2.close()


def test_revert_an_automatic_fix_from_the_findings_panel(qtbot: Any, window: Any) -> None:
    open_and_wait(qtbot, window, [])
    panel = window.findings
    auto = next(it for it in window.review.items if str(it.status) == "auto" and it.rule == "boilerplate.line")
    row = panel.proxy.mapFromSource(panel.model.index(panel.model.row_for(auto.id), 0))
    panel.table.setCurrentIndex(row)
    assert window.current_item == auto.id
    window.actions_["revert"].trigger()
    assert str(window.review.item(auto.id).status) == "reverted"
    assert auto.finding.text.strip() in window.clean.text()
    row = panel.model.row_for(auto.id)
    assert panel.model.index(row, 5).data() == "reverted"


def test_findings_table_menu_offers_the_same_decisions(qtbot: Any, window: Any) -> None:
    open_and_wait(qtbot, window, [])
    target = next(it for it in window.review.pending() if it.text == "Selenskyj")
    menu = window.menus.item_menu([target])
    labels = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert "Zelensky" in labels[0] and any("Reject" in label for label in labels)
    menu.actions()[0].trigger()
    assert "Zelensky" in window.clean.text() and "Selenskyj" not in window.clean.text()
    menu.deleteLater()


def test_typing_waiting_for_a_pause_is_saved_on_close(
    qtbot: Any, tmp_path: Path, sample_text: str, monkeypatch: Any
) -> None:
    from editor.gui import main_window as mw
    from editor.gui import session_keeper
    from editor.gui.settings import Settings

    monkeypatch.setattr(session_keeper, "BIG_REVIEW", 1)  # the sample as a huge review: typing saved on pauses
    src = tmp_path / "a.txt"
    src.write_text(sample_text, encoding="utf-8")
    w = mw.MainWindow(Settings())
    qtbot.addWidget(w)
    w.show()
    open_and_wait(qtbot, w, [str(src)])
    assert w.doc().big
    w.clean.set_cursor_position(0)
    w.activateWindow()
    w.clean.setFocus()
    type_text(w.clean, "Titre : ")
    assert w.keeper.idle_save_timer.isActive()
    w.close()  # before the pause timer fired
    w2 = mw.MainWindow(Settings())
    qtbot.addWidget(w2)
    w2.show()
    open_and_wait(qtbot, w2, [str(src)])
    assert w2.clean.text().startswith("Titre : ")
    w2.close()


def test_session_file_alone_reopens_its_articles(qtbot: Any, tmp_path: Path, sample_text: str) -> None:
    from editor.gui.main_window import MainWindow
    from editor.gui.settings import Settings

    src = tmp_path / "a.txt"
    src.write_text(sample_text, encoding="utf-8")
    session = tmp_path / "work.galley"
    w = MainWindow(Settings())
    qtbot.addWidget(w)
    w.show()
    open_and_wait(qtbot, w, [str(src)], str(session))
    target = next(it for it in w.review.pending() if it.text == "Riad")
    w.select_item(target.id)
    w.accept_suggestion(1)
    w.close()
    src.unlink()  # the session keeps its own copy of the article

    w2 = MainWindow(Settings())
    qtbot.addWidget(w2)
    w2.show()
    open_and_wait(qtbot, w2, [], str(session))
    assert w2.raw.text() == sample_text
    assert "Riyad" in w2.clean.text()
    w2.close()
