"""What the typography and casing rules share: word lists, and a paragraph-by-paragraph scan with a bound.

Both categories are paragraph-scoped: the editor re-checks only the edited paragraph, so each rule scans one
paragraph at a time (`scan(ctx, start, end)`), which also gives the same findings whether a paragraph is checked
alone or inside its article. A paragraph with more than `MAX_PER_PARAGRAPH` findings of one rule is data or junk,
not prose (a megabyte of `a:a:a:`): listing the rest would help nobody and would cost seconds, so the scan of that
paragraph stops there.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from typing import ClassVar

from editor.core.findings import Finding
from editor.core.rules.base import Context, Rule

MAX_PER_PARAGRAPH = 500


def words(spec: str) -> frozenset[str]:
    """A set of words written as one space-separated string (long lists stay readable)."""
    return frozenset(spec.split())


class ParagraphRule(Rule):
    """A rule that looks at one paragraph at a time."""

    scope = "paragraph"
    #: characters without which the rule cannot fire: paragraphs holding none of them are skipped cheaply
    triggers: ClassVar[str] = ""

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        triggers = self.triggers
        for start, end in ctx.paragraphs:
            if triggers and not any(text.find(c, start, end) >= 0 for c in triggers):
                continue
            yield from islice(self.scan(ctx, start, end), MAX_PER_PARAGRAPH)

    def scan(self, ctx: Context, start: int, end: int) -> Iterator[Finding]:
        """Findings inside text[start:end] (one paragraph), in article offsets."""
        raise NotImplementedError
