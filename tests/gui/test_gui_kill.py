"""The real window in a child process (offscreen) typing into an article under analysis, then killed with -9 or
asked to end with SIGTERM: reopened, the session shows every word typed (tests/gui/gui_child.py)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from tests.gui.conftest import open_and_wait
from tests.gui.test_typing import long_article
from tests.processes import alive, descendants

REPO = Path(__file__).resolve().parents[2]
CHILD = REPO / "tests" / "gui" / "gui_child.py"
WORDS = ["alpha", "bravo", "charlie", "delta", "écho", "foxtrot", "golf", "hôtel", "india", "juliette"]
SAVE_BOUND_S = 1.0  # typing reaches the session at most this long after the keystroke


class Child:
    def __init__(self, article: Path, session: Path, home: Path) -> None:
        env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
        for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
            env[var] = str(home / var.lower())
        self.proc = subprocess.Popen(
            [sys.executable, str(CHILD), str(article), str(session), *WORDS],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=REPO,
            env=env,
        )
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line.strip())

    def wait_for(self, prefix: str, timeout: float = 240.0) -> str:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            found = next((ln for ln in self.lines if ln.startswith(prefix)), None)
            if found is not None:
                return found
            assert self.proc.poll() is None, f"the child ended early: {self.stderr()}"
            time.sleep(0.02)
        raise AssertionError(f"no {prefix!r} from the child: {self.lines}")

    def descendants(self) -> list[int]:
        """The analysis process the window started, and its workers."""
        return descendants(self.proc.pid)

    def stderr(self) -> str:
        assert self.proc.stderr is not None
        return self.proc.stderr.read() if self.proc.poll() is not None else ""


def reopened_text(qtbot: Any, article: Path, session: Path) -> str:
    from editor.gui.main_window import MainWindow
    from editor.gui.settings import Settings

    w = MainWindow(Settings())
    qtbot.addWidget(w)
    w.show()
    open_and_wait(qtbot, w, [str(article)], str(session), timeout=240_000)
    text = str(w.clean.text())
    w.close()
    return text


@pytest.mark.slow
def test_kill_9_while_typing_during_the_analysis_loses_no_word(qtbot: Any, tmp_path: Path) -> None:
    article = tmp_path / "long.txt"
    long_article(article, 60_000)
    session = tmp_path / "long.galley"
    child = Child(article, session, tmp_path)
    child.wait_for("R")
    assert child.wait_for("TYPED") == "TYPED during", "the analysis ended before the typing did"
    time.sleep(SAVE_BOUND_S)
    analysed = "A" in child.lines
    kids = child.descendants()
    assert kids, "no analysis process was running"
    child.proc.send_signal(signal.SIGKILL)
    child.proc.wait(timeout=30)
    try:  # the analysis process (and its workers) end with the window, not run on orphaned
        end = time.monotonic() + 30
        while any(alive(k) for k in kids) and time.monotonic() < end:
            time.sleep(0.05)
        assert not [k for k in kids if alive(k)], "the analysis outlived the killed window"
    finally:
        for pid in kids:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
    assert not analysed, "the analysis ended before the kill: the kill did not happen during it"
    assert "Traceback" not in child.stderr()
    text = reopened_text(qtbot, article, session)
    assert text.startswith(" ".join(WORDS) + " ")


@pytest.mark.slow
def test_sigterm_closes_the_window_promptly_after_saving_the_typing(qtbot: Any, tmp_path: Path) -> None:
    article = tmp_path / "long.txt"
    long_article(article, 60_000)
    session = tmp_path / "long.galley"
    child = Child(article, session, tmp_path)
    child.wait_for("R")
    child.wait_for("TYPED")
    kids = child.descendants()
    asked = time.monotonic()
    child.proc.send_signal(signal.SIGTERM)
    status = child.proc.wait(timeout=60)
    took = time.monotonic() - asked
    for pid in kids:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    assert "CLOSED" in child.lines, f"the window did not close on SIGTERM (status {status}): {child.stderr()}"
    assert "Traceback" not in child.stderr()
    assert status == 0
    text = reopened_text(qtbot, article, session)
    assert text.startswith(" ".join(WORDS) + " ")
    print(f"SIGTERM to exit: {took:.2f} s")
