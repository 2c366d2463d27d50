"""The single mapping from a review item to what the panes draw of it.

A pending finding is underlined in both panes; an applied fix is shown as inserted text in Cleaned and as removed
text in Raw; decided-against findings draw nothing. The whole-review builder (run in a worker for a new review)
and the per-item updates after a decision or a re-check all go through `clean_marks_of` / `raw_marks_of`, so the
two can never disagree.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from editor.gui.panes import Mark

if TYPE_CHECKING:
    from editor.core.review import Item, Review
    from editor.core.urls import Link

# Mark kinds a paragraph re-check replaces (links found in Raw are not re-checked).
RECHECKED_KINDS = frozenset({"finding", "link-broken", "inserted"})


def item_raw_span(review: Review, item: Item) -> tuple[int, int]:
    """Where an item lies in the Raw text: its own raw span when it has one, else its Cleaned span mapped back."""
    if item.raw_start is not None and item.raw_end is not None:
        return item.raw_start, item.raw_end
    return int(review.clean_to_raw(item.start)), int(review.clean_to_raw(item.end))


def _pending_kind(item: Item) -> str:
    f = item.finding
    return "link-broken" if f.category == "link" and str(f.severity) == "error" else "finding"


def clean_marks_of(item: Item) -> list[Mark]:
    """What the Cleaned pane draws for one item."""
    f = item.finding
    status = str(item.status)
    if status in ("auto", "accepted"):
        if item.end > item.start:
            return [Mark(item.start, item.end, "inserted", f.category, str(f.severity), item.id)]
    elif status == "pending":
        return [Mark(item.start, item.end, _pending_kind(item), f.category, str(f.severity), item.id)]
    return []


def raw_marks_of(review: Review, item: Item) -> list[Mark]:
    """What the Raw pane draws for one item."""
    f = item.finding
    status = str(item.status)
    if status in ("auto", "accepted"):
        kind = "removed"
    elif status == "pending":
        kind = _pending_kind(item)
    else:
        return []
    rs, re_ = item_raw_span(review, item)
    return [Mark(rs, re_, kind, f.category, str(f.severity), item.id)]


def is_shown(item: Item, enabled: Iterable[str]) -> bool:
    """Pending findings of a category switched off in Preferences are hidden (decisions stay visible), and so are
    those of a rule turned off, named "-rule.id" in `enabled` (`Preferences.shown`): a review saved before the
    rule was turned off still holds them."""
    if str(item.status) != "pending":
        return True
    return item.finding.category in enabled and "-" + item.finding.rule not in enabled


def build_marks(
    review: Review, enabled: Iterable[str], raw_links: Iterable[Link], raw: bool = True
) -> tuple[list[Mark], list[Mark]]:
    """(Cleaned marks, Raw marks) of a whole review, good links included. Pure Python: runs in a worker for a
    new review."""
    enabled = frozenset(enabled)
    clean_marks: list[Mark] = []
    raw_marks: list[Mark] = []
    for item in review.items:
        if not is_shown(item, enabled):
            continue
        clean_marks.extend(clean_marks_of(item))
        if raw:
            raw_marks.extend(raw_marks_of(review, item))
    for link in raw_links:
        if link.ok:
            raw_marks.append(Mark(link.start, link.end, "link"))
    return clean_marks, raw_marks
