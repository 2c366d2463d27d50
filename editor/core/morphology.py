"""French morphology read from the hunspell dictionary Galley already spell-checks with.

Why: a replacement is only right if the words around it agree with it (`la` before a feminine noun, `proches`
after `ils sont`). The French hunspell dictionary (Dicollecte) carries the morphology of every entry and of every
suffix rule (`renseignement/S.() po:nom is:mas`, `SFX S. 0 s ... is:pl`), so it answers "what gender and number
is this word" and "what is its feminine plural" without a hand-written word list.

Analysis works the way hunspell's does, backwards: for each ending of the word that some suffix rule adds, the
stem is rebuilt and looked up with that rule's flag. The dictionary (~86k entries) is read once, lazily, on the
first question, and kept for the life of the process; answers are cached per word.
"""

from __future__ import annotations

import re
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from editor.core import marshal_pieces
from editor.core.suggest import _condition, _split_flags, find_dictionary

GENDERS = ("mas", "fem")
NUMBERS = ("sg", "pl")


@dataclass(frozen=True, slots=True)
class Morph:
    """One reading of a word form: its dictionary stem, parts of speech, gender and number.

    `gender` is "mas", "fem", "epi" (both) or "" (unknown); `number` is "sg", "pl", "inv" (both) or "".
    """

    stem: str
    pos: frozenset[str]
    gender: str
    number: str
    flag: str  # the suffix rule family that built this form ("" for the bare entry)

    def is_(self, *kinds: str) -> bool:
        return any(k in self.pos for k in kinds)


_Rule = tuple[str, str, str, re.Pattern[str] | None, tuple[str, ...]]  # flag, strip, add, condition, morph


_Entry = tuple[frozenset[str], tuple[str, ...]]  # an entry's flags and morphological tags


@dataclass(slots=True)
class _Lexicon:
    """The dictionary as read: entries stay as their raw text (flags, a tab, tags; one line per homonym) and are
    parsed only when looked up, which keeps ~86k entries in about a fifth of the memory of parsed tuples."""

    entries: dict[str, str]
    kind: str  # the FLAG syntax of the .aff file
    by_add: dict[str, list[_Rule]]
    by_flag: dict[str, list[_Rule]]
    max_add: int

    def get(self, stem: str) -> tuple[_Entry, ...]:
        raw = self.entries.get(stem)
        return () if raw is None else _parse_entries(raw, self.kind)


@lru_cache(maxsize=8192)
def _parse_entries(raw: str, kind: str) -> tuple[_Entry, ...]:
    out = []
    for line in raw.split("\n"):
        flagstr, _, tags = line.partition("\t")
        flags = frozenset(sys.intern(f) for f in _split_flags(flagstr, kind)) if flagstr else frozenset()
        out.append((flags, tuple(tags.split())))
    return tuple(out)


_lock = threading.Lock()
_loaded: list[_Lexicon | None] = []


def _read(dic: Path, aff: Path) -> _Lexicon:
    kind = "char"
    by_add: dict[str, list[_Rule]] = {}
    by_flag: dict[str, list[_Rule]] = {}
    conditions: dict[str, re.Pattern[str] | None] = {}
    with aff.open(encoding="utf-8", errors="replace") as f:
        for line in f:
            parts = line.split()
            if len(parts) > 1 and parts[0] == "FLAG":
                kind = parts[1]
            if len(parts) < 5 or parts[0] != "SFX":
                continue
            flag, strip, add, cond = parts[1], parts[2], parts[3].split("/", 1)[0], parts[4]
            strip = "" if strip == "0" else strip
            add = "" if add == "0" else add
            if cond not in conditions:
                conditions[cond] = _condition(cond, True)
            rule = (flag, strip, add, conditions[cond], tuple(parts[5:]))
            by_add.setdefault(add, []).append(rule)
            by_flag.setdefault(flag, []).append(rule)
    entries = disk_cached("entries", lambda: _read_entries(dic))
    return _Lexicon(entries, kind, by_add, by_flag, max((len(a) for a in by_add), default=0))


def _read_entries(dic: Path) -> dict[str, str]:
    entries: dict[str, str] = {}
    with dic.open(encoding="utf-8", errors="replace") as f:
        for raw in f:
            if raw[:1] in "\t #":
                continue
            parts = raw.split(None, 1)
            if not parts:
                continue
            stem, _, flagstr = parts[0].partition("/")
            tags = parts[1].strip() if len(parts) > 1 else ""
            if not tags and stem.isdigit():
                continue  # the count on the first line
            line = f"{flagstr}\t{tags}"
            old = entries.get(stem)
            entries[stem] = line if old is None else f"{old}\n{line}"
    return entries


_CACHE_FORMAT = "2"


def disk_cached(kind: str, build: Callable[[], dict[str, str]]) -> dict[str, str]:
    """`build()`, a table derived from the French dictionary, kept in the user's cache folder until the
    dictionary's files change.

    Why: reading the dictionary's 86k entries (and deriving the nouns' genders from them) is a tenth of a second
    or two that every check pays before it can start, on one core, before any worker is forked; a marshalled
    copy loads several times faster.
    """
    found = find_dictionary("fr_FR")
    if found is None:
        return build()
    try:
        st_d, st_a = found[0].stat(), found[1].stat()
        from platformdirs import user_cache_dir

        name = (
            f"fr_FR-{kind}-v{_CACHE_FORMAT}-py{sys.version_info[0]}{sys.version_info[1]}-{st_d.st_size}-"
            f"{int(st_d.st_mtime)}-{st_a.st_size}-{int(st_a.st_mtime)}.marshal"
        )
        path = Path(user_cache_dir("galley", appauthor=False)) / "morphology" / name
    except OSError:
        return build()
    return marshal_pieces.cached(path, build)


