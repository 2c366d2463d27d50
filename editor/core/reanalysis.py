"""The findings on a text after some fixes, worked out from the findings before them: the cleaner's later passes.

Why not simply analyse the fixed text again: cleaning a damaged article applies hundreds of fixes spread all over
it, then must know the findings on the result (a fix can clear or reveal others). A whole second analysis nearly
doubled the time a long article took to open in the editor. The rules' contract makes most of it unnecessary:
paragraph rules give the same findings on any run of whole paragraphs cut at a single blank line as on the whole
text (the engine's parallel chunks rely on it too). So

- the text is cut where the engine may cut it (a single blank line between two paragraphs); a stretch between two
  cuts is a *unit*;
- units an edit touched (or came close to) are checked again with the paragraph rules;
- every other finding of the paragraph rules is moved by the length the edits before it changed, and keeps the
  suggestions it was offered with: its sentence is unchanged, so checking them in context again (the costliest
  step) would give the same answer;
- document rules, which weigh the whole article, run once over the new text.

The result is exactly that of a whole analysis of the new text; tests compare both on damaged texts.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from editor.core.findings import Finding
from editor.core.rules.base import CheckConfig, Rule

if TYPE_CHECKING:
    from editor.core.cleaning import Edit, Plan
    from editor.core.incontext import Verdicts

# How far outside a unit an edit still counts as touching it: the single blank line ("\n\n") of a cut, so an edit
# that changes a cut (joins or splits units) re-checks the units on both sides.
_REACH = 2


def units(text: str) -> list[tuple[int, int]]:
    """(start, end) of the units covering `text`: consecutive, separated by exactly "\\n\\n"."""
    from editor.core.engine import _cuts

    return _cuts(text, 0)


def touched_units(spans: Sequence[tuple[int, int]], bounds: Sequence[tuple[int, int]]) -> list[int]:
    """Indexes of the units (`bounds`, sorted) that any (start, end) of `spans` (sorted) touches or comes within
    `_REACH` of."""
    starts = [s for s, _ in bounds]
    out: set[int] = set()
    for cs, ce in spans:
        j = max(0, bisect_right(starts, cs + _REACH) - 1)
        while j > 0 and bounds[j - 1][1] + _REACH >= cs:
            j -= 1
        while j < len(bounds) and bounds[j][0] - _REACH <= ce:
            if bounds[j][1] + _REACH >= cs:
                out.add(j)
            j += 1
    return sorted(out)


def _runs(touched: Sequence[int], bounds: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Consecutive touched units joined into one span each (fewer, longer rule calls; the same findings)."""
    runs: list[tuple[int, int]] = []
    prev = -2
    for j in touched:
        if j == prev + 1:
            runs[-1] = (runs[-1][0], bounds[j][1])
        else:
            runs.append(bounds[j])
        prev = j
    return runs


# A batch of runs is checked as one text: the runs joined by the blank line that cuts units apart.
_BATCH_MIN_CHARS = 5_000
_BATCH_MAX_CHARS = 40_000
_BATCHES = 16  # enough tasks for the processes to share them out evenly


