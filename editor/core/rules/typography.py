"""Typography: spacing around punctuation, apostrophes, ellipses, quotes and number formats.

French rules follow Grammalecte's typography family; English and German get the rules of the same kind that apply
to them (no space before punctuation, a space after it, no doubled punctuation, their own quotation marks).

French profiles (`ctx.config.profile`), as the style authorities of each country write them:
- fr-FR (Lexique des règles typographiques de l'Imprimerie nationale; Grammalecte's suggestions): a no-break space
  before `: ; ! ?` and inside « »; Galley suggests U+00A0 everywhere, as Grammalecte does, and accepts the narrow
  U+202F (the "espace fine" of careful typesetting) wherever it suggests U+00A0.
- fr-CA (Office québécois de la langue française): no space at all before `; ! ?`, a no-break space before `:`
  and inside « ».
- fr-CH (Guide du typographe romand): a narrow no-break space U+202F before `; ! ?`, a no-break space before `:`
  and inside « »; thousands are separated by U+202F.
Numbers are grouped by three with a no-break space in every profile (`1 000 000`, never `1.000.000`).
Spacing before `: ; ! ?` and inside « », and « » against straight quotes, are weighed against the article's own
house style (`typography_style`).

Severity and automatic fixes (a fix is `auto` only when it can never change the meaning):
- a space before `,` or `.`, a missing space after punctuation, spaces inside brackets and a missing no-break
  space before `: ; ! ?` or inside « » are warnings, fixed automatically;
- a plain space where a no-break space belongs (`mot :`) is `info` and fixed automatically: professionally edited
  copy very often loses its no-break spaces in plain text, so it is not worth a warning, but the fix is invisible
  and keeps a line from starting with `:`;
- the straight apostrophe (`l'armistice`) is correct in much professionally edited French (news wires, Wikipedia;
  178 of them in 2,900 words of clean news): a paragraph that uses only straight apostrophes follows a house style
  and is left alone (flagging each one would bury the review under `info`); straight apostrophes in a paragraph
  that also uses the typographic ’ are damage: `info`, fixed automatically (`STRAIGHT_APOSTROPHE_IS_HOUSE_STYLE`
  switches to flagging every straight apostrophe, never automatically);
- `...` → `…` and straight double quotes `"…"` → « … » are `info` and never automatic for the same reason (a house
  style, and pairing straight quotes can be wrong);
- German quotes „…“ in French or English are machine-translation damage: a warning, fixed automatically when the
  pair is complete, since the French « » (or English “ ”) form is the only correct one;
- doubled punctuation is a warning, automatic only for `,,` and `;;` (the doubled `!!` may be intended emphasis,
  `..` may be a cut ellipsis);
- German number format `1.000.000` in French is `info` (older French copy uses it too: 4 in 900 sentences of
  clean regional news) and never automatic (`1.000` may be an English decimal).
`auto` says a fix is safe; the cleaner (`editor.core.cleaning.is_automatic`) applies only the spacing ones and leaves
turning a plain space into a no-break one to the person.

Every pattern is linear on hostile input: runs are matched once from their first character (a look-behind rules
out starting inside a run), quantifiers are possessive, and look-arounds are bounded.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from editor.core.findings import Finding, Severity
from editor.core.i18n import _
from editor.core.rules._typography_base import (
    NBSP,
    NNBSP,
    ParagraphRule,
    is_protected,
    paragraph_start,
    profile,
    protected_spans,
    regex_rule,
    word_before,
    words,
)
from editor.core.rules.base import Context, Rule

_NB = NBSP + NNBSP
_SPACES = " \t" + _NB + "\u2009"


def _space_before(ctx: Context, mark: str) -> str:
    """The space French wants before `mark` under the profile ("" = none)."""
    profile_ = profile(ctx)
    if mark == ":":
        return NBSP
    if profile_ == "fr-CA":
        return ""
    if profile_ == "fr-CH":
        return NNBSP
    return NBSP


# Abbreviations that end with a period and may be followed by a comma or a lower-case word.
ABBREVIATIONS = words(
    """etc cf ex env av apr janv févr avr juil sept oct nov déc hab min max vol art chap coll éd édit trad dir
    réf fig p pp t ibid id op cit suiv sq resp spéc approx mm mme mlle mgr dr pr prof st ste bd ch no nos
    vs inc ltd co corp jr sr e g i ie eg al dept gen gov sen rep mr mrs ms bzw usw vgl ca evtl ggf inkl nr str
    z b d h u a s o"""
)


# --- space before , and . (every language) ---------------------------------------------------------------------

_SPACES_CLASS = r"[ \t\u00a0\u202f\u2009]"
SPACE_BEFORE_COMMA = regex_rule(
    "typography.space-before-comma",
    r"(?<=[^\s,])" + _SPACES_CLASS + r"++,",
    "no space before a comma",
    ",",
    description="no space before a comma",
    fires=(("Poutine , qui", "Poutine, qui"),),
    quiet=("Poutine, qui", "1,5 ; x,y", ", au début"),
    auto=True,
    gate=_SPACES_CLASS + ",",
    triggers=",",
)
SPACE_BEFORE_PERIOD = regex_rule(
    "typography.space-before-period",
    r"(?<=[^\s,;:.…])" + _SPACES_CLASS + r"++\.(?![.\w])",
    "no space before a full stop",
    ".",
    description="no space before a full stop",
    fires=(("en Ukraine .", "en Ukraine."),),
    quiet=("en Ukraine.", "voir .NET", "attendre ..."),
    auto=True,
    gate=_SPACES_CLASS + r"\.",
    triggers=".",
)


# --- ; : ! ? spacing --------------------------------------------------------------------------------------------

_MARK_RUN_RE = re.compile(r"(?<![;:!?])[;:!?]++")
_ENTITY_TAIL_RE = re.compile(r"&(?:amp;){0,4}#?[0-9A-Za-z]{1,10}$")  # `&eacute`, escaped again: `&amp;eacute`
_SCHEMES = words("http https ftp mailto javascript data file tel urn news irc git ssh sftp ws wss")
_BRANDS = words("yahoo jeopardy")
_SMILEY_NEXT = frozenset(")(-DPpOo/\\|*3][")


def _mark_run_skipped(ctx: Context, s: int, e: int) -> bool:
    """Marks that are not sentence punctuation: times, ratios, URLs, entities, smileys, `::`, `Yahoo!`."""
    text = ctx.text
    run = text[s:e]
    before = text[s - 1] if s > 0 else "\n"
    after = text[e] if e < len(text) else "\n"
    if run == "::" or is_protected(ctx, s):
        return True
    if run[0] == ":" and before.isdigit() and after.isdigit():
        return True
    if run[0] in ":;" and after in _SMILEY_NEXT and (e + 1 >= len(text) or not text[e + 1].isalpha()):
        return True
    if run[0] == ";" and before.isalnum() and _ENTITY_TAIL_RE.search(text, max(0, s - 32), s):
        return True
    if before.isalpha():
        word = word_before(text, s).lower()
        if run[0] == ":" and word in _SCHEMES:
            return True
        if run[0] == "!" and word in _BRANDS:
            return True
    return False


_SPACE_MARK_RE = re.compile(r"(?<=[^\s])[ \t\u00a0\u202f\u2009]++(?=[;:!?])")


class SpaceBeforeMark(ParagraphRule):
    id = "typography.space-before-mark"
    triggers = ";:!?"
    severity = Severity.WARNING
    languages = frozenset({"en", "de"})
    description = "no space before ; : ! ? in English and German"

    def scan(self, ctx: Context, start: int, end: int) -> Iterator[Finding]:
        text = ctx.text
        name = _("English") if ctx.lang == "en" else _("German")
        for m in _SPACE_MARK_RE.finditer(text, start, end):
            s, e = m.span()
            r = _MARK_RUN_RE.match(text, e, end)
            if r is None or _mark_run_skipped(ctx, e, r.end()) or text[s - 1] in "([{\"'":
                continue
            yield self.finding(
                text,
                s,
                e + 1,
                _("no space before « {mark} » in {name}").format(mark=text[e], name=name),
                (text[e],),
                auto=True,
            )


# --- space after punctuation -------------------------------------------------------------------------------------

_GLUED_RE = re.compile(r"[,;:!?…)»\]]++(?=[^\W\d_])|(?<=[^\W\d_])\.(?=[^\W\d_])")


class MissingSpaceAfter(ParagraphRule):
    id = "typography.space-after"
    gate = re.compile(r"[,;:!?…)»\].][^\W\d_]")
    severity = Severity.WARNING
    description = "a space after punctuation"

    def scan(self, ctx: Context, start: int, end: int) -> Iterator[Finding]:
        text = ctx.text
        for m in _GLUED_RE.finditer(text, start, end):
            s, e = m.span()
            run = text[s:e]
            last = run[-1]
            if is_protected(ctx, s):
                continue
            if last == ".":
                # `essai.Voilà`: a sentence end glued to a capitalised word; never `U.S.`, `Node.js`, `etc.`
                if not (text[s - 1].islower() and e + 1 < end and text[e].isupper() and text[e + 1].islower()):
                    continue
                w = word_before(text, s, start)
                if len(w) < 2 or w.lower() in ABBREVIATIONS:
                    continue
            elif last in ")]":
                # `(re)former`, `[s]es` are words; `(a = b)et` is a glued word
                para_start = paragraph_start(ctx, s)
                o = text.rfind("(" if last == ")" else "[", max(para_start, s - 200), s)
                if o < 0 or " " not in text[o:s]:
                    continue
            elif last in ":;!?":
                if _mark_run_skipped(ctx, s, e):
                    continue
                if last == ":" and s > start and text[s - 1].isdigit():
                    continue
                if e + 1 < end and text[e].isupper() and not text[e + 1].isalpha():
                    continue  # `:D`, codes like `A:B`
            # the finding is the glued letter, so that it never overlaps a fix of the mark itself (`a:b` gets both
            # its no-break space before `:` and its space after it); a bracket, which nothing else fixes, is included
            at = e - 1 if last in ")]" else e
            yield self.finding(
                text,
                at,
                e + 1,
                _("a space after « {mark} »").format(mark=last),
                (text[at:e] + " " + text[e],),
                auto=True,
            )


# --- brackets and hyphens -------------------------------------------------------------------------------------------

_OPEN_SPACE_RE = re.compile(r"(?<![:;=\-])[(\[][ \t]++(?=[^\s])")
_CLOSE_SPACE_RE = re.compile(r"(?<=[^\s:;=(\[])[ \t]++[)\]]")


class SpaceInsideBrackets(ParagraphRule):
    id = "typography.space-inside-brackets"
    gate = re.compile(r"[(\[][ \t]|[ \t][)\]]")
    triggers = "()[]"
    severity = Severity.WARNING
    description = "no space just inside brackets"

    def scan(self, ctx: Context, start: int, end: int) -> Iterator[Finding]:
        text = ctx.text
        for m in _OPEN_SPACE_RE.finditer(text, start, end):
            if not is_protected(ctx, m.start()):
                yield self.finding(
                    text, *m.span(), _("no space after an opening bracket"), (text[m.start()],), auto=True
                )
        for m in _CLOSE_SPACE_RE.finditer(text, start, end):
            yield self.finding(text, *m.span(), _("no space before a closing bracket"), (text[m.end() - 1],), auto=True)


_PRONOUNS = r"(?:je|tu|il|elle|on|nous|vous|ils|elles|t-il|t-elle|t-on)"
# `puis -je ?`, `dit- il.`: an inverted pronoun, recognised by the punctuation right after it (a dash that opens an
# aside, `répond -il faut le dire- sur`, is followed by more words).


HYPHEN_SPACE = regex_rule(
    "typography.hyphen-space",
    r"(?<=[^\W\d_])(?:[ \t]++-|-[ \t]++)(?=" + _PRONOUNS + r"[ \t\u00a0\u202f]?[?!,.;:…»)])",
    "an inverted pronoun is joined by a hyphen",
    "-",
    description="no space around the hyphen of an inverted pronoun (puis-je ?)",
    fires=(("Que dit -il ?", "Que dit-il ?"), ("dit- il.", "dit-il.")),
    quiet=("Puis-je entrer ?", "répond -il faut le dire- sur"),
    languages=frozenset({"fr"}),
    gate=r"-[ \t]*+" + _PRONOUNS + r"[ \t\u00a0\u202f]?[?!,.;:…»)]",
    triggers="-",
    protect=False,
)


# --- doubled punctuation ------------------------------------------------------------------------------------------

_DOUBLED_RE = re.compile(
    r"(?P<same>([,;:!?])\2++)"
    r"|(?<=[^\W_])(?P<dots>\.\.)(?![.…])"
    r"|(?P<ellipsis>…[.…]++)"
    r"|(?<![.…])(?P<many>\.{4,}+)"
    r"|(?P<comma_stop>,[ \t]*+\.(?![.\w])|\.,|,[ \t]++,)"
    r"|(?P<mixed>,[ \t]?[;:!?…]|;[ \t]?[.,:!?…]|:[.,;…])"
)


class DoubledPunctuation(ParagraphRule):
    id = "typography.doubled-punctuation"
    gate = re.compile(r"[,;:!?.…][ \t]*+[,;:!?.…]")
    triggers = ",;:!?.…"
    severity = Severity.WARNING
    description = "doubled punctuation"

    def scan(self, ctx: Context, start: int, end: int) -> Iterator[Finding]:
        text = ctx.text
        for m in _DOUBLED_RE.finditer(text, start, end):
            s, e = m.span()
            if is_protected(ctx, s):
                continue
            kind = m.lastgroup
            run = text[s:e]
            auto = False
            if kind == "same":
                ch = run[0]
                if ch == ":" and len(run) == 2:
                    continue
                sugg: tuple[str, ...] = (ch,)
                auto = ch in ",;"
                msg = _("« {mark} » written {count} times").format(mark=ch, count=len(run))
            elif kind == "dots":
                sugg = (".", "…")
                msg = _("two full stops: one, or an ellipsis")
            elif kind == "mixed":
                if _mark_run_skipped(ctx, s, s + 1) or (run[-1] in ":;" and e < end and text[e] in _SMILEY_NEXT):
                    continue
                sugg = (run[-1], run[0])
                msg = _("one of these punctuation marks is superfluous")
            elif kind in ("ellipsis", "many"):
                sugg = ("…",)
                msg = (
                    _("an ellipsis already ends the sentence")
                    if kind == "ellipsis"
                    else _("an ellipsis has three dots")
                )
            else:
                if run == ".,":
                    w = word_before(text, s, start)
                    if len(w) < 3 or w.lower() in ABBREVIATIONS or w[0].isupper():
                        continue  # `A.,`, `etc.,`: an abbreviation's period before a comma is right
                    sugg = (",", ".")
                elif run.endswith("."):
                    sugg = (",", ".")
                else:
                    sugg = (",",)
                    auto = True
                msg = _("a comma and a full stop together")
            yield self.finding(text, s, e, msg, sugg, auto=auto)


# --- ellipsis ---------------------------------------------------------------------------------------------------------

ELLIPSIS = regex_rule(
    "typography.ellipsis",
    r"(?<![.…])(?<![eE][tT][cC])\.\.\.(?![.…])",
    "the ellipsis character …",
    "…",
    description="the ellipsis character … rather than three dots",
    fires=(("Et puis...", "Et puis…"),),
    quiet=("Et puis…", "etc...", "un cut....", "voir http://a.fr/..."),
    severity=Severity.INFO,
    languages=frozenset({"fr"}),
    gate=r"\.\.\.",
    triggers=".",
)
ETC_ELLIPSIS = regex_rule(
    "typography.etc",
    r"(?<![^\W_])(?P<w>(?i:etc))(?:\.{2,}+|…)",
    "`etc.` already says that the list goes on",
    r"\g<w>.",
    description="`etc.` takes one period, never an ellipsis",
    fires=(("des pommes, etc...", "des pommes, etc."), ("Etc…", "Etc.")),
    quiet=("des pommes, etc.", "setc..."),
    auto=True,
    gate=r"(?i)etc[.…]",
    triggers=".…",
    protect=False,
)
COMMA_BEFORE_ETC = regex_rule(
    "typography.comma-before-etc",
    r"(?<=[^\W\d_])[ \t]++etc\.",
    "« etc. » follows a comma",
    ", etc.",
    description="a comma before « etc. »",
    fires=(("des pommes etc.", "des pommes, etc."),),
    quiet=("des pommes, etc.",),
    severity=Severity.INFO,
    languages=frozenset({"fr"}),
    gate=r"[ \t]etc\.",
    triggers=".",
    protect=False,
)
TITLE_ABBREVIATION = regex_rule(
    "typography.title-abbreviation",
    r"(?<![\w.])(M(?:me|lle|gr)s?|Mmes|Mlles)\.(?=[ \u00a0][A-ZÀ-ÖØ-Þ])",
    r"« \1 » takes no period",
    r"\1",
    description="Mme, Mlle, Mgr take no period (their last letter is the word's)",
    fires=(("Mme. Dupont", "Mme Dupont"),),
    quiet=("Mme Dupont", "la Mme. voisine"),
    languages=frozenset({"fr"}),
    auto=True,
    gate=r"M(?:me|lle|gr)s?\.",
    triggers=".",
    protect=False,
)
NBSP_AFTER_MARK = regex_rule(
    "typography.nbsp-after-mark",
    r"(?<=[;:!?])[\u00a0\u202f](?=[^\W\d_]|[«“\"])",
    "a plain space after this mark lets the line break",
    " ",
    description="a plain space after ; : ! ? (the line may break there), not a no-break one",
    fires=(("dit\u00a0:\u00a0oui", "dit\u00a0: oui"),),
    quiet=("dit\u00a0: oui",),
    severity=Severity.INFO,
    languages=frozenset({"fr"}),
    auto=True,
    triggers="\u00a0\u202f",
    protect=False,
)
SPACE_BEFORE_ELLIPSIS = regex_rule(
    "typography.space-before-ellipsis",
    r"(?<=[^\W_])[ \t]++(?P<dots>…|\.\.\.)(?![^\s,;:!?»)\"”])",
    "no space before an ellipsis that ends a word",
    r"\g<dots>",
    description="no space between a word and the ellipsis that follows it",
    fires=(("Et puis …", "Et puis…"),),
    quiet=("Et puis…", "… et alors", "un mot …suivi"),
    severity=Severity.INFO,
    languages=frozenset({"fr"}),
    gate=r"[ \t](?:…|\.\.\.)",
    triggers=".…",
    protect=False,
)


# --- apostrophes ----------------------------------------------------------------------------------------------------

# Between two letters, but not the English possessive `Moody's` (French never elides before a lone s).
_STRAIGHT_APOS_RE = re.compile(r"(?<=[^\W\d_])'(?=[^\W\d_])(?!s(?![^\W\d_]))")
# what every match of _ELISION_MISSING_RE holds, opening with its look-behind's character (searched from one
# character before the paragraph, which the look-behind sees too)
_ELISION_MISSING_GATE = re.compile(r"[\s(«\"“](?:[dljmnst]|qu|c) [aeiouyhàâäéèêëîïôöûùüœAEIOUYHÀÂÉÈÊÎÔ]")
_ELISION_MISSING_RE = re.compile(
    r"(?<![^\s(«\"“])(?:[dljmnst]|qu|c)[ ](?=[aeiouyhàâäéèêëîïôöûùüœAEIOUYHÀÂÉÈÊÎÔ][^\W\d_]*+(?![\w'’\-]))"
)


#: A paragraph that only ever uses the straight apostrophe follows a house style (news wires, Wikipedia, most of
#: the web): it is left alone, and only straight apostrophes beside typographic ones are flagged (and fixed).
#: Set to False to flag every straight apostrophe (as `info`, never automatic).
STRAIGHT_APOSTROPHE_IS_HOUSE_STYLE = True


def _apostrophe_style(ctx: Context, start: int, end: int) -> str:
    """`'` when the paragraph uses only straight apostrophes, else `’`."""

    def style() -> str:
        chunk = ctx.text[start:end]
        return "'" if _STRAIGHT_APOS_RE.search(chunk) and "’" not in chunk else "’"

    return ctx.memo(f"typography.apos.{start}.{end}", style)


class Apostrophe(ParagraphRule):
    id = "typography.apostrophe"
    triggers = "'"
    severity = Severity.INFO
    languages = frozenset({"fr"})
    description = "the typographic apostrophe ’"

    def scan(self, ctx: Context, start: int, end: int) -> Iterator[Finding]:
        text = ctx.text
        mixed = _apostrophe_style(ctx, start, end) == "’"
        if not mixed and STRAIGHT_APOSTROPHE_IS_HOUSE_STYLE:
            return
        msg = (
            _("this paragraph also uses ’: a straight apostrophe here is inconsistent")
            if mixed
            else _("French typography uses the apostrophe ’")
        )
        for m in _STRAIGHT_APOS_RE.finditer(text, start, end):
            s = m.start()
            if is_protected(ctx, s):
                continue
            yield self.finding(text, s, s + 1, msg, ("’",), auto=mixed)


ELISION_SPACE = regex_rule(
    "typography.elision-space",
    r"(?<![\w'’])(?P<w>(?:[cdjlmnstCDJLMNST]|[qQ]u|[lL]orsqu|[pP]uisqu|[jJ]usqu|[qQ]uoiqu|[pP]resqu)['’])[ \t]++"
    r"(?=[^\W\d_])",
    "no space after an elided word",
    r"\g<w>",
    description="no space after an elided word (c’est, l’homme)",
    fires=(("l’ homme", "l’homme"), ("qu' il", "qu'il")),
    quiet=("l’homme", "les ' guillemets"),
    languages=frozenset({"fr"}),
    auto=True,
    gate=r"['’][ \t]",
    triggers="'’",
    protect=False,
)


class MissingApostrophe(ParagraphRule):
    id = "typography.missing-apostrophe"
    severity = Severity.WARNING
    languages = frozenset({"fr"})
    description = "an elided word without its apostrophe (qu il, n arrive)"

    def scan(self, ctx: Context, start: int, end: int) -> Iterator[Finding]:
        text = ctx.text
        if start > 0 and _ELISION_MISSING_GATE.search(text, start - 1, end) is None:
            return
        for m in _ELISION_MISSING_RE.finditer(text, start, end):
            s, e = m.span()
            if s >= start + 2 and text[s - 2].isdigit():
                continue  # `5 l à la minute`: a unit
            word = text[s : e - 1]
            apos = _apostrophe_style(ctx, start, end)
            yield self.finding(
                text, s, e, _("« {word} » is elided: {elided}…").format(word=word, elided=word + apos), (word + apos,)
            )


# --- quotes ----------------------------------------------------------------------------------------------------------


class GermanQuotes(ParagraphRule):
    id = "typography.german-quotes"
    triggers = "„"
    severity = Severity.WARNING
    languages = frozenset({"fr", "en"})
    description = "German quotation marks „…“ in a French or English text"

    def scan(self, ctx: Context, start: int, end: int) -> Iterator[Finding]:
        text = ctx.text
        fr = ctx.lang == "fr"
        op, cl = ("«" + NBSP, NBSP + "»") if fr else ("“", "”")
        lang = _("French") if fr else _("English")
        pos = start
        while True:
            s = text.find("„", pos, end)
            if s < 0:
                return
            limit = min(end, s + 2000)
            close = -1
            for q in range(s + 1, limit):
                c = text[q]
                if c in "“”":
                    close = q
                    break
                if c == "„":
                    break
            if close < 0:
                yield self.finding(text, s, s + 1, _("a German opening quote in {lang}").format(lang=lang), (op,))
                pos = s + 1
                continue
            msg = _("German quotation marks in {lang}").format(lang=lang)
            yield self.finding(text, s, s + 1, msg, (op,), auto=True)
            yield self.finding(text, close, close + 1, msg, (cl,), auto=True)
            pos = close + 1


class EnglishQuotesInGerman(ParagraphRule):
    id = "typography.german-quote-style"
    triggers = "“"
    severity = Severity.INFO
    languages = frozenset({"de"})
    description = "German quotes „…“ rather than English “…”"

    def scan(self, ctx: Context, start: int, end: int) -> Iterator[Finding]:
        text = ctx.text
        pos = start
        while True:
            s = text.find("“", pos, end)
            if s < 0:
                return
            pos = s + 1
            if s > start and text[s - 1].isalnum():
                continue  # a German closing “ after a word
            close = text.find("”", s + 1, min(end, s + 2000))
            if close < 0 or "„" in text[s:close]:
                continue
            yield self.finding(text, s, s + 1, _("German opens quotes with „"), ("„",))
            yield self.finding(text, close, close + 1, _("German closes quotes with “"), ("“",))
            pos = close + 1


RULES: list[Rule] = [
    SPACE_BEFORE_COMMA,
    SPACE_BEFORE_PERIOD,
    SpaceBeforeMark(),
    MissingSpaceAfter(),
    SpaceInsideBrackets(),
    HYPHEN_SPACE,
    DoubledPunctuation(),
    ELLIPSIS,
    ETC_ELLIPSIS,
    COMMA_BEFORE_ETC,
    TITLE_ABBREVIATION,
    NBSP_AFTER_MARK,
    SPACE_BEFORE_ELLIPSIS,
    Apostrophe(),
    ELISION_SPACE,
    MissingApostrophe(),
    GermanQuotes(),
    EnglishQuotesInGerman(),
]

__all__ = ["ABBREVIATIONS", "NBSP", "NNBSP", "RULES", "is_protected", "protected_spans"]
