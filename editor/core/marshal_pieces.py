"""Disk caches of large string tables, marshalled in pieces.

One `marshal.loads` holds the interpreter lock from start to end. The editor loads its checking tables in a
background thread once a long article's analysis is back; read in one call, the French tables stopped the GUI thread
for 60-300 ms, which a person typing feels. A piece of a few thousand keys takes a millisecond or two, and the GUI
thread gets its turn between two pieces (at the switch interval the window sets; an explicit `time.sleep(0)` there
gave the core away under load and made the whole load slower).

Merging the pieces into one dict is not free either: a dict that grows past its size is rebuilt in one call, and
rebuilding one of 350,000 keys held the lock for 10-40 ms. A large table is therefore kept as shards, one per first
character of its keys (the largest French one has 52,000 keys), which `loads_shards` fills piece by piece.
"""

from __future__ import annotations

import marshal
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

PIECE_KEYS = 4_000


def dumps(table: dict[str, str], *, by_first: bool = False) -> bytes:
    """The table as length-prefixed marshalled pieces, in the table's key order. `by_first`: no piece holds keys
    of two first characters (the keys must be sorted, or at least grouped by first character), which
    `loads_shards` relies on."""
    keys = list(table)
    out = bytearray()
    start = 0
    while start < len(keys):
        end = min(start + PIECE_KEYS, len(keys))
        if by_first:
            head = keys[start][:1]
            end = next((i for i in range(start + 1, end) if keys[i][:1] != head), end)
        blob = marshal.dumps({k: table[k] for k in keys[start:end]})
        out += len(blob).to_bytes(8, "little") + blob
        start = end
    return bytes(out)


def _pieces(data: bytes) -> Iterator[dict[str, str]]:
    view, pos = memoryview(data), 0
    while pos < len(data):
        n = int.from_bytes(view[pos : pos + 8], "little")
        if pos + 8 + n > len(data):
            raise ValueError("truncated table")
        piece = marshal.loads(view[pos + 8 : pos + 8 + n])
        if not isinstance(piece, dict):
            raise ValueError("not a table")
        yield piece
        pos += 8 + n


def loads(data: bytes) -> dict[str, str]:
    """The table `dumps` wrote, in its key order; ValueError when the data is truncated or not such a table."""
    table: dict[str, str] = {}
    for piece in _pieces(data):
        table.update(piece)
    return table


def loads_shards(data: bytes) -> dict[str, dict[str, str]]:
    """The table `dumps(..., by_first=True)` wrote, as first character → the keys starting with it (in order);
    ValueError when the data is truncated, not such a table, or has a piece across two first characters."""
    shards: dict[str, dict[str, str]] = {}
    for piece in _pieces(data):
        if not piece:
            continue
        first, last = next(iter(piece)), next(reversed(piece))
        if first[:1] != last[:1]:
            raise ValueError("a piece across two shards")
        shards.setdefault(first[:1], {}).update(piece)
    return shards


def cached_shards(path: Path, build: Callable[[], dict[str, str]]) -> dict[str, dict[str, str]]:
    """`cached` for a table read as shards (`loads_shards`); `build()` must return its keys sorted."""

    def built() -> dict[str, dict[str, str]]:
        table = build()
        _write(path, dumps(table, by_first=True))
        shards: dict[str, dict[str, str]] = {}
        for k, v in table.items():
            shards.setdefault(k[:1], {})[k] = v
        return shards

    return _read_or(path, loads_shards, built)


def _write(path: Path, data: bytes) -> None:
    """Write atomically; a read-only cache folder only costs a rebuild next time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError:
        pass


def cached(path: Path, build: Callable[[], dict[str, str]]) -> dict[str, str]:
    """The table kept at `path`, or `build()` written there atomically when the file is missing or damaged.

    A damaged cache (a write cut short, another Python's format) is rebuilt, never trusted; a read-only cache
    folder only costs the rebuild next time.
    """

    def built() -> dict[str, str]:
        table = build()
        _write(path, dumps(table))
        return table

    return _read_or(path, loads, built)


def _read_or(path: Path, load: Callable[[bytes], T], built: Callable[[], T]) -> T:
    """What `load` reads from `path` when the file is there and sound, else `built()`: a damaged cache (a write
    cut short, another Python's format) is rebuilt, never trusted."""
    try:
        value = load(path.read_bytes())
        if value:
            return value
    except (OSError, EOFError, ValueError, TypeError):
        pass
    return built()
