"""Typography of numbers in French: thousands grouped by a no-break space, ordinal abbreviations, units.

- `1.000.000` (the German format) is `info` and never automatic: older French copy uses it too (4 in 900 sentences
  of clean regional news), and `1.000` may be an English decimal.
- Thousands grouped by a plain space or not at all (`20 000`, `10000 euros`), ordinals written `2e` or `2ème` rather
  than `2ᵉ`, units glued to their number (`18kg`, `20%`) are conventions French news legitimately varies on: an
  article that keeps one throughout gets one `info` (see `ConventionRule`), the places that break its habit are
  warnings. `2ème` is wrong by every French style guide but the house style of many newspapers.
- A unit in the wrong case (`Kg`, `Km`) is always a warning, since no style writes them so.
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
    ParagraphRule,
    is_protected,
    profile,
    words,
)
from editor.core.rules.base import Context, Rule

_NB = NBSP + NNBSP


def thousands(ctx: Context) -> str:
    """The thousands separator of the profile: U+202F in Switzerland, U+00A0 elsewhere."""
    return NNBSP if profile(ctx) == "fr-CH" else NBSP


_GERMAN_NUMBER_RE = re.compile(r"(?<![\w.,])\d{1,3}(?>(?:\.\d{3})+)(?:,\d++)?(?![\d.]|,\d)")
_SPACED_NUMBER_RE = re.compile(r"(?<![\w.,\u00a0\u202f])\d{1,3}(?>(?: \d{3})+)(?![\w]|[.,]\d)")
_LONG_NUMBER_RE = re.compile(r"(?<![\w.,/\-+#°№])[1-9]\d{4,}+(?![\w]|[.,/\-]\d)")
_QUANTITY_WORDS = (
    r"(?:euros?|dollars?|francs|livres|habitants|personnes|"
    r"soldats|morts|victimes|emplois|salariés|mètres|tonnes|litres|hectares|kilomètres|km|kg|µA|mA|kW|MW|€|\$|%)"
)
_FOUR_DIGITS_RE = re.compile(
    r"(?<![\w.,\u00a0\u202f])([1-9])(\d{3})(?=[ \u00a0\u202f]" + _QUANTITY_WORDS + r"(?![\w]))"
)
_PREV_TOKEN_RE = re.compile(r"(\S++)[ \t\u00a0]*+$")
_ID_WORDS = words("n no nr tél tel code réf ref numéro dossier compte siret siren isbn issn id")


class GermanNumberFormat(ParagraphRule):
    id = "typography.number-format"
    gate = re.compile(r"\d\.\d{3}")
    triggers = "0123456789"
    severity = Severity.INFO
    languages = frozenset({"fr"})
    description = "French groups thousands with a no-break space, not a period"

    def scan(self, ctx: Context, start: int, end: int) -> Iterator[Finding]:
        text = ctx.text
        sep = thousands(ctx)
        for m in _GERMAN_NUMBER_RE.finditer(text, start, end):
            s, e = m.span()
            if is_protected(ctx, s):
                continue
            yield self.finding(
                text, s, e, _("German number format: French writes 1 000 000"), (text[s:e].replace(".", sep),)
            )


_NB_NUMBER_RE = re.compile(r"(?<![\w.,\u00a0\u202f])\d{1,3}(?>(?:[\u00a0\u202f]\d{3})+)(?![\w]|[.,]\d)")


def _grouped(digits: str, sep: str) -> str:
    head = len(digits) % 3 or 3
    return sep.join([digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)])


class NumberSpacing(ConventionRule):
    """Thousands grouped by a no-break space (`20 000`). Whether an article groups its numbers at all and whether
    it groups them with a no-break space are conventions: one `info` for an article that writes `20 000` or
    `20000` throughout, warnings for the numbers that break the article's own habit."""

    id = "typography.number-spacing"
    gate = re.compile(r"\d[ \u00a0\u202f]\d{3}|[1-9]\d{4}|[1-9]\d{3}[ \u00a0\u202f]" + _QUANTITY_WORDS)
    triggers = "0123456789"
    severity = Severity.INFO
    languages = frozenset({"fr"})
    description = "thousands separated by a no-break space"

    def conventions(self, ctx: Context) -> dict[str, Convention]:
        return {
            "grouping": Convention(
                "grouped",
                {"grouped": _("thousands grouped (20 000)"), "none": _("thousands not grouped (20000)")},
            ),
            "nbsp": Convention(
                "nb",
                {"nb": _("a no-break space between thousands"), "plain": _("a plain space between thousands")},
            ),
            # four digits are often left whole (`6000 personnes`; the SI brochure says it is customary): never a
            # deviation worth a warning
            "four": Convention(
                "grouped",
                {"grouped": _("thousands grouped (20 000)"), "none": _("four-digit numbers not grouped (6000)")},
                deviation=Severity.INFO,
            ),
        }

    def observe(self, ctx: Context, start: int, end: int) -> Iterator[Finding | Occurrence]:
        text = ctx.text
        sep = thousands(ctx)
        for m in _NB_NUMBER_RE.finditer(text, start, end):
            own = m.group()
            digits = "".join(c for c in own if c.isdigit())
            yield Occurrence("grouping", "grouped", m.start(), m.end(), {"grouped": own, "none": digits}, "")
            forms = {"nb": own, "plain": own.replace(NBSP, " ").replace(NNBSP, " ")}
            yield Occurrence("nbsp", "nb", m.start(), m.end(), forms, "")
        msg = _("a no-break space between thousands keeps the number on one line")
        for m in _SPACED_NUMBER_RE.finditer(text, start, end):
            own = m.group()
            digits = own.replace(" ", "")
            yield Occurrence("grouping", "grouped", m.start(), m.end(), {"grouped": own, "none": digits}, "")
            yield Occurrence("nbsp", "plain", m.start(), m.end(), {"nb": own.replace(" ", sep), "plain": own}, msg)
        msg = _("a quantity of thousands is grouped by three")
        for m in _FOUR_DIGITS_RE.finditer(text, start, end):
            own = m.group()
            forms = {"grouped": m.group(1) + sep + m.group(2), "none": own}
            yield Occurrence("four", "none", m.start(), m.end(), forms, msg)
        msg = _("group long numbers by three")
        for m in _LONG_NUMBER_RE.finditer(text, start, end):
            s, e = m.span()
            prev = _PREV_TOKEN_RE.search(text, max(start, s - 16), s)
            if prev:
                tok = prev.group(1)
                if tok.isupper() or tok[-1] in "°#:" or tok.lower().rstrip(".") in _ID_WORDS:
                    continue  # `ISBN 284...`, `n° 12345`, `tél. 0612...`: identifiers, not quantities
            if e + 1 < end and text[e] == " " and text[e + 1].isupper():
                continue  # `75001 Paris`: a postal code
            digits = m.group()
            yield Occurrence("grouping", "none", s, e, {"grouped": _grouped(digits, sep), "none": digits}, msg)


