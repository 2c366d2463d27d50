"""`spelling`: words the article's dictionary does not know.

Only lower-case unknown words are warnings (with suggestions): those are the typos. Capitalised unknown words are
usually names, acronyms or brand names, and words with digits are numbers with units or model names; reporting
them as warnings is what makes a plain spell check raise ~40 false alarms per 1,000 words of edited news, so
they are `info` at most (or nothing). Elided forms (`l'OTAN`, `qu’il`) and hyphenated compounds are checked part
by part. Words that belong to another language are left to the `foreign` rules, which read the same analysis.

The analysis of every token is shared between the `spelling` and `foreign` rules through `ctx.memo`, and the
verdict on each unique word is cached per process, so a word costs one dict look-up after its first sighting.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING, ClassVar

from editor.core.findings import Finding, Severity, make_finding
from editor.core.i18n import N_, _
from editor.core.rules._spelling_terms import foreign_or_named
from editor.core.rules.base import Context, Rule
from editor.core.spelling import CACHE_LIMIT, DICT_TAGS, SpellService, available, clean_token, service

if TYPE_CHECKING:
    from editor.core.suggest import Suggester

# French elisions: the part after the apostrophe is checked on its own (`l'OTAN`, `jusqu’à`, `d'Ukraine`).
_ELISION_FR = re.compile(r"(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu|presqu|quelqu)['’]", re.IGNORECASE)
_LONG_ELIDED = ("jusqu", "lorsqu", "puisqu", "quoiqu", "presqu", "quelqu")
_ELISION_OTHER = re.compile(r"['’](?:s|ll|re|ve|d|t|m)$", re.IGNORECASE)  # English clitics, German `geht's`
# Pronouns and particles that hyphenated French forms attach (`a-t-il`, `dit-elle`, `celle-ci`).
_PRONOUNS = "t il ils elle elles on je tu nous vous le la les lui leur y en ce ci là moi toi soi ex"
# Prefixes French joins with a hyphen (`co-écrit`, `néo-zélandais`, `mi-temps`): not words on their own.
_PREFIXES = "co néo anti post pré auto mini micro multi semi vice mi demi non pro ré sur sous contre extra ultra"
# Learned combining forms of science and technical French (`pentacoordonné`, `bathypélagique`, `hydro-électrique`):
# glued to a dictionary word they make a regular formation the dictionary cannot list.
_COMBINING = (
    "penta hexa hepta octa octo déca tétra quadri bathy hydro thermo électro neuro psycho socio ethno paléo archéo "
    "phyto litho pétro aéro astro cosmo hélio hémato gastro cardio immuno onco patho physio xéno hétéro homo ortho "
    "crypto nano giga infra supra trans intra endo méso méta hypo mono pluri omni"
)
_HYPHEN_PARTS = frozenset(_PRONOUNS.split(" ") + _PREFIXES.split(" ") + _COMBINING.split(" "))
_GERMAN_SUFFIX = re.compile(
    r"(?:ung|ungen|keit|keiten|heit|heiten|schaft|schaften|lich|liche|lichen|isch|ische|ischen|chen|tum)$"
)
_UMLAUT = frozenset("äöüÄÖÜß")
# Current French press vocabulary the 2020 hunspell dictionary lacks (kept short: names belong to the glossary).
_PRESS_WORDS = (
    "covid covidé covidée covidés covidées vaccinodrome vaccinodromes ubérisation wokisme wokiste wokistes écoanxiété "
    "mégabassine mégabassines macronie macronisme chiraquien chiraquienne chiraquiens "
    "déconfinement reconfinement djihad djihads aïd"
)
_PRESS_WORDS_FR = frozenset(_PRESS_WORDS.split(" "))
# Adjectives and nouns built on a name the dictionary knows: `sarkozyste`, `gaulliste`, `macroniste`.
_NAME_DERIVED_FR = re.compile(r"(?:iste|istes|isme|ismes|ien|ienne|iens|iennes|ste|stes|sme)$")
_DE_SEPARABLE = re.compile(
    "(?:heraus|herab|herunter|herein|herauf|herüber|hinaus|hinab|hinunter|hinein|hinauf|hinüber|rein|raus|runter"
    "|rüber|zurück|davon|dazu|dabei|daran|darauf|zusammen|weiter|wieder|fort|weg|los|mit|nach|vor|auf|aus|ab|an"
    "|ein|bei|um|zu|her|hin|dar|fest|frei|hoch|voran|vorbei|entgegen|gegenüber)"
)
# Lower-case words that hold a foreign name or title together (`Church of Christ`, `Institut für Physik`): they
# are no evidence that a sentence is in another language.
NAME_GLUE = frozenset(
    ["of", "the", "and", "for", "on", "in", "at", "to", "a", "an", "de", "der", "die", "das", "und", "für", "von"]
)
# Name particles: lower-case words that belong to the capitalised name after them (`del Toro`, `van Gogh`).
_PARTICLES = "del della di da dos das do van von zu der den ter ten al el bin ibn ben abu mac le la"
_NAME_PARTICLES = frozenset(_PARTICLES.split(" "))
OTHER_LANGS: dict[str, tuple[str, ...]] = {"fr": ("de", "en"), "de": ("en", "fr"), "en": ("de", "fr")}


@dataclass(frozen=True, slots=True)
class Verdict:
    """What the dictionaries say about one unknown token (cached per language and token).

    kind: "word" (lower case), "name" (capitalised), "acronym", "mixed" (iPhone), "compound" (a hyphenated word
    whose unknown parts are names). `core_start`/`core_end` delimit the unknown part inside the token.
    `foreign` is the other language that knows it (or "de" when it only looks German), else "" — also when the
    word is this language's word without its accents (`element`); `known_in` keeps the other language anyway,
    for counting how much of a sentence is foreign (`the president said` is English, not three accent slips).
    """

    kind: str
    core_start: int
    core_end: int
    foreign: str
    german_look: bool
    other_known: bool
    known_in: str = ""


def _shape(word: str) -> str:
    letters = [c for c in word if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return "acronym"
    if word[:1].isupper():
        return "name" if all(not c.isupper() for c in word[1:] if c.isalpha()) or "-" in word else "mixed"
    if any(c.isupper() for c in word):
        return "mixed"
    return "word"


def looks_german(word: str, lang: str) -> bool:
    """German morphology in a non-German text: ß, umlauts, -ung/-keit/-schaft... (no dictionary involved)."""
    if lang == "de" or len(word) < 5:
        return False
    if any(c in _UMLAUT for c in word):
        return lang != "de"
    return bool(_GERMAN_SUFFIX.search(word.lower())) and len(word) >= 7


def _slip_of_elided(head: str) -> bool:
    """`jnusqu`, `lorqsu`: one slip from a long French elided word (short ones, `l`, `qu`, are too ambiguous)."""
    from rapidfuzz.distance import OSA

    return head.islower() and any(OSA.distance(head, e, score_cutoff=1) == 1 for e in _LONG_ELIDED)


class Lexicon:
    """The spell services of one article language and the cached verdicts on its tokens."""

    _verdicts: ClassVar[dict[str, dict[str, Verdict | None]]] = {}

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.spell: SpellService = service(lang)
        # second languages are optional: a machine without the German dictionary still checks French
        self.others: list[SpellService] = [service(o) for o in OTHER_LANGS.get(lang, ()) if available(o)]
        self.cache = Lexicon._verdicts.setdefault(lang, {})

    def known_part(self, part: str) -> bool:
        return not part or part.lower() in _HYPHEN_PARTS or part.isdigit() or self.known(part)

    def known(self, word: str) -> bool:
        """The dictionary, plus current press vocabulary and words derived from known names (`macroniste`)."""
        if self.spell.check(word):
            return True
        low = word.lower()
        if self.lang == "de":
            return word.islower() and self._separable_verb(word)
        if self.lang != "fr":
            return False
        if low in _PRESS_WORDS_FR:
            return True
        m = _NAME_DERIVED_FR.search(low)
        if m and m.start() >= 3:
            stem = low[: m.start()]
            name = stem[:1].upper() + stem[1:]
            return self.spell.check(name) or self.spell.check(name + "e")  # `poutiniste` from `Poutine`
        return False

    def _separable_verb(self, word: str) -> bool:
        """German separable verbs the dictionary lists only bare: `herauszukriechen`, `mitnimmt`, `heruntergeschaut`."""
        m = _DE_SEPARABLE.match(word)
        if not m or len(word) - m.end() < 3:
            return False
        rest = word[m.end() :]
        candidates = [rest]
        if rest.startswith("zu") and len(rest) > 5:
            candidates.append(rest[2:])
        return any(self.spell.check(c) or self._separable_verb(c) for c in candidates)

    def other_language(self, word: str) -> str:
        """The first other language whose dictionary knows `word` (a lower-cased German noun counts)."""
        for o in self.others:
            if o.check(word):
                if o.lang != "de" and word[:1].isupper() and not word.isupper() and not o.check(word.lower()):
                    continue  # a name in English or French (`Higgins`), not vocabulary left untranslated
                return o.lang
            if o.lang == "de" and word.islower() and o.check(word[:1].upper() + word[1:]):
                return o.lang
        return ""

    def knows_in(self, lang: str, word: str) -> bool:
        return any(o.lang == lang and o.check(word) for o in self.others)

    def verdict(self, token: str) -> Verdict | None:
        """None when the token is fine (known, a number, or not a word at all), else what is wrong with it."""
        try:
            return self.cache[token]
        except KeyError:
            pass
        v = self._judge(token)
        if len(self.cache) >= CACHE_LIMIT:
            self.cache.clear()  # flat memory over a long batch (see editor.core.spelling.CACHE_LIMIT)
        self.cache[token] = v
        return v

    def _judge(self, token: str) -> Verdict | None:
        if clean_token(token) is None or any(c.isdigit() for c in token):
            return None
        if self.known(token):
            return None
        start, end = 0, len(token)
        if self.lang == "fr":
            m = _ELISION_FR.match(token)
            if m:
                start = m.end()
        else:
            m2 = _ELISION_OTHER.search(token)
            if m2:
                end = m2.start()
        core = token[start:end]
        if not core or clean_token(core) is None:
            return None
        if (start or end < len(token)) and self.known(core):
            return None
        if "oe" in core.lower() and self.spell.check(core.replace("oe", "œ").replace("Oe", "Œ")):
            return None  # `voeux`, `manoeuvre`: the ligature typed as two letters is an accepted spelling
        slip = False
        if "-" in core:
            parts = core.split("-")
            unknown = [
                p
                for i, p in enumerate(parts)
                if not self.known_part(p) and not (i == 0 and len(p) >= 3 and p.endswith("o") and p.islower())
            ]  # a first part in -o is a combining form: `aorto-coronaire`, `russo-ukrainien`
            if not unknown:
                return None
            if self._stutters_only(parts, unknown):
                return None  # `gouv-gouvernement`: the repetition rule reports the cut-off copy, with the fix
            if self.accent_slip(core):
                slip = True  # `Etats-Unis`: the whole compound exists with accents; report it whole
            elif len(unknown) == 1 and core.count(unknown[0]) == 1:
                # one unknown part: judge it alone (`Cup-Halter` in German, `Witkoff` in `Jean-Witkoff`)
                off = start + core.index(unknown[0])
                start, end, core = off, off + len(unknown[0]), unknown[0]
            elif all(p[:1].isupper() for p in unknown):
                return Verdict("compound", start, end, "", False, False)
        if "’" in core or "'" in core:
            # an apostrophe the dictionary does not know as an elision: judge the last part (`aujourd'hui` is known)
            head, tail = re.split(r"['’]", core, maxsplit=1)[0], re.split(r"['’]", core)[-1]
            if tail and self.spell.check(tail) and core[:1].isupper():
                return None
            if tail and self.spell.check(tail) and _slip_of_elided(head):
                end, core = start + len(head), head  # `jnusqu'à`: a typo in the elided word, reported alone
        kind = _shape(core)
        german = looks_german(core, self.lang)
        foreign = self.other_language(core)
        other_known = bool(foreign)
        if not foreign and german:
            foreign = "de"
        known_in = foreign
        if foreign and (slip or (kind == "word" and self.accent_slip(core))):
            # `element`, `idee`, `Etat`: a word of this language typed without its accents, not a foreign one
            foreign, german, other_known = "", False, False
        return Verdict(kind, start, end, foreign, german, other_known, known_in)

    def _stutters_only(self, parts: list[str], unknown: list[str]) -> bool:
        from editor.core.rules.repetition import truncated_stutter

        follows = {p: parts[i + 1] for i, p in enumerate(parts[:-1])}
        return all(u in follows and truncated_stutter(u, follows[u], self.lang) for u in unknown)

    def accent_slip(self, word: str) -> bool:
        """Whether the dictionary has this word with other accents (or ligatures): checked in the fast index."""
        from editor.core.suggest import suggester

        low = word.lower()
        return any(v.lower() != low for v in suggester(self.lang).variants(word))


@dataclass(frozen=True, slots=True)
class Flag:
    """One unknown token in the text under check, with the spans the rules report."""

    start: int  # the token
    end: int
    core_start: int  # the unknown part (after an elision, one part of a compound)
    core_end: int
    verdict: Verdict


@dataclass(slots=True)
class Analysis:
    flags: list[Flag]
    sentences: list[tuple[int, int, str]]  # (start, end, language) of sentences mostly in another language
    counts: Counter[str]


_SENTENCE_END = re.compile(r"[.!?…]++(?=[\s\"»”)]|$)|\n")
_LETTERS = re.compile(r"[^\W\d_]{2,}+")


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        if m.end() > pos:
            yield pos, m.end()
        pos = m.end()
    if pos < len(text):
        yield pos, len(text)


_LINK_MARKS = ("/", "://", "www.", "@", ".html", ".php", ".com", ".fr", ".de", ".org")


class _LinkRuns:
    """Whether tokens sit inside a URL, path or e-mail address (the `link` rules own those).

    Tokens arrive in order; the whitespace-delimited run around a token is scanned once (at most 200 characters
    each way) and reused by the following tokens of the same run, which keeps the whole pass linear.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.run_start = -1
        self.run_end = -1
        self.is_link = False

    def __call__(self, s: int, e: int) -> bool:
        if self.run_start <= s and e <= self.run_end:
            return self.is_link
        text = self.text
        a = s
        lo = max(0, s - 200)
        while a > lo and not text[a - 1].isspace():
            a -= 1
        b = e
        hi = min(len(text), e + 200)
        while b < hi and not text[b].isspace():
            b += 1
        run = text[a:b]
        self.run_start, self.run_end = a, b
        before = text[max(0, a - 8) : a]  # MT puts spaces into links: `www. energie-europe. fr`
        self.is_link = ((a != s or b != e) and any(m in run for m in _LINK_MARKS)) or (
            "www." in before or "://" in before or ": /" in before
        )
        return self.is_link


