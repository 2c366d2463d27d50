"""More French typography, after Grammalecte: quotation marks turned the wrong way, dialogue punctuation, dashes,
the minus sign, inclusive writing with the middle dot, hyphens in compounds and fixed expressions, ligature
characters and the multiplication sign.

Almost all of these are judgement calls for a person (none is automatic except the spacing after a dialogue dash):
a spaced hyphen may be a minus, a list bullet or a dash; an inverted quote may close a quotation that opened
elsewhere. Dashes, the minus sign, the middle dot, the multiplication sign and missing hyphens in compounds are
`info` (typographic refinement of correct text, or spellings long accepted such as `au delà`); quotation marks
turned the wrong way, dialogue punctuation and ligature characters are warnings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from editor.core.findings import Finding, Severity
from editor.core.i18n import _
from editor.core.rules._typography_base import Convention, ConventionRule, Occurrence, ParagraphRule, regex_rule
from editor.core.rules.base import Context, Rule
from editor.core.rules.typography import NBSP, is_protected

# --- quotation marks --------------------------------------------------------------------------------------------

_INVERTED_RE = re.compile(r"(?<=[^\W_])[«“](?![^\s,.;:!?…)\]])|(?<![^\s(\[])[»”](?=[^\W_])")


CURLY_QUOTE_SPACE = regex_rule(
    "typography.curly-quote-space",
    r"(?<![^\s(\[«])(“)[ \t]++(?=[^\s])|(?<=[^\s])[ \t]++(”)(?![^\s,.;:!?…)\]»])",
    "no space inside “ ”",
    r"\1\2",  # the mark of whichever side matched (an unmatched group expands to nothing)
    description="no space inside English quotation marks “…”",
    fires=(("Il dit “ oui” hier.", "Il dit “oui” hier."), ("Il dit “oui ” hier.", "Il dit “oui” hier.")),
    quiet=("Il dit “oui” hier.", "Il dit « oui » hier."),
    languages=frozenset({"fr", "en"}),
    triggers="“”",
    protect=False,
)


class InvertedQuote(ParagraphRule):
    id = "typography.inverted-quote"
    gate = re.compile(r"[«“](?<=[^\W_][«“])|[»”](?=[^\W_])")
    triggers = "«»“”"
    severity = Severity.WARNING
    languages = frozenset({"fr"})
    description = "a quotation mark turned the wrong way («word« or ”word”)"

    def scan(self, ctx: Context, start: int, end: int) -> Iterator[Finding]:
        text = ctx.text
        for m in _INVERTED_RE.finditer(text, start, end):
            s = m.start()
            if is_protected(ctx, s):
                continue
            mark = text[s]
            fix = {"«": NBSP + "»", "“": "”", "»": "«" + NBSP, "”": "“"}[mark]
            yield self.finding(text, s, s + 1, _("this quotation mark is turned the wrong way"), (fix,))


_PAIRS = {"«": "»", "“": "”", "‘": "’"}


def _closers(text: str, start: int, end: int) -> Iterator[tuple[int, str]]:
    """Opening and closing quotation marks of a paragraph, in order; `’` counts only where it is no apostrophe."""
    for i in range(start, end):
        c = text[i]
        if c in '«“‘»”"„' or (c == "’" and not (i + 1 < end and text[i + 1].isalpha())):
            yield i, c


class MismatchedQuotes(ParagraphRule):
    id = "typography.mismatched-quotes"
    triggers = "«“‘"
    severity = Severity.WARNING
    languages = frozenset({"fr"})
    description = "a quotation opened with one kind of mark and closed with another (“…» or ‘…”)"

    def scan(self, ctx: Context, start: int, end: int) -> Iterator[Finding]:
        text = ctx.text
        opener: tuple[int, str] | None = None
        german = False
        for i, c in _closers(text, start, end):
            if german:
                german = c not in "“”"
                continue
            if c == "„":
                german = True  # the German-quotes rule deals with „…“
                continue
            if opener is None:
                if c in _PAIRS:
                    opener = (i, c)
                continue
            o, oc = opener
            if c == '"' and oc == "«":
                continue  # `« le mot "spectres" »`: straight quotes mark a quotation within the quotation
            if c in _PAIRS and c != "‘":
                opener = (i, c)  # nested or unclosed: start again from the innermost opener
                continue
            if c == _PAIRS[oc] or c == "‘":
                opener = None
                continue
            opener = None
            msg = _("the quotation opens with {opening} and closes with {closing}").format(opening=oc, closing=c)
            if c == "»":
                yield self.finding(text, o, o + 1, msg, ("«" + NBSP,))
            elif oc == "«":
                yield self.finding(text, i, i + 1, msg, (NBSP + "»",))
            elif c == '"' or (oc == "“" and c == "’"):
                yield self.finding(text, i, i + 1, msg, (_PAIRS[oc],))
            else:
                yield self.finding(text, o, o + 1, msg, ({"”": "“", "’": "‘"}.get(c, oc),))
        if opener is not None and opener[1] == "‘":
            o = opener[0]
            yield self.finding(
                text, o, o + 1, _("this opening quotation mark is never closed"), ("",), severity=Severity.INFO
            )


# --- dialogue -----------------------------------------------------------------------------------------------------

_INCISE = r"[a-zà-öø-ÿ]++-(?:t-)?(?:il|elle|on|je|tu|nous|vous|ils|elles)(?![\w\-])"
_DIALOGUE_RE = re.compile(r"[.,]([ \u00a0\u202f]?»)(?=[ \t]++(?:" + _INCISE + r"|[a-zà-öø-ÿ]))")


class DialogueComma(ParagraphRule):
    id = "typography.dialogue-comma"
    triggers = "»"
    severity = Severity.WARNING
    languages = frozenset({"fr"})
    description = "a quotation the sentence goes on after (« Assez », dit-elle) ends with a comma after »"

    def scan(self, ctx: Context, start: int, end: int) -> Iterator[Finding]:
        text = ctx.text
        for m in _DIALOGUE_RE.finditer(text, start, end):
            s, e = m.span()
            close = m.group(1) if m.group(1).startswith((NBSP, "\u202f")) else NBSP + "»"
            yield self.finding(
                text,
                s,
                e,
                _("the sentence goes on after the quotation: the comma comes after the closing »"),
                (close + ",", close),
            )


# --- dashes and the minus sign --------------------------------------------------------------------------------------

_SPACED_HYPHEN_RE = re.compile(r"(?<=[^\s\-])[ \u00a0]-[ \u00a0](?=[^\s\-])")
_SPACED_DASH_RE = re.compile(r"(?<=[^\s\-–—])[ \u00a0][–—][ \u00a0](?=[^\s\-–—])")
_LINE_DASH_RE = re.compile(r"(?:^|(?<=\n))-[ \u00a0](?=[A-ZÀ-ÖØ-Þ«\"“])")
_DIALOGUE_DASH_RE = re.compile(r"(?:^|(?<=\n))[—–](?:[ \t]++|(?=[^\W\d_]|[«“]))")
_MINUS_RE = re.compile(r"(?:^|(?<=[\s(\[:=]))-(?=\d)")


class Dashes(ConventionRule):
    """Dashes, the minus sign and dialogue dashes. An aside set off by spaced hyphens (`Waltz - ainsi que`) is a
    convention of much plain-text copy: one `info` for an article that writes its asides so throughout, a warning
    for the aside that breaks the article's own habit (hyphens among dashes, or a dash among hyphens)."""

    id = "typography.dash"
    gate = re.compile(r"-[ \u00a0\d]|[—–]")
    triggers = "-—–"
    severity = Severity.INFO
    languages = frozenset({"fr"})
    description = "a dash (– or —) or a minus sign (−) rather than a hyphen"

    def conventions(self, ctx: Context) -> dict[str, Convention]:
        labels = {"dash": _("asides set off by dashes (–)"), "hyphen": _("asides set off by hyphens (-)")}
        return {"incise": Convention("dash", labels)}

    def observe(self, ctx: Context, start: int, end: int) -> Iterator[Finding | Occurrence]:
        text = ctx.text
        msg = _("an aside is set off by dashes, not hyphens")
        for m in _SPACED_HYPHEN_RE.finditer(text, start, end):
            s, e = m.span()
            if is_protected(ctx, s + 1):
                continue
            own = m.group()
            yield Occurrence("incise", "hyphen", s, e, {"dash": " – ", "hyphen": own}, msg, extra=(" — ", " − "))
        for m in _SPACED_DASH_RE.finditer(text, start, end):
            own = m.group()
            yield Occurrence("incise", "dash", m.start(), m.end(), {"dash": own, "hyphen": f"{own[0]}-{own[2]}"}, "")
        yield from self._other_dashes(ctx, start, end)

    def _other_dashes(self, ctx: Context, start: int, end: int) -> Iterator[Finding]:
        """Line and dialogue dashes and the minus sign: no matter of convention."""
        text = ctx.text
        for m in _LINE_DASH_RE.finditer(text, start, end):
            s, e = m.span()
            prev_line = text.rfind("\n", start, max(start, s - 1))
            next_line = text.find("\n", e, end)
            if (s > start and text.startswith("- ", prev_line + 1 if prev_line >= 0 else start)) or (
                next_line >= 0 and text.startswith("- ", next_line + 1)
            ):
                continue  # a list of bullets, not a line of dialogue
            yield self.finding(text, s, e, _("a line of dialogue opens with a dash"), ("—" + NBSP,))
        for m in _DIALOGUE_DASH_RE.finditer(text, start, end):
            s, e = m.span()
            yield self.finding(
                text, s, e, _("a dialogue dash is followed by a no-break space"), (text[s] + NBSP,), auto=e > s + 1
            )
        for m in _MINUS_RE.finditer(text, start, end):
            s = m.start()
            if is_protected(ctx, s):
                continue
            yield self.finding(text, s, s + 1, _("a negative number takes the minus sign −"), ("−",))


