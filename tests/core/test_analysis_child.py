"""The separate analysis process of a long article ends with the process that started it, even after kill -9: an
orphaned analysis would hold a core for minutes with nobody to read its result."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.processes import alive, descendants

REPO = Path(__file__).resolve().parents[2]

# The window's side, reduced to what starts the analysis process: it says "S" once the analysis reports progress.
PARENT = r"""
import sys
sys.path.insert(0, {benchmarks!r})
import threading
import generate
from editor.core.analysis import PROCESS_ABOVE, analyse_maybe_in_process
from editor.core.article import Article
from editor.core.rules.base import CheckConfig

text = generate.article(70_000, seed=7, bundled=True)
assert len(text) > PROCESS_ABOVE
said = []
def report(done, total, found):
    if not said:
        said.append(1)
        print("S", flush=True)
analyse_maybe_in_process(Article(text=text), CheckConfig(), None, threading.Event(), report)
print("DONE", flush=True)
"""


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc to find the child processes")
def test_the_analysis_process_ends_when_its_parent_is_killed() -> None:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    code = PARENT.format(benchmarks=str(REPO / "benchmarks"))
    parent = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO, env=env
    )
    kids: list[int] = []
    try:
        assert parent.stdout is not None
        line = parent.stdout.readline().strip()
        assert line == "S", f"the analysis did not start: {line!r} {parent.stderr.read() if parent.stderr else ''}"
        kids = descendants(parent.pid)
        assert kids, "no analysis process was started"
        parent.send_signal(signal.SIGKILL)
        parent.wait(timeout=30)
        # generous: a loaded machine may take a while to schedule the exit; the analysis itself takes far longer
        end = time.monotonic() + 30
        while any(alive(k) for k in kids) and time.monotonic() < end:
            time.sleep(0.05)
        survivors = [k for k in kids if alive(k)]
        assert not survivors, f"analysis processes outlived the window: {survivors}"
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()
        for k in kids:  # never leave a stray process behind, even when the test fails
            try:
                os.kill(k, signal.SIGKILL)
            except ProcessLookupError:
                pass
