"""`galley check|clean --scheduler ADDRESS`: the local batch path's per-article work, as Dask tasks on a cluster.

Dask distributed rather than a home-made engine: it already knows how to place tasks, notice a dead worker and run
its tasks again elsewhere. This module is imported only when `--scheduler` is given, so neither the CLI's start-up
nor the editor ever pays for importing Dask.

How a run goes:
1. The client plans shards without reading the corpus: a JSONL file is cut by byte ranges (a shard owns the lines
   that start in its range), other files are grouped whole, a few per shard.
2. Where a shard's output depends on what comes before it (the line numbers and record indexes of a JSONL range,
   the output file names of `clean --output-dir`), a cheap scan task reads the shard first and reports its counts;
   the client adds them up in input order and hands each shard its starting numbers.
3. A work task per shard loads its articles and runs exactly the local commands' per-article task; it returns
   formatted text, never article objects.
4. The client takes results back in input order with a bounded number of tasks in flight, so the output is byte
   for byte the local run's. A task whose worker died is run again by Dask and its result is taken once.
"""

from __future__ import annotations

import argparse
import io
import logging
import os
import threading
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import CancelledError
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from distributed import Client, Future, LocalCluster, WorkerPlugin

from editor.commands import ClusterError
from editor.commands.progress import Progress
from editor.core.article import Article
from editor.core.i18n import N_, _, current_language, set_language
from editor.core.rules.base import CheckConfig
from editor.formats.loaders import (
    JSONL_SUFFIXES,
    JsonlStats,
    LoadError,
    LoadItem,
    expand_paths,
    iter_file,
    iter_jsonl_range,
    too_large,
)

SHARD_BYTES_ENV = "GALLEY_SHARD_BYTES"  # fixes the JSONL shard size (tests use it to cut small corpora)
CONNECT_TIMEOUT_ENV = "GALLEY_CONNECT_TIMEOUT"
MIN_SHARD_BYTES = 256 * 1024
MAX_SHARD_BYTES = 64 * 1024 * 1024
SHARDS_PER_WORKER = 16  # enough tasks to balance the load and to make a lost worker cost little
FILES_PER_SHARD = 16
FILE_GROUP_BYTES = 4 * 1024 * 1024

# One task at a time per worker process: the spelling dictionaries must not be used from two threads at once, and
# the caches that make them fast are per process (a worker started with several threads just runs tasks in turn).
_PROCESS_LOCK = threading.Lock()


# --------------------------------------------------------------------------------------------- shards


@dataclass(frozen=True, slots=True)
class Shard:
    """Whole files read one after the other, or (`end` >= 0) the lines of one JSONL file that start in a range."""

    paths: tuple[str, ...]
    start: int = 0
    end: int = -1

    @property
    def ranged(self) -> bool:
        return self.end >= 0

    def items(
        self, encoding: str | None, first_line: int = 1, first_index: int = 0, stats: JsonlStats | None = None
    ) -> Iterator[LoadItem]:
        if self.ranged:
            yield from iter_jsonl_range(self.paths[0], self.start, self.end, encoding, first_line, first_index, stats)
            return
        for path in self.paths:
            yield from iter_file(path, encoding)


@dataclass(frozen=True, slots=True)
class FileEnd:
    """Marks the last shard of a JSONL file: if no shard found a line in it, the file is reported empty."""

    path: str


Entry = Shard | FileEnd | LoadError