# --- inclusive writing ------------------------------------------------------------------------------------------------

_ENDINGS = r"(?:e|ne|le|se|te|re|ère|rice|euse|sse|es|nes|les|ses|tes|res|ères|rices|euses|sses)"
_INCLUSIVE_RE = re.compile(
    r"(?<![\w.·/\-])([^\W\d_]{2,}+)"
    r"(?:\.(" + _ENDINGS + r")(?:\.(s))?|-(" + _ENDINGS + r")-(s)|/(" + _ENDINGS + r")(?:/(s))?)"
    r"(?![\w·/\-]|\.\w)"
)
_PLURAL_PAREN_RE = re.compile(r"(?<![\w(])([^\W\d_]{2,}+)\((s|x|e|es)\)(?![\w(])")


class InclusiveWriting(ParagraphRule):
    id = "typography.inclusive-writing"
    gate = re.compile(r"[./](?<=[^\W\d_][./])[enlstrè]|-" + _ENDINGS + r"-s|\((?<=[^\W\d_]\()(?:s|x|e|es)\)")
    triggers = ".-/("
    severity = Severity.INFO
    languages = frozenset({"fr"})
    description = "inclusive writing takes the middle dot (perdu·e·s, not perdu.e.s)"

    def scan(self, ctx: Context, start: int, end: int) -> Iterator[Finding]:
        text = ctx.text
        for m in _INCLUSIVE_RE.finditer(text, start, end):
            s, e = m.span()
            if m.group(6) is None and is_protected(ctx, s):
                continue  # `site.es`: an address (a slash form `un/e` is never one: the slash would mark it)
            stem = m.group(1)
            ending = m.group(2) or m.group(4) or m.group(6)
            plural = m.group(3) or m.group(5) or m.group(7)
            if not stem.islower() and not stem[1:].islower():
                continue
            if plural is None and len(ending) > 1 and ending.endswith("s") and ending[:-1] in _ENDING_STEMS:
                ending, plural = ending[:-1], "s"  # `devenu.es` → `devenu·e·s`
            fixed = stem + "·" + ending + ("·" + plural if plural else "")
            yield self.finding(text, s, e, _("inclusive writing uses the middle dot ·"), (fixed,))
        for m in _PLURAL_PAREN_RE.finditer(text, start, end):
            s, e = m.span()
            if m.group(1).isupper():
                continue
            yield self.finding(
                text, s, e, _("a variable ending takes the middle dot ·"), (m.group(1) + "·" + m.group(2),)
            )