# Damage other categories own: mojibake (`dÃ©licat`), HTML entities (`&nbsp;`), attribute fragments (`rel =`).
_MOJIBAKE = re.compile(r"[ÃÂ][\u0080-\u00bf]|â€")
_DAMAGE_BEFORE = re.compile(r"(?:&#?+|=\s?+[\"']_?+\s?+)$")  # `&nbsp`, `= "noopener`, `= "_ Blank`
_DAMAGE_AFTER = re.compile(r"\s?+=\s?+[\"']")  # `Target = "`


def _other_damage(text: str, s: int, e: int) -> bool:
    """Whether the token is part of damage that another category reports (checked for unknown tokens only)."""
    return bool(
        _MOJIBAKE.search(text, max(0, s - 2), min(len(text), e + 2))
        or _DAMAGE_BEFORE.search(text[max(0, s - 6) : s])
        or _DAMAGE_AFTER.match(text, e, min(len(text), e + 4))
    )


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    i = bisect.bisect_right(spans, (s, 1 << 62)) - 1
    return any(0 <= j < len(spans) and spans[j][0] < e and s < spans[j][1] for j in (i, i + 1))


def _personal(ctx: Context) -> frozenset[str]:
    c = ctx.config
    return c.personal_words | c.ignored_words if c.ignored_words else c.personal_words


