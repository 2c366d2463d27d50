"""run_gui end to end in a child process: the window opens the files given, and closing it never waits for a
background analysis (the session is already committed)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path


def test_run_gui_opens_and_closes_promptly_during_a_long_analysis(tmp_path: Path, sample_text: str) -> None:
    src = tmp_path / "long.txt"
    src.write_text("\n\n".join([sample_text] * 150), encoding="utf-8")
    script = textwrap.dedent(
        """
        import argparse, sys
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from editor.gui.app import run_gui
        from editor.gui.main_window import MainWindow

        def close():
            for w in QApplication.topLevelWidgets():
                if isinstance(w, MainWindow):
                    print("shown", len(w.raw.text()), "reviewed" if w.review is not None else "analysing", flush=True)
                    w.close()

        QTimer.singleShot(1500, close)
        sys.exit(run_gui(argparse.Namespace(paths=[sys.argv[1]], session=None, lang="auto", encoding=None)))
        """
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, "-c", script, str(src)], capture_output=True, text=True, timeout=120, env=env, cwd=tmp_path
    )
    assert proc.returncode == 0, proc.stderr
    assert f"shown {len(src.read_text(encoding='utf-8'))}" in proc.stdout
    assert (tmp_path / "long.txt.galley").exists()  # the session was created beside the file and closed
    assert "Traceback" not in proc.stderr
