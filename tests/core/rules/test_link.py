"""The `link` rules: every link listed (info), broken ones are errors with the repair a person can accept."""

from __future__ import annotations

import time

import pytest

from editor.core.engine import analyse_text, recheck_paragraph
from editor.core.findings import Finding, Severity
from editor.core.rules.base import CheckConfig, Context
from editor.core.rules.link import RULES

CONFIG = CheckConfig(lang="fr", enabled=("link",))
SOURCE = "https://edition.cnn.com/2025/03/17/politics/trump-putin-call/index.html"


def links(text: str, source_url: str | None = None) -> list[Finding]:
    found = analyse_text(text, "fr", CONFIG, source_url=source_url)
    for f in found:
        assert f.text == text[f.start : f.end]
        assert f.category == "link"
    return found


@pytest.mark.parametrize("before", ["Read ", "Pour l’été, lisez ", "🎉🇺🇦 Lisez "], ids=["ascii", "accented", "emoji"])
def test_valid_link_is_listed_as_info(before: str) -> None:
    text = before + "https://www.lemonde.fr/international/article.html, puis la suite."
    (f,) = links(text)
    assert f.rule == "link.url"
    assert f.severity == Severity.INFO
    assert f.start == len(before)
    assert f.text == "https://www.lemonde.fr/international/article.html"
    assert "www.lemonde.fr" in f.message
    assert f.extra["url"] == f.text
    assert not f.auto


@pytest.mark.parametrize("before", ["Target ", "a été Target = ", "🙂 "], ids=["ascii", "accented", "emoji"])
def test_link_whose_host_was_lost(before: str) -> None:
    broken = "https: /2025/12/politics/putin-trump-phon-phon-call/index.html"
    text = before + broken + ' "Depuis'
    (f,) = links(text, SOURCE)
    assert f.rule == "link.missing-host"
    assert f.severity == Severity.ERROR
    assert (f.start, f.end) == (len(before), len(before) + len(broken))
    assert f.suggestions == ("https://edition.cnn.com/2025/12/politics/putin-trump-phon-phon-call/index.html",)
    assert not f.auto  # link repair is a judgement call
    (unknown,) = links(text)
    assert unknown.suggestions == ()
    assert "source URL is unknown" in unknown.message


def test_spaced_link_is_an_error_with_its_repair() -> None:
    text = "Voir http : //www.lefigaro.fr/politique/a.html et www. site. de pour plus."
    first, second = links(text)
    assert (first.rule, first.text, first.suggestions) == (
        "link.spaced",
        "http : //www.lefigaro.fr/politique/a.html",
        ("http://www.lefigaro.fr/politique/a.html",),
    )
    assert (second.rule, second.text, second.suggestions) == ("link.spaced", "www. site. de", ("www.site.de",))
    assert first.severity == second.severity == Severity.ERROR


def test_malformed_link_follows_the_whatwg_standard() -> None:
    (bad,) = links("Voir le lien http://1.2.3.09/page pour la suite.")
    assert bad.rule == "link.malformed" and bad.severity == Severity.ERROR
    (good,) = links("Voir le lien http://example.com/foo%2zbar pour la suite.")
    assert good.rule == "link.url"


def test_unsafe_schemes_are_flagged() -> None:
    found = links("Cliquez javascript:void(0) ou data:text/html;base64,PHNjcmlwdD4= ici")
    assert [f.rule for f in found] == ["link.unsafe-scheme", "link.unsafe-scheme"]
    assert all(f.severity == Severity.WARNING and f.suggestions == ("",) for f in found)


def test_clean_french_prose_has_no_link_finding() -> None:
    text = (
        "Le président a déclaré : « Nous avons fini. » Il part à 3.5 km.De plus, M.Macron l’a dit.\n\n"
        "Les négociations reprendront mardi, selon l’AFP."
    )
    assert links(text) == []


def test_paragraph_recheck_gives_the_same_findings() -> None:
    text = "Intro.\n\nVoir https: /2025/12/a.html et https://x.fr/b ici.\n\nFin."
    whole = links(text, SOURCE)
    start = text.index("Voir")
    end = text.index("\n\nFin")
    again = recheck_paragraph(text, start, end, "fr", CONFIG, source_url=SOURCE)
    assert [(f.rule, f.start, f.end, f.suggestions) for f in again] == [
        (f.rule, f.start, f.end, f.suggestions) for f in whole
    ]


@pytest.mark.parametrize("unit", [" ", "a", "!?.,;:", "http://", "<", "&", "https: /www. a. b/"])
def test_rules_handle_a_megabyte_of_hostile_text(unit: str) -> None:
    text = unit * (1_000_000 // len(unit))
    ctx = Context(text=text, lang="fr", config=CONFIG)
    t0 = time.process_time()
    for rule in RULES:
        list(rule.check(ctx))
    assert time.process_time() - t0 < 5.0  # CPU seconds (~1 s): load from other processes does not count
