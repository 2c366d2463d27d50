"""The finding record shared by every rule, the CLI contract and the editor."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

CATEGORIES: tuple[str, ...] = (
    "encoding",
    "markup",
    "link",
    "spelling",
    "foreign",
    "repetition",
    "duplicate",
    "boilerplate",
    "typography",
    "casing",
    "terminology",
    "register",
    "whitespace",
)


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


SEVERITY_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@dataclass(frozen=True, slots=True)
class Finding:
    """One suspicious span of an article's text.

    Immutable so that the editor, the cleaner and the session can share it without copies; decisions about a
    finding (accepted, rejected, ignored) live apart from it. Offsets are code points into the article text.
    """

    category: str
    rule: str
    severity: Severity
    start: int
    end: int
    text: str
    message: str
    suggestions: tuple[str, ...] = ()
    auto: bool = False
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        if self.category not in CATEGORIES:
            raise ValueError(f"unknown category {self.category!r}")
        if not self.rule.startswith(self.category + "."):
            raise ValueError(f"rule {self.rule!r} must be inside category {self.category!r}")
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")

    @property
    def key(self) -> tuple[str, int, int, str]:
        """Stable identity of a finding inside one text version (used by decisions and the GUI model)."""
        return (self.rule, self.start, self.end, self.text)

    def shifted(self, delta: int) -> Finding:
        """The same finding moved by `delta` code points (paragraph-local results placed in the article)."""
        return Finding(
            self.category,
            self.rule,
            self.severity,
            self.start + delta,
            self.end + delta,
            self.text,
            self.message,
            self.suggestions,
            self.auto,
            self.extra,
        )

    def to_json(self) -> dict[str, Any]:
        """The `galley check --format jsonl` shape of a finding (a public contract)."""
        return {
            "category": self.category,
            "rule": self.rule,
            "severity": str(self.severity),
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "message": self.message,
            "suggestions": list(self.suggestions),
            "auto": self.auto,
        }


def make_finding(
    text: str,
    rule: str,
    severity: Severity,
    start: int,
    end: int,
    message: str,
    suggestions: tuple[str, ...] | list[str] = (),
    auto: bool = False,
    **extra: Any,
) -> Finding:
    """Build a finding whose `text` is taken from the article, so `text == article[start:end]` always holds."""
    category = rule.split(".", 1)[0]
    return Finding(
        category,
        rule,
        severity,
        start,
        end,
        text[start:end],
        message,
        tuple(suggestions),
        auto,
        dict(extra),
    )
