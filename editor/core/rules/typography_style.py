"""French typography where edited news legitimately differs: spacing before `: ; ! ?`, inside « », and « » against
straight quotes.

Each is a convention (`ConventionRule`): an article that writes `«mot»` or `dit: oui` everywhere keeps a house
style, reported once as `info`; only its deviations are warnings, with the article's own form as first suggestion.
Two conventions are weighed separately for spacing: whether the mark is set apart at all (the visible choice of a
house style), and whether the space is a no-break one (copy very often loses its no-break spaces in plain text).
The profile decides the standard: fr-CA writes no space before `; ! ?`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from editor.core.findings import Finding, Severity
from editor.core.i18n import _
from editor.core.rules._typography_base import (
    NBSP,
    NNBSP,
    Convention,
    ConventionRule,
    Occurrence,
    is_protected,
    profile,
)
from editor.core.rules.base import Context, Rule
from editor.core.rules.typography import _MARK_RUN_RE, _mark_run_skipped, _space_before

_NB = (NBSP, NNBSP)
_GUILLEMET_RE = re.compile(r"[«»]")
_OPENERS = "\n\r([{«“\"'—–"


def _spacing_labels(marks: str) -> dict[str, str]:
    return {
        "spaced": _("a space before {marks}").format(marks=marks),
        "none": _("no space before {marks}").format(marks=marks),
        "nb": _("a no-break space before {marks}").format(marks=marks),
        "plain": _("a plain space before {marks}").format(marks=marks),
    }


class FrenchSpaceBeforeMark(ConventionRule):
    """`mot: suite` is a deviation where the article otherwise spaces the mark, and the article's house style when
    it glues them throughout (English-style web copy, or copy whose no-break spaces were stripped)."""

    id = "typography.nbsp-before-mark"
    triggers = ";:!?"
    severity = Severity.WARNING
    languages = frozenset({"fr"})
    description = "a no-break space before : ; ! ? (as the French profile asks)"

    def conventions(self, ctx: Context) -> dict[str, Convention]:
        if profile(ctx) == "fr-CA":
            return {
                "spacing": Convention("spaced", _spacing_labels(":")),
                "nbsp": Convention("nb", _spacing_labels(":")),
                "ca": Convention("none", _spacing_labels("; ! ?")),
            }
        labels = _spacing_labels(": ; ! ?")
        return {"spacing": Convention("spaced", labels), "nbsp": Convention("nb", labels)}

    def observe(self, ctx: Context, start: int, end: int) -> Iterator[Finding | Occurrence]:
        text = ctx.text
        canada = profile(ctx) == "fr-CA"
        for m in _MARK_RUN_RE.finditer(text, start, end):
            s, e = m.span()
            if _mark_run_skipped(ctx, s, e):
                continue
            mark = text[s]
            want = _space_before(ctx, mark)
            j = s
            while j > start and text[j - 1] in " \t\u00a0\u202f\u2009" and s - j < 64:
                j -= 1
            if j == start or text[j - 1] in _OPENERS:
                continue
            spaces = text[j:s]
            own = spaces + mark
            if not want:  # fr-CA, `; ! ?`: no space at all
                msg = _("no space before « {mark} » in the fr-CA profile").format(mark=mark)
                yield Occurrence("ca", "spaced" if spaces else "none", j, s + 1, {"none": mark, "spaced": own}, msg)
                continue
            if spaces and spaces != " " and spaces not in _NB:
                msg = _("a no-break space before « {mark} », so that a line never starts with it").format(mark=mark)
                yield self.finding(text, j, s + 1, msg, (want + mark,), auto=True, severity=Severity.WARNING)
                continue
            if not spaces:
                msg = _("French puts a no-break space before « {mark} »").format(mark=mark)
                yield Occurrence("spacing", "none", s, s + 1, {"spaced": want + mark, "none": mark}, msg, auto=True)
                continue
            yield Occurrence("spacing", "spaced", j, s + 1, {"spaced": own, "none": mark}, "")
            nb = own if spaces in _NB and not canada else want + mark
            msg = _("a no-break space before « {mark} », so that a line never starts with it").format(mark=mark)
            variant = "nb" if spaces in _NB else "plain"
            yield Occurrence("nbsp", variant, j, s + 1, {"nb": nb, "plain": " " + mark}, msg, auto=True)


class GuillemetSpace(ConventionRule):
    """`«mot»` is a deviation where the article otherwise spaces its guillemets, and its house style (a convention
    of many French sites) when it never does."""

    id = "typography.nbsp-guillemets"
    triggers = "«»"
    severity = Severity.WARNING
    languages = frozenset({"fr"})
    description = "a no-break space inside « »"

    def conventions(self, ctx: Context) -> dict[str, Convention]:
        return {
            "spacing": Convention(
                "spaced",
                {
                    "spaced": _("guillemets with inner spaces (« mot »)"),
                    "none": _("guillemets without inner spaces («mot»)"),
                },
            ),
            "nbsp": Convention(
                "nb",
                {
                    "nb": _("a no-break space inside guillemets"),
                    "plain": _("a plain space inside guillemets"),
                },
            ),
        }

    def observe(self, ctx: Context, start: int, end: int) -> Iterator[Finding | Occurrence]:
        text = ctx.text
        pos = start
        while True:
            o = text.find("«", pos, end)
            c = text.find("»", pos, end)
            if o < 0 and c < 0:
                return
            p = c if o < 0 or (0 <= c < o) else o
            pos = p + 1
            opening = text[p] == "«"
            q = p + 1 if opening else p
            if opening:
                while q < end and text[q] in " \t" and q - p < 64:
                    q += 1
                inner = text[q] if q < end else "\n"
                if inner in "\n\r«»":
                    continue
                if inner in _NB and q == p + 1:
                    q += 1
                span, glued = (p, q), "«"
            else:
                while q > start and text[q - 1] in " \t" and p - q < 64:
                    q -= 1
                inner = text[q - 1] if q > start else "\n"
                if inner in "\n\r«»":
                    continue
                if inner in _NB and q == p:
                    q -= 1
                span, glued = (q, p + 1), "»"
            own = text[span[0] : span[1]]
            nb_form = "«" + NBSP if opening else NBSP + "»"
            plain_form = "« " if opening else " »"
            if own == glued:
                msg = _("a no-break space after «") if opening else _("a no-break space before »")
                yield Occurrence("spacing", "none", *span, {"spaced": nb_form, "none": glued}, msg, auto=True)
                continue
            yield Occurrence("spacing", "spaced", *span, {"spaced": own, "none": glued}, "")
            variant = "nb" if own in ("«" + NBSP, "«" + NNBSP, NBSP + "»", NNBSP + "»") else "plain"
            msg = _("a no-break space after «") if opening else _("a no-break space before »")
            yield Occurrence(
                "nbsp", variant, *span, {"nb": own if variant == "nb" else nb_form, "plain": plain_form}, msg, auto=True
            )


class StraightQuotes(ConventionRule):
    """Straight quotes `"…"` where French writes « »: `info` (pairing straight quotes can be wrong, and many French
    sites quote speech with « » and set a title, a nickname or a term apart with straight quotes, so a straight
    pair among guillemets is no reliable error: 20 such warnings in 31,000 words of edited French), and one `info`
    for the article that quotes with them throughout. Guillemets are never flagged towards straight quotes, and
    straight quotes inside « » are left alone: French marks a quotation within a quotation with them."""

    id = "typography.straight-quotes"
    triggers = '"«»'
    severity = Severity.INFO
    languages = frozenset({"fr"})
    description = "French quotation marks « » rather than straight quotes"

    def conventions(self, ctx: Context) -> dict[str, Convention]:
        labels = {"guillemets": _("quotations in « »"), "straight": _('quotations in straight quotes ("mot")')}
        return {"quotes": Convention("guillemets", labels, deviation=Severity.INFO)}

    def observe(self, ctx: Context, start: int, end: int) -> Iterator[Finding | Occurrence]:
        text = ctx.text
        for m in _GUILLEMET_RE.finditer(text, start, end):  # counted, never flagged
            g = m.group()
            yield Occurrence("quotes", "guillemets", m.start(), m.end(), {"guillemets": g, "straight": g}, "")
        if text.count('"', start, end) % 2:
            return  # an odd count cannot be paired with confidence
        pos = start
        while True:
            a = text.find('"', pos, end)
            if a < 0:
                return
            b = text.find('"', a + 1, end)
            pos = b + 1
            if is_protected(ctx, a) or is_protected(ctx, b) or text.rfind("«", start, a) > text.rfind("»", start, a):
                continue  # a link or code, or a quotation inside a quotation
            k = a
            while k > start and text[k - 1] in " \t" and a - k < 8:
                k -= 1
            if (k > start and text[k - 1] == "=") or text.find("\n", a, b) >= 0:
                continue  # markup attribute debris (`target = "_blank"`), or not a quotation
            a_end = a + 1
            while a_end < b and text[a_end] in " \t":
                a_end += 1
            b_start = b
            while b_start > a_end and text[b_start - 1] in " \t":
                b_start -= 1
            if a_end >= b_start:
                continue
            left, right = text[a:a_end], text[b_start : b + 1]
            yield Occurrence(
                "quotes", "straight", a, a_end, {"guillemets": "«" + NBSP, "straight": left}, _("French quotes: «")
            )
            yield Occurrence(
                "quotes",
                "straight",
                b_start,
                b + 1,
                {"guillemets": NBSP + "»", "straight": right},
                _("French quotes: »"),
            )


RULES: list[Rule] = [FrenchSpaceBeforeMark(), GuillemetSpace(), StraightQuotes()]