_ORDINAL_WRONG_RE = re.compile(
    r"(?<![\w.,])(\d{1,4})[ \u00a0]?(ième|ieme|ème|eme|éme|ière|iere|ère|ere|ier|nde|nd)(s?)(?![\w])"
)
_ORDINAL_ROMAN_WRONG_RE = re.compile(r"(?<![\w.,])([IVXLC]{1,7})[ \u00a0]?(ièmes?|èmes?|iers?|ndes?|nds?)(?![\w’'\-])")
_ORDINAL_PLAIN_RE = re.compile(r"(?<![\w.,])(\d{1,4}|I|V|X|[IVXLC]{2,7})(er|re|e)(s?)(?![\w’'\-])")
_SUPER = {"e": "ᵉ", "er": "ᵉʳ", "re": "ʳᵉ", "d": "ᵈ", "de": "ᵈᵉ"}


def _ordinal_suffix(n: str, raw: str) -> str | None:
    """The correct abbreviation for a wrongly written ordinal (`3ème` → `e`), or None when it is not one."""
    first = n == "1"
    if raw in ("ième", "ieme", "ème", "eme", "éme"):
        return "er" if first else "e"
    if raw in ("ière", "iere", "ère", "ere"):
        return "re" if first else "e"
    if raw == "ier":
        return "er" if first else None
    if n != "2":
        return None
    return "de" if raw == "nde" else "d"


