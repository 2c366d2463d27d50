"""Typography of numbers in French: thousands grouped by a no-break space, ordinal abbreviations, units.

- `1.000.000` (the German format) is `info` and never automatic: older French copy uses it too (4 in 900 sentences
  of clean regional news), and `1.000` may be an English decimal.
- Thousands separated by a plain space, or not at all in quantities (`10000 euros`), are `info`: the fix is a
  no-break space, a refinement of correct text.
- Ordinals written `2ème`, `XIXème`, `2nde` are wrong by every French style guide (`2ᵉ`, `XIXᵉ`, `2ᵈᵉ`) but are the
  house style of much edited copy: a warning only where the article otherwise writes them the standard way, `info`
  where that form is its own convention (see `house_style`).
- A unit glued to its number (`18kg`, `40°C`) follows the same logic; a unit in the wrong case (`Kg`, `Km`) is
  always a warning, since no style writes them so.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from editor.core.findings import Finding, Severity, make_finding
from editor.core.i18n import _
from editor.core.rules._typography_base import (
    NBSP,
    NNBSP,
    ParagraphRule,
    is_protected,
    profile,
    style_severity,
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
            yield make_finding(
                text,
                self.id,
                self.severity,
                s,
                e,
                _("German number format: French writes 1 000 000"),
                (text[s:e].replace(".", sep),),
            )


class NumberSpacing(ParagraphRule):
    id = "typography.number-spacing"
    gate = re.compile(r"\d \d{3}|[1-9]\d{4}|[1-9]\d{3}[ \u00a0\u202f]" + _QUANTITY_WORDS)
    triggers = "0123456789"
    severity = Severity.INFO
    languages = frozenset({"fr"})
    description = "thousands separated by a no-break space"

    def scan(self, ctx: Context, start: int, end: int) -> Iterator[Finding]:
        text = ctx.text
        sep = thousands(ctx)
        for m in _SPACED_NUMBER_RE.finditer(text, start, end):
            s, e = m.span()
            msg = _("a no-break space between thousands keeps the number on one line")
            yield make_finding(text, self.id, self.severity, s, e, msg, (text[s:e].replace(" ", sep),))
        for m in _FOUR_DIGITS_RE.finditer(text, start, end):
            s, e = m.span()
            yield make_finding(
                text,
                self.id,
                self.severity,
                s,
                e,
                _("a quantity of thousands is grouped by three"),
                (m.group(1) + sep + m.group(2),),
            )
        for m in _LONG_NUMBER_RE.finditer(text, start, end):
            s, e = m.span()
            prev = _PREV_TOKEN_RE.search(text, max(start, s - 16), s)
            if prev:
                tok = prev.group(1)
                if tok.isupper() or tok[-1] in "°#:" or tok.lower().rstrip(".") in _ID_WORDS:
                    continue  # `ISBN 284...`, `n° 12345`, `tél. 0612...`: identifiers, not quantities
            if e + 1 < end and text[e] == " " and text[e + 1].isupper():
                continue  # `75001 Paris`: a postal code
            digits = text[s:e]
            head = len(digits) % 3 or 3
            groups = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
            yield make_finding(
                text, self.id, self.severity, s, e, _("group long numbers by three"), (sep.join(groups),)
            )


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


_ORDINAL_SUPER_RE = re.compile(r"(?<![\w.,])(?:\d{1,4}|[IVXLC]{1,7})[ᵉʳᵈ]")


def _ordinal_counts(ctx: Context) -> dict[str, tuple[int, int]]:
    """Ordinals written the standard way (`2ᵉ`, `2e`, `1er`) against `2ème`-style ones, in the whole article."""
    text = ctx.text
    standard = sum(1 for _ in _ORDINAL_SUPER_RE.finditer(text))
    standard += sum(1 for m in _ORDINAL_PLAIN_RE.finditer(text) if m.group(2) == "e" or m.group(1) in ("1", "I"))
    other = sum(1 for _ in _ORDINAL_WRONG_RE.finditer(text)) + sum(1 for _ in _ORDINAL_ROMAN_WRONG_RE.finditer(text))
    return {"ordinal": (standard, other)}


class Ordinals(ParagraphRule):
    """`2ème` is a warning where the article otherwise writes `2e`/`2ᵉ`, `info` where it is the article's own
    convention (a newspaper's house style, not damage); `2e` → `2ᵉ` is always `info`."""

    id = "typography.ordinal"
    scope = "document"
    gate = re.compile(
        r"\d[ \u00a0]?(?:i[eèé]|[èeé][mr]e|nd)|[IVXLC][ \u00a0]?(?:iè|ier|è|nd)"
        r"|(?:\d|[IVX]|[IVXLC]{2})(?:er|re|e)s?(?![\w’'\-])"
    )
    severity = Severity.WARNING
    languages = frozenset({"fr"})
    description = "French ordinal abbreviations: 1ᵉʳ, 2ᵉ, XIXᵉ (never 2ème)"

    def scan(self, ctx: Context, start: int, end: int) -> Iterator[Finding]:
        text = ctx.text
        sev = style_severity(ctx, "ordinal", _ordinal_counts)
        for m in _ORDINAL_WRONG_RE.finditer(text, start, end):
            n, raw, plural = m.groups()
            suffix = _ordinal_suffix(n, raw)
            if suffix is None:
                continue
            sup = _SUPER[suffix] + ("ˢ" if plural else "")
            yield make_finding(
                text,
                self.id,
                sev,
                m.start(),
                m.end(),
                _("French abbreviates ordinals 2ᵉ, 1ᵉʳ, 1ʳᵉ"),
                (n + sup,),
            )
        for m in _ORDINAL_ROMAN_WRONG_RE.finditer(text, start, end):
            n, raw = m.groups()
            plural = raw.endswith("s")
            suffix = _ordinal_suffix("1" if n == "I" else "2" if n == "II" else "3", raw.rstrip("s"))
            if suffix is None:
                continue
            yield make_finding(
                text,
                self.id,
                sev,
                m.start(),
                m.end(),
                _("French abbreviates ordinals XIXᵉ, Iᵉʳ, IIᵈ"),
                (n + _SUPER[suffix] + ("ˢ" if plural else ""),),
            )
        for m in _ORDINAL_PLAIN_RE.finditer(text, start, end):
            n, suffix, plural = m.groups()
            if suffix == "er" and n not in ("1", "I"):
                continue
            if suffix == "re" and n not in ("1", "I"):
                continue
            sup = _SUPER[suffix] + ("ˢ" if plural else "")
            yield make_finding(
                text,
                self.id,
                Severity.INFO,
                m.start(),
                m.end(),
                _("the ordinal's letters are written as superscripts"),
                (n + sup,),
            )


_UNITS = r"(?:%|€|\$|£|km/h|kWh|MWh|GWh|kW|MW|GW|mAh|Ah|kHz|MHz|GHz|Hz|km²|m²|m³|km|cm|mm|kg|mg|ha|°C|Kg|KG|Km|KM)"
_UNIT_RE = re.compile(r"(?<![\w.,])(\d++(?>(?:[.,]\d++)?))([ \u00a0\u202f]?)(" + _UNITS + r")(?![\w²³/%€$£])")
_UNIT_FIX = {"Kg": "kg", "KG": "kg", "Km": "km", "KM": "km"}


def _unit_counts(ctx: Context) -> dict[str, tuple[int, int]]:
    """Units set apart from their number (`18 kg`) against units glued to it (`18kg`), in the whole article."""
    spaced = glued = 0
    for m in _UNIT_RE.finditer(ctx.text):
        if m.group(3) not in "%€$£":
            if m.group(2):
                spaced += 1
            else:
                glued += 1
    return {"unit": (spaced, glued)}


class UnitSpace(ParagraphRule):
    """A unit glued to its number (`18kg`) is a warning where the article otherwise spaces its units, `info` where
    gluing them is its convention (`40°C` in a weather column); a wrongly cased unit (`Kg`) is always a warning."""

    id = "typography.unit-space"
    scope = "document"
    gate = re.compile(r"\d[ \u00a0\u202f]?[%€$£kMGmAHch°K]")
    triggers = "0123456789"
    severity = Severity.INFO
    languages = frozenset({"fr"})
    description = "a no-break space between a number and its unit (18 kg)"

    def scan(self, ctx: Context, start: int, end: int) -> Iterator[Finding]:
        text = ctx.text
        for m in _UNIT_RE.finditer(text, start, end):
            num, space, unit = m.groups()
            fixed = _UNIT_FIX.get(unit, unit)
            if fixed == unit and space and space in _NB:
                continue
            glued = not space and unit not in "%€$£"  # `20%` is common in edited copy: only `info`
            if fixed != unit:
                sev = Severity.WARNING
            elif glued:
                sev = style_severity(ctx, "unit", _unit_counts)
            else:
                sev = Severity.INFO
            msg = _("a unit is written in lower case") if fixed != unit else _("a no-break space before the unit")
            sep = space if space in _NB and space else NBSP
            yield make_finding(text, self.id, sev, m.start(), m.end(), msg, (num + sep + fixed,), auto=fixed == unit)


RULES: list[Rule] = [GermanNumberFormat(), NumberSpacing(), Ordinals(), UnitSpace()]
