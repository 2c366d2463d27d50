"""Article language: the three Galley checks are recognised, any other language is reported as unsupported."""

from __future__ import annotations

import pytest

from editor.core.article import Article
from editor.core.engine import analyse
from editor.core.language import SUPPORTED, UNDETERMINED, detect_language, is_supported

ARTICLES = {
    "fr": "Le gouvernement a présenté mardi son projet de loi sur l'énergie, vivement critiqué par l'opposition. "
    "Selon le ministre, les factures baisseront dès l'an prochain.",
    "de": "Die Bundesregierung hat am Dienstag ein neues Klimaschutzgesetz beschlossen. Nach Angaben des "
    "Ministeriums sollen die Emissionen bis 2030 deutlich sinken.",
    "en": "The government announced on Tuesday a new plan to tackle the housing shortage. According to the "
    "minister, fifty thousand homes will be built next year.",
}
UNSUPPORTED = {
    "es": "El Gobierno aprobó el martes una reforma de las pensiones que entrará en vigor el próximo año. Los "
    "sindicatos convocaron una huelga general para protestar contra los recortes.",
    "it": "Il governo ha approvato ieri sera il decreto sulle bollette, che prevede aiuti per le famiglie. Secondo "
    "i dati dell'Istat, la disoccupazione giovanile è scesa per il terzo mese consecutivo.",
}


@pytest.mark.parametrize("lang", sorted(ARTICLES))
def test_the_languages_galley_checks_are_recognised(lang: str) -> None:
    assert detect_language(ARTICLES[lang]) == lang


@pytest.mark.parametrize("lang", sorted(UNSUPPORTED))
def test_another_language_is_named_and_never_called_french(lang: str) -> None:
    found = detect_language(UNSUPPORTED[lang])
    assert found == lang
    assert not is_supported(found)


def test_another_script_is_undetermined_not_french() -> None:
    text = "Правительство во вторник одобрило реформу пенсионной системы, которая вступит в силу в следующем году."
    assert detect_language(text) == UNDETERMINED
    assert UNDETERMINED not in SUPPORTED


def test_too_little_text_keeps_the_default() -> None:
    assert detect_language("12 345 — 678", default="de") == "de"  # no letters at all
    assert detect_language("Hola", default="fr") == "fr"  # one word says nothing about a whole article


def test_an_unsupported_article_says_so_once_and_gets_no_french_verdicts() -> None:
    text = "Reforma de las pensiones\n\n" + UNSUPPORTED["es"] + " Los trabajadores , según el sindicato, protestan.\n"
    found = analyse(Article(text=text))
    notes = [f for f in found if f.rule == "foreign.unsupported-language"]
    assert len(notes) == 1
    assert notes[0].text == "Reforma de las pensiones"
    assert "Spanish" in notes[0].message
    assert not [f for f in found if f.category in ("spelling", "casing", "foreign") and f not in notes]
    assert [f.text for f in found if f.rule == "typography.space-before-comma"] == [" ,"]  # true in any language


def test_a_supported_article_gets_no_such_note() -> None:
    found = analyse(Article(text=ARTICLES["fr"]))
    assert not [f for f in found if f.rule == "foreign.unsupported-language"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le chat dort.", "fr"),  # trigrams alone score German first: not sure enough to leave the default
        ("Article un : le le texte.", "fr"),
        ("Der Hund schläft im Garten.", "de"),
        ("The dog sleeps.", "en"),
    ],
)
def test_a_short_text_changes_language_only_when_sure(text: str, expected: str) -> None:
    assert detect_language(text, default="fr") == expected