_ORDINAL_SUPER_RE = re.compile(r"(?<![\w.,])(\d{1,4}|[IVXLC]{1,7})(ᵉʳ|ʳᵉ|ᵈᵉ|ᵉ|ᵈ)(ˢ?)(?![\w’'\-])")
_FROM_SUPER = {"ᵉʳ": "er", "ʳᵉ": "re", "ᵈᵉ": "de", "ᵉ": "e", "ᵈ": "d"}
_LONG = {"e": "ème", "er": "er", "re": "ère", "d": "nd", "de": "nde"}


def _ordinal(key_start: int, end: int, n: str, suffix: str, plural: bool, variant: str, msg: str) -> Occurrence:
    """An ordinal written in `variant`, with how it reads superscript (`2ᵉ`), plain (`2e`) and long (`2ème`)."""
    forms = {
        "sup": n + _SUPER[suffix] + ("ˢ" if plural else ""),
        "plain": n + suffix + ("s" if plural else ""),
        "long": n + _LONG[suffix] + ("s" if plural else ""),
    }
    return Occurrence("ordinal", variant, key_start, end, forms, msg)


class Ordinals(ConventionRule):
    """French abbreviates ordinals `2ᵉ`, `1ᵉʳ`, `1ʳᵉ`; `2e` (no superscript) is the form of most plain-text copy and
    `2ème` the house style of many newspapers, though wrong by every style guide. Each is a convention: an article
    that writes one of them throughout gets one `info`, and the ordinals that break its habit are warnings."""

    id = "typography.ordinal"
    gate = re.compile(
        r"\d[ \u00a0]?(?:i[eèé]|[èeé][mr]e|nd)|[IVXLC][ \u00a0]?(?:iè|ier|è|nd)"
        r"|(?:\d|[IVX]|[IVXLC]{2})(?:er|re|e)s?(?![\w’'\-])|[ᵉʳᵈ]"
    )
    severity = Severity.WARNING
    languages = frozenset({"fr"})
    description = "French ordinal abbreviations: 1ᵉʳ, 2ᵉ, XIXᵉ (never 2ème)"

    def conventions(self, ctx: Context) -> dict[str, Convention]:
        labels = {
            "sup": _("ordinals in superscript (2ᵉ, 1ᵉʳ)"),
            "plain": _("ordinals as 2e, 1er, 1re"),
            "long": _("ordinals as 2ème, 1ère"),
        }
        return {"ordinal": Convention("sup", labels)}

    def observe(self, ctx: Context, start: int, end: int) -> Iterator[Finding | Occurrence]:
        text = ctx.text
        for m in _ORDINAL_SUPER_RE.finditer(text, start, end):
            n, sup, plural = m.groups()
            yield _ordinal(m.start(), m.end(), n, _FROM_SUPER[sup], bool(plural), "sup", "")
        for m in _ORDINAL_WRONG_RE.finditer(text, start, end):
            n, raw, plural = m.groups()
            suffix = _ordinal_suffix(n, raw)
            if suffix is not None:
                msg = _("French abbreviates ordinals 2ᵉ, 1ᵉʳ, 1ʳᵉ")
                yield _ordinal(m.start(), m.end(), n, suffix, bool(plural), "long", msg)
        for m in _ORDINAL_ROMAN_WRONG_RE.finditer(text, start, end):
            n, raw = m.groups()
            suffix = _ordinal_suffix("1" if n == "I" else "2" if n == "II" else "3", raw.rstrip("s"))
            if suffix is not None:
                msg = _("French abbreviates ordinals XIXᵉ, Iᵉʳ, IIᵈ")
                yield _ordinal(m.start(), m.end(), n, suffix, raw.endswith("s"), "long", msg)
        for m in _ORDINAL_PLAIN_RE.finditer(text, start, end):
            n, suffix, plural = m.groups()
            if suffix in ("er", "re") and n not in ("1", "I"):
                continue
            msg = _("the ordinal's letters are written as superscripts")
            yield _ordinal(m.start(), m.end(), n, suffix, bool(plural), "plain", msg)


