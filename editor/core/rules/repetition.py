"""Repetition: doubled words (`le le`), repeated phrases (`Trump, qui a été Trump, qui a été`) and stuttered
segments inside a word or a URL (`phon-phon`, `accord-accord`).

Scrapers and machine translation duplicate spans when they merge overlapping text nodes. The rules scan the
article's words (shared with every other rule) with a sentinel after each paragraph, so results are the same on one
paragraph alone, and compare word keys in C (`map(operator.eq, ...)`) instead of using regex back-references, so
the cost stays linear on any input; the punctuation between words is compared only where the words already match.
Severity: `warning` for a repeat separated by plain space outside quotes; `info` where a repeat may be meant
(emphasis like `très très`, quotes, names like `Duran Duran`, `X, X`, rhetorical series, numbers).
Fixes are never automatic: removing a repeat is a judgement call (`vous vous`, `de De Gaulle`, `Baden-Baden`).
"""

from __future__ import annotations

import operator
import re
import unicodedata
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from editor.core.findings import Finding, Severity, make_finding
from editor.core.i18n import _
from editor.core.rules.base import Context, Rule
from editor.core.rules.register import inside, quoted_spans

# Legitimate doublings, by language: reflexive pronouns (`nous nous`), `en en parlant`, German relative + article
# (`die die`), English `that that` / `had had`, onomatopoeia, taxonomy (`Homo sapiens sapiens`).
_LEGIT_DOUBLES: dict[str, frozenset[str]] = {
    "fr": frozenset({"nous", "vous", "en", "bla", "ha", "hi", "ho", "hé", "pan", "toc"}),
    "de": frozenset({"die", "der", "das", "den", "dem", "des", "sie", "was", "bla", "ha"}),
    "en": frozenset({"that", "had", "is", "do", "blah", "bla", "ha", "no"}),
}
_LEGIT_ANY = frozenset({"sapiens", "bla", "blah"})
# Emphasis that speech and quotes use on purpose (`très très`, `si si`): reported, but only as `info`.
_EMPHATIC = frozenset(
    {
        "très",
        "si",
        "oui",
        "non",
        "bien",
        "vite",
        "encore",
        "beaucoup",
        "jamais",
        "toujours",
        "trop",
        "sehr",
        "ja",
        "nein",
        "very",
        "yes",
        "really",
    }
)


