"""Encoding damage: mojibake, HTML entities left in text, control, invisible and bidi characters, lost characters.

Mojibake repair is ftfy's, with a configuration that only undoes encoding damage: ftfy's defaults
would also straighten curly quotes, unfold ligatures, decode entities and normalise, which changes correct news
copy. ftfy costs about a second per megabyte, so it only sees the lines where a cheap regex finds a
character pair that mojibake produces (a UTF-8 lead byte read in a single-byte code page, then a continuation
byte), and only when its own detector (`is_bad`) agrees. Correct French (`été`, `«`) never forms such a pair.

Soft hyphens (U+00AD) are removed automatically, reported as `info`: they are hyphenation hints for a renderer,
invisible in plain text, yet they split words for search, spell checking and duplicate detection. Removing them
never changes what a reader sees in Galley's outputs (plain text, Markdown, HTML re-flow the text anyway).

Zero-width joiners and non-joiners are only reported between Latin letters: inside emoji sequences (👨‍👩‍👧) and in
scripts that need them (Arabic, Persian, Indic) they are correct. Bidi controls are fixed automatically only when
the line holds no right-to-left letter; next to Hebrew or Arabic they may be deliberate, so they are only listed.
"""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html.entities import html5

import ftfy
import ftfy.bad_codecs  # registers the sloppy-windows-125x codecs
from ftfy import TextFixerConfig
from ftfy.badness import is_bad
from rapidfuzz.distance import Levenshtein

from editor.core.findings import Finding, Severity
from editor.core.i18n import N_, _, ngettext
from editor.core.rules.base import Context, Rule, pattern_rule
from editor.core.spelling import available, service

FTFY_CONFIG = TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=True,
    remove_control_chars=False,
    normalization=None,
    explain=True,
)

_CODECS = ("latin-1", "cp1252", "cp1250", "cp1251", "mac_roman", "cp437", "cp850", "iso8859_2", "cp1254")


def _decoded(codec: str, values: range) -> set[str]:
    out: set[str] = set()
    for b in values:
        try:
            out.add(bytes([b]).decode(codec))
        except UnicodeDecodeError:
            pass
    return out


def _class(chars: set[str]) -> str:
    return "".join(re.escape(c) for c in sorted(chars))


# Mac Roman puts French typography (’ « » … – — and the no-break space) among its lead bytes; leaving them out keeps
# every `l’été` from reaching the detector, at no cost in recall (real Mac Roman mojibake has letters nearby).
_LEADS = set().union(*(_decoded(c, range(0xC2, 0xF5)) for c in _CODECS)) - set("’‘“”«»…–—\xa0‚„‹›·")
_CONTS = set().union(*(_decoded(c, range(0x80, 0xC0)) for c in _CODECS))
# A UTF-8 lead byte then a continuation byte, both read in a single-byte code page: mojibake's fingerprint.
MOJIBAKE_HINT_RE = re.compile(f"[{_class(_LEADS)}][{_class(_CONTS)}]")

_EXPLAIN = {
    "latin-1": "Latin-1",
    "sloppy-windows-1252": "Windows-1252",
    "windows-1252": "Windows-1252",
    "sloppy-windows-1250": "Windows-1250",
    "windows-1250": "Windows-1250",
    "sloppy-windows-1251": "Windows-1251",
    "windows-1251": "Windows-1251",
    "macroman": "Mac Roman",
    "cp437": N_("DOS code page 437"),
}

_MAX_DIFF = 10_000  # longer lines get one finding from the first to the last changed character
# (the alignment is a bit-parallel Levenshtein in C: ~n*m/64 words of memory, so it is capped)


@dataclass(frozen=True, slots=True)
class Repair:
    start: int
    end: int
    replacement: str
    how: str


def _describe(explanation: Sequence[tuple[str, str]] | None) -> str:
    if not explanation:
        return _("mixed-up encodings")
    encoded = [arg for step, arg in explanation if step == "encode"]
    if encoded:
        return _("UTF-8 text that was read as {encoding}").format(encoding=_(_EXPLAIN.get(encoded[0], encoded[0])))
    applied = {arg for _step, arg in explanation}
    if "decode_inconsistent_utf8" in applied:
        return _("UTF-8 text partly read as Windows-1252")
    if "fix_c1_controls" in applied:
        return _("Windows-1252 punctuation read as Latin-1 control characters")
    return _("mixed-up encodings")


