"""Numbered pieces of work shared between this process and forked workers, claimed from both ends.

Why this shape: a long article's first pass (its chunks) and the cleaner's later passes (touched paragraphs and the
document rules) each split into pieces of uneven cost. A pool queues pieces ahead in its workers, which the parent
can then no longer take back, so one process could still run two heavy pieces while the other idled. Here every
piece is claimed one at a time through a shared pair of counters, workers from the front and this process from the
back, so the processes finish within one piece of each other. Workers are forked: they read the work's inputs from
the forked memory and send back only results. A piece a worker claimed but never sent back (it died: out of memory,
say) is done here, so nothing is lost.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

R = TypeVar("R")


def claim(claims: Any, back: bool) -> int | None:
    """The index of the next unclaimed piece from the front or the back, claimed; None when none is left."""
    with claims.get_lock():
        front, end = claims[0], claims[1]
        if front >= end:
            return None
        if back:
            claims[1] = end - 1
            return int(end - 1)
        claims[0] = front + 1
        return int(front)


def _claim_front(claims: Any, work: Callable[[int], Any], sender: Any) -> None:
    """Worker process: do pieces from the front until none is left, sending each result back as it is done."""
    while (i := claim(claims, back=False)) is not None:
        sender.send((i, work(i)))
    sender.close()


def _receive(receiver: Any, done: Callable[[int, Any], None]) -> None:
    """This process's side: hand each result a worker sends to `done`, until the worker closes its end."""
    while True:
        try:
            i, result = receiver.recv()
        except (EOFError, OSError):
            return
        done(i, result)


def share(
    count: int,
    workers: int,
    in_worker: Callable[[int], R],
    here: Callable[[int], R],
    done: Callable[[int, R], None],
    first: Callable[[], None] | None = None,
) -> int:
    """Do pieces 0..count-1: up to `workers` forked processes run `in_worker(i)` from the front, this process
    `here(i)` from the back once `first()` (its own work, while the workers start) is done. `done(i, result)`
    hears every piece exactly once, from reader threads too (it must be thread-safe). Returns how many pieces the
    workers did. Only call it where forking is safe (`engine._can_fork`)."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    claims = context.Array("i", [0, count])  # the next piece from the front, the end of those unclaimed
    finished: set[int] = set()
    lock = threading.Lock()

    def record(i: int, result: R) -> None:
        with lock:
            if i in finished:
                return
            finished.add(i)
        done(i, result)

    started: list[tuple[Any, Any, threading.Thread]] = []
    for _ in range(min(workers, count - 1)):
        try:
            receiver, sender = context.Pipe(duplex=False)
            proc = context.Process(target=_claim_front, args=(claims, in_worker, sender), daemon=True)
            proc.start()
        except OSError:  # no process could be started (limits): this process does what is left
            break
        sender.close()
        reader = threading.Thread(target=_receive, args=(receiver, record), daemon=True)
        reader.start()
        started.append((proc, receiver, reader))
    if first is not None:
        first()
    while (i := claim(claims, back=True)) is not None:
        record(i, here(i))
    for proc, receiver, reader in started:
        reader.join()
        proc.join()
        receiver.close()
    in_workers = sum(1 for i in finished if i < claims[1])  # the pieces from the front
    for i in range(count):
        if i not in finished:
            record(i, here(i))
    return in_workers