def _unaccented(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn")


_EMPHATIC_PLAIN = frozenset(_unaccented(w) for w in _EMPHATIC)
# Particles of family names: `de De Gaulle`, `la La Fontaine`, `van Van Gogh`.
_PARTICLES = frozenset({"de", "la", "le", "du", "des", "van", "von", "di", "da", "del", "dos", "das", "der", "den"})
# Function words: a capitalised doubled function word (`Le Le texte`) is damage, not a name like `Duran Duran`.
_FUNCTION = frozenset(
    {
        "le",
        "la",
        "les",
        "l",
        "un",
        "une",
        "des",
        "du",
        "de",
        "et",
        "ou",
        "à",
        "au",
        "aux",
        "en",
        "dans",
        "par",
        "pour",
        "sur",
        "avec",
        "que",
        "qui",
        "ce",
        "cette",
        "ces",
        "il",
        "elle",
        "ils",
        "elles",
        "on",
        "the",
        "a",
        "an",
        "and",
        "of",
        "to",
        "in",
        "der",
        "die",
        "das",
        "und",
        "ein",
        "eine",
    }
)
# Words made of two equal halves on purpose: `cache-cache`, `fifty-fifty`, `dare-dare`, `Baden-Baden`...
_REDUPLICATIONS = frozenset(
    {
        "bye",
        "cache",
        "train",
        "pousse",
        "tam",
        "tom",
        "chop",
        "yé",
        "pom",
        "fifty",
        "glou",
        "toc",
        "coupe",
        "kif",
        "tsé",
        "bla",
        "blah",
        "gna",
        "gnan",
        "dare",
        "plan",
        "frou",
        "bling",
        "miam",
        "cui",
        "ouaf",
        "boum",
        "pan",
        "teuf",
        "coin",
        "tchou",
        "pouet",
        "guili",
        "cha",
        "can",
        "ylang",
        "beri",
        "yo",
        "no",
        "go",
        "tut",
        "hush",
        "so",
        "knock",
        "night",
        "never",
        "goody",
        "pee",
        "mahi",
        "couci",
        "ping",
        "pique",
        "baden",
        "bora",
        "pago",
        "walla",
        "wagga",
        "sing",
        "dum",
        "duran",
        "tora",
        "ha",
        "hi",
        "ho",
        "hop",
        "tic",
        "cric",
        "rata",
        "tagada",
        "tsoin",
    }
)
_CONJUNCTIONS = frozenset({"et", "ou", "and", "or", "und", "oder", "puis", "then", "dann"})
_MAX_PHRASE = 8  # words (the punctuation between them must match too)


@dataclass(slots=True)
class _Para:
    """The article's words, paragraph after paragraph, shared by the repetition rules through the context memo.

    Punctuation is not a token: the text between two words (its `gap`) is compared only where word keys already
    match, so the cost of a scan is the cost of the article's words (shared with every other rule). Each paragraph
    is followed by a sentinel (a key no other position has), so no repeat is ever found across paragraphs and a
    paragraph checked alone gives the same results. About 10 bytes a word: keys are small integers in an array
    (one per distinct case-folded word), flags are bytes; spans are looked up in `ctx.words`, never copied.
    """

    text: str
    words: list[tuple[int, int]]
    keys: array[int]  # word ids (>= 0) and sentinels (< 0), in reading order
    changes: bytes  # changes[k] = 1 when keys[k] != keys[k + 1]
    digits: bytes  # digits[k] = 1 when the word at k is all digits
    sentinels: list[int]  # positions of the sentinels in `keys`
    ends: list[int]  # the end of the paragraph each sentinel closes

    def span(self, k: int) -> tuple[int, int]:
        """The (start, end) of the word at position k, or the empty span of a paragraph's end for a sentinel."""
        n = bisect_left(self.sentinels, k)
        if n < len(self.sentinels) and self.sentinels[n] == k:
            return self.ends[n], self.ends[n]
        return self.words[k - n]

    def word(self, k: int) -> str:
        s, e = self.span(k)
        return self.text[s:e]

    def gap(self, k: int) -> str:
        """What separates the word at k from the next one (or from the paragraph's end)."""
        return self.text[self.span(k)[1] : self.span(k + 1)[0]]


def _paragraphs(ctx: Context) -> _Para:
    text = ctx.text
    words = ctx.words
    table: dict[str, int] = {}
    digit_ids = bytearray()
    keys = array("q")
    sentinels: list[int] = []
    ends: list[int] = []
    lo = 0
    for n, (_p_start, p_end) in enumerate(ctx.paragraphs):
        hi = bisect_left(words, (p_end, -1), lo)
        for s, e in words[lo:hi]:
            key = text[s:e].casefold()
            wid = table.get(key)
            if wid is None:
                wid = table[key] = len(table)
                digit_ids.append(key.isdigit())
            keys.append(wid)
        sentinels.append(len(keys))
        ends.append(p_end)
        keys.append(-1 - n)
        lo = hi
    changes = bytes(map(operator.ne, keys, keys[1:]))
    digits = bytes(digit_ids[k] if k >= 0 else 0 for k in keys)
    return _Para(text, words, keys, changes, digits, sentinels, ends)


def _same_gaps(para: _Para, a: int, b: int, size: int) -> bool:
    """Whether the punctuation inside the unit at word a equals that inside the unit at word b."""
    return all("".join(para.gap(a + k).split()) == "".join(para.gap(b + k).split()) for k in range(size - 1))


def _equal_runs(keys: array[int], size: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each maximal run of positions j where keys[j] == keys[j + size], found in C."""
    eq = bytes(map(operator.eq, keys, keys[size:]))
    for m in re.finditer(b"\x01++", eq):
        yield m.span()


def _short(s: str) -> str:
    """At most 60 characters of `s` for a message (a finding on a 1 MB token must not carry it twice)."""
    return s if len(s) <= 60 else s[:57] + "…"


class _ParagraphRule(Rule):
    """Scans the words of all paragraphs at once; sentinels keep paragraphs apart (see `_Para`)."""

    scope = "paragraph"

    def check(self, ctx: Context) -> Iterable[Finding]:
        quoted = ctx.memo("register.quotes", lambda: quoted_spans(ctx.text, ctx.paragraphs))
        starts = [s for s, _ in quoted]
        para = ctx.memo("repetition.words", lambda: _paragraphs(ctx))
        return list(self.check_paragraph(ctx, para, quoted, starts))

    def check_paragraph(
        self, ctx: Context, para: _Para, quoted: list[tuple[int, int]], starts: list[int]
    ) -> Iterator[Finding]:
        raise NotImplementedError


class DoubledWordRule(_ParagraphRule):
    id = "repetition.doubled-word"
    severity = Severity.WARNING
    description = "the same word twice in a row (`le le`), usually a scraping or translation artefact"

    def check_paragraph(
        self, ctx: Context, para: _Para, quoted: list[tuple[int, int]], starts: list[int]
    ) -> Iterator[Finding]:
        text = ctx.text
        legit = _LEGIT_DOUBLES.get(ctx.lang, frozenset()) | _LEGIT_ANY
        for run_start, run_end in _equal_runs(para.keys, 1):
            # positions run_start..run_end all hold the same word; split where the gap is not plain space
            i = run_start
            while i < run_end:
                if not para.gap(i).isspace():
                    i += 1
                    continue
                j = i + 1
                while j < run_end and para.gap(j).isspace():
                    j += 1
                s1, e1 = para.span(i)
                w1, w2 = text[s1:e1], para.word(i + 1)
                severity = self._severity(w1, w2, legit, inside(quoted, starts, s1))
                if severity == Severity.WARNING and "\n" in para.gap(i):
                    severity = Severity.INFO  # a heading line ending with the word the next line starts with
                if severity is not None:
                    count = j - i + 1
                    msg = (
                        _("« {word} » twice in a row: remove the repeat")
                        if count == 2
                        else _("« {word} » {count} times in a row: remove the repeat")
                    ).format(word=_short(w1), count=count)
                    yield make_finding(text, self.id, severity, s1, para.span(j)[1], msg, (w1,))
                i = j + 1

    @staticmethod
    def _severity(w1: str, w2: str, legit: frozenset[str], quoted: bool) -> Severity | None:
        low = w1.casefold()
        if low in legit or any(c.isdigit() for c in w1):
            return None
        if w1[:1].islower() and w2[:1].isupper() and low in _PARTICLES:
            return None  # `de De Gaulle`, `la La Fontaine`
        if w1[:1].isupper() and w2[:1].isupper() and low not in _FUNCTION:
            return Severity.INFO  # a name like `Duran Duran`, `Bora Bora`, or an acronym
        if low in _EMPHATIC or _unaccented(low) in _EMPHATIC_PLAIN or quoted:
            return Severity.INFO  # `trés trés`: emphasis whatever its accents (the spelling rule reports those)
        return Severity.WARNING


class RepeatedPhraseRule(_ParagraphRule):
    id = "repetition.repeated-phrase"
    severity = Severity.WARNING
    description = "a group of 2-8 words printed twice in a row (`Trump, qui a été Trump, qui a été`)"

    def check_paragraph(
        self, ctx: Context, para: _Para, quoted: list[tuple[int, int]], starts: list[int]
    ) -> Iterator[Finding]:
        text = ctx.text
        keys = para.keys
        found: list[tuple[int, int, int]] = []  # (first position, position after the last copy, unit length)
        taken = bytearray(len(keys))  # positions inside a repeat already found with a shorter unit
        for size in range(2, _MAX_PHRASE + 1):  # shortest unit first: `a b a b a b a b` is `a b` four times
            for run_start, run_end in _equal_runs(keys, size):
                # every unit starting in run_start..run_end-size is followed by an identical copy
                first = run_start
                while first + size <= run_end:
                    if taken[first]:
                        first = taken.find(0, first)
                        if first < 0:
                            break
                    elif (
                        self._worth(para, first, size)
                        and "\n" not in para.gap(first + size - 1)
                        and _same_gaps(para, first, first + size, size)
                    ):
                        stop = first + 2 * size
                        while stop <= run_end and _same_gaps(para, first, stop, size):
                            stop += size  # a third copy, a fourth...
                        found.append((first, stop, size))
                        taken[first:stop] = b"\x01" * (stop - first)
                        first = stop
                    elif para.changes.find(1, first, first + size - 1) < 0:
                        # one word over and over (`le le le`): jump to the first unit holding a change
                        c = para.changes.find(1, first)
                        first = max(first + 1, c - size + 2) if c >= 0 else run_end
                    else:
                        first += 1
        reach = 0  # end of the findings kept so far (sorted by start, so one number suffices)
        for first, stop, size in sorted(found, key=lambda f: (f[0], -(f[1] - f[0]))):
            if first < reach:
                continue
            reach = stop
            s = para.span(first)[0]
            e = para.span(stop - 1)[1]
            keep = text[s : para.span(first + size - 1)[1]]
            copies = (stop - first) // size
            severity = Severity.WARNING
            if (
                inside(quoted, starts, s)
                or (keys[stop] == keys[first] and self._series(para, first, size))
                # "Never again. Never again.", "härtere Strafen, härtere Strafen": a stutter has only space between
                or not para.gap(first + size - 1).isspace()
                or para.digits.find(1, first, first + size) >= 0  # data: "minus 120, minus 120, 0"
            ):
                severity = Severity.INFO
            if copies == 2:
                msg = _("« {phrase} » printed twice in a row: remove the repeat").format(phrase=_short(keep))
            else:
                msg = _("« {phrase} » printed {count} times in a row: remove the repeat").format(
                    phrase=_short(keep), count=copies
                )
            yield make_finding(text, self.id, severity, s, e, msg, (keep,))

    @staticmethod
    def _series(para: _Para, first: int, size: int) -> bool:
        """A unit built like a list item ("wrote, and"): repeated once more after the copies, it is rhetoric."""
        words = (para.word(k).casefold() for k in range(first, first + size))
        return any(w in _CONJUNCTIONS for w in words) or "," in para.gap(first + size - 1)

    @staticmethod
    def _worth(para: _Para, first: int, size: int) -> bool:
        """Not all the same word (that is a doubled word), not all numbers (`1 000 000 000`). O(size), in C."""
        end = first + size
        if para.digits.find(0, first, end) < 0:
            return False
        return para.changes.find(1, first, end - 1) >= 0


def truncated_stutter(first: str, second: str, lang: str) -> bool:
    """Whether `first-second` is a cut-off start followed by the whole word (`gouv-gouvernement`).

    The first part must be a strict prefix of the second that is no word of its own (so `ex-exportateur`, `co-`,
    `pré-` and other real prefixes stay), and the second must be a dictionary word: then the hyphen joins a
    truncated copy to the word, as a scraper's overlapping text nodes or a typing restart leave it.
    """
    if len(first) < 3 or len(second) < len(first) + 2 or not first.isalpha() or not second.isalpha():
        return False
    if not second.casefold().startswith(first.casefold()) or first.casefold() in _PREFIXES:
        return False
    from editor.core.spelling import available, service

    if not available(lang):
        return False
    spell = service(lang)
    return spell.check(second) and not spell.check(first) and not spell.check(first.lower())


# Prefixes French writes with a hyphen before words that may start the same way (`anti-antisémite` is rare, but
# `ultra-ultralibéral`, `néo-néolibéral` are emphasis): never a stutter.
_PREFIX_LIST = (
    "ex co pré post anti non mi demi semi vice sous sur contre entre auto néo pro pseudo quasi ultra super hyper "
    "inter intra méga micro multi extra archi bio éco euro géo macro mini poly pan para socio"
)
_PREFIXES = frozenset(_PREFIX_LIST.split(" "))


class StutterRule(_ParagraphRule):
    id = "repetition.stutter"
    severity = Severity.WARNING
    description = (
        "a segment repeated inside a hyphenated word or URL (`phon-phon`, `accord-accord`), or a word's cut-off "
        "start before the whole word (`gouv-gouvernement`)"
    )

    def check_paragraph(
        self, ctx: Context, para: _Para, quoted: list[tuple[int, int]], starts: list[int]
    ) -> Iterator[Finding]:
        text = ctx.text
        for s, e in para.words:  # hyphenated words never span paragraphs: no sentinel needed
            if e - s < 7 or text.find("-", s, e) < 0:
                continue
            word = text[s:e]
            parts = word.split("-")
            offsets = [s]
            for part in parts[:-1]:
                offsets.append(offsets[-1] + len(part) + 1)
            k = 0
            while k + 1 < len(parts):
                a = parts[k]
                low = a.casefold()
                j = k
                while j + 1 < len(parts) and parts[j + 1].casefold() == low:
                    j += 1
                if j == k and truncated_stutter(a, parts[k + 1], ctx.lang):
                    end = offsets[k + 1] + len(parts[k + 1])
                    msg = _("« {part} » is the start of « {word} », typed twice: keep the word").format(
                        part=_short(a), word=_short(parts[k + 1])
                    )
                    yield make_finding(text, self.id, self.severity, offsets[k], end, msg, (parts[k + 1],))
                    k += 2
                    continue
                if j == k or len(a) <= 2 or not a.isalpha() or low in _REDUPLICATIONS:
                    k = j + 1 if j > k else k + 1
                    continue
                severity = Severity.WARNING
                if a[:1].isupper() and parts[k + 1][:1].isupper():
                    severity = Severity.INFO  # `Bora-Bora`, `Baden-Baden`-like names
                end = offsets[j] + len(parts[j])
                msg = _("« {part} » repeated inside « {word} »: remove the repeat").format(
                    part=_short(a), word=_short(word)
                )
                yield make_finding(text, self.id, severity, offsets[k], end, msg, (a,))
                k = j + 1


RULES = [DoubledWordRule(), RepeatedPhraseRule(), StutterRule()]
