"""The `foreign` rules: German or English left in an article, one finding per foreign sentence."""

from __future__ import annotations

import pytest

from editor.core.engine import analyse_text
from editor.core.findings import Finding, Severity
from editor.core.rules.base import CheckConfig

CONFIG = CheckConfig(lang="fr", enabled=("foreign",))


def foreign(text: str, lang: str = "fr") -> list[Finding]:
    return [
        f for f in analyse_text(text, lang, CheckConfig(lang=lang, enabled=("foreign",))) if f.category == "foreign"
    ]


@pytest.mark.parametrize(
    "before", ["Le site de ", "À l’arrêt, la centrale ", "🎉 La 🇺🇦 centrale "], ids=["ascii", "accented", "emoji"]
)
def test_untranslated_german_noun_is_a_warning_with_exact_span(before: str) -> None:
    text = before + "Kernkraftwerk est arrêtée."
    (f,) = foreign(text)
    assert f.rule == "foreign.word"
    assert f.severity == Severity.WARNING
    assert f.text == text[f.start : f.end] == "Kernkraftwerk"
    assert f.start == len(before)
    assert "German" in f.message


def test_lower_cased_german_noun_is_found() -> None:
    text = "Le texte se termine par fazit et rien d’autre."
    (f,) = foreign(text)
    assert f.text == "fazit" and f.severity == Severity.WARNING


def test_word_that_only_looks_german_is_found() -> None:
    text = "La Zeitenwendungsbeschleunigung a commencé."
    (f,) = foreign(text)
    assert f.text.endswith("Zeitenwendungsbeschleunigung")  # with its article when a translation must agree


def test_names_shared_across_languages_are_not_foreign() -> None:
    text = "Donald Trump, Angela Merkel, Berlin, Londres, Marco Rubio et Vladimir Poutine à Washington."
    assert [f for f in foreign(text) if f.severity != Severity.INFO] == []


def test_sentence_mostly_in_english_is_one_finding() -> None:
    text = "Le président a parlé. 🎉 The president said that the talks would continue next week. Puis il est parti."
    found = foreign(text)
    assert len(found) == 1
    (f,) = found
    assert f.rule == "foreign.sentence"
    assert f.text.startswith("The president") and f.text.endswith("next week")
    assert f.text == text[f.start : f.end]
    assert "English" in f.message


def test_sentence_mostly_in_german_is_one_finding() -> None:
    text = "Il a dit : Die Regierung hat heute beschlossen, dass die Verhandlungen weitergehen. Fin."
    (f,) = foreign(text)
    assert f.rule == "foreign.sentence" and "German" in f.message


def test_english_fragment_in_german_article() -> None:
    text = "Die Regierung hat heute entschieden, the meeting was cancelled yesterday."
    found = foreign(text, "de")
    assert found and all(f.severity == Severity.WARNING or f.rule == "foreign.word" for f in found)
    assert any("meeting" in f.text for f in found)


def test_correct_french_has_no_foreign_warning() -> None:
    text = (
        "Le gouvernement a présenté jeudi son projet de loi sur l’énergie nucléaire. Les députés en débattront "
        "à l’Assemblée nationale dès la semaine prochaine, a indiqué le ministre."
    )
    assert foreign(text) == []


def test_consecutive_foreign_words_are_one_finding() -> None:
    text = "Il a dit 🎉 next door to the retirement village, puis il est parti."
    found = foreign(text)
    assert len(found) == 1
    (f,) = found
    assert f.text == text[f.start : f.end]
    assert f.text.startswith("next door") and f.severity == Severity.WARNING


def test_english_names_in_a_german_text_are_not_foreign() -> None:
    text = "Das Spiel zwischen Higgins und Smith endete gestern."
    assert [f for f in foreign(text, "de") if f.text in ("Higgins",)] == []


def test_sentence_in_a_language_galley_has_no_dictionary_for_is_one_finding() -> None:
    text = "Le ministre a parlé. Según el presidente, las autoridades están evaluando la situación. Puis il est parti."
    found = foreign(text)
    assert [f.rule for f in found] == ["foreign.sentence"]
    assert found[0].text.startswith("Según") and found[0].text.endswith("situación")
    # and no spelling warnings inside it
    both = analyse_text(text, "fr", CheckConfig(lang="fr", enabled=("spelling", "foreign")))
    assert [f.rule for f in both if f.severity != Severity.INFO] == ["foreign.sentence"]


def test_a_list_of_names_is_not_a_foreign_sentence() -> None:
    assert [
        f for f in foreign("Mike Waltz, Marco Rubio, Steve Witkoff et JD Vance.") if f.rule == "foreign.sentence"
    ] == []


def test_any_text_gives_exact_spans_and_never_crashes() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    alphabet = st.sampled_from([*list("abcdeéèàçßäöü KWxyz'’-.,!?\n🎉\xad\u200b"), "Kernkraftwerk ", "the ", "fazit "])

    @settings(max_examples=150, deadline=None)
    @given(st.lists(alphabet, max_size=80).map("".join))
    def run(text: str) -> None:
        config = CheckConfig(lang="fr", enabled=("spelling", "foreign", "terminology"))
        for f in analyse_text(text, "fr", config):
            assert f.text == text[f.start : f.end]
            assert 0 <= f.start < f.end <= len(text)

    run()


def test_english_part_of_a_german_compound_is_found_alone() -> None:
    text = "Die FAI Cup-Halter 🎉 besiegten die Ligagewinner."
    found = [f for f in foreign(text, "de") if f.text == "Cup"]
    assert len(found) == 1 and found[0].text == text[found[0].start : found[0].end]


def foreign_warnings(text: str) -> list[str]:
    return [f.text for f in foreign(text) if f.severity != Severity.INFO]


def test_names_titles_and_quotations_in_another_language_are_not_warnings() -> None:
    text = (
        "La cathédrale (Cathedral Church of Christ the Redeemer) ouvre. Le directeur, Martin Winterkorn, part. "
        "C’est le « best of » de l’année. Il dit « the president was wrong about it » hier. "
        "Il a co-écrit trois morceaux avec le baron zu Guttenberg."
    )
    assert foreign_warnings(text) == []


def test_references_in_another_language_are_info() -> None:
    text = "- ^ (en) Phillip Knightley, The disinformation campaign, The Guardian, October 4, 2001."
    assert [f.severity for f in foreign(text)] == [Severity.INFO]
    # Wikipedia's language mark alone opens the reference line
    text = "- (en) Ian Urbina, HBO adds disclaimer to Gulf War movie, Asia Times, Nov 13, 2002."
    assert [f.severity for f in foreign(text)] == [Severity.INFO]


def test_an_untranslated_sentence_and_a_german_noun_are_still_warnings() -> None:
    assert foreign_warnings("Le Kernkraftwerk ferme. Il a dit the president was wrong about it yesterday.") == [
        "Le Kernkraftwerk",  # with the article that must agree with the translation (la centrale nucléaire)
        "Il a dit the president was wrong about it yesterday",
    ]


def test_a_foreign_noun_introduced_by_a_french_determiner_is_a_borrowing_not_a_leftover() -> None:
    assert foreign_warnings("Dovre est une kommune de Norvège, le fils du landmeister arrive.") == []
    assert [f.severity for f in foreign("Dovre est une kommune de Norvège.")] == [Severity.INFO]
