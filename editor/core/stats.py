"""Where a review stands: findings per category, rule and decision, for one article or a whole session.

The statistics view of the window shows these figures and exports them as the very report `galley export
--report` writes (`editor.core.export.build_report`): the two must never disagree, so both read the same
(category, rule, status) triples and the same list of statuses.
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from editor.core.export import REPORT_SUFFIXES, STATUSES, build_report
from editor.core.fileio import atomic_write_text
from editor.core.review_items import Item

DECIDED = ("accepted", "rejected", "ignored")  # what a person decided (auto fixes and reverts are not decisions)


@dataclass(frozen=True, slots=True)
class Tally:
    """One article as the statistics see it: its label, whether it is done, and its findings' states
    (None: not analysed yet, so its findings are unknown)."""

    label: str
    done: bool
    statuses: list[tuple[str, str, str]] = field(default_factory=list)
    analysed: bool = True


def item_statuses(items: Iterable[Item]) -> list[tuple[str, str, str]]:
    """(category, rule, status) of every item of a review."""
    return [(it.category, it.rule, str(it.status)) for it in items]


def state_statuses(state: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(category, rule, status) of every item of a saved review state (`Review.to_state()`), without rebuilding
    the review: an article reviewed in an earlier sitting counts without being analysed again. ValueError or
    KeyError on a damaged state."""
    return item_statuses(Item.from_json(d) for d in state.get("items", ()))


@dataclass(slots=True)
class Stats:
    """Counts per category and per rule, one counter of statuses each, and where the articles stand."""

    by_category: dict[str, Counter[str]]
    by_rule: dict[str, Counter[str]]
    total: Counter[str]
    articles_done: int
    articles_pending: int
    articles_unanalysed: int

    @classmethod
    def of(cls, tallies: Sequence[Tally]) -> Stats:
        by_category: dict[str, Counter[str]] = defaultdict(Counter)
        by_rule: dict[str, Counter[str]] = defaultdict(Counter)
        total: Counter[str] = Counter()
        for t in tallies:
            for category, rule, status in t.statuses:
                by_category[category][status] += 1
                by_rule[rule][status] += 1
                total[status] += 1
        done = sum(1 for t in tallies if t.done)
        return cls(
            dict(sorted(by_category.items())),
            dict(sorted(by_rule.items())),
            total,
            done,
            len(tallies) - done,
            sum(1 for t in tallies if not t.analysed),
        )


def ratio(counts: Counter[str], status: str) -> float | None:
    """The share of the decided findings (accepted, rejected, ignored) that got `status`; None when none was."""
    decided = sum(counts[s] for s in DECIDED)
    return counts[status] / decided if decided else None


def write_report(path: str | os.PathLike[str], tallies: Sequence[Tally]) -> None:
    """The CLI's report (CSV or HTML by suffix) of these articles, written atomically. ValueError on an unknown
    suffix; OSError when it cannot be written."""
    suffix = os.path.splitext(os.fspath(path))[1].lower()
    if suffix not in REPORT_SUFFIXES:
        raise ValueError(f"{os.fspath(path)}: the report must end in .csv or .html")
    atomic_write_text(path, build_report(tallies, suffix), overwrite=True)


__all__ = ["DECIDED", "STATUSES", "Stats", "Tally", "item_statuses", "ratio", "state_statuses", "write_report"]
