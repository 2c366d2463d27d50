"""Casing rules: capitals machine translation got wrong, and the names and titles that must be left alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.core.engine import analyse_text
from editor.core.findings import Finding, Severity
from editor.core.rules.base import CheckConfig

SURROUNDINGS = [
    ("Selon lui, ", " depuis hier."),
    ("Déjà à l’été, où ça allait, ", " — voilà."),
    ("Un 😀 puis 🇫🇷 et 👩‍👩‍👧 ", " 🎉 fin."),
]


def findings(text: str, rule: str, lang: str = "fr") -> list[Finding]:
    config = CheckConfig(lang=lang, enabled=(rule,))
    return [f for f in analyse_text(text, lang, config) if f.rule == rule]


def casing(text: str, lang: str = "fr") -> list[Finding]:
    config = CheckConfig(lang=lang, enabled=("casing",))
    return [f for f in analyse_text(text, lang, config) if f.category == "casing"]


CASES = [
    ("casing.function-word", "fr", "le président Donald Trump Et le président russe", "Et", "et"),
    ("casing.function-word", "fr", "ils vont À la gare", "À", "à"),
    ("casing.function-word", "de", "der Kanzler Und die Ministerin", "Und", "und"),
    ("casing.sentence-start", "fr", "il est parti. la suite demain", "la", "La"),
    ("casing.month", "fr", "le 1ᵉʳ Mars 2024", "Mars", "mars"),
    ("casing.language", "fr", "ta traduction en Russe est superbe", "Russe", "russe"),
    ("casing.nationality", "fr", "des parisiens en vacances", "parisiens", "Parisiens"),
    ("casing.accented-capital", "fr", "le budget de l’Etat voté", "Etat", "État"),
    ("casing.proper-name", "fr", "en Afrique du sud cette année", "sud", "Sud"),
    ("casing.proper-name", "fr", "un coup d’état militaire", "état", "État"),
    ("casing.proper-name", "fr", "le ministre de l’intérieur a parlé", "intérieur", "Intérieur"),
    ("casing.proper-name", "fr", "c’est le moyen âge ici", "moyen âge", "Moyen Âge"),
    ("casing.noun-capital", "fr", "la Chancelière a déclaré", "Chancelière", "chancelière"),
    ("casing.month", "fr", "elle viendra ce Lundi pour", "Lundi", "lundi"),
    ("casing.proper-name", "fr", "membre de l’union européenne depuis", "union européenne", "Union européenne"),
    (
        "casing.proper-name",
        "fr",
        "après la seconde guerre mondiale",
        "seconde guerre mondiale",
        "Seconde Guerre mondiale",
    ),
]


@pytest.mark.parametrize(("rule", "lang", "snippet", "flagged", "suggestion"), CASES, ids=lambda v: str(v)[:30])
@pytest.mark.parametrize(("before", "after"), SURROUNDINGS, ids=["ascii", "accents", "emoji"])
def test_rule_finds_the_exact_span(
    rule: str, lang: str, snippet: str, flagged: str, suggestion: str, before: str, after: str
) -> None:
    text = before + snippet + after
    start = len(before) + snippet.index(flagged)
    found = [f for f in findings(text, rule, lang) if f.start == start]
    assert found, f"{rule} missed {flagged!r} in {text!r}: {findings(text, rule, lang)}"
    f = found[0]
    assert f.text == text[f.start : f.end] == flagged
    assert f.suggestions[0] == suggestion
    assert not f.auto  # a capital can always be a name the rule does not know


def test_sample_article_capitals_and_headings() -> None:
    text = (Path(__file__).resolve().parents[2] / "data" / "sample_000.txt").read_text(encoding="utf-8")
    found = {(f.rule, f.text, f.suggestions[0]) for f in casing(text)}
    assert ("casing.function-word", "Et", "et") in found
    assert ("casing.heading-start", "le", "Le") in found  # le rôle du Kremlin
    assert ("casing.heading-start", "progrès", "Progrès") in found
    assert ("casing.heading-start", "fazit", "Fazit") in found


@pytest.mark.parametrize("before", ["Intro.\n\n", "Déjà l’été.\n\n", "😀 🇫🇷 Voilà.\n\n"])
def test_heading_start_in_an_article(before: str) -> None:
    text = before + "le rôle du Kremlin\n\nLe Kremlin a expliqué que Poutine s’est préparé."
    (f,) = findings(text, "casing.heading-start")
    assert f.start == len(before) and f.text == "le" and f.suggestions == ("Le",)
    assert f.severity == Severity.WARNING


def test_a_lone_lower_case_line_is_not_a_heading() -> None:
    assert casing("les artificier·e·s") == []
    assert casing("il faut (re)former tout ça.") == []


def test_paragraph_of_several_sentences_starting_in_lower_case() -> None:
    (f,) = findings("je suis disponible quand tu veux. Mais pas aujourd’hui.", "casing.sentence-start")
    assert (f.start, f.text, f.suggestions) == (0, "je", ("Je",))


CLEAN = [
    "Marine Le Pen a rencontré Jean De la Fontaine à La Haye.",
    "Le journal Le Monde et Les Échos citent Le Figaro.",
    "La Maison Blanche, le Kremlin et l’État ont parlé du Japon.",
    "VENDREDI 23 NOVEMBRE 2018 À 18:09",
    "le comité d’éthique qui statuera dans les meilleurs délais sur la situation de Véronique Avril",
    "ajouter une nouvelle loi au Code pénal",
    "entendez-moi, dieu de la Terre, dieu des Ténèbres et dieu du Ciel.",
    "sept Français sur dix, et des Anglais aussi.",
    "elles sont allemandes, ils sont anglais",
    "Je travaille en anglais avec des Anglais.",
    "Le 14 Juillet, la fête nationale, et le 3 mars 2024.",
    "Il a lu le livre La manipulation aux éditions du Seuil.",
    "les Îles Britanniques.",
    "L’iPhone, eBay et www.site.fr en tête.",
    "Plus d’informations sur www. energie-europe. fr et https: /2025/x. html ici.",
    "Il parle. Etc. la suite, cf. la page, M. Dupont.",
    "Avez-vous parlé au ministre des affaires en cours.",
    "Le Parlement européen et la Commission européenne à l’Assemblée nationale.",
    "Lundi, il part. Robinson et Vendredi Martin arrivent. Le Mardi gras est fini.",
]


@pytest.mark.parametrize("text", CLEAN)
def test_names_titles_and_correct_capitals_are_left_alone(text: str) -> None:
    assert [(f.rule, f.text) for f in casing(text)] == []


def test_abbreviations_in_german_and_english_are_not_sentence_ends() -> None:
    (de,) = findings("Das sog. Wahlrecht und bspw. der Plan, ca. drei Tage. die Sache", "casing.sentence-start", "de")
    assert de.text == "die" and de.suggestions == ("Die",)
    (en,) = findings("He paid approx. ten dollars, incl. tax. the end", "casing.sentence-start", "en")
    assert en.text == "the"


def test_function_word_needs_a_lower_case_word_after_it() -> None:
    assert findings("Donald Trump Et Poutine", "casing.function-word") == []
    assert findings("une réunion. Et le reste", "casing.function-word") == []
    assert findings("il a dit : « Et le reste »", "casing.function-word") == []


def test_noun_capital_is_info_and_skips_dictionary_names() -> None:
    (f,) = findings("Ce soir la Chancelière parle.", "casing.noun-capital")
    assert f.severity == Severity.INFO
    assert findings("Il parle du Japon et de la Loire.", "casing.noun-capital") == []


def test_a_capitalised_article_opening_a_title_is_not_a_mid_sentence_capital() -> None:
    text = "Il sort les albums Un homme nature et Doc Gynéco ; parmi ses œuvres, La cerámica de Azaila."
    assert findings(text, "casing.function-word") == []
    assert [f.text for f in findings("Il a vu Trump Et le président.", "casing.function-word")] == ["Et"]


def test_a_capitalised_article_may_open_an_unmarked_title_and_is_only_info() -> None:
    found = findings("Il a relu Le petit prince hier, puis Trump Et le président.", "casing.function-word")
    assert [(f.text, f.severity) for f in found] == [("Le", Severity.INFO), ("Et", Severity.WARNING)]


def test_ministries_and_world_wars_in_lower_case_are_a_newspaper_convention_not_an_error() -> None:
    alone = findings("Le ministre de l'intérieur a parlé après la seconde guerre mondiale.", "casing.proper-name")
    assert [(f.text, f.severity) for f in alone] == [
        ("intérieur", Severity.INFO),
        ("seconde guerre mondiale", Severity.INFO),
    ]
    assert alone[0].suggestions[0] == "Intérieur"
    kept = "Le ministre de l'intérieur, le ministre de la justice et le ministre de l'économie ont signé."
    (f,) = findings(kept, "casing.proper-name")
    assert f.severity is Severity.INFO and "house style" in f.message and f.suggestions == ()


def test_a_lower_case_ministry_in_an_article_that_capitalises_them_is_a_warning() -> None:
    text = "Le ministre de l'Intérieur et le ministre de la Justice ont reçu le ministre de l'économie."
    found = findings(text, "casing.proper-name")
    assert [(f.text, f.severity, f.suggestions[0]) for f in found] == [("économie", Severity.WARNING, "Économie")]


def test_a_lower_case_line_after_a_colon_is_a_list_item_not_a_heading() -> None:
    text = "Le plan prévoit trois mesures :\n\nla hausse du smic\n\nLes syndicats restent prudents."
    assert findings(text, "casing.heading-start") == []
    text = "Le plan prévoit trois mesures.\n\nla hausse du smic\n\nLes syndicats restent prudents."
    assert [f.text for f in findings(text, "casing.heading-start")] == ["la"]
