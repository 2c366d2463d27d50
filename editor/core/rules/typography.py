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

Severity and automatic fixes (a fix is `auto` only when it can never change the meaning):
- a space before `,` or `.`, a missing space after punctuation, spaces inside brackets and a missing no-break
  space before `: ; ! ?` or inside « » are warnings, fixed automatically;
- a plain space where a no-break space belongs (`mot :`) is `info` and fixed automatically: professionally edited
  copy very often loses its no-break spaces in plain text, so it is not worth a warning, but the fix is invisible
  and keeps a line from starting with `:`;
- the straight apostrophe (`l'armistice`) is correct in much professionally edited French (news wires, Wikipedia):
  `info`, and fixed automatically only in a paragraph that already uses the typographic ’ (the straight ones are
  then damage, not a house style); in a consistently straight text it is left to the person, who can accept the
  rule's findings all at once;
- `...` → `…` and straight double quotes `"…"` → « … » are `info` and never automatic for the same reason (a house
  style, and pairing straight quotes can be wrong);
- German quotes „…“ in French or English are machine-translation damage: a warning, fixed automatically when the
  pair is complete, since the French « » (or English “ ”) form is the only correct one;
- doubled punctuation is a warning, automatic only for `,,` and `;;` (the doubled `!!` may be intended emphasis,
  `..` may be a cut ellipsis);
- German number format `1.000.000` in French is a warning and never automatic (`1.000` may be an English decimal).

Every pattern is linear on hostile input: runs are matched once from their first character (a look-behind rules
out starting inside a run), quantifiers are possessive, and look-arounds are bounded.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from editor.core.findings import Finding, Severity, make_finding
from editor.core.rules.base import Context, Rule

NBSP = "\u00a0"
NNBSP = "\u202f"
_NB = NBSP + NNBSP
_SPACES = " \t" + _NB + "\u2009"
_LETTER = r"[^\W\d_]"

# --- shared helpers ---------------------------------------------------------------------------------------------

