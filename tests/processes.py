"""The processes a test started, read from /proc: for the tests that check no analysis outlives its window."""

from __future__ import annotations

from pathlib import Path


def descendants(pid: int) -> list[int]:
    """Every process below `pid`, whichever of its threads started it."""
    out: list[int] = []
    todo = [pid]
    while todo:
        p = todo.pop()
        kids: list[int] = []
        for task in Path(f"/proc/{p}/task").glob("*"):  # a child belongs to the thread that started it
            try:
                kids.extend(int(k) for k in (task / "children").read_text().split())
            except OSError:
                continue
        out.extend(kids)
        todo.extend(kids)
    return out


def alive(pid: int) -> bool:
    """Running, as opposed to gone or a zombie nobody reaped yet (it holds no core)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"
