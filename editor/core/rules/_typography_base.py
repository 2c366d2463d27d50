"""What the typography and casing rules share: word lists, and a paragraph-by-paragraph scan with a bound.

Both categories are paragraph-scoped: the editor re-checks only the edited paragraph, so each rule scans one
paragraph at a time (`scan(ctx, start, end)`), which also gives the same findings whether a paragraph is checked
alone or inside its article. A paragraph with more than `MAX_PER_PARAGRAPH` findings of one rule is data or junk,
not prose (a megabyte of `a:a:a:`): listing the rest would help nobody and would cost seconds, so the scan of that
paragraph stops there.
"""

from __future__ import annotations

import re
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
    #: a pattern found in every paragraph where the rule can fire, starting with a literal or a character class so
    #: the regex engine scans for it at C speed (the rules' own patterns open with look-behinds, which make it try
    #: every position): paragraphs without it are skipped before the slower patterns run
    gate: ClassVar[re.Pattern[str] | None] = None

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        triggers = self.triggers
        gate = self.gate
        for start, end in ctx.paragraphs:
            if triggers and not any(text.find(c, start, end) >= 0 for c in triggers):
                continue
            if gate is not None and gate.search(text, start, end) is None:
                continue
            yield from islice(self.scan(ctx, start, end), MAX_PER_PARAGRAPH)

    def scan(self, ctx: Context, start: int, end: int) -> Iterator[Finding]:
        """Findings inside text[start:end] (one paragraph), in article offsets."""
        raise NotImplementedError
