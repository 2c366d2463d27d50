"""Repetition rules: doubled words, repeated phrases and stutters, and the French doublings that are correct."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.core.engine import analyse_text, recheck_paragraph
from editor.core.findings import Finding, Severity
from editor.core.rules.base import CheckConfig, Context
from editor.core.rules.repetition import RULES

SURROUNDINGS = [
    ("Selon lui, ", " depuis hier."),
    ("Déjà à l’été, où ça allait, ", " — voilà."),
    ("Un 😀 puis 🇫🇷 et 👩‍👩‍👧 ", " 🎉 fin."),
]


def repetition(text: str, lang: str = "fr") -> list[Finding]:
    config = CheckConfig(lang=lang, enabled=("repetition",))
    return [f for f in analyse_text(text, lang, config) if f.category == "repetition"]


CASES = [
    ("repetition.doubled-word", "le le texte", "le le", "le"),
    ("repetition.doubled-word", "Le Le texte", "Le Le", "Le"),
    ("repetition.doubled-word", "un réacteur réacteur neuf", "réacteur réacteur", "réacteur"),
    ("repetition.doubled-word", "la la la fin", "la la la", "la"),
    (
        "repetition.repeated-phrase",
        "si Trump, qui a été Trump, qui a été élu",
        "Trump, qui a été Trump, qui a été",
        "Trump, qui a été",
    ),
    ("repetition.repeated-phrase", "il a dit il a dit que", "il a dit il a dit", "il a dit"),
    ("repetition.repeated-phrase", "il a dit il a dit il faut", "il a dit il a dit", "il a dit"),
    ("repetition.stutter", "https://x.fr/2025/putin-trump-phon-phon-call/index.html", "phon-phon", "phon"),
    ("repetition.stutter", "un accord-accord signé", "accord-accord", "accord"),
    ("repetition.stutter", "un été-été chaud", "été-été", "été"),
    ("repetition.stutter", "le gouv-gouvernement a tranché", "gouv-gouvernement", "gouvernement"),
    ("repetition.stutter", "la présid-présidente élue", "présid-présidente", "présidente"),
]


@pytest.mark.parametrize(("rule", "damaged", "span", "fix"), CASES)
@pytest.mark.parametrize(("before", "after"), SURROUNDINGS)
def test_finds_the_repeat_with_exact_span(
    rule: str, damaged: str, span: str, fix: str, before: str, after: str
) -> None:
    text = before + damaged + after
    found = [f for f in repetition(text) if f.rule == rule]
    assert len(found) == 1, found
    f = found[0]
    assert f.text == text[f.start : f.end] == span
    assert f.start == len(before) + damaged.index(span)
    assert f.suggestions[0] == fix
    assert not f.auto  # removing a repeat is a judgement call
    # accepting the suggestion removes the repeat
    fixed = text[: f.start] + f.suggestions[0] + text[f.end :]
    assert fixed == before + damaged.replace(span, fix, 1) + after


@pytest.mark.parametrize(
    "correct",
    [
        "Nous nous sommes engagés à Rio à protéger le climat.",
        "Vous vous trompez, a-t-il répondu.",
        "Il répondit en en riant.",
        "Le discours de De Gaulle à Londres.",
        "La fable de La Fontaine.",
        "Le prix atteint 1 000 000 000 euros.",
        "Le score était de 1-1 puis 2-2 à la mi-temps.",
        "Ils jouaient à cache-cache et au train-train quotidien, fifty-fifty.",
        "Il partit dare-dare vers Baden-Baden.",
        "Non, non, non, a-t-il dit.",
        "Ils sont là côte à côte. De loin en loin, elle passe.",
        "C'est du bla bla bla.",
        "Nous sommes tous des Homo sapiens sapiens.",
        "Les mêmes causes produisent les mêmes effets.",
        "Le chat dort.\n\nLe chat dort encore.",
        "Un ex-exportateur, le co-commissaire, un néo-néolibéral et la franco-française Marie-Mariette.",
    ],
)
def test_correct_french_is_not_flagged(correct: str) -> None:
    assert [f for f in repetition(correct) if f.severity != Severity.INFO] == []


def test_german_and_english_doublings_are_legitimate() -> None:
    assert repetition("Die Frau, die die Zeitung liest.", lang="de") == []
    assert repetition("He said that that was fine and had had enough.", lang="en") == []
    assert [f.text for f in repetition("the the end", lang="en")] == ["the the"]


def test_emphasis_names_and_quotes_are_info_only() -> None:
    for text in (
        "C'est très très important.",
        "Le service est trés trés trés bon.",
        "Le groupe Duran Duran joue.",
        "« Il a dit il a dit », répète-t-elle.",
    ):
        found = repetition(text)
        assert found, text
        assert all(f.severity == Severity.INFO for f in found), found


def test_word_repeated_across_a_line_break_is_info() -> None:
    (f,) = repetition("Guerre en Ukraine\nUkraine : les négociations reprennent.")
    assert f.text == "Ukraine\nUkraine"
    assert f.severity == Severity.INFO


def test_repeat_across_a_line_break_is_left_to_the_duplicate_rule() -> None:
    assert [
        f for f in repetition("Titre du jour\nTitre du jour\nSuite.") if f.rule == "repetition.repeated-phrase"
    ] == []


@pytest.mark.parametrize(
    "rhetoric",
    [
        "Ford wrote, and wrote, and wrote.",
        "Nous ne saurons jamais. Nous ne saurons jamais.",
        "Il faut des peines plus dures, des peines plus dures.",
        "Les angles sont moins 120, moins 120, 0, 0, 120.",
    ],
)
def test_rhetorical_series_and_repeated_sentences_are_info(rhetoric: str) -> None:
    found = repetition(rhetoric, lang="en" if "wrote" in rhetoric else "fr")
    assert found
    assert all(f.severity == Severity.INFO for f in found)


def test_phrase_with_different_punctuation_is_not_a_repeat() -> None:
    assert repetition("Trump, qui a été Trump qui a été élu") == []


def test_three_copies_make_one_finding() -> None:
    (f,) = repetition("x y z x y z x y z.")
    assert f.text == "x y z x y z x y z"
    assert f.suggestions == ("x y z",)
    assert "3 times" in f.message


def test_paragraph_alone_gives_the_same_findings() -> None:
    text = "Titre\n\nDébut 😀 le le texte et phon-phon.\n\nIl a dit il a dit que non."
    whole = repetition(text)
    config = CheckConfig(lang="fr", enabled=("repetition",))
    start = text.index("Début")
    end = text.index("\n\nIl a dit")
    alone = recheck_paragraph(text, start, end, "fr", config)
    assert [f.key for f in alone] == [f.key for f in whole if start <= f.start < end]
    assert len(alone) == 2


def test_sample_repeats(sample_text: str) -> None:
    texts = {f.text for f in repetition(sample_text)}
    assert {"Le Le", "réacteur réacteur", "accord-accord"} <= texts
    assert any(t.startswith("l'Allemagne, qui a été l'Allemagne") for t in texts)


PATHOLOGICAL = {
    "spaces": " " * 1_000_000,
    "letters": "a" * 1_000_000,
    "punctuation": '.,;:!?«»"“”„' * 83_000,
    "urls": "https: /a-a-a-a/phon-phon/" * 38_000,
    "hyphens": "-".join(["phon"] * 200_000),
    "same word": "le " * 333_000,
    "two words": "le chat " * 125_000,
    "numbers": "1 2 " * 250_000,
    "newlines": "ab\n\n" * 250_000,
}


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_one_megabyte_of_hostile_text_stays_linear(name: str) -> None:
    text = PATHOLOGICAL[name]
    ctx = Context(text=text, lang="fr")
    _ = ctx.words, ctx.paragraphs  # shared with every rule; not this rule's cost
    for rule in RULES:
        t0 = time.process_time()
        found = list(rule.check(ctx))
        elapsed = time.process_time() - t0
        assert elapsed < 3.0, (rule.id, name, elapsed)  # CPU seconds of this process: other processes do not count
        for f in found[:100]:
            assert f.text == text[f.start : f.end]


# Property: on any text built from the pieces these rules react to, every finding's span is in range and its text is
# the article's, and the paragraph rules give the same results on a paragraph alone.
PIECES = [
    "le",
    "Le",
    " ",
    "  ",
    "\n",
    "\n\n",
    "vous",
    "votre",
    "«",
    "»",
    '"',
    "-",
    "phon",
    ",",
    ".",
    "?",
    "Trump",
    "qui a été",
    "😀",
    "🇫🇷",
    "é",
    "Kommentare (0)",
    "Partager sur Facebook",
    "1",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=60))
def test_spans_hold_on_any_mix(pieces: list[str]) -> None:
    from editor.core.rules import boilerplate, duplicate, register

    text = "".join(pieces)
    ctx = Context(text=text, lang="fr")
    rules = [*RULES, *register.RULES, *duplicate.RULES, *boilerplate.RULES]
    for rule in rules:
        for f in rule.check(ctx):
            assert 0 <= f.start <= f.end <= len(text)
            assert f.text == text[f.start : f.end]
    config = CheckConfig(lang="fr", enabled=("repetition",))
    whole = analyse_text(text, "fr", config)
    for p_start, p_end in ctx.paragraphs:
        alone = recheck_paragraph(text, p_start, p_end, "fr", config)
        assert [f.key for f in alone] == [f.key for f in whole if p_start <= f.start < p_end]


def test_a_cut_off_start_is_one_stutter_not_an_unknown_word() -> None:
    found = [
        f for f in analyse_text("Le gouv-gouvernement a tranché.", "fr") if f.category in ("spelling", "repetition")
    ]
    assert [(f.rule, f.text, f.suggestions[:1]) for f in found] == [
        ("repetition.stutter", "gouv-gouvernement", ("gouvernement",))
    ]