_INDICATOR_RE = re.compile(r"://|www\.|[@/\\=_#]|\.(?:com|org|net|fr|de|html?|php)\b", re.IGNORECASE)
_TOKEN_END_RE = re.compile(r"[^\s]*+")
_TOKEN_SEP = (" ", "\n", "\t", "\r")


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Whitespace-delimited tokens that look like URLs, e-mails, paths or code: punctuation rules skip them.

    Found from their indicator characters, then widened to the token; each character is visited a bounded number
    of times (a widening never goes back past the previous token), so this is linear.
    """
    spans: list[tuple[int, int]] = []
    last_end = 0
    for m in _INDICATOR_RE.finditer(text):
        p = m.start()
        if p < last_end:
            continue
        left = max(text.rfind(sep, last_end, p) for sep in _TOKEN_SEP) + 1
        left = max(left, last_end)
        m2 = _TOKEN_END_RE.match(text, p)
        right = m2.end() if m2 else p
        spans.append((left, right))
        last_end = right
    return spans


def _protected(ctx: Context) -> tuple[list[int], list[int]]:
    def build() -> tuple[list[int], list[int]]:
        spans = protected_spans(ctx.text)
        return [s for s, _ in spans], [e for _, e in spans]

    return ctx.memo("typography.protected", build)


def _is_protected(ctx: Context, pos: int) -> bool:
    starts, ends = _protected(ctx)
    i = bisect_right(starts, pos) - 1
    return i >= 0 and pos < ends[i]


def _paragraph_of(ctx: Context, pos: int) -> tuple[int, int]:
    paras = ctx.paragraphs
    starts = ctx.memo("typography.para_starts", lambda: [s for s, _ in paras])
    i = bisect_right(starts, pos) - 1
    if i < 0:
        return (0, 0)
    return paras[i]


def _french(ctx: Context) -> bool:
    return ctx.lang == "fr"


def _profile(ctx: Context) -> str:
    return ctx.config.profile if ctx.config.profile in ("fr-FR", "fr-CA", "fr-CH") else "fr-FR"


def _space_before(ctx: Context, mark: str) -> str | None:
    """The space French wants before `mark` under the profile ("" = none), or None when any is fine."""
    profile = _profile(ctx)
    if mark == ":":
        return NBSP
    if profile == "fr-CA":
        return ""
    if profile == "fr-CH":
        return NNBSP
    return NBSP


def _thousands(ctx: Context) -> str:
    return NNBSP if _profile(ctx) == "fr-CH" else NBSP


# Abbreviations that end with a period and may be followed by a comma or a lower-case word.
ABBREVIATIONS = frozenset(
    [
        "etc",
        "cf",
        "ex",
        "env",
        "av",
        "apr",
        "janv",
        "févr",
        "avr",
        "juil",
        "sept",
        "oct",
        "nov",
        "déc",
        "hab",
        "min",
        "max",
        "vol",
        "art",
        "chap",
        "coll",
        "éd",
        "édit",
        "trad",
        "dir",
        "réf",
        "fig",
        "p",
        "pp",
        "t",
        "ibid",
        "id",
        "op",
        "cit",
        "suiv",
        "sq",
        "resp",
        "spéc",
        "approx",
        "mm",
        "mme",
        "mlle",
        "mgr",
        "dr",
        "pr",
        "prof",
        "st",
        "ste",
        "bd",
        "av",
        "ch",
        "no",
        "nos",
        "vs",
        "inc",
        "ltd",
        "co",
        "corp",
        "jr",
        "sr",
        "e",
        "g",
        "i",
        "ie",
        "eg",
        "al",
        "dept",
        "gen",
        "gov",
        "sen",
        "rep",
        "mr",
        "mrs",
        "ms",
        "bzw",
        "usw",
        "vgl",
        "ca",
        "evtl",
        "ggf",
        "inkl",
        "nr",
        "str",
        "z",
        "b",
        "d",
        "h",
        "u",
        "a",
        "s",
        "o",
        "ä",
    ]
)


class _Base(Rule):
    """Typography rules see one paragraph at a time."""

    scope = "paragraph"


# --- space before , and . (every language) ---------------------------------------------------------------------

_SPACE_COMMA_RE = re.compile(r"(?<=[^\s])[ \t\u00a0\u202f\u2009]++,")
_SPACE_PERIOD_RE = re.compile(r"(?<=[^\s,;:.…])[ \t\u00a0\u202f\u2009]++\.(?![.\w])")


class SpaceBeforeComma(_Base):
    id = "typography.space-before-comma"
    severity = Severity.WARNING
    description = "no space before a comma"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for m in _SPACE_COMMA_RE.finditer(text):
            if text[m.start() - 1] == "," or _is_protected(ctx, m.end() - 1):
                continue
            yield make_finding(
                text, self.id, self.severity, m.start(), m.end(), "no space before a comma", (",",), auto=True
            )


class SpaceBeforePeriod(_Base):
    id = "typography.space-before-period"
    severity = Severity.WARNING
    description = "no space before a full stop"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for m in _SPACE_PERIOD_RE.finditer(text):
            if _is_protected(ctx, m.end() - 1):
                continue
            yield make_finding(
                text, self.id, self.severity, m.start(), m.end(), "no space before a full stop", (".",), auto=True
            )


# --- ; : ! ? spacing --------------------------------------------------------------------------------------------

_MARK_RUN_RE = re.compile(r"(?<![;:!?])[;:!?]++")
_ENTITY_TAIL_RE = re.compile(r"&#?[0-9A-Za-z]{1,10}$")
_SCHEMES = frozenset(
    [
        "http",
        "https",
        "ftp",
        "mailto",
        "javascript",
        "data",
        "file",
        "tel",
        "urn",
        "news",
        "irc",
        "git",
        "ssh",
        "sftp",
        "ws",
        "wss",
    ]
)
_BRANDS = frozenset(["yahoo", "jeopardy"])
_SMILEY_NEXT = set(")(-DPpOo/\\|*3]['")


def _mark_run_skipped(ctx: Context, s: int, e: int) -> bool:
    """Marks that are not sentence punctuation: times, ratios, URLs, entities, smileys, `::`, `Yahoo!`."""
    text = ctx.text
    run = text[s:e]
    before = text[s - 1] if s > 0 else "\n"
    after = text[e] if e < len(text) else "\n"
    if run == "::" or _is_protected(ctx, s):
        return True
    if run[0] == ":" and before.isdigit() and after.isdigit():
        return True
    if run[0] in ":;" and after in _SMILEY_NEXT and (e + 1 >= len(text) or not text[e + 1].isalpha()):
        return True
    if run[0] == ";" and before.isalnum() and _ENTITY_TAIL_RE.search(text, max(0, s - 12), s):
        return True
    if before.isalpha():
        m = re.search(r"[^\W\d_]{1,12}$", text[max(0, s - 12) : s])
        word = m.group(0).lower() if m else ""
        if run[0] == ":" and word in _SCHEMES:
            return True
        if run[0] == "!" and word in _BRANDS:
            return True
    return False


class FrenchSpaceBeforeMark(_Base):
    id = "typography.nbsp-before-mark"
    severity = Severity.WARNING
    languages = frozenset({"fr"})
    description = "a no-break space before : ; ! ? (as the French profile asks)"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for m in _MARK_RUN_RE.finditer(text):
            s, e = m.span()
            if _mark_run_skipped(ctx, s, e):
                continue
            want = _space_before(ctx, text[s])
            if want is None:
                continue
            # the spaces before the run
            j = s
            while j > 0 and text[j - 1] in _SPACES and s - j < 64:
                j -= 1
            if j == 0 or text[j - 1] in "\n\r([{«“\"'" or text[j - 1] in "—–":
                continue
            spaces = text[j:s]
            mark = text[s]
            if spaces == want or (want and spaces in (NBSP, NNBSP) and _profile(ctx) != "fr-CA"):
                continue
            if not spaces:
                if not want:
                    continue
                yield make_finding(
                    text,
                    self.id,
                    Severity.WARNING,
                    s,
                    s + 1,
                    f"French puts a no-break space before « {mark} »",
                    (want + mark,),
                    auto=True,
                )
            else:
                sev = (
                    Severity.INFO if want and all(c in " \t" for c in spaces) and len(spaces) == 1 else Severity.WARNING
                )
                msg = (
                    f"no space before « {mark} » in the {_profile(ctx)} profile"
                    if not want
                    else f"a no-break space before « {mark} », so a line never starts with it"
                )
                yield make_finding(text, self.id, sev, j, s + 1, msg, (want + mark,), auto=True)


_SPACE_MARK_RE = re.compile(r"(?<=[^\s])[ \t\u00a0\u202f\u2009]++(?=[;:!?])")


class SpaceBeforeMark(_Base):
    id = "typography.space-before-mark"
    severity = Severity.WARNING
    languages = frozenset({"en", "de"})
    description = "no space before ; : ! ? in English and German"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for m in _SPACE_MARK_RE.finditer(text):
            s, e = m.span()
            r = _MARK_RUN_RE.match(text, e)
            if r is None or _mark_run_skipped(ctx, e, r.end()) or text[s - 1] in "([{\"'":
                continue
            yield make_finding(
                text,
                self.id,
                self.severity,
                s,
                e + 1,
                f"no space before « {text[e]} » in {'English' if ctx.lang == 'en' else 'German'}",
                (text[e],),
                auto=True,
            )


# --- « » spacing --------------------------------------------------------------------------------------------------

_GUILLEMET_RE = re.compile(r"[«»]")


class GuillemetSpace(_Base):
    id = "typography.nbsp-guillemets"
    severity = Severity.WARNING
    languages = frozenset({"fr"})
    description = "a no-break space inside « »"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        n = len(text)
        for m in _GUILLEMET_RE.finditer(text):
            p = m.start()
            if text[p] == "«":
                q = p + 1
                while q < n and text[q] in " \t" and q - p < 64:
                    q += 1
                if q >= n or text[q] in "\n\r«»" or text[q] in _NB:
                    continue
                spaces = text[p + 1 : q]
                if spaces:
                    yield make_finding(
                        text, self.id, Severity.INFO, p, q, "a no-break space after «", ("«" + NBSP,), auto=True
                    )
                else:
                    yield make_finding(
                        text, self.id, Severity.WARNING, p, p + 1, "a no-break space after «", ("«" + NBSP,), auto=True
                    )
            else:
                q = p
                while q > 0 and text[q - 1] in " \t" and p - q < 64:
                    q -= 1
                if q == 0 or text[q - 1] in "\n\r«»" or text[q - 1] in _NB:
                    continue
                if q < p:
                    yield make_finding(
                        text, self.id, Severity.INFO, q, p + 1, "a no-break space before »", (NBSP + "»",), auto=True
                    )
                else:
                    yield make_finding(
                        text, self.id, Severity.WARNING, p, p + 1, "a no-break space before »", (NBSP + "»",), auto=True
                    )


# --- space after punctuation -------------------------------------------------------------------------------------

_GLUED_RE = re.compile(r"[,;:!?…)»\]]++(?=[^\W\d_])|(?<=[^\W\d_])\.(?=[^\W\d_])")


class MissingSpaceAfter(_Base):
    id = "typography.space-after"
    severity = Severity.WARNING
    description = "a space after punctuation"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for m in _GLUED_RE.finditer(text):
            s, e = m.span()
            run = text[s:e]
            last = run[-1]
            if _is_protected(ctx, s):
                continue
            if last == ".":
                # `essai.Voilà`: a sentence end glued to a capitalised word; never `U.S.`, `Node.js`, `etc.`
                if not (text[s - 1].islower() and e + 1 < len(text) and text[e].isupper() and text[e + 1].islower()):
                    continue
                w = re.search(r"[^\W\d_]{1,12}$", text[max(0, s - 12) : s])
                if w is None or len(w.group(0)) < 2 or w.group(0).lower() in ABBREVIATIONS:
                    continue
            elif last == ")":
                # `(re)former` is a word; `(a = b)et` is a glued word
                o = text.rfind("(", max(0, s - 200), s)
                if o < 0 or " " not in text[o:s]:
                    continue
            elif last in ":;!?":
                if _mark_run_skipped(ctx, s, e):
                    continue
                if last == ":" and s > 0 and text[s - 1].isdigit():
                    continue
                if e + 1 < len(text) and text[e].isupper() and not text[e + 1].isalpha():
                    continue  # `:D`, `A:B` style codes
            nxt = text[e]
            yield make_finding(
                text,
                self.id,
                self.severity,
                s,
                e + 1,
                f"a space after « {last} »",
                (run + " " + nxt,),
                auto=True,
            )


# --- brackets -------------------------------------------------------------------------------------------------------

_OPEN_SPACE_RE = re.compile(r"(?<![:;=\-])[(\[][ \t]++(?=[^\s])")
_CLOSE_SPACE_RE = re.compile(r"(?<=[^\s:;=(\[])[ \t]++[)\]]")


class SpaceInsideBrackets(_Base):
    id = "typography.space-inside-brackets"
    severity = Severity.WARNING
    description = "no space just inside brackets"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for m in _OPEN_SPACE_RE.finditer(text):
            if _is_protected(ctx, m.start()):
                continue
            yield make_finding(
                text,
                self.id,
                self.severity,
                m.start(),
                m.end(),
                "no space after an opening bracket",
                (text[m.start()],),
                auto=True,
            )
        for m in _CLOSE_SPACE_RE.finditer(text):
            yield make_finding(
                text,
                self.id,
                self.severity,
                m.start(),
                m.end(),
                "no space before a closing bracket",
                (text[m.end() - 1],),
                auto=True,
            )


# --- doubled punctuation ------------------------------------------------------------------------------------------

_DOUBLED_RE = re.compile(
    r"(?P<same>([,;:!?])\2++)"
    r"|(?<![.…])(?P<dots>\.\.)(?![.…])"
    r"|(?P<ellipsis>…[.…]++)"
    r"|(?<!\.)(?P<many>\.{4,}+)"
    r"|(?P<comma_stop>,[ \t]*+\.(?!\.)|\.,|,[ \t]++,)"
)


class DoubledPunctuation(_Base):
    id = "typography.doubled-punctuation"
    severity = Severity.WARNING
    description = "doubled punctuation"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for m in _DOUBLED_RE.finditer(text):
            s, e = m.span()
            if _is_protected(ctx, s):
                continue
            kind = m.lastgroup
            run = text[s:e]
            auto = False
            sev = self.severity
            if kind == "same":
                ch = run[0]
                if ch == ":" and len(run) == 2:
                    continue
                sugg: tuple[str, ...] = (ch,)
                auto = ch in ",;"
                msg = f"« {ch} » written {len(run)} times"
            elif kind == "dots":
                sugg = (".", "…")
                msg = "two full stops: one, or an ellipsis"
            elif kind in ("ellipsis", "many"):
                sugg = ("…",)
                msg = "an ellipsis already ends the sentence" if kind == "ellipsis" else "an ellipsis has three dots"
            else:
                if run == ".,":
                    w = re.search(r"[^\W\d_]{1,12}$", text[max(0, s - 12) : s])
                    if (
                        w is None
                        or len(w.group(0)) < 3
                        or w.group(0).lower() in ABBREVIATIONS
                        or w.group(0)[0].isupper()
                    ):
                        continue  # `A.,`, `etc.,`: an abbreviation's period before a comma is right
                    sugg = (",", ".")
                elif run.endswith("."):
                    sugg = (",", ".") if run.startswith(",") else (".",)
                else:
                    sugg = (",",)
                    auto = True
                msg = "a comma and a full stop together"
            yield make_finding(text, self.id, sev, s, e, msg, sugg, auto=auto)


# --- ellipsis ---------------------------------------------------------------------------------------------------------

_THREE_DOTS_RE = re.compile(r"(?<![.…])\.\.\.(?![.…])")
_ETC_RE = re.compile(r"(?<![^\W_])etc(?:\.{2,}+|…)", re.IGNORECASE)
_SPACE_ELLIPSIS_RE = re.compile(r"(?<=[^\W_])[ \t]++(?:…|\.\.\.)(?=[\s,;:!?»)\"”]|$)")


class Ellipsis(_Base):
    id = "typography.ellipsis"
    severity = Severity.INFO
    languages = frozenset({"fr"})
    description = "the ellipsis character … rather than three dots"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for m in _THREE_DOTS_RE.finditer(text):
            s = m.start()
            if _is_protected(ctx, s) or (s >= 3 and text[s - 3 : s].lower() == "etc"):
                continue
            yield make_finding(text, self.id, self.severity, s, m.end(), "the ellipsis character …", ("…",))


class EtcEllipsis(_Base):
    id = "typography.etc"
    severity = Severity.WARNING
    description = "`etc.` takes one period, never an ellipsis"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for m in _ETC_RE.finditer(text):
            word = text[m.start() : m.start() + 3]
            yield make_finding(
                text,
                self.id,
                self.severity,
                m.start(),
                m.end(),
                "`etc.` already says the list goes on",
                (word + ".",),
                auto=True,
            )


class SpaceBeforeEllipsis(_Base):
    id = "typography.space-before-ellipsis"
    severity = Severity.INFO
    languages = frozenset({"fr"})
    description = "no space between a word and the ellipsis that follows it"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for m in _SPACE_ELLIPSIS_RE.finditer(text):
            s, e = m.span()
            dots = text[s:e].lstrip(" \t")
            yield make_finding(
                text, self.id, self.severity, s, e, "no space before an ellipsis that ends a word", (dots,)
            )


# --- apostrophes ----------------------------------------------------------------------------------------------------

_STRAIGHT_APOS_RE = re.compile(r"(?<=[^\W\d_])'(?=[^\W\d_])(?!s(?![^\W\d_]))")
_ELISION_SPACE_RE = re.compile(
    r"(?<![\w'’])(?:[cdjlmnstCDJLMNST]|[qQ]u|[lL]orsqu|[pP]uisqu|[jJ]usqu|[qQ]uoiqu|[pP]resqu)['’][ \t]++(?=[^\W\d_])"
)
_ELISION_MISSING_RE = re.compile(
    r"(?<![^\s(«\"“])(?:[dljmnst]|qu|c)[ ](?=[aeiouyhàâäéèêëîïôöûùüœAEIOUYHÀÂÉÈÊÎÔ][^\W\d_]*+(?![\w'’\-]))"
)


def _apostrophe_style(ctx: Context, pos: int) -> str:
    """`'` when the paragraph around `pos` uses only straight apostrophes, else `’`."""
    ps, pe = _paragraph_of(ctx, pos)
    key = f"typography.apos.{ps}"

    def style() -> str:
        chunk = ctx.text[ps:pe]
        return "'" if _STRAIGHT_APOS_RE.search(chunk) and "’" not in chunk else "’"

    return ctx.memo(key, style)


class Apostrophe(_Base):
    id = "typography.apostrophe"
    severity = Severity.INFO
    languages = frozenset({"fr"})
    description = "the typographic apostrophe ’"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for m in _STRAIGHT_APOS_RE.finditer(text):
            s = m.start()
            if _is_protected(ctx, s):
                continue
            mixed = _apostrophe_style(ctx, s) == "’"
            msg = (
                "this paragraph also uses ’: a straight apostrophe here is inconsistent"
                if mixed
                else "French typography uses the apostrophe ’"
            )
            yield make_finding(text, self.id, self.severity, s, s + 1, msg, ("’",), auto=mixed)


class ElisionSpace(_Base):
    id = "typography.elision-space"
    severity = Severity.WARNING
    languages = frozenset({"fr"})
    description = "no space after an elided word (c’est, l’homme)"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for m in _ELISION_SPACE_RE.finditer(text):
            s, e = m.span()
            word = text[s:e].rstrip(" \t")
            yield make_finding(text, self.id, self.severity, s, e, "no space after an elided word", (word,), auto=True)


class MissingApostrophe(_Base):
    id = "typography.missing-apostrophe"
    severity = Severity.WARNING
    languages = frozenset({"fr"})
    description = "an elided word without its apostrophe (qu il, n arrive)"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for m in _ELISION_MISSING_RE.finditer(text):
            s, e = m.span()
            if s >= 2 and text[s - 2].isdigit():
                continue  # `5 l à la minute`: a unit
            word = text[s : e - 1]
            apos = _apostrophe_style(ctx, s)
            yield make_finding(
                text, self.id, self.severity, s, e, f"« {word} » is elided: {word}{apos}…", (word + apos,)
            )


# --- quotes ----------------------------------------------------------------------------------------------------------

_GERMAN_QUOTE_RE = re.compile(r"„")
_ENGLISH_OPEN_RE = re.compile(r"“")


class GermanQuotes(_Base):
    id = "typography.german-quotes"
    severity = Severity.WARNING
    languages = frozenset({"fr", "en"})
    description = "German quotation marks „…“ in a French or English text"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        fr = _french(ctx)
        op, cl = ("«" + NBSP, NBSP + "»") if fr else ("“", "”")
        for m in _GERMAN_QUOTE_RE.finditer(text):
            s = m.start()
            _ps, pe = _paragraph_of(ctx, s)
            limit = min(pe if pe > s else len(text), s + 2000)
            close = -1
            for q in range(s + 1, limit):
                c = text[q]
                if c in "“”":
                    close = q
                    break
                if c == "„":
                    break
            lang = "French" if fr else "English"
            if close < 0:
                yield make_finding(text, self.id, self.severity, s, s + 1, f"a German opening quote in {lang}", (op,))
                continue
            yield make_finding(
                text, self.id, self.severity, s, s + 1, f"German quotation marks in {lang}", (op,), auto=True
            )
            yield make_finding(
                text, self.id, self.severity, close, close + 1, f"German quotation marks in {lang}", (cl,), auto=True
            )


class EnglishQuotesInGerman(_Base):
    id = "typography.german-quote-style"
    severity = Severity.INFO
    languages = frozenset({"de"})
    description = "German quotes „…“ rather than English “…”"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for m in _ENGLISH_OPEN_RE.finditer(text):
            s = m.start()
            if s > 0 and text[s - 1].isalnum():
                continue  # a German closing “ after a word
            close = text.find("”", s + 1, min(len(text), s + 2000))
            nl = text.find("\n", s + 1, close) if close > 0 else -1
            if close < 0 or nl >= 0 or "„" in text[s:close]:
                continue
            yield make_finding(text, self.id, self.severity, s, s + 1, "German opens quotes with „", ("„",))
            yield make_finding(text, self.id, self.severity, close, close + 1, "German closes quotes with “", ("“",))


class StraightQuotes(_Base):
    id = "typography.straight-quotes"
    severity = Severity.INFO
    languages = frozenset({"fr"})
    description = "French quotation marks « » rather than straight quotes"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for ps, pe in ctx.paragraphs:
            pos = [i for i in _iter_char(text, '"', ps, pe)]
            if not pos or len(pos) % 2:
                continue  # an odd count cannot be paired with confidence
            for a, b in zip(pos[0::2], pos[1::2], strict=True):
                if _is_protected(ctx, a) or _is_protected(ctx, b):
                    continue
                before = text[ps:a].rstrip(" \t")
                if before.endswith("=") or "\n" in text[a:b]:
                    continue  # markup attribute debris, or not a quotation
                a_end = a + 1
                while a_end < b and text[a_end] in " \t":
                    a_end += 1
                b_start = b
                while b_start > a_end and text[b_start - 1] in " \t":
                    b_start -= 1
                if a_end >= b_start:
                    continue
                yield make_finding(text, self.id, self.severity, a, a_end, "French quotes: «", ("«" + NBSP,))
                yield make_finding(text, self.id, self.severity, b_start, b + 1, "French quotes: »", (NBSP + "»",))


def _iter_char(text: str, ch: str, start: int, end: int) -> Iterator[int]:
    i = text.find(ch, start, end)
    while i >= 0:
        yield i
        i = text.find(ch, i + 1, end)


# --- numbers ---------------------------------------------------------------------------------------------------------

_GERMAN_NUMBER_RE = re.compile(r"(?<![\w.,])\d{1,3}(?:\.\d{3})++(?:,\d++)?(?![\d.]|,\d)")
_SPACED_NUMBER_RE = re.compile(r"(?<![\w.,\u00a0\u202f])\d{1,3}(?: \d{3})++(?![\w]|[.,]\d)")
_LONG_NUMBER_RE = re.compile(r"(?<![\w.,/\-+#°№])[1-9]\d{4,}+(?![\w.,/\-]\w|[\w])")


_PREV_TOKEN_RE = re.compile(r"(\S++)[ \t\u00a0]*+$")
_ID_WORDS = frozenset(
    [
        "n",
        "no",
        "nr",
        "tél",
        "tel",
        "code",
        "réf",
        "ref",
        "numéro",
        "dossier",
        "compte",
        "siret",
        "siren",
        "isbn",
        "issn",
        "id",
    ]
)


class GermanNumberFormat(_Base):
    id = "typography.number-format"
    severity = Severity.WARNING
    languages = frozenset({"fr"})
    description = "French groups thousands with a no-break space, not a period"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        sep = _thousands(ctx)
        for m in _GERMAN_NUMBER_RE.finditer(text):
            s, e = m.span()
            if _is_protected(ctx, s):
                continue
            num = text[s:e]
            yield make_finding(
                text,
                self.id,
                self.severity,
                s,
                e,
                "German number format: French writes 1 000 000",
                (num.replace(".", sep),),
            )


class NumberSpacing(_Base):
    id = "typography.number-spacing"
    severity = Severity.INFO
    languages = frozenset({"fr"})
    description = "thousands separated by a no-break space"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        sep = _thousands(ctx)
        for m in _SPACED_NUMBER_RE.finditer(text):
            s, e = m.span()
            yield make_finding(
                text,
                self.id,
                self.severity,
                s,
                e,
                "a no-break space between thousands keeps the number on one line",
                (text[s:e].replace(" ", sep),),
            )
        for m in _LONG_NUMBER_RE.finditer(text):
            s, e = m.span()
            prev = _PREV_TOKEN_RE.search(text, max(0, s - 16), s)
            if prev and (prev.group(1).isupper() or prev.group(1)[-1] in "°#:" or prev.group(1).lower() in _ID_WORDS):
                continue  # `ISBN 284...`, `n° 12345`, `tél. 0612...`: identifiers, not quantities
            nxt = text[e : e + 2]
            if len(nxt) == 2 and nxt[0] == " " and nxt[1].isupper():
                continue  # `75001 Paris`: a postal code
            digits = text[s:e]
            head = len(digits) % 3 or 3
            groups = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
            yield make_finding(text, self.id, self.severity, s, e, "group long numbers by three", (sep.join(groups),))


RULES: list[Rule] = [
    SpaceBeforeComma(),
    SpaceBeforePeriod(),
    FrenchSpaceBeforeMark(),
    SpaceBeforeMark(),
    GuillemetSpace(),
    MissingSpaceAfter(),
    SpaceInsideBrackets(),
    DoubledPunctuation(),
    Ellipsis(),
    EtcEllipsis(),
    SpaceBeforeEllipsis(),
    Apostrophe(),
    ElisionSpace(),
    MissingApostrophe(),
    GermanQuotes(),
    EnglishQuotesInGerman(),
    StraightQuotes(),
    GermanNumberFormat(),
    NumberSpacing(),
]

__all__ = ["ABBREVIATIONS", "RULES", "protected_spans"]
