"""Pieces of work shared with forked workers, claimed from both ends: each is done exactly once, both sides take
part, and a worker that dies loses nothing."""

from __future__ import annotations

import os
import sys
import time

import pytest

from editor.core import sharing

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"),
    reason="Galley forks worker processes on Linux only; elsewhere each pass runs in one process",
)


def _slow_square(i: int) -> tuple[int, int]:
    time.sleep(0.01)
    return i * i, os.getpid()


def test_every_piece_is_done_once_and_both_ends_take_part() -> None:
    done: dict[int, tuple[int, int]] = {}
    heard: list[int] = []

    def record(i: int, result: tuple[int, int]) -> None:
        heard.append(i)
        done[i] = result

    first: list[bool] = []
    in_workers = sharing.share(60, 1, _slow_square, _slow_square, record, lambda: first.append(True))
    assert first == [True]
    assert sorted(heard) == list(range(60))  # each once
    assert {i: r[0] for i, r in done.items()} == {i: i * i for i in range(60)}
    here = sum(1 for r in done.values() if r[1] == os.getpid())
    assert in_workers == 60 - here and 0 < here < 60
    # the worker went from the front, this process from the back
    assert all(done[i][1] != os.getpid() for i in range(3)) and done[59][1] == os.getpid()


def test_pieces_a_dead_worker_claimed_are_done_here() -> None:
    parent = os.getpid()

    def dies_in_a_worker(i: int) -> tuple[int, int]:
        if os.getpid() != parent:
            os._exit(9)
        return _slow_square(i)

    done: dict[int, tuple[int, int]] = {}
    assert sharing.share(20, 1, dies_in_a_worker, _slow_square, done.__setitem__) == 0
    assert {i: r[0] for i, r in done.items()} == {i: i * i for i in range(20)}
