"""Analysis entry points the editor runs off the GUI thread. Qt-free on purpose, and so in the core: long articles
are analysed in a separate process (a Python analysis in a thread starves the GUI thread of the GIL, and one
regular expression over a multi-megabyte line can hold it for seconds), and that process must not load Qt.
"""

from __future__ import annotations

import contextlib
import os
import threading
from typing import TYPE_CHECKING, Any

from editor.core.article import Article
from editor.core.rules.base import CheckConfig

if TYPE_CHECKING:  # imported when used: the editor's window must paint before the analysis machinery loads
    from editor.core.engine import Reporter
    from editor.core.findings import Finding
    from editor.core.review import Review
    from editor.core.urls import Link

# Articles longer than this (characters) are analysed in a separate process.
PROCESS_ABOVE = 300_000
# That process checks the paragraphs in chunks of at least this many characters, from the article's start, and
# reports each chunk's findings as it is done: the first paragraphs come with the first reports.
FIRST_REPORT_COVERS = 20_000


class AnalysisCancelled(Exception):
    """The person moved on (another article, Cancel) before the analysis ended."""


def analyse_article(
    article: Article, config: CheckConfig, state: dict[str, Any] | None, *, messages: bool = True
) -> tuple[Review, list[Link]]:
    """Build the review of one article (restoring a saved state when there is one) and find its links.

    A restored review's messages are rewritten in the current language when it was saved in another (one more
    analysis); `messages=False` skips that where nobody reads them (counting what is pending)."""
    from editor.core.relocalise import follow_language
    from editor.core.review import Review
    from editor.core.review_items import settings_key
    from editor.core.urls import find_links

    review = None
    if state:
        with contextlib.suppress(Exception):
            review = Review.restore(article, config, state)
        if review is not None and state.get("settings", settings_key(config)) != settings_key(config):
            review = checked_again(review)
        if review is not None and messages:
            with contextlib.suppress(Exception):  # the messages are a comfort: the decisions are restored already
                review = follow_language(review)
    if review is None:
        review = Review.open(article, config)
    try:
        links = find_links(article.text, article.url)
    except Exception:
        links = []
    return review, links


def checked_again(review: Review) -> Review:
    """`review` with the pending findings its settings give now, for a review saved under other settings (the
    person chose another typography profile or house style, turned rules on or off): the whole cleaned text is
    checked again as a fresh open checks it. Every decision, hand edit and undo step stays; a finding found again
    keeps its item and decision, a pending one no longer found goes, a new one comes in pending (a fix of a rule
    turned back on is offered, not applied behind the person's back)."""
    from editor.core.cleaning import is_automatic
    from editor.core.engine import analyse_text

    text = review.cleaned
    art = review.article
    found = analyse_text(text, review.lang, review.config, source_url=art.url, title=art.title)
    review.apply_recheck(
        0, len(text), [f for f in found if not (is_automatic(f) and f.suggestions[0] == f.text)], whole=True
    )
    return review


def _signalled_when_parent_ends() -> None:
    """Linux: have the kernel kill this process when its parent ends (PR_SET_PDEATHSIG). No-op elsewhere."""
    import signal
    import sys

    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL, 0, 0, 0)  # 1 = PR_SET_PDEATHSIG


def die_with_parent(parent: int) -> None:
    """End this process as soon as the process `parent` ends, however it ends (kill -9 included), and so the
    worker processes it forks: an analysis nobody waits for would otherwise hold the cores for minutes. Linux kills
    them at once; a watcher thread covers the other systems, and a parent gone before the watch began."""
    import time

    _signalled_when_parent_ends()
    if os.getppid() != parent:
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.25)
        os._exit(1)

    threading.Thread(target=watch, name="galley-parent-watch", daemon=True).start()
    forking = [os.getpid()]

    def forked() -> None:  # a worker forked for the paragraphs of a long article
        _signalled_when_parent_ends()
        if os.getppid() != forking[0]:
            os._exit(1)

    os.register_at_fork(after_in_child=forked)


