"""Ordered, streaming parallel map over processes: batch work uses every core, memory stays flat.

Processes, not threads: a Python check loop in a thread next to another Python thread slows both 20-40 times
(they fight over the GIL). Results come back in input order, with at most a bounded number in flight.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import Future

T = TypeVar("T")
R = TypeVar("R")


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


_in_worker = False


def in_worker() -> bool:
    """Whether this process is one of parallel_map's workers (which must not start pools of their own)."""
    return _in_worker


def _worker_init(initializer: Callable[[], None] | None) -> None:
    global _in_worker
    _in_worker = True
    if initializer:
        initializer()


def _run_chunk(func: Callable[[T], R], chunk: list[T]) -> list[R]:
    return [func(x) for x in chunk]


def _chunks(items: Iterable[T], size: int, weight: Callable[[T], int] | None, max_weight: int) -> Iterator[list[T]]:
    chunk: list[T] = []
    load = 0
    for x in items:
        chunk.append(x)
        load += weight(x) if weight else 0
        if len(chunk) >= size or (weight and load >= max_weight):
            yield chunk
            chunk, load = [], 0
    if chunk:
        yield chunk


def parallel_map(
    func: Callable[[T], R],
    items: Iterable[T],
    jobs: int,
    chunk_size: int = 8,
    initializer: Callable[[], None] | None = None,
    weight: Callable[[T], int] | None = None,
    max_weight: int = 400_000,
    warm: Callable[[T], None] | None = None,
) -> Iterator[R]:
    """`map(func, items)` over `jobs` processes, in order.

    Items are sent in chunks of `chunk_size` items or `max_weight` units of `weight` (characters, say), so a few
    huge articles still spread over the cores. Worker processes start only once a second chunk exists: a single
    article is checked in this process, without paying for process start-up and dictionary loading twice.
    Before the workers are forked, `warm(first_item)` runs here: what it loads (dictionaries, indexes) the
    workers then share copy-on-write instead of each loading it again while the others wait.
    """
    chunks = _chunks(items, chunk_size, weight, max_weight)
    first = next(chunks, None)
    if first is None:
        return
    second = next(chunks, None) if jobs > 1 else None
    if second is None:
        if initializer:
            initializer()
        for x in first:
            yield func(x)
        for chunk in chunks:  # jobs <= 1
            for x in chunk:
                yield func(x)
        return
    in_flight: deque[Future[list[R]]] = deque()
    # Chunks queued or running: enough that no worker waits while this process handles results (writing a
    # cleaned article, fsync included, may take tens of milliseconds). Counting only unfinished chunks matters:
    # when the consumer falls behind, finished chunks pile up and a bound on all of them would leave the
    # workers idle until it caught up. `cap` bounds all of them, so memory stays flat however slow the consumer.
    runway = jobs * 3
    cap = runway * 3
    import multiprocessing  # only here: a single article never pays for importing the process machinery
    from concurrent.futures import ProcessPoolExecutor

    if warm is not None:
        warm(first[0])
    # fork explicitly (the default changes in later Pythons): it is what lets workers inherit the warm services
    context = multiprocessing.get_context("fork") if sys.platform.startswith("linux") else None
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=_worker_init, initargs=(initializer,)
    ) as pool:

        def top_up() -> None:
            while len(in_flight) < cap and sum(1 for f in in_flight if not f.done()) < runway:
                chunk = next(chunks, None)
                if chunk is None:
                    return
                in_flight.append(pool.submit(_run_chunk, func, chunk))

        for chunk in (first, second):
            in_flight.append(pool.submit(_run_chunk, func, chunk))
        top_up()
        while in_flight:
            for result in in_flight.popleft().result():
                yield result
                top_up()