_ENDING_STEMS = frozenset(["e", "ne", "le", "se", "te", "re", "ère", "rice", "euse", "sse"])


# --- fixed expressions ----------------------------------------------------------------------------------------

FIXED_EXPRESSION = regex_rule(
    "typography.fixed-expression",
    r"(?<![\w\-])([Ss]['’]il)(?:[ \-](te|vous)-|-(te|vous) )(pla[iî]t)(?![\w\-])",  # with at least one hyphen
    "this expression takes no hyphen",
    r"\1 \2\3 \4",
    description="s’il te plaît, s’il vous plaît: no hyphens",
    fires=(("S'il-vous-plaît, venez.", "S'il vous plaît, venez."), ("s’il te-plaît", "s’il te plaît")),
    quiet=("s'il vous plaît", "s’il te plaît"),
    languages=frozenset({"fr"}),
    gate=r"['’]il[ \-](?:te|vous)[ \-]pla",
    triggers="-",
    protect=False,
)


# Compounds that take a hyphen: machine translation and careless typing drop it (`c'est à dire`, `là bas`).
_COMPOUNDS = {
    "c'est à dire": "c'est-à-dire",
    "c’est à dire": "c’est-à-dire",
    "au dessus": "au-dessus",
    "au dessous": "au-dessous",
    "au delà": "au-delà",
    "par dessus": "par-dessus",
    "par dessous": "par-dessous",
    "par delà": "par-delà",
    "là bas": "là-bas",
    "là haut": "là-haut",
    "vis à vis": "vis-à-vis",
    "celui ci": "celui-ci",
    "celle ci": "celle-ci",
    "ceux ci": "ceux-ci",
    "celles ci": "celles-ci",
    "celui là": "celui-là",
    "celle là": "celle-là",
    "ceux là": "ceux-là",
    "ci dessous": "ci-dessous",
    "ci dessus": "ci-dessus",
    "ci joint": "ci-joint",
    "week end": "week-end",
    "après midi": "après-midi",
    "grand mère": "grand-mère",
    "grand père": "grand-père",
    "arc en ciel": "arc-en-ciel",
    "porte parole": "porte-parole",
    "tête à tête": "tête-à-tête",
    "sud est": "sud-est",
    "sud ouest": "sud-ouest",
    "nord est": "nord-est",
    "nord ouest": "nord-ouest",
    "états unis": "États-Unis",
    "etats unis": "États-Unis",
    "moyen orient": "Moyen-Orient",
    "proche orient": "Proche-Orient",
    "royaume uni": "Royaume-Uni",
    "pays bas": "Pays-Bas",
    "cessez le feu": "cessez-le-feu",
}
_COMPOUND_KEYS = tuple(_COMPOUNDS)
_LOWER_ONLY = frozenset({"sud est", "sud ouest", "nord est", "nord ouest"})
_COMPOUND_RE = re.compile(
    r"(?<![\w\-’'])("
    + "|".join(re.escape(k).replace(r"\ ", " ") for k in sorted(_COMPOUNDS, key=len, reverse=True))
    + r")(?![\w\-])",
    re.IGNORECASE,
)


