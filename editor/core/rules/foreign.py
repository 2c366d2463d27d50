"""`foreign`: words and sentences left in another language (machine-translation leftovers).

A word is foreign when the article's dictionary rejects it and another language's accepts it (`Kernkraftwerk`,
`Kommentare`; `fazit` is a German noun that lost its capital), or when it looks German without any dictionary
(ß, umlauts in French, -ung/-keit/-schaft). Second-language look-ups happen only for words the first language
rejected, through the analysis the `spelling` rules share. A sentence mostly in another language is one finding.

Precision: capitalised words known in several languages are names (`Berlin`, `Trump`) and the article's dictionary
accepts them, so they never reach this rule. A capitalised word only another language knows is a warning when
it is clearly a German common noun (German morphology or a long compound), else `info` (it may be a name).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from editor.core.findings import SEVERITY_RANK, Finding, Severity, make_finding
from editor.core.i18n import N_, _
from editor.core.language import UNDETERMINED, is_supported, language_name
from editor.core.rules._typography_base import words
from editor.core.rules.base import Context, Rule
from editor.core.rules.spelling import NAME_GLUE, analyse_words, in_foreign_sentence, joined
from editor.core.spelling import DICT_TAGS

LANGUAGE_NAMES = {"de": N_("German"), "en": N_("English"), "fr": N_("French")}
# Lower-case words that hold a foreign name or title together (`Church of Christ`, `Institut für Physik`).
_NAME_GLUE = NAME_GLUE | words("zu y del la le el")
_NAME_BEFORE = re.compile(r"(?:(?<![\w.])[A-ZÀ-Þ][^\W\d_]++|M\.|Mme|Dr\.?)[ \u00a0]$")
# capitalised words before a noun that are not a first name or a title (`Le Kernkraftwerk`, `Ce Volkswagen`)
_NOT_NAMES = words(
    """Le La Les Un Une Des Du De Ce Cet Cette Ces Son Sa Ses Leur Leurs Au Aux En Dans Par Pour Avec Et Mais Ou
    Sur Sous Chez Vers Selon Notre Votre Mon Ma Mes Tout Toute Tous Toutes"""
)


def _after_name(text: str, s: int) -> bool:
    """Whether a first name or a title precedes `s` (`Martin Winterkorn`, `M. Winterkorn`): a surname follows."""
    m = _NAME_BEFORE.search(text, max(0, s - 24), s)
    return m is not None and m.group(0).rstrip(" \u00a0") not in _NOT_NAMES


_DETERMINER_BEFORE = re.compile(r"(?<![\w'’])(?:le|la|les|un|une|du|des|au|aux|ce|cet|cette|[ld]['’])[ \u00a0]?$")
_OPENERS = '«“"'
_CLOSERS = '»”"'
# A bibliography entry: `(en) Author, Title` (Wikipedia's language mark) or a footnote line opening with `^`.
_CITATION_BEFORE = re.compile(r"\((?:en|de|es|it|pt|nl)\)|(?:^|\n)[-*\s]*\^")


def _quoted(text: str, s: int, e: int) -> bool:
    """Whether text[s:e] lies inside a short quotation on one line (`le « best of »`, `"Reuters admits..."`)."""
    lo = max(0, s - 80)
    o = max(text.rfind(c, lo, s) for c in _OPENERS)
    if o < 0 or any(c in text[o + 1 : s] for c in "»”\n"):
        return False
    hi = min(len(text), e + 80)
    closes = [i for i in (text.find(c, e, hi) for c in _CLOSERS) if i >= 0]
    return bool(closes) and not any(c in text[e : min(closes)] for c in "«“\n")


def _cited(text: str, s: int, e: int) -> bool:
    """A foreign sentence quoted, or the title of a reference in a bibliography line: cited, not left over."""
    line_start = text.rfind("\n", 0, s) + 1
    # the mark may open the sentence itself: `- (en) Maggie O'Kane, This time I'm scared, The Guardian`
    if _quoted(text, s, e) or _CITATION_BEFORE.search(text, max(line_start - 1, 0), min(e, s + 3)):
        return True
    quoted, pos = 0, s
    while pos < e:  # quotations inside the sentence: `Il dit « the president was wrong » hier`
        o = min((i for i in (text.find(c, pos, e) for c in "«“") if i >= 0), default=-1)
        if o < 0:
            break
        c = min((i for i in (text.find(c, o, e + 2) for c in "»”") if i >= 0), default=-1)
        if c < 0:
            break
        quoted += c - o
        pos = c + 1
    return 2 * quoted >= e - s


class ForeignWord(Rule):
    """Warnings only for what is very likely left over by translation: a lower-case German noun or a German-looking
    word that no French determiner introduces, a long German common noun, three foreign words in a row that are not
    a name. Noisier than 1 per 10,000 words of clean French before it left alone names (`Martin Winterkorn`,
    `Cathedral Church of`), quotations (`« best of »`) and borrowings a determiner introduces (`une kommune`): those
    are now `info`."""

    id = "foreign.word"
    severity = Severity.WARNING
    scope = "paragraph"
    languages = frozenset(DICT_TAGS)
    description = "A word the article's dictionary rejects but another language's knows, or that looks German"

    def check(self, ctx: Context) -> Iterable[Finding]:
        analysis = analyse_words(ctx)
        text = ctx.text
        runs: list[list[tuple[int, int, str, Severity, bool, bool]]] = []
        for f in analysis.flags:
            v = f.verdict
            if not v.foreign or v.kind in ("acronym", "compound") or in_foreign_sentence(analysis, f.start):
                continue
            word = text[f.core_start : f.core_end]
            if v.kind == "word":
                # lower case: not a name; German or English vocabulary left untranslated, unless a French
                # determiner introduces it (`une kommune de Norvège`, `le fils du landmeister`): a borrowing
                german = v.foreign == "de" or v.german_look
                borrowed = ctx.lang == "fr" and _DETERMINER_BEFORE.search(text, max(0, f.core_start - 8), f.core_start)
                severity = Severity.WARNING if german and not borrowed else Severity.INFO
            elif (
                v.foreign == "de"
                and v.other_known
                and (v.german_look or _long_german(word, ctx.lang))
                and not _after_name(text, f.core_start)
            ):
                severity = Severity.WARNING  # a German common noun (`Kernkraftwerk`), not a surname (`M. Winterkorn`)
            else:
                severity = Severity.INFO  # might be a name
            item = (f.core_start, f.core_end, v.foreign, severity, v.other_known, v.kind == "word")
            last = runs[-1][-1] if runs else None
            if last is not None and last[2] == v.foreign and joined(text, last[1], f.core_start):
                runs[-1].append(item)
            else:
                runs.append([item])
        out: list[Finding] = []
        for run in runs:
            start, end, lang = run[0][0], run[-1][1], run[0][2]
            severity = min((it[3] for it in run), key=lambda s: SEVERITY_RANK[s])
            if len(run) >= 3 and any(it[5] and text[it[0] : it[1]].lower() not in _NAME_GLUE for it in run):
                # three foreign words in a row, one in lower case: a phrase left untranslated, not a name
                # (two are often a borrowed expression such as « fake news »; `Church of` is part of a name)
                severity = min(severity, Severity.WARNING, key=lambda s: SEVERITY_RANK[s])
            if _quoted(text, start, end):
                severity = Severity.INFO  # `le « best of »`: a foreign phrase quoted on purpose
            how = (
                _("“{word}” is {language}: left untranslated?")
                if all(it[4] for it in run)
                else _("“{word}” looks {language}: left untranslated?")
            )
            name = _(LANGUAGE_NAMES[lang]) if lang in LANGUAGE_NAMES else lang
            maybe_name = severity == Severity.INFO
            sugg = _translations(ctx, start, end, maybe_name) if lang == "de" and ctx.config.suggestions else ()
            out.append(
                make_finding(
                    text,
                    self.id,
                    severity,
                    start,
                    end,
                    (
                        how.format(word=text[start:end], language=name)
                        + (_(" (“{suggestion}”?)").format(suggestion=sugg[0]) if sugg else "")
                    ),
                    sugg,
                    language=lang,
                )
            )
        return out


def _translations(ctx: Context, start: int, end: int, maybe_name: bool) -> tuple[str, ...]:
    """French for the flagged German words, from the bilingual dictionary (looked up only for flagged words)."""
    from editor.core.translate import suggest_for

    return suggest_for(ctx.text, start, end, maybe_name)


_SHARED_ENDINGS = ("tion", "tions", "sion", "sions", "ment", "isme", "iste", "ique", "eur", "age", "ité", "ie", "ien")


def _long_german(word: str, lang: str) -> bool:
    """A long capitalised word only German knows, not built like a shared Latin word (`Biotransformation`)."""
    return len(word) >= 10 and not (lang == "fr" and word.lower().endswith(_SHARED_ENDINGS))


class ForeignSentence(Rule):
    id = "foreign.sentence"
    severity = Severity.WARNING
    scope = "paragraph"
    languages = frozenset(DICT_TAGS)
    description = "A sentence mostly in another language than the article's"

    def check(self, ctx: Context) -> Iterable[Finding]:
        analysis = analyse_words(ctx)
        return [
            make_finding(
                ctx.text,
                self.id,
                Severity.INFO if _cited(ctx.text, s, e) else self.severity,
                s,
                e,
                _("this sentence is mostly in {language}: left untranslated?").format(
                    language=_(LANGUAGE_NAMES[lang]) if lang in LANGUAGE_NAMES else lang
                )
                if lang
                else _("most words of this sentence are in no dictionary: another language, or garbled text?"),
                language=lang,
            )
            for s, e, lang in analysis.sentences
        ]


class UnsupportedLanguage(Rule):
    """The whole article is in a language Galley has no dictionaries or rules for (Spanish, Polish...).

    Said once, on the first line, so that a clean report is not mistaken for a clean article: only the checks that
    do not depend on the language (encoding, markup, links, white space, repeats, boilerplate) ran.
    """

    id = "foreign.unsupported-language"
    severity = Severity.WARNING
    scope = "document"
    description = "The article is in a language Galley does not check"

    def check(self, ctx: Context) -> Iterable[Finding]:
        if is_supported(ctx.lang):
            return []
        text = ctx.text
        start = len(text) - len(text.lstrip())
        end = text.find("\n", start)
        end = len(text.rstrip()) if end < 0 else len(text[:end].rstrip())
        if end <= start:
            return []
        if ctx.lang == UNDETERMINED:
            message = _(
                "this article is not in a language Galley can identify: Galley checks French, German and English, "
                "so only the checks that do not depend on the language ran"
            )
        else:
            message = _(
                "this article is in {language}: Galley checks French, German and English, so only the checks that "
                "do not depend on the language ran"
            ).format(language=_(language_name(ctx.lang)))
        return [make_finding(text, self.id, self.severity, start, end, message, language=ctx.lang)]


RULES = [ForeignWord(), ForeignSentence(), UnsupportedLanguage()]
