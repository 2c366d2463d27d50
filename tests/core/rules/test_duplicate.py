"""Duplicate rules: a title printed twice, repeated paragraphs and lines, near-duplicates."""

from __future__ import annotations

import time

import pytest

from editor.core.engine import analyse_text
from editor.core.findings import Finding, Severity
from editor.core.rules.base import CheckConfig, Context
from editor.core.rules.duplicate import RULES

TITLES = [
    "Trump parle avec Poutine",
    "Déjà l’été à Besançon : où ça va ?",
    "Un 😀 titre 🇫🇷 avec 👩‍👩‍👧 emoji",
]


def duplicates(text: str, title: str | None = None) -> list[Finding]:
    config = CheckConfig(lang="fr", enabled=("duplicate",))
    return [f for f in analyse_text(text, "fr", config, title=title) if f.category == "duplicate"]


def remove(text: str, f: Finding) -> str:
    return text[: f.start] + f.suggestions[0] + text[f.end :]


@pytest.mark.parametrize("title", TITLES)
def test_title_printed_twice_is_dropped_automatically(title: str) -> None:
    body = "Le premier paragraphe raconte 😀 la suite.\n\nLe second aussi."
    text = f"{title}\n\n{title}\n\n{body}"
    (f,) = duplicates(text)
    assert f.rule == "duplicate.title"
    assert f.auto
    assert f.text == text[f.start : f.end] == f"{title}\n\n"
    assert f.start == len(title) + 2
    assert remove(text, f) == f"{title}\n\n{body}"


def test_title_repeated_on_the_next_line() -> None:
    text = "Le titre du jour\nLe titre du jour\nLe texte commence ici."
    (f,) = duplicates(text)
    assert f.rule == "duplicate.title" and f.auto
    assert remove(text, f) == "Le titre du jour\nLe texte commence ici."


def test_paragraph_equal_to_the_title_metadata_is_automatic() -> None:
    text = "Chapeau de l'article.\n\nLe titre du jour\n\nLe titre du jour\n\nFin."
    found = duplicates(text, title="Le titre du jour")
    assert [(f.rule, f.auto) for f in found] == [("duplicate.title", True)]


@pytest.mark.parametrize(
    ("before", "after"), [("Intro.", "Fin."), ("Déjà l’été.", "Où ça ?"), ("Un 😀 🇫🇷.", "🎉 fin.")]
)
def test_repeated_paragraph_needs_review(before: str, after: str) -> None:
    para = "Les négociations ont commencé après un appel téléphonique entre les deux présidents."
    text = f"{before}\n\n{para}\n\n{after}\n\n{para}\n\nSuite."
    (f,) = duplicates(text)
    assert f.rule == "duplicate.paragraph"
    assert not f.auto
    assert f.text == text[f.start : f.end] == para + "\n\n"
    assert "paragraph 2" in f.message
    assert remove(text, f) == f"{before}\n\n{para}\n\n{after}\n\nSuite."


def test_last_paragraph_repeated_takes_the_separator_before_it() -> None:
    para = "Les négociations ont commencé après un appel téléphonique."
    text = f"Intro.\n\n{para}\n\n{para}"
    (f,) = duplicates(text)
    assert remove(text, f) == f"Intro.\n\n{para}"


def test_near_duplicate_paragraph() -> None:
    a = "Les négociations intensives entre les hauts responsables américains ont conduit à une percée."
    b = "Les négociations intensives entre les hauts responsables americains ont conduit a une percée !"
    text = f"Titre\n\n{a}\n\nAutre chose entre les deux.\n\n{b}\n\nFin."
    (f,) = duplicates(text)
    assert f.rule == "duplicate.near-paragraph"
    assert not f.auto
    assert f.text.startswith(b)


