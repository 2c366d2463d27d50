"""French suggestions for German words left in a French article: a real bilingual dictionary, not a hand list.

Why a dictionary: machine translation leaves any German noun behind (`Haushaltsdebatte`, `Stromausfall`), far more
than a glossary can list. FreeDict's German–French dictionary (built from Wiktionary by WikDict, ~47,000
headwords, Debian package `dict-freedict-deu-fra`) is read here in its dictd form: a sorted `.index`
(headword, offset, length in dictd's base 64) and a dictzip `.dict.dz` (gzip cut into independently inflated
chunks, so one entry costs one or two small chunks). Both are read with the standard library, lazily, once per
process, and only for words a rule already flagged, so the check pays nothing for articles without German.

How candidates are ranked: the dictionary lists senses in Wiktionary order (the usual meaning first); within that
order, translations that are frequent in French (`wordfreq`, which ships its data) come first, and where the
French context shows a gender or number (`la …`, `les …`) candidates whose gender clashes with it drop
back and every candidate takes the number it shows.

When the whole word is not in the dictionary, German inflection endings are tried (`Kommentare` → `Kommentar`,
plural), then compounds are split into known parts joined by German linking letters (`Atom|kraftwerk`,
`Haushalt|s|debatte`) and translated head first (`centrale électrique de atome` is never written: the French
article and elision belong to the context checks, so the phrase is built with `de` + the modifier's translation and
elided here, `d'atome`).

German-form transliterations of Russian and Ukrainian names (`Wolgograd`, `Dostojewski`, `Jekaterinburg`) get the
French transliteration by rule (w→v, sch→ch, tsch→tch, ch→kh, u→ou, j→ï/i, s→s/z/ss…); each ambiguous letter
yields a few variants, and the French dictionary or French word frequencies confirm which one French writes.
"""

from __future__ import annotations

import difflib
import itertools
import math
import re
import threading
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from editor.core import frequencies
from editor.core.frequencies import FrequencyTable

