"""`terminology`: known wrong forms from the glossary (German transliterations, untranslated terms, MT calques).

The glossary is data (`resources/glossary.toml`, plus the user's `--glossary` file). Matching walks `ctx.words`
once and looks each word up in a dict keyed by the entries' first words; multi-word entries then compare the
following words, which must be separated by whitespace only. Whole words only, case-aware (see the glossary's
header). The part after a French elision is matched too (`d'Selenskyj` is unlikely, `l'Kernkraftwerk` happens).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from editor.core.findings import Finding, make_finding
from editor.core.glossary import Entry, Glossary, load
from editor.core.rules.base import Context, Rule

_ELISION = re.compile(r"(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’]", re.IGNORECASE)


def _case_ok(entry_word: str, word: str, exact: bool) -> bool:
    if word == entry_word:
        return True
    if exact:
        return word.isupper() and word == entry_word.upper()
    # lower-case entry: also with a capital first letter, or in capitals
    return word == entry_word[:1].upper() + entry_word[1:] or (word.isupper() and word == entry_word.upper())


def _adapt(model: str, preferred: str) -> str:
    """The suggestion in the case of the text it replaces (`Fazit` → `Conclusion`, `FAZIT` → `CONCLUSION`)."""
    if model.isupper() and len(model) > 1:
        return preferred.upper()
    if model[:1].isupper() and preferred[:1].islower():
        return preferred[:1].upper() + preferred[1:]
    return preferred


def _sentence_start(text: str, pos: int) -> bool:
    """Whether `pos` starts a sentence, a line or the text (then a capital in the suggestion is right)."""
    i = pos - 1
    while i >= 0 and pos - i < 8 and text[i] in ' \t\u00a0\u202f«"“(':
        i -= 1
    return i < 0 or text[i] in ".!?…\n:"


def _only_space(text: str, a: int, b: int) -> bool:
    gap = text[a:b]
    return 0 < b - a <= 3 and gap.isspace() and gap.count("\n") <= 1  # never across a blank line (paragraphs)


_NOT_NAMES = frozenset(
    [
        "le",
        "la",
        "les",
        "l",
        "un",
        "une",
        "des",
        "du",
        "de",
        "d",
        "au",
        "aux",
        "ce",
        "cet",
        "cette",
        "ces",
        "son",
        "sa",
        "ses",
        "leur",
        "leurs",
        "notre",
        "nos",
        "votre",
        "vos",
        "et",
        "ou",
        "à",
        "en",
        "par",
        "pour",
        "sur",
        "dans",
        "avec",
    ]
)


def _named(text: str, words: list[tuple[int, int]], i: int, out: list[Finding]) -> tuple[int, str] | None:
    """(start, French form) of the name right before word `i` (`Zaporozhye` in `Zaporozhye Kernkraftwerk`), for an
    entry with a word-order template; the name's own glossary finding, if any, is folded in (and removed)."""
    if i == 0:
        return None
    ps, pe = words[i - 1]
    name = text[ps:pe]
    if not _only_space(text, pe, words[i][0]) or not name[:1].isupper() or name.lower() in _NOT_NAMES:
        return None
    if "'" in name or "’" in name or _sentence_start(text, ps):
        return None
    if out and (out[-1].start, out[-1].end) == (ps, pe) and out[-1].suggestions:
        name = out.pop().suggestions[0]
    return ps, name


class GlossaryTerm(Rule):
    id = "terminology.glossary"
    scope = "paragraph"
    languages = frozenset({"fr", "de", "en"})
    description = "A form the glossary lists as wrong (German transliteration, untranslated term, MT calque)"

    def check(self, ctx: Context) -> Iterable[Finding]:
        return ctx.memo("terminology.findings", lambda: self._find(ctx))

    def _find(self, ctx: Context) -> list[Finding]:
        glossary: Glossary = load(ctx.lang, ctx.config.glossary_path)
        index = glossary.index
        if not index:
            return []
        text = ctx.text
        words = ctx.words
        out: list[Finding] = []
        n = len(words)
        i = 0
        while i < n:
            s, e = words[i]
            first = text[s:e]
            cands = index.get(first.lower())
            start = s
            if cands is None and ("'" in first or "’" in first):
                m = _ELISION.match(first)
                if m:
                    start = s + m.end()
                    first = text[start:e]
                    cands = index.get(first.lower())
            if cands is None:
                i += 1
                continue
            hit = self._match(text, words, i, start, first, cands)
            if hit is None:
                i += 1
                continue
            entry, last = hit
            end = words[last][1]
            matched = text[start:end]
            if not _sentence_start(text, start):
                suggestions = entry.prefer
            else:
                suggestions = tuple(_adapt(matched, p) for p in entry.prefer)
            named = _named(text, words, i, out) if entry.template and start == s else None
            if named is not None:  # `Zaporozhye Kernkraftwerk` → `centrale nucléaire de Zaporijjia`
                start, name = named
                suggestions = (entry.template.format(name=name),)
                matched = text[start:end]
            extra = {"kind": entry.kind, "gender": entry.gender} if entry.gender else {"kind": entry.kind}
            out.append(
                make_finding(
                    text,
                    self.id,
                    entry.severity,
                    start,
                    end,
                    entry.message(" ".join(matched.split())),
                    suggestions,
                    auto=entry.auto and bool(suggestions),
                    **extra,
                )
            )
            i = last + 1
        return out

    @staticmethod
    def _match(
        text: str, words: list[tuple[int, int]], i: int, start: int, first: str, cands: tuple[Entry, ...]
    ) -> tuple[Entry, int] | None:
        for entry in cands:  # longest first
            if not _case_ok(entry.words[0], first, entry.exact_case):
                continue
            k = len(entry.words)
            if i + k > len(words):
                continue
            ok = True
            for j in range(1, k):
                _ps, pe = words[i + j - 1]
                s, e = words[i + j]
                if not _only_space(text, pe, s) or not _case_ok(entry.words[j], text[s:e], entry.exact_case):
                    ok = False
                    break
            if ok:
                return entry, i + k - 1
        return None


_RULE = GlossaryTerm()
RULES = [_RULE]


def glossary_spans(ctx: Context) -> list[tuple[int, int]]:
    """Spans the glossary claims, so `spelling` and `foreign` do not report the same word a second time."""
    if not ctx.config.wants(_RULE.id) or not _RULE.applies_to(ctx.lang):
        return []
    return [(f.start, f.end) for f in _RULE.check(ctx)]
