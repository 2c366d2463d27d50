"""Ordered, streaming parallel map over processes: batch work uses every core, memory stays flat.

Processes, not threads: a Python check loop in a thread next to another Python thread slows both many times
(PERFORMANCE.md, design 3). Results come back in input order, with at most a bounded number in flight.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _run_chunk(func: Callable[[T], R], chunk: list[T]) -> list[R]:
    return [func(x) for x in chunk]


def parallel_map(
    func: Callable[[T], R],
    items: Iterable[T],
    jobs: int,
    chunk_size: int = 8,
    initializer: Callable[[], None] | None = None,
) -> Iterator[R]:
    """`map(func, items)` over `jobs` processes, in order; with one job, in this process."""
    if jobs <= 1:
        if initializer:
            initializer()
        for x in items:
            yield func(x)
        return
    in_flight: deque[Future[list[R]]] = deque()
    limit = jobs * 4
    with ProcessPoolExecutor(max_workers=jobs, initializer=initializer) as pool:
        chunk: list[T] = []
        for x in items:
            chunk.append(x)
            if len(chunk) >= chunk_size:
                in_flight.append(pool.submit(_run_chunk, func, chunk))
                chunk = []
                while len(in_flight) >= limit:
                    yield from in_flight.popleft().result()
        if chunk:
            in_flight.append(pool.submit(_run_chunk, func, chunk))
        while in_flight:
            yield from in_flight.popleft().result()
