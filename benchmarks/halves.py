"""Which half of an evaluation set a record belongs to, the same way as the shared scorer (`score.py`).

Rules are changed looking only at the *tune* half; the README reports the *check* half, which no rule was fitted
to. Every `quality_*.py` reads its records through `records()`, so one environment variable, `EVAL_HALF`
(`tune`, `check` or `all`; `check` when unset), decides the half of the whole quality table.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any


def half() -> str:
    """The half being measured: the report's default is the check half."""
    return os.environ.get("EVAL_HALF", "check")


def half_of(record: dict[str, Any]) -> str:
    """`tune` or `check`, from a fixed hash of the record's id (or its text when it has none), as score.py does."""
    key = str(record.get("id") or record.get("text") or record.get("original") or record.get("input"))
    return "tune" if int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:8], 16) % 2 == 0 else "check"


def in_half(record: dict[str, Any], chosen: str | None = None) -> bool:
    chosen = chosen or half()
    return chosen == "all" or half_of(record) == chosen


def records(path: Path, chosen: str | None = None) -> Iterator[dict[str, Any]]:
    """The records of one JSONL set that fall in the chosen half (`EVAL_HALF` unless `chosen` says)."""
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                if in_half(r, chosen):
                    yield r
