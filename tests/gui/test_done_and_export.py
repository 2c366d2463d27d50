"""Nothing unreviewed leaves silently: Ctrl+D asks when findings are pending, export says what is not done.

The questions are answered by clicking the real buttons of the real dialogs, as a user would.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from editor.gui.dialogs.export import ExportDialog
from tests.gui.conftest import open_and_wait


def _answer_when_shown(button: str, seen: list[str]) -> None:
    """Click `button` (an object name) of the modal question as soon as it is shown; record what it said."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(box.text() + "\n" + box.informativeText())
        target = box.findChild(QPushButton, button)
        assert target is not None
        target.click()

    QTimer.singleShot(0, click)


def _articles(folder: Path, texts: list[str]) -> None:
    for n, text in enumerate(texts):
        (folder / f"{n}.txt").write_text(text, encoding="utf-8")


def _ctrl_d(window: Any) -> None:
    QTest.keyClick(window.clean, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)


def test_ctrl_d_with_pending_findings_asks_and_keep_reviewing_keeps_the_article(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    _articles(tmp_path, ["Article un : le le texte.\n", "Article deux.\n"])
    open_and_wait(qtbot, window, [str(tmp_path)])
    seen: list[str] = []
    _answer_when_shown("keepReviewing", seen)
    _ctrl_d(window)
    assert seen and "pending" in seen[0] and "repetition.doubled-word" in seen[0]
    assert window.current == 0
    assert window.docs[0].status != "done"
    assert window.session.article_record(window.docs[0].aid).status != "done"
    assert "Not marked done" in window.statusBar().currentMessage()


def test_ctrl_d_done_anyway_marks_it_and_moves_on(qtbot: Any, window: Any, tmp_path: Path) -> None:
    _articles(tmp_path, ["Article un : le le texte.\n", "Article deux.\n"])
    open_and_wait(qtbot, window, [str(tmp_path)])
    seen: list[str] = []
    _answer_when_shown("doneAnyway", seen)
    _ctrl_d(window)
    assert seen
    assert window.session.article_record(window.docs[0].aid).status == "done"
    assert window.current == 1


def test_ctrl_d_with_nothing_pending_does_not_ask(qtbot: Any, window: Any, tmp_path: Path) -> None:
    _articles(tmp_path, ["Le chien dort paisiblement dans la maison.\n", "Le chat dort paisiblement dans le jardin.\n"])
    open_and_wait(qtbot, window, [str(tmp_path)])
    assert not window.review.pending()
    asked: list[object] = []
    window.confirm_done = lambda _parent, pending: asked.append(pending) or False
    _ctrl_d(window)
    assert not asked
    assert window.session.article_record(window.docs[0].aid).status == "done"


def test_export_dialog_says_how_many_articles_are_not_done_and_offers_the_report(qtbot: Any, tmp_path: Path) -> None:
    dialog = ExportDialog(None, str(tmp_path), not_done=2, total=3)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.not_done.isVisible() and "2 of 3" in dialog.not_done.text()
    assert dialog.choice().report is None
    dialog.report.setCurrentIndex(dialog.report.findData(".csv"))
    assert dialog.choice().report == str(tmp_path / "galley-report.csv")
    all_done = ExportDialog(None, str(tmp_path), not_done=0, total=3)
    qtbot.addWidget(all_done)
    all_done.show()
    assert not all_done.not_done.isVisible()


def test_export_counts_articles_not_files_and_writes_the_report(qtbot: Any, window: Any, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        "".join(json.dumps({"text": f"Article {n} : le le texte."}, ensure_ascii=False) + "\n" for n in range(3)),
        encoding="utf-8",
    )
    open_and_wait(qtbot, window, [str(corpus)])
    qtbot.waitUntil(lambda: len(window.docs) == 3, timeout=30_000)
    out = tmp_path / "out"
    report = out / "galley-report.html"
    window.exporting.start(str(out), "jsonl", report=str(report))
    qtbot.waitUntil(lambda: "Exported" in window.statusBar().currentMessage(), timeout=30_000)
    message = window.statusBar().currentMessage()
    assert "Exported 3 article(s) in 1 file(s)" in message, message
    assert report.is_file() and "<table" in report.read_text(encoding="utf-8")