class MissingHyphen(ParagraphRule):
    id = "typography.missing-hyphen"
    severity = Severity.INFO  # `au delà` was long an accepted spelling: a reminder, not an error
    languages = frozenset({"fr"})
    description = "compounds that take a hyphen (c’est-à-dire, au-delà, États-Unis)"

    def scan(self, ctx: Context, start: int, end: int) -> Iterator[Finding]:
        text = ctx.text
        chunk = text[start:end]
        low = chunk.lower()
        # the compounds' lower-case forms as a C-speed gate; the few letters re's IGNORECASE also equates to
        # these (long s, dotless and dotted i) keep the pattern's own scan
        if not any(k in low for k in _COMPOUND_KEYS) and not any(c in chunk for c in "ſıİ"):
            return
        for m in _COMPOUND_RE.finditer(text, start, end):
            s, e = m.span()
            found = m.group(0)
            fixed = _COMPOUNDS[found.lower()]
            if found[:1].isupper() and found.lower() in _LOWER_ONLY:
                continue  # `Sud Ouest`: the newspaper's name
            if found[0].isupper() and fixed[0].islower():
                fixed = fixed[0].upper() + fixed[1:]
            yield self.finding(text, s, e, _("this compound takes a hyphen"), (fixed,))


_LIGATURES = {"ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
_LIGATURE_RE = re.compile("[" + "".join(_LIGATURES) + "]")
_MULTIPLY_RE = re.compile(r"(?<![\w.,])(\d++(?:,\d++)?)( ?)[x*]( ?)(\d++)(?![\w.,]\d|\w)")


class Ligatures(ParagraphRule):
    id = "typography.ligature"
    triggers = "".join(_LIGATURES)
    severity = Severity.WARNING
    description = "ligature characters from a PDF (ﬁ): the letters themselves"

    def scan(self, ctx: Context, start: int, end: int) -> Iterator[Finding]:
        text = ctx.text
        for m in _LIGATURE_RE.finditer(text, start, end):
            s = m.start()
            yield self.finding(
                text, s, s + 1, _("a ligature character: search and spelling miss the word"), (_LIGATURES[text[s]],)
            )


class MultiplicationSign(ParagraphRule):
    id = "typography.multiplication-sign"
    gate = re.compile(r"\d ?[x*] ?\d")
    triggers = "x*"
    severity = Severity.INFO
    languages = frozenset({"fr"})
    description = "the multiplication sign × between numbers"

    def scan(self, ctx: Context, start: int, end: int) -> Iterator[Finding]:
        text = ctx.text
        for m in _MULTIPLY_RE.finditer(text, start, end):
            s, e = m.span()
            if is_protected(ctx, s) or (not m.group(2) and not m.group(3) and len(m.group(1)) == len(m.group(4)) == 1):
                continue  # `un 4x4`: a vehicle, not a product
            yield self.finding(text, s, e, _("the multiplication sign ×"), (f"{m.group(1)} × {m.group(4)}",))


RULES: list[Rule] = [
    MissingHyphen(),
    Ligatures(),
    MultiplicationSign(),
    CURLY_QUOTE_SPACE,
    InvertedQuote(),
    MismatchedQuotes(),
    DialogueComma(),
    Dashes(),
    InclusiveWriting(),
    FIXED_EXPRESSION,
]
