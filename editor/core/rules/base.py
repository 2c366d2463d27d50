"""What a rule is, and the context it checks.

A rule is a small object with a dotted id (`typography.space-before-comma`) that makes one linear pass over a
text and yields findings. `scope` says what a rule needs to see: "paragraph" rules see one paragraph at a time
(the editor re-checks only the edited paragraph with them), "document" rules see the whole article.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal, TypeVar

from editor.core.findings import Finding, Severity
from editor.core.text import WORD_RE, paragraphs

T = TypeVar("T")

Scope = Literal["paragraph", "document"]
LANGUAGES = ("fr", "de", "en")
PROFILES = ("fr-FR", "fr-CA", "fr-CH")


@dataclass(frozen=True, slots=True)
class CheckConfig:
    """Everything a user can set that changes what is found. Frozen so it can key caches and cross processes."""

    lang: str = "auto"
    profile: str = "fr-FR"
    enabled: tuple[str, ...] = ()  # rule-id prefixes; empty = all
    disabled: tuple[str, ...] = ()  # rule-id prefixes switched off
    glossary_path: str | None = None  # the user's own glossary (TOML), on top of resources/glossary.toml
    personal_words: frozenset[str] = frozenset()  # personal dictionary: never flagged
    ignored_words: frozenset[str] = frozenset()  # this session's ignore list
    online: bool = False  # ask each http(s) link (galley check --online)
    suggestions: bool = True  # compute spelling suggestions (batch output); the editor may ask lazily
    # keep the article's own typographic house style silently (`galley check --house-style keep`); by default
    # it is reported once per article, as `info`
    house_style: bool = False

    def wants(self, rule_id: str) -> bool:
        if any(rule_id == p or rule_id.startswith(p + ".") for p in self.disabled):
            return False
        if not self.enabled:
            return True
        return any(rule_id == p or rule_id.startswith(p + ".") for p in self.enabled)


@dataclass(slots=True)
class Context:
    """The text under check and what rules share about it, each computed at most once.

    `offset` is where `text` starts inside the article: paragraph re-checks give a paragraph with its offset so
    rules may look at `source_url` etc. but report positions relative to `text`; the engine shifts them.
    """

    text: str
    lang: str
    config: CheckConfig = field(default_factory=CheckConfig)
    source_url: str | None = None
    title: str | None = None
    offset: int = 0
    _memo: dict[str, Any] = field(default_factory=dict)

    def memo(self, key: str, factory: Callable[[], T]) -> T:
        """Compute a shared intermediate (tokens, sentence spans, quote spans...) once per context."""
        try:
            return self._memo[key]  # type: ignore[no-any-return]
        except KeyError:
            value = factory()
            self._memo[key] = value
            return value

    @property
    def words(self) -> list[tuple[int, int]]:
        """(start, end) of every word, in order."""
        return self.memo("words", lambda: [m.span() for m in WORD_RE.finditer(self.text)])

    @property
    def paragraphs(self) -> list[tuple[int, int]]:
        return self.memo("paragraphs", lambda: paragraphs(self.text))


class Rule:
    """Base of every rule. Subclasses set the class attributes and implement `check`."""

    id: ClassVar[str]
    severity: ClassVar[Severity] = Severity.WARNING
    scope: ClassVar[Scope] = "paragraph"
    languages: ClassVar[frozenset[str] | None] = None  # None: every language
    description: ClassVar[str] = ""

    @property
    def category(self) -> str:
        return self.id.split(".", 1)[0]

    def applies_to(self, lang: str) -> bool:
        return self.languages is None or lang in self.languages

    def check(self, ctx: Context) -> Iterable[Finding]:
        raise NotImplementedError