def analyse_words(ctx: Context) -> Analysis:
    """Every unknown token of `ctx.text`, and the sentences mostly in another language (shared, memoised)."""
    return ctx.memo("spelling.analysis", lambda: _analyse(ctx))


def _analyse(ctx: Context) -> Analysis:
    text = ctx.text
    lex = Lexicon(ctx.lang)
    personal = _personal(ctx)
    verdict = lex.verdict
    flags: list[Flag] = []
    in_link = _LinkRuns(text)
    for s, e in ctx.words:
        if e - s < 2:
            continue
        v = verdict(text[s:e])
        if v is None:
            continue
        word = text[s:e]
        if v.kind == "word" and word in _NAME_PARTICLES and text[e + 1 : e + 2].isupper() and text[e : e + 1] == " ":
            continue
        if personal and (word in personal or word.lower() in personal or word[v.core_start : v.core_end] in personal):
            continue
        if in_link(s, e) or _other_damage(text, s, e):
            continue
        flags.append(Flag(s, e, s + v.core_start, s + v.core_end, v))
    if flags:
        from editor.core.rules.terminology import glossary_spans

        claimed = glossary_spans(ctx)
        if claimed:
            flags = [f for f in flags if not _overlaps(claimed, f.core_start, f.core_end)]
        flags = _phrase_context(text, flags, lex)
    sentences: list[tuple[int, int, str]] = []
    if flags:
        sentences = _foreign_sentences(ctx, lex, flags)
    counts: Counter[str] = Counter()
    return Analysis(flags, sentences, counts)


