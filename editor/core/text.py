"""Text helpers every rule shares: paragraphs, words, line/column. Each is one linear pass."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

# Letters (with combining marks), digits, and inner apostrophes/hyphens. Possessive quantifiers keep it linear.
# Atomic groups, not possessive quantifiers on groups: Debian 12's Python 3.11.2 mis-matches `(?:...)*+`
# (fixed in later 3.11 releases); tests/test_regex_portability.py guards every pattern.
WORD_RE = re.compile(r"[^\W_](?>(?:[\w\u0300-\u036f\u00ad]|['’\-](?=[^\W_]))*)")
PARAGRAPH_SPLIT_RE = re.compile(r"\n[ \t\r\f\v]*+\n")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty paragraph; paragraphs are separated by blank lines."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in PARAGRAPH_SPLIT_RE.finditer(text):
        if text[pos : m.start()].strip():
            spans.append((pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        spans.append((pos, len(text)))
    return spans


def lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, end excluding the newline."""
    spans: list[tuple[int, int]] = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        if nl < 0:
            spans.append((pos, n))
            break
        spans.append((pos, nl))
        pos = nl + 1
    return spans


class LineIndex:
    """Offset → (line, column), both 1-based, for linter-style output."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line_col(self, offset: int) -> tuple[int, int]:
        i = bisect_right(self._starts, offset) - 1
        return i + 1, offset - self._starts[i] + 1
