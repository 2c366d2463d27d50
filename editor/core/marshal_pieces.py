"""Disk caches of large string tables, marshalled in pieces.

One `marshal.loads` holds the interpreter lock from start to end. The editor loads its checking tables in a
background thread once a long article's analysis is back; read in one call, the French tables stopped the GUI thread
for 60-300 ms, which a person typing feels. A piece of a few thousand keys takes a few milliseconds, and the GUI
thread gets its turn between two pieces.
"""

from __future__ import annotations

import marshal
import os
from collections.abc import Callable
from pathlib import Path

PIECE_KEYS = 8_000


def dumps(table: dict[str, str]) -> bytes:
    """The table as length-prefixed marshalled pieces, in the table's key order."""
    keys = list(table)
    out = bytearray()
    for i in range(0, len(keys), PIECE_KEYS):
        blob = marshal.dumps({k: table[k] for k in keys[i : i + PIECE_KEYS]})
        out += len(blob).to_bytes(8, "little") + blob
    return bytes(out)


def loads(data: bytes) -> dict[str, str]:
    """The table `dumps` wrote, in its key order; ValueError when the data is truncated or not such a table."""
    table: dict[str, str] = {}
    view, pos = memoryview(data), 0
    while pos < len(data):
        n = int.from_bytes(view[pos : pos + 8], "little")
        if pos + 8 + n > len(data):
            raise ValueError("truncated table")
        piece = marshal.loads(view[pos + 8 : pos + 8 + n])
        if not isinstance(piece, dict):
            raise ValueError("not a table")
        table.update(piece)
        pos += 8 + n
    return table


def cached(path: Path, build: Callable[[], dict[str, str]]) -> dict[str, str]:
    """The table kept at `path`, or `build()` written there atomically when the file is missing or damaged.

    A damaged cache (a write cut short, another Python's format) is rebuilt, never trusted; a read-only cache
    folder only costs the rebuild next time.
    """
    try:
        table = loads(path.read_bytes())
        if table:
            return table
    except (OSError, EOFError, ValueError, TypeError):
        pass
    table = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(dumps(table))
        os.replace(tmp, path)
    except OSError:
        pass
    return table