def joined(text: str, a: int, b: int) -> bool:
    """Whether two words form one phrase: only a space, hyphen or apostrophe between them."""
    gap = text[a:b]
    return 0 < len(gap) <= 2 and all(c in " -'’\u00a0" for c in gap)


def _phrase_context(text: str, flags: list[Flag], lex: Lexicon) -> list[Flag]:
    """Accent slips next to foreign words of a language that knows them are foreign too (`next door to the`,
    `defensive end`, where German knows `Defensive` too)."""
    out = list(flags)
    for order in (range(1, len(out)), range(len(out) - 2, -1, -1)):
        for i in order:
            f = out[i]
            v = f.verdict
            if v.foreign or not v.known_in:
                continue
            j = i - 1 if order.step == 1 else i + 1
            g = out[j]
            a, b = (g, f) if j < i else (f, g)
            lang, word = g.verdict.foreign, text[f.core_start : f.core_end]
            if lang and joined(text, a.core_end, b.core_start) and (lang == v.known_in or lex.knows_in(lang, word)):
                out[i] = Flag(f.start, f.end, f.core_start, f.core_end, replace(v, foreign=lang, other_known=True))
    return out


def _foreign_sentences(ctx: Context, lex: Lexicon, flags: list[Flag]) -> list[tuple[int, int, str]]:
    """Sentences where most words are unknown here (and known in another language, if any): reported once."""
    text = ctx.text
    by_start = {f.start: f for f in flags}
    out: list[tuple[int, int, str]] = []
    words = ctx.words
    flagged_starts = sorted(by_start)

    for s0, e0 in _sentences(text):
        i = bisect.bisect_left(flagged_starts, s0)
        if i >= len(flagged_starts) or flagged_starts[i] >= e0:
            continue
        j = bisect.bisect_left(flagged_starts, e0)
        if j - i < 3:
            continue
        w0 = bisect.bisect_left(words, (s0, -1))
        w1 = bisect.bisect_left(words, (e0, -1))
        total = lower = 0
        votes: Counter[str] = Counter()
        for s, e in words[w0:w1]:
            if not _LETTERS.fullmatch(text, s, e):
                continue
            total += 1
            f = by_start.get(s)
            if f is None:
                continue
            v = f.verdict
            lower += v.kind == "word" and text[s:e].lower() not in NAME_GLUE
            if v.known_in and v.kind in ("word", "name", "mixed"):
                votes[v.known_in] += 1
            elif v.kind == "word":
                votes[""] += 1  # a lower-case word no dictionary knows (Spanish, Italian, garbled text...)
        foreign = sum(votes.values())
        if total < 4 or foreign < 3 or foreign * 2 < total or lower < 2:
            continue  # (a sentence has lower-case words; a run of capitalised names is not a sentence)
        known = [(lang, n) for lang, n in votes.most_common() if lang]
        lang = known[0][0] if known and known[0][1] * 3 >= foreign else ""
        out.append((words[w0][0], words[w1 - 1][1], lang))
    return out