DICTD_DIRS = ("/usr/share/dictd", "/usr/local/share/dictd", "/opt/homebrew/share/dictd", "/usr/share/freedict")
DICT_NAME = "freedict-deu-fra"
_B64 = {c: i for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")}
_MAX_SUGGESTIONS = 4
# ranking weights (Zipf units), tuned on the tune half of benchmarks/quality_damage.py: frequency matters more than
# the dictionary's sense order, and a gender that clashes with the determiner before the word costs most; a bonus
# for a fitting gender or for a translation repeated across senses did not help
SENSE_COST = 0.4  # each later sense of the entry
PLACE_COST = 0.3  # each later translation within a sense
GENDER_CLASH = 1.2


def _b64(s: str) -> int:
    n = 0
    for c in s:
        n = n * 64 + _B64[c]
    return n


# ---------------------------------------------------------------------------------------------------------------
# dictd files


class Dictzip:
    """Random access to a dictzip file (gzip with an `RA` extra field listing its chunks), inflating only the chunks
    an entry touches; a plain gzip file without that field is inflated whole, once."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._data = path.read_bytes()
        self._chunks: list[tuple[int, int]] = []  # (start, compressed size)
        self._chunk_len = 0
        self._whole: bytes | None = None
        self._cache: dict[int, bytes] = {}
        self._parse_header()

    def _parse_header(self) -> None:
        d = self._data
        if d[:2] != b"\x1f\x8b":
            self._whole = d  # an uncompressed `.dict`
            return
        flags = d[3]
        pos = 10
        ra: bytes | None = None
        if flags & 4:  # FEXTRA
            xlen = int.from_bytes(d[pos : pos + 2], "little")
            extra = d[pos + 2 : pos + 2 + xlen]
            pos += 2 + xlen
            i = 0
            while i + 4 <= len(extra):
                sub, size = extra[i : i + 2], int.from_bytes(extra[i + 2 : i + 4], "little")
                if sub == b"RA":
                    ra = extra[i + 4 : i + 4 + size]
                i += 4 + size
        for flag in (8, 16):  # FNAME, FCOMMENT: zero-terminated
            if flags & flag:
                pos = d.index(b"\0", pos) + 1
        if flags & 2:  # FHCRC
            pos += 2
        if ra is None or len(ra) < 6:
            self._whole = zlib.decompress(d, 16 + zlib.MAX_WBITS)
            return
        self._chunk_len = int.from_bytes(ra[2:4], "little")
        count = int.from_bytes(ra[4:6], "little")
        for k in range(count):
            size = int.from_bytes(ra[6 + 2 * k : 8 + 2 * k], "little")
            self._chunks.append((pos, size))
            pos += size

    def _chunk(self, k: int) -> bytes:
        got = self._cache.get(k)
        if got is None:
            start, size = self._chunks[k]
            got = zlib.decompressobj(-zlib.MAX_WBITS).decompress(self._data[start : start + size])
            if len(self._cache) > 256:
                self._cache.clear()
            self._cache[k] = got
        return got

    def read(self, offset: int, length: int) -> bytes:
        if self._whole is not None:
            return self._whole[offset : offset + length]
        first, last = offset // self._chunk_len, (offset + length - 1) // self._chunk_len
        if last >= len(self._chunks):
            return b""
        blob = b"".join(self._chunk(k) for k in range(first, last + 1))
        start = offset - first * self._chunk_len
        return blob[start : start + length]


@dataclass(frozen=True, slots=True)
class Entry:
    """One dictionary entry: the headword as written (capitalised for nouns), its part of speech, and the French
    translations of each sense, in the dictionary's order."""

    headword: str
    pos: str  # "n", "v", "adj", "pn" (proper noun) or ""
    senses: tuple[tuple[str, ...], ...]


_HEADER_RE = re.compile(r"<([a-z]+)")
_SENSE_RE = re.compile(r"\d{1,2}\. ")
_TRAILING_SENSE_RE = re.compile(r" \d{1,2}\.$")
_PARENS_RE = re.compile(r"\([^()]{0,60}\)")


def parse_entry(body: str) -> Entry:
    """Read one dictd entry: a header line, then for each sense a line of comma-separated French translations
    (numbered `N. ` when there are several) followed by German definition lines (sub-senses are ` N.` lines)."""
    lines = body.split("\n")
    header = lines[0]
    headword = header.split(" /", 1)[0].split(" <", 1)[0].strip()
    m = _HEADER_RE.search(header)
    pos = m.group(1) if m else ""
    senses: list[tuple[str, ...]] = []
    for i, line in enumerate(lines[1:]):
        numbered = _SENSE_RE.match(line)
        if not numbered and i != 0:
            continue
        line = _TRAILING_SENSE_RE.sub("", line[numbered.end() :] if numbered else line)
        words = []
        for t in line.split(","):
            t = _PARENS_RE.sub("", t.split("#", 1)[0]).strip()
            if t and len(t) <= 60 and not any(c in t for c in "/:;[]()"):
                words.append(" ".join(t.split()))
        if words:
            senses.append(tuple(words))
    return Entry(headword, pos, tuple(senses))


def _lines(text: str, size: int = 1 << 16) -> Iterator[str]:
    """`text.splitlines()`, a stretch of lines at a time: one call over the 0.9 MB index held the interpreter lock
    for 4-10 ms, which stops the editor's GUI thread when the index loads in a worker thread."""
    start = 0
    while start < len(text):
        end = text.find("\n", start + size)
        end = len(text) if end < 0 else end + 1
        yield from text[start:end].splitlines()
        start = end


class Bilingual:
    """A dictd dictionary: the index held as headword (lower case) → its `offset<TAB>length` fields, decoded and
    parsed only for the words looked up (loading stays a plain pass over 47,000 lines)."""

    def __init__(self, index: Path, data: Path) -> None:
        self.index: dict[str, str] = {}
        text = index.read_text(encoding="utf-8", errors="replace")
        for line in _lines(text):
            head, _, where = line.partition("\t")
            head = head.lower()
            self.index[head] = f"{self.index[head]}\n{where}" if head in self.index else where
        self._data = Dictzip(data)
        self._lock = threading.Lock()

    def __contains__(self, word: str) -> bool:
        return word.lower() in self.index

    @lru_cache(maxsize=4096)  # noqa: B019 - one dictionary per process, never freed
    def entries(self, word: str) -> tuple[Entry, ...]:
        out = []
        where_all = self.index.get(word.lower())
        for where in where_all.split("\n") if where_all else ():
            offset, _, length = where.partition("\t")
            if not offset or not length.strip():
                continue
            try:
                span = _b64(offset), _b64(length.strip())
            except KeyError:
                continue  # a malformed index line
            with self._lock:
                body = self._data.read(*span)
            out.append(parse_entry(body.decode("utf-8", errors="replace")))
        return tuple(out)


def find_files(name: str = DICT_NAME) -> tuple[Path, Path] | None:
    for folder in DICTD_DIRS:
        index, data = Path(folder, f"{name}.index"), Path(folder, f"{name}.dict.dz")
        if not data.is_file():
            data = Path(folder, f"{name}.dict")
        if index.is_file() and data.is_file():
            return index, data
    return None


_lock = threading.Lock()
_loaded: dict[str, Bilingual | None] = {}


def dictionary(name: str = DICT_NAME) -> Bilingual | None:
    """The German–French dictionary, loaded on first use; None when it is not installed or unreadable."""
    with _lock:
        if name not in _loaded:
            files = find_files(name)
            try:
                _loaded[name] = Bilingual(*files) if files else None
            except (OSError, ValueError, zlib.error):
                _loaded[name] = None
        return _loaded[name]


# ---------------------------------------------------------------------------------------------------------------
# French side: frequency, gender, plural


_TOKEN_RE = re.compile(r"[^\W_]+")
_tables: dict[str, FrequencyTable] = {}
_table_lock = threading.Lock()


def _frequency_table(size: str) -> FrequencyTable:
    """wordfreq's French list (`small`: 31k words, `large`: 311k) as word → bucket (Zipf = 9 - bucket / 100).

    The small list ranks translations; the large one is read only to confirm rarer names and common words.
    """
    with _table_lock:
        table = _tables.get(size)
        if table is None:
            try:
                table = frequencies.load(size)
            except Exception:  # a missing or unreadable list only loses the ranking, never the check
                table = frequencies.FrequencyTable()
            _tables[size] = table
        return table


def has_frequencies(size: str = "small") -> bool:
    """Whether wordfreq's list of that size could be read (without it, callers fall back to what they did before)."""
    return bool(_frequency_table(size))


@lru_cache(maxsize=65536)
def zipf(phrase: str, size: str = "small") -> float:
    """How common a French word or phrase is (Zipf scale: 0 = unknown, 7 = `de`), combined over its words as wordfreq
    does (the rarest word dominates)."""
    table = _frequency_table(size)
    words = _TOKEN_RE.findall(phrase.lower())
    if not words or not table:
        return 0.0
    inverse = 0.0
    for w in words:
        bucket = table.get(w)
        if bucket is None:
            return 0.0
        inverse += 10 ** (bucket / 100)  # 1 / frequency
    return round(9 - math.log10(inverse), 2)


_genders: dict[str, str] | None = None


def french_gender(noun: str) -> str:
    """`mas`, `fem` or `` (unknown or either) for a French noun, from the morphology the French hunspell dictionary
    carries (`débat/S.() po:nom is:mas`); the file is read once, on the first translation that needs a gender."""
    global _genders
    with _lock:
        if _genders is None:
            _genders = _read_genders()
    return _genders.get(noun.lower(), "")


def _read_genders() -> dict[str, str]:
    """Noun (lower case) → gender, derived once per dictionary and then read from the disk cache."""
    from editor.core import morphology

    return morphology.disk_cached("genders", _derive_genders)


def _derive_genders() -> dict[str, str]:
    """Noun (lower case) → gender, from the entries `editor.core.morphology` already holds (the dictionary file is
    not read a second time)."""
    from editor.core import morphology

    out: dict[str, str] = {}
    for stem, lines in morphology.raw_entries().items():
        if "po:nom" not in lines:
            continue
        low = stem.lower()
        key = stem if low == stem else low
        for line in lines.split("\n"):
            if "po:nom" not in line:
                continue
            tags = line.partition("\t")[2]
            gender = "mas" if "is:mas" in tags else "fem" if "is:fem" in tags else "epi"
            if out.get(key, gender) != gender:
                gender = "epi"
            out[key] = gender
    return {k: ("" if v == "epi" else v) for k, v in out.items()}


_BREAK_WORDS = frozenset({"de", "du", "des", "à", "au", "aux", "en", "pour", "sur", "par", "contre", "sans"})


def pluralise(phrase: str) -> str:
    """The plural of a French noun phrase: its words up to the first preposition (`pannes de courant`,
    `débats budgétaires`), each by the regular rules, kept only when the French dictionary knows the result."""
    from editor.core.spelling import SpellUnavailable, service

    words = phrase.split(" ")
    out = []
    inside = True
    for w in words:
        if w.lower() in _BREAK_WORDS or "'" in w or "’" in w:
            inside = False
        if not inside or not w[:1].isalpha():
            out.append(w)
            continue
        if w.endswith(("s", "x", "z")):
            cands = [w]
        elif w.endswith("al"):
            cands = [w[:-2] + "aux", w + "s"]
        elif w.endswith("ail"):
            cands = [w[:-3] + "aux", w + "s"]  # travaux, but détails: the dictionary decides
        elif w.endswith(("eau", "au", "eu")):
            cands = [w + "x", w + "s"]
        else:
            cands = [w + "s"]
        pick = cands[0]
        try:
            known = [c for c in cands if service("fr").check(c)]
            pick = known[0] if known else pick
        except SpellUnavailable:
            pass
        out.append(pick)
    return " ".join(out)


_DE_VOWEL_RE = re.compile(r"\bde (?=[aeiouyàâéèêëîïôûœæ])")


def elide_de(phrase: str) -> str:
    """`de` before a vowel becomes `d'` (`centrale d'atome`); mute or aspirated h is left to the context checks."""
    return _DE_VOWEL_RE.sub("d'", phrase)


# ---------------------------------------------------------------------------------------------------------------
# German side: inflection and compounds

_NOUN_ENDINGS = ("innen", "nen", "ern", "en", "er", "es", "em", "e", "n", "s")
_LINKS = ("", "s", "es", "n", "en", "e", "er", "ns")
_PLURAL_ENDINGS = ("innen", "nen", "ern", "en", "er", "e", "n")
_UMLAUT = str.maketrans("äöü", "aou")


def _deinflect(d: Bilingual, word: str) -> Iterator[tuple[str, bool]]:
    """Dictionary headwords `word` may be an inflected form of, with whether the ending marks a plural."""
    low = word.lower()
    if low in d.index:
        yield low, False
    for ending in _NOUN_ENDINGS:
        if len(low) - len(ending) < 3 or not low.endswith(ending):
            continue
        stem = low[: -len(ending)]
        plural = ending in _PLURAL_ENDINGS and word[:1].isupper()
        for cand in (stem, stem.translate(_UMLAUT)) if any(c in stem for c in "äöü") else (stem,):
            if cand in d.index:
                yield cand, plural


@dataclass(frozen=True, slots=True)
class Candidate:
    french: str
    score: float
    pos: str
    plural: bool  # the German form was a plural


def _entry_candidates(d: Bilingual, headword: str, word: str, plural: bool) -> list[Candidate]:
    out = []
    capitalised = word[:1].isupper()
    for entry in d.entries(headword):
        noun_entry = entry.headword[:1].isupper()
        # a capitalised word mid-sentence is a noun; a lower-case one is rather not (though `fazit` lost its capital)
        bonus = 0.0 if noun_entry == capitalised else -1.0
        for i, sense in enumerate(entry.senses[:6]):
            for j, french in enumerate(sense[:6]):
                score = zipf(french.lower()) - SENSE_COST * i - PLACE_COST * j + bonus
                out.append(Candidate(french, score, entry.pos, plural))
    return out


def _direct(d: Bilingual, word: str) -> list[Candidate]:
    """The exact headword's translations, else those of the first ending that leads to an entry; a capitalised
    word is a noun, so a verb headword (`antworten`) gives way to the noun its ending leads to (`Antwort` + -en)."""
    first: list[Candidate] = []
    for headword, plural in _deinflect(d, word):
        found = _entry_candidates(d, headword, word, plural)
        if not found:
            continue
        if not word[:1].isupper() or any(e.headword[:1].isupper() for e in d.entries(headword)):
            return found
        first = first or found
    return first


def _splits(d: Bilingual, low: str, depth: int = 0) -> Iterator[tuple[str, ...]]:
    """Ways to cut a lower-case compound into dictionary words (modifiers first, head last), longest head first."""
    for i in range(3, len(low) - 3):
        head, modifier = low[i:], low[:i]
        if not any(h for h, _ in _deinflect(d, head)):
            continue
        stems = [modifier[: len(modifier) - len(link)] for link in _LINKS if modifier.endswith(link)]
        stems = [stem for stem in stems if len(stem) >= 3]
        for stem in stems:
            if stem in d.index:
                yield (stem, head)
        if depth == 0:
            for stem in stems:
                for parts in _splits(d, stem, 1):
                    yield (*parts, head)


def _best_splits(d: Bilingual, low: str) -> list[tuple[str, ...]]:
    """The likeliest cuts: fewest parts, then the longest head (`Haushalt|s|entwurf`, not `Haus|halt|s|entwurf`)."""
    found = list(dict.fromkeys(itertools.islice(_splits(d, low), 24)))
    return sorted(found, key=lambda parts: (len(parts), -len(parts[-1])))[:3]


def _compound(d: Bilingual, word: str) -> list[Candidate]:
    """Translations of a compound the dictionary does not list: head first, then `de` + each modifier."""
    for parts in _best_splits(d, word.lower()):
        head = _direct(d, parts[-1].capitalize() if word[:1].isupper() else parts[-1])
        if not head:
            continue
        head = sorted(head, key=lambda c: -c.score)[:2]
        mods: list[list[Candidate]] = []
        for m in parts[:-1]:
            found = sorted(_direct(d, m.capitalize()), key=lambda c: -c.score)[:2]
            if not found:
                break
            mods.append(found)
        else:
            out = []
            # a plural linking ending (`Waffen|lieferungen`) makes the French modifier plural: `livraisons d'armes`
            low = word.lower()
            link = low[len(parts[0]) : len(low) - len(parts[-1])] if len(parts) == 2 else ""
            plural_mod = link in ("en", "n", "er", "e")
            for h in head:
                for combo in itertools.product(*mods) if mods else [()]:
                    mod_words = [pluralise(m.french.lower()) if plural_mod else m.french.lower() for m in combo]
                    phrase = h.french + "".join(f" de {w}" for w in reversed(mod_words))
                    score = h.score + sum(m.score for m in combo) / 2 - 1.0
                    out.append(Candidate(elide_de(phrase), score, h.pos, h.plural))
            return out
    return []


# ---------------------------------------------------------------------------------------------------------------
# Suggestions


@dataclass(frozen=True, slots=True)
class Hints:
    """What the French context says about the word's slot: gender and number of the determiner before it, and
    whether the suggestion starts a sentence or heading (then it takes a capital)."""

    gender: str = ""  # "mas", "fem" or ""
    plural: bool | None = None
    capital: bool = False


_DETERMINERS = {
    "le": ("mas", False),
    "un": ("mas", False),
    "du": ("mas", False),
    "au": ("mas", False),
    "ce": ("mas", False),
    "cet": ("mas", False),
    "son": ("", False),
    "mon": ("", False),
    "la": ("fem", False),
    "une": ("fem", False),
    "cette": ("fem", False),
    "sa": ("fem", False),
    "ma": ("fem", False),
    "les": ("", True),
    "des": ("", True),
    "aux": ("", True),
    "ces": ("", True),
    "ses": ("", True),
    "leurs": ("", True),
    "plusieurs": ("", True),
    "quelques": ("", True),
    "nos": ("", True),
    "vos": ("", True),
    "mes": ("", True),
}
_PREVIOUS_WORD_RE = re.compile(r"([^\W\d_]{1,12})[ \u00a0]{1,2}$")


def hints_at(text: str, start: int) -> Hints:
    """Read the determiner just before `start` (`la Haushaltsdebatte`: feminine singular) and whether `start`
    begins a sentence, a line or the text."""
    before = text[max(0, start - 16) : start]
    m = _PREVIOUS_WORD_RE.search(before)
    gender, plural = _DETERMINERS.get(m.group(1).lower(), ("", None)) if m else ("", None)
    stripped = text[max(0, start - 4) : start].rstrip(" \u00a0\t«“\"'(")
    capital = not stripped or stripped.endswith(("\n", ".", "!", "?", "…", ":"))
    if stripped.endswith(":"):
        capital = False
    return Hints(gender, plural, capital)


def translate(word: str, hints: Hints = Hints(), limit: int = _MAX_SUGGESTIONS) -> tuple[str, ...]:
    """French translations of a German word, best first; empty when the dictionary is missing or knows nothing.

    Ranked by French frequency and sense order; candidates whose gender clashes with the determiner before the word
    drop back, and every candidate takes the number the context (or the German ending) shows.
    """
    d = dictionary()
    if d is None or not word or len(word) > 60:
        return ()
    return _translate(d, word, hints, limit)


@lru_cache(maxsize=8192)
def _translate(d: Bilingual, word: str, hints: Hints, limit: int) -> tuple[str, ...]:
    cands = _direct(d, word) or _compound(d, word)
    if not cands:
        return ()
    scored: dict[str, tuple[float, Candidate]] = {}
    for c in cands:
        score = c.score
        if hints.gender and c.pos == "n":
            g = french_gender(c.french.split(" ", 1)[0])
            score -= GENDER_CLASH if g and g != hints.gender else 0.0
        key = c.french.lower()
        if key not in scored or scored[key][0] < score:
            scored[key] = (score, c)
    out: list[str] = []
    for _score, c in sorted(scored.values(), key=lambda sc: (-sc[0], sc[1].french)):
        french = c.french
        plural = hints.plural if hints.plural is not None else c.plural
        if plural and c.pos in ("n", ""):
            french = pluralise(french)
        if french[:1].isupper() and c.pos != "pn" and french.lower() in scored:
            continue  # `Chancelier, chancelier`: the lower-case spelling is the common noun
        if hints.capital:
            french = french[:1].upper() + french[1:]
        if french not in out:
            out.append(french)
        if len(out) >= limit:
            break
    return tuple(out)


# ---------------------------------------------------------------------------------------------------------------
# Names: German transliteration of Russian and Ukrainian → French transliteration

_VOWELS = "aeiouyäöü"
# German spelling → French spellings, most likely first; the longest German spelling at a position wins
_TRANSLIT: dict[str, tuple[str, ...]] = {
    "schtsch": ("chtch",),
    "tsch": ("tch",),
    "sch": ("ch", "j"),
    "ch": ("kh",),
    "ss": ("ss",),
    "w": ("v",),
    "z": ("ts", "z"),
    "u": ("ou",),
    "ju": ("iou",),
    "ja": ("ia",),
    "jo": ("io",),
    "je": ("ie", "e"),
}
_TRANSLIT_KEYS = sorted(_TRANSLIT, key=len, reverse=True)
_SLAVIC_RE = re.compile(
    r"(?:ow|ew|jew|owa|ewa|jewa|ski|skij|skyj|ska|zki|zkij|witsch|owna|ewna|grad|enko|tschuk|schuk|ij|yj|jow)$"
)
_MAX_VARIANTS = 96


def _name_options(low: str) -> list[tuple[str, ...]]:
    """The French spellings of each piece of a lower-case German-form name, piece by piece."""
    pieces: list[tuple[str, ...]] = []
    i = 0
    n = len(low)
    while i < n:
        prev = low[i - 1] if i else ""
        key = next((k for k in _TRANSLIT_KEYS if low.startswith(k, i)), "")
        ch = low[i]
        if key and not (key.startswith("j") and prev and prev not in _VOWELS):
            if key.startswith("j") and prev:  # after a vowel: й + vowel (Dostojewski → Dostoïevski)
                pieces.append(("ï" + key[1:].replace("u", "ou"), "i" + key[1:].replace("u", "ou")))
            else:
                pieces.append(_TRANSLIT[key])
            i += len(key)
            if key.endswith("sch") and low.startswith("o", i):
                pieces.append(("o", "e"))  # ё after a hushing consonant: Gorbatschow → Gorbatchev
                i += 1
            continue
        nxt = low[i + 1] if i + 1 < n else ""
        if ch == "j":
            if not nxt or nxt not in _VOWELS:
                pieces.append(("",) if prev in "iy" else ("ï", "i"))  # Tolstoj → Tolstoï, -skij → -ski
            else:
                pieces.append(("i",))  # after a consonant: a soft sign and a vowel (`Iljitsch`)
        elif ch == "s" and prev in _VOWELS and nxt and nxt in _VOWELS and prev:
            pieces.append(("ss", "z", "s"))
        elif ch == "s" and not prev and nxt in _VOWELS:
            pieces.append(("s", "z"))
        elif ch == "i" and prev in "aeo" and prev and (not nxt or nxt not in _VOWELS):
            pieces.append(("ï", "i"))  # Tschaikowski → Tchaïkovski, Alexei → Alexeï
        else:
            pieces.append((ch,))
        i += 1
    return pieces


def transliterations(name: str) -> list[str]:
    """French spellings of a German-form Russian or Ukrainian name, the rule's first choice first."""
    low = name.lower()
    pieces = _name_options(low)
    out: list[str] = []
    for combo in itertools.islice(itertools.product(*pieces), _MAX_VARIANTS):
        word = "".join(combo)
        word = word[:1].upper() + word[1:]
        if word.lower() != low and word not in out:
            out.append(word)
    return out


def looks_slavic(name: str) -> bool:
    """A name built like a German-form transliteration from Russian or Ukrainian (`-ow`, `-witsch`, `-ski`)."""
    low = name.lower()
    return len(low) >= 4 and (bool(_SLAVIC_RE.search(low)) or "tsch" in low)


def suggest_for(text: str, start: int, end: int, maybe_name: bool = False) -> tuple[str, ...]:
    """French suggestions for German text the `foreign` rule flagged: the dictionary's translations in the
    context's gender, number and case, else (for a name) its French transliteration.

    `maybe_name`: the rule was unsure the capitalised word is a common noun; next to another capitalised word or
    inside a hyphenated word (`Lucille Ball`, `Schwarz-Gelben`) it is then taken for part of a name and never
    translated, only written the French way when it is a transliterated one.
    """
    word = text[start:end]
    if maybe_name and _in_a_name(text, start, end):
        return french_name(word, confirmed_only=True) if " " not in word else ()
    found = translate(word, hints_at(text, start))
    if found:
        return _same_apostrophes(found, text[max(0, start - 3000) : end + 3000])
    if " " in word or not word[:1].isupper():
        return found
    return french_name(word, confirmed_only=not looks_slavic(word))


_NEXT_CAPITAL_RE = re.compile(r"[ \u00a0]([A-ZÀ-ÖØ-Þ][^\W\d_]{0,30})")
_PREVIOUS_CAPITAL_RE = re.compile(r"([A-ZÀ-ÖØ-Þ][^\W\d_]{0,30})[ \u00a0]$")


def _in_a_name(text: str, start: int, end: int) -> bool:
    """Joined by a hyphen to another word, or next to a capitalised word that is no French word in lower case
    (`Lucille Ball`, but not `la Seconde Weltkrieg` nor `Le Krieg` at a sentence start)."""
    if text[start - 1 : start] == "-" or text[end : end + 1] == "-":
        return True
    m = _NEXT_CAPITAL_RE.match(text, end)
    if m and not _french_word(m.group(1)):
        return True
    m = _PREVIOUS_CAPITAL_RE.search(text[max(0, start - 33) : start])
    if m is None or m.group(1).lower() in _DETERMINERS or _french_word(m.group(1)):
        return False
    return not hints_at(text, start - len(m.group())).capital


def _french_word(word: str) -> bool:
    from editor.core.spelling import SpellUnavailable, service

    try:
        return service("fr").check(word.lower())
    except SpellUnavailable:
        return False


def _same_apostrophes(found: tuple[str, ...], around: str) -> tuple[str, ...]:
    """Write apostrophes as the article does (`droits de l'homme` in an article typed with straight ones)."""
    curly, straight = "’" in around, "'" in around
    if curly == straight:
        return found
    old, new = ("’", "'") if straight else ("'", "’")
    return tuple(dict.fromkeys(f.replace(old, new) for f in found))


def french_name(name: str, confirmed_only: bool = False) -> tuple[str, ...]:
    """The French form of a German-form name: the bilingual dictionary's when it lists the name (`Moskau` →
    `Moscou`), else the transliterations the French dictionary or French usage confirms, best known first; with
    none confirmed, the rule's first choice unless `confirmed_only`."""
    if not name[:1].isupper() or not name.isalpha():
        return ()
    return _french_name(dictionary(), name, confirmed_only)


@lru_cache(maxsize=8192)
def _french_name(d: Bilingual | None, name: str, confirmed_only: bool) -> tuple[str, ...]:
    from editor.core.spelling import SpellUnavailable, service

    low = name.lower()
    if d is not None and low in d.index:
        # the dictionary's French name, when it is the same name (`Moskau` → `Moscou`); `Schmidt` → `Lefebvre` is
        # a translated surname meaning, not a spelling
        listed = [
            t
            for e in d.entries(name)
            for s in e.senses
            for t in s
            if t[:1].isupper() and t != name and difflib.SequenceMatcher(None, low, t.lower()).ratio() >= 0.6
        ]
        if listed:
            return tuple(dict.fromkeys(listed))[:_MAX_SUGGESTIONS]
    variants = transliterations(name)
    own = zipf(low, "large")  # how often French writes the name as it stands (`Wagner`, `Schubert`)
    if not variants or own >= 2.5:
        return ()
    known: list[tuple[float, str]] = []
    for v in variants[:32]:
        try:
            in_dict = service("fr").check(v)
        except SpellUnavailable:
            in_dict = False
        freq = zipf(v.lower(), "large")
        if (in_dict or freq >= 1.5) and freq > own:
            known.append(((3.0 if in_dict else 0.0) + freq, v))
    if known:
        return tuple(v for _f, v in sorted(known, key=lambda fv: -fv[0]))[:_MAX_SUGGESTIONS]
    return () if confirmed_only or own >= 1.5 else (variants[0],)


_GERMAN_SPELLING_RE = re.compile(r"w|j|sch|ch|u|z")


def may_be_transliterated(name: str) -> bool:
    """Cheap test before `french_name`: the bilingual dictionary lists the name, or it is built like a German-form
    Russian or Ukrainian name, or it holds a letter German transliteration writes differently from French."""
    if looks_slavic(name):
        return True
    d = dictionary()
    return (d is not None and name.lower() in d.index) or bool(_GERMAN_SPELLING_RE.search(name.lower()))