def _lexicon() -> _Lexicon | None:
    if not _loaded:
        with _lock:
            if not _loaded:
                found = find_dictionary("fr_FR")
                lex = None
                if found is not None:
                    try:
                        lex = _read(*found)
                    except OSError:
                        lex = None
                _loaded.append(lex)
    return _loaded[0]


def raw_entries() -> dict[str, str]:
    """Every dictionary entry as read: stem → its lines (flags, a tab, tags; one line per homonym)."""
    lex = _lexicon()
    return lex.entries if lex is not None else {}


def available() -> bool:
    """Whether the French dictionary's morphology could be read on this machine."""
    return _lexicon() is not None


def _morph(stem: str, flag: str, base: tuple[str, ...], rule: tuple[str, ...]) -> Morph:
    pos = {t[3:] for t in (*base, *rule) if t.startswith("po:")}
    gender = number = ""
    for tags in (base, rule):  # the rule's own tags override the entry's
        for t in tags:
            v = t[3:]
            if not t.startswith("is:"):
                continue
            if v in ("mas", "fem", "epi"):
                gender = v
            elif v in ("sg", "pl"):
                number = v
            elif v == "inv":
                number = "inv"
    return Morph(stem, frozenset(pos), gender, number, flag)


@lru_cache(maxsize=50_000)
def analyse(word: str) -> tuple[Morph, ...]:
    """Every reading of `word` the dictionary allows (tried as written, then in lower case)."""
    lex = _lexicon()
    if lex is None or not word:
        return ()
    out: list[Morph] = []
    forms = [word] if word.islower() or not word[:1].isupper() else [word, word.lower()]
    for form in forms:
        for k in range(min(len(form), lex.max_add) + 1):
            add = form[len(form) - k :] if k else ""
            for flag, strip, _add, cond, morph in lex.by_add.get(add, ()):
                stem = form[: len(form) - k] + strip
                for flags, base in lex.get(stem):
                    if flag in flags and (cond is None or cond.search(stem)):
                        out.append(_morph(stem, flag, base, morph))
        for _flags, base in lex.get(form):
            if not any(m.stem == form for m in out):
                out.append(_morph(form, "", base, ()))
        if out:
            break
    return tuple(dict.fromkeys(out))


def noun_features(word: str) -> tuple[str, str] | None:
    """(gender, number) of `word` read as a noun, or None when the dictionary does not know it as one or its
    readings disagree (`gender` may be "epi": either gender)."""
    nouns = [m for m in analyse(word) if m.is_("nom")]
    genders = {m.gender for m in nouns if m.gender}
    numbers = {m.number for m in nouns if m.number}
    if not nouns or len(genders) != 1:
        return None
    number = numbers.pop() if len(numbers) == 1 else ("inv" if not numbers else "")
    return genders.pop(), number or "sg"


def is_adjective(word: str) -> bool:
    """Whether every reading of `word` is an adjective or a past participle (never a noun, a verb form...)."""
    readings = analyse(word)
    return bool(readings) and all(m.is_("adj", "ppas") and not m.is_("nom") for m in readings)


_VERB_TAGS = frozenset({"infi", "ipre", "iimp", "ipsi", "ifut", "cond", "spre", "simp", "impe", "ppre"})


def is_infinitive(word: str) -> bool:
    """Whether `word` can be an infinitive (`faire`): `de le faire` keeps its pronoun."""
    return any("infi" in m.pos for m in analyse(word))


def is_verb_form(word: str) -> bool:
    """Whether `word` can be an infinitive or a conjugated verb form (`faire`, `est`; not a past participle)."""
    return any(m.pos & _VERB_TAGS for m in analyse(word))


def _fits(m_gender: str, m_number: str, gender: str, number: str) -> int:
    """How well a form's features fit the wanted ones: 2 exactly, 1 by an epicene/invariable form, 0 not."""
    g = 2 if m_gender == gender else (1 if m_gender in ("epi", "") else 0)
    n = 2 if m_number == number else (1 if m_number in ("inv", "") else 0)
    return 0 if not g or not n else g + n


def inflect(word: str, gender: str, number: str, kinds: tuple[str, ...] = ("adj", "ppas")) -> str | None:
    """`word` (an adjective or past participle; a noun with `kinds=("nom",)`) in `gender` ("mas"/"fem") and
    `number` ("sg"/"pl"), written in the case of `word`; None when the dictionary has no such form."""
    lex = _lexicon()
    if lex is None:
        return None
    best: tuple[int, str] | None = None
    for m in analyse(word):
        if not m.is_(*kinds) or not m.flag:
            continue
        if _fits(m.gender, m.number, gender, number) == 4:
            return word
        for flag, strip, add, cond, morph in lex.by_flag.get(m.flag, ()):
            if (cond is not None and not cond.search(m.stem)) or not m.stem.endswith(strip):
                continue
            fm = _morph(m.stem, flag, (), morph)
            if m.is_("ppas") and not fm.is_("ppas"):
                continue
            score = _fits(fm.gender, fm.number, gender, number)
            if score and (best is None or score > best[0]):
                best = (score, m.stem[: len(m.stem) - len(strip)] + add)
    if best is None:
        return None
    form = best[1]
    if word.isupper() and len(word) > 1:
        return form.upper()
    return form[:1].upper() + form[1:] if word[:1].isupper() else form