def in_foreign_sentence(analysis: Analysis, pos: int) -> bool:
    sentences = analysis.sentences
    if not sentences:
        return False
    i = bisect.bisect_right(sentences, (pos, 1 << 62, "")) - 1
    return i >= 0 and sentences[i][0] <= pos < sentences[i][1]


def paragraph_counts(ctx: Context, pos: int) -> Counter[str]:
    """How often each word occurs in the paragraph around `pos`: the suggester's evidence of what the writer meant.

    Per paragraph, not per article, so the editor's re-check of one paragraph ranks suggestions the same way.
    """
    paras = ctx.paragraphs
    i = bisect.bisect_right(paras, (pos, 1 << 62)) - 1
    if i < 0:
        return Counter()
    table: dict[int, Counter[str]] = ctx.memo("spelling.counts", dict)
    counts = table.get(i)
    if counts is None:
        ps, pe = paras[i]
        words = ctx.words
        lo = bisect.bisect_left(words, (ps, -1))
        hi = bisect.bisect_left(words, (pe, -1))
        text = ctx.text
        counts = Counter(text[s:e] for s, e in words[lo:hi])
        table[i] = counts
    return counts


_FRENCH_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzàâäçéèêëîïôöùûüÿæœ'’-")
_INITIAL_BEFORE = re.compile(r"(?<![\w.])[A-Z]\.[ \u00a0]++$")
# a word alone between guillemets, or glued inside straight or English quotes (`"mot"`, never `" mot "`, where a
# straight quote may as well close one quotation and open the next)
_QUOTE_OPEN_BEFORE = re.compile(r"(?:«[ \u00a0\u202f]?|(?<![^\s(])[\"“])$")
_QUOTE_CLOSE_AFTER = re.compile(r"[ \u00a0\u202f]?»|[\"”](?![^\W\d_])")
_ORDINAL_SUFFIXES = frozenset(["ème", "eme", "ième", "ieme", "er", "ère", "nd", "nde", "e"])
_NUMBER_BEFORE = re.compile(r"(?:\d|\b[IVXLC]+)[ \u00a0]$")
_PREFIX_RE = re.compile(
    r"(?:auto|sub|anti|inter|multi|poly|néo|post|pré|super|hyper|micro|macro|mini|semi|méga|ultra|extra|pseudo"
    r"|proto|para|contre|sur|sous|bio|éco|cyber|géo|télé|radio|photo|vidéo|agro|euro|afro|franco|anglo|"
    + _COMBINING.replace(" ", "|")
    + ")"
)


