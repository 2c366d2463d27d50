"""Applying suggestions in batch (`galley clean --apply PREFIX`): what a corpus team does instead of reviewing.

Why in the plan: the applied suggestions join the automatic fixes as edits of the same raw→clean plan, so the
change log of a cleaned corpus says, for every change, which rule made it and whether it was automatic or an
accepted suggestion, and the raw↔clean map stays exact.

Which findings: those left for review after cleaning whose rule id starts with one of the prefixes (`all` for
every rule) and that carry a suggestion. Findings that overlap are never both applied: the earlier one wins and
the other stays as it was, so no replacement is ever cut in two. A finding that says its agreement could not be
decided is not applied. After the suggestions, one more automatic pass tidies what they leave (a doubled space).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from editor.core.cleaning import Cleaned, Plan, clean_text, compose, compose_plans, edit_from_finding, splice
from editor.core.findings import Finding
from editor.core.rules.base import CheckConfig

ALL = "all"


def chosen(rule: str, prefixes: Sequence[str]) -> bool:
    """Whether `--apply` with `prefixes` takes findings of `rule` (a prefix matches whole id segments or more)."""
    return ALL in prefixes or any(rule.startswith(p) for p in prefixes)


def unknown_prefixes(prefixes: Iterable[str], rule_ids: Iterable[str]) -> list[str]:
    """The prefixes that select no rule at all (most likely typing slips the user wants to hear about)."""
    ids = list(rule_ids)
    return [p for p in prefixes if p != ALL and not any(r.startswith(p) for r in ids)]


def _applicable(findings: Iterable[Finding], prefixes: Sequence[str]) -> list[Finding]:
    """The findings to apply, sorted and without overlaps (the earlier, then the longer, wins)."""
    out: list[Finding] = []
    last_end = -1
    for f in sorted(findings, key=lambda f: (f.start, -f.end, f.rule)):
        if not f.suggestions or f.suggestions[0] == f.text or not chosen(f.rule, prefixes):
            continue
        if f.extra.get("agreement") == "unknown":
            continue
        if f.start < last_end or (f.start == f.end == last_end):
            continue
        out.append(f)
        last_end = f.end
    return out


def apply_suggestions(
    cleaned: Cleaned, prefixes: Sequence[str], config: CheckConfig | None = None
) -> tuple[Plan, list[Finding]]:
    """The cleaning plan with the first suggestion of every chosen remaining finding folded in, and those findings
    (in the coordinates of `cleaned.text`)."""
    todo = _applicable(cleaned.remaining, prefixes)
    if not todo:
        return cleaned.plan, []
    ops = [(f.start, f.end, f.suggestions[0], replace(edit_from_finding(f), decision="accepted")) for f in todo]
    i, j, new = compose(cleaned.plan, ops, cleaned.text)
    plan = splice(cleaned.plan, i, j, new)
    tidy = clean_text(plan.apply(), cleaned.lang, config, source_url=cleaned.article.url, title=cleaned.article.title)
    return compose_plans(plan, tidy.plan), todo