def child_main(job: str, parent: int | None = None, spare: bool = False, server: int = -1) -> None:
    """The analysis process: a pickled (article, config, state) in the file `job`, a pickled ("ok", result) or
    ("error", message) on stdout. It ends with the process `parent` (the window) when that ends first.

    A `spare` process is started before its job is known: `job` then names a sample of the article to warm up
    for, and the job's file name arrives on stdin. Once warm, it forks the window's re-check process on the
    socket `server` (a file descriptor, -1 for none), see `recheck_server.serve_forked`."""
    import json
    import pickle
    import sys

    if parent is not None:
        die_with_parent(parent)

    from editor.core.batch import default_jobs
    from editor.core.engine import parallel, reporting

    if spare:
        job = _wait_for_job(job, server)
        if not job:
            return
    with open(job, "rb") as f:
        article, config, state, *rest = pickle.load(f)
    _few_collections()

    def report(done: int, total: int, found: list[Finding]) -> None:
        rows = [
            [f.start, f.end, f.category, f.rule, str(f.severity), f.message, f.text, f.suggestions[:1]] for f in found
        ]
        line = json.dumps({"done": done, "total": total, "found": rows}, ensure_ascii=True)
        sys.stderr.write(f"{PROGRESS_MARK}{line}\n")
        sys.stderr.flush()

    try:
        # This process may fork (it is not the window's): a long article's paragraphs use every core, like
        # `galley check` does.
        with reporting(report) if rest and rest[0] else contextlib.nullcontext(), parallel(default_jobs()):
            out: tuple[str, object] = ("ok", analyse_article(article, config, state))
    except Exception as e:
        out = ("error", f"{type(e).__name__}: {e}")
    # written as it is pickled: the window unpickles each part as it arrives, on another core
    pickle.dump(out, sys.stdout.buffer, protocol=pickle.HIGHEST_PROTOCOL)
    sys.stdout.buffer.flush()
    sys.stderr.flush()
    # The window waits for this process to end: tearing down an interpreter that holds a long article's
    # analysis (hundreds of megabytes of objects) took a noticeable part of a second, for nothing.
    os._exit(0)


def _few_collections() -> None:
    """In the analysis process, for the rest of its short life: what is loaded (dictionaries, tables, the article)
    is kept out of the garbage collector's scans, and the collector runs rarely.

    Why: the cleaner's passes allocate millions of small objects that live until the review is sent (findings,
    tokens, cached sentences), so the collector ran ~250 times on a 200k-word article, a quarter of a second of
    CPU, and its scans made forked workers copy the pages they touched. The process ends once the review is
    written, so nothing needs restoring."""
    import gc

    gc.freeze()
    gc.set_threshold(10_000, 10, 10)


def analyse_maybe_in_process(
    article: Article,
    config: CheckConfig,
    state: dict[str, Any] | None,
    cancel: threading.Event,
    report: Reporter | None = None,
) -> tuple[Review, list[Link]]:
    """analyse_article, in a child process for long articles, so the GUI thread keeps the GIL to itself; the
    child is killed when the analysis is cancelled. A fresh interpreter (not multiprocessing): it must not
    re-run whatever script started the editor. `report` hears how far a fresh analysis went, paragraph by
    paragraph, with the findings of the paragraphs checked (raw coordinates, before tidying)."""
    if len(article.text) <= PROCESS_ABOVE:
        from editor.core.engine import reporting

        with reporting(report) if report is not None else contextlib.nullcontext():
            return analyse_article(article, config, state)
    # The input goes through a file: a pipe would need a writer thread next to the timed reads below.
    job = _job_file((article, config, state, report is not None))
    try:
        proc = _take_spare(job)
        try:
            proc = proc or _start_child(job, spare=False)
        except OSError:  # no process could be started (resource limits): analyse here
            return analyse_article(article, config, state)
        errors: list[str] = []
        reader = threading.Thread(target=_read_progress, args=(proc, report, errors), daemon=True)
        reader.start()
        stdout = proc.stdout
        assert stdout is not None
        results: list[tuple[str, Any]] = []
        stdout_reader = threading.Thread(target=_read_result, args=(stdout, results), daemon=True)
        stdout_reader.start()
        while proc.poll() is None or stdout_reader.is_alive():
            if cancel.is_set():
                proc.kill()
                proc.wait()
                _drop(take_server())  # the re-check process forked for this article, unless adopted already
                raise AnalysisCancelled
            stdout_reader.join(timeout=0.1)
        proc.wait()
        reader.join(timeout=5)
        err = "".join(errors).encode()
    finally:
        with contextlib.suppress(OSError):
            os.unlink(job)
    if proc.returncode != 0 or not results:
        _drop(take_server())
        detail = err.decode("utf-8", "replace").strip().splitlines()
        raise RuntimeError(detail[-1] if detail else f"the analysis process ended with status {proc.returncode}")
    status, value = results[0]
    if status != "ok":
        raise RuntimeError(str(value))
    review, links = value
    return review, links