def _regions(a: str, b: str) -> list[tuple[int, int, int, int]]:
    """Changed stretches of `a` (widened to whole words) with their counterparts in `b`."""
    if len(a) > _MAX_DIFF or len(b) > _MAX_DIFF:
        p = 0
        limit = min(len(a), len(b))
        while p < limit and a[p] == b[p]:
            p += 1
        s = 0
        while s < limit - p and a[len(a) - 1 - s] == b[len(b) - 1 - s]:
            s += 1
        return [(p, len(a) - s, p, len(b) - s)]
    ops = [(o.tag, o.src_start, o.src_end, o.dest_start, o.dest_end) for o in Levenshtein.opcodes(a, b)]
    spans: list[list[int]] = []
    for tag, i1, i2, _j1, _j2 in ops:
        if tag == "equal":
            continue
        s, e = i1, i2
        while s > 0 and not a[s - 1].isspace():
            s -= 1
        while e < len(a) and not a[e].isspace():
            e += 1
        spans.append([s, e])
    spans.sort()
    merged: list[list[int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])

    def to_b(pos: int) -> int:
        for _tag, i1, i2, j1, j2 in ops:
            if i1 <= pos < i2 or (pos == i2 == len(a)):
                if _tag == "equal":
                    return j1 + (pos - i1)
                return j1 if pos == i1 else j2
            if pos == i1:
                return j1
        return len(b)

    return [(s, e, to_b(s), to_b(e) if e < len(a) else len(b)) for s, e in merged]


_WINDOW = 160  # context ftfy sees on each side of a suspicious pair (it costs ~1 s per MB: not whole lines)


def _snap_left(text: str, pos: int, floor: int) -> int:
    while pos > floor and not text[pos - 1].isspace():
        pos -= 1
    return pos


def _snap_right(text: str, pos: int, ceiling: int) -> int:
    while pos < ceiling and not text[pos].isspace():
        pos += 1
    return pos


def _plausible(s: str) -> bool:
    """Whether a repair reads as text: no word mixes scripts (`lՎt`) or opens with a floating accent (`̩t`).

    ftfy sometimes picks a code page that decodes a stretch into such garbage (a line holding `’é` and `Ã©` read
    back as Mac Roman); a repair that is not plausible is not made.
    """
    for word in s.split():
        scripts = {unicodedata.name(c, "?").split(" ", 1)[0] for c in word if c.isalpha()}
        if len(scripts) > 1:
            return False
        if unicodedata.category(word[0]) == "Mn":  # (after a symbol it may be meant: `$̶6̶3̶`, `(ง'̀⌣'́)ง`)
            return False
    return True


# Letters each language writes beyond ASCII: a word decoded on its own, without ftfy's view of the whole line,
# must come out in them. ftfy leaves `DrÃ¥ber` next to `–` alone on purpose (Latin-1 or Mac Roman?); `Dråber`
# is no French word, while `cÅ“ur` → `cœur` and `Ã©tÃ©` → `été` are.
_ALPHABETS = {"fr": "àâäçéèêëîïôöùûüÿœæ", "de": "äöüß", "en": ""}


def _in_alphabet(s: str, lang: str) -> bool:
    letters = _ALPHABETS.get(lang)
    return letters is None or all(c.isascii() or not c.isalpha() or c.lower() in letters for c in s)


def _fixed_regions(chunk: str) -> tuple[list[tuple[int, int, str]], str] | None:
    """ftfy's repair of `chunk` as changed regions, or None when it repairs nothing plausible."""
    if not is_bad(chunk):
        return None
    fixed, explanation = ftfy.fix_and_explain(chunk, FTFY_CONFIG)
    if fixed == chunk:
        return None
    regions = [(s, e, fixed[fs:fe]) for s, e, fs, fe in _regions(chunk, fixed) if chunk[s:e] != fixed[fs:fe]]
    if not regions or not all(_plausible(r) for _, _, r in regions):
        return None
    return regions, _describe(explanation)


