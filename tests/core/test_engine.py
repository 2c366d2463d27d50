"""The engine's own behaviour: language choice, ordering, and no findings inside stretches that are removed."""

from __future__ import annotations

from editor.core.article import Article
from editor.core.engine import analyse, analyse_text, recheck_paragraph, resolve_lang
from editor.core.rules.base import CheckConfig


def test_language_is_forced_then_declared_then_detected() -> None:
    german = Article(text="Die Regierung hat am Dienstag einen Entwurf vorgelegt, der nicht überzeugt.")
    assert resolve_lang(german, CheckConfig()) == "de"
    assert resolve_lang(german, CheckConfig(lang="fr")) == "fr"
    assert resolve_lang(Article(text="x", lang="en-GB"), CheckConfig()) == "en"


def test_findings_are_sorted_and_spans_are_exact() -> None:
    text = "Le 🇫🇷 président Poutine , qui parle . Kernkraftwerk et le le texte.\n"
    found = analyse_text(text, "fr")
    assert found == sorted(found, key=lambda f: (f.start, f.end, f.rule))
    for f in found:
        assert text[f.start : f.end] == f.text


def test_nothing_is_reported_inside_a_line_that_cleaning_removes() -> None:
    text = "Un article ordinaire sur la politique européenne.\n\nKommentare (0)\n"
    found = analyse(Article(text=text, lang="fr"))
    line_start = text.index("Kommentare")
    inside = [f for f in found if f.end > line_start]
    assert [f.category for f in inside] == ["boilerplate"]


def test_paragraph_recheck_gives_article_offsets() -> None:
    text = "Premier paragraphe correct.\n\nLe 😀 ministre a parlé , hier.\n"
    start = text.index("Le 😀")
    found = recheck_paragraph(text, start, len(text) - 1, "fr")
    comma = [f for f in found if f.text.strip() == ","] or [f for f in found if f.text == " "]
    assert comma
    assert text[comma[0].start : comma[0].end] == comma[0].text
    assert comma[0].start >= start


def test_nothing_but_the_repair_is_listed_inside_mojibake_and_entities() -> None:
    text = "Le ministre a parlÃ© de lâ€™Ã©tÃ© et du systÃ¨me &amp;eacute; hier."
    found = analyse_text(text, "fr")
    assert {f.category for f in found} == {"encoding"}
    assert [f.text for f in found] == ["parlÃ©", "lâ€™Ã©tÃ©", "systÃ¨me", "&amp;eacute;"]
