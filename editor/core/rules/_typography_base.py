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
(guillemets without inner spaces, `20%`, `XIXème`). Copy that follows one consistently is not damaged, and a rule
that flags each occurrence buries the review under noise. Rules that judge such a convention are `ConventionRule`s:
they compute the article's dominant form once, report a consistent house style once (`info`), and warn only about
the places that break the article's own habit.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from itertools import islice
from typing import Any, ClassVar

from editor.core.findings import Finding, Severity
from editor.core.i18n import _
from editor.core.rules.base import Context, PatternRule, Rule, Scope, pattern_rule

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


class RegexRule(ParagraphRule, PatternRule):
    """A typography `PatternRule` scanned paragraph by paragraph (with the paragraph rules' bound and gates) that
    leaves URLs, e-mail addresses, paths and code alone unless `protect` is off."""

    protect: ClassVar[bool] = True

    def scan(self, ctx: Context, start: int, end: int) -> Iterator[Finding]:
        text = ctx.text
        for m in self.pattern.finditer(text, start, end):
            s, e = m.span()
            if self.protect and is_protected(ctx, max(s, e - 1)):
                continue
            yield self.match_finding(text, m)


def regex_rule(
    rule_id: str,
    pattern: str,
    message: str,
    replacement: str,
    *,
    gate: str | None = None,
    triggers: str = "",
    protect: bool = True,
    **data: Any,
) -> RegexRule:
    """A `RegexRule` from its data (the arguments of `pattern_rule`, plus the paragraph gates and `protect`)."""
    more: dict[str, Any] = {"gate": re.compile(gate) if gate else None, "triggers": triggers, "protect": protect}
    rule = pattern_rule(rule_id, pattern, message, replacement, base=RegexRule, **data, **more)
    assert isinstance(rule, RegexRule)
    return rule


# --- house style --------------------------------------------------------------------------------------------------

#: A form must be written this many times before it counts as the article's convention: one or two `«mot»` may be
#: a slip as well as a house style, three of them and none spaced is a choice.
HOUSE_STYLE_MIN = 3


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One place where the article writes a convention (`key`) in one of its variants.

    `forms` is how this place reads in each variant (what a suggestion towards that variant replaces it with);
    `message` and `lone` are what a finding here says, and how severe it is, when the article gives no evidence of
    a convention (no other occurrence in the standard form, too few in this one to be a house style); `extra` are
    further suggestions after the standard form; `auto` says that the fix towards the standard form is safe.
    """

    key: str
    variant: str
    start: int
    end: int
    forms: dict[str, str]
    message: str
    lone: Severity = Severity.INFO
    extra: tuple[str, ...] = ()
    auto: bool = False


@dataclass(frozen=True, slots=True)
class Convention:
    """A convention French news legitimately writes several ways: its standard variant and each variant's name."""

    standard: str
    labels: dict[str, str]  # variant -> how the house-style finding names it (already translated)
    #: how severe a place that breaks the article's habit is: `info` where mixing the variants is itself a common
    #: and correct usage (« » for speech beside straight quotes for a title or a term)
    deviation: Severity = Severity.WARNING


#: How far outside its paragraph a convention rule's `observe` may read the text (its patterns' look-behinds, the
#: entity or word a mark follows, the start of the next line): a remembered observation is keyed by the paragraph
#: and this much text on either side.
OBSERVE_REACH = 64
_Observations = dict[tuple[Any, ...], tuple[int, list["Finding | Occurrence"]]]
_observed: ContextVar[_Observations | None] = ContextVar("galley_observed_paragraphs", default=None)


@contextmanager
def reusing_observations() -> Iterator[None]:
    """Within this block, a convention rule observes a paragraph once for each text it may read around it.

    Why: the cleaner checks an article again after each round of fixes, and the document rules weigh the whole
    article each time (a tenth of a second per 100,000 words for the conventions alone), while the fixes changed a
    few of its paragraphs. What `observe` finds in a paragraph depends only on the text within `OBSERVE_REACH`
    of it, the configuration and the language (its contract), so the observations of the paragraphs no fix
    reached are taken again, moved to where the paragraph now starts; the article-wide weighing runs as usual.
    Nested blocks share the outer one's memory."""
    if _observed.get() is not None:
        yield
        return
    token = _observed.set({})
    try:
        yield
    finally:
        _observed.reset(token)


def _around(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[str, str, str]]:
    """Each paragraph with the text an observation of it may read on either side: what it is remembered by."""
    return [
        (text[max(0, start - OBSERVE_REACH) : start], text[start:end], text[end : end + OBSERVE_REACH])
        for start, end in paragraphs
    ]


