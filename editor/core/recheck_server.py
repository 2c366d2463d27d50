"""The paragraph re-check in a process of its own, for the editor's long articles. Qt-free, and so in the core.

Why: a long article is analysed in a separate process, so the window's process never loaded the checking
machinery (dictionaries, the suggestion index, the morphology, the bilingual dictionary). Loading it in a thread of
the window, and re-checking there, holds the interpreter lock the GUI thread needs for every keystroke: typing
stuttered for the second it took, and the first re-check waited for it. Here a fresh interpreter loads it once and
answers the re-checks; the window's job thread waits in a pipe read, which leaves the lock to the GUI thread.

The protocol: length-prefixed pickles both ways. The window sends ("warm", lang, config, sample) first, then
("recheck", snapshots, lang, config, url, language) requests, one at a time; each gets ("ok", [(start, end,
findings), ...], the paragraph rules' ids) or ("error", message, None). The end of its stdin ends the process at
once, and it dies with the window.
"""

from __future__ import annotations

import contextlib
import struct
import sys
import threading
from collections.abc import Sequence
from typing import IO, TYPE_CHECKING, Any

from editor.core.rules.base import CheckConfig

if TYPE_CHECKING:
    from editor.core.findings import Finding

_LENGTH = struct.Struct(">Q")
SAMPLE_CHARS = 20_000  # the start of an article the process tells its language from, when the window does not know

# (start, end, findings placed at `start`): what one edited paragraph's re-check gives
Rechecked = tuple[int, int, list["Finding"]]


def recheck_snapshots(
    snapshots: Sequence[tuple[int, int, str]], lang: str, config: CheckConfig, url: str | None
) -> list[Rechecked]:
    """Paragraph-scope findings of each (start, end, text) snapshot, shifted to its offset in the cleaned text:
    the same computation in the window's process and in the re-check process."""
    from editor.core.engine import recheck_paragraph

    out: list[Rechecked] = []
    for start, end, text in snapshots:
        found = recheck_paragraph(text, 0, len(text), lang, config, source_url=url)
        out.append((start, end, [f.shifted(start) for f in found]))
    return out


def _write(stream: IO[bytes], value: object) -> None:
    import pickle

    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_LENGTH.pack(len(data)) + data)
    stream.flush()


def _read(stream: IO[bytes]) -> Any:
    """One message; raises EOFError when the other side is gone."""
    import pickle

    head = _read_exactly(stream, _LENGTH.size)
    return pickle.loads(_read_exactly(stream, _LENGTH.unpack(head)[0]))


def _read_exactly(stream: IO[bytes], n: int) -> bytes:
    chunks = []
    while n:
        chunk = stream.read(n)
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def server_main(parent: int) -> None:
    """The re-check process: warm up for the first message's language and settings, then answer requests until
    stdin ends. Ends with the process `parent` (the window), however that ends."""
    import os

    from editor.core.analysis import die_with_parent

    die_with_parent(parent)
    # Only the answers go to the real stdout: whatever a library prints goes to stderr.
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    try:
        _serve_until_eof(sys.stdin.buffer, out)
    except (EOFError, OSError):
        pass
    os._exit(0)  # the window let go: no interpreter teardown of the loaded machinery, which is slow


def serve_forked(fd: int) -> None:
    """The re-check process forked by a warm analysis process (`analysis._fork_server`), on the socket `fd`: it
    says its process id, then serves as `server_main` does until the window lets go of the socket (the window's
    end closes when the window ends, however it ends).

    The window adopts it while the analysis runs (once every paragraph is checked). When the analysis process
    ends before that (no job came, or it failed), nobody will: it ends too."""
    import os
    import select
    import socket

    parent = os.getppid()
    if sys.platform.startswith("linux"):  # the analysis process that forked it ends first: this one stays
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(1, 0, 0, 0, 0)  # 1 = PR_SET_PDEATHSIG, cleared
    # The window reads the analysis's result and progress until the pipes it gave that process close: this one
    # must not hold them.
    null = os.open(os.devnull, os.O_RDWR)
    for std in (0, 1, 2):
        os.dup2(null, std)
    os.close(null)
    sock = socket.socket(fileno=fd)
    inp, out = sock.makefile("rb"), sock.makefile("wb")
    try:
        _write(out, ("pid", os.getpid()))
        while not select.select([sock], [], [], _ADOPTION_POLL_S)[0]:
            if os.getppid() != parent:
                return
        _serve_until_eof(inp, out)
    except (EOFError, OSError):
        pass


_ADOPTION_POLL_S = 0.5  # how often a forked re-check process not adopted yet looks whether its analysis ended


def _serve_until_eof(inp: IO[bytes], out: IO[bytes]) -> None:
    """Warm up for the first message's language and settings, then answer requests until `inp` ends."""
    import gc

    _, lang, config, sample = _read(inp)
    with contextlib.suppress(Exception):  # a head start only: a request loads what it needs anyway
        from editor.core.article import Article
        from editor.core.engine import resolve_lang, warm

        warm(lang or resolve_lang(Article(text=sample), config), config)
    gc.freeze()  # what is loaded lives as long as the process: kept out of the collector's scans
    while True:
        _serve(_read(inp), out)


def _serve(request: Any, out: IO[bytes]) -> None:
    from editor.core.i18n import current_language, set_language

    _, snapshots, lang, config, url, language = request
    try:
        if language != current_language():  # the person chose another language since this process started
            set_language(language)
        from editor.core.review_items import _paragraph_rule_ids

        answer: tuple[str, object, object] = (
            "ok",
            recheck_snapshots(snapshots, lang, config, url),
            _paragraph_rule_ids(),
        )
    except Exception as e:
        answer = ("error", f"{type(e).__name__}: {e}", None)
    _write(out, answer)


