"""Every rule proves itself with its own examples, as LanguageTool's rules do.

For each example of each rule: the wrong text makes the rule fire (with the documented first suggestion), the
right text leaves it silent, and a rule documented as automatic gives findings the cleaner applies on its own.
A rule without an explanation or an example fails here, so the documentation the user sees cannot fall behind.
"""

from __future__ import annotations

import pytest

from editor.core.cleaning import AUTO_CATEGORIES
from editor.core.engine import analyse_text
from editor.core.language import detect_language
from editor.core.rules import all_rules
from editor.core.rules._docs import Example, doc_for, documented_ids
from editor.core.rules.base import CheckConfig, Rule

RULES = all_rules()


def _findings(rule: Rule, example: Example, text: str) -> list:
    lang = detect_language(text) if example.lang == "auto" else example.lang  # as `galley check --lang auto`
    config = CheckConfig(lang=lang, enabled=(rule.id,))
    return [f for f in analyse_text(text, lang, config, title=example.title) if f.rule == rule.id]


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_is_documented_with_examples(rule: Rule) -> None:
    doc = doc_for(rule)
    assert doc.description, f"{rule.id} has no description"
    assert len(doc.explanation) >= 40, f"{rule.id} has no explanation in resources/rules/{rule.category}.toml"
    assert doc.examples, f"{rule.id} has no example in resources/rules/{rule.category}.toml"


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_examples_hold(rule: Rule) -> None:
    doc = doc_for(rule)
    for example in doc.examples:
        assert example.lang == "auto" or rule.applies_to(example.lang), f"{rule.id}: example in {example.lang}"
        found = _findings(rule, example, example.wrong)
        assert found, f"{rule.id} does not fire on its example {example.wrong!r}"
        if example.suggestion is not None:
            first = found[0].suggestions[0] if found[0].suggestions else None
            assert first == example.suggestion, f"{rule.id} on {example.wrong!r}: first suggestion {first!r}"
        assert doc.auto == (found[0].auto and found[0].category in AUTO_CATEGORIES), (
            f"{rule.id}: documented auto={doc.auto} but its finding on {example.wrong!r} says otherwise"
        )
        assert not _findings(rule, example, example.right), f"{rule.id} fires on its right text {example.right!r}"


def test_every_documented_id_is_a_rule() -> None:
    assert documented_ids() <= {r.id for r in RULES}
