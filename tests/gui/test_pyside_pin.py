"""PITFALLS 0: PySide6 6.12.0 on Python 3.11 takes a reference from None on every void Qt call and aborts."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import PySide6


def test_not_the_broken_pyside_on_python_311() -> None:
    if sys.version_info[:2] == (3, 11):
        assert not PySide6.__version__.startswith("6.12.0"), "PySide6 6.12.0 aborts on Python 3.11 (PITFALLS 0)"


def test_twenty_thousand_void_qt_calls_keep_none_alive() -> None:
    script = textwrap.dedent(
        """
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtCore import QObject
        from PySide6.QtGui import QTextCharFormat
        before = sys.getrefcount(None)
        obj = QObject()
        for i in range(10_000):
            fmt = QTextCharFormat()
            fmt.setFontUnderline(True)
            obj.setObjectName("x")
        after = sys.getrefcount(None)
        print(before - after)
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert int(proc.stdout.strip()) < 1000, "void Qt calls leak references to None"
