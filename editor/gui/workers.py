"""Work off the GUI thread: loading, analysis, paragraph re-checks, export.

Each job runs a plain function in a `QThreadPool` and reports back through Qt signals (queued onto the GUI
thread). Jobs belong to a *kind* ("analyse", "recheck", "load", ...); submitting a new job of a kind makes the
older ones stale, and their results are dropped on arrival, so a slow answer never overwrites a newer one.
A job that accepts a `cancel` event can be stopped; one that accepts `progress` reports (done, total).
"""

from __future__ import annotations

import inspect
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

# How long a thread running Python keeps the interpreter lock when another thread asks for it. The GUI thread takes
# the lock back several times per keystroke (each event a Python method handles); at Python's default of 5 ms, a
# worker running Python (loading the checking machinery, a re-check) made each of those wait up to 5 ms, and a
# keystroke 20-40 ms. The worker loses nothing while the GUI thread is idle: the lock only changes hands on request.
# 1 ms rather than less: on a loaded machine each hand-over also waits for a core (keystroke p95 with five processes
# on two cores: 0.5 ms 40-43, 1 ms 28-32, 2 ms 26-41, 5 ms 55-57 ms).
SWITCH_INTERVAL_S = 0.001


class Cancelled(Exception):
    """Raised by a job function that noticed its cancel event."""


@dataclass
class _JobState:
    kind: str
    cancel: threading.Event = field(default_factory=threading.Event)


class _Signals(QObject):
    finished = Signal(int, object)
    failed = Signal(int, str)
    progress = Signal(int, int, int)
    partial = Signal(int, object)


class _Job(QRunnable):
    def __init__(self, job_id: int, fn: Callable[..., Any], kwargs: dict[str, Any], signals: _Signals) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._id = job_id
        self._fn = fn
        self._kwargs = kwargs
        self._signals = signals

    def run(self) -> None:
        try:
            result = self._fn(**self._kwargs)
        except Cancelled:
            self._signals.failed.emit(self._id, "")
        except Exception as e:  # a worker must never take the window down
            detail = "".join(traceback.format_exception_only(type(e), e)).strip()
            self._signals.failed.emit(self._id, detail)
        else:
            self._signals.finished.emit(self._id, result)


class JobRunner(QObject):
    """Submits jobs, numbers them, drops stale results and relays progress.

    Signals carry (kind, job_id, ...) and are only emitted for the newest job of each kind.
    """

    done = Signal(str, int, object)
    error = Signal(str, int, str)
    cancelled = Signal(str, int)
    progress = Signal(str, int, int, int)
    partial = Signal(str, int, object)

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        sys.setswitchinterval(min(sys.getswitchinterval(), SWITCH_INTERVAL_S))
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._next_id = 0
        self._jobs: dict[int, _JobState] = {}
        self._latest: dict[str, int] = {}
        self._signals = _Signals()
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        self._signals.progress.connect(self._on_progress)
        self._signals.partial.connect(self._on_partial)

    def submit(self, kind: str, fn: Callable[..., Any], **kwargs: Any) -> int:
        """Run fn(**kwargs) in the pool.

        If fn takes `cancel` it gets a threading.Event; `progress` a callback (done, total); `partial` a callback
        that streams intermediate results (each arrives as a `partial` signal, in order, before `done`).
        """
        self._next_id += 1
        job_id = self._next_id
        old = self._latest.get(kind)
        if old is not None and old in self._jobs:
            self._jobs[old].cancel.set()
        state = _JobState(kind)
        self._jobs[job_id] = state
        self._latest[kind] = job_id
        params = inspect.signature(fn).parameters
        if "cancel" in params:
            kwargs["cancel"] = state.cancel
        if "progress" in params:
            signals = self._signals

            def report(done: int, total: int) -> None:
                if state.cancel.is_set():
                    raise Cancelled
                signals.progress.emit(job_id, done, total)

            kwargs["progress"] = report
        if "partial" in params:
            signals = self._signals

            def stream(value: object) -> None:
                if state.cancel.is_set():
                    raise Cancelled
                signals.partial.emit(job_id, value)

            kwargs["partial"] = stream
        self._pool.start(_Job(job_id, fn, kwargs, self._signals))
        return job_id

    def latest(self, kind: str) -> int | None:
        return self._latest.get(kind)

    def is_running(self, kind: str) -> bool:
        job = self._latest.get(kind)
        return job is not None and job in self._jobs

    def cancel(self, kind: str) -> None:
        """Ask the newest job of `kind` to stop; whatever it returns later is dropped."""
        job = self._latest.pop(kind, None)
        if job is not None and job in self._jobs:
            self._jobs[job].cancel.set()
            self.cancelled.emit(kind, job)

    def wait(self, msecs: int = -1) -> bool:
        """Block until every job ended (tests and shutdown)."""
        return bool(self._pool.waitForDone(msecs))

    def shutdown(self, wait: bool = True) -> None:
        """Cancel everything; with wait=False return at once (a job that cannot be interrupted, like a long
        analysis, is left to finish or to die with the process: its result is dropped either way)."""
        for state in self._jobs.values():
            state.cancel.set()
        self._latest.clear()
        self._pool.clear()
        if wait:
            self._pool.waitForDone()

    def active(self) -> int:
        """Jobs still running in the pool."""
        return int(self._pool.activeThreadCount())

    def _current(self, job_id: int) -> str | None:
        state = self._jobs.get(job_id)
        if state is None or self._latest.get(state.kind) != job_id:
            return None
        return state.kind

    def _on_finished(self, job_id: int, result: object) -> None:
        kind = self._current(job_id)
        self._jobs.pop(job_id, None)
        if kind is not None:
            del self._latest[kind]
            self.done.emit(kind, job_id, result)

    def _on_failed(self, job_id: int, message: str) -> None:
        kind = self._current(job_id)
        self._jobs.pop(job_id, None)
        if kind is not None:
            del self._latest[kind]
            if message:
                self.error.emit(kind, job_id, message)
            else:
                self.cancelled.emit(kind, job_id)

    def _on_progress(self, job_id: int, done: int, total: int) -> None:
        kind = self._current(job_id)
        if kind is not None:
            self.progress.emit(kind, job_id, done, total)

    def _on_partial(self, job_id: int, value: object) -> None:
        kind = self._current(job_id)
        if kind is not None:
            self.partial.emit(kind, job_id, value)
