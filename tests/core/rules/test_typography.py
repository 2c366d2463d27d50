"""Typography rules: what a proofreader sees on damaged French, English and German text, and what is left alone."""

from __future__ import annotations

import itertools
import time

import pytest

from editor.core.engine import analyse_text, recheck_paragraph
from editor.core.findings import Finding, Severity
from editor.core.rules import all_rules
from editor.core.rules.base import CheckConfig, Context

NBSP = "\u00a0"
NNBSP = "\u202f"

# Surroundings a finding must survive: plain ASCII, accents, and astral characters (emoji, flags) before it.
SURROUNDINGS = [
    ("Il dit que ", " et repart"),
    ("Déjà, à l’été où ça allait, ", " — voilà"),
    ("Un 😀 puis 🇫🇷 et 👩‍👩‍👧 ", " 🎉 fin"),
]


def findings(text: str, rule: str, lang: str = "fr", profile: str = "fr-FR") -> list[Finding]:
    config = CheckConfig(lang=lang, profile=profile, enabled=(rule,))
    return [f for f in analyse_text(text, lang, config) if f.rule == rule]


def category(text: str, cat: str = "typography", lang: str = "fr", profile: str = "fr-FR") -> list[Finding]:
    config = CheckConfig(lang=lang, profile=profile, enabled=(cat,))
    return [f for f in analyse_text(text, lang, config) if f.category == cat]


