"""What the typography and casing rules share: word lists, a paragraph-by-paragraph scan with a bound, the spans
punctuation rules leave alone, rules written as data, and the article's own house style.

Both categories are paragraph-scoped: the editor re-checks only the edited paragraph, so each rule scans one
paragraph at a time (`scan(ctx, start, end)`), which also gives the same findings whether a paragraph is checked
alone or inside its article. A paragraph with more than `MAX_PER_PARAGRAPH` findings of one rule is data or junk,
not prose (a megabyte of `a:a:a:`): listing the rest would help nobody and would cost seconds, so the scan of that
paragraph stops there.

Rules whose whole logic is one pattern and one replacement are written as data (`regex_rule`): an id, the pattern,
the message, the replacement and examples that must and must not fire, which one test runs for every such rule.
Rules that weigh context stay code.

House style: professionally edited French follows conventions that differ from the Imprimerie nationale's
(guillemets without inner spaces, `20°C`, `XIXème`). Copy that follows one consistently is not damaged, and a rule
that flags each occurrence buries the review under noise. Rules that judge such a convention are document-scoped
and ask `house_style()` whether the article writes that form at least as often as the standard one: if so, each
occurrence is `info`, and only an article whose dominant form is the standard one gets warnings for its deviations.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from itertools import islice
from typing import ClassVar

from editor.core.findings import Finding, Severity, make_finding
from editor.core.i18n import _
from editor.core.rules.base import Context, Rule, Scope

MAX_PER_PARAGRAPH = 500
NBSP = "\u00a0"
NNBSP = "\u202f"


def words(spec: str) -> frozenset[str]:
    """A set of words written as one space-separated string (long lists stay readable)."""
    return frozenset(spec.split())


class ParagraphRule(Rule):
    """A rule that looks at one paragraph at a time."""

    scope: ClassVar[Scope] = "paragraph"  # "document" for rules that weigh the article's house style
    #: characters without which the rule cannot fire: paragraphs holding none of them are skipped cheaply
    triggers: ClassVar[str] = ""
    #: a pattern found in every paragraph where the rule can fire, starting with a literal or a character class so
    #: the regex engine scans for it at C speed (the rules' own patterns open with look-behinds, which make it try
    #: every position): paragraphs without it are skipped before the slower patterns run
    gate: ClassVar[re.Pattern[str] | None] = None

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        triggers = self.triggers
        gate = self.gate
        for start, end in ctx.paragraphs:
            if triggers and not any(text.find(c, start, end) >= 0 for c in triggers):
                continue
            if gate is not None and gate.search(text, start, end) is None:
                continue
            yield from islice(self.scan(ctx, start, end), MAX_PER_PARAGRAPH)

    def scan(self, ctx: Context, start: int, end: int) -> Iterator[Finding]:
        """Findings inside text[start:end] (one paragraph), in article offsets."""
        raise NotImplementedError


# --- spans punctuation rules leave alone ------------------------------------------------------------------------

_INDICATOR_RE = re.compile(r"://|www\.|[@/\\=_#]|\.(?:com|org|net|fr|de|html?|php)\b", re.IGNORECASE)
_TOKEN_END_RE = re.compile(r"[^\s]*+")
_TOKEN_SEP = (" ", "\n", "\t", "\r")
_WORD_TAIL_RE = re.compile(r"[^\W\d_]{1,12}$")


def protected_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Whitespace-delimited tokens that look like URLs, e-mails, paths or code: punctuation rules skip them.

    Found from their indicator characters, then widened to the token; a widening never goes back past the previous
    token, so each character is visited a bounded number of times and the pass is linear.
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    last_end = start
    for m in _INDICATOR_RE.finditer(text, start, end):
        p = m.start()
        if p < last_end:
            continue
        left = max(max(text.rfind(sep, last_end, p) for sep in _TOKEN_SEP) + 1, last_end)
        m2 = _TOKEN_END_RE.match(text, p, end)
        right = m2.end() if m2 else p
        spans.append((left, right))
        last_end = right
    return spans


def _protected(ctx: Context) -> tuple[list[int], list[int]]:
    def build() -> tuple[list[int], list[int]]:
        starts: list[int] = []
        ends: list[int] = []
        for ps, pe in ctx.paragraphs:
            for s, e in protected_spans(ctx.text, ps, pe):
                starts.append(s)
                ends.append(e)
        return starts, ends

    return ctx.memo("typography.protected", build)


def is_protected(ctx: Context, pos: int) -> bool:
    """Whether `pos` lies inside a URL, an e-mail address, a path or code (see `protected_spans`)."""
    starts, ends = _protected(ctx)
    i = bisect_right(starts, pos) - 1
    return i >= 0 and pos < ends[i]


def word_before(text: str, pos: int, floor: int = 0) -> str:
    m = _WORD_TAIL_RE.search(text, max(floor, pos - 12), pos)
    return m.group(0) if m else ""


def paragraph_start(ctx: Context, pos: int) -> int:
    """Where the paragraph holding `pos` starts (0 before the first one)."""
    paras = ctx.paragraphs
    starts = ctx.memo("typography.para_starts", lambda: [s for s, _ in paras])
    i = bisect_right(starts, pos) - 1
    return paras[i][0] if i >= 0 else 0


def profile(ctx: Context) -> str:
    """The French typographic profile in force (fr-FR unless the configuration names another one)."""
    return ctx.config.profile if ctx.config.profile in ("fr-FR", "fr-CA", "fr-CH") else "fr-FR"


# --- rules as data ----------------------------------------------------------------------------------------------


class RegexRule(ParagraphRule):
    """A rule that is one pattern: each match is a finding, its suggestion the match expanded by `replacement`.

    `fires` holds (text, text after the first suggestion) pairs and `quiet` texts where the rule must stay silent;
    a test runs them for every rule made with `regex_rule`, so a rule cannot exist without its proof.
    """

    pattern: ClassVar[re.Pattern[str]]
    message: ClassVar[str]
    replacement: ClassVar[str]
    auto: ClassVar[bool] = False
    protect: ClassVar[bool] = True  # skip matches inside URLs, e-mail addresses, paths and code
    fires: ClassVar[tuple[tuple[str, str], ...]] = ()
    quiet: ClassVar[tuple[str, ...]] = ()

    def scan(self, ctx: Context, start: int, end: int) -> Iterator[Finding]:
        text = ctx.text
        for m in self.pattern.finditer(text, start, end):
            s, e = m.span()
            if self.protect and is_protected(ctx, max(s, e - 1)):
                continue
            yield make_finding(
                text, self.id, self.severity, s, e, m.expand(_(self.message)), (m.expand(self.replacement),), self.auto
            )


def regex_rule(
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
    gate: str | None = None,
    triggers: str = "",
    protect: bool = True,
) -> RegexRule:
    """A `RegexRule` from its data. `message` and `replacement` may name the match's groups (`\\1`, `\\g<w>`)."""
    attrs = {
        "id": rule_id,
        "pattern": re.compile(pattern),
        "message": message,
        "replacement": replacement,
        "description": description,
        "fires": fires,
        "quiet": quiet,
        "severity": severity,
        "languages": languages,
        "auto": auto,
        "gate": re.compile(gate) if gate else None,
        "triggers": triggers,
        "protect": protect,
    }
    name = "".join(part.capitalize() for part in re.split(r"[.\-]", rule_id))
    cls: type[RegexRule] = type(name, (RegexRule,), attrs)
    return cls()


# --- house style --------------------------------------------------------------------------------------------------

#: how often an article writes a form (`key`) in its standard and its house-style variant: {key: (standard, other)}
StyleCounter = Callable[[Context], dict[str, tuple[int, int]]]


def house_style(ctx: Context, key: str, count: StyleCounter) -> bool:
    """Whether the article writes the non-standard form of `key` at least as often as the standard one.

    `count` is called once per article and rule family (its result is memoised under its qualified name).
    """
    counts = ctx.memo(f"house-style.{count.__module__}.{count.__qualname__}", lambda: count(ctx))
    standard, other = counts.get(key, (0, 0))
    return other > 0 and other >= standard


def style_severity(ctx: Context, key: str, count: StyleCounter) -> Severity:
    """`info` for a form the article uses as its house style, `warning` for a deviation from its standard one."""
    return Severity.INFO if house_style(ctx, key, count) else Severity.WARNING
