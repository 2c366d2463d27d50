"""A second window on a session another window holds shows that session's work, read-only.

Two real windows in one process: the first reviews (decides, types), the second opens the same file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMessageBox

from tests.gui.conftest import open_and_wait
from tests.gui.test_main_window import type_text


def _second_window(qtbot: Any) -> Any:
    from editor.gui.main_window import MainWindow
    from editor.gui.settings import Settings

    w = MainWindow(Settings())
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def _statuses(review: Any) -> dict[int, str]:
    return {it.id: str(it.status) for it in review.items}


def test_second_window_shows_the_sessions_decisions_and_text_read_only(
    qtbot: Any, window: Any, tmp_path: Path, sample_text: str
) -> None:
    src = tmp_path / "a.txt"
    src.write_text(sample_text, encoding="utf-8")
    open_and_wait(qtbot, window, [str(src)])
    first = window.review
    fessenheim = next(it for it in first.pending() if it.text == "Fessenheim")
    window.select_item(fessenheim.id)
    window.reject()
    quote = next(it for it in first.pending() if it.rule == "typography.straight-quotes")
    window.select_item(quote.id)
    window.accept_suggestion(1)
    pos = window.clean.text().index("pionnière")
    window.clean.set_cursor_position(pos)
    window.activateWindow()
    window.clean.setFocus()
    type_text(window.clean, "vraiment ")
    window.keeper.flush_typing()
    qtbot.waitUntil(lambda: not window.session.has_pending, timeout=5000)
    assert "vraiment pionnière" in first.cleaned

    second = _second_window(qtbot)
    try:
        open_and_wait(qtbot, second, [str(src)])
        review = second.review
        # the session's state, not the bare source
        assert review.cleaned == first.cleaned
        assert second.clean.text() == first.cleaned
        assert str(review.item(fessenheim.id).status) == "rejected"
        assert str(review.item(quote.id).status) == "accepted"
        assert _statuses(review) == _statuses(first)
        assert "1 accepted · 1 rejected" in second.counts_label.text()
        # read-only, and said so
        assert second.session is not None and second.session.readonly
        assert second.saved_label.text().startswith("Read-only")
        assert second.banner.isVisible() and "another Galley window" in second.banner.text()
        assert second.clean.isReadOnly()
        boxes = [b for b in second.findChildren(QMessageBox) if b.isVisible()]
        assert any("read-only" in b.informativeText() for b in boxes)
        for b in boxes:
            b.close()
        pending = review.pending()[0]
        second.select_item(pending.id)
        second.reject()
        assert str(review.item(pending.id).status) == "pending"
        assert "Read-only" in second.statusBar().currentMessage()
        assert pending.id not in {d.item_id for d in window.session.decisions()}
    finally:
        second.close()
