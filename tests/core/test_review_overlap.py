"""Overlapping findings stay honest in a review: accepting one never hides another that is still true."""

from __future__ import annotations

from pathlib import Path

from editor.core.article import Article
from editor.core.findings import Severity, make_finding
from editor.core.review import Review, Status
from editor.core.rules.base import CheckConfig

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample_000.txt"
TEXT = "Le rôle du Kremlin\n\nLe Kremlin a parlé hier.\n\nfazit\n\nLa guerre continue depuis des mois.\n"


def test_accepting_the_casing_fix_keeps_the_german_word_pending() -> None:
    at = TEXT.index("fazit")
    casing = make_finding(TEXT, "casing.heading-start", Severity.WARNING, at, at + 5, "capital", ("Fazit",))
    german = make_finding(TEXT, "terminology.glossary", Severity.WARNING, at, at + 5, "German", ("conclusion",))
    r = Review.open(Article(TEXT, lang="fr"), CheckConfig(lang="fr"), [casing, german])
    c = next(it for it in r.pending() if it.rule == "casing.heading-start")
    g = next(it for it in r.pending() if it.rule == "terminology.glossary")
    r.accept(c.id)
    assert "\nFazit\n" in r.cleaned
    again = r.item(g.id)  # re-anchored on the new text, still pending, with a suggestion for it
    assert again.status is Status.PENDING
    assert r.cleaned[again.start : again.end] == "Fazit"
    assert again.suggestions[0] == "Conclusion"
    r.accept(g.id)
    assert "\nConclusion\n" in r.cleaned
    r.undo()
    r.undo()
    assert r.cleaned == TEXT
    assert {it.status for it in r.items} == {Status.PENDING}


def test_a_fix_that_settles_the_other_finding_removes_it() -> None:
    at = TEXT.index("fazit")
    casing = make_finding(TEXT, "casing.heading-start", Severity.WARNING, at, at + 5, "capital", ("Fazit",))
    german = make_finding(TEXT, "terminology.glossary", Severity.WARNING, at, at + 5, "German", ("conclusion",))
    r = Review.open(Article(TEXT, lang="fr"), CheckConfig(lang="fr"), [casing, german])
    g = next(it for it in r.pending() if it.rule == "terminology.glossary")
    r.accept(g.id, "Conclusion")
    assert not r.pending()  # the capital came with the translation: nothing left to say


def test_the_sample_heading_is_one_finding_with_the_combined_suggestion() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    r = Review.open(Article(text, lang="fr"), CheckConfig(lang="fr"))
    here = [it for it in r.pending() if r.cleaned[it.start : it.end] == "fazit"]
    assert [it.suggestions[0] for it in here] == ["Conclusion"]


def test_words_of_accepted_fixes_are_known_to_later_checks() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    r = Review.open(Article(text, lang="fr"), CheckConfig(lang="fr"))
    r.accept_all("terminology.glossary")
    for word in ("Zelensky", "Volodymyr", "Zaporijjia"):
        assert word in r.cleaned
    # a hand edit in each paragraph makes it re-checked
    for word in ("Zelensky", "Zaporijjia"):
        at = r.cleaned.index(word)
        r.edit(at + len(word), at + len(word), " ")
        r.edit(at + len(word), at + len(word) + 1, "")
    r.recheck_dirty()
    unknown = {it.text for it in r.pending() if it.category == "spelling"}
    assert not unknown & {"Zelensky", "Volodymyr", "Zaporijjia"}
    state = r.to_state()
    assert "Zaporijjia" in state["proposed"]


def test_accepting_every_first_suggestion_from_the_keyboard_keeps_the_french_right() -> None:
    from editor.core import french

    text = SAMPLE.read_text(encoding="utf-8")
    r = Review.open(Article(text, lang="fr"), CheckConfig(lang="fr"))
    for _ in range(200):  # as a person pressing Ctrl+Return on each pending finding in turn
        nxt = next((it for it in r.pending() if it.suggestions), None)
        if nxt is None:
            break
        r.accept(nxt.id)
    out = r.cleaned
    assert "qu'ils sont proches" in out and "qu'ils étaient" in out and "l'envoyé" in out
    assert "que ils" not in out and "le envoyé" not in out and "de le " not in out
    before = {text[s:e] for s, e, _ in french.errors(text)}
    assert [out[s:e] for s, e, _ in french.errors(out) if out[s:e] not in before] == []
