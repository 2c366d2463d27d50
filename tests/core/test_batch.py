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
