"""From raw text to a clean article: an explicit, replayable plan of edits and the raw↔clean position map.

Why a plan and not a cleaned string: the editor must show where every change came from, let a person revert one
automatic fix, and scroll the raw and clean panes together. A plan (sorted, non-overlapping edits in raw
coordinates) gives all three: applying it is a pure function of the raw text, removing one edit and re-applying
gives the text without that edit, and the map follows from the edit lengths.

Only findings that can never change meaning are applied automatically: a rule's `auto` flag is honoured only for
the categories in `AUTO_CATEGORIES`, so a rule that mislabels a judgement call as `auto` cannot rewrite an
article. Everything else stays a suggestion for review.

Idempotence, precisely: `Plan.apply()` is a pure function (same raw text and edits, same output), and
`clean_text` iterates to a fixed point, so cleaning an already cleaned text finds no new automatic edit.

All positions are code points (Python string indices); the GUI converts to UTF-16 itself.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from editor.core.article import Article
from editor.core.findings import Finding
from editor.core.rules.base import CheckConfig

AUTO_CATEGORIES: frozenset[str] = frozenset(
    {"encoding", "markup", "whitespace", "typography", "boilerplate", "duplicate"}
)
# Categories whose automatic findings remove whole lines: they win over anything inside them.
LINE_REMOVAL_CATEGORIES: frozenset[str] = frozenset({"boilerplate", "duplicate"})
MAX_ROUNDS = 3

FindingKey = tuple[str, int, int, str]


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace raw[start:end] (code points) by `replacement`, because of `rule`.

    `before` is the raw text of the span, kept so an edit explains itself and can be undone without the raw
    text at hand. `key` is the originating finding's key (None for hand edits); `item` is the review item id
    the edit belongs to, when the review model made it.
    """

    start: int
    end: int
    replacement: str
    category: str
    rule: str
    auto: bool = True
    key: FindingKey | None = None
    before: str = ""
    item: int | None = None
    decision: str = "auto"

    @property
    def delta(self) -> int:
        return len(self.replacement) - (self.end - self.start)

    def to_json(self) -> dict[str, Any]:
        """The change-log record of `galley clean --format json` and of exports."""
        return {
            "category": self.category,
            "rule": self.rule,
            "raw_start": self.start,
            "raw_end": self.end,
            "before": self.before,
            "after": self.replacement,
            "decision": self.decision,
            "auto": self.auto,
        }

    @staticmethod
    def from_json(d: dict[str, Any]) -> Edit:
        return Edit(
            int(d["raw_start"]),
            int(d["raw_end"]),
            str(d["after"]),
            str(d["category"]),
            str(d["rule"]),
            bool(d["auto"]),
            tuple(d["key"]) if d.get("key") else None,
            str(d["before"]),
            d.get("item"),
            str(d.get("decision", "auto" if d["auto"] else "accepted")),
        )


def edit_from_finding(finding: Finding, replacement: str | None = None) -> Edit:
    """The edit that applies `finding` with its first suggestion (or `replacement`)."""
    rep = finding.suggestions[0] if replacement is None else replacement
    return Edit(
        finding.start,
        finding.end,
        rep,
        finding.category,
        finding.rule,
        finding.auto,
        finding.key,
        finding.text,
    )