_NAME_OPENER = re.compile(r"(?:^|[.!?:(\n][ \u00a0]*+|\b(?:La|Le|Les|El|Il|Lo|Der|Die|Das|The)[ \u00a0])$")


def _opens_name(text: str, s: int) -> bool:
    """Whether the capitalised word at `s` starts a sentence or follows a capitalised article: the head of a
    species or a title (`Hypsiboas pombali est`, `La Camella blanca`), not a name in a clause (`d'Aclasta était`)."""
    return _NAME_OPENER.search(text, max(0, s - 12), s) is not None


def _not_a_typo(
    text: str,
    flags: list[Flag],
    i: int,
    known: Callable[[str], bool],
    previous_terms: set[int],
    slip_of_common: Callable[[str], bool],
) -> bool:
    """Lower-case unknown words that are not slips of French typing, whatever a dictionary word looks like them:
    - a word with letters French does not use (`judeţ`, `slovník`, `cerámica`) is another language's word;
    - a word after a language name or in an etymology (`du latin stella`, `(du grec dis, double, genos, race)`),
      or quoted alone (`les « vautes »`), is a term being named, not written; a Latin inflection (`universitas`),
      a common word of another language French never writes (`gmina`) and the adjective of a place in `-ie`
      (`messénienne`) are not French typos either (`_spelling_terms`);
    - a word right after an initial or an unknown capitalised word that opens a sentence or follows a capitalised
      article (`C. opilio`, `Hypsiboas pombali`, `La Camella blanca`), or after another word of this list,
      continues a name or a foreign phrase; so does one after any unknown capitalised word unless it is one slip
      of a common word (`comme Pyrococcus abyssi`, but `Dupont anonce`);
    - an ordinal's letters cut from their number (`XVIII ème`) belong to the typography rules;
    - a French prefix glued to a dictionary word (`autosaisir`, `subcarpathiques`) is a regular formation, unless
      the whole word is one slip of a common word (`préiode` is `période` with two letters swapped, not `pré-iode`).
    """
    f = flags[i]
    s, e = f.core_start, f.core_end
    word = text[s:e].lower()
    if any(c not in _FRENCH_LETTERS for c in word):
        return True
    if word in _ORDINAL_SUFFIXES and _NUMBER_BEFORE.search(text, max(0, s - 12), s):
        return True
    m = _PREFIX_RE.match(word)
    if m and len(word) - m.end() >= 4 and known(word[m.end() :]) and not slip_of_common(text[s:e]):
        return True
    before = text[max(0, s - 24) : s]
    if _INITIAL_BEFORE.search(before) or foreign_or_named(text, s, e):
        return True
    if _QUOTE_OPEN_BEFORE.search(before) and _QUOTE_CLOSE_AFTER.match(text, e):
        return True  # a word quoted alone (`les « vautes » sont des beignets`): a term being named
    if i > 0:
        p = flags[i - 1]
        glued = joined(text, p.core_end, s) and text[p.core_end] == " "
        name = p.verdict.kind == "name" and (_opens_name(text, p.core_start) or not slip_of_common(text[s:e]))
        if glued and (i - 1 in previous_terms or name):
            return True  # `Pyrococcus abyssi`: an epithet after a genus, not a slip of a common word
    return False


# Zoological and botanical family names, formed from a genus name (`Capra` → `capridés`, `Poa` → `poacées`).
_FAMILY_SUFFIX = re.compile(r"(?:idés?|acées?)$")


def _family_name(index: Suggester, word: str) -> bool:
    """A family name of zoology or botany the dictionary lacks (`capridés`, `muridés`, `apiacées`): a regular
    formation, unless a word one slip away keeps its suffix (`vlidés` is `validés` with a letter lost)."""
    m = _FAMILY_SUFFIX.search(word)
    if m is None or m.start() < 3:
        return False
    suffix = m.group()
    return not any(c.lower().endswith(suffix) for c, cost in index.candidates(word).items() if cost <= 1.1)


