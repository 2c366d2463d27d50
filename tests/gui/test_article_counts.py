"""The article list counts what waits in every article, opened or not, and filters on "has pending"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.gui.conftest import open_and_wait

CLEAN = "Le conseil municipal se réunit jeudi.\n\nIl votera le budget de la commune.\n"


def test_counts_of_unopened_articles_arrive_in_the_background_and_filter(
    qtbot: Any, window: Any, tmp_path: Path, sample_text: str
) -> None:
    from editor.core.pending import pending_count

    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(sample_text, encoding="utf-8")
    (folder / "b.txt").write_text(CLEAN, encoding="utf-8")
    (folder / "c.txt").write_text(sample_text.replace("Selenskyj", "Zelensky"), encoding="utf-8")
    open_and_wait(qtbot, window, [str(folder)])
    qtbot.waitUntil(lambda: len(window.docs) == 3)
    model = window.articles.model
    # the two articles not opened get their counts without being opened (no review is built in the window)
    qtbot.waitUntil(lambda: all(model.row(i).pending is not None for i in range(3)), timeout=60_000)
    assert window.docs[1].review is None and window.docs[2].review is None
    config = window.config()
    for i in (1, 2):
        assert model.row(i).pending == pending_count(window.docs[i].article, config, None)
    assert model.row(0).pending == len([it for it in window.review.pending() if window.view.shown(it)])
    assert model.row(1).pending == 0 < model.row(2).pending < model.row(0).pending
    assert "pending" in str(model.index(2, 0).data())

    articles = window.articles
    window.articles_dock.show()
    qtbot.mouseClick(articles.only_pending, Qt.MouseButton.LeftButton)
    assert articles.only_pending.isChecked()
    assert articles.shown_rows() == [0, 2]  # the article with nothing pending is hidden
    # choosing from the filtered list opens the right article
    articles.view.setFocus()
    articles.view.setCurrentIndex(articles.proxy.index(1, 0))
    QTest.keyClick(articles.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current == 2 and window.review is not None, timeout=60_000)
    # deciding every pending finding drops the article from the filtered list
    for it in list(window.review.pending()):
        window.review.reject(it.id)
    window.reviews.commit_decision(None)
    qtbot.waitUntil(lambda: articles.shown_rows() == [0])
    QTest.keyClick(articles.only_pending, Qt.Key.Key_Space)
    assert articles.shown_rows() == [0, 1, 2]