def _batches(runs: Sequence[tuple[int, int]]) -> list[tuple[tuple[int, int], ...]]:
    """The runs in batches of consecutive runs, each about the same length.

    Why: a damaged article has its fixes all over, so the touched units come as hundreds of short runs, and every
    rule call costs a fixed part besides its text (a third of the re-check's time, measured on a 200,000-word
    article). Joined by a single blank line, the runs of a batch are one text of whole paragraphs cut where the
    engine may cut, and paragraph rules find there what they find on each run alone."""
    total = sum(e - s for s, e in runs)
    size = max(_BATCH_MIN_CHARS, min(_BATCH_MAX_CHARS, total // _BATCHES))
    out: list[tuple[tuple[int, int], ...]] = []
    batch: list[tuple[int, int]] = []
    length = 0
    for run in runs:
        batch.append(run)
        length += run[1] - run[0]
        if length >= size:
            out.append(tuple(batch))
            batch, length = [], 0
    if batch:
        out.append(tuple(batch))
    return out


def _hit_by_edit(f: Finding, edits: Sequence[Edit], e_starts: Sequence[int]) -> bool:
    """Whether an edit overlaps `f`, inserts inside it, or inserts at the point an empty finding marks."""
    k = bisect_right(e_starts, f.end) - 1
    while k >= 0:
        e = edits[k]
        if e.end < f.start:
            return False
        if (e.start < f.end and f.start < e.end) or (f.start < e.start < f.end) or e.start == e.end == f.start:
            return True
        k -= 1
    return False


def _ties(f: Finding) -> bool:
    """Whether `f` was shaped by other findings, which may be recomputed: two findings on the same words merged
    into one (the other may be a document rule's), or a removal that hides what lies inside it. Its unit is checked
    again so that the same happens as in a whole analysis."""
    from editor.core.engine import _is_removal

    return "also" in f.extra or _is_removal(f)


def carried_findings(
    step: Plan,
    text: str,
    before: Sequence[Finding],
    bounds: Sequence[tuple[int, int]],
    touched: Sequence[int],
) -> list[Finding]:
    """The findings of `before` (on `step.raw`) that lie in untouched units of `text` (`step.apply()`), moved
    there: neither an edit nor a touched unit reached them, so their text and sentence are unchanged."""
    pm = step.map
    edits = step.edits
    e_starts = [e.start for e in edits]
    u_starts = [s for s, _ in bounds]
    hot = set(touched)
    out: list[Finding] = []
    for f in before:
        if _hit_by_edit(f, edits, e_starts):
            continue
        cs, ce = pm.clean_span(f.start, f.end)
        j = bisect_right(u_starts, cs) - 1
        if j < 0 or j in hot or ce > bounds[j][1] or text[cs:ce] != f.text:
            continue
        out.append(f.shifted(cs - f.start) if cs != f.start else f)
    return out


def moved_findings(step: Plan, text: str, before: Sequence[Finding]) -> list[Finding]:
    """The findings of `before` (on `step.raw`) that no edit reached, moved to where their text now is in `text`
    (`step.apply()`)."""
    pm = step.map
    edits = step.edits
    e_starts = [e.start for e in edits]
    out: list[Finding] = []
    for f in before:
        if _hit_by_edit(f, edits, e_starts):
            continue
        cs, ce = pm.clean_span(f.start, f.end)
        if text[cs:ce] == f.text:
            out.append(f.shifted(cs - f.start) if cs != f.start else f)
    return out


def reanalyse(
    step: Plan,
    before: list[Finding],
    lang: str,
    config: CheckConfig,
    *,
    source_url: str | None,
    title: str | None,
    documents: bool = True,
) -> list[Finding]:
    """The findings on `step.apply()`, given `before`, the findings on `step.raw` (as the engine gives them):
    the same as `analyse_text(step.apply(), ...)`, for the cost of the units the edits touched.

    Findings carried from untouched units keep the suggestions they were offered with. A document rule's finding
    is made again, and is offered as carried when it comes out exactly as it was (its sentence is unchanged, and
    checking its suggestions in context did not change them the first time).

    With `documents=False` the document rules do not run: their findings of `before` that no edit reached are
    moved to the new text as they were. The paragraph rules' findings are still exact, but the result is only fit
    to plan the next fixes: a later call with `documents=True` (which re-checks every unit a moved finding of
    theirs shaped, see `_ties`) gives exactly what a whole analysis gives."""
    from editor.core.engine import _tidy, offered
    from editor.core.rules import rules_for

    text = step.apply()
    rules = rules_for(lang, config)
    para_rules = [r for r in rules if r.scope == "paragraph"]
    doc_rules = [r for r in rules if r.scope != "paragraph"]
    doc_ids = {r.id for r in doc_rules}
    if not documents:
        doc_rules = []
    bounds = units(text)
    pm = step.map
    spans = [pm.edit_span(i) for i in range(len(step.edits))]
    spans.extend(pm.clean_span(f.start, f.end) for f in before if _ties(f))
    touched = touched_units(sorted(spans), bounds)
    carried = carried_findings(step, text, before, bounds, touched)
    found = [f for f in carried if f.rule not in doc_ids]
    if not documents:
        found.extend(moved_findings(step, text, [f for f in before if f.rule in doc_ids]))
    settled = {id(f) for f in found}
    job = _Job(
        text, lang, config, source_url, title, para_rules, _families(doc_rules), _batches(_runs(touched, bounds))
    )
    spread = _spread(job)
    fresh, known = spread if spread is not None else (job.serial(), None)
    as_before = {(f.rule, f.start, f.end): f for f in carried if f.rule in doc_ids}
    for f in fresh:
        if f.rule in doc_ids and as_before.get((f.rule, f.start, f.end)) == f:
            settled.add(id(f))
        found.append(f)
    return offered(text, _tidy(found), lang, config, settled, known)


# ------------------------------------------------------------------------------------------------------------
# The re-check over several processes.
#
# In the editor's analysis process a long article's first pass already uses every core; its later passes did not:
# the touched units and the document rules ran one after the other in one process, the longest part of a long
# article's analysis. Here they are tasks for forked workers and this process alike: each family of document
# rules (rules of one family share intermediate results, such as the duplicate rules' paragraph index) is one task,
# each run of touched units another. Workers read the text and rules from the forked memory, and send back only
# findings. Which process runs a task changes nothing in its findings.


@dataclass(frozen=True, slots=True)
class _Job:
    text: str
    lang: str
    config: CheckConfig
    source_url: str | None
    title: str | None
    para_rules: list[Rule]
    doc_groups: list[list[Rule]]
    batches: list[tuple[tuple[int, int], ...]]
    #: the verdicts this process reached on suggestions, across its tasks (news repeats its sentences)
    verdicts: Verdicts = field(default_factory=dict)

    def para(self, batch: int) -> list[Finding]:
        """The paragraph rules' findings on the runs of batch number `batch`, in article offsets."""
        from editor.core.engine import _chunk_findings, _run
        from editor.core.rules.base import Context

        runs = self.batches[batch]
        if len(runs) == 1:
            return _chunk_findings(
                self.para_rules, self.text, runs[0], self.lang, self.config, self.source_url, self.title
            )
        starts: list[int] = []
        pos = 0
        for s, e in runs:
            starts.append(pos)
            pos += e - s + 2
        joined = "\n\n".join(self.text[s:e] for s, e in runs)
        ctx = Context(joined, self.lang, self.config, self.source_url, self.title, offset=runs[0][0])
        out: list[Finding] = []
        for f in _run(self.para_rules, ctx):
            k = bisect_right(starts, f.start) - 1
            shift = runs[k][0] - starts[k]
            out.append(f.shifted(shift) if shift else f)
        return out

    def doc(self, group: int) -> list[Finding]:
        from editor.core.engine import _run
        from editor.core.rules.base import Context

        ctx = Context(text=self.text, lang=self.lang, config=self.config, source_url=self.source_url, title=self.title)
        return _run(self.doc_groups[group], ctx)

    def serial(self) -> list[Finding]:
        found = [f for i in range(len(self.batches)) for f in self.para(i)]
        found.extend(f for i in range(len(self.doc_groups)) for f in self.doc(i))
        return found

    def do(self, task: tuple[int, int]) -> tuple[list[Finding], Verdicts]:
        """A task: (-1, group) runs a family of document rules, (0, batch) the paragraph rules on a batch; with
        the verdicts on the findings' suggestions in context not reached yet (checked in the process that found
        them, rather than afterwards in this one alone)."""
        from editor.core.incontext import precheck

        found = self.doc(task[1]) if task[0] < 0 else self.para(task[1])
        return found, precheck(self.text, found, self.lang, self.config, self.verdicts)


def _families(rules: Sequence[Rule]) -> list[list[Rule]]:
    groups: dict[str, list[Rule]] = {}
    for r in rules:
        groups.setdefault(r.id.split(".", 1)[0], []).append(r)
    return list(groups.values())


def _remembers(rules: Sequence[Rule]) -> bool:
    """Whether a family's rules reuse what they observed in an earlier pass (`reusing_observations`)."""
    from editor.core.rules._typography_base import ConventionRule

    return any(isinstance(r, ConventionRule) for r in rules)


#: how the last spread run shared its tasks out: {"tasks": n, "workers": tasks run by worker processes}
last_spread: dict[str, int] = {}


def _spread(job: _Job) -> tuple[list[Finding], Verdicts] | None:
    """The findings of every task, and the verdicts reached on their suggestions (the first reached on a
    sentence kept, in the order of the text, as in one process), spread over the processes `engine.parallel`
    allows; None when this process may not fork (it is not the editor's analysis process, or the text is short).

    Workers claim tasks from the front and this process from the back, one at a time (`sharing.share`, as the
    engine's first pass does): a pool's workers queued tasks ahead, which this process could then no longer take
    back, and one process ran the last heavy document rules while the other idled."""
    from editor.core import sharing
    from editor.core.engine import PARALLEL_MIN_CHARS, _can_fork, _default_jobs

    # Workers take tasks from the front, this process takes them back from the end: it runs the document rules,
    # the convention rules first, so that what they observed stays in its memory for the next pass (a forked
    # worker's memory ends with it).
    runs = [(0, i) for i in range(len(job.batches))]
    docs = sorted(((-1, i) for i in range(len(job.doc_groups))), key=lambda t: _remembers(job.doc_groups[t[1]]))
    tasks = runs + docs
    jobs = _default_jobs.get()
    if jobs < 2 or len(tasks) < 2 or len(job.text) < PARALLEL_MIN_CHARS or not _can_fork():
        return None
    done: dict[int, tuple[list[Finding], Verdicts]] = {}

    def task(i: int) -> tuple[list[Finding], Verdicts]:
        return job.do(tasks[i])

    last_spread.update(tasks=len(tasks), workers=sharing.share(len(tasks), jobs - 1, task, task, done.__setitem__))
    found: list[Finding] = []
    verdicts: Verdicts = {}
    for i in range(len(tasks)):
        found.extend(done[i][0])
        for key, verdict in done[i][1].items():
            verdicts.setdefault(key, verdict)
    return found, verdicts
