"""Typography rules written as data prove themselves, and conventions an article keeps are not reported as damage."""

from __future__ import annotations

import pytest

from editor.core.engine import analyse_text
from editor.core.findings import Finding, Severity
from editor.core.rules import all_rules
from editor.core.rules._typography_base import RegexRule
from editor.core.rules.base import CheckConfig

DATA_RULES = [r for r in all_rules() if isinstance(r, RegexRule)]


def findings(text: str, rule: str) -> list[Finding]:
    return [f for f in analyse_text(text, "fr", CheckConfig(lang="fr", enabled=(rule,))) if f.rule == rule]


def test_there_are_rules_written_as_data() -> None:
    assert len(DATA_RULES) >= 8


@pytest.mark.parametrize("rule", DATA_RULES, ids=lambda r: r.id)
def test_each_data_rule_fixes_its_examples_and_leaves_its_counter_examples(rule: RegexRule) -> None:
    assert rule.fires, f"{rule.id} has no example"
    for wrong, right in rule.fires:
        found = findings(wrong, rule.id)
        assert found, f"{rule.id} misses {wrong!r}"
        f = found[0]
        assert wrong[: f.start] + f.suggestions[0] + wrong[f.end :] == right
        assert findings(right, rule.id) == [], f"{rule.id} fires on its own fix {right!r}"
    for text in rule.quiet:
        assert findings(text, rule.id) == [], f"{rule.id} fires on {text!r}"


def severities(text: str, rule: str) -> list[tuple[str, Severity]]:
    return [(f.text, f.severity) for f in findings(text, rule)]


def test_guillemets_without_inner_space_are_house_style_when_the_article_never_spaces_them() -> None:
    text = "Il a dit «non».\n\nElle a répondu «oui» puis «peut-être»."
    assert {s for _, s in severities(text, "typography.nbsp-guillemets")} == {Severity.INFO}


def test_a_guillemet_without_space_in_an_article_that_spaces_them_is_a_warning() -> None:
    text = "Il a dit « non ».\n\nElle a répondu « oui » puis « peut-être ».\n\nEnfin «jamais »."
    found = severities(text, "typography.nbsp-guillemets")
    assert ("«", Severity.WARNING) in found
    assert all(s == Severity.INFO for t, s in found if t != "«")


def test_a_glued_colon_is_info_where_the_article_glues_them_and_a_warning_where_it_spaces_them() -> None:
    glued = "Il a dit: non.\n\nElle a répondu: oui."
    assert {s for _, s in severities(glued, "typography.nbsp-before-mark")} == {Severity.INFO}
    spaced = "Il a dit : non.\n\nElle a répondu : oui.\n\nEnfin: jamais."
    found = severities(spaced, "typography.nbsp-before-mark")
    assert (":", Severity.WARNING) in found


def test_ordinals_in_the_articles_own_style_are_info_and_deviations_warnings() -> None:
    assert {s for _, s in severities("Le 8ème album, au XIXème siècle.", "typography.ordinal")} == {Severity.INFO}
    mixed = severities("Le 8ème album du XIXe siècle, le 2e et le 3e.", "typography.ordinal")
    assert ("8ème", Severity.WARNING) in mixed


def test_temperatures_and_units_glued_consistently_are_info_and_a_wrong_case_stays_a_warning() -> None:
    assert severities("Il fait 40°C, puis 35°C.", "typography.unit-space") == [
        ("40°C", Severity.INFO),
        ("35°C", Severity.INFO),
    ]
    assert ("18kg", Severity.WARNING) in severities("Il pèse 18kg, 20 kg et 25 kg.", "typography.unit-space")
    assert ("3 Kg", Severity.WARNING) in severities("Il pèse 3 Kg.", "typography.unit-space")