CASES = [
    # rule, lang, snippet, flagged text inside the snippet, first suggestion
    ("typography.space-before-comma", "fr", "Poutine , qui", " ,", ","),
    ("typography.space-before-period", "fr", "l’Ukraine . Puis", " .", "."),
    ("typography.space-before-comma", "en", "Trump , who", " ,", ","),
    ("typography.space-before-period", "de", "Ukraine . Dann", " .", "."),
    ("typography.nbsp-before-mark", "fr", "une percée: l’annonce", ":", NBSP + ":"),
    ("typography.nbsp-before-mark", "fr", "est-ce vrai ?", " ?", NBSP + "?"),
    ("typography.nbsp-guillemets", "fr", "il a dit «non»", "«", "«" + NBSP),
    ("typography.space-after", "fr", "oui,non", "n", " n"),
    ("typography.space-after", "fr", "Dernier essai.Voilà", "V", " V"),
    ("typography.space-after", "en", "yes,no", "n", " n"),
    ("typography.space-inside-brackets", "fr", "tôt ( on a failli)", "( ", "("),
    ("typography.hyphen-space", "fr", "qu’y puis -je ?", " -", "-"),
    ("typography.doubled-punctuation", "fr", "non,, merci", ",,", ","),
    ("typography.doubled-punctuation", "de", "Nein!! Danke", "!!", "!"),
    ("typography.doubled-punctuation", "fr", "Double point.. puis", "..", "."),
    ("typography.ellipsis", "fr", "mais... non", "...", "…"),
    ("typography.etc", "fr", "des pommes, etc... enfin", "etc...", "etc."),
    ("typography.space-before-ellipsis", "fr", "j’en ai marre … c’est", " …", "…"),
    ("typography.apostrophe", "fr", "l’heure de l'armistice", "'", "’"),
    ("typography.elision-space", "fr", "C’ est rageant", "C’ ", "C’"),
    ("typography.missing-apostrophe", "fr", "je pense qu il ment", "qu ", "qu’"),
    ("typography.german-quotes", "fr", "il a dit „ja“ hier", "„", "«" + NBSP),
    ("typography.german-quotes", "en", "he said „yes“ today", "„", "“"),
    ("typography.german-quote-style", "de", "er sagte “ja” heute", "“", "„"),
    ("typography.straight-quotes", "fr", 'une réunion "positive" hier', '"', "«" + NBSP),
    ("typography.number-format", "fr", "pour 1.000.000 euros", "1.000.000", f"1{NBSP}000{NBSP}000"),
    ("typography.number-spacing", "fr", "perdu 20 000 euros", "20 000", f"20{NBSP}000"),
    ("typography.number-spacing", "fr", "il a 1500 euros", "1500", f"1{NBSP}500"),
    ("typography.ordinal", "fr", "la 3ème fois", "3ème", "3ᵉ"),
    ("typography.unit-space", "fr", "il en veut 18kg", "18kg", f"18{NBSP}kg"),
    ("typography.space-before-mark", "en", "really ? yes", " ?", "?"),
    ("typography.curly-quote-space", "fr", "vos “excuses ” ne", " ”", "”"),
    ("typography.inverted-quote", "fr", "Le grand homme« hier", "«", NBSP + "»"),
    ("typography.mismatched-quotes", "fr", "Quel “emmerdeur\u00a0», ce gars", "“", "«" + NBSP),
    ("typography.dialogue-comma", "fr", "«\u00a0Ça suffit.\u00a0» dit-elle", ".\u00a0»", NBSP + "»,"),
    ("typography.dash", "fr", "Waltz - ainsi que", " - ", " – "),
    ("typography.dash", "fr", "Résultat\u00a0: -72 points", "-", "−"),
    ("typography.inclusive-writing", "fr", "toujours perdu.e.s ici", "perdu.e.s", "perdu·e·s"),
    ("typography.fixed-expression", "fr", "Viens, s’il-te plaît", "s’il-te plaît", "s’il te plaît"),
    ("typography.ordinal", "fr", "Les XVI èmes siècles", "XVI èmes", "XVIᵉˢ"),
    ("typography.title-abbreviation", "fr", "selon Mme. Durand", "Mme.", "Mme"),
    ("typography.comma-before-etc", "fr", "des pommes etc. enfin", " etc.", ", etc."),
    ("typography.nbsp-after-mark", "fr", "Bilan :\u00a0rien", "\u00a0", " "),
    ("typography.doubled-punctuation", "fr", "Mouais, ; bon", ", ;", ";"),
    ("typography.unit-space", "fr", "soit 40% du total", "40%", "40\u00a0%"),
    ("typography.missing-hyphen", "fr", "c’est à dire là", "c’est à dire", "c’est-à-dire"),
    ("typography.missing-hyphen", "fr", "aux Etats Unis hier", "Etats Unis", "États-Unis"),
    ("typography.ligature", "en", "the ﬁnal word", "ﬁ", "fi"),
    ("typography.multiplication-sign", "fr", "une pièce de 3 x 4 mètres", "3 x 4", "3 × 4"),
    ("typography.space-before-mark", "de", "Fazit : gut", " :", ":"),
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
    assert f.category == "typography"


def test_sample_spaces_before_comma_and_period_are_automatic_fixes(sample_text: str) -> None:
    text = "La conversation entre Trump et Wladimir Poutine , qui est attendu, entre Russie et Ukraine .\n"
    found = category(text)
    by_text = {f.text: f for f in found}
    assert by_text[" ,"].auto and by_text[" ,"].severity == Severity.WARNING
    assert by_text[" ."].auto and by_text[" ."].suggestions == (".",)


def test_sample_article_from_the_brief() -> None:
    from pathlib import Path

    text = (Path(__file__).resolve().parents[2] / "data" / "sample_000.txt").read_text(encoding="utf-8")
    found = {(f.rule, f.text) for f in category(text)}
    assert ("typography.space-before-comma", " ,") in found
    assert ("typography.space-before-period", " .") in found


CLEAN_FRENCH = [
    "Il est 10:30 et le taux atteint 3,5 % cette année.",
    "Voir https://exemple.fr/a,b;c?d=1&e=2 ou www.site.fr/x.html pour la suite.",
    "Les U.S.A. et l’O.N.U., etc., sont là\u00a0; c’est ainsi.",
    "« Nous avons gagné\u00a0! », a lancé Marine Le Pen à La Haye.",
    "Le 1ᵉʳ mars, l’État a payé 20\u00a0000 euros au Kremlin\u00a0: rien de plus.",
    "Moody’s a abaissé la note de la dette du Japon, d’après Yahoo! News.",
    "Il faut (re)former tout ça… puis-je le dire\u00a0?",
    "A., dans le meilleur des cas, s’abstenait de tout commentaire.",
    "ça va… et toi\u202f?",
    "Le code 75001 Paris et l’ISBN 2840985314 restent tels quels.",
    "Les prix : voir <https://a.b/c:d> et mailto:x@y.fr ;-) fin.",
]


@pytest.mark.parametrize("text", CLEAN_FRENCH)
def test_clean_french_raises_no_warning(text: str) -> None:
    flagged = [(f.rule, f.text) for f in category(text) if f.severity != Severity.INFO]
    assert flagged == []


def test_clean_french_with_no_break_spaces_raises_nothing_at_all() -> None:
    text = "«\u00a0Pourquoi\u00a0?\u00a0» demande-t-il\u00a0: c’est l’heure… Il a 20\u00a0ans, etc."
    assert category(text) == []


def test_fr_fr_accepts_narrow_no_break_space_and_suggests_nbsp() -> None:
    assert findings(f"Quoi{NNBSP}? Non{NBSP}!", "typography.nbsp-before-mark") == []
    (f,) = findings("Quoi? Non", "typography.nbsp-before-mark")
    assert f.suggestions == (NBSP + "?",) and f.auto


def test_fr_ca_wants_no_space_before_question_mark_but_one_before_colon() -> None:
    assert findings("Quoi? Non!", "typography.nbsp-before-mark", profile="fr-CA") == []
    (f,) = findings("Quoi ? Non", "typography.nbsp-before-mark", profile="fr-CA")
    assert (f.text, f.suggestions) == (" ?", ("?",))
    (g,) = findings("Bilan: rien", "typography.nbsp-before-mark", profile="fr-CA")
    assert g.suggestions == (NBSP + ":",)


def test_fr_ch_wants_narrow_no_break_space_before_semicolon_and_thousands() -> None:
    (f,) = findings("Quoi; non", "typography.nbsp-before-mark", profile="fr-CH")
    assert f.suggestions == (NNBSP + ";",)
    (g,) = findings("Bilan: rien", "typography.nbsp-before-mark", profile="fr-CH")
    assert g.suggestions == (NBSP + ":",)
    (n,) = findings("soit 1.000.000 euros", "typography.number-format", profile="fr-CH")
    assert n.suggestions == (f"1{NNBSP}000{NNBSP}000",)


def test_plain_space_before_colon_is_only_info_but_fixed_automatically() -> None:
    (f,) = findings("Bilan : rien", "typography.nbsp-before-mark")
    assert f.severity == Severity.INFO and f.auto and f.text == " :"


def test_straight_apostrophes_are_a_house_style_unless_mixed_with_typographic_ones() -> None:
    assert findings("l'armistice et d'un accord", "typography.apostrophe") == []
    mixed = findings("l’armistice et d'un accord", "typography.apostrophe")
    assert [(f.text, f.auto, f.severity) for f in mixed] == [("'", True, Severity.INFO)]


def test_every_straight_apostrophe_can_be_flagged_when_the_house_style_is_typographic(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from editor.core.rules import typography

    monkeypatch.setattr(typography, "STRAIGHT_APOSTROPHE_IS_HOUSE_STYLE", False)
    straight = findings("l'armistice et d'un accord", "typography.apostrophe")
    assert [(f.text, f.auto) for f in straight] == [("'", False), ("'", False)]


def test_english_possessive_is_not_a_french_apostrophe() -> None:
    assert findings("Moody's a abaissé la note.", "typography.apostrophe") == []


def test_missing_apostrophe_follows_the_paragraph_style() -> None:
    (f,) = findings("il n arrive jamais à l'heure", "typography.missing-apostrophe")
    assert f.suggestions == ("n'",)


def test_german_quotes_pair_is_fixed_automatically_in_french() -> None:
    text = "Il a dit „Frieden“ hier."
    found = findings(text, "typography.german-quotes")
    assert [(f.text, f.suggestions[0], f.auto) for f in found] == [("„", "«" + NBSP, True), ("“", NBSP + "»", True)]


def test_automatic_fixes_around_one_mark_do_not_overlap() -> None:
    found = [f for f in category("Bilan:rien , puis") if f.auto]
    spans = sorted((f.start, f.end) for f in found)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    text = "Bilan:rien , puis"
    for f in sorted(found, key=lambda f: f.start, reverse=True):
        text = text[: f.start] + f.suggestions[0] + text[f.end :]
    assert text == "Bilan\u00a0: rien, puis"


def test_verbs_and_vehicles_are_not_compounds_or_products() -> None:
    assert category("Ce ne peut être que lui, dans un 4x4 rouge.") == []


def test_a_list_of_bullets_is_not_dialogue() -> None:
    assert findings("Au menu\n- Un\n- Deux\n- Trois", "typography.dash") == []
    (f,) = findings("- Ce tiret ouvre un dialogue.", "typography.dash")
    assert f.suggestions[0] == "—" + NBSP


def test_correct_inclusive_writing_and_parenthesised_words_are_left_alone() -> None:
    for text in ("les artificier·e·s", "NOUS SOMMES LOCAL·E·S", "un·e idiot·e", "il faut (re)former", "Dis-le."):
        assert category(text) == [], text


def test_straight_quotes_are_not_paired_across_markup_debris() -> None:
    assert findings('lien Target = "_ Blank" ici', "typography.straight-quotes") == []


def test_german_number_format_in_german_is_correct() -> None:
    assert category("Das kostet 1.000.000 Euro.", lang="de") == []


def test_doubled_punctuation_keeps_ellipsis_and_abbreviation_before_comma() -> None:
    assert findings("Il hésita... puis partit, etc., sans rien dire.", "typography.doubled-punctuation") == []
    (f,) = findings("Les chiens, les chats., les poules.", "typography.doubled-punctuation")
    assert f.text == ".," and f.suggestions[0] == ","


def test_space_after_never_splits_numbers_times_urls_or_abbreviations() -> None:
    text = "Il a 3,5 kg, à 10:30, sur example.com et U.S. Army, voir Node.js et e.g. ceci."
    assert findings(text, "typography.space-after") == []


def test_findings_are_the_same_when_a_paragraph_is_rechecked_alone() -> None:
    text = "Titre\n\nPoutine , qui dit:oui... 😀 «non» l'a\n\nFin ."
    config = CheckConfig(lang="fr", enabled=("typography",))
    paragraph_rules = {r.id for r in all_rules() if r.scope == "paragraph"}
    whole = [f for f in analyse_text(text, "fr", config) if f.rule in paragraph_rules]
    parts: list[Finding] = []
    pos = 0
    for chunk in text.split("\n\n"):
        start = text.index(chunk, pos)
        parts += recheck_paragraph(text, start, start + len(chunk), "fr", config)
        pos = start + len(chunk)
    assert sorted(f.key for f in whole) == sorted(f.key for f in parts if f.category == "typography")


HOSTILE = {
    "spaces-and-marks": " ,;:!?.",
    "letters-colons": "a:",
    "apostrophes": "l'a qu il ",
    "quotes": '« » " „ “ ',
    "digits": "1.000 12345 3ème ",
    "mixed": "Et le ,a ;b :c !d ?e ... „x“ 1.000 l'a qu il ( x ) etc... !! ,, ",
    "paragraphs": "le titre\n\n",
    "spaces": " ",
}


@pytest.mark.slow
@pytest.mark.parametrize("name", list(HOSTILE))
def test_each_rule_handles_a_megabyte_of_hostile_text_in_bounded_time(name: str) -> None:
    unit = HOSTILE[name]
    text = unit * (1_000_000 // len(unit))
    for rule in all_rules():
        if rule.category not in ("typography", "casing"):
            continue
        lang = "fr" if rule.applies_to("fr") else "de"
        ctx = Context(text=text, lang=lang, config=CheckConfig(lang=lang))
        _ = ctx.paragraphs  # computed once and shared by every rule of a real run: not this rule's cost
        t0 = time.process_time()
        for _ in rule.check(ctx):
            pass
        spent = time.process_time() - t0
        assert spent < 3.0, f"{rule.id} on 1 MB of {name}: {spent:.2f} s"  # ~0.1-0.5 s CPU; a bound, not a benchmark
