"""The `encoding` rules: mojibake repaired exactly, entities decoded, invisible and control characters removed,
and correct text (French typography, ligatures, emoji sequences, right-to-left text) left alone."""

from __future__ import annotations

import time

import pytest

from editor.core.engine import analyse_text
from editor.core.findings import Finding, Severity
from editor.core.rules.base import CheckConfig, Context
from editor.core.rules.encoding import RULES

CONFIG = CheckConfig(lang="fr", enabled=("encoding",))


def found(text: str) -> list[Finding]:
    out = analyse_text(text, "fr", CONFIG)
    for f in out:
        assert f.text == text[f.start : f.end]
    return out


def apply_auto(text: str, findings: list[Finding]) -> str:
    """The text with every automatic fix applied (what cleaning does)."""
    parts: list[str] = []
    pos = 0
    for f in sorted((f for f in findings if f.auto and f.suggestions), key=lambda f: f.start):
        assert f.start >= pos, "automatic fixes of one category never overlap"
        parts += [text[pos : f.start], f.suggestions[0]]
        pos = f.end
    return "".join(parts) + text[pos:]


@pytest.mark.parametrize("before", ["Note: ", "À l’été ", "🎉👩‍👩‍👧 "], ids=["ascii", "accented", "emoji"])
def test_mojibake_word_is_found_and_repaired(before: str) -> None:
    text = before + "le barÃ¨me de lâ€™Ã©tÃ© est publiÃ©."
    fs = found(text)
    assert {f.rule for f in fs} == {"encoding.mojibake"}
    first = fs[0]
    assert first.text == "barÃ¨me" and first.start == len(before) + 3
    assert first.suggestions == ("barème",)
    assert first.severity == Severity.ERROR and first.auto
    assert "Windows-1252" in fs[1].message or "Latin-1" in fs[1].message
    assert apply_auto(text, fs) == before + "le barème de l’été est publié."


def test_mojibake_repair_keeps_curly_quotes_and_ligatures() -> None:
    text = "Â« lâ€™Å“uvre Â» de lâ€™Ã©tÃ©, lâ€™ﬁn"
    assert apply_auto(text, found(text)) == "« l’œuvre » de l’été, l’ﬁn"


@pytest.mark.parametrize(
    "text",
    [
        "L’été « déjà là » : naïve Œuvre, cœur, ﬁn, São Paulo, Ærø, Ça va ? Où ? Là‑bas !",
        "Il a dit\u00a0: «\u00a0Non\u202f!\u00a0» — 1\u202f000 €, 50 % de 3 000.",
        "C O N C L U S Ã O et ESSE CARA AI QUEM É¿ et 5×£35 et 10 Å— et AHÅ™",
        "Famille 👨‍👩‍👧‍👦, drapeau 🏳️‍🌈, keycap 1️⃣, peau 👍🏽.",
        "Arabe لا\u200cلا et persan می\u200cخواهم, hébreu שלום \u200fעולם.",
        "Procter & Gamble, AT&T, R&D et a && b.",
        "Le « c’est-à-dire » est là, les crêpes ’90s, l’«\u00a0été\u00a0».",
    ],
)
def test_correct_text_has_no_encoding_finding(text: str) -> None:
    assert [f for f in found(text) if f.severity != Severity.INFO] == []
    assert apply_auto(text, found(text)) == text


def test_mojibake_of_the_replacement_character_and_c1_punctuation() -> None:
    text = "Les commentaires ï¿½ sont modérés. â\x80\x9cCitation\x85\x94"
    fixed = apply_auto(text, found(text))
    assert fixed == "Les commentaires \ufffd sont modérés. “Citation…”"


@pytest.mark.parametrize(
    ("entity", "value"),
    [
        ("&amp;", "&"),
        ("&#233;", "é"),
        ("&#xE9;", "é"),
        ("&eacute;", "é"),
        ("& nbsp ;", "\u00a0"),
        ("&nbsp;", "\u00a0"),
        ("& amp;", "&"),
        ("&Eacute;", "É"),
        ("&rsquo;", "’"),
    ],
)
def test_html_entities_are_decoded(entity: str, value: str) -> None:
    text = f"🙂 l’été {entity} ici"
    (f,) = found(text)
    assert f.rule == "encoding.html-entity"
    assert f.text == entity and f.start == len("🙂 l’été ")
    assert f.suggestions == (value,) and f.auto


