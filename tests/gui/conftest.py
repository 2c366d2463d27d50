"""GUI fixtures: a real MainWindow on the bundled sample, offscreen; workers drained at teardown."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog


@pytest.fixture
def window(qtbot: Any) -> Iterator[Any]:
    from editor.gui.main_window import MainWindow
    from editor.gui.settings import Settings

    w = MainWindow(Settings())
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()
    w.jobs.shutdown()


def open_and_wait(qtbot: Any, w: Any, paths: list[str], session: str | None = None, timeout: int = 60_000) -> None:
    """Open paths and wait until the first article's review is shown."""
    w.open_paths(paths, session)
    qtbot.waitUntil(lambda: w.review is not None and w.clean.text() == w.review.cleaned, timeout=timeout)
    qtbot.waitUntil(lambda: not w.jobs.is_running("load"), timeout=timeout)


def when_modal(action: Callable[[QDialog], None]) -> None:
    """Run `action` on the modal dialog once its exec() loop is running."""

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, run)
            return
        assert isinstance(dialog, QDialog)
        action(dialog)

    QTimer.singleShot(0, run)