def test_near_duplicates_far_apart_are_found_through_shared_opening_words() -> None:
    a = "Selon des sources diplomatiques, la question des centrales vieillissantes sera au cœur des discussions."
    b = "Selon des sources diplomatiques, la question des centrales vieillissantes sera au centre des discussions."
    filler = "\n\n".join(f"Paragraphe numéro {i} sans rapport avec le reste du texte." for i in range(50))
    text = f"{a}\n\n{filler}\n\n{b}"
    found = duplicates(text)
    assert [f.rule for f in found] == ["duplicate.near-paragraph"]


@pytest.mark.parametrize(
    "clean",
    [
        "Titre\n\nUn texte.\n\n***\n\nUn autre texte.\n\n***\n\nFin.",
        "Oui\n\nNon\n\nOui",
        "Le 12 mars : réunion du conseil municipal.\n\nLe 13 mars : réunion du conseil régional.",
        "Un paragraphe.\nUne ligne différente.\nEncore une autre.",
    ],
)
def test_short_separators_and_distinct_paragraphs_are_not_duplicates(clean: str) -> None:
    assert duplicates(clean) == []


@pytest.mark.parametrize("sep", [" | ", " - ", " – "])
def test_page_title_with_the_site_name_then_the_headline(sep: str) -> None:
    title = "Berlin et Paris relancent le nucléaire 😀 et la coopération énergétique en Europe pour dix ans"
    text = f"{title}{sep}Le Monde\n\n{title}\n\nLe texte."
    (f,) = duplicates(text)
    assert f.rule == "duplicate.near-paragraph"
    assert not f.auto
    assert f.start == 0
    assert remove(text, f) == f"{title}\n\nLe texte."


def test_short_lines_repeated_far_apart_are_info() -> None:
    text = "Titre\n\nContributeurs\n\nKay Schenk\n\nAndrea Pescetti\n\nRelecteurs\n\nKay Schenk\n\nFin."
    (f,) = duplicates(text)
    assert f.text.startswith("Kay Schenk") and f.start > text.index("Relecteurs")
    assert f.severity == Severity.INFO
    # the same short line right after itself is damage
    (g,) = duplicates("Titre\n\nLa suite du texte.\n\nKay Schenk, envoyé spécial\n\nKay Schenk, envoyé spécial\n\nFin.")
    assert g.severity == Severity.WARNING


def test_title_repeated_as_a_later_heading_needs_review() -> None:
    text = "Assess your content\n\nIntro text here.\n\nMore text here.\n\nAssess your content\n\nBody."
    (f,) = duplicates(text)
    assert f.rule == "duplicate.paragraph"
    assert not f.auto


def test_repeated_boilerplate_is_left_to_the_boilerplate_rule() -> None:
    assert duplicates("Titre\n\nPartager sur Facebook\n\nLe texte.\n\nPartager sur Facebook") == []


def test_sample_title(sample_text: str) -> None:
    found = duplicates(sample_text)
    assert [(f.rule, f.auto) for f in found] == [("duplicate.title", True)]
    assert found[0].text.startswith("Berlin et Paris relancent")
    assert found[0].start > 0


@pytest.mark.parametrize(
    "text",
    [
        "".join(f"Un long paragraphe qui raconte quelque chose sur la guerre numéro {i}.\n\n" for i in range(14_000)),
        "Un long paragraphe qui raconte quelque chose sur la guerre.\n\n" * 16_000,
        "a\n" * 500_000,
        "ab\n\n" * 250_000,
        "x" * 1_000_000,
    ],
    ids=["distinct-paragraphs", "same-paragraph", "short-lines", "short-paragraphs", "one-line"],
)
def test_one_megabyte_stays_linear(text: str) -> None:
    ctx = Context(text=text, lang="fr")
    _ = ctx.words, ctx.paragraphs
    t0 = time.process_time()
    found = [f for rule in RULES for f in rule.check(ctx)]
    assert time.process_time() - t0 < 3.0  # CPU seconds of this process: other processes on the machine do not count
    for f in found[:100]:
        assert f.text == text[f.start : f.end]
