"""Bulk review: which pending findings "accept all safe / of a category / of a rule" takes, defined once.

The window, the tests and any future command ask this module, so that "safe" means one thing everywhere:

    A pending finding is SAFE to accept unseen when it has a suggestion and either its rule marks it automatic
    (`Finding.auto`: a repair the rule vouches for, left pending only because the cleaning profile did not apply
    it), or it is only informational (severity `info`) and offers exactly one suggestion (nothing to choose).

Warnings and errors with several suggestions are never safe: choosing among them needs a person. A bulk accept
takes each finding's first suggestion; where two chosen findings overlap, the earlier one is taken and the other
stays pending (its text is gone once the first is applied). The review applies the whole choice as ONE undo step.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise

from editor.core.findings import Finding, Severity
from editor.core.review_items import Item, Status


def is_safe(finding: Finding) -> bool:
    """Whether a pending finding may be accepted without being looked at (see the module's docstring)."""
    if not finding.suggestions:
        return False
    return finding.auto or (finding.severity is Severity.INFO and len(finding.suggestions) == 1)


class Scope(StrEnum):
    SAFE = "safe"
    CATEGORY = "category"
    RULE = "rule"


@dataclass(frozen=True, slots=True)
class Selector:
    """What a bulk accept takes: every safe finding, or every finding of one category or of one rule."""

    scope: Scope
    value: str = ""  # the category or the rule id; unused for SAFE

    def matches(self, finding: Finding) -> bool:
        if self.scope is Scope.SAFE:
            return is_safe(finding)
        if self.scope is Scope.CATEGORY:
            return finding.category == self.value and bool(finding.suggestions)
        return finding.rule == self.value and bool(finding.suggestions)


def non_overlapping(items: Iterable[Item]) -> list[Item]:
    """The items (sorted by position) a bulk accept can apply together: an item overlapping an earlier one, or a
    second insertion at the same point, is left out."""
    chosen: list[Item] = []
    last_end = -1
    last_empty_at = -1
    for it in items:
        if it.start < last_end or (it.start == it.end == last_empty_at):
            continue
        chosen.append(it)
        last_end = it.end
        last_empty_at = it.start if it.start == it.end else -1
    return chosen


def choose(items: Iterable[Item], selector: Selector) -> list[tuple[Item, str]]:
    """The pending items (sorted by position) the selector takes, each with the replacement it would get."""
    matching = (it for it in items if it.status is Status.PENDING and selector.matches(it.finding))
    return [(it, it.suggestions[0]) for it in non_overlapping(matching)]


def sorted_edits(text: str, edits: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The edits of a replace-all that change `text`, sorted; ValueError when one lies outside the text or two
    overlap (their order would be ambiguous)."""
    if any(not 0 <= a <= b <= len(text) for a, b, _ in edits):
        raise ValueError("an edit lies outside the text")
    ops = sorted((a, b, t) for a, b, t in edits if text[a:b] != t)
    for (a, b, _), (c, _, _) in pairwise(ops):
        if c < b or a == b == c:
            raise ValueError(f"edits overlap at {c}")
    return ops
