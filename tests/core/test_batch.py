"""Batch work keeps input order, spreads over processes, and stays in-process when there is one piece."""

from __future__ import annotations

import os

from editor.core.batch import parallel_map


def _pid_of(x: int) -> tuple[int, int]:
    return x * x, os.getpid()


def test_order_is_kept_across_processes() -> None:
    results = list(parallel_map(_pid_of, range(100), jobs=2, chunk_size=3))
    assert [r for r, _ in results] == [x * x for x in range(100)]
    assert len({pid for _, pid in results} - {os.getpid()}) >= 1


def test_a_single_chunk_runs_in_this_process() -> None:
    results = list(parallel_map(_pid_of, range(5), jobs=2, chunk_size=8))
    assert {pid for _, pid in results} == {os.getpid()}


def test_heavy_items_are_spread_even_when_few() -> None:
    results = list(parallel_map(_pid_of, range(4), jobs=2, chunk_size=8, weight=lambda x: 10**6, max_weight=10**6))
    assert [r for r, _ in results] == [0, 1, 4, 9]
    assert {pid for _, pid in results} != {os.getpid()}


def test_empty_input() -> None:
    assert list(parallel_map(_pid_of, [], jobs=2)) == []


_done = None  # a counter the forked workers share with the test


def _counted(x: int) -> int:
    assert _done is not None
    with _done.get_lock():
        _done.value += 1
    return x


def _wait_for(target: int, seconds: float = 60) -> bool:
    """Whether the workers reach `target` items done (a generous deadline: the machine may be loaded)."""
    import time

    assert _done is not None
    deadline = time.monotonic() + seconds
    while _done.value < target and time.monotonic() < deadline:
        time.sleep(0.01)
    return _done.value >= target


def test_workers_keep_working_while_the_consumer_is_behind() -> None:
    """A consumer slow on its results (`galley clean` writing and syncing files) must not leave the workers
    idle: every result it takes gives them new chunks, though the finished ones wait for it."""
    import multiprocessing

    global _done
    _done = multiprocessing.get_context("fork").Value("i", 0)
    results = parallel_map(_counted, range(2000), jobs=2, chunk_size=4)
    assert next(results) == 0
    assert _wait_for(6 * 4)  # what was queued before the consumer fell behind is done
    # The consumer takes one more result, and the workers get a full runway again, not one chunk per chunk
    # taken. The pool marks a chunk finished a moment after its worker counted it, so on a loaded machine the
    # first take may come before that: the next takes (of results already in hand) must then top it up.
    for taken in (1, 2, 3):
        assert next(results) == taken
        if _wait_for(12 * 4, seconds=20):
            break
    assert _done.value >= 12 * 4
    assert list(results) == list(range(taken + 1, 2000))