def _repair_window(text: str, start: int, end: int, out: list[Repair], lang: str) -> None:
    found = _fixed_regions(text[start:end])
    if found is None:
        _repair_words(text, start, end, out, lang)
        return
    regions, how = found
    out.extend(Repair(start + s, start + e, r, how) for s, e, r in regions)


def _repair_words(text: str, start: int, end: int, out: list[Repair], lang: str) -> None:
    """ftfy on each run of suspicious words alone, for a window it could not repair whole; then the dictionary.

    ftfy decodes a stretch as a whole: correct accents next to mojibake (`été cÅ“ur`) make the stretch
    undecodable, and only some mojibake sequences are repaired piecemeal. Word by word, each one decodes. A few
    capitals (`ÃŽle`, `Å’uvre`) look plausible to ftfy's detector; they are decoded when the dictionary knows the
    decoded word and not the garbled one.
    """
    runs: list[list[int]] = []
    for m in MOJIBAKE_HINT_RE.finditer(text, start, end):
        s, e = _snap_left(text, m.start(), start), _snap_right(text, m.end(), end)
        if runs and s - runs[-1][1] <= 3 and not text[runs[-1][1] : s].strip():
            runs[-1][1] = max(runs[-1][1], e)
        else:
            runs.append([s, e])
    for s, e in runs:
        found = _fixed_regions(text[s:e])
        if found is not None and all(_in_alphabet(r, lang) for _, _, r in found[0]):
            regions, how = found
            out.extend(Repair(s + a, s + b, r, how) for a, b, r in regions)
            continue
        for w in _TOKEN_RE.finditer(text, s, e):
            decoded = _dictionary_decode(w.group(), lang)
            if decoded is not None:
                out.append(
                    Repair(
                        w.start(),
                        w.end(),
                        decoded,
                        _("UTF-8 text that was read as {encoding}").format(encoding="Windows-1252"),
                    )
                )


_TOKEN_RE = re.compile(r"\S++")
_PAIR_RE = re.compile(f"[{_class(_LEADS)}][{_class(_CONTS)}]{{1,3}}")
_WORD_RE = re.compile(r"[^\W\d_]++")


def _decode_pair(m: re.Match[str]) -> str:
    seq = m.group()
    for codec in ("sloppy-windows-1252", "latin-1"):
        for n in range(len(seq), 1, -1):
            try:
                return seq[:n].encode(codec).decode("utf-8") + seq[n:]
            except UnicodeError:
                continue
    return seq


def _dictionary_decode(token: str, lang: str) -> str | None:
    """`token` with its byte pairs decoded as UTF-8, when that turns unknown words into dictionary words."""
    decoded = _PAIR_RE.sub(_decode_pair, token)
    if decoded == token or not available(lang):
        return None
    spell = service(lang)
    before = _WORD_RE.findall(token)
    after = _WORD_RE.findall(decoded)
    if after and all(spell.check(w) for w in after) and not all(spell.check(w) for w in before):
        return decoded
    return None


# An HTML character reference inside a mojibake stretch (`c&acirc;€™Ã©tait`, `dÃ&copy;cision`, `voil&Atilde;&nbsp;`)
# hides a byte ftfy needs: on the raw stretch its repair is garbage (`c&acirc;۪̩tait`), or no pair is seen at all.
# So mojibake is looked for in the text as the entity rule leaves it, and each repair replaces the raw stretch,
# references included, in the same pass. Left for a later pass, the stretch's other bytes would be fair game for the
# other rules meanwhile: the no-break space that is the second byte of `à` in `jusqu&rsquo;Ã` + U+00A0 + `.` was
# removed as a space before the period, leaving `jusqu’Ã.`. The references that stay (`&lt;`, only suggested) are
# ASCII, never a byte of mojibake.


def _decoded_in_repair(value: str) -> bool:
    """Whether a mojibake repair decodes a reference standing for `value` (one character, decoded automatically)."""
    return len(value) == 1 and value not in _NOT_AUTO_ENTITIES


