"""Patterns behave the same on every Python Galley supports.

Debian 12 ships Python 3.11.2, whose `re` mis-matches a possessive quantifier on a group: `\\d{1,3}(?: \\d{3})++`
finds nothing in "20 000 euros", and the word pattern split words differently (checked against 3.11.7 on a
200k-word article). Atomic groups `(?>(?:...)+)` give the same linear behaviour and match correctly everywhere,
so no pattern in Galley may put a possessive quantifier on a group.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GROUP_POSSESSIVE = re.compile(r"\)(?:[*+?]|\{\d*,?\d*\})\+")


def _compiled_patterns() -> dict[str, re.Pattern[str] | re.Pattern[bytes]]:
    """Every pattern Galley's core compiles at import: module globals and class attributes, plus the
    boilerplate patterns read from resources/boilerplate.toml."""
    import editor.core
    from editor.core.rules import all_rules
    from editor.core.rules.boilerplate import load_patterns

    found: dict[str, re.Pattern[str] | re.Pattern[bytes]] = {}
    for info in pkgutil.walk_packages(editor.core.__path__, "editor.core."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                found[f"{info.name}.{name}"] = value
            elif isinstance(value, type):
                for attr, inner in vars(value).items():
                    if isinstance(inner, re.Pattern):
                        found[f"{info.name}.{name}.{attr}"] = inner
    for rule in all_rules():
        for attr in dir(rule):
            inner = getattr(rule, attr, None)
            if isinstance(inner, re.Pattern):
                found[f"{rule.id}.{attr}"] = inner
    boilerplate = load_patterns().regex
    if boilerplate is not None:
        found["resources/boilerplate.toml"] = boilerplate
    return found


def test_no_possessive_quantifier_on_a_group() -> None:
    patterns = _compiled_patterns()
    assert len(patterns) > 100  # the walk really saw the rules
    sources = {
        name: p.pattern if isinstance(p.pattern, str) else p.pattern.decode("latin-1") for name, p in patterns.items()
    }
    offenders = [name for name, source in sources.items() if GROUP_POSSESSIVE.search(source)]
    assert offenders == []


def test_the_patterns_that_broke_on_debian_match_as_intended() -> None:
    from editor.core.rules.typography_numbers import _SPACED_NUMBER_RE
    from editor.core.text import WORD_RE

    assert _SPACED_NUMBER_RE.findall("Il a perdu 20 000 euros et 1 000 000 de voix.") == ["20 000", "1 000 000"]
    words = [m.group() for m in WORD_RE.finditer("l'été, a-b- c’ x--y aujourd’hui 'a'")]
    assert words == ["l'été", "a-b", "c", "x", "y", "aujourd’hui", "a"]
