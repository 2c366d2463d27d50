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

from collections.abc import Iterable

from editor.core.findings import Finding, Severity, make_finding
from editor.core.rules.base import Context, Rule
from editor.core.rules.spelling import analyse_words, in_foreign_sentence
from editor.core.spelling import DICT_TAGS

LANGUAGE_NAMES = {"de": "German", "en": "English", "fr": "French"}


class ForeignWord(Rule):
    id = "foreign.word"
    severity = Severity.WARNING
    scope = "paragraph"
    languages = frozenset(DICT_TAGS)
    description = "A word the article's dictionary rejects but another language's knows, or that looks German"

    def check(self, ctx: Context) -> Iterable[Finding]:
        analysis = analyse_words(ctx)
        out: list[Finding] = []
        for f in analysis.flags:
            v = f.verdict
            if not v.foreign or v.kind in ("acronym", "compound") or in_foreign_sentence(analysis, f.start):
                continue
            word = ctx.text[f.core_start : f.core_end]
            name = LANGUAGE_NAMES.get(v.foreign, v.foreign)
            if v.kind == "word":
                # lower case: not a name; German or English vocabulary left untranslated
                severity = Severity.WARNING if (v.foreign == "de" or v.german_look) else Severity.INFO
            elif v.foreign == "de" and v.other_known and (v.german_look or len(word) >= 10):
                severity = Severity.WARNING  # a German common noun (`Kernkraftwerk`, `Kommentare`)
            else:
                severity = Severity.INFO  # might be a name
            how = "is" if v.other_known else "looks"
            out.append(
                make_finding(
                    ctx.text,
                    self.id,
                    severity,
                    f.core_start,
                    f.core_end,
                    f"“{word}” {how} {name}: left untranslated?",
                    language=v.foreign,
                )
            )
        return out


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
                self.severity,
                s,
                e,
                f"this sentence is mostly in {LANGUAGE_NAMES.get(lang, lang)}: left untranslated?",
                language=lang,
            )
            for s, e, lang in analysis.sentences
        ]


RULES = [ForeignWord(), ForeignSentence()]
