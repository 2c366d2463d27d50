"""Finding messages in the language the person reads now, for a review saved while another one was in use.

A review keeps the message each rule wrote when the article was analysed; a session saved in English and reopened
in French would otherwise show English findings under French menus. Rules format their messages from what they
found (a word, a count, the suggestion), and nothing but the message is kept, so the only faithful way to say
the same thing in another language is to let the rules say it again: the article is analysed again (as a fresh
open would) and each stored finding takes the message of the fresh finding with the same rule, span and text.
Only messages change: every decision, hand edit, position and undo step of the review stays as it was.

Findings made by a re-check after a hand edit are not in a fresh analysis of the source; those still on the text
are found again by re-checking their paragraph, the others (their text was replaced since) take the message the
fresh analysis gives to the same rule and text when that message is unique. A finding matched by none of these
keeps its message; the review is still marked as written in the current language, so this costs one analysis
per language change, not one per open.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from editor.core.findings import Finding
from editor.core.i18n import current_language
from editor.core.review import Review
from editor.core.review_items import Item, _paragraph_bounds, _paragraph_rule_ids

Key = tuple[str, int, int, str]  # rule, start, end, text


def follow_language(review: Review) -> Review:
    """`review` with its findings' messages in the current language (the same review when they already are)."""
    language = current_language()
    if review.messages_language == language:
        return review
    fresh = _analysed_again(review)
    by_key: dict[Key, str] = {it.finding.key: it.finding.message for it in fresh.items}
    by_place = _rechecked(review, by_key)
    by_words = _unique_by_rule_and_text([*fresh.items], by_place)
    state = review.to_state()
    for d, live in _item_dicts(state):
        f = d["finding"]
        key = (f["rule"], int(f["start"]), int(f["end"]), f["text"])
        message = by_key.get(key)
        if message is None and live:
            message = by_place.get((f["rule"], int(d["start"]), int(d["end"]), f["text"]))
        if message is None:
            message = by_words.get((f["rule"], f["text"]))
        if message is not None:
            f["message"] = message
    state["messages"] = language
    return Review.restore(review.article, review.config, state)


def _analysed_again(review: Review) -> Review:
    """A fresh review of the same article. A long analysis still reports how far it went, but not what it finds:
    the window would list those findings, decided ones included, as if nothing had been decided yet."""
    from editor.core.engine import _reporter, reporting

    outer = _reporter.get()
    if outer is None:
        return Review.open(review.article, review.config)

    def progress_only(done: int, total: int, _found: list[Finding]) -> None:
        outer(done, total, [])

    with reporting(progress_only):
        return Review.open(review.article, review.config)


def _rechecked(review: Review, known: dict[Key, str]) -> dict[Key, str]:
    """Messages of the paragraph rules, in current positions, for the paragraphs holding a finding the fresh
    analysis does not know (a re-check made it after a hand edit) whose text is still there."""
    text = review.cleaned
    paragraph_rules = _paragraph_rule_ids()
    spans: set[tuple[int, int]] = set()
    for it in review.items:
        if it.finding.key in known or it.rule not in paragraph_rules or text[it.start : it.end] != it.text:
            continue
        spans.add(_paragraph_bounds(text, it.start, it.end))
    if not spans:
        return {}
    from editor.core.engine import recheck_paragraph

    out: dict[Key, str] = {}
    for s, e in sorted(spans):
        for f in recheck_paragraph(text, s, e, review.lang, review.config, source_url=review.article.url):
            out.setdefault(f.key, f.message)
    return out


def _unique_by_rule_and_text(items: Iterable[Item], rechecked: dict[Key, str]) -> dict[tuple[str, str], str]:
    """(rule, flagged text) -> message, where every fresh finding of that rule on that text says the same."""
    seen: dict[tuple[str, str], str | None] = {}
    pairs = [((it.rule, it.text), it.finding.message) for it in items]
    pairs += [((rule, text), message) for (rule, _s, _e, text), message in rechecked.items()]
    for key, message in pairs:
        seen[key] = message if seen.get(key, message) == message else None
    return {k: v for k, v in seen.items() if v is not None}


def _item_dicts(state: dict[str, Any]) -> Iterator[tuple[dict[str, Any], bool]]:
    """Every stored item of a review state, True for the live ones (the undo and redo steps' copies False)."""
    for d in state["items"]:
        yield d, True
    for step in (*state.get("undo", ()), *state.get("redo", ())):
        for side in ("before", "after"):
            for _id, d in step[side]:
                if d is not None:
                    yield d, False
