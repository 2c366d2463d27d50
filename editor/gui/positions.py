"""The one place where Python code-point offsets become Qt's UTF-16 positions and back.

Qt counts an astral character (emoji, flags, some CJK) as two UTF-16 units; Python counts it as one. Every
position handed to or read from Qt goes through a `Utf16Index` built once per text and updated in place on
edits, so no text is ever re-encoded per finding.

Fast path: a text without astral characters (almost all news copy) maps identically. Otherwise the index keeps
the sorted code-point offsets of the astral characters and converts with one binary search.
"""

from __future__ import annotations

import re
from bisect import bisect_left

_ASTRAL_RE = re.compile("[\U00010000-\U0010ffff]")


def has_astral(text: str) -> bool:
    """Whether any character of `text` needs a surrogate pair in UTF-16."""
    return _ASTRAL_RE.search(text) is not None


def utf16_len(text: str) -> int:
    """Length of `text` in UTF-16 units (what Qt's QString.length() reports)."""
    return len(text) + sum(1 for _ in _ASTRAL_RE.finditer(text))


class Utf16Index:
    """Code points ↔ UTF-16 units for one text, kept current through `replace()`.

    `_cps` holds the code-point offset of each astral character, `_units` the UTF-16 offset of the same
    character (`_cps[i] + i`); both sorted, so each conversion is one `bisect`.
    """

    __slots__ = ("_cps", "_units")

    def __init__(self, text: str = "") -> None:
        self._cps: list[int] = [m.start() for m in _ASTRAL_RE.finditer(text)]
        self._units: list[int] = [c + i for i, c in enumerate(self._cps)]

    @property
    def trivial(self) -> bool:
        """True when code points and UTF-16 units coincide (no astral character)."""
        return not self._cps

    def to_utf16(self, cp: int) -> int:
        """The UTF-16 position of code-point offset `cp`."""
        if not self._cps:
            return cp
        return cp + bisect_left(self._cps, cp)

    def to_code_point(self, unit: int) -> int:
        """The code-point offset of UTF-16 position `unit`; a position inside a surrogate pair rounds down."""
        if not self._units:
            return unit
        return unit - bisect_left(self._units, unit)

    def span_to_utf16(self, start: int, end: int) -> tuple[int, int]:
        return self.to_utf16(start), self.to_utf16(end)

    def span_to_code_points(self, start: int, end: int) -> tuple[int, int]:
        return self.to_code_point(start), self.to_code_point(end)

    def replace(self, start: int, end: int, new_text: str) -> None:
        """Update the index after text[start:end] (code points) was replaced by `new_text`."""
        cps = self._cps
        delta = len(new_text) - (end - start)
        if not cps and not has_astral(new_text):
            return
        i0 = bisect_left(cps, start)
        i1 = bisect_left(cps, end)
        inserted = [start + m.start() for m in _ASTRAL_RE.finditer(new_text)]
        tail = [c + delta for c in cps[i1:]] if delta else cps[i1:]
        self._cps = cps[:i0] + inserted + tail
        self._units = [c + i for i, c in enumerate(self._cps)]
