"""A one-line progress bar on standard error for the batch commands: tasks done / total and articles per second.

It draws only when standard error is a terminal, so logs, pipes and tests see nothing but the real output, and it
redraws at most a few times a second so a fast run does not spend its time printing.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator
from typing import TextIO, TypeVar

from editor.core.i18n import N_, _, ngettext

T = TypeVar("T")

WIDTH = 24  # characters of the bar itself
INTERVAL = 0.2  # seconds between redraws


class Progress:
    """Counts finished tasks and articles; draws `[####----] 3/8 files  120 articles  41.5 articles/s`.

    `unit` is the English word marked with `N_` ("files", "tasks"); it is translated when the line is drawn.
    """

    def __init__(self, total: int | None, unit: str = N_("tasks"), stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = _is_terminal(self.stream)
        self.total = total
        self.unit = unit
        self.done = 0
        self.articles = 0
        self._start = time.monotonic()
        self._drawn = 0.0
        self._shown = False

    def advance(self, tasks: int = 0, articles: int = 0) -> None:
        self.done += tasks
        self.articles += articles
        if self.enabled and (tasks or time.monotonic() - self._drawn >= INTERVAL):
            self._draw()

    def line(self) -> str:
        elapsed = max(time.monotonic() - self._start, 1e-6)
        rate = self.articles / elapsed
        if self.total:
            filled = min(WIDTH, WIDTH * self.done // self.total)
            bar = "[" + "#" * filled + "-" * (WIDTH - filled) + "] "
            count = f"{self.done}/{self.total} {_(self.unit)}"
        else:
            bar, count = "", f"{self.done} {_(self.unit)}"
        rate_text = _("{rate} articles/s").format(rate=f"{rate:.1f}")
        return (
            f"{bar}{count}  "
            + ngettext("{count} article", "{count} articles", self.articles).format(count=self.articles)
            + f"  {rate_text}"
        )

    def _draw(self) -> None:
        self._drawn = time.monotonic()
        self._shown = True
        self.stream.write("\r\x1b[K" + self.line())
        self.stream.flush()

    def close(self) -> None:
        """Erase the bar, so what the command prints next starts on a clean line."""
        if self.enabled and self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._shown = False


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty() and os.environ.get("TERM") != "dumb"
    except (AttributeError, ValueError):
        return False


def count_files(paths: Iterable[str]) -> int:
    """How many files the batch commands will read under `paths` (only asked when a bar is drawn)."""
    from editor.formats.loaders import expand_paths

    return sum(1 for _path in expand_paths(paths))


def track_files(
    items: Iterable[T], paths: Iterable[str], *, chatty: bool = False, stream: TextIO | None = None
) -> Iterator[T]:
    """`items` unchanged, with a bar counting files done (an item from a new source ends the one before).

    The bar is erased before each load error (which the caller prints on standard error), or before every item
    when `chatty` says the caller writes something on standard error for each.
    """
    from editor.formats.loaders import LoadError

    bar = Progress(None, N_("files"), stream)
    if not bar.enabled:
        yield from items
        return
    bar.total = count_files(paths)
    source: str | None = None
    try:
        for item in items:
            now = getattr(item, "source", None)
            if source is not None and now != source:
                bar.advance(tasks=1)
            source = now
            bar.advance(articles=1)
            if chatty or isinstance(item, LoadError):
                bar.close()
            yield item
        bar.advance(tasks=1 if source is not None else 0)
    finally:
        bar.close()
