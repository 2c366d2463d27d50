"""The records of a review: items, the undo journal's steps, events, and the span arithmetic they share.

Split from `editor.core.review` (the model and its actions) so that each file holds one responsibility: this one
says what is stored and how it is serialised; `review` says how decisions change it.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from editor.core.cleaning import Edit, Plan
from editor.core.findings import Finding, Severity
from editor.core.i18n import _
from editor.core.rules.base import CheckConfig

STATE_VERSION = 1


class Status(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    IGNORED = "ignored"
    AUTO = "auto"  # applied automatically by cleaning
    REVERTED = "reverted"  # an automatic fix the person undid


@dataclass(slots=True)
class Item:
    """One finding under review. `start`/`end` are its CURRENT span in the cleaned text (code points).

    For an accepted or automatic item the span covers the replacement; `stale` says a later hand edit touched it
    (it can no longer be reverted on its own). `raw_start`/`raw_end` locate it in the raw text when known.
    Items are live: the review moves them as the text changes, so keep the id, not the span, across changes.
    """

    id: int
    finding: Finding
    status: Status
    replacement: str | None
    start: int
    end: int
    raw_start: int | None = None
    raw_end: int | None = None
    stale: bool = False

    @property
    def category(self) -> str:
        return self.finding.category

    @property
    def rule(self) -> str:
        return self.finding.rule

    @property
    def suggestions(self) -> tuple[str, ...]:
        return self.finding.suggestions

    @property
    def text(self) -> str:
        """The flagged text as the finding saw it."""
        return self.finding.text

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "finding": _finding_to_json(self.finding),
            "status": str(self.status),
            "replacement": self.replacement,
            "start": self.start,
            "end": self.end,
            "raw_start": self.raw_start,
            "raw_end": self.raw_end,
            "stale": self.stale,
        }

    @staticmethod
    def from_json(d: dict[str, Any]) -> Item:
        return Item(
            int(d["id"]),
            _finding_from_json(d["finding"]),
            Status(d["status"]),
            d["replacement"],
            int(d["start"]),
            int(d["end"]),
            d.get("raw_start"),
            d.get("raw_end"),
            bool(d.get("stale", False)),
        )


def _finding_to_json(f: Finding) -> dict[str, Any]:
    d = f.to_json()
    d["category"] = f.category
    return d


def _finding_from_json(d: dict[str, Any]) -> Finding:
    return Finding(
        d["category"],
        d["rule"],
        Severity(d["severity"]),
        int(d["start"]),
        int(d["end"]),
        d["text"],
        d["message"],
        tuple(d.get("suggestions", ())),
        bool(d.get("auto", False)),
    )


@dataclass(frozen=True, slots=True)
class ReviewEvent:
    """What changed, for listeners (the GUI).

    `ops` are the text replacements `(start, end, text)` in cleaned coordinates, listed so that applying them in
    the given order to the previous cleaned text gives the new one (last position first, so earlier coordinates
    stay valid). `items` are the ids whose status, span or existence changed (removed ones included).
    """

    kind: str  # accept, accept_all, reject, revert, ignore, edit, undo, redo, recheck
    ops: tuple[tuple[int, int, str], ...]
    items: tuple[int, ...]
    revision: int


Listener = Callable[[ReviewEvent], None]


@dataclass(slots=True)
class _Step:
    """One undoable action: text ops, the plan splice, and items before/after (None = did not exist)."""

    kind: str
    ops: list[tuple[int, str, str]]  # (start in the text before the step, old text, new text), ascending
    splice_at: int
    old_edits: tuple[Edit, ...]
    new_edits: tuple[Edit, ...]
    before: dict[int, Item | None]
    after: dict[int, Item | None]
    ignored_added: tuple[str, ...] = ()
    dirty_before: list[tuple[int, int]] = field(default_factory=list)
    dirty_after: list[tuple[int, int]] = field(default_factory=list)
    first_new_id: int = 0  # items with this id or above were created after the step began (re-checks)
    rules_added: tuple[str, ...] = ()  # rules this step ignores in the article (undo drops them again)

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "ops": [list(o) for o in self.ops],
            "splice_at": self.splice_at,
            "old_edits": [_edit_to_json(e) for e in self.old_edits],
            "new_edits": [_edit_to_json(e) for e in self.new_edits],
            "before": [[k, v.to_json() if v else None] for k, v in self.before.items()],
            "after": [[k, v.to_json() if v else None] for k, v in self.after.items()],
            "ignored_added": list(self.ignored_added),
            "dirty_before": [list(d) for d in self.dirty_before],
            "dirty_after": [list(d) for d in self.dirty_after],
            "first_new_id": self.first_new_id,
            "rules_added": list(self.rules_added),
        }

    @staticmethod
    def from_json(d: dict[str, Any]) -> _Step:
        return _Step(
            d["kind"],
            [(int(a), str(o), str(n)) for a, o, n in d["ops"]],
            int(d["splice_at"]),
            tuple(_edit_from_json(e) for e in d["old_edits"]),
            tuple(_edit_from_json(e) for e in d["new_edits"]),
            {int(k): (Item.from_json(v) if v else None) for k, v in d["before"]},
            {int(k): (Item.from_json(v) if v else None) for k, v in d["after"]},
            tuple(d.get("ignored_added", ())),
            [(int(a), int(b)) for a, b in d.get("dirty_before", ())],
            [(int(a), int(b)) for a, b in d.get("dirty_after", ())],
            int(d.get("first_new_id", 0)),
            tuple(d.get("rules_added", ())),
        )


def _edit_to_json(e: Edit) -> dict[str, Any]:
    d = e.to_json()
    d["key"] = list(e.key) if e.key else None
    d["item"] = e.item
    return d


def _edit_from_json(d: dict[str, Any]) -> Edit:
    e = Edit.from_json(d)
    key = d.get("key")
    return replace(e, key=tuple(key) if key else None, item=d.get("item"))


def difference(old: str, new: str) -> tuple[int, int, str]:
    """The one replacement turning `old` into `new`: old[a:b] -> text (common prefix and suffix kept)."""
    m = min(len(old), len(new))
    a = 0
    while a < m and old[a] == new[a]:
        a += 1
    b = 0
    while b < m - a and old[-1 - b] == new[-1 - b]:
        b += 1
    return a, len(old) - b, new[a : len(new) - b]


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph(s) around [start, end): out to the nearest blank line (or text edge) on each side."""
    s = text.rfind("\n", 0, start) + 1
    while s > 0:
        prev = text.rfind("\n", 0, s - 1) + 1
        if not text[prev : s - 1].strip():
            break
        s = prev
    n = len(text)
    e = text.find("\n", end)
    e = n if e < 0 else e
    while e < n:
        nxt = text.find("\n", e + 1)
        nxt = n if nxt < 0 else nxt
        if not text[e + 1 : nxt].strip():
            break
        e = nxt
    return s, max(e, s)