def _conflict(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """Two raw spans cannot both be edited: they overlap, or both insert at the same point."""
    if a_start < b_end and b_start < a_end:
        return True
    return a_start == a_end == b_start == b_end


def check_edits(edits: Sequence[Edit], length: int | None = None) -> None:
    """Raise ValueError unless `edits` are sorted, in bounds and non-overlapping (the Plan invariant)."""
    prev: Edit | None = None
    for e in edits:
        if e.start > e.end or e.start < 0 or (length is not None and e.end > length):
            raise ValueError(f"edit out of bounds: {e.start}..{e.end}")
        if prev is not None:
            if (prev.start, prev.end) > (e.start, e.end) or prev.end > e.start:
                raise ValueError(f"edits overlap or are unsorted: {prev.start}..{prev.end} and {e.start}..{e.end}")
            if _conflict(prev.start, prev.end, e.start, e.end):
                raise ValueError(f"two insertions at {e.start}")
        prev = e


@dataclass(frozen=True, slots=True)
class Plan:
    """The raw text and the sorted, non-overlapping edits that turn it into the clean text."""

    raw: str
    edits: tuple[Edit, ...] = ()
    _cache: dict[str, Any] = field(default_factory=dict, compare=False, repr=False, hash=False)

    def __post_init__(self) -> None:
        check_edits(self.edits, len(self.raw))

    def apply(self) -> str:
        """The clean text. Pure: the same plan always gives the same text, and the raw text is never changed."""
        cached = self._cache.get("text")
        if cached is not None:
            return str(cached)
        parts: list[str] = []
        pos = 0
        raw = self.raw
        for e in self.edits:
            parts.append(raw[pos : e.start])
            parts.append(e.replacement)
            pos = e.end
        parts.append(raw[pos:])
        text = "".join(parts)
        self._cache["text"] = text
        return text

    def without(self, edit: Edit) -> Plan:
        """The plan minus one edit: applying it gives the text without that fix (how a person reverts it)."""
        edits = list(self.edits)
        edits.remove(edit)
        return Plan(self.raw, tuple(edits))

    def with_edit(self, edit: Edit) -> Plan:
        """The plan plus one edit; ValueError if it overlaps an edit already in the plan."""
        keys = [(e.start, e.end) for e in self.edits]
        i = bisect_left(keys, (edit.start, edit.end))
        for j in (i - 1, i):
            if 0 <= j < len(self.edits) and _conflict(self.edits[j].start, self.edits[j].end, edit.start, edit.end):
                raise ValueError(f"edit {edit.start}..{edit.end} overlaps an edit of the plan")
        if not edit.before:
            edit = replace(edit, before=self.raw[edit.start : edit.end])
        return Plan(self.raw, (*self.edits[:i], edit, *self.edits[i:]))

    @property
    def map(self) -> PositionMap:
        m = self._cache.get("map")
        if m is None:
            m = PositionMap(self.edits)
            self._cache["map"] = m
        return m

    def changes(self) -> list[dict[str, Any]]:
        return [e.to_json() for e in self.edits]

    def spliced(self, i: int, j: int, new: Sequence[Edit], text: str | None = None) -> Plan:
        """edits[i:j] replaced by `new` (from `compose`), checking only the seams and updating the position map
        incrementally, so an edit in a long article costs list copies, not a Python pass over every edit.
        `text` is the resulting clean text when the caller already has it."""
        edits = (*self.edits[:i], *new, *self.edits[j:])
        lo = max(0, i - 1)
        check_edits(edits[lo : i + len(new) + 1], len(self.raw))
        plan = Plan.__new__(Plan)
        object.__setattr__(plan, "raw", self.raw)
        object.__setattr__(plan, "edits", edits)
        cache: dict[str, Any] = {}
        object.__setattr__(plan, "_cache", cache)
        old_map = self._cache.get("map")
        if old_map is not None:
            cache["map"] = old_map.spliced(i, j, new)
        if text is not None:
            cache["text"] = text
        return plan


class PositionMap:
    """Two-way, monotone map between raw and clean positions, built once from a plan's edits.

    Outside edits, positions move by the sum of the length changes before them, so unchanged text round-trips
    exactly. Inside an edit, a position maps to the same offset in the other side's span, clamped to its length
    (equal-length repairs map character by character; a removed line maps to the point where it was).
    """

    __slots__ = ("_ce", "_cs", "_re", "_rs")

    def __init__(self, edits: Sequence[Edit]) -> None:
        self._rs: list[int] = []
        self._re: list[int] = []
        self._cs: list[int] = []
        self._ce: list[int] = []
        delta = 0
        for e in edits:
            self._rs.append(e.start)
            self._re.append(e.end)
            cs = e.start + delta
            self._cs.append(cs)
            self._ce.append(cs + len(e.replacement))
            delta += e.delta

    def spliced(self, i: int, j: int, new: Sequence[Edit]) -> PositionMap:
        """The map of the plan whose edits[i:j] were replaced by `new`."""
        m = PositionMap(())
        base = self._ce[i - 1] - self._re[i - 1] if i > 0 else 0
        ns = [e.start for e in new]
        m._rs = self._rs[:i] + ns + self._rs[j:]
        m._re = self._re[:i] + [e.end for e in new] + self._re[j:]
        ncs: list[int] = []
        nce: list[int] = []
        delta = base
        for e in new:
            c = e.start + delta
            ncs.append(c)
            nce.append(c + len(e.replacement))
            delta += e.delta
        if j < len(self._cs):
            old_shift = self._cs[j] - self._rs[j]
            dd = delta - old_shift
        else:
            dd = 0
        if dd:
            m._cs = self._cs[:i] + ncs + [x + dd for x in self._cs[j:]]
            m._ce = self._ce[:i] + nce + [x + dd for x in self._ce[j:]]
        else:
            m._cs = self._cs[:i] + ncs + self._cs[j:]
            m._ce = self._ce[:i] + nce + self._ce[j:]
        return m

    @staticmethod
    def _map(pos: int, starts: list[int], ends: list[int], ostarts: list[int], oends: list[int], left: bool) -> int:
        i = (bisect_left(starts, pos) if left else bisect_right(starts, pos)) - 1
        if i < 0:
            return pos
        if pos >= ends[i]:
            return oends[i] + (pos - ends[i])
        return min(ostarts[i] + (pos - starts[i]), oends[i])

    def raw_to_clean(self, pos: int, *, left: bool = False) -> int:
        """Clean position of raw `pos`. `left=True` prefers the position before text inserted exactly at `pos`
        (use it for the end of a span)."""
        return self._map(pos, self._rs, self._re, self._cs, self._ce, left)

    def clean_to_raw(self, pos: int, *, left: bool = False) -> int:
        """Raw position of clean `pos`; `left=True` prefers the position before text removed exactly at `pos`."""
        return self._map(pos, self._cs, self._ce, self._rs, self._re, left)

    def edit_span(self, index: int) -> tuple[int, int]:
        """Where the plan's edit number `index` (its replacement) lies in the clean text."""
        return self._cs[index], self._ce[index]

    def clean_span(self, raw_start: int, raw_end: int) -> tuple[int, int]:
        """Where a raw span lies in the clean text (empty if it was removed)."""
        s = self.raw_to_clean(raw_start)
        e = self.raw_to_clean(raw_end, left=True) if raw_end > raw_start else s
        return s, max(s, e)

    def raw_span(self, clean_start: int, clean_end: int) -> tuple[int, int]:
        """Where a clean span came from in the raw text."""
        s = self.clean_to_raw(clean_start)
        e = self.clean_to_raw(clean_end, left=True) if clean_end > clean_start else s
        return s, max(s, e)


# --------------------------------------------------------------------------------------------- choosing edits


NO_BREAK_SPACES = frozenset("\u00a0\u202f")


def is_space_upgrade(before: str, after: str) -> bool:
    """True when `after` only adds no-break spaces to `before` or turns its plain spaces into no-break ones.

    `40%` → `40\u00a0%` and `percée :` → `percée\u00a0:` are French house style, not repair: most correct French
    is typed that way (professionally edited news included), so cleaning leaves them to the person and the
    finding stays a suggestion. Removing a space (`Poutine ,`) or adding a missing plain one is repair.
    """
    if before == after or not any(c in NO_BREAK_SPACES for c in after):
        return False
    if any(c in NO_BREAK_SPACES for c in before):
        return False
    bare = "".join(c for c in after if c not in NO_BREAK_SPACES)
    if len(bare) > len(before) or bare.replace(" ", "") != before.replace(" ", ""):
        return False
    # `bare` must be `before` with some plain spaces taken out
    i = 0
    for c in before:
        if i < len(bare) and bare[i] == c:
            i += 1
        elif c != " ":
            return False
    return i == len(bare)


def only_spacing(before: str, after: str) -> bool:
    """True when `before` and `after` differ only in whitespace (spacing around punctuation, not its style)."""
    return "".join(before.split()) == "".join(after.split())


def is_automatic(finding: Finding) -> bool:
    """Whether cleaning may apply `finding` unasked.

    The rule must say so, its category must be one that never changes meaning, and it must repair rather than
    restyle correct text: typography fixes are automatic only when they change spacing (quote styles, dashes
    and the like are suggestions), and turning a plain space into a no-break one never is (`is_space_upgrade`).
    """
    if not (finding.auto and finding.category in AUTO_CATEGORIES and finding.suggestions):
        return False
    rep = finding.suggestions[0]
    if finding.category == "typography" and not only_spacing(finding.text, rep):
        return False
    return not is_space_upgrade(finding.text, rep)


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    return ls, (len(text) if le < 0 else le)


def _is_blank_line(text: str, ls: int, le: int) -> bool:
    return not text[ls:le].strip()


def _widen_line_removal(text: str, start: int, end: int) -> tuple[int, int]:
    """Extend the removal of whole lines so it takes its line break(s) and never leaves extra blank lines.

    A removed paragraph takes the blank line(s) after it (or before it, at the end of the text); a removed line
    inside a paragraph takes its own newline, so neighbouring paragraphs are neither glued nor spread apart.
    """
    ls, le = _line_bounds(text, start, end)
    if text[ls:start].strip() or text[end:le].strip():
        return start, end  # not a whole line: leave as is
    n = len(text)
    # Is the removed block a whole paragraph (blank line or text edge on both sides)?
    prev_blank = ls == 0 or _is_blank_line(text, *_line_bounds(text, ls - 1, ls - 1))
    next_blank = le >= n or _is_blank_line(text, *_line_bounds(text, le + 1, le + 1))
    if prev_blank and next_blank:
        # take the separator after it up to the next non-blank line
        j = le
        while j < n:
            nl = text.find("\n", j + 1)
            line_end = n if nl < 0 else nl
            if text[j + 1 : line_end].strip():
                break
            j = line_end
        if j < n:
            return ls, j + 1
        # last paragraph: take the separator before it instead
        i = ls
        while i > 0:
            ps = text.rfind("\n", 0, i - 1) + 1
            if text[ps : i - 1].strip():
                break
            i = ps
        return (i - 1 if i > 0 else 0), le  # keep the text's final line break
    if le < n:
        return ls, le + 1
    return (ls - 1 if ls > 0 else 0), le


def _candidate(raw: str, f: Finding) -> Edit:
    e = edit_from_finding(f)
    if f.category in LINE_REMOVAL_CATEGORIES and e.replacement == "" and f.end > f.start:
        s, t = _widen_line_removal(raw, f.start, f.end)
        if (s, t) != (f.start, f.end):
            e = replace(e, start=s, end=t, before=raw[s:t])
    return e


def _priority(e: Edit) -> tuple[int, int, int, str]:
    line_removal = e.category in LINE_REMOVAL_CATEGORIES and e.replacement == ""
    return (0 if line_removal else 1, -(e.end - e.start), e.start, e.rule)


def _choose_in_group(group: list[Edit]) -> list[Edit]:
    chosen_keys: list[tuple[int, int]] = []
    chosen: list[Edit] = []
    for e in sorted(group, key=_priority):
        i = bisect_left(chosen_keys, (e.start, e.end))
        bad = False
        j = i - 1  # to the left, only an insertion at e.start can hide a conflict further away
        while j >= 0:
            s, t = chosen_keys[j]
            if _conflict(s, t, e.start, e.end):
                bad = True
                break
            if t <= e.start and s < e.start:
                break
            j -= 1
        if not bad and i < len(chosen_keys):
            s, t = chosen_keys[i]
            bad = _conflict(s, t, e.start, e.end)
        if bad:
            continue
        chosen_keys.insert(i, (e.start, e.end))
        chosen.insert(i, e)
    return chosen


def choose_edits(raw: str, candidates: Iterable[Edit]) -> list[Edit]:
    """Non-overlapping edits from candidates, chosen deterministically: whole-line removals first (they swallow
    what lies inside them), then longer spans, then earlier ones, then by rule id.

    Candidates are first split into runs that overlap one another (one sweep); the choice is made inside each
    run, which gives the same result as over all of them at once and stays O(n log n) on a million findings.
    """
    cands = sorted((e for e in candidates if e.replacement != raw[e.start : e.end]), key=lambda e: (e.start, e.end))
    out: list[Edit] = []
    group: list[Edit] = []
    group_end = -1
    empty_at = -1
    for e in cands:
        joins = group and (e.start < group_end or (e.start == e.end == empty_at))
        if not joins and group:
            out.extend(group if len(group) == 1 else _choose_in_group(group))
            group = []
        group.append(e)
        group_end = max(group_end, e.end) if joins else e.end
        empty_at = e.start if e.start == e.end else empty_at if joins else -1
    if group:
        out.extend(group if len(group) == 1 else _choose_in_group(group))
    return out


def _new_breaks(before: str, after: str) -> list[int]:
    """Where `after` (a spacing change of `before`) has white space between two characters that touched in
    `before`: offsets in `after` of each such space run. Empty unless the edit only inserts white space."""
    out: list[int] = []
    i = j = 0
    while j < len(after):
        if after[j].isspace() and (i >= len(before) or not before[i].isspace()) and not before[i - 1 : i].isspace():
            out.append(j)
            while j < len(after) and after[j].isspace():
                j += 1
            continue
        if i < len(before) and before[i] == after[j]:
            i += 1
            j += 1
            continue
        return []  # not a plain insertion of white space
    return out if not before[i:].strip() else []


def _splits_a_word(plan: Plan, index: int) -> bool:
    """Whether the plan's edit `index` puts a space between two letters of the clean text: a word broken in two.

    A spacing rule fires on what it saw (`;nat` in `S&amp;eacute;nat`); when another fix rewrites what it saw in
    the same round (the entity becomes `é`), its space lands inside the restored word (`Sé nat`)."""
    e = plan.edits[index]
    breaks = _new_breaks(e.before, e.replacement)
    if not breaks:
        return False
    clean = plan.apply()
    cs, _ = plan.map.edit_span(index)
    for b in breaks:
        a, z = cs + b, cs + b
        while z < len(clean) and clean[z].isspace():
            z += 1
        if a > 0 and z < len(clean) and clean[a - 1].isalpha() and clean[z].isalpha():
            return True
    return False


def plan_from_findings(text: str, findings: Iterable[Finding]) -> Plan:
    """The plan of every automatic fix among `findings` (see `is_automatic`), overlaps resolved, without the
    spacing fixes that would split a word once the other fixes are applied (`_splits_a_word`)."""
    plan = Plan(text, tuple(choose_edits(text, (_candidate(text, f) for f in findings if is_automatic(f)))))
    spacing = [
        i
        for i, e in enumerate(plan.edits)
        if len(e.replacement) > len(e.before) and _new_breaks(e.before, e.replacement)
    ]
    bad = {i for i in spacing if _splits_a_word(plan, i)}
    if bad:
        plan = Plan(text, tuple(e for i, e in enumerate(plan.edits) if i not in bad))
    return plan


# --------------------------------------------------------------------------------------------- composing


@dataclass(slots=True)
class _Cluster:
    """Ops and plan edits that must become one edit (they overlap, or would insert at the same raw point)."""

    a: int  # clean start (pre-op coordinates)
    b: int  # clean end
    ra: int  # raw start
    rb: int  # raw end
    ops: list[tuple[int, int, str, Edit | None]]
    first_edit: Edit | None = None  # the first plan edit merged in


def compose(
    plan: Plan,
    ops: Sequence[tuple[int, int, str, Edit | None]],
    clean: str | None = None,
    *,
    keep_origin: bool = False,
) -> tuple[int, int, list[Edit]]:
    """Fold clean-coordinate replacements into a plan; returns the splice `(i, j, new)`: edits[i:j] -> new.

    `ops` are `(clean_start, clean_end, text, template)` sorted and non-overlapping (at most one insertion per
    point), in coordinates of `plan.apply()`. `template` carries the origin (category, rule, auto, key, item,
    decision) of the new edit; None means a hand edit. An op overlapping existing edits merges with them into one
    edit spanning both, with the op's origin; an insertion at the very point of another insertion merges with it.
    Edits whose replacement equals the raw text are dropped, so a revert leaves no trace. One pass over the plan.
    """
    raw = plan.raw
    clean = plan.apply() if clean is None else clean
    ops = [op for op in ops if op[2] != clean[op[0] : op[1]]]  # a no-op must not re-attribute its neighbours
    if not ops:
        return 0, 0, []
    edits = plan.edits
    pm = plan.map
    cs, ce = pm._cs, pm._ce
    n = len(edits)
    k = bisect_left(ce, ops[0][0])
    first = k
    out: list[Edit] = []
    shift = ce[k - 1] - edits[k - 1].end if k > 0 else 0  # clean minus raw position in the current gap
    cl: _Cluster | None = None

    def flush(c: _Cluster) -> None:
        parts: list[str] = []
        pos = c.a
        tpl: Edit | None = None
        for oa, ob, ot, otpl in c.ops:
            parts.append(clean[pos:oa])
            parts.append(ot)
            pos = ob
            tpl = tpl or otpl
        if keep_origin and c.first_edit is not None:
            tpl = c.first_edit
        parts.append(clean[pos : c.b])
        replacement = "".join(parts)
        before = raw[c.ra : c.rb]
        if replacement == before:
            return
        if tpl is None:
            out.append(Edit(c.ra, c.rb, replacement, "edit", "edit.hand", False, None, before, None, "edited"))
        else:
            out.append(replace(tpl, start=c.ra, end=c.rb, replacement=replacement, before=before))

    for op in ops:
        a, b, _, _ = op
        empty = a == b
        joins = cl is not None and (a < cl.b or (empty and a == cl.b and cl.ra == cl.rb))
        if cl is not None and not joins:
            flush(cl)
            shift = cl.b - cl.rb
            cl = None
        # plan edits wholly before the op are kept as they are
        while k < n and (ce[k] < a or (ce[k] == a and not (empty and edits[k].start == edits[k].end))):
            if cl is not None:  # cannot happen: a joined op starts inside the cluster, before these edits
                break
            out.append(edits[k])
            shift = ce[k] - edits[k].end
            k += 1
        g0 = k
        while k < n and (
            (cs[k] < b and a < ce[k]) or (empty and edits[k].start == edits[k].end and (cs[k] == a or ce[k] == a))
        ):
            k += 1
        gap = (cl.b - cl.rb) if cl is not None else shift
        if k > g0:
            ga = min(a, cs[g0])
            gb = max(b, ce[k - 1])
            gra = edits[g0].start - max(0, cs[g0] - a)
            grb = edits[k - 1].end + max(0, b - ce[k - 1])
        else:
            ga, gb, gra, grb = a, b, a - gap, b - gap
        if cl is None:
            cl = _Cluster(ga, gb, gra, grb, [op], edits[g0] if k > g0 else None)
        else:
            cl.ops.append(op)
            if cl.first_edit is None and k > g0:
                cl.first_edit = edits[g0]
            if gb > cl.b:
                cl.b, cl.rb = gb, grb
    if cl is not None:
        flush(cl)
    return first, k, out


def splice(plan: Plan, i: int, j: int, new: Sequence[Edit], text: str | None = None) -> Plan:
    """The plan with edits[i:j] replaced by `new` (see `Plan.spliced`)."""
    return plan.spliced(i, j, new, text)


# --------------------------------------------------------------------------------------------- whole articles


@dataclass(slots=True)
class Cleaned:
    """An article after cleaning.

    `findings` are the findings on the raw text the first plan came from; `remaining` are the findings on the
    clean text (clean coordinates) that were not applied: the suggestions left for review.
    """

    article: Article
    lang: str
    findings: list[Finding]
    plan: Plan
    text: str
    map: PositionMap
    remaining: list[Finding] = field(default_factory=list)

    def changes(self) -> list[dict[str, Any]]:
        return self.plan.changes()


def compose_plans(first: Plan, second: Plan) -> Plan:
    """One raw→clean plan from a raw→mid plan and a mid→clean plan (edits of the second merge into the first)."""
    ops = [(e.start, e.end, e.replacement, e) for e in second.edits]
    if not ops:
        return first
    i, j, new = compose(first, ops, keep_origin=True)
    return splice(first, i, j, new)


def clean_text(
    text: str,
    lang: str,
    config: CheckConfig | None = None,
    *,
    source_url: str | None = None,
    title: str | None = None,
    findings: list[Finding] | None = None,
) -> Cleaned:
    """Clean `text` to a fixed point: after the first plan, the text is analysed again where fixes changed it
    (see `editor.core.reanalysis`) and any new automatic fix is folded into the plan, at most MAX_ROUNDS times."""
    from editor.core.incontext import remembering
    from editor.core.rules._typography_base import reusing_observations

    with remembering(), reusing_observations():
        return _clean_text(text, lang, config or CheckConfig(), source_url, title, findings)


def _clean_text(
    text: str,
    lang: str,
    config: CheckConfig,
    source_url: str | None,
    title: str | None,
    findings: list[Finding] | None,
) -> Cleaned:
    from editor.core.engine import PARALLEL_MIN_CHARS, analyse_text
    from editor.core.reanalysis import reanalyse

    first = findings if findings is not None else analyse_text(text, lang, config, source_url=source_url, title=title)
    step = plan_from_findings(text, first)
    plan = step
    current = first
    rounds = 0
    # The document rules weigh the whole article again on every pass; on a long article that is most of a pass
    # that re-checks a few units. The first fixes of a damaged long article nearly always reveal more (a repaired
    # `?Ã©` is a missing space after `?`), so its first later pass plans with the document findings moved as they
    # were, and the document rules weigh the text from the next pass on (or at once, when no fix is left).
    documents = len(text) < PARALLEL_MIN_CHARS
    while step.edits:
        current = reanalyse(step, current, lang, config, source_url=source_url, title=title, documents=documents)
        rounds += 1
        clean = step.apply()
        step = plan_from_findings(clean, current)
        if not documents and (not step.edits or rounds > MAX_ROUNDS):
            current = reanalyse(Plan(clean, ()), current, lang, config, source_url=source_url, title=title)
            step = plan_from_findings(clean, current)
        documents = True
        if not step.edits or rounds > MAX_ROUNDS:
            break
        plan = compose_plans(plan, step)
    remaining = [f for f in current if not (is_automatic(f) and f.suggestions[0] == f.text)]
    art = Article(text=text, title=title, url=source_url, lang=lang)
    return Cleaned(art, lang, first, plan, plan.apply(), plan.map, remaining)


def clean_article(article: Article, config: CheckConfig | None = None) -> Cleaned:
    """The article with every safe fix applied, its plan, map and the suggestions left for review."""
    from editor.core.engine import analyse, resolve_lang
    from editor.core.incontext import remembering
    from editor.core.rules._typography_base import reusing_observations

    config = config or CheckConfig()
    lang = resolve_lang(article, config)
    # the cleaner's passes judge again few suggestions the analysis did not, and observe again few paragraphs
    with remembering(), reusing_observations():
        first = analyse(article, config)
        c = clean_text(article.text, lang, config, source_url=article.url, title=article.title, findings=first)
    c.article = article
    return c
