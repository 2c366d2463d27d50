"""Workers: results come back on the GUI thread, stale ones are dropped, cancel stops a job."""

from __future__ import annotations

import threading
import time
from typing import Any

from editor.gui.workers import JobRunner


def test_result_arrives_and_stale_results_are_dropped(qtbot: Any) -> None:
    runner = JobRunner()
    got: list[tuple[str, object]] = []
    runner.done.connect(lambda kind, _job, value: got.append((kind, value)))
    gate = threading.Event()

    def slow(value: int) -> int:
        gate.wait(5)
        return value

    runner.submit("recheck", slow, value=1)  # stale as soon as the next one is submitted
    runner.submit("recheck", lambda value: value, value=2)
    gate.set()
    qtbot.waitUntil(lambda: got == [("recheck", 2)])
    assert runner.wait(5000)
    qtbot.wait(50)
    assert got == [("recheck", 2)]
    runner.shutdown()


def test_cancel_stops_a_job_that_reports_progress(qtbot: Any) -> None:
    runner = JobRunner()
    seen: list[int] = []
    ended: list[str] = []
    runner.progress.connect(lambda _k, _j, done, _total: seen.append(done))
    runner.done.connect(lambda *a: ended.append("done"))
    runner.cancelled.connect(lambda *a: ended.append("cancelled"))

    def long_job(progress: Any, cancel: threading.Event) -> int:
        for i in range(1000):
            if cancel.is_set():
                return -1
            progress(i, 1000)
            time.sleep(0.002)
        return 1000

    runner.submit("export", long_job)
    qtbot.waitUntil(lambda: len(seen) > 3)
    runner.cancel("export")
    assert runner.wait(5000)
    qtbot.wait(50)
    assert ended == ["cancelled"]
    assert max(seen) < 999
    runner.shutdown()


def test_errors_are_reported_not_raised(qtbot: Any) -> None:
    runner = JobRunner()
    errors: list[str] = []
    runner.error.connect(lambda _k, _j, message: errors.append(message))

    def boom() -> None:
        raise ValueError("bad input")

    runner.submit("analyse", boom)
    qtbot.waitUntil(lambda: errors == ["ValueError: bad input"])
    runner.shutdown()
