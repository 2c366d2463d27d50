"""Each rule's documentation as data: why the damage happens, what the fix does, and examples that prove it.

The explanation and examples live in `resources/rules/<category>.toml`, beside the code, so that the CLI
(`galley rules`), the editor's detail panel and the generic example test all read one source; a rule without an
explanation or an example fails that test, so no rule ships undocumented.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from typing import Any

from editor.core.i18n import _
from editor.core.resources import resource
from editor.core.rules.base import Rule


class RuleDocError(ValueError):
    """A rule documentation file that cannot be read (bad TOML, unknown field)."""


@dataclass(frozen=True, slots=True)
class Example:
    """`wrong` makes the rule fire (first suggestion `suggestion` when given); `right` leaves it silent."""

    wrong: str
    right: str
    suggestion: str | None = None
    lang: str = "fr"
    title: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"wrong": self.wrong, "right": self.right, "lang": self.lang}
        if self.suggestion is not None:
            out["suggestion"] = self.suggestion
        if self.title is not None:
            out["title"] = self.title
        return out


@dataclass(frozen=True, slots=True)
class RuleDoc:
    """What a user may want to know about a rule before trusting or switching it off."""

    id: str
    category: str
    severity: str
    scope: str
    languages: tuple[str, ...]  # empty: every language
    auto: bool  # its fix is applied by `galley clean` without review
    description: str
    explanation: str
    examples: tuple[Example, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "category": self.category,
            "severity": self.severity,
            "scope": self.scope,
            "languages": list(self.languages),
            "auto": self.auto,
            "description": self.description,
            "explanation": self.explanation,
            "examples": [e.to_json() for e in self.examples],
        }


_EXAMPLE_FIELDS = frozenset(Example.__dataclass_fields__)


def _example(rule_id: str, raw: dict[str, Any]) -> Example:
    unknown = set(raw) - _EXAMPLE_FIELDS
    if unknown or "wrong" not in raw or "right" not in raw:
        raise RuleDocError(f"{rule_id}: an example needs 'wrong' and 'right' (unknown fields: {sorted(unknown)})")
    return Example(**raw)


@cache
def _raw_docs(category: str) -> dict[str, dict[str, Any]]:
    path = resource("rules", f"{category}.toml")
    if not path.is_file():
        return {}
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise RuleDocError(f"{path.name}: {e}") from e


def doc_for(rule: Rule) -> RuleDoc:
    """The documentation of `rule` in the current language; a rule missing from its file gets no explanation."""
    raw = _raw_docs(rule.category).get(rule.id, {})
    examples = tuple(_example(rule.id, e) for e in raw.get("examples", ()))
    return RuleDoc(
        id=rule.id,
        category=rule.category,
        severity=str(rule.severity),
        scope=rule.scope,
        languages=tuple(sorted(rule.languages or ())),
        auto=bool(raw.get("auto", False)),
        description=_(rule.description) if rule.description else "",
        explanation=_(str(raw.get("explanation", "")).strip()) if raw.get("explanation") else "",
        examples=examples,
    )


def documented_ids() -> set[str]:
    """Every rule id that some category file documents (to catch entries whose rule was renamed or removed)."""
    from editor.core.findings import CATEGORIES

    return {rule_id for c in CATEGORIES for rule_id in _raw_docs(c)}