_UNITS = r"(?:%|€|\$|£|km/h|kWh|MWh|GWh|kW|MW|GW|mAh|Ah|kHz|MHz|GHz|Hz|km²|m²|m³|km|cm|mm|kg|mg|ha|°C|Kg|KG|Km|KM)"
_UNIT_RE = re.compile(r"(?<![\w.,])(\d++(?>(?:[.,]\d++)?))([ \u00a0\u202f]?)(" + _UNITS + r")(?![\w²³/%€$£])")
_UNIT_FIX = {"Kg": "kg", "KG": "kg", "Km": "km", "KM": "km"}


class UnitSpace(ConventionRule):
    """A no-break space between a number and its unit (`18 kg`, `40 %`). Whether an article sets its units apart
    at all (`40°C` in a weather column, `20%` in most news copy) and whether with a no-break space are conventions,
    weighed apart for units and for `% € $ £`; a wrongly cased unit (`Kg`) is always a warning, since no style
    writes them so."""

    id = "typography.unit-space"
    gate = re.compile(r"\d[ \u00a0\u202f]?[%€$£kMGmAHch°K]")
    triggers = "0123456789"
    severity = Severity.INFO
    languages = frozenset({"fr"})
    description = "a no-break space between a number and its unit (18 kg)"

    def conventions(self, ctx: Context) -> dict[str, Convention]:
        spacing = {"spaced": _("a space before units (18 kg)"), "glued": _("units glued to the number (18kg)")}
        signs = {"spaced": _("a space before % and currency signs (20 %)"), "glued": _("20% and 20€ glued")}
        nbsp = {"nb": _("a no-break space before units"), "plain": _("a plain space before units")}
        return {
            "unit": Convention("spaced", spacing),
            "sign": Convention("spaced", signs),
            "unit-nbsp": Convention("nb", nbsp),
            "sign-nbsp": Convention("nb", nbsp),
        }

    def observe(self, ctx: Context, start: int, end: int) -> Iterator[Finding | Occurrence]:
        text = ctx.text
        msg = _("a no-break space before the unit")
        for m in _UNIT_RE.finditer(text, start, end):
            num, space, unit = m.groups()
            s, e = m.span()
            fixed = _UNIT_FIX.get(unit, unit)
            if fixed != unit:
                sep = space if space in _NB and space else NBSP
                lower = _("a unit is written in lower case")
                yield self.finding(text, s, e, lower, (num + sep + fixed,), severity=Severity.WARNING)
                continue
            kind = "sign" if unit in "%€$£" else "unit"
            own = m.group()
            nb = own if space and space in _NB else num + NBSP + unit
            if not space:
                yield Occurrence(kind, "glued", s, e, {"spaced": nb, "glued": own}, msg, auto=True)
                continue
            yield Occurrence(kind, "spaced", s, e, {"spaced": own, "glued": num + unit}, "")
            variant = "nb" if space in _NB else "plain"
            yield Occurrence(kind + "-nbsp", variant, s, e, {"nb": nb, "plain": num + " " + unit}, msg, auto=True)


RULES: list[Rule] = [GermanNumberFormat(), NumberSpacing(), Ordinals(), UnitSpace()]
