"""Typing made before an article's review exists (while it loads or is analysed), kept and rebased.

Until the analysis arrives the Cleaned pane shows the article as loaded, and the person may already type in it.
Throwing those keystrokes away, or replacing the pane's text under the cursor when the review arrives, loses
work; so every edit is recorded as a (start, end, text) replacement in the pane's coordinates at that moment, and
when the review arrives each one is carried over to the review's cleaned text: a position in the loaded text
goes through the review's own raw-to-clean map, and the edits before it shift it as they shifted the pane.

Plain Python (no Qt): the same list is saved in the session so that a crash during the analysis loses nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import Any

Edit = tuple[int, int, str]


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """The text after the edits, applied in order (each in the coordinates the previous ones left)."""
    for s, e, t in edits:
        text = text[:s] + t + text[e:]
    return text


def rebase(edits: Sequence[Edit], to_clean: Callable[[int], int]) -> list[Edit]:
    """The same edits, in order, for a text whose positions relate to the loaded text through `to_clean`.

    Each returned edit is in the coordinates the previous returned edits leave, like the input."""
    done: list[tuple[Edit, Edit]] = []  # (edit in pane space, the same edit in clean space)

    def mapped(p: int) -> int:
        # Walk back through the edits already made, to the loaded text's coordinates, adding up how each later
        # edit moved the clean position; a position inside typed text stays inside it.
        offset = 0
        for (s, e, t), (cs, ce, _t) in reversed(done):
            if p <= s:
                continue
            if p < s + len(t):
                return cs + (p - s) + offset
            offset += len(t) - (ce - cs)
            p = p - len(t) + (e - s)
        return to_clean(p) + offset

    out: list[Edit] = []
    for s, e, t in edits:
        cs = mapped(s)
        ce = max(cs, mapped(e))
        out.append((cs, ce, t))
        done.append(((s, e, t), (cs, ce, t)))
    return out


def base_of(state: dict[str, Any] | None) -> str:
    """What a saved draft was typed over: the fingerprint of the session's cleaned text when the analysis
    started ("" when the article had no review yet). A draft is replayed only onto that same base, so a draft
    already folded into the review (crash between the two writes) is never applied twice."""
    if not state:
        return ""
    text = state.get("cleaned")
    return hashlib.sha256(str(text).encode("utf-8", "surrogatepass")).hexdigest() if text is not None else "state"


def to_json(edits: Sequence[Edit], base: str) -> dict[str, Any]:
    return {"base": base, "edits": [[s, e, t] for s, e, t in edits]}


def from_json(value: object) -> tuple[list[Edit], str] | None:
    """A saved draft, or None when there is none (or it is not one)."""
    if not isinstance(value, dict) or not isinstance(value.get("edits"), list):
        return None
    try:
        edits = [(int(s), int(e), str(t)) for s, e, t in value["edits"]]
    except (TypeError, ValueError):
        return None
    return edits, str(value.get("base", ""))