class _Decoded:
    """A text with the character references a mojibake repair decodes decoded, and the way back to raw positions.

    Only the references are remembered (not one entry per character), so a long article with a few costs little.
    """

    def __init__(self, raw: str) -> None:
        parts: list[str] = []
        self._at: list[int] = []  # where each decoded reference lies in the decoded text
        self._end: list[int] = []  # where it ends in the raw text
        pos = 0
        size = 0
        for m in _ENTITY_RE.finditer(raw):
            if m.start() < pos:
                continue
            found = _reference_at(raw, m)
            if found is None or not _decoded_in_repair(found[0]):
                continue
            parts += [raw[pos : m.start()], found[0]]
            size += m.start() - pos
            self._at.append(size)
            self._end.append(found[1])
            size += 1
            pos = found[1]
        parts.append(raw[pos:])
        self.text = "".join(parts)

    def raw(self, pos: int) -> int:
        """The raw position of the decoded position `pos` (a boundary between characters)."""
        k = bisect_left(self._at, pos)
        return pos if k == 0 else self._end[k - 1] + (pos - self._at[k - 1] - 1)


def mojibake_repairs(ctx: Context) -> list[Repair]:
    """Mojibake stretches in the text with ftfy's repair, computed once per context and shared by the rules.

    Suspicious pairs close together on one line form a window, widened by `_WINDOW` characters on each side to
    white space (never past the line); ftfy judges and repairs each window. Short lines are one window, so the
    result is ftfy's own on them.
    """

    def compute() -> list[Repair]:
        if "&" not in ctx.text:
            return _mojibake_repairs(ctx.text, ctx.lang)
        decoded = _Decoded(ctx.text)
        if decoded.text == ctx.text:
            return _mojibake_repairs(ctx.text, ctx.lang)
        raw = decoded.raw
        return [
            Repair(raw(r.start), raw(r.end), r.replacement, r.how) for r in _mojibake_repairs(decoded.text, ctx.lang)
        ]

    return ctx.memo("encoding.mojibake", compute)


def _mojibake_repairs(text: str, lang: str) -> list[Repair]:
    """The repairs of `mojibake_repairs` on `text`, in its positions."""
    out: list[Repair] = []
    win: list[int] | None = None  # [line start, line end, first hint, last hint end]
    for m in MOJIBAKE_HINT_RE.finditer(text):
        if win is not None and m.start() < win[1] and m.start() - win[3] <= 2 * _WINDOW:
            win[3] = m.end()
            continue
        if win is not None:
            _repair_hints(text, win, out, lang)
        ls = text.rfind("\n", 0, m.start()) + 1
        le = text.find("\n", m.end())
        win = [ls, len(text) if le < 0 else le, m.start(), m.end()]
    if win is not None:
        _repair_hints(text, win, out, lang)
    if "Ã" in text:
        out = _a_grave_repairs(text, out)
    return out


def _repair_hints(text: str, win: list[int], out: list[Repair], lang: str) -> None:
    """Repair the stretch of hints `win` ([line start, line end, first hint, last hint end]) with `_WINDOW`
    characters of context on each side, within its line."""
    ls, le, a, b = win
    _repair_window(
        text, _snap_left(text, max(ls, a - _WINDOW), ls), _snap_right(text, min(le, b + _WINDOW), le), out, lang
    )


# `à` is C3 A0 in UTF-8; read as Latin-1 it becomes `Ã` and a no-break space, which copying and HTML normalisation
# often turn into a plain space (`Ã  la`, then `Ã la` once double spaces are collapsed). The bytes C3 20 are never
# UTF-8, so `Ã` before a plain space is that `à`, also where ftfy's detector does not see it (a line that also holds
# correct accents). `Ã` itself is no French letter, and in Portuguese it never ends a lower-case word.
_A_GRAVE_RE = re.compile("Ã\u00a0*+ [ \u00a0]*+")


def _lower_case_near(text: str, start: int, end: int) -> bool:
    """Lower-case letters in the word before or after: French prose, not capitals spaced out (`S Ã O`)."""
    before = text[max(0, start - 24) : start].split()
    after = text[end : end + 24].split()
    return any(c.islower() for w in (before[-1:] + after[:1]) for c in w)


