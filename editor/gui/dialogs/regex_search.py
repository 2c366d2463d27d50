"""Regular-expression search that a pathological pattern cannot freeze.

Python's `re` cannot be interrupted and holds the GIL while it matches, so a worker *thread* would freeze the
window just the same on `(a+)+$`. The search therefore runs in a child process that the dialog can kill when it
exceeds its time budget. The child is started once (a fresh interpreter, so no Qt state is inherited) and
reused, so a search costs only the transfer of the text. Plain-text (literal) searches are linear and stay in-process.

This module imports no Qt: the child process imports it alone.
"""

from __future__ import annotations

import os
import pickle
import queue
import re
import struct
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

MAX_MATCHES = 100_000


@dataclass(frozen=True, slots=True)
class Query:
    pattern: str
    regex: bool = False
    case_sensitive: bool = False
    whole_words: bool = False
    template: str | None = None  # replacement; with `regex`, \1 and \g<name> refer to groups

    def compiled(self) -> re.Pattern[str]:
        """The pattern to run; raises `re.error` with a message fit for people when it is invalid."""
        body = self.pattern if self.regex else re.escape(self.pattern)
        if self.whole_words:
            body = rf"(?<!\w)(?:{body})(?!\w)"
        flags = re.MULTILINE | (0 if self.case_sensitive else re.IGNORECASE)
        return re.compile(body, flags)


@dataclass(frozen=True, slots=True)
class Result:
    matches: tuple[tuple[int, int, str | None], ...]  # (start, end, replacement) in code points, non-empty
    truncated: bool = False
    error: str | None = None


def find_all(query: Query, text: str, limit: int = MAX_MATCHES) -> Result:
    """Every non-empty match, with its expanded replacement when the query has one."""
    try:
        rx = query.compiled()
    except re.error as e:
        return Result((), error=str(e))
    out: list[tuple[int, int, str | None]] = []
    try:
        for m in rx.finditer(text):
            if m.end() == m.start():
                continue
            if len(out) >= limit:
                return Result(tuple(out), truncated=True)
            if query.template is None:
                repl = None
            elif query.regex:
                repl = m.expand(query.template)
            else:
                repl = query.template
            out.append((m.start(), m.end(), repl))
    except (re.error, IndexError) as e:  # a bad group reference in the replacement
        return Result((), error=str(e))
    return Result(tuple(out))


def _fields(query: Query) -> tuple[Any, ...]:
    """Plain data only crosses the pipe: the child runs this module as __main__, so its classes differ."""
    return (query.pattern, query.regex, query.case_sensitive, query.whole_words, query.template)


def _read_frame(stream: IO[bytes]) -> Any:
    header = stream.read(8)
    if len(header) < 8:
        raise EOFError
    (size,) = struct.unpack("!Q", header)
    payload = stream.read(size)
    if len(payload) < size:
        raise EOFError
    return pickle.loads(payload)


def _write_frame(stream: IO[bytes], value: Any) -> None:
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(struct.pack("!Q", len(payload)) + payload)
    stream.flush()


CPU_BUDGET = 20  # seconds of CPU one search may use in the child before the kernel ends it


def _limit_cpu() -> None:
    """Safety net when the editor is gone (killed mid-search): the kernel stops a runaway search by CPU time.

    The editor kills the child after its own timeout; this only matters if nobody is left to do it.
    """
    try:
        import resource
    except ImportError:  # not on POSIX: the editor's kill is the only limit
        return
    try:
        used = resource.getrusage(resource.RUSAGE_SELF)
        spent = int(used.ru_utime + used.ru_stime) + 1
        _soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
        soft = spent + CPU_BUDGET
        if hard != resource.RLIM_INFINITY:
            soft = min(soft, hard)
        resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))
    except (OSError, ValueError):
        pass