def shard_bytes(size: int, workers: int) -> int:
    fixed = os.environ.get(SHARD_BYTES_ENV)
    if fixed and fixed.isdigit() and int(fixed) > 0:
        return int(fixed)
    return max(MIN_SHARD_BYTES, min(MAX_SHARD_BYTES, size // max(1, workers * SHARDS_PER_WORKER) + 1))


def _rangeable(path: Path) -> int | None:
    """The size of a JSONL file that can be cut into ranges; None sends it whole (and its error with it)."""
    if path.suffix.lower() not in JSONL_SUFFIXES:
        return None
    try:
        if not path.is_file():
            return None
        with open(path, "rb"):
            pass
        return path.stat().st_size
    except OSError:
        return None


def plan(paths: list[str], workers: int) -> Iterator[Entry]:
    """Shards of everything under `paths`, in the order the local run reads it."""
    group: list[str] = []
    load = 0
    for item in expand_paths(paths):
        size = None if isinstance(item, LoadError) else _rangeable(item)
        if (isinstance(item, LoadError) or size is not None) and group:
            yield Shard(tuple(group))
            group, load = [], 0
        if isinstance(item, LoadError):
            yield item
            continue
        if size is not None:
            step = shard_bytes(size, workers)
            for start in range(0, max(size, 1), step):
                yield Shard((str(item),), start, min(size, start + step))
            yield FileEnd(str(item))
            continue
        group.append(str(item))
        try:
            load += item.stat().st_size
        except OSError:
            pass
        if len(group) >= FILES_PER_SHARD or load >= FILE_GROUP_BYTES:
            yield Shard(tuple(group))
            group, load = [], 0
    if group:
        yield Shard(tuple(group))


# --------------------------------------------------------------------------------------------- worker side


@dataclass(frozen=True, slots=True)
class Stub:
    """What naming an output file needs from an article, without its text."""

    title: str | None
    source: str
    index: int
    line: int | None
    fmt: str | None

    def article(self, line_offset: int, index_offset: int) -> Article:
        meta: dict[str, Any] = {"format": self.fmt}
        if self.line is not None:
            meta["line"] = self.line + line_offset
        return Article(text="", title=self.title, source=self.source, index=self.index + index_offset, meta=meta)


@dataclass(frozen=True, slots=True)
class Scan:
    lines: int
    articles: int
    any_line: bool
    stubs: tuple[Stub, ...] | None


def scan(shard: Shard, encoding: str | None, want_stubs: bool) -> Scan:
    """Counts of a shard (and, for naming output files, a stub of every article that will be cleaned)."""
    stats = JsonlStats()
    stubs: list[Stub] = []
    for item in shard.items(encoding, stats=stats):
        if want_stubs and isinstance(item, Article) and too_large(item) is None:
            line = item.meta.get("line")
            stubs.append(Stub(item.title, item.source, item.index, line, item.meta.get("format")))
    return Scan(stats.lines, stats.articles, stats.any_line, tuple(stubs) if want_stubs else None)


@dataclass(slots=True)
class Done:
    """A work task's result: one compact entry per input item, in order."""

    items: list[Any]
    articles: int


@dataclass(frozen=True, slots=True)
class CheckWork:
    config: CheckConfig
    fmt: str
    encoding: str | None
    # the client's language, not the worker's environment: the output reads as the local run's does
    language: str = field(default_factory=current_language)

    def __call__(self, shard: Shard, first_line: int, first_index: int) -> Done:
        from editor.commands.check import Report, _Task

        task = _Task(self.config, 1, self.fmt)  # one process per article: worker processes cannot fork
        with _PROCESS_LOCK:
            set_language(self.language)
            out = [task(item) for item in shard.items(self.encoding, first_line, first_index)]
        return Done(out, sum(1 for r in out if isinstance(r, Report)))


class Warmup(WorkerPlugin):
    """Loads the rules and dictionaries once when a worker process starts, not in its first task."""

    idempotent = False

    def __init__(self, config: CheckConfig) -> None:
        self.config = config
        self.name = "galley-warmup"

    def setup(self, worker: Any) -> None:
        from editor.core.engine import warm

        # Never wait here: setup runs on the worker's event loop, and a task of another run may hold the lock for
        # long. A busy worker has loaded what it needs already, or its first task loads it (the caches are per
        # process either way).
        if _PROCESS_LOCK.acquire(blocking=False):
            try:
                warm(self.config.lang if self.config.lang != "auto" else "fr", self.config)
            finally:
                _PROCESS_LOCK.release()


# --------------------------------------------------------------------------------------------- client side


def _connect_timeout() -> float:
    try:
        return float(os.environ.get(CONNECT_TIMEOUT_ENV, "10"))
    except ValueError:
        return 10.0


def _quiet_logs() -> None:
    """Dask's own log lines (a worker restarting, a reconnection attempt with its traceback) stay out of the
    output: what matters to the user reaches them as one line from galley."""
    names = [n for n in logging.root.manager.loggerDict if n.split(".")[0] in ("distributed", "tornado", "asyncio")]
    for name in {"distributed", "tornado", "asyncio", *names}:
        logging.getLogger(name).setLevel(logging.CRITICAL + 1)


def _first_line(e: BaseException) -> str:
    text = str(e).strip()
    return f"{type(e).__name__}: {text.splitlines()[0]}" if text else type(e).__name__


@contextmanager
def connect(address: str, config: CheckConfig) -> Iterator[Client]:
    """A client on the scheduler at `address`, or on a new `LocalCluster` for `local:N`; ClusterError if neither."""
    _quiet_logs()
    cluster: LocalCluster | None = None
    if address.startswith("local:"):
        n = address.removeprefix("local:")
        if not n.isdigit() or int(n) < 1:
            raise ClusterError(
                _("--scheduler {address}: write local:N with N the number of worker processes").format(address=address)
            )
        cluster = LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=int(n), threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=logging.ERROR
        )
        client = Client(cluster)  # type: ignore[no-untyped-call]
    else:
        target = address if "://" in address else f"tcp://{address}"
        try:
            client = Client(target, timeout=_connect_timeout())  # type: ignore[no-untyped-call]
        except (OSError, TimeoutError, ValueError, TypeError) as e:
            message = _("cannot reach the Dask scheduler at {address} ({reason})")
            raise ClusterError(message.format(address=address, reason=_first_line(e))) from None
    try:
        client.register_plugin(Warmup(config))
        yield client
    finally:
        client.close()  # type: ignore[no-untyped-call]
        if cluster is not None:
            cluster.close()


def _workers(client: Client) -> int:
    try:
        threads = [int(w.get("nthreads", 1)) for w in client.scheduler_info()["workers"].values()]
        return max(1, sum(threads))
    except (KeyError, TypeError, OSError):
        return 1


@dataclass
class _FileState:
    line: int = 1
    index: int = 0
    any_line: bool = False


@dataclass
class Driver:
    """Submits scans and work in input order and yields the work's entries in that order.

    `submit_work(shard, first_line, first_index, scan)` returns a future of `Done`; `want_scan(shard)` says
    whether the shard must be scanned first.
    """

    client: Client
    entries: list[Entry]
    encoding: str | None
    want_scan: Callable[[Shard], bool]
    want_stubs: bool
    submit_work: Callable[[Shard, int, int, Scan | None], Future[Any]]
    chatty: bool = False
    _scans: dict[int, Future[Any]] = field(default_factory=dict)
    _files: dict[str, _FileState] = field(default_factory=dict)

    def _scan_ahead(self, upto: int) -> None:
        for i in range(len(self._scans), min(upto, len(self.entries))):
            e = self.entries[i]
            if isinstance(e, Shard) and self.want_scan(e):
                self._scans[i] = self.client.submit(scan, e, self.encoding, self.want_stubs, pure=False)
            else:
                self._scans[i] = None  # type: ignore[assignment]

    def run(self) -> Iterator[Any]:
        limit = 3 * _workers(self.client) + 2
        total = sum(1 for e in self.entries if isinstance(e, Shard))
        bar = Progress(total, N_("tasks"))
        pending: deque[tuple[Future[Any], Shard] | list[Any]] = deque()
        try:
            for i, e in enumerate(self.entries):
                self._scan_ahead(i + 2 * limit)
                pending.append(self._submit(i, e))
                while sum(1 for p in pending if not isinstance(p, list)) >= limit or (
                    pending and isinstance(pending[0], list)
                ):
                    yield from self._emit(pending.popleft(), bar)
            while pending:
                yield from self._emit(pending.popleft(), bar)
        finally:
            bar.close()

    def _submit(self, i: int, e: Entry) -> tuple[Future[Any], Shard] | list[Any]:
        if isinstance(e, LoadError):
            return [e]
        if isinstance(e, FileEnd):
            state = self._files.pop(e.path, _FileState())
            return [] if state.any_line else [LoadError(e.path, _("the file is empty"))]
        future = self._scans.pop(i, None)
        result: Scan | None = _result(future, e) if future is not None else None
        if isinstance(result, LoadError):
            return [result]
        first_line, first_index = 1, 0
        if e.ranged:
            state = self._files.setdefault(e.paths[0], _FileState())
            first_line, first_index = state.line, state.index
            if result is not None:
                state.line += result.lines
                state.index += result.articles
                state.any_line = state.any_line or result.any_line
        return self.submit_work(e, first_line, first_index, result), e

    def _emit(self, p: tuple[Future[Any], Shard] | list[Any], bar: Progress) -> Iterator[Any]:
        if isinstance(p, list):
            items, articles, task = p, 0, 0
        else:
            done = _result(*p)
            if isinstance(done, LoadError):
                items, articles = [done], 0
            else:
                items, articles = done.items, done.articles
            task = 1
        bar.advance(tasks=task, articles=articles)
        for item in items:
            if self.chatty or isinstance(item, LoadError):
                bar.close()
            yield item


def _result(future: Future[Any], shard: Shard | None) -> Any:
    """A task's result; a task that failed for good (its workers kept dying) becomes a load error for its shard."""
    from distributed import KilledWorker

    try:
        return future.result()
    except KilledWorker:
        where = shard.paths[0] if shard else _("a shard")
        return LoadError(where, _("the workers running this part of the input kept dying; it was not processed"))
    except (OSError, TimeoutError, CancelledError) as e:  # the scheduler went away (it cancels what it held)
        raise ClusterError(_("lost the Dask scheduler ({reason})").format(reason=_first_line(e))) from None
    except Exception as e:  # a bug on the worker: say which part of the input, and keep the others
        where = shard.paths[0] if shard else _("a shard")
        return LoadError(where, _("failed on the cluster ({reason})").format(reason=_first_line(e)))


def check_items(args: argparse.Namespace, config: CheckConfig) -> Iterator[Any]:
    """`check.check_items` over a Dask cluster: reports (or load errors) of every article, in input order."""
    work = CheckWork(config, "jsonl" if args.format == "jsonl" else "text", args.encoding)
    with connect(args.scheduler, config) as client:
        entries = list(plan(args.paths, _workers(client)))

        def submit(shard: Shard, first_line: int, first_index: int, _scan: Scan | None) -> Future[Any]:
            return client.submit(work, shard, first_line, first_index, pure=False)

        driver = Driver(client, entries, args.encoding, lambda s: s.ranged, False, submit)
        yield from driver.run()


def explain_text(result: Any) -> str:
    from editor.commands.clean import explain

    out = io.StringIO()
    explain(result, out)
    return out.getvalue()
