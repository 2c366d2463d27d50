"""Bytes to text without guessing wrong silently.

charset-normalizer misreads ordinary French cp1252 as cp1250 or mac_latin2, and one stray cp1252 byte in a UTF-8
file made it decode the whole file wrongly, so the order below is explicit instead.

Order: refuse known binaries by magic bytes; honour BOMs (UTF-32 before UTF-16); strict UTF-8; UTF-16 without a
BOM by NUL parity; else, when most of the file is UTF-8, decode line by line with a cp1252 fallback and remember
which lines needed it; when none of it is, choose among the legacy Western encodings by plausibility.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from editor.core.i18n import N_, _

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", N_("a PNG image")),
    (b"PK\x03\x04", N_("a ZIP archive (or an Office document)")),
    (b"%PDF-", N_("a PDF document")),
    (b"GIF87a", N_("a GIF image")),
    (b"GIF89a", N_("a GIF image")),
    (b"\xff\xd8\xff", N_("a JPEG image")),
    (b"\x1f\x8b", N_("a gzip archive")),
    (b"\x7fELF", N_("an executable program")),
    (b"BZh", N_("a bzip2 archive")),
    (b"\xfd7zXZ\x00", N_("an xz archive")),
    (b"7z\xbc\xaf\x27\x1c", N_("a 7-zip archive")),
    (b"Rar!\x1a\x07", N_("a RAR archive")),
    (b"SQLite format 3\x00", N_("an SQLite database")),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", N_("an old Office document")),
    (b"OggS", N_("an Ogg media file")),
    (b"ID3", N_("an MP3 file")),
    (b"RIFF", N_("a RIFF media file")),
    (b"\x00\x00\x00\x18ftyp", N_("an MP4 video")),
    (b"\x00\x00\x00\x20ftyp", N_("an MP4 video")),
    (b"\x00asm", N_("a WebAssembly module")),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Characters that legacy French/German text is made of, and ones a wrong legacy guess produces.
_LIKELY = frozenset("éèêëàâäçîïôöùûüÿœæßÉÈÊÀÂÇÎÔÙÛÜÖÄŒ«»’‘“”–—…€°")
_UNLIKELY = frozenset("‡†ˆ‰Š‹ŒŽ•˜™š›žŸ¦¨¬¯´¸¹¼½¾¿ÃÅÆÐÑÒÓÕ×ØÝÞãåðñòõ÷øýþ∂∆∏∑√∞∫≈≠≤≥◊ıˇ˘˙˚˛˝ﬁﬂΩπ")


# C0 control bytes other than tab, LF, VT, FF, CR: text has almost none, binary formats are full of them.
_CONTROL_BYTES = tuple(bytes([b]) for b in range(32) if b not in (9, 10, 11, 12, 13))


_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _fallback(err: UnicodeError) -> tuple[str, int]:
    """Error handler: a byte that is not UTF-8 is read as cp1252 (what stray bytes in scraped text nearly are)."""
    assert isinstance(err, UnicodeDecodeError)
    return err.object[err.start : err.end].decode("cp1252", errors="replace"), err.end


codecs.register_error("galley-cp1252", _fallback)


class DecodeError(ValueError):
    """The bytes are not text Galley can read; the message is for the user."""


@dataclass(slots=True)
class Decoded:
    text: str
    encoding: str
    bom: bool = False
    fallback_lines: list[int] = field(default_factory=list)


def sniff_binary(data: bytes) -> str | None:
    """A description of the binary format `data` starts with (in the user's language), or None when it may be text."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return _(what)
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _plausibility(text: str) -> int:
    score = 0
    for ch in text:
        if ch in _LIKELY:
            score += 1
        elif ch in _UNLIKELY or ("\x80" <= ch <= "\x9f"):
            score -= 3
    return score


def _legacy(data: bytes) -> tuple[str, str]:
    best: tuple[int, str, str] | None = None
    for enc in ("cp1252", "iso8859-15", "mac_roman"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = _plausibility(text)
        if best is None or score > best[0]:
            best = (score, enc, text)
    if best is None:  # cp1252 leaves five bytes undefined; latin-1 never fails
        return data.decode("latin-1"), "latin-1"
    return best[2], best[1]


def decode_bytes(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode a file's bytes; `encoding` forces one (the user's "reopen with encoding")."""
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise DecodeError(_("unknown encoding {encoding}").format(encoding=repr(encoding))) from None
        try:
            return Decoded(data.decode(encoding), encoding)
        except UnicodeDecodeError as e:
            raise DecodeError(
                _("not valid {encoding} at byte {offset}").format(encoding=encoding, offset=e.start)
            ) from None

    what = sniff_binary(data)
    if what:
        raise DecodeError(_("this is {what}, not text").format(what=what))

    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(enc), enc, bom=True)
            except UnicodeDecodeError as e:
                message = _("starts with a {encoding} byte-order mark but is not valid {encoding} at byte {offset}")
                raise DecodeError(message.format(encoding=enc, offset=e.start)) from None

    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return Decoded(data.decode(utf16), utf16)
        except UnicodeDecodeError:
            pass

    sample = data[:65536]
    controls = sum(sample.count(b) for b in _CONTROL_BYTES)
    if controls > max(8, len(sample) // 20):
        raise DecodeError(_("this looks like a binary file (it is full of control bytes), not text"))

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return Decoded(text, "utf-8")

    errors = data.decode("utf-8", errors="replace").count("\ufffd") - data.count(b"\xef\xbf\xbd")
    if len(_UTF8_SEQUENCE.findall(data)) >= errors:
        # Mostly UTF-8 with a few stray legacy bytes: keep UTF-8, read each bad byte as cp1252, and say where.
        parts: list[str] = []
        fallback: list[int] = []
        for n, raw in enumerate(data.split(b"\n")):
            try:
                parts.append(raw.decode("utf-8"))
            except UnicodeDecodeError:
                parts.append(raw.decode("utf-8", errors="galley-cp1252"))
                fallback.append(n)
        return Decoded("\n".join(parts), "utf-8", fallback_lines=fallback)

    text, enc = _legacy(data)
    return Decoded(text, enc)
