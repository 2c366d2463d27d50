"""The `terminology` rule: glossary forms (German transliterations, untranslated terms, calques)."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.core.engine import analyse_text
from editor.core.findings import Finding, Severity
from editor.core.glossary import GlossaryError, load
from editor.core.rules.base import CheckConfig

CONFIG = CheckConfig(lang="fr", enabled=("terminology",))


def terms(text: str, config: CheckConfig = CONFIG, lang: str = "fr") -> list[Finding]:
    return [f for f in analyse_text(text, lang, config) if f.category == "terminology"]


@pytest.mark.parametrize(
    "before", ["The talks with ", "Élu à l’été, ", "🎉🇺🇦 Le président "], ids=["ascii", "accented", "emoji"]
)
def test_transliteration_with_exact_span_and_suggestion(before: str) -> None:
    text = before + "Selenskyj a parlé."
    (f,) = terms(text)
    assert f.text == text[f.start : f.end] == "Selenskyj"
    assert f.start == len(before)
    assert f.suggestions[0] == "Zelensky"
    assert f.severity == Severity.WARNING


def test_sample_terms_are_found() -> None:
    text = (
        "Wladimir Poutine et Wolodymyr Selenskyj ; le Nahenvoyé Steve Witkoff ; un feu de cessez-le-feu ; "
        "à Riad ; fazit ; le Kernkraftwerk ; le port de Sewastopol ; Kommentare (0) ; à Kiew et Charkiw."
    )
    found = {f.text: f.suggestions[0] for f in terms(text)}
    assert found == {
        "Wladimir Poutine": "Vladimir Poutine",
        "Wolodymyr": "Volodymyr",
        "Selenskyj": "Zelensky",
        "le Nahenvoyé": "l'envoyé pour le Proche-Orient",  # the article elides before the French noun
        "feu de cessez-le-feu": "cessez-le-feu",
        "Riad": "Riyad",
        "fazit": "conclusion",
        "le Kernkraftwerk": "la centrale nucléaire",  # and takes its gender
        "Sewastopol": "Sébastopol",
        "Kommentare": "commentaires",
        "Kiew": "Kyiv",
        "Charkiw": "Kharkiv",
    }


def test_calque_is_safe_to_apply_automatically() -> None:
    (f,) = terms("Un feu  de\ncessez-le-feu est annoncé.")
    assert f.auto and f.suggestions == ("cessez-le-feu",)


def test_case_rules() -> None:
    # a capitalised entry does not match the French common noun; a lower-case entry matches a capital
    assert terms("Il a dormi dans un riad à Marrakech.") == []
    (f,) = terms("Fazit : la guerre continue.")
    assert f.suggestions[0] == "Conclusion"
    (g,) = terms("Le KERNKRAFTWERK brûle.")
    assert g.text == "Le KERNKRAFTWERK"
    assert g.suggestions[0] == "La centrale nucléaire"


def test_whole_words_only() -> None:
    assert terms("Les Riadiens et la Sewastopolitaine.") == []
    assert terms("cessez-le-feu") == []


def test_correct_french_is_not_flagged() -> None:
    text = "Le président Zelensky a rencontré Vladimir Poutine à Riyad puis est rentré à Kiev et à Kyiv."
    assert terms(text) == []


def test_user_glossary_adds_and_overrides(tmp_path: Path) -> None:
    user = tmp_path / "mine.toml"
    user.write_text(
        '[fr.house]\n"Zelensky" = "Zelenskyy"\n"bla bla" = { prefer = ["blabla"], severity = "info" }\n',
        encoding="utf-8",
    )
    config = CheckConfig(lang="fr", enabled=("terminology",), glossary_path=str(user))
    found = terms("Zelensky a dit bla   bla 🎉 à Selenskyj.", config)
    assert [(f.text, f.suggestions[0], str(f.severity)) for f in found] == [
        ("Zelensky", "Zelenskyy", "warning"),
        ("bla   bla", "blabla", "info"),
        # `Zelensky` is wrong by this user's glossary: the first suggestion that does not create a finding
        ("Selenskyj", "Zelenski", "warning"),
    ]


def test_broken_user_glossary_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[fr.x\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match="not valid TOML"):
        load("fr", str(bad))
    with pytest.raises(GlossaryError, match="cannot read"):
        load("fr", str(tmp_path / "missing.toml"))


def test_other_languages_have_their_own_entries() -> None:
    (f,) = terms("Präsident Zelensky sprach.", CheckConfig(lang="de", enabled=("terminology",)), "de")
    assert f.suggestions[0] == "Selenskyj"


def test_cli_reports_a_broken_glossary_in_one_line(tmp_path: Path) -> None:
    import subprocess
    import sys

    bad = tmp_path / "bad.toml"
    bad.write_text('[fr.x]\n"Selenskyj" = 3\n', encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Selenskyj a parlé.\n", encoding="utf-8")
    r = subprocess.run(
        [sys.executable, "-m", "editor", "check", "--lang", "fr", "--jobs", "1", "--glossary", str(bad), str(article)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 2
    assert "Traceback" not in r.stderr
    assert r.stderr.strip().count("\n") == 0 and "must map to a string" in r.stderr


def test_multi_word_entries_never_span_paragraphs() -> None:
    text = "Un feu de\n\ncessez-le-feu."
    assert terms(text) == []


def test_paragraph_recheck_matches_the_whole_article() -> None:
    from editor.core.engine import recheck_paragraph

    text = "Intro 🎉.\n\nLe Kernkraftwerk de Selenskyj et un feu de cessez-le-feu.\n\nFin."
    whole = terms(text)
    start = text.index("Le Kern")
    end = text.index("\n\nFin")
    again = [f for f in recheck_paragraph(text, start, end, "fr", CONFIG) if f.category == "terminology"]
    assert [(f.start, f.end, f.suggestions) for f in again] == [(f.start, f.end, f.suggestions) for f in whole]
