"""The `whitespace` rules: doubled, trailing, leading, tab and layout spaces, glued headings; French no-break
spaces before `; : ! ?` and inside « » are correct and never reported."""

from __future__ import annotations

import time

import pytest

from editor.core.engine import analyse_text
from editor.core.findings import Finding, Severity
from editor.core.rules.base import CheckConfig, Context
from editor.core.rules.whitespace import RULES, looks_like_heading

CONFIG = CheckConfig(lang="fr", enabled=("whitespace",))


def found(text: str) -> list[Finding]:
    out = analyse_text(text, "fr", CONFIG)
    for f in out:
        assert f.text == text[f.start : f.end]
    return out


def apply_auto(text: str, findings: list[Finding]) -> str:
    parts: list[str] = []
    pos = 0
    for f in sorted((f for f in findings if f.auto and f.suggestions), key=lambda f: f.start):
        assert f.start >= pos
        parts += [text[pos : f.start], f.suggestions[0]]
        pos = f.end
    return "".join(parts) + text[pos:]


@pytest.mark.parametrize("before", ["Two", "Été", "🎉👍🏽"], ids=["ascii", "accented", "emoji"])
def test_double_space(before: str) -> None:
    text = before + "   mots ici."
    (f,) = found(text)
    assert (f.rule, f.start, f.end) == ("whitespace.double-space", len(before), len(before) + 3)
    assert f.suggestions == (" ",) and f.auto and f.severity == Severity.WARNING
    assert apply_auto(text, [f]) == before + " mots ici."


def test_mixed_run_keeps_the_typographic_space() -> None:
    text = "Il a dit \u00a0: oui ; vraiment \u202f?"
    fs = found(text)
    assert [f.suggestions for f in fs] == [("\u00a0",), ("\u202f",)]
    assert apply_auto(text, fs) == "Il a dit\u00a0: oui ; vraiment\u202f?"


@pytest.mark.parametrize(
    "text",
    [
        "Il a dit\u00a0: «\u00a0oui\u00a0» ! Vraiment\u202f? Oui\u202f; non\u00a0!",
        "Le prix : 1\u202f000 € ; « Bien » ; 3\u00a0000 habitants.",
        "Une phrase normale, avec des virgules ; et des points. Fin.",
        "Titre\n\nPremier paragraphe.\n\nSecond paragraphe.\n",
    ],
)
def test_correct_french_spacing_is_never_flagged(text: str) -> None:
    assert found(text) == []


def test_trailing_and_leading_spaces() -> None:
    text = "Ligne 🙂  \n  indentée\nfin\t\n   \nderniere "
    fs = found(text)
    assert [(f.rule, f.text) for f in fs] == [
        ("whitespace.trailing", "  "),
        ("whitespace.leading", "  "),
        ("whitespace.trailing", "\t"),
        ("whitespace.trailing", "   "),
        ("whitespace.trailing", " "),
    ]
    assert all(f.severity == Severity.INFO and f.auto for f in fs)
    assert apply_auto(text, fs) == "Ligne 🙂\nindentée\nfin\n\nderniere"


def test_tabs_and_layout_spaces() -> None:
    text = "un\tmot, em\u2003space, 1\u2007000, fin\u2003!"
    fs = found(text)
    assert [(f.rule, f.text, f.suggestions[0]) for f in fs] == [
        ("whitespace.tab", "\t", " "),
        ("whitespace.odd-space", "\u2003", " "),
        ("whitespace.odd-space", "\u2003", "\u202f"),
    ]


GLUED = (
    "Titre de l’article\n\n"
    "Le président a déclaré mardi que les négociations allaient reprendre très bientôt à Riyad.\n"
    "le rôle du Kremlin\n"
    "Le Kremlin a expliqué que Poutine s’est préparé à la conversation avec Trump et son équipe 🙂.\n\n"
    "Fin de l’article, signée par la rédaction avec l’AFP et Reuters, mardi soir à Paris.\n"
)


def test_heading_glued_to_the_paragraph_above() -> None:
    (f,) = found(GLUED)
    assert f.rule == "whitespace.heading-glued"
    assert f.text == "\nle rôle du Kremlin\n"
    assert f.suggestions == ("\n\nle rôle du Kremlin\n\n",)
    fixed = apply_auto(GLUED, [f])
    assert "très bientôt à Riyad.\n\nle rôle du Kremlin\n\nLe Kremlin" in fixed


def test_heading_glued_only_above() -> None:
    text = GLUED.replace("Kremlin\nLe Kremlin", "Kremlin\n\nLe Kremlin")
    (f,) = found(text)
    assert f.text == "\nle rôle du Kremlin"
    assert f.suggestions == ("\n\nle rôle du Kremlin",)


def test_wrapped_lines_and_lists_are_not_headings() -> None:
    wrapped = (
        "Intro.\n\n"
        "Le président a déclaré mardi que les négociations allaient reprendre très bientôt.\n"
        "Selon lui les discussions\n"
        "porteront sur les territoires occupés et les garanties de sécurité pour l’Ukraine.\n"
    )
    assert found(wrapped) == []
    single_newlines = GLUED.replace("\n\n", "\n")  # an article without blank lines: nothing is "glued"
    assert found(single_newlines) == []
    assert not looks_like_heading("- premier point")
    assert not looks_like_heading("Il a dit oui.")
    assert not looks_like_heading("Les troupes de la")
    assert looks_like_heading("Perspectives d’un accord")


@pytest.mark.parametrize("unit", [" ", "a", "!?.,;:", "http://", "<", "&", "mot  \t ", "\n", " \u00a0", "T\n"])
def test_rules_handle_a_megabyte_of_hostile_text(unit: str) -> None:
    text = unit * (1_000_000 // len(unit))
    for rule in RULES:
        ctx = Context(text=text, lang="fr", config=CONFIG)
        t0 = time.process_time()
        list(rule.check(ctx))
        assert time.process_time() - t0 < 5.0, rule.id  # CPU seconds (~1 s): load from other processes does not count