def _a_grave_repairs(text: str, repairs: list[Repair]) -> list[Repair]:
    """`repairs` plus the `Ã ` that no ftfy window repaired, each widened to its word; sorted and disjoint."""
    extra: list[Repair] = []
    for m in _A_GRAVE_RE.finditer(text):
        s = m.start()
        if (s > 0 and text[s - 1].isupper()) or _inside(repairs, s) or not _lower_case_near(text, s, m.end()):
            continue
        word = _snap_left(text, s, text.rfind("\n", 0, s) + 1)
        tail = " " if m.end() < len(text) and text[m.end()] != "\n" else ""
        extra.append(Repair(word, m.end(), text[word:s] + "à" + tail, _("UTF-8 text read as Latin-1")))
    if not extra:
        return repairs
    return sorted(repairs + extra, key=lambda r: r.start)


def _inside(repairs: list[Repair], pos: int) -> bool:
    """Is `pos` inside a mojibake stretch (repairs are sorted and disjoint)?"""
    i = _bisect(repairs, pos)
    return i >= 0 and repairs[i].start <= pos < repairs[i].end


def _in_mojibake(ctx: Context, m: re.Match[str]) -> bool:
    """Whether a match lies in text a mojibake repair rewrites whole (that repair deals with it)."""
    return _inside(mojibake_repairs(ctx), m.start())


def _bisect(repairs: list[Repair], pos: int) -> int:
    lo, hi = 0, len(repairs)
    while lo < hi:
        mid = (lo + hi) // 2
        if repairs[mid].start <= pos:
            lo = mid + 1
        else:
            hi = mid
    return lo - 1


class Mojibake(Rule):
    id = "encoding.mojibake"
    severity = Severity.ERROR
    description = "Text decoded with the wrong encoding (`Ã©` for `é`, `â€™` for `’`), repaired with ftfy."

    def check(self, ctx: Context) -> Iterable[Finding]:
        for r in mojibake_repairs(ctx):
            yield self.finding(
                ctx.text,
                r.start,
                r.end,
                _("garbled characters (mojibake: {how}); the repair restores them").format(how=r.how),
                (r.replacement,),
                auto=True,
            )


