"""The window leaves no session behind when there is nothing to keep."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def test_opening_a_path_that_does_not_exist_creates_no_session_file(qtbot: Any, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QMessageBox

    from editor.gui.main_window import MainWindow
    from editor.gui.settings import Settings

    w = MainWindow(Settings())
    qtbot.addWidget(w)
    w.show()
    w.open_paths([str(tmp_path / "missing.txt")], None)
    qtbot.waitUntil(lambda: not w.jobs.is_running("load"), timeout=60_000)
    qtbot.waitUntil(lambda: any(b.isVisible() for b in w.findChildren(QMessageBox)), timeout=30_000)
    assert w.session is not None
    assert list(tmp_path.iterdir()) == []  # no session, WAL, shared-memory or lock file
    for box in w.findChildren(QMessageBox):
        box.close()
    w.close()
    w.jobs.shutdown()
    assert list(tmp_path.iterdir()) == []
