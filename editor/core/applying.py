"""Applying suggestions in batch (`galley clean --apply PREFIX`): what a corpus team does instead of reviewing.

Why in the plan: the applied suggestions join the automatic fixes as edits of the same raw→clean plan, so the
change log of a cleaned corpus says, for every change, which rule made it and whether it was automatic or an
accepted suggestion, and the raw↔clean map stays exact.

Which findings: those left for review after cleaning whose rule id is a prefix or starts with one followed by a
dot (`repetition`, `spelling.unknown-word`; `all` for every rule) and that carry a suggestion. Their suggestions are
checked in their sentence first (`editor.core.incontext`: elision, contraction, agreement), and applied with
`incontext.apply_first_suggestions`, which makes neighbouring replacements elide together (`que` + `ils` →
`qu'ils`). Findings that overlap are never both applied: the earlier one wins and the other stays as it was. A
finding whose agreement could not be decided is not applied. After the suggestions, one more automatic pass tidies
what they leave (a doubled space).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from rapidfuzz.distance import Levenshtein

from editor.core.cleaning import Cleaned, Edit, Plan, clean_text, compose, compose_plans, edit_from_finding, splice
from editor.core.findings import Finding
from editor.core.incontext import apply_first_suggestions, checked_suggestions
from editor.core.rules.base import CheckConfig

ALL = "all"


def chosen(rule: str, prefixes: Sequence[str]) -> bool:
    """Whether `--apply` with `prefixes` takes findings of `rule` (as `incontext.apply_first_suggestions` does)."""
    return any(p in (ALL, rule) or rule.startswith(p.rstrip(".") + ".") for p in prefixes)


def unknown_prefixes(prefixes: Iterable[str], rule_ids: Iterable[str]) -> list[str]:
    """The prefixes that select no rule at all (most likely typing slips the user wants to hear about)."""
    ids = list(rule_ids)
    return [p for p in prefixes if not any(chosen(r, (p,)) for r in ids)]


def apply_suggestions(
    cleaned: Cleaned, prefixes: Sequence[str], config: CheckConfig | None = None
) -> tuple[Plan, list[Finding]]:
    """The cleaning plan with the first suggestion of every chosen remaining finding folded in, and those findings
    (in the coordinates of `cleaned.text`)."""
    config = config or CheckConfig()
    remaining = [f for f in cleaned.remaining if f.suggestions and chosen(f.rule, prefixes)]
    if not remaining:
        return cleaned.plan, []
    # findings of paragraphs the cleaner re-checked come straight from the rules: check them in context here
    remaining = checked_suggestions(cleaned.text, remaining, cleaned.lang, config)
    settled, todo = apply_first_suggestions(cleaned.text, remaining, prefixes, cleaned.lang, config)
    todo = [f for f in todo if f.suggestions[0] != f.text]
    if not todo:
        return cleaned.plan, []
    templates = [replace(edit_from_finding(f), decision="accepted") for f in todo]
    ops = [(f.start, f.end, f.suggestions[0], t) for f, t in zip(todo, templates, strict=True)]
    i, j, new = compose(cleaned.plan, ops, cleaned.text)
    plan = splice(cleaned.plan, i, j, new)
    unsettled = plan.apply()
    if unsettled != settled:  # the elisions made where replacements meet their neighbours
        extra = _text_ops(unsettled, settled, todo, templates)
        i, j, new = compose(plan, extra, unsettled)
        plan = splice(plan, i, j, new)
    tidy = clean_text(plan.apply(), cleaned.lang, config, source_url=cleaned.article.url, title=cleaned.article.title)
    return compose_plans(plan, tidy.plan), todo


def _text_ops(
    before: str, after: str, todo: Sequence[Finding], templates: Sequence[Edit]
) -> list[tuple[int, int, str, Edit | None]]:
    """The replacements that turn `before` into `after`, which differ in a few places on the same lines; each
    takes the origin of the applied finding nearest to it, so the change log says which fix it completes."""
    a_lines, b_lines = before.split("\n"), after.split("\n")
    pairs: list[tuple[int, str, str]] = []
    if len(a_lines) == len(b_lines):
        pos = 0
        for la, lb in zip(a_lines, b_lines, strict=True):
            if la != lb:
                pairs.append((pos, la, lb))
            pos += len(la) + 1
    else:  # not expected (elisions keep lines): one replacement over the part that differs
        p = 0
        while p < min(len(before), len(after)) and before[p] == after[p]:
            p += 1
        q = 0
        while q < min(len(before), len(after)) - p and before[-1 - q] == after[-1 - q]:
            q += 1
        pairs.append((p, before[p : len(before) - q], after[p : len(after) - q]))
    ops: list[tuple[int, int, str, Edit | None]] = []
    for off, la, lb in pairs:
        for op in Levenshtein.opcodes(la, lb):
            if op.tag == "equal":
                continue
            a, b, rep = off + op.src_start, off + op.src_end, lb[op.dest_start : op.dest_end]
            if ops and ops[-1][1] == a:
                ops[-1] = (ops[-1][0], b, ops[-1][2] + rep, ops[-1][3])
                continue
            k = min(range(len(todo)), key=lambda n: abs(todo[n].start - a))
            ops.append((a, b, rep, templates[k]))
    return ops