class ConventionRule(ParagraphRule):
    """A typography rule about a convention (guillemet spacing, ordinals, units...) that weighs the whole article.

    The article's dominant variant is computed once (ties go to the French standard). A non-standard variant the
    article writes at least `HOUSE_STYLE_MIN` times and more often than any other is its house style: it is
    reported ONCE, as `info` on its first occurrence with no suggestion (nothing to accept there), or not at all
    when the configuration keeps house styles (`CheckConfig.house_style`); each occurrence of another variant is
    then a warning whose first suggestion is the house form. Otherwise the standard is the reference: an
    occurrence of another variant is a warning where the article also writes the standard form at least as often
    (a deviation), else it keeps the severity the rule gives it alone (`Occurrence.lone`).
    """

    scope: ClassVar[Scope] = "document"

    def conventions(self, ctx: Context) -> dict[str, Convention]:
        """The conventions this rule observes, by key (the standard may depend on the profile)."""
        raise NotImplementedError

    def observe(self, ctx: Context, start: int, end: int) -> Iterator[Finding | Occurrence]:
        """Occurrences of the conventions in text[start:end] (one paragraph), and findings that are no matter of
        convention (a wrongly cased unit), in article offsets.

        It may read the text only within `OBSERVE_REACH` characters of the paragraph (and `is_protected`, which
        looks at the paragraph alone), the configuration and the language: `reusing_observations` relies on it."""
        raise NotImplementedError

    def _may_fire(self, text: str, start: int, end: int) -> bool:
        """The cheap tests (`triggers`, `gate`) that skip the paragraphs where the rule cannot fire."""
        if self.triggers and not any(text.find(c, start, end) >= 0 for c in self.triggers):
            return False
        return self.gate is None or self.gate.search(text, start, end) is not None

    def _observations(
        self, ctx: Context, i: int, start: int, end: int, memory: _Observations | None, language: str = ""
    ) -> Iterable[Finding | Occurrence]:
        """What `observe` finds in the paragraph number `i` (nothing where the cheap tests rule it out), taken from
        `memory` when this paragraph was observed already with the same text around it (and messages in the same
        `language`). The memory is looked up first: the gate's search over a paragraph costs more than the look-up.
        """
        text = ctx.text
        if memory is None:
            if not self._may_fire(text, start, end):
                return ()
            return islice(self.observe(ctx, start, end), MAX_PER_PARAGRAPH)
        around = ctx.memo("typography.around", lambda: _around(text, ctx.paragraphs))[i]
        key = (self.id, ctx.config, ctx.lang, language, around)
        known = memory.get(key)
        if known is None:
            items = (
                list(islice(self.observe(ctx, start, end), MAX_PER_PARAGRAPH))
                if self._may_fire(text, start, end)
                else []
            )
            memory[key] = (start, items)
            return items
        at, items = known
        if at == start or not items:
            return items
        d = start - at
        return [
            item.shifted(d) if isinstance(item, Finding) else replace(item, start=item.start + d, end=item.end + d)
            for item in items
        ]

    def check(self, ctx: Context) -> Iterator[Finding]:
        from editor.core.i18n import current_language  # the messages remembered are written in it

        memory = _observed.get()
        language = current_language() if memory is not None else ""
        by_key: dict[str, list[Occurrence]] = {}
        for i, (start, end) in enumerate(ctx.paragraphs):
            for item in self._observations(ctx, i, start, end, memory, language):
                if isinstance(item, Finding):
                    yield item
                else:
                    by_key.setdefault(item.key, []).append(item)
        if by_key:
            conventions = self.conventions(ctx)
            for key, occurrences in by_key.items():
                yield from self._resolve(ctx, conventions[key], occurrences)

    def _resolve(self, ctx: Context, conv: Convention, occurrences: list[Occurrence]) -> Iterator[Finding]:
        text = ctx.text
        counts = Counter(o.variant for o in occurrences)
        std = conv.standard
        dominant = max(counts, key=lambda v: (counts[v], v == std))
        if dominant != std and counts[dominant] >= HOUSE_STYLE_MIN:
            label = conv.labels[dominant]
            if not ctx.config.house_style:
                first = next(o for o in occurrences if o.variant == dominant)
                msg = _("this article writes {form} consistently ({count} times): house style kept")
                yield self.finding(
                    text, first.start, first.end, msg.format(form=label, count=counts[dominant]), severity=Severity.INFO
                )
            for o in occurrences:
                written = text[o.start : o.end]
                target = o.forms[dominant]
                if o.variant == dominant or target == written:
                    continue
                sugg = tuple(dict.fromkeys(s for s in (target, o.forms.get(std, target)) if s != written))
                msg = _("the rest of the article writes {form}").format(form=label)
                yield self.finding(text, o.start, o.end, msg, sugg, severity=conv.deviation)
            return
        for o in occurrences:
            target = o.forms[std]
            if o.variant == std or target == text[o.start : o.end]:
                continue
            deviation = counts[std] > 0 and counts[std] >= counts[o.variant]
            sev = conv.deviation if deviation else o.lone
            yield self.finding(text, o.start, o.end, o.message, (target, *o.extra), auto=o.auto, severity=sev)