_ENTITY_RE = re.compile(
    r"&[ \t]?(?:#[ \t]?(?P<dec>[0-9]{1,7})|#[ \t]?[xX](?P<hex>[0-9A-Fa-f]{1,6})|(?P<name>[A-Za-z][A-Za-z0-9]{1,31}))"
    r"(?P<semi>[ \t]?;)?"
)
_DOUBLE_RE = re.compile(r"(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_BARE_ENTITIES = {"amp", "nbsp", "quot"}  # entities still recognised without their ';' when followed by a non-letter
_MAX_ESCAPES = 8  # `&amp;amp;amp;…` decoded to the end: each pass of a careless CMS adds one level
_NOT_AUTO_ENTITIES = {"<", ">"}  # `&lt;b&gt;` may be an article about HTML: decoding it would create live markup


def _entity_value(m: re.Match[str]) -> str | None:
    if m.group("dec") or m.group("hex"):
        code = int(m.group("dec"), 10) if m.group("dec") else int(m.group("hex"), 16)
        if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            return None
        if not m.group("semi") and m.group("dec") is None:
            return None
        return html.unescape(f"&#{code};")
    name = m.group("name")
    if m.group("semi"):
        for candidate in (name, name.lower()):
            if candidate + ";" in html5:
                return html5[candidate + ";"]
        return None
    if name.lower() in _BARE_ENTITIES and " " not in m.group():
        return html5[name.lower() + ";"]
    return None


def _reference_at(text: str, m: re.Match[str]) -> tuple[str, int, int] | None:
    """What the reference matched by `m` stands for, where it ends and how many times it was escaped (decoded to
    the end: `&amp;eacute;` is `é`), or None when it is no reference."""
    end = m.end()
    if not m.group("semi") and end < len(text) and (text[end].isalnum() or text[end] == "_"):
        return None
    value = _entity_value(m)
    if value is None:
        return None
    depth = 1
    while value == "&" and depth < _MAX_ESCAPES:
        inner = _DOUBLE_RE.match(text, end)  # `&amp;eacute;`, `&amp;amp;#233;`: an entity escaped again
        full = _ENTITY_RE.fullmatch("&" + inner.group()) if inner is not None else None
        deeper = _entity_value(full) if full is not None else None
        if inner is None or deeper is None:
            break
        value, end, depth = deeper, inner.end(), depth + 1
    return value, end, depth


class HtmlEntity(Rule):
    id = "encoding.html-entity"
    severity = Severity.WARNING
    description = "HTML entities left in the text (`&amp;`, `&#233;`, `& nbsp ;`), decoded."

    def check(self, ctx: Context) -> Iterable[Finding]:
        text = ctx.text
        repairs: list[Repair] | None = None
        mojibake = ctx.config.wants(Mojibake.id)
        for m in _ENTITY_RE.finditer(text):
            found = _reference_at(text, m)
            if found is None:
                continue
            value, end, depth = found
            if mojibake and _decoded_in_repair(value):
                repairs = mojibake_repairs(ctx) if repairs is None else repairs
                if _inside(repairs, m.start()):
                    continue  # a byte of a mojibake stretch, which its repair decodes
            shown = {"\xa0": _("a no-break space"), "\u202f": _("a narrow no-break space")}.get(value, value)
            if depth == 1:
                message = _("HTML entity left in the text; it stands for {value}").format(value=shown)
            elif depth == 2:
                message = _("HTML entity escaped twice; it stands for {value}").format(value=shown)
            else:
                message = _("HTML entity escaped {count} times; it stands for {value}").format(count=depth, value=shown)
            yield self.finding(text, m.start(), end, message, (value,), auto=value not in _NOT_AUTO_ENTITIES)


# A run of control characters, terminal colour codes (`\x1b[1m`, whose `[1m` is no text either) included.
_CONTROL_RE = re.compile(r"(?>(?:\x1b\[[0-9;]{0,32}[A-Za-z]|[\x00-\x08\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f-\x9f]|\x1b)+)")
_LINE_SEPARATORS = frozenset("\x0b\x0c")  # Word's manual line break, the page break: between words, a line break


def _c1_meaning(ch: str) -> str:
    if "\x80" <= ch <= "\x9f":
        try:
            return ch.encode("latin-1").decode("cp1252")
        except UnicodeDecodeError:
            return ""
    return ""


class ControlChar(Rule):
    id = "encoding.control-char"
    severity = Severity.WARNING
    description = "Control characters (C0, DEL, C1) in the text; C1 ones usually are Windows-1252 punctuation."

    def check(self, ctx: Context) -> Iterable[Finding]:
        text = ctx.text
        repairs: list[Repair] | None = None
        for m in _CONTROL_RE.finditer(text):
            if repairs is None:
                repairs = mojibake_repairs(ctx)
            if _inside(repairs, m.start()):
                continue
            run = m.group()
            replacement = "".join(_c1_meaning(c) for c in run)
            codes = " ".join(f"U+{ord(c):04X}" for c in run[:4]) + (" …" if len(run) > 4 else "")
            glued = (
                m.start() > 0 and m.end() < len(text) and not (text[m.start() - 1].isspace() or text[m.end()].isspace())
            )
            if run.startswith("\x1b[") and len(run) > 2:
                message = _("terminal colour or style code left in the text; removed")
            elif not replacement and glued and any(c in _LINE_SEPARATORS for c in run):
                replacement = "\n"
                message = _("control character {codes}: a line or page break; made a line break").format(codes=codes)
            elif replacement:
                message = _(
                    "control character {codes}: Windows-1252 punctuation decoded as Latin-1; it means {replacement}"
                ).format(codes=codes, replacement=replacement)
            else:
                message = _("invisible control character {codes} (no meaning in text); removed").format(codes=codes)
            yield self.finding(text, *m.span(), message, (replacement,), auto=True)


_INVISIBLE_RE = re.compile(r"[\u200b\u200c\u200d\u2060\u2061-\u2064\ufeff\u180e]++")
_INVISIBLE_NAMES = {
    "\u200b": N_("zero-width space"),
    "\u200c": N_("zero-width non-joiner"),
    "\u200d": N_("zero-width joiner"),
    "\u2060": N_("word joiner"),
    "\ufeff": N_("byte order mark"),
    "\u180e": N_("Mongolian vowel separator"),
}


def _latin_context(ch: str) -> bool:
    """A neighbour where invisible joiners make no sense: nothing, white space, ASCII, Latin letters and marks."""
    return not ch or ord(ch) < 0x0370 or ch.isspace() or 0x2000 <= ord(ch) <= 0x206F


class Invisible(Rule):
    id = "encoding.invisible"
    severity = Severity.WARNING
    description = "Zero-width spaces, joiners between Latin letters, word joiners and stray byte order marks."

    def check(self, ctx: Context) -> Iterable[Finding]:
        text = ctx.text
        for m in _INVISIBLE_RE.finditer(text):
            if _in_mojibake(ctx, m):
                continue
            run = m.group()
            before = text[m.start() - 1] if m.start() else ""
            after = text[m.end()] if m.end() < len(text) else ""
            if "\ufeff" not in run and not (_latin_context(before) and _latin_context(after)):
                continue  # emoji sequences and scripts that need joiners
            names = sorted({_(_INVISIBLE_NAMES[c]) if c in _INVISIBLE_NAMES else f"U+{ord(c):04X}" for c in run})
            message = _("invisible character ({names}): it splits words for search and spell checking; removed")
            yield self.finding(text, *m.span(), message.format(names=", ".join(names)), ("",), auto=True)


_BIDI_RE = re.compile(r"[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]++")
_RTL_RE = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")


class BidiControl(Rule):
    id = "encoding.bidi-control"
    severity = Severity.WARNING
    description = "Bidirectional controls (LRM, RLM, embeddings, overrides, isolates) in left-to-right text."

    def check(self, ctx: Context) -> Iterable[Finding]:
        text = ctx.text
        line_end = -1
        rtl = False
        for m in _BIDI_RE.finditer(text):
            if _in_mojibake(ctx, m):
                continue
            if m.start() > line_end:  # one look per line, not per character (linear on long lines)
                ls = text.rfind("\n", 0, m.start()) + 1
                le = text.find("\n", m.end())
                line_end = len(text) if le < 0 else le
                rtl = _RTL_RE.search(text, ls, line_end) is not None
            if rtl:
                message = _("bidirectional control character next to right-to-left text: probably deliberate, check it")
                yield self.finding(text, *m.span(), message, severity=Severity.INFO)
            else:
                message = _(
                    "invisible bidirectional control character in left-to-right text: it can reorder what readers "
                    "see; removed"
                )
                yield self.finding(text, *m.span(), message, ("",), auto=True)


SOFT_HYPHEN = pattern_rule(
    "encoding.soft-hyphen",
    r"\u00ad++",
    "soft hyphen (invisible hyphenation hint): it splits the word for search and spell checking; removed",
    "",
    description="Soft hyphens (hyphenation hints from HTML `&shy;`), invisible but splitting words.",
    fires=(("Un mot in\u00adcroyable.", "Un mot incroyable."), ("in\u00ad\u00adcroyable", "incroyable")),
    quiet=("Un mot incroyable.", "un trait-d'union"),
    severity=Severity.INFO,
    auto=True,
    skip=_in_mojibake,
)


_REPLACEMENT_RE = re.compile(r"\ufffd++")


class ReplacementChar(Rule):
    id = "encoding.replacement-char"
    severity = Severity.ERROR
    description = "U+FFFD replacement characters: characters lost when the text was decoded."

    def check(self, ctx: Context) -> Iterable[Finding]:
        text = ctx.text
        for m in _REPLACEMENT_RE.finditer(text):
            n = len(m.group())
            message = ngettext(
                "a character was lost when the text was decoded (shown as �); restore from the source",
                "{count} characters were lost when the text was decoded (shown as �); restore from the source",
                n,
            )
            yield self.finding(text, *m.span(), message.format(count=n))


RULES = [Mojibake(), HtmlEntity(), ControlChar(), Invisible(), BidiControl(), SOFT_HYPHEN, ReplacementChar()]