_NEXT_WORD = re.compile(r" ([^\W\d_]++)")


def _split_elision(
    text: str, s: int, e: int, known: Callable[[str], bool], apostrophe: Callable[[], str]
) -> tuple[int, str] | None:
    """`aujourd hui`, `presqu île`: an unknown word that is a known word once joined to the next by an apostrophe
    is one word with its apostrophe lost (one warning for both parts, with the word), not two unknown words.
    Returns the end of the second part and the joined word, with the apostrophe the text uses most (`apostrophe`
    counts them once per text: counting per unknown word made long articles quadratic)."""
    m = _NEXT_WORD.match(text, e)
    if not m:
        return None
    whole = text[s:e] + apostrophe() + m.group(1)
    return (m.end(), whole) if known(whole) else None


def _usual_apostrophe(text: str) -> Callable[[], str]:
    return cache(lambda: "’" if text.count("’") > text.count("'") else "'")


def _lower_case_unknown(ctx: Context) -> tuple[list[Flag], list[Flag]]:
    """Lower-case unknown words split in two: likely typos of a common word (`likely_typo`), and the rest.

    A word is only called a typo when Galley can say what common word it is a slip of; a lower-case word with no
    common dictionary word one slip away is far more often a rare term, a demonym or a neologism
    (`bethoncourtoise`, `bivalirudine`, `tératome`) than a slip of the keyboard, so it is reported as `info`.
    """

    def split() -> tuple[list[Flag], list[Flag]]:
        from editor.core.suggest import likely_typo, suggester

        analysis = analyse_words(ctx)
        index = suggester(ctx.lang)
        typos: list[Flag] = []
        terms: list[Flag] = []
        flags = analysis.flags
        known = Lexicon(ctx.lang).known
        not_typos: set[int] = set()
        apostrophe = _usual_apostrophe(ctx.text)
        elided: dict[int, tuple[int, str]] = ctx.memo("spelling.split-elisions", dict)  # first part's end → whole

        def common_slip(w: str) -> bool:
            return likely_typo(index, w, common_only=True)

        for i, f in enumerate(flags):
            if f.verdict.kind != "word" or f.verdict.foreign or in_foreign_sentence(analysis, f.start):
                continue
            if i > 0 and elided.get(flags[i - 1].core_end, (-1, ""))[0] == f.core_end:
                continue  # `hui` of `aujourd hui`: reported with its first part
            whole = _split_elision(ctx.text, f.core_start, f.core_end, known, apostrophe)
            if whole is not None:
                elided[f.core_end] = whole
                typos.append(f)
                continue
            word = ctx.text[f.core_start : f.core_end]
            if _not_a_typo(ctx.text, flags, i, known, not_typos, common_slip):
                not_typos.add(i)
                terms.append(f)
                continue
            (typos if likely_typo(index, word) and not _family_name(index, word) else terms).append(f)
        return typos, terms

    return ctx.memo("spelling.lower-case", split)


class UnknownWord(Rule):
    """A warning because it is right at least 9 times in 10 on clean French (`benchmarks/quality_precision.py`:
    most of what it finds there are real typos, `tres`, `professionel`) and it finds injected typos. Its false
    alarms are narrowed by class (`_not_a_typo`: other alphabets, named terms and etymologies, Latin and other
    languages' common words, species and foreign titles, place adjectives, prefixed formations, detached ordinals;
    an accent slip beside a foreign word of a language that knows it, `defensive end`) and by `likely_typo`: a
    warning when a common French word far more frequent than the unknown word is one slip away (`tres` → `très`),
    or when French usage never writes the unknown word and a word it writes is one typing slip away
    (`hémstocrite` → `hématocrite`). A rare word whose neighbours are rare too (`tératome`), a word used about as
    often as its neighbours (`beats`, `gif`) and a family name of zoology or botany (`capridés`) are
    `spelling.unknown-term`, `info`: a hint, not a claim. A typo in a long elided word is reported on that word
    (`jnusqu'à` → `jusqu`). Both spellings of the 1990 reform are in the dictionary."""

    id = "spelling.unknown-word"
    severity = Severity.WARNING
    scope = "paragraph"
    languages = frozenset(DICT_TAGS)
    description = "A lower-case word the dictionary does not know, close to one it knows: most likely a typo"

    def check(self, ctx: Context) -> Iterable[Finding]:
        wanted = _lower_case_unknown(ctx)[0]
        if not wanted:
            return []
        from editor.core.suggest import suggest

        out: list[Finding] = []
        elided: dict[int, tuple[int, str]] = ctx.memo("spelling.split-elisions", dict)
        for f in wanted:
            if f.core_end in elided:
                end, whole = elided[f.core_end]
                msg = _("“{word}” has lost its apostrophe: “{whole}”").format(
                    word=ctx.text[f.core_start : end], whole=whole
                )
                out.append(make_finding(ctx.text, self.id, self.severity, f.core_start, end, msg, (whole,)))
                continue
            word = ctx.text[f.core_start : f.core_end]
            sugg: tuple[str, ...] = ()
            if ctx.config.suggestions:
                sugg = suggest(word, ctx.lang, counts=paragraph_counts(ctx, f.start))
            out.append(
                make_finding(
                    ctx.text,
                    self.id,
                    self.severity,
                    f.core_start,
                    f.core_end,
                    _("unknown word “{word}”: did you mean “{suggestion}”?").format(word=word, suggestion=sugg[0])
                    if sugg
                    else _("unknown word “{word}”").format(word=word),
                    sugg,
                )
            )
        return out


