"""Applying first suggestions in batch: chosen by rule prefix, never two overlapping, logged in raw coordinates."""

from __future__ import annotations

from editor.core.applying import apply_suggestions, chosen, unknown_prefixes
from editor.core.article import Article
from editor.core.cleaning import clean_article
from editor.core.findings import Severity, make_finding


def test_prefixes_choose_rules() -> None:
    assert chosen("repetition.stutter", ("repetition",)) and chosen("spelling.unknown-word", ("all",))
    assert chosen("spelling.unknown-word", ("spelling.unknown-word",)) and chosen("spelling.x", ("spelling.",))
    assert not chosen("spelling.unknown-word", ("repetition", "typography", "spell"))
    assert unknown_prefixes(["all", "repetition", "spellin", "nosuch"], ["repetition.stutter", "spelling.x"]) == [
        "spellin",
        "nosuch",
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


def test_replacements_elide_with_their_neighbours_and_are_logged() -> None:
    """Applied in batch, a register fix after `que` and a glossary fix after `le` come out elided."""
    raw = "La Maison Blanche souligne que vous êtes proche d'un accord, dirigé par le Nahenvoyé Steve Witkoff.\n"
    plan, done = apply_suggestions(clean_article(Article(raw, source="a.txt")), ("register", "terminology"))
    assert plan.apply() == (
        "La Maison Blanche souligne qu'ils sont proches d'un accord, dirigé par l'envoyé pour le Proche-Orient "
        "Steve Witkoff.\n"
    )
    assert {f.rule for f in done} == {"register.second-person", "terminology.glossary"}
    for e in plan.edits:
        assert raw[e.start : e.end] == e.before and e.decision == "accepted"
