"""Fixes made in the core, checked where a person meets them: the window, and the command line it mirrors.

A source edited without changing its size or time stamp is noticed when reopened; exported files get the
permissions any new file gets (the umask, not 0600), from the window and from `galley export`; opening a path
that does not exist leaves nothing behind, from the window and from `galley check`.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMessageBox

from tests.gui.conftest import open_and_wait


def _new_window(qtbot: Any) -> Any:
    from editor.gui.main_window import MainWindow
    from editor.gui.settings import Settings

    w = MainWindow(Settings())
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def _galley(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "editor", *args], capture_output=True, text=True, cwd=cwd, timeout=300, check=False
    )


def test_an_edit_keeping_size_and_time_is_offered_for_reload_in_the_window(
    qtbot: Any, tmp_path: Path, sample_text: str
) -> None:
    src = tmp_path / "a.txt"
    src.write_text(sample_text, encoding="utf-8")
    first = _new_window(qtbot)
    open_and_wait(qtbot, first, [str(src)])
    first.select_item(next(it for it in first.review.pending() if it.text == "Fessenheim").id)
    first.reject()
    first.close()
    first.jobs.shutdown()

    before = src.stat()
    src.write_text(sample_text.replace("Fessenheim", "Fessenhein"), encoding="utf-8")  # same length
    os.utime(src, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (src.stat().st_size, src.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)

    second = _new_window(qtbot)
    try:
        open_and_wait(qtbot, second, [str(src)])
        qtbot.waitUntil(
            lambda: any(b.objectName() == "sourceChangedBox" for b in second.findChildren(QMessageBox)),
            timeout=10_000,
        )
        assert "Fessenheim" in second.raw.text()  # the session's version, with the work, until the person chooses
    finally:
        for box in second.findChildren(QMessageBox):
            box.close()
        second.close()
        second.jobs.shutdown()


def test_exports_follow_the_umask_from_the_window_and_the_cli(
    qtbot: Any, window: Any, tmp_path: Path, sample_text: str
) -> None:
    src = tmp_path / "a.txt"
    src.write_text(sample_text, encoding="utf-8")
    open_and_wait(qtbot, window, [str(src)])
    old = os.umask(0o022)
    try:
        out = tmp_path / "from-window"
        window.export(str(out), "txt")
        qtbot.waitUntil(lambda: "Exported" in window.statusBar().currentMessage(), timeout=30_000)
        assert "Exported 1 article(s)" in window.statusBar().currentMessage()
        exported = [p for p in out.iterdir() if p.is_file()]
        assert exported and all(stat.S_IMODE(p.stat().st_mode) == 0o644 for p in exported)
        session_file = window.session.path
        window.keeper.close()
        cli_out = tmp_path / "from-cli"
        done = _galley("export", str(session_file), "--output-dir", str(cli_out), cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        written = [p for p in cli_out.iterdir() if p.is_file()]
        assert written and all(stat.S_IMODE(p.stat().st_mode) == 0o644 for p in written)
    finally:
        os.umask(old)


def test_a_missing_path_leaves_nothing_behind_from_the_cli(tmp_path: Path) -> None:
    done = _galley("check", str(tmp_path / "missing.txt"), cwd=tmp_path)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr and "missing.txt" in (done.stderr + done.stdout)
    assert list(tmp_path.iterdir()) == []