def _read_result(stdout: Any, results: list[tuple[str, Any]]) -> None:
    """The analysis process's answer, unpickled as its bytes arrive (the process pickles it meanwhile: a long
    article's review is several megabytes, a tenth of a second each way); nothing when it ended without one."""
    import pickle

    with contextlib.suppress(Exception):
        results.append(pickle.load(stdout))
    with contextlib.suppress(OSError, ValueError):
        stdout.read()


PROGRESS_MARK = "\x1egalley-progress "


def _read_progress(proc: Any, report: Reporter | None, errors: list[str]) -> None:
    """The child's stderr: progress lines go to `report`, anything else is kept for an error message."""
    import json

    from editor.core.findings import Finding, Severity

    for raw in proc.stderr:
        line = raw.decode("utf-8", "replace")
        if not line.startswith(PROGRESS_MARK):
            errors.append(line)
            continue
        if report is None:
            continue
        try:
            data = json.loads(line[len(PROGRESS_MARK) :])
            found = [
                Finding(c, r, Severity(sev), s, e, t, m, tuple(sug)) for s, e, c, r, sev, m, t, sug in data["found"]
            ]
            report(int(data["done"]), int(data["total"]), found)
        except Exception:  # progress is a comfort: a report the window cannot take must not end the analysis
            continue


# ------------------------------------------------------------------------------------------------------------
# A spare analysis process, started as soon as a long article is read.
#
# Starting the interpreter and loading the dictionaries, the suggestion index and ftfy takes the analysis process
# over a second, which the window otherwise waits for after the article is stored in the session and its
# analysis is asked for. A spare process does it meanwhile, from a sample of the article (its language), then
# waits for its job. It is a fresh interpreter like any analysis process (the window's process has Qt threads
# and is never forked), it ends with the window, and on its own when no job came within `SPARE_WAIT_S`; the
# window takes it only while it is young enough for that never to race with its end.

SPARE_WAIT_S = 120.0
_SPARE_TAKEN_WITHIN_S = 60.0
_spare: tuple[Any, float, str] | None = None  # (the process, when it started, the language of its messages)
_spare_lock = threading.Lock()  # the window's thread starts a spare, an analysis job's thread takes it


def _child_env() -> dict[str, str]:
    from pathlib import Path

    import editor
    from editor.core.i18n import current_language

    root = str(Path(editor.__file__).resolve().parent.parent)
    env = dict(os.environ)
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.pop("QT_QPA_PLATFORM", None)
    env["LANGUAGE"] = current_language()  # the window's choice, which may not be the environment's
    return env


def _job_file(value: object) -> str:
    import pickle
    import tempfile

    with tempfile.NamedTemporaryFile(prefix="galley-analysis-", suffix=".pickle", delete=False) as f:
        pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        return f.name


def _start_child(job: str, *, spare: bool, server: int = -1) -> Any:
    import subprocess
    import sys

    return subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from editor.core.analysis import child_main as m; "
            "m(sys.argv[1], int(sys.argv[2]), sys.argv[3] == 'spare', int(sys.argv[4]))",
            job,
            str(os.getpid()),
            "spare" if spare else "job",
            str(server),
        ],
        pass_fds=(server,) if server >= 0 else (),
        stdin=subprocess.PIPE if spare else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_child_env(),
    )


def prestart(article: Article, config: CheckConfig) -> None:
    """Start the analysis process of `article` before its analysis is asked for, when it will need one (it is
    long) and no spare process waits already. Cheap: a sample of the text is written, nothing is loaded here."""
    from dataclasses import replace

    if len(article.text) > PROCESS_ABOVE:
        _start_spare(replace(article, text=article.text[:_SAMPLE_CHARS], fallback_lines=[]), config)


def _start_spare(sample: Article, config: CheckConfig) -> None:
    """A spare analysis process warming up for `sample`'s language, unless one waits already."""
    import time

    global _spare, _spare_server
    import socket

    from editor.core.i18n import current_language

    with _spare_lock:
        if _spare is not None and _spare[0].poll() is None:
            return
        if _spare is not None:
            _spare[0].wait()  # it ended (no job came in time): reaped before it is replaced
            _drop(_spare_server)
            _spare_server = None
        hint = _job_file((sample, config))
        ours: Any = None
        try:
            if _CAN_FORK_SERVER:
                ours, theirs = socket.socketpair()
                with theirs:
                    proc = _start_child(hint, spare=True, server=theirs.fileno())
            else:  # the window starts the re-check process itself
                proc = _start_child(hint, spare=True)
            _spare = (proc, time.monotonic(), current_language())
            _spare_server = ours
        except OSError:  # no process could be started: the analysis starts its own
            _drop(ours)
            with contextlib.suppress(OSError):
                os.unlink(hint)