class _Forked:
    """The window's handle on a forked re-check process, shaped as the `subprocess.Popen` of a started one: its
    socket's two directions for stdin and stdout. The process is not the window's child, so it is not reaped
    here; it ends when the socket closes."""

    def __init__(self, sock: Any) -> None:
        self._sock = sock
        self.stdin: IO[bytes] | None = sock.makefile("wb")
        self.stdout: IO[bytes] | None = sock.makefile("rb")
        sock.settimeout(5.0)  # the process says its id as soon as it is forked, long before the window asks
        try:
            tag, pid = _read(self.stdout)
        finally:
            sock.settimeout(None)
        if tag != "pid":
            raise OSError("the forked re-check process did not say who it is")
        self.pid = int(pid)
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None:
            import os

            try:
                with open(f"/proc/{self.pid}/stat", "rb") as f:
                    state = f.read().rsplit(b")", 1)[1].split()[0]
                if state in (b"Z", b"X"):
                    self.returncode = -1
            except (OSError, IndexError):
                if not os.path.exists("/proc/self"):  # no /proc here: a broken socket tells instead
                    return None
                self.returncode = -1
        return self.returncode

    def kill(self) -> None:
        """Let go of the socket: the process ends at its next read (no signal: its id may belong to another process
        by now, since it is not the window's to reap)."""
        import socket

        with contextlib.suppress(OSError):
            self._sock.shutdown(socket.SHUT_RDWR)
        with contextlib.suppress(OSError):
            self._sock.close()

    def wait(self, timeout: float | None = None) -> int:
        import time

        end = time.monotonic() + (timeout if timeout is not None else 3600.0)
        while self.poll() is None and time.monotonic() < end:
            time.sleep(0.01)
        return self.returncode if self.returncode is not None else -1


class RecheckServerGone(Exception):
    """The re-check process is not there (it could not start, died, or was closed): re-check locally."""


def _adopted() -> _Forked | None:
    """The re-check process the last long article's analysis process forked, when there is one alive."""
    from editor.core.analysis import take_server

    sock = take_server()
    if sock is None:
        return None
    try:
        return _Forked(sock)
    except (OSError, EOFError, ValueError):
        with contextlib.suppress(OSError):
            sock.close()
        return None


class RecheckServer:
    """The window's handle on a re-check process. Thread-safe: requests from job threads are served one at a
    time; `close` (from any thread) kills the process, which makes a request in flight fail with
    `RecheckServerGone`."""

    def __init__(self, lang: str | None, config: CheckConfig, sample: str = "") -> None:
        """Adopt the process the last long article's analysis process forked, warm already, or start one, and have it
        load the machinery for `lang` under `config` (returns at once); with no `lang`, for the language of
        `sample` (the start of an article), which the process tells itself: the window does not load the language
        detection. Raises OSError when no process could be started."""
        import os
        import subprocess
        import sys

        from editor.core.analysis import _child_env

        self._lock = threading.Lock()
        self.closed = False
        self.served = 0  # re-checks answered
        self.proc: Any = _adopted()
        if self.proc is None:
            self.proc = subprocess.Popen(
                [
                    sys.executable,
                    "-c",
                    "import sys; from editor.core.recheck_server import server_main as m; m(int(sys.argv[1]))",
                    str(os.getpid()),
                ],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                env=_child_env(),
            )
        try:
            assert self.proc.stdin is not None
            _write(self.proc.stdin, ("warm", lang, config, sample))
        except OSError:
            self.close()

    @property
    def alive(self) -> bool:
        return not self.closed and self.proc.poll() is None

    def recheck(
        self, snapshots: Sequence[tuple[int, int, str]], lang: str, config: CheckConfig, url: str | None
    ) -> list[Rechecked]:
        """What `recheck_snapshots` gives, computed in the re-check process (waiting for its warm-up when it is
        not done yet). Raises RecheckServerGone when the process is not there; RuntimeError when the re-check
        itself failed there."""
        from editor.core.i18n import current_language
        from editor.core.review_items import know_paragraph_rule_ids

        with self._lock:
            if not self.alive:
                raise RecheckServerGone(self._why())
            stdin, stdout = self.proc.stdin, self.proc.stdout
            assert stdin is not None and stdout is not None
            try:
                _write(stdin, ("recheck", list(snapshots), lang, config, url, current_language()))
                status, value, para_rules = _read(stdout)
            except (EOFError, OSError, ValueError) as e:  # ValueError: a pipe closed by `close` meanwhile
                if self.closed:
                    self._close_pipes()
                raise RecheckServerGone(self._why()) from e
            if status == "ok":
                self.served += 1
                know_paragraph_rule_ids(para_rules)
        if status != "ok":
            raise RuntimeError(str(value))
        return list(value)

    def _why(self) -> str:
        if self.closed:
            return "the re-check process was closed"
        code = self.proc.poll()
        return f"the re-check process ended (status {code})" if code is not None else "the re-check process broke"

    def close(self) -> None:
        """Kill the process (it holds hundreds of megabytes) and reap it; safe to call twice, from any thread."""
        self.closed = True
        with contextlib.suppress(OSError):
            self.proc.kill()
        with contextlib.suppress(Exception):
            self.proc.wait(timeout=5)
        if self._lock.acquire(blocking=False):  # else the request in flight sees the end, and closes them
            try:
                self._close_pipes()
            finally:
                self._lock.release()

    def _close_pipes(self) -> None:
        for stream in (self.proc.stdin, self.proc.stdout):
            with contextlib.suppress(OSError, ValueError):
                if stream is not None:
                    stream.close()
