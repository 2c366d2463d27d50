"""Suggestions checked in their sentence (editor.core.incontext), on the bundled sample and small texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.core import french
from editor.core.engine import analyse_text
from editor.core.findings import Finding
from editor.core.incontext import apply_first_suggestions
from editor.core.rules.base import CheckConfig

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample_000.txt"


@pytest.fixture(scope="module")
def sample() -> tuple[str, list[Finding]]:
    text = SAMPLE.read_text(encoding="utf-8")
    return text, analyse_text(text, "fr")


def _at(findings: list[Finding], text: str) -> Finding:
    return next(f for f in findings if f.text == text)


def test_register_fix_elides_que_and_makes_the_adjective_plural(sample: tuple[str, list[Finding]]) -> None:
    _, found = sample
    f = _at(found, "que vous êtes proche")
    assert f.suggestions[0] == "qu'ils sont proches"
    assert f.suggestions[1] == "qu'elles sont proches"


def test_register_fix_after_alors_que(sample: tuple[str, list[Finding]]) -> None:
    _, found = sample
    assert _at(found, "que vous étiez").suggestions[0] == "qu'ils étaient"


def test_glossary_fix_elides_the_article(sample: tuple[str, list[Finding]]) -> None:
    _, found = sample
    assert _at(found, "le Nahenvoyé").suggestions[0] == "l'envoyé pour le Proche-Orient"


def test_glossary_fix_takes_the_gender_of_the_french_noun(sample: tuple[str, list[Finding]]) -> None:
    _, found = sample
    assert _at(found, "de la US Intelligence Agency").suggestions[0] == "du renseignement américain"


def test_heading_fixes_compose_into_one_suggestion(sample: tuple[str, list[Finding]]) -> None:
    text, found = sample
    at = text.index("\nfazit\n") + 1
    here = [f for f in found if f.start == at]
    assert len(here) == 1
    assert here[0].suggestions[0] == "Conclusion"


def test_accepting_first_suggestions_on_the_sample_introduces_no_elision_error(
    sample: tuple[str, list[Finding]],
) -> None:
    text, found = sample
    out, applied = apply_first_suggestions(text, found, ["all"], "fr")
    assert applied
    assert "qu'ils" in out and "l'envoyé" in out
    assert "que ils" not in out and "le envoyé" not in out
    before = {text[s:e] for s, e, _ in french.errors(text)}
    introduced = [out[s:e] for s, e, _ in french.errors(out) if out[s:e] not in before]
    assert introduced == []


def test_glossary_targets_are_not_unknown_words() -> None:
    text = "Le président Volodymyr Zelensky a visité la centrale de Zaporijjia hier."
    found = analyse_text(text, "fr")
    assert not [f for f in found if f.category == "spelling" and f.text in {"Volodymyr", "Zelensky", "Zaporijjia"}]


def test_undecidable_agreement_is_said_not_guessed(tmp_path: Path) -> None:
    glossary = tmp_path / "g.toml"
    glossary.write_text('[fr.untranslated]\n"blitzwort" = "zorglubage"\n', encoding="utf-8")
    text = "Il a parlé de la blitzwort hier soir."
    found = analyse_text(text, "fr", CheckConfig(glossary_path=str(glossary)))
    f = next(f for f in found if f.rule == "terminology.glossary")
    assert f.suggestions == ()
    assert "gender" in f.message


def test_a_suggestion_that_creates_a_new_finding_is_not_offered(tmp_path: Path) -> None:
    glossary = tmp_path / "g.toml"
    glossary.write_text('[fr.untranslated]\n"blitzwort" = ["le journal", "journal"]\n', encoding="utf-8")
    text = "Il a lu le blitzwort hier soir."
    found = analyse_text(text, "fr", CheckConfig(glossary_path=str(glossary)))
    f = next(f for f in found if f.rule == "terminology.glossary")
    assert f.suggestions == ("journal",)


def test_glossary_word_order_template_takes_in_the_name_before(sample: tuple[str, list[Finding]]) -> None:
    _, found = sample
    f = _at(found, "le Zaporozhye Kernkraftwerk")
    assert f.suggestions[0] == "la centrale nucléaire de Zaporijjia"
    assert not [g for g in found if g.text == "Zaporozhye"]  # folded into the one fix


def test_glossary_gender_and_template_are_checked(tmp_path: Path) -> None:
    from editor.core.glossary import GlossaryError, read

    bad = tmp_path / "bad.toml"
    bad.write_text('[fr.x]\n"foo" = { prefer = ["bar"], gender = "neutre" }\n', encoding="utf-8")
    with pytest.raises(GlossaryError, match="gender"):
        read(bad)
    bad.write_text('[fr.x]\n"foo" = { prefer = ["bar"], template = "bar de" }\n', encoding="utf-8")
    with pytest.raises(GlossaryError, match="template"):
        read(bad)
    good = tmp_path / "good.toml"
    good.write_text('[fr.x]\n"blitzwort" = { prefer = ["zorglubage"], gender = "fem" }\n', encoding="utf-8")
    found = analyse_text("Il a parlé du blitzwort hier soir.", "fr", CheckConfig(glossary_path=str(good)))
    f = next(f for f in found if f.rule == "terminology.glossary")
    assert f.suggestions[0] == "de la zorglubage"


def test_sentences_analysed_in_one_batch_find_what_each_finds_alone(sample: tuple[str, list[Finding]]) -> None:
    from editor.core.incontext import _Checker, _sentence

    text, found = sample
    config = CheckConfig(lang="fr")
    sentences = list(dict.fromkeys(text[slice(*_sentence(text, f.start, f.end))] for f in found))
    sentences += [s.replace("le ", "le le ", 1) for s in sentences]  # what a candidate fix may leave
    batched = _Checker(text, "fr", config)
    batched._seen = {}
    batched.analyse_many(sentences)
    alone = _Checker(text, "fr", config)
    alone._seen = {}
    assert len(batched._seen) > 20
    for s, findings in batched._seen.items():
        assert findings == alone.findings(s), s