_SAMPLE_CHARS = 20_000  # enough text to tell its language


# Files that are read as several articles or as a session, never as one long article.
_NOT_ONE_ARTICLE = (".jsonl", ".ndjson", ".json", ".galley", ".zip")


def prestart_file(path: str, lang: str = "auto") -> None:
    """Start the spare analysis process for the file `path` before the editor's window exists, when the file is
    big enough to be one long article.

    Why: importing Qt and building the window takes the editor ~0.7 s before it reads the article and could start
    the process itself; the dictionaries load meanwhile instead. Only a sample of the file's start is read (its
    language); a file that turns out shorter, or several articles, leaves a spare that nobody takes, and it ends
    on its own."""
    try:
        if path.lower().endswith(_NOT_ONE_ARTICLE) or os.path.getsize(path) <= PROCESS_ABOVE:
            return
        with open(path, "rb") as f:
            head = f.read(_SAMPLE_CHARS * 2)
    except OSError:  # the window says what is wrong with the path
        return
    sample = Article(head.decode("utf-8", "replace")[:_SAMPLE_CHARS], lang=None if lang == "auto" else lang)
    _start_spare(sample, CheckConfig(lang=lang))


def _fork_server(fd: int) -> None:
    """Fork the window's re-check process from this warm spare, on the socket `fd`, then let go of the socket.

    Why: a re-check process started on its own loads the dictionaries and tables again, a second of CPU that
    it took from the analysis the window waits for (both cores are busy then); a fork has them loaded already,
    shared with this process until it ends. It is forked before the job is read, so it holds none of the
    analysis's memory."""
    try:
        pid = os.fork()
    except OSError:  # the window starts a re-check process of its own when it finds none
        os.close(fd)
        return
    if pid == 0:
        try:
            from editor.core.recheck_server import serve_forked

            serve_forked(fd)
        finally:
            os._exit(0)
    os.close(fd)


#: Whether a spare may fork the re-check process: it needs fork() and a socket handed to a child process (POSIX).
_CAN_FORK_SERVER = os.name == "posix" and hasattr(os, "fork")
#: The window's end of the socket of the re-check process the spare forks: while it waits (`_spare_server`), then
#: once its spare took a job (`_job_server`), until the window adopts it (`take_server`).
_spare_server: Any = None
_job_server: Any = None


def take_server() -> Any:
    """The socket of the re-check process forked by the analysis process of the last long article, for the
    window to talk to (`recheck_server.RecheckServer`); None when there is none."""
    global _job_server
    with _spare_lock:
        sock, _job_server = _job_server, None
    return sock


def _drop(sock: Any) -> None:
    """Let go of a re-check process nobody adopted: the end of its socket ends it."""
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.close()


def _take_spare(job: str) -> Any:
    """The spare process, handed `job`; None when there is none fit to take it."""
    import time

    from editor.core.i18n import current_language

    global _spare, _spare_server, _job_server
    with _spare_lock:
        spare, _spare = _spare, None
        server, _spare_server = _spare_server, None
        _drop(_job_server)  # a re-check process forked for an earlier article that nobody adopted
        _job_server = None
    if spare is None:
        _drop(server)
        return None
    proc, started, language = spare
    young = time.monotonic() - started < _SPARE_TAKEN_WITHIN_S
    if proc.poll() is None and young and language == current_language():
        try:
            proc.stdin.write(job.encode() + b"\n")
            proc.stdin.close()
            with _spare_lock:
                _job_server = server
            return proc
        except OSError:
            pass
    _drop(server)
    with contextlib.suppress(OSError):
        proc.kill()
    proc.wait()
    return None


def _wait_for_job(hint: str, server: int = -1) -> str:
    """In a spare process: warm up for the sampled article in `hint`, fork the re-check process on the socket
    `server` (when there is one), then the job's file name from stdin ("" when none came in time, or the window
    let go of this process)."""
    import pickle
    import select
    import sys

    from editor.core.engine import resolve_lang, warm

    try:
        with open(hint, "rb") as f:
            sample, config = pickle.load(f)
        os.unlink(hint)
        warm(resolve_lang(sample, config), config)
    except Exception:  # the warm-up is a head start only: the job loads what it needs anyway
        pass
    if server >= 0:
        _fork_server(server)
    ready, _, _ = select.select([sys.stdin], [], [], SPARE_WAIT_S)
    return sys.stdin.readline().strip() if ready else ""
