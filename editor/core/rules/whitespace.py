"""White space: doubled and trailing spaces, tabs and odd spaces in prose, headings glued to the paragraph above.

French typography puts a no-break space (U+00A0) or a narrow no-break space (U+202F) before `; : ! ?` and inside
« »; those are correct and never reported here. A run that mixes such a space with ordinary ones is reported, and
its repair keeps the typographic space (`mot \u00a0:` becomes `mot\u00a0:`).

Every regex starts a match only at the beginning of a run (a look-behind on the run's own characters), so a run
of a million spaces is read once, not once per position (an unanchored trailing-space pattern takes
seconds on 20,000 spaces).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from editor.core.findings import Finding, Severity
from editor.core.i18n import _
from editor.core.rules.base import Context, Rule, pattern_rule

_SP = " \t\u00a0\u202f\u2009"
# Each pattern opens with the character it consumes and checks the one before afterwards (`X(?<=CX)` is `(?<=C)X`):
# the regex engine then jumps to candidate characters at C speed instead of trying a look-behind at every position.
_RUN_RE = re.compile(f"[{_SP}](?<=[^\\s][{_SP}])[{_SP}]++(?=[^\\s])")
_TRAILING_RE = re.compile(f"[{_SP}](?<![{_SP}][{_SP}])[{_SP}]*+(?=\\r?\\n|\\Z)")
_ODD = "\u2000-\u2008\u200a\u205f\u3000\u1680"
_ODD_RE = re.compile(f"[{_ODD}](?<=[^\\s][{_ODD}])(?=[^\\s])")
_FRENCH_TIGHT_AFTER = set(";:!?»›")
_FRENCH_TIGHT_BEFORE = set("«‹")


def _keep(run: str) -> str:
    """The one space a run of spaces should become: the typographic one if the run holds one."""
    for ch in ("\u202f", "\u00a0", "\u2009"):
        if ch in run:
            return ch
    return " "


class DoubleSpace(Rule):
    id = "whitespace.double-space"
    severity = Severity.WARNING
    description = "Two or more spaces between words."

    def check(self, ctx: Context) -> Iterable[Finding]:
        text = ctx.text
        for m in _RUN_RE.finditer(text):
            run = m.group()
            keep = _keep(run)
            yield self.finding(
                text, *m.span(), _("{count} spaces in a row; one is enough").format(count=len(run)), (keep,), auto=True
            )


class TrailingSpace(Rule):
    id = "whitespace.trailing"
    severity = Severity.INFO
    description = "Spaces or tabs at the end of a line (invisible, but they break diffs and exports)."

    def check(self, ctx: Context) -> Iterable[Finding]:
        text = ctx.text
        for m in _TRAILING_RE.finditer(text):
            blank = m.start() == 0 or text[m.start() - 1] == "\n"
            message = _("a blank line holding only spaces") if blank else _("spaces at the end of the line")
            yield self.finding(text, *m.span(), message, ("",), auto=True)


LEADING = pattern_rule(
    "whitespace.leading",
    f"[{_SP}](?:(?<=\\n[{_SP}])|(?<=\\A[{_SP}]))[{_SP}]*+(?=[^\\s])",  # a run at the start of the text or a line
    "spaces at the start of the line",
    "",
    description="Spaces or tabs at the start of a line of prose (indentation left over from the page).",
    fires=(("  Un texte.", "Un texte."), ("Un titre\n\t Le texte.", "Un titre\nLe texte.")),
    quiet=("Un texte.", "Un titre\n   \nLe texte."),
    severity=Severity.INFO,
    auto=True,
)
TAB = pattern_rule(
    "whitespace.tab",
    r"\t(?<=[^\s]\t)(?=[^\s])",
    "a tab between words; use a space",
    " ",
    description="A tab between words (table or layout residue).",
    fires=(("Un\tmot.", "Un mot."),),
    quiet=("\tUn mot.", "Un mot\t\n", "Un \tmot."),
    auto=True,
)


class OddSpace(Rule):
    id = "whitespace.odd-space"
    severity = Severity.INFO
    description = "Em, en, figure, ideographic and similar spaces between words (layout spaces from the page)."

    def check(self, ctx: Context) -> Iterable[Finding]:
        text = ctx.text
        for m in _ODD_RE.finditer(text):
            before, after = text[m.start() - 1], text[m.end()]
            if m.group() == "\u2007" and before.isdigit() and after.isdigit():
                continue  # figure space as a digit-group separator: correct
            if after in _FRENCH_TIGHT_AFTER or before in _FRENCH_TIGHT_BEFORE:
                keep = "\u202f" if after in ";!?" else "\u00a0"
            else:
                keep = " "
            yield self.finding(
                text,
                *m.span(),
                _("unusual space {code} (a layout space from the page)").format(code=f"U+{ord(m.group()):04X}"),
                (keep,),
                auto=True,
            )


_SENTENCE_END = set(".!?…»”\"')")
_LIST_START_RE = re.compile(r"[-–—•*·▪►]|\d{1,3}[.)]\s|[a-z][.)]\s")
_WORDS_RE = re.compile(r"\S++")
_CONTINUES = frozenset(
    [
        "de",
        "du",
        "des",
        "la",
        "le",
        "les",
        "et",
        "ou",
        "à",
        "au",
        "aux",
        "en",
        "un",
        "une",
        "pour",
        "par",
        "sur",
        "dans",
        "avec",
        "que",
        "qui",
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "an",
        "for",
        "der",
        "die",
        "das",
        "und",
        "von",
        "zu",
        "mit",
        "im",
        "für",
    ]
)


def looks_like_heading(line: str) -> bool:
    """A short line that starts with a letter and ends without sentence punctuation: a heading in news copy."""
    s = line.strip()
    if not s or len(s) > 70 or not (s[0].isalpha() or s[0].isdigit()):
        return False
    if s[-1] in ".,;:…»”\"'" or _LIST_START_RE.match(s) or "http" in s or "@" in s:
        return False
    words = _WORDS_RE.findall(s)
    return 2 <= len(words) <= 10 and words[-1].lower() not in _CONTINUES


def _line_at(text: str, start: int) -> tuple[int, int]:
    nl = text.find("\n", start)
    return start, len(text) if nl < 0 else nl


class HeadingGlued(Rule):
    id = "whitespace.heading-glued"
    severity = Severity.WARNING
    scope = "document"  # whether blank lines separate paragraphs is a property of the whole article
    description = "A heading separated from the paragraph above by a single line break where a blank line belongs."

    def check(self, ctx: Context) -> Iterable[Finding]:
        text = ctx.text
        if len(ctx.paragraphs) < 2:
            return  # the article does not use blank lines between paragraphs: nothing is glued
        n = len(text)
        prev_s, prev_e = _line_at(text, 0)
        while prev_e < n:
            s, e = _line_at(text, prev_e + 1)
            above = text[prev_s:prev_e].rstrip()
            line = text[s:e]
            if len(above) >= 60 and above[-1] in _SENTENCE_END and looks_like_heading(line) and e < n:
                ns, ne = _line_at(text, e + 1)
                below = text[ns:ne].strip()
                if not below:
                    yield self._finding(text, prev_e, e, "\n\n" + line.strip())
                elif len(below) >= 60 and not below[0].islower():
                    yield self._finding(text, prev_e, e + 1, "\n\n" + line.strip() + "\n\n")
            prev_s, prev_e = s, e

    def _finding(self, text: str, start: int, end: int, repaired: str) -> Finding:
        return self.finding(
            text,
            start,
            end,
            _("this line looks like a heading glued to the paragraph above: it needs a blank line around it"),
            (repaired,),
            auto=True,
        )


RULES = [DoubleSpace(), TrailingSpace(), LEADING, TAB, OddSpace(), HeadingGlued()]