def test_entities_escaped_twice_are_decoded_once_and_for_all() -> None:
    text = "l’&amp;eacute;t&amp;#233; 🙂&amp;nbsp;: fin &amp; suite"
    fs = found(text)
    assert [f.text for f in fs] == ["&amp;eacute;", "&amp;#233;", "&amp;nbsp;", "&amp;"]
    assert apply_auto(text, fs) == "l’été 🙂\u00a0: fin & suite"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Il va jusqu&acirc;€™Ã\u00a0.", "Il va jusqu’à."),
        ("Il y va jusqu&rsquo;Ã\u00a0, voilÃ&nbsp;!", "Il y va jusqu’à, voilà!"),
        ("c&acirc;€™Ã©tait dÃ&copy;jÃ\u00a0 là", "c’était déjà là"),
        ("c&amp;acirc;€™Ã©tait", "c’était"),
        ("voil&Atilde;\u00a0 la fin et d&#xc3;&#xa9;j&Atilde;&nbsp;.", "voilà la fin et déjà."),
    ],
)
def test_mojibake_with_character_references_is_repaired_whole_in_one_pass(text: str, want: str) -> None:
    """The references are bytes of the mojibake: one repair decodes them with it, and no entity fix overlaps it."""
    fs = found(text)
    assert all(f.rule == "encoding.mojibake" for f in fs if "Ã" in f.text)
    assert apply_auto(text, fs) == want


def test_with_mojibake_repair_turned_off_the_entity_inside_it_is_still_decoded() -> None:
    text = "Il va jusqu&acirc;€™Ã\u00a0."
    fs = analyse_text(text, "fr", CheckConfig(lang="fr", enabled=("encoding",), disabled=("encoding.mojibake",)))
    assert [(f.rule, f.text) for f in fs] == [("encoding.html-entity", "&acirc;")]


def test_a_reference_kept_as_a_suggestion_stays_in_the_repaired_mojibake() -> None:
    text = "Un article sur &lt;Ã©tÃ©&gt; ici."
    fs = found(text)
    assert [(f.text, f.auto) for f in fs if f.rule == "encoding.html-entity"] == [("&lt;", False), ("&gt;", False)]
    assert apply_auto(text, fs) == "Un article sur &lt;été&gt; ici."


def test_markup_entities_are_only_suggested() -> None:
    fs = found("Un article sur &lt;script&gt; en HTML.")
    assert [f.suggestions[0] for f in fs] == ["<", ">"]
    assert not any(f.auto for f in fs)


def test_invisible_characters() -> None:
    text = "mot\u200bcoupé, \ufeffdébut, 👨\u200d👩\u200d👧 ok, cré\u00adation"
    fs = found(text)
    assert [(f.rule, f.text) for f in fs] == [
        ("encoding.invisible", "\u200b"),
        ("encoding.invisible", "\ufeff"),
        ("encoding.soft-hyphen", "\u00ad"),
    ]
    soft = fs[-1]
    assert soft.severity == Severity.INFO and soft.auto
    assert apply_auto(text, fs) == "motcoupé, début, 👨\u200d👩\u200d👧 ok, création"


def test_bidi_controls_removed_in_left_to_right_text_only() -> None:
    text = "Un texte \u202egauche\u202c normal."
    fs = found(text)
    assert [(f.rule, f.text) for f in fs] == [("encoding.bidi-control", "\u202e"), ("encoding.bidi-control", "\u202c")]
    assert all(f.auto and f.severity == Severity.WARNING for f in fs)
    assert apply_auto(text, fs) == "Un texte gauche normal."
    rtl = found("Le nom \u202bשלום\u202c est hébreu.")
    assert len(rtl) == 2 and all(f.severity == Severity.INFO and not f.auto for f in rtl)


def test_control_characters() -> None:
    text = "Début\x01 milieu\x0b et l\x92été"
    fs = found(text)
    assert [f.text for f in fs] == ["\x01", "\x0b", "\x92"]
    assert apply_auto(text, fs) == "Début milieu et l’été"


def test_replacement_character_is_an_error_without_fix() -> None:
    text = "Le pr\ufffdsident 🙂 et \ufffd\ufffd."
    fs = found(text)
    assert [(f.text, f.start) for f in fs] == [("\ufffd", 5), ("\ufffd\ufffd", len("Le pr\ufffdsident 🙂 et "))]
    assert all(f.severity == Severity.ERROR and not f.auto and not f.suggestions for f in fs)
    assert "2 characters" in fs[1].message


@pytest.mark.parametrize("unit", [" ", "a", "!?.,;:", "http://", "<", "&", "& nbsp", "Ã©", "l’été ", "\u200b"])
def test_rules_handle_a_megabyte_of_hostile_text(unit: str) -> None:
    text = unit * (1_000_000 // len(unit))
    for rule in RULES:
        ctx = Context(text=text, lang="fr", config=CONFIG)
        t0 = time.process_time()
        list(rule.check(ctx))
        assert time.process_time() - t0 < 5.0, rule.id  # CPU seconds (~1 s): load from other processes does not count