def _event_ops(ops: Sequence[tuple[int, str, str]]) -> tuple[tuple[int, int, str], ...]:
    return tuple((a, a + len(old), new) for a, old, new in reversed(ops))


def _shift_spans(
    spans: list[tuple[int, int]],
    starts: list[int],
    ends: list[int],
    ops: Sequence[tuple[int, int, str]],
    cum: list[int],
) -> list[tuple[int, int]]:
    """Spans moved through `ops` like items are; a touched span stretches over the changed text."""
    out: list[tuple[int, int]] = []
    n = len(ops)
    for s, e in spans:
        i = bisect_right(ends, s)
        if i >= n or starts[i] >= e:
            out.append((s + cum[i], e + cum[i]))
            continue
        m = max(bisect_left(starts, e) - 1, i)
        ns = s + cum[i] if s < starts[i] else starts[i] + cum[i]
        am, bm, tm = ops[m]
        ne = e + cum[m + 1] if e > bm else am + cum[m] + len(tm)
        out.append((ns, max(ns, ne)))
    return _merge_spans(out)


def _merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out


def settings_key(config: CheckConfig) -> list[Any]:
    """What of the settings decides which findings a review lists, as saved with it: a review restored under
    other settings (a typography profile, the house style, rules turned on or off, a glossary) is checked again.
    Not the language (the review keeps the one it resolved) nor the word lists (the review applies those itself)."""
    return [config.profile, config.house_style, sorted(config.enabled), sorted(config.disabled), config.glossary_path]


def _initial_status(f: Finding, config: CheckConfig) -> Status:
    return Status.IGNORED if f.text in config.ignored_words else Status.PENDING


def _edit_finding(e: Edit, like: Finding | None) -> Finding:
    """A finding in raw coordinates for an automatic edit whose own finding was made on an intermediate text."""
    return Finding(
        e.category,
        e.rule,
        like.severity if like else Severity.INFO,
        e.start,
        e.end,
        e.before,
        like.message if like else _("fixed automatically"),
        (e.replacement,),
        True,
    )


def _auto_items(plan: Plan, by_key: dict[Any, Finding]) -> tuple[Plan, list[Item]]:
    """One AUTO item per edit of the plan (ids 1..n, in raw order), and the plan with each edit tagged by it."""
    items: list[Item] = []
    edits: list[Edit] = []
    pmap = plan.map
    for idx, e in enumerate(plan.edits):
        f = by_key.get(e.key) if e.key else None
        if f is None or (f.start, f.end) != (e.start, e.end):
            f = _edit_finding(e, f)
        cs = pmap._cs[idx]
        item_id = idx + 1
        items.append(Item(item_id, f, Status.AUTO, e.replacement, cs, cs + len(e.replacement), e.start, e.end))
        edits.append(replace(e, item=item_id))
    return Plan(plan.raw, tuple(edits)), items


_PARA_RULES: frozenset[str] | None = None


def _paragraph_rule_ids() -> frozenset[str]:
    global _PARA_RULES
    if _PARA_RULES is None:
        from editor.core.rules import all_rules

        _PARA_RULES = frozenset(r.id for r in all_rules() if r.scope == "paragraph")
    return _PARA_RULES


def know_paragraph_rule_ids(ids: frozenset[str]) -> None:
    """The paragraph rules' ids, told by a process that loaded every rule (the editor's re-check process): the
    window's process then never imports them all, which held its interpreter lock ~0.1 s at the first re-check."""
    global _PARA_RULES
    if _PARA_RULES is None:
        _PARA_RULES = ids
