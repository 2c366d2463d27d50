"""Keeping a pending finding that an accepted fix overlapped, when what it says is still true.

Why: two findings can cover the same words without composing into one fix (a casing fix and a translation, a
repeat and a register fix). Accepting one rewrites those words; the other one's span and suggestions no longer
match the text, but its complaint may well still hold (`Fazit` is still German). Dropping it until a full
re-check let the German word ship. So each displaced finding's rule is asked again about the new text around the
fix: if it still fires there, the finding comes back at its new place, with suggestions made for the new text
(and checked in context like every suggestion); if it does not, the accepted fix settled it too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from editor.core.findings import Finding

if TYPE_CHECKING:
    from editor.core.review import Item, Review

#: Categories that never report a word Galley itself wrote (an accepted fix's words are known words).
OWN_WORDS = frozenset({"spelling", "foreign"})


def _paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    s = text.rfind("\n\n", 0, start)
    s = 0 if s < 0 else s + 2
    e = text.find("\n\n", end)
    return s, len(text) if e < 0 else e


def refound(review: Review, it: Item) -> Finding | None:
    """The finding `it`'s rule makes now on the text around `it`'s (moved) span, or None if it is settled."""
    from editor.core.engine import _tidy
    from editor.core.incontext import checked_suggestions
    from editor.core.rules import all_rules
    from editor.core.rules.base import Context

    rule = next((r for r in all_rules() if r.id == it.rule), None)
    if rule is None:
        return None
    text = review.cleaned
    config = review.config
    if rule.scope == "paragraph":
        ps, pe = _paragraph(text, it.start, it.end)
        ctx = Context(text=text[ps:pe], lang=review.lang, config=config, source_url=review.article.url, offset=ps)
        found = [f.shifted(ps) for f in rule.check(ctx)]
    else:
        ctx = Context(text=text, lang=review.lang, config=config, source_url=review.article.url)
        found = list(rule.check(ctx))
    here = [
        f
        for f in _tidy(found)
        if f.start <= it.end and f.end >= it.start and not (f.category in OWN_WORDS and f.text in review.proposed)
    ]
    if not here:
        return None
    (best,) = checked_suggestions(text, here[:1], review.lang, config)
    return best


def reanchor(review: Review, displaced: list[Item]) -> set[int]:
    """Put back, at their new place, the displaced pending items whose rule still fires there; their ids."""
    back: set[int] = set()
    for it in displaced:
        f = refound(review, it)
        if f is None:
            continue
        it.finding = f
        it.start, it.end = f.start, f.end
        review.restore_item(it)
        back.add(it.id)
    return back
