"""Bulk accept, statistics and find-and-replace over every open article, through the real window (offscreen):
the menus' shortcuts open the real dialogs, which are answered as a person would (keys and clicks)."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLabel

from editor.core.bulk import is_safe
from editor.core.resources import sample_article
from tests.gui.conftest import open_and_wait
from tests.gui.test_dialogs import when_modal

RAISE_NOISE = "This plugin does not support raise"  # offscreen platform noise (dialog.raise_())


def key(w: Any, k: Qt.Key, mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed in the Cleaned pane, once the window is active again (a modal dialog just closed)."""
    w.activateWindow()
    for _ in range(500):
        if QApplication.activeWindow() is w:
            break
        QTest.qWait(10)
    w.clean.setFocus()
    QTest.keyClick(w.clean, k, mod)


CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def two_articles(qtbot: Any, w: Any, tmp_path: Path) -> None:
    """The sample twice (the second with one more paragraph), both analysed, the first shown."""
    text = sample_article().read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Un second article <b>gras</b> , ici.\n\n" + text, encoding="utf-8")
    open_and_wait(qtbot, w, [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
    qtbot.waitUntil(lambda: len(w.docs) == 2, timeout=30_000)
    w.show_article(1)
    qtbot.waitUntil(lambda: w.review is not None and w.clean.text() == w.review.cleaned, timeout=60_000)
    w.show_article(0)
    qtbot.waitUntil(lambda: w.review is not None and w.clean.text() == w.review.cleaned, timeout=60_000)


def test_accept_safe_in_every_article_previews_then_undoes_per_article(qtbot: Any, window: Any, tmp_path: Path) -> None:
    two_articles(qtbot, window, tmp_path)
    first, second = (d.review for d in window.docs)
    safe = [[it.id for it in r.pending() if is_safe(it.finding)] for r in (first, second)]
    assert safe[0] and safe[1]
    before = [first.cleaned, second.cleaned]
    seen: dict[str, Any] = {}

    def answer(dialog: QDialog) -> None:
        seen["title"] = dialog.windowTitle()
        dialog.safe_radio.setChecked(True)
        dialog.everywhere_box.setChecked(True)
        seen["rows"] = dialog.table.rowCount()
        seen["articles"] = {dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())}
        seen["tips"] = [dialog.table.item(r, 3).toolTip() for r in range(dialog.table.rowCount())]
        seen["plain"] = all(label.textFormat() == Qt.TextFormat.PlainText for label in dialog.findChildren(QLabel))
        QTest.keyClick(dialog, Qt.Key.Key_Return)  # the default button: Accept N

    when_modal(answer)
    key(window, Qt.Key.Key_B, CTRL_SHIFT)
    assert seen["title"] == "Accept in Bulk"
    assert seen["rows"] >= len(safe[0]) + len(safe[1]) - 2  # overlapping ones are left for later
    assert seen["articles"] == {window.docs[0].article.label, window.docs[1].article.label}
    assert seen["plain"] and not any("<b>" in tip for tip in seen["tips"])
    accepted = [
        [i for i in ids if str(r.item(i).status) == "accepted"] for r, ids in zip((first, second), safe, strict=True)
    ]
    assert accepted[0] and accepted[1]
    assert window.clean.text() == first.cleaned != before[0]
    assert second.cleaned != before[1]
    # one Ctrl+Z undoes the bulk step of the shown article only
    key(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.clean.text() == first.cleaned == before[0]
    assert second.cleaned != before[1]
    window.show_article(1)
    key(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert second.cleaned == before[1]


def test_bulk_of_one_category_in_this_article_and_cancel_changes_nothing(qtbot: Any, window: Any) -> None:
    open_and_wait(qtbot, window, [])
    review = window.review
    target = next(it for it in review.pending() if it.finding.suggestions and it.category == "typography")
    window.select_item(target.id)
    before = review.cleaned
    typography = len([it for it in review.pending() if it.category == "typography" and it.finding.suggestions])

    def cancel(dialog: QDialog) -> None:
        dialog.reject()

    when_modal(cancel)
    window.actions_["bulk"].trigger()
    assert review.cleaned == before

    def category(dialog: QDialog) -> None:
        dialog.category_radio.setChecked(True)
        rows = dialog.table.rowCount()
        assert dialog.accept_button.text() == f"Accept {rows}"
        qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)

    when_modal(category)
    window.actions_["bulk"].trigger()
    assert str(review.item(target.id).status) == "accepted"
    left = [it for it in review.pending() if it.category == "typography" and it.finding.suggestions]
    assert len(left) < typography  # only those overlapping an accepted one stay
    assert window.clean.text() == review.cleaned
    window.undo()
    assert review.cleaned == before


@pytest.mark.qt_log_ignore(RAISE_NOISE)
def test_statistics_view_counts_decisions_and_exports_the_cli_report(qtbot: Any, window: Any, tmp_path: Path) -> None:
    open_and_wait(qtbot, window, [])
    review = window.review
    key(window, Qt.Key.Key_T, CTRL_SHIFT)
    dialog = window.corpus.statistics_dialog
    assert dialog is not None and dialog.isVisible()
    pending = len(review.pending())
    assert dialog.stats.total["pending"] == pending
    assert dialog.categories.rowCount() == len({it.category for it in review.items})
    assert dialog.rules.rowCount() == len({it.rule for it in review.items})
    assert len(dialog.chart.rows) == dialog.categories.rowCount()
    target = review.pending()[0]
    window.select_item(target.id)
    window.reject()
    key(window, Qt.Key.Key_T, CTRL_SHIFT)  # shown again: counted afresh
    assert dialog.stats.total["rejected"] >= 1 and dialog.stats.total["pending"] < pending
    assert "rejected 100 %" in dialog.summary.text()
    dialog.scope.setCurrentIndex(1)  # whole session
    assert "1 not done" in dialog.summary.text()
    out = tmp_path / "report.csv"
    assert dialog.export_to(str(out)) is None
    rows = list(csv.reader(out.open(encoding="utf-8")))
    assert rows[0][:3] == ["kind", "name", "findings"]
    rule_row = next(r for r in rows if r[0] == "rule" and r[1] == target.rule)
    assert int(rule_row[rows[0].index("rejected")]) >= 1
    assert dialog.export_to(str(tmp_path / "report.txt")) is not None  # a message, not a traceback
    dialog.grab()  # the painted chart draws without error
    dialog.close()


@pytest.mark.qt_log_ignore(RAISE_NOISE)
def test_find_and_replace_in_every_article_previews_each_match_and_undoes_per_article(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    two_articles(qtbot, window, tmp_path)
    first, second = (d.review for d in window.docs)
    n = [r.cleaned.count("Strasbourg") for r in (first, second)]
    assert n[0] >= 1 and n[1] >= 1
    key(window, Qt.Key.Key_F, CTRL_SHIFT)
    dialog = window.find_dialog
    assert dialog is not None and dialog.isVisible() and dialog.everywhere_box.isChecked()
    dialog.regex_box.setChecked(True)
    dialog.find_edit.setText(r"Stras(bourg)")
    dialog.replace_edit.setText(r"Estras\1o")
    seen: dict[str, Any] = {}

    def answer(preview: QDialog) -> None:
        seen["rows"] = preview.table.rowCount()
        seen["becomes"] = {preview.table.item(r, 2).text() for r in range(preview.table.rowCount())}
        seen["context"] = preview.table.item(0, 3).text()
        qtbot.mouseClick(preview.replace_button, Qt.MouseButton.LeftButton)

    when_modal(answer)
    with qtbot.waitSignal(dialog.searchFinished, timeout=30_000):
        dialog.replace_all()
    assert seen["rows"] == sum(n)
    assert seen["becomes"] == {"Estrasbourgo"} and "[Strasbourg]" in seen["context"]
    assert first.cleaned.count("Estrasbourgo") == n[0] and second.cleaned.count("Estrasbourgo") == n[1]
    assert window.clean.text() == first.cleaned
    window.undo()  # one step per article
    assert "Estrasbourgo" not in first.cleaned and second.cleaned.count("Estrasbourgo") == n[1]
    window.show_article(1)
    window.undo()
    assert "Estrasbourgo" not in second.cleaned
    dialog.close()


@pytest.mark.qt_log_ignore(RAISE_NOISE)
def test_a_replace_all_checks_the_articles_not_shown_again_and_their_rows_say_what_waits(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    # The replacement is misspelt: in the article not shown, it must become a finding to review, counted in the
    # article list (checked in a worker: the window keeps handling events meanwhile).
    from editor.gui.models.articles import PendingRole

    two_articles(qtbot, window, tmp_path)
    second = window.docs[1].review
    before = {it.id for it in second.pending()}
    key(window, Qt.Key.Key_F, CTRL_SHIFT)
    dialog = window.find_dialog
    dialog.find_edit.setText("Strasbourg")
    dialog.replace_edit.setText("Strasbuorgh")
    when_modal(lambda preview: qtbot.mouseClick(preview.replace_button, Qt.MouseButton.LeftButton))
    with qtbot.waitSignal(dialog.searchFinished, timeout=30_000):
        dialog.replace_all()
    assert "Strasbuorgh" in second.cleaned and window.current == 0

    def typo_pending() -> bool:
        return any(it.finding.text == "Strasbuorgh" for it in second.pending())

    qtbot.waitUntil(typo_pending, timeout=30_000)
    assert {it.id for it in second.pending()} != before
    row = window.articles.model.index(1, 0)
    qtbot.waitUntil(lambda: row.data(PendingRole) == len(second.pending()), timeout=10_000)
    dialog.close()


@pytest.mark.qt_log_ignore(RAISE_NOISE)
def test_a_pathological_regex_over_every_article_is_stopped_and_the_window_stays_responsive(
    qtbot: Any, window: Any
) -> None:
    open_and_wait(qtbot, window, [])
    window.find_replace()
    dialog = window.find_dialog
    dialog._searcher.timeout = 0.5
    dialog.everywhere_box.setChecked(True)
    dialog.regex_box.setChecked(True)
    dialog.find_edit.setText(r"(\w+\s?)+$")
    before = window.review.cleaned
    with qtbot.waitSignal(dialog.searchFinished, timeout=20_000) as blocker:
        dialog.find_next()
        assert dialog.stop_button.isVisible()
        QTest.qWait(50)  # the window keeps processing events while the child process works
    assert blocker.args == [-1]
    assert "longer than 0.5 s" in dialog.message()
    assert not dialog.stop_button.isVisible()
    # and a search can be stopped by hand
    with qtbot.waitSignal(dialog.searchFinished, timeout=20_000):
        dialog.find_next()
        qtbot.mouseClick(dialog.stop_button, Qt.MouseButton.LeftButton)
    assert dialog.message() == "Search stopped."
    assert window.review.cleaned == before
    dialog.close()


@pytest.mark.qt_log_ignore(RAISE_NOISE)
def test_session_statistics_count_articles_reviewed_in_an_earlier_sitting_and_find_says_what_it_skipped(
    qtbot: Any, tmp_path: Path
) -> None:
    from editor.gui.main_window import MainWindow
    from editor.gui.settings import Settings

    folder = tmp_path / "corpus"
    folder.mkdir()
    for n in range(3):
        (folder / f"{n}.txt").write_text(f"Article {n} : le le texte , ici à Strasbourg.\n", encoding="utf-8")
    w = MainWindow(Settings())
    qtbot.addWidget(w)
    w.show()
    open_and_wait(qtbot, w, [str(folder)])
    w.show_article(1)
    qtbot.waitUntil(lambda: w.review is not None and w.current == 1, timeout=30_000)
    w.select_item(w.review.pending()[0].id)
    w.reject()
    w.show_article(0)
    qtbot.waitUntil(lambda: w.review is not None and w.current == 0, timeout=30_000)
    w.close()

    w2 = MainWindow(Settings())
    qtbot.addWidget(w2)
    w2.show()
    w2.open_paths([str(folder)])
    qtbot.waitUntil(lambda: w2.current == 0 and w2.review is not None, timeout=30_000)
    qtbot.waitUntil(lambda: len(w2.docs) == 3, timeout=30_000)
    assert w2.docs[1].review is None  # not analysed in this sitting
    dialog = w2.corpus.statistics()
    dialog.scope.setCurrentIndex(1)
    assert dialog.stats.total["rejected"] == 1
    assert dialog.stats.articles_unanalysed == 1  # article 2 was never reviewed
    assert "1 not analysed yet" in dialog.summary.text()
    dialog.close()

    w2.corpus.find_everywhere()
    find = w2.find_dialog
    find.find_edit.setText("Strasbourg")
    when_modal(lambda preview: preview.reject())
    with qtbot.waitSignal(find.searchFinished, timeout=20_000):
        find.find_next()
    assert "2 article(s) not analysed yet (or read-only) were not searched" in find.message()
    find.close()
    w2.close()
