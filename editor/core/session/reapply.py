"""Replaying a session's decisions onto a review: after a restart, and onto a changed source.

Pure functions of a review and decision records (no session, no file), so an export can rebuild reviews in worker
processes and a changed source can be matched against the old decisions before anything is committed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from editor.core.article import Article
from editor.core.review_items import difference
from editor.core.rules.base import CheckConfig
from editor.core.session.records import Action, Decision

CONTEXT_CHARS = 40  # text kept on each side of a decision's finding, to find it again in a changed source
MATCH_CONTEXT = 12  # of which this much, nearest the finding, must be unchanged for the decision to re-apply

_ACTION_OF_STATUS = {
    "accepted": Action.ACCEPTED,
    "rejected": Action.REJECTED,
    "ignored": Action.IGNORED,
    "reverted": Action.REVERTED,
}


def rebuild_review(
    article: Article,
    config: CheckConfig,
    state: dict[str, Any],
    decisions: Sequence[Decision],
    typed: str | None = None,
) -> Any:
    """A review from its saved state, the session's decision rows and the text typed since the state.

    Pure (no session needed), so an export can rebuild reviews in worker processes. Replaying a decision the
    state already holds changes nothing; one whose text a later hand edit removed is skipped. A state saved under
    other settings than `config` is checked again under `config` (`editor.core.analysis.checked_again`)."""
    from editor.core.review import Review
    from editor.core.review import Status as ItemStatus
    from editor.core.review_items import settings_key

    review = Review.restore(article, config, state)
    by_item = {d.item_id: d for d in decisions if d.item_id is not None and d.active}
    for item in review.items:
        d = by_item.get(item.id)
        if d is None:
            continue
        try:
            current = review.item(item.id)  # an earlier replay may have dropped it
            if current.status is ItemStatus.PENDING:
                if d.action == Action.ACCEPTED and d.replacement is not None:
                    review.accept(item.id, d.replacement)
                elif d.action == Action.REJECTED:
                    review.reject(item.id)
                elif d.action == Action.IGNORED:
                    review.ignore_word(current.text)
            elif current.status is ItemStatus.AUTO and d.action == Action.REVERTED:
                review.revert(item.id)
        except (ValueError, KeyError):
            continue  # the text it applied to is gone (edited by hand since): nothing left to replay
    if typed is not None and typed != review.cleaned:
        a, b, text = difference(review.cleaned, typed)
        review.edit(a, b, text)
    if state.get("settings", settings_key(config)) != settings_key(config):
        from editor.core.analysis import checked_again

        review = checked_again(review)  # saved under other settings than the session's (a preference changed)
    return review


def context_around(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> tuple[str, str]:
    """The text on each side of a span, used to find a decision again in a changed source."""
    return text[max(0, start - width) : start], text[end : end + width]


def decisions_from_review(review: Any) -> list[dict[str, Any]]:
    """The decisions a review holds (items the person accepted, rejected, ignored or reverted), with their
    raw-text span and context, ready for the decisions table."""
    raw: str = review.raw
    out: list[dict[str, Any]] = []
    for item in review.items:
        action = _ACTION_OF_STATUS.get(str(item.status))
        if action is None:
            continue
        f = item.finding
        start, end, text = f.start, f.end, f.text
        raw_start = getattr(item, "raw_start", None)
        raw_end = getattr(item, "raw_end", None)
        if raw_start is not None and raw_end is not None:
            start, end = int(raw_start), int(raw_end)
            text = raw[start:end] if raw[start:end] == f.text else f.text
        before, after = context_around(raw, start, end) if raw[start:end] == text else ("", "")
        replacement = item.replacement if action == Action.ACCEPTED else None
        out.append(
            {
                "item_id": int(item.id),
                "action": str(action),
                "category": f.category,
                "rule": f.rule,
                "start": start,
                "end": end,
                "text": text,
                "replacement": replacement,
                "context_before": before,
                "context_after": after,
                "auto": bool(f.auto),
            }
        )
    return out


def replay_onto(
    article: Article, config: CheckConfig, decisions: Sequence[Decision]
) -> tuple[Any, int, list[Decision]]:
    """A fresh review of `article` with every decision that still matches replayed: (review, kept, lost).

    A decision matches when the text holds the same rule's finding on the same text with the same context on
    both sides (see `match_item`). Hand edits are not replayed."""
    from editor.core.review import Review

    review = Review.open(article, config)
    text = article.text
    kept_pairs: list[tuple[Decision, Any]] = []
    lost: list[Decision] = []
    used: set[int] = set()
    for d in decisions:
        item = match_item(review, text, d, used)
        if item is None:
            lost.append(d)
        else:
            used.add(item.id)
            kept_pairs.append((d, item))
    kept = 0
    for d, item in kept_pairs:
        try:
            if d.action == Action.ACCEPTED:
                review.accept(item.id, d.replacement)
            elif d.action == Action.REJECTED:
                review.reject(item.id)
            elif d.action == Action.REVERTED:
                review.revert(item.id)
            elif d.action == Action.IGNORED:
                review.ignore_word(d.text)
            kept += 1
        except (ValueError, KeyError, IndexError):
            lost.append(d)
    return review, kept, lost


def _common_suffix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def match_item(review: Any, text: str, d: Decision, used: set[int]) -> Any:
    """The item of a fresh review that is the same finding as decision `d`.

    Same rule, same text at its raw span, and the nearest `MATCH_CONTEXT` characters on each side unchanged
    (an edit further away does not lose the decision); among several, the one sharing the most context, then
    the nearest to the old position, wins."""
    best: Any = None
    best_key: tuple[int, int] | None = None
    need_before = d.context_before[-MATCH_CONTEXT:]
    need_after = d.context_after[:MATCH_CONTEXT]
    for item in review.items:
        f = item.finding
        if item.id in used or f.rule != d.rule or f.text != d.text:
            continue
        start = getattr(item, "raw_start", None)
        end = getattr(item, "raw_end", None)
        if start is None or end is None:
            start, end = f.start, f.end
        if text[start:end] != d.text:
            continue
        before = text[max(0, start - len(d.context_before)) : start]
        after = text[end : end + len(d.context_after)]
        if not before.endswith(need_before) or not after.startswith(need_after):
            continue
        if len(before) < len(need_before) or len(after) < len(need_after):
            continue
        key = (
            -(_common_suffix(before, d.context_before) + _common_prefix(after, d.context_after)),
            abs(start - d.start),
        )
        if best_key is None or key < best_key:
            best, best_key = item, key
    return best