def _serve(inp: IO[bytes], out: IO[bytes]) -> None:
    """The child's loop: one (job, query, text) in, one (job, result) out, until the pipe closes."""
    while True:
        try:
            message = _read_frame(inp)
        except (EOFError, OSError, pickle.UnpicklingError):
            return
        if message is None:
            return
        job, fields, text = message
        query = Query(*fields)
        _limit_cpu()
        try:
            result = find_all(query, text)
        except Exception as e:  # report any failure to the dialog instead of dying silently
            result = Result((), error=str(e))
        try:
            _write_frame(out, (job, (result.matches, result.truncated, result.error)))
        except OSError:
            return


class Searcher:
    """Runs `find_all` in a killable child process; poll it from a timer, never block on it.

    The child is a plain `python -m editor.gui.dialogs.regex_search` talking pickled frames over its standard
    pipes (not `multiprocessing`, whose spawn mode re-imports the caller's main script). A reader thread turns
    the child's answers into queue items, so `poll()` never blocks.
    """

    def __init__(self, timeout: float = 2.0) -> None:
        self.timeout = timeout
        self._proc: subprocess.Popen[bytes] | None = None
        self._answers: queue.Queue[tuple[int, Result] | None] = queue.Queue()
        self._job = 0
        self._pending: int | None = None
        self._started_at = 0.0

    @property
    def busy(self) -> bool:
        return self._pending is not None

    def submit(self, query: Query, text: str) -> int:
        """Start a search; the previous one, if still running, is abandoned (its answer will be ignored)."""
        if self._pending is not None:
            # The child is still busy with an older search: restart it rather than queue behind it.
            self._kill()
        proc = self._ensure_started()
        self._job += 1
        assert proc.stdin is not None
        try:
            _write_frame(proc.stdin, (self._job, _fields(query), text))
        except OSError:
            self._kill()
            proc = self._ensure_started()
            assert proc.stdin is not None
            _write_frame(proc.stdin, (self._job, _fields(query), text))
        self._pending = self._job
        self._started_at = time.monotonic()
        return self._job

    def poll(self) -> tuple[int, Result] | None:
        """The finished search, a timeout `Result` after `timeout` seconds, or None while it runs."""
        if self._pending is None:
            return None
        while True:
            try:
                answer = self._answers.get_nowait()
            except queue.Empty:
                break
            if answer is None:  # the child died
                job = self._pending
                self._kill()
                return job, Result((), error="search process ended unexpectedly")
            if answer[0] == self._pending:
                self._pending = None
                return answer
        if time.monotonic() - self._started_at > self.timeout:
            job = self._pending
            self._kill()
            return job, Result((), error="timeout")
        return None

    def wait(self, timeout: float | None = None) -> tuple[int, Result] | None:
        """Block until the pending search ends (tests and scripts; the dialog polls instead)."""
        deadline = time.monotonic() + (self.timeout + 5 if timeout is None else timeout)
        while time.monotonic() < deadline:
            answer = self.poll()
            if answer is not None or self._pending is None:
                return answer
            time.sleep(0.005)
        return None

    def close(self) -> None:
        self._kill()

    def _ensure_started(self) -> subprocess.Popen[bytes]:
        if self._proc is not None and self._proc.poll() is None:
            return self._proc
        package_root = str(Path(__file__).resolve().parents[3])
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH", "")) if p)
        proc = subprocess.Popen(
            [sys.executable, "-m", "editor.gui.dialogs.regex_search"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        answers: queue.Queue[tuple[int, Result] | None] = queue.Queue()
        self._answers = answers

        def read() -> None:
            assert proc.stdout is not None
            try:
                while True:
                    job, (matches, truncated, error) = _read_frame(proc.stdout)
                    answers.put((job, Result(matches, truncated, error)))
            except Exception:  # EOF, a killed child, a garbled frame: all mean "no answer"
                answers.put(None)

        threading.Thread(target=read, name="galley-regex-reader", daemon=True).start()
        self._proc = proc
        return proc

    def _kill(self) -> None:
        proc, self._proc = self._proc, None
        self._pending = None
        if proc is None:
            return
        if proc.poll() is None:
            proc.kill()
        proc.wait(5)
        for stream in (proc.stdin, proc.stdout):
            if stream is not None:
                try:
                    stream.close()
                except OSError:
                    pass


if __name__ == "__main__":
    _serve(sys.stdin.buffer, sys.stdout.buffer)
