"""What a rule is, and the context it checks.

A rule is a small object with a dotted id (`typography.space-before-comma`) that makes one linear pass over a
text and yields findings. `scope` says what a rule needs to see: "paragraph" rules see one paragraph at a time
(the editor re-checks only the edited paragraph with them), "document" rules see the whole article.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal, TypeVar

from editor.core.findings import Finding, Severity, make_finding
from editor.core.i18n import _
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

    def finding(
        self,
        text: str,
        start: int,
        end: int,
        message: str,
        suggestions: tuple[str, ...] | list[str] = (),
        auto: bool = False,
        *,
        severity: Severity | None = None,
        **extra: Any,
    ) -> Finding:
        """A finding of this rule on text[start:end], at the rule's own severity unless another is given."""
        severity = self.severity if severity is None else severity
        return make_finding(text, self.id, severity, start, end, message, suggestions, auto, **extra)


class PatternRule(Rule):
    """A rule that is one pattern, written as data (`pattern_rule`): each match is a finding saying `message`, with
    one suggestion, the match expanded by `replacement` (`\\1`, `\\g<name>` name the match's groups).

    `fires` holds (text, text after the first suggestion) pairs and `quiet` texts where the rule must stay silent;
    one test runs them for every rule written as data, so such a rule cannot exist without its proof. `skip` leaves
    out a match another rule deals with (text inside a mojibake repair, say)."""

    pattern: ClassVar[re.Pattern[str]]
    message: ClassVar[str]
    replacement: ClassVar[str]
    auto: ClassVar[bool] = False
    fires: ClassVar[tuple[tuple[str, str], ...]] = ()
    quiet: ClassVar[tuple[str, ...]] = ()

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for m in self.pattern.finditer(text):
            if not self.skip(ctx, m):
                yield self.match_finding(text, m)

    def skip(self, ctx: Context, match: re.Match[str]) -> bool:
        return False

    def match_finding(self, text: str, m: re.Match[str]) -> Finding:
        message = m.expand(_(self.message))
        return self.finding(text, m.start(), m.end(), message, (m.expand(self.replacement),), self.auto)


R = TypeVar("R", bound=Rule)


def data_rule(base: type[R], rule_id: str, attrs: dict[str, Any]) -> R:
    """An instance of a new subclass of `base` with these class attributes, named after its id (a rule written as
    data still reads as a class in tracebacks and `galley rules`)."""
    name = "".join(part.capitalize() for part in re.split(r"[.\-]", rule_id))
    cls: type[R] = type(name, (base,), {"id": rule_id, **attrs})
    return cls()


def pattern_rule(
    rule_id: str,
    pattern: str,
    message: str,
    replacement: str,
    *,
    description: str,
    fires: tuple[tuple[str, str], ...],
    quiet: tuple[str, ...] = (),
    severity: Severity = Severity.WARNING,
    languages: frozenset[str] | None = None,
    auto: bool = False,
    skip: Callable[[Context, re.Match[str]], bool] | None = None,
    base: type[PatternRule] | None = None,
    **more: Any,
) -> PatternRule:
    """A `PatternRule` from its data; `skip(ctx, match)` leaves a match out. `base` is a subclass to build instead
    (the paragraph-by-paragraph typography one) and `more` its own class attributes."""
    attrs: dict[str, Any] = {
        "pattern": re.compile(pattern),
        "message": message,
        "replacement": replacement,
        "description": description,
        "fires": fires,
        "quiet": quiet,
        "severity": severity,
        "languages": languages,
        "auto": auto,
        **more,
    }
    if skip is not None:
        attrs["skip"] = staticmethod(skip)
    return data_rule(base or PatternRule, rule_id, attrs)
