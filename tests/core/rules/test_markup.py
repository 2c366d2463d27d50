"""The `markup` rules: tags, comments, attribute fragments (as machine translation mangles them), Markdown and
wiki leftovers are removed; comparisons and prose never are."""

from __future__ import annotations

import time

import pytest

from editor.core.engine import analyse_text
from editor.core.findings import Finding, Severity
from editor.core.rules.base import CheckConfig, Context
from editor.core.rules.markup import RULES

CONFIG = CheckConfig(lang="fr", enabled=("markup",))


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


@pytest.mark.parametrize(
    "before", ["Trump, who was ", "Trump, qui a été ", "🇺🇸 Trump 🙂 "], ids=["ascii", "accented", "emoji"]
)
def test_machine_translated_attribute_fragment(before: str) -> None:
    text = before + 'Target = "_ Blank" https://x.fr/a "Depuis'
    (f,) = found(text)
    assert f.rule == "markup.html-attribute"
    assert f.start == len(before)
    assert f.text == 'Target = "_ Blank" '
    assert f.suggestions == ("",) and f.auto and f.severity == Severity.WARNING
    assert apply_auto(text, [f]) == before + 'https://x.fr/a "Depuis'


def test_attribute_runs_are_one_finding() -> None:
    text = 'le lien class = « lien-externe » rel = "noopener noreferrer" fin'
    (f,) = found(text)
    assert f.text == 'class = « lien-externe » rel = "noopener noreferrer" '
    assert "class" in f.message and "rel" in f.message
    assert apply_auto(text, [f]) == "le lien fin"


def test_tags_are_removed_without_gluing_words() -> None:
    text = 'Voir <a href="https://x.fr" target="_blank">l’été</a> et fin<br / >suite < br > ok <p>🙂</p>'
    fs = found(text)
    assert [f.rule for f in fs] == ["markup.html-tag"] * 6
    assert fs[0].text == '<a href="https://x.fr" target="_blank">'
    assert apply_auto(text, fs) == "Voir l’été et fin suite ok 🙂"


def test_inline_tags_inside_a_word_leave_the_word_whole() -> None:
    """A browser shows `<b>d</b>écision` as one word: removing the tags must not split it."""
    text = 'Une <b>d</b>écision du <span class="x">gouv</span>ernement, fin<br>suite.'
    assert apply_auto(text, found(text)) == "Une décision du gouvernement, fin suite."


def test_comments_markdown_and_wiki() -> None:
    text = (
        "déci<!-- commentaire -->sion\n## Le rôle du Kremlin\n**Gras** et [texte](https://x.fr/a) et "
        "[[Paris|la capitale]] et '''Élysée'''"
    )
    fs = found(text)
    assert [f.rule for f in fs] == ["markup.html-comment"] + ["markup.markdown"] * 5
    link = next(f for f in fs if f.text.startswith("[texte]"))
    assert link.suggestions == ("texte",) and not link.auto  # the address may matter: a person decides
    assert apply_auto(text, fs) == (
        "décision\nLe rôle du Kremlin\nGras et [texte](https://x.fr/a) et la capitale et Élysée"
    )


@pytest.mark.parametrize(
    "text",
    [
        "si a < b et c > d alors x<b et c>y.",
        "Le titre = « Guerre » et le type = 3.",
        "Le score <3 ans et >5 ans, a <= b, <<Le Monde>>.",
        "Il a dit ''oui'' hier ; # 1 du classement ; 2 ** 3 ; __init__ ?",
        "L’équipe « Les Bleus » a gagné : 3 à 1 !",
    ],
)
def test_prose_is_never_markup(text: str) -> None:
    assert found(text) == []


def test_markup_rules_leave_clean_french_alone() -> None:
    text = "Le président a déclaré\u00a0: «\u00a0Nous avons fini\u00a0». Les négociations reprendront mardi."
    assert found(text) == []


@pytest.mark.parametrize("unit", [" ", "a", "!?.,;:", "http://", "<", "&", '< a = "', 'class="', "**a", "# a\n"])
def test_rules_handle_a_megabyte_of_hostile_text(unit: str) -> None:
    text = unit * (1_000_000 // len(unit))
    for rule in RULES:
        ctx = Context(text=text, lang="fr", config=CONFIG)
        t0 = time.process_time()
        list(rule.check(ctx))
        assert time.process_time() - t0 < 5.0, rule.id  # CPU seconds (~1 s): load from other processes does not count
