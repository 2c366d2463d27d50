"""Boilerplate rule: whole lines of page furniture are removed automatically; prose that mentions them stays."""

from __future__ import annotations

import time

import pytest

from editor.core.engine import analyse_text
from editor.core.findings import Finding
from editor.core.rules.base import CheckConfig, Context
from editor.core.rules.boilerplate import RULES, classify, load_patterns, normalise_line


def boilerplate(text: str, lang: str = "fr") -> list[Finding]:
    config = CheckConfig(lang=lang, enabled=("boilerplate",))
    return [f for f in analyse_text(text, lang, config) if f.category == "boilerplate"]


def apply(text: str, found: list[Finding]) -> str:
    for f in sorted(found, key=lambda f: f.start, reverse=True):
        text = text[: f.start] + f.suggestions[0] + text[f.end :]
    return text


BOILERPLATE = [
    "Kommentare (0)",
    "Commentaires (12)",
    "12 commentaires",
    "Comments (3)",
    "Partager sur Facebook",
    "Partager",
    "Share on Twitter",
    "Auf Facebook teilen",
    "Abonnez-vous à notre newsletter",
    "Newsletter abonnieren",
    "Subscribe to our newsletter",
    "Accept cookies",
    "Accepter les cookies",
    "Nous utilisons des cookies pour améliorer votre expérience sur notre site.",
    "Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten.",
    "Lire aussi : Le prix de l’électricité atteint un nouveau record",
    "À lire également",
    "Lesen Sie auch: Die Kanzlerin in Paris",
    "Read more",
    "Photo : AFP",
    "Photo: Reuters/John Doe",
    "Crédit photo : Jean Dupont / Le Monde",
    "Foto: dpa",
    "© Reuters",
    "(Photo AFP)",
    "Publicité",
    "[Publicité]",
    "Anzeige",
    "Advertisement",
    "• Imprimer",
    "Suivez-nous sur Facebook",
    "Pour lire la suite",
    "Tags : Ukraine, Russie",
    "Kategorie: News",
    "Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert",
    "Your email address will not be published.",
    "Copyright © 2020 Le Journal",
    "© 2005-2020 Healthline Media. Tous droits réservés.",
    "Lesedauer: 3 Minuten",
    "Temps de lecture : 5 min",
]


@pytest.mark.parametrize("line", BOILERPLATE)
def test_known_boilerplate_lines(line: str) -> None:
    assert classify(line, load_patterns()) is not None


@pytest.mark.parametrize(
    "prose",
    [
        "Le ministre a partagé sur Facebook une photo de la réunion.",
        "Facebook a supprimé des milliers de comptes.",
        "Les commentaires du président ont surpris.",
        "Photo : une longue journée de négociations a commencé à l’aube. Les délégations sont arrivées.",
        "La publicité en ligne représente 60 % du marché.",
        "Il faut lire aussi le rapport de la Cour des comptes.",
        "Newsletter : le gouvernement lance une nouvelle lettre d’information pour les agriculteurs de la région "
        "qui souhaitent suivre l'évolution des aides européennes et nationales.",
        "Les cookies de Noël de ma grand-mère sont célèbres.",
        "Partager le pouvoir n'est pas simple.",
        "Publié en 2019, le livre a reçu le prix Goncourt.",
        "Thèmes : la guerre et la paix",
        "Copyright : Bruxelles vote la réforme du droit d’auteur",
        "Le droit d’auteur (copyright) protège les œuvres.",
    ],
)
def test_prose_that_mentions_them_is_not_boilerplate(prose: str) -> None:
    assert classify(prose, load_patterns()) is None
    assert boilerplate(f"Titre\n\n{prose}\n\nFin.") == []


@pytest.mark.parametrize(
    ("before", "after"),
    [("Le texte.", "La suite."), ("Déjà l’été, où ça ?", "Voilà."), ("Un 😀 🇫🇷 👩‍👩‍👧.", "🎉 fin.")],
)
def test_line_between_paragraphs_is_removed_with_its_blank_line(before: str, after: str) -> None:
    text = f"{before}\n\nKommentare (0)\n\n{after}"
    (f,) = boilerplate(text)
    assert f.rule == "boilerplate.line"
    assert f.auto
    assert f.text == text[f.start : f.end] == "Kommentare (0)\n\n"
    assert f.start == len(before) + 2
    assert "comment counter" in f.message
    assert apply(text, [f]) == f"{before}\n\n{after}"


def test_last_lines_take_the_separator_before_them() -> None:
    text = "Fin de l'article 😀.\n\nPartager sur Facebook\nKommentare (0)"
    found = boilerplate(text)
    assert [f.text for f in found] == ["\n\nPartager sur Facebook", "\nKommentare (0)"]
    assert apply(text, found) == "Fin de l'article 😀."


def test_line_inside_a_paragraph_keeps_the_paragraph_together() -> None:
    text = "Premier paragraphe.\n\nUne phrase.\nPhoto : AFP\nUne autre phrase.\n\nFin."
    (f,) = boilerplate(text)
    assert apply(text, [f]) == "Premier paragraphe.\n\nUne phrase.\nUne autre phrase.\n\nFin."


def test_line_at_the_end_of_a_paragraph_does_not_merge_paragraphs() -> None:
    text = "Une phrase.\nPhoto : AFP\n\nParagraphe suivant."
    (f,) = boilerplate(text)
    assert apply(text, [f]) == "Une phrase.\n\nParagraphe suivant."


def test_sample_boilerplate(sample_text: str) -> None:
    kinds = {f.text.strip() for f in boilerplate(sample_text)}
    assert {"Partager sur Facebook", "Kommentare (0)"} <= kinds
    assert any(k.startswith("Lire aussi") for k in kinds)


def test_normalise_line() -> None:
    assert normalise_line("  • Commentaires ( 12 ) :  ") == "commentaires ( # )"
    assert normalise_line("[Publicité]") == "publicité"
    assert normalise_line("Lire aussi\u00a0: l’été") == "lire aussi : l'été"


def test_every_pattern_is_linear_on_long_lines() -> None:
    patterns = load_patterns()
    assert patterns.regex is not None
    regex = patterns.regex

    def cost(line: str) -> float:
        t0 = time.process_time()
        for _ in range(100):
            regex.fullmatch(line)
        return time.process_time() - t0

    for chunk in ("a", " ", ":", "©", "photo : ", "lire aussi : ", "cookies ", "/"):
        line = (chunk * (patterns.longest // len(chunk) + 1))[: patterns.longest]
        quarter = line[: len(line) // 4]
        # x4 length: ~x4 time when linear, x16 when quadratic; the best of three keeps a busy machine out of it
        ratio = min(cost(line) for _ in range(3)) / max(min(cost(quarter) for _ in range(3)), 1e-4)
        assert ratio < 10, (chunk, ratio)


@pytest.mark.parametrize(
    "text",
    [
        "Partager sur Facebook\n" * 45_000,
        "\n" * 1_000_000,
        " " * 1_000_000,
        "x" * 1_000_000,
        "photo : " * 125_000,
        ("a" * 100 + "\n") * 10_000,
    ],
    ids=["boilerplate-lines", "newlines", "spaces", "one-line", "long-credit", "lines"],
)
def test_one_megabyte_stays_linear(text: str) -> None:
    ctx = Context(text=text, lang="fr")
    t0 = time.process_time()
    found = list(RULES[0].check(ctx))
    assert time.process_time() - t0 < 3.0  # CPU seconds (~0.3 s): load from other processes does not count
    for f in found[:100]:
        assert f.text == text[f.start : f.end]
