"""The re-check process of a long article is forked by its analysis process once that is warm: the window adopts it
with nothing to load, it serves re-checks after the analysis process has ended, and it never outlives its use (the
window lets go of it, kills nothing else, is killed itself, or the analysis is cancelled before it was adopted)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from editor.core import analysis
from editor.core.article import Article
from editor.core.recheck_server import RecheckServer
from editor.core.rules.base import CheckConfig
from tests.processes import alive, descendants

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="finds the processes through /proc, which only Linux has"
)

REPO = Path(__file__).resolve().parents[2]
TEXT = "\n\n".join(
    f"Le gouvernement a présenté mardi le projet numéro {i} , selon le ministre. Les syndicats ont répondu."
    for i in range(60)
)


def _cmdline(pid: int) -> str:
    return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()


def _gone_within(pid: int, seconds: float) -> bool:
    end = time.monotonic() + seconds
    while alive(pid) and time.monotonic() < end:
        time.sleep(0.05)
    return not alive(pid)


def test_the_analysis_process_leaves_a_warm_recheck_process_that_serves_after_it_ended(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(analysis, "PROCESS_ABOVE", 1000)
    article = Article(text=TEXT, title="Long", source="long.txt")
    config = CheckConfig()
    analysis.prestart(article, config)
    review, _ = analysis.analyse_maybe_in_process(article, config, None, threading.Event())
    assert review.items
    server = RecheckServer("fr", config)
    try:
        pid = server.proc.pid
        # a fork of the analysis process (its command line), not a second interpreter loading everything again
        assert "child_main" in _cmdline(pid)
        assert pid not in descendants(os.getpid())  # the analysis process that forked it has ended
        found = server.recheck([(0, 31, "Le présidnet a parlé au peuple.")], "fr", config, None)
        assert any(f.text == "présidnet" for _s, _e, fs in found for f in fs)
        assert server.served == 1
    finally:
        server.close()
    assert _gone_within(pid, 10), "the re-check process outlived the window's hold on it"


def test_a_cancelled_analysis_leaves_no_recheck_process_behind(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(analysis, "PROCESS_ABOVE", 1000)
    article = Article(text=TEXT * 40, title="Long", source="long.txt")
    analysis.prestart(article, CheckConfig())
    assert analysis._spare is not None
    spare = analysis._spare[0].pid
    cancel = threading.Event()
    forked: list[int] = []

    def watch() -> None:  # cancel once the spare has forked the re-check process
        end = time.monotonic() + 60
        while not forked and time.monotonic() < end:
            forked.extend(p for p in descendants(spare) if "child_main" in _cmdline(p))
            time.sleep(0.02)
        cancel.set()

    watcher = threading.Thread(target=watch)
    watcher.start()
    with pytest.raises(analysis.AnalysisCancelled):
        analysis.analyse_maybe_in_process(article, CheckConfig(), None, cancel)
    watcher.join()
    assert forked, "the spare analysis process forked no re-check process"
    assert all(_gone_within(pid, 10) for pid in forked), "a re-check process outlived its cancelled analysis"
    assert analysis.take_server() is None


def test_a_recheck_process_nobody_adopts_ends_with_its_analysis_process(monkeypatch: pytest.MonkeyPatch) -> None:
    # A spare analysis process ends without a job (none came in time, or it broke): the re-check process it
    # forked ends too, although the window still holds its end of the socket.
    monkeypatch.setattr(analysis, "PROCESS_ABOVE", 1000)
    analysis.prestart(Article(text=TEXT, title="Long", source="long.txt"), CheckConfig())
    assert analysis._spare is not None
    spare = analysis._spare[0]
    forked: list[int] = []
    end = time.monotonic() + 60
    while not forked and time.monotonic() < end:
        forked.extend(p for p in descendants(spare.pid) if "child_main" in _cmdline(p))
        time.sleep(0.02)
    assert forked, "the spare analysis process forked no re-check process"
    spare.kill()
    spare.wait()
    assert _gone_within(forked[0], 10), "a re-check process nobody adopted outlived its analysis process"
    assert analysis._take_spare("no job") is None  # the window lets go of the dead spare and its socket


def test_where_no_process_can_be_forked_the_window_starts_its_own_recheck_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Systems without fork() and sockets handed to a child (Windows): the spare analysis process forks nothing,
    # and the window's re-check process is started on its own, as before.
    monkeypatch.setattr(analysis, "PROCESS_ABOVE", 1000)
    monkeypatch.setattr(analysis, "_CAN_FORK_SERVER", False)
    article = Article(text=TEXT, title="Long", source="long.txt")
    analysis.prestart(article, CheckConfig())
    review, _ = analysis.analyse_maybe_in_process(article, CheckConfig(), None, threading.Event())
    assert review.items
    assert analysis.take_server() is None
    server = RecheckServer("fr", CheckConfig())
    try:
        assert server.proc.pid in descendants(os.getpid())  # started by the window, not adopted
        found = server.recheck([(0, 13, "Un présidnet.")], "fr", CheckConfig(), None)
        assert any(f.text == "présidnet" for _s, _e, fs in found for f in fs)
    finally:
        server.close()


WINDOW = r"""
import threading
from editor.core import analysis
from editor.core.article import Article
from editor.core.recheck_server import RecheckServer
from editor.core.rules.base import CheckConfig
analysis.PROCESS_ABOVE = 1000
article = Article(text={text!r}, title="Long", source="long.txt")
analysis.prestart(article, CheckConfig())
analysis.analyse_maybe_in_process(article, CheckConfig(), None, threading.Event())
s = RecheckServer("fr", CheckConfig())
s.recheck([(0, 13, "Un présidnet.")], "fr", CheckConfig(), None)
print(s.proc.pid, flush=True)
import time
time.sleep(600)
"""


def test_the_forked_recheck_process_dies_with_the_window_even_after_kill_9() -> None:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    window = subprocess.Popen(
        [sys.executable, "-c", WINDOW.format(text=TEXT)], stdout=subprocess.PIPE, text=True, cwd=REPO, env=env
    )
    try:
        assert window.stdout is not None
        pid = int(window.stdout.readline())
        assert alive(pid) and "child_main" in _cmdline(pid)
        window.send_signal(signal.SIGKILL)
        window.wait(timeout=30)
        assert _gone_within(pid, 30), "the re-check process outlived its window"
    finally:
        window.kill()
        window.wait()