class UnknownTerm(Rule):
    id = "spelling.unknown-term"
    severity = Severity.INFO
    scope = "paragraph"
    languages = frozenset(DICT_TAGS)
    description = "A lower-case word no dictionary knows and not one slip from a common word: a rare term, or garbled"

    def check(self, ctx: Context) -> Iterable[Finding]:
        return [
            make_finding(
                ctx.text,
                self.id,
                self.severity,
                f.core_start,
                f.core_end,
                _(
                    "unknown word “{word}”, not a slip of a common word: "
                    "a rare term (add it to your dictionary) or garbled text?"
                ).format(word=ctx.text[f.core_start : f.core_end]),
            )
            for f in _lower_case_unknown(ctx)[1]
        ]


class UnknownName(Rule):
    id = "spelling.unknown-name"
    severity = Severity.INFO
    scope = "paragraph"
    languages = frozenset(DICT_TAGS)
    description = "A capitalised word, acronym or compound the dictionary does not know: usually a name"

    def check(self, ctx: Context) -> Iterable[Finding]:
        analysis = analyse_words(ctx)
        out: list[Finding] = []
        from editor.core.suggest import match_case, suggester

        casing_owns_capitals = ctx.lang == "fr" and _accented_capital_rule_on(ctx)
        for f in analysis.flags:
            v = f.verdict
            if v.kind == "word" or v.foreign or in_foreign_sentence(analysis, f.start):
                continue
            word = ctx.text[f.core_start : f.core_end]
            sugg: tuple[str, ...] = ()
            if ctx.config.suggestions and v.kind in ("name", "compound"):
                # only accent or case slips of a dictionary name (`Etats-Unis` → `États-Unis`), never a guess
                ranked = sorted(suggester(ctx.lang).variants(word).items(), key=_by_cost)
                sugg = tuple(dict.fromkeys(match_case(word, c) for c, cost in ranked if cost < 0.5))[:3]
                if not sugg and v.kind == "name":
                    sugg = _french_form(word)
            if casing_owns_capitals and sugg and sugg[0][1:] == word[1:] and sugg[0][:1] in "ÉÈÊ":
                continue  # `Etat` → `État`: the casing rule reports capitals that lost their accent
            what = {"acronym": N_("acronym"), "mixed": N_("word")}.get(v.kind, N_("name"))
            out.append(
                make_finding(
                    ctx.text,
                    self.id,
                    self.severity,
                    f.core_start,
                    f.core_end,
                    (
                        _("unknown {kind} “{word}”: check its spelling (“{suggestion}”?)").format(
                            kind=_(what), word=word, suggestion=sugg[0]
                        )
                        if sugg
                        else _("unknown {kind} “{word}”: check its spelling").format(kind=_(what), word=word)
                    ),
                    sugg,
                )
            )
        return out


def _french_form(name: str) -> tuple[str, ...]:
    """A German-form Russian or Ukrainian name (`Wolgograd`, `Jekaterinburg`) written the French way: the bilingual
    dictionary's form or the transliteration rule's; names that are not built that way cost one dict look-up."""
    from editor.core.translate import french_name, looks_slavic, may_be_transliterated

    if not may_be_transliterated(name):
        return ()
    return french_name(name, confirmed_only=not looks_slavic(name))


def _accented_capital_rule_on(ctx: Context) -> bool:
    from editor.core.rules import all_rules

    rid = "casing.accented-capital"
    return ctx.config.wants(rid) and any(r.id == rid for r in all_rules())


def _by_cost(item: tuple[str, float]) -> tuple[float, str]:
    return (item[1], item[0])


RULES = [UnknownWord(), UnknownTerm(), UnknownName()]
