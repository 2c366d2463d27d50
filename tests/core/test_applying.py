"""Applying first suggestions in batch: chosen by rule prefix, never two overlapping, logged in raw coordinates."""

from __future__ import annotations

from editor.core.applying import apply_suggestions, chosen, unknown_prefixes
from editor.core.article import Article
from editor.core.cleaning import clean_article
from editor.core.findings import Severity, make_finding


def test_prefixes_choose_rules() -> None:
    assert chosen("repetition.stutter", ("repetition",)) and chosen("spelling.unknown-word", ("all",))
    assert not chosen("spelling.unknown-word", ("repetition", "typography"))
    assert unknown_prefixes(["all", "repetition", "spellin", "nosuch"], ["repetition.stutter", "spelling.x"]) == [
        "nosuch"
    ]


def test_overlapping_suggestions_are_never_both_applied() -> None:
    raw = "Le le gouv-gouvernement , dit-il."
    c = clean_article(Article(raw, source="a.txt"))
    text = c.text
    a = make_finding(text, "repetition.doubled-word", Severity.WARNING, 0, 5, "m", ("Le",))
    b = make_finding(text, "spelling.unknown-word", Severity.WARNING, 3, 23, "m", ("XXX",))
    c.remaining = [b, a]
    plan, done = apply_suggestions(c, ("all",))
    assert done == [a]
    assert plan.apply() == "Le gouv-gouvernement, dit-il."
    assert [e.before for e in plan.edits if not e.auto] == ["Le le"]
    for e in plan.edits:
        assert raw[e.start : e.end] == e.before
