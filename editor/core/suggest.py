"""Fast spelling suggestions: an edit-distance index over the hunspell dictionary's word forms.

Why: enchant's `suggest()` costs ~130 ms a word (measured with fr_FR), so a batch check that suggests a fix
for each of ~3,000 flagged words would spend minutes there. Here the dictionary's stems are expanded with their suffix
(and simple prefix) rules once, kept on disk in the user cache folder (keyed by the dictionary files' size and
mtime), and indexed by an accent- and case-folded key. A query then costs a few hundred dict look-ups:

- distance 0 on the folded key catches missing or wrong accents and case (`elephant` → `éléphant`),
- Damerau distance 1 over the folded alphabet (deletes, transposes, replaces, inserts) catches ordinary typos,
- distance 2 is tried only for words of 5+ letters that found nothing, over deletes of the query (cheap),
- enchant's own `suggest()` is the fallback for what the index misses, when the caller allows it.

Candidates are ranked by a typo-aware cost (accents and doubled letters are cheap, keyboard neighbours cheaper
than far letters) and by how often the candidate already occurs in the article being checked: the best evidence
of what a writer meant is what they wrote correctly elsewhere.
"""

from __future__ import annotations

import itertools
import re
import sys
import threading
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path

from editor.core import marshal_pieces
from editor.core.spelling import DICT_TAGS, service

HUNSPELL_DIRS = (
    "/usr/share/hunspell",
    "/usr/share/myspell",
    "/usr/share/myspell/dicts",
    "/usr/local/share/hunspell",
    "/opt/homebrew/share/hunspell",
    "/Library/Spelling",
)
_CACHE_VERSION = "7"


def _fold_table() -> dict[int, str]:
    table = {ord("œ"): "oe", ord("æ"): "ae", ord("ß"): "ss", ord("’"): "'", ord("ʼ"): "'"}
    for cp in range(0xC0, 0x250):
        ch = chr(cp)
        if not ch.islower() or cp in table:
            continue
        base = "".join(c for c in unicodedata.normalize("NFD", ch) if unicodedata.category(c) != "Mn")
        if base != ch and base.isascii():
            table[cp] = base
    return table


_FOLD_TABLE = _fold_table()
_ALPHABET = "abcdefghijklmnopqrstuvwxyz'-"
_KEYBOARD_ROWS = ("azertyuiop", "qsdfghjklm", "wxcvbn", "qwertzuiop", "asdfghjkl", "yxcvbnm", "qwertyuiop", "zxcvbnm")


def fold(word: str) -> str:
    """Lower case without accents: the key under which a word and its accent or case typos meet."""
    w = word.lower().translate(_FOLD_TABLE)
    if w.isascii() or (w.isalpha() and all(ord(c) < 0x250 for c in w)):
        return w
    return "".join(c for c in unicodedata.normalize("NFD", w) if unicodedata.category(c) != "Mn")


def _neighbours() -> dict[str, set[str]]:
    near: dict[str, set[str]] = {}
    for row in _KEYBOARD_ROWS:
        for a, b in itertools.pairwise(row):
            near.setdefault(a, set()).add(b)
            near.setdefault(b, set()).add(a)
    return near


_NEAR = _neighbours()


# ---------------------------------------------------------------------------------------------------------------
# Expanding a hunspell dictionary into its word forms


def find_dictionary(tag: str) -> tuple[Path, Path] | None:
    """The .dic and .aff files of `tag` (fr_FR, de_DE, en_US), or None when not installed as hunspell files.

    The places enchant's hunspell provider reads: the system folders, the user's enchant folder, and the
    dictionaries bundled with pyenchant's Windows and macOS wheels.
    """
    folders: list[Path] = [Path(f) for f in HUNSPELL_DIRS]
    folders.append(Path.home() / ".config" / "enchant" / "hunspell")
    folders.append(Path.home() / "Library" / "Spelling")
    try:
        import enchant

        folders.extend(Path(enchant.__file__).parent.glob("data/*/share/enchant/hunspell"))
    except ImportError:
        pass
    for folder in folders:
        dic, aff = Path(folder, f"{tag}.dic"), Path(folder, f"{tag}.aff")
        if dic.is_file() and aff.is_file():
            return dic, aff
    return None


def _split_flags(flags: str, kind: str) -> list[str]:
    if kind == "long":
        return [flags[i : i + 2] for i in range(0, len(flags) - 1, 2)]
    if kind == "num":
        return [f for f in flags.split(",") if f]
    return list(flags)


def _condition(cond: str, suffix: bool) -> re.Pattern[str] | None:
    if cond in (".", ""):
        return None
    try:
        return re.compile(f"(?:{cond})$" if suffix else f"^(?:{cond})")
    except re.error:
        return None


_Affix = tuple[str, str, re.Pattern[str] | None]  # strip, add, condition


def _read_aff(aff: Path) -> tuple[str, dict[str, list[_Affix]], dict[str, list[_Affix]], set[str]]:
    """Flag syntax, suffix rules, prefix rules, and the flags that mark stems which are not words on their own."""
    kind = "char"
    sfx: dict[str, list[_Affix]] = {}
    pfx: dict[str, list[_Affix]] = {}
    not_words: set[str] = set()
    conditions: dict[tuple[str, bool], re.Pattern[str] | None] = {}
    with aff.open(encoding="utf-8", errors="replace") as f:
        for line in f:
            parts = line.split()
            if not parts:
                continue
            head = parts[0]
            if head == "FLAG" and len(parts) > 1:
                kind = parts[1]
            elif head in ("NEEDAFFIX", "ONLYINCOMPOUND", "FORBIDDENWORD") and len(parts) > 1:
                not_words.add(parts[1])
            elif head in ("SFX", "PFX") and len(parts) >= 5:
                flag, strip, add, cond = parts[1], parts[2], parts[3], parts[4]
                add = add.split("/", 1)[0]
                strip = "" if strip == "0" else strip
                add = "" if add == "0" else add
                if head == "PFX" and add.endswith(("'", "’")):
                    continue  # French elisions (l', d', qu'...) are handled by the rules, not listed as forms
                key = (cond, head == "SFX")
                if key not in conditions:
                    conditions[key] = _condition(cond, head == "SFX")
                (sfx if head == "SFX" else pfx).setdefault(flag, []).append((strip, add, conditions[key]))
    return kind, sfx, pfx, not_words


def expand_dictionary(dic: Path, aff: Path) -> list[str]:
    """Every word form the dictionary spells out with one suffix and/or one prefix rule (no compounding)."""
    kind, sfx, pfx, not_words = _read_aff(aff)
    out: set[str] = set()
    with dic.open(encoding="utf-8", errors="replace") as f:
        first = True
        for raw in f:
            if first:
                first = False
                if raw.strip().isdigit():
                    continue
            if raw[:1] in ("\t", " ", "#"):
                continue
            entry = raw.split(None, 1)[0] if raw.strip() else ""
            if not entry:
                continue
            stem, _, flagstr = entry.partition("/")
            if "\\" in stem:
                stem = stem.replace("\\/", "/")
            flags = _split_flags(flagstr, kind) if flagstr else []
            if not any(fl in not_words for fl in flags):
                out.add(stem)
            suffixed: list[str] = []
            for fl in flags:
                for strip, add, cond in sfx.get(fl, ()):
                    if cond is not None and not cond.search(stem):
                        continue
                    if strip:
                        if not stem.endswith(strip):
                            continue
                        form = stem[: len(stem) - len(strip)] + add
                    else:
                        form = stem + add
                    suffixed.append(form)
            out.update(suffixed)
            for fl in flags:
                for strip, add, cond in pfx.get(fl, ()):
                    if cond is not None and not cond.search(stem):
                        continue
                    if strip and not stem.startswith(strip):
                        continue
                    out.add(add + stem[len(strip) :])
    out.discard("")
    return sorted(w for w in out if len(w) <= 40)


def _cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("galley", appauthor=False)) / "suggest"


def build_index(words: Iterable[str]) -> dict[str, str]:
    """Folded key → the dictionary forms under it, tab-separated (one string per key keeps memory low).

    A form equal to its key is stored as "" (one shared object), which is most of a dictionary.
    """
    index: dict[str, str] = {}
    for w in words:
        if not w or w[0] == "-" or "\t" in w:
            continue
        k = fold(w)
        old = index.get(k)
        if old is None:
            index[k] = w
        elif w != old and w not in old.split("\t"):
            index[k] = old + "\t" + w
    # sorted keys: first-letter buckets are slices; "" stands for "the key itself" (most words), saving memory
    return {k: "" if index[k] == k else index[k] for k in sorted(index)}


def load_index(tag: str) -> dict[str, str]:
    """The folded index of the dictionary `tag`, whole, in key order."""
    return {k: v for shard in load_shards(tag).values() for k, v in shard.items()}


def load_shards(tag: str) -> dict[str, dict[str, str]]:
    """The folded index of the dictionary `tag` by first character of its keys, from the disk cache when the
    dictionary has not changed since."""
    found = find_dictionary(tag)
    if found is None:
        return {}
    dic, aff = found
    st_d, st_a = dic.stat(), aff.stat()
    # marshal (the interpreter's own format, hence its version in the name): the index is read before a check can
    # start, on one core, and this reads it in about half the time of compressed text; in pieces and shards, so
    # that a GUI thread is not stopped while a background thread reads it
    version = f"py{sys.version_info[0]}{sys.version_info[1]}"
    stats = f"{st_d.st_size}-{int(st_d.st_mtime)}-{st_a.st_size}-{int(st_a.st_mtime)}"
    path = _cache_dir() / f"{tag}-v{_CACHE_VERSION}-{version}-{stats}.index.marshal"
    return marshal_pieces.cached_shards(path, lambda: build_index(expand_dictionary(dic, aff)))


# ---------------------------------------------------------------------------------------------------------------
# The index and the query


def _edits1(w: str) -> set[str]:
    splits = [(w[:i], w[i:]) for i in range(len(w) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out.update(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1)
    out.update(a + c + b[1:] for a, b in splits if b for c in _ALPHABET)
    out.update(a + c + b for a, b in splits for c in _ALPHABET)
    out.discard(w)
    return out


def _deletes(w: str) -> set[str]:
    return {w[:i] + w[i + 1 :] for i in range(len(w))}


def _typo_cost(q: str, c: str) -> float:
    """How likely typing `c` came out as `q`, lower is likelier. Both folded, at Damerau distance <= 1."""
    if q == c:
        return 0.0
    lq, lc = len(q), len(c)
    i = 0
    while i < min(lq, lc) and q[i] == c[i]:
        i += 1
    if lq == lc:
        if i + 1 < lq and q[i] == c[i + 1] and q[i + 1] == c[i]:
            return 0.6  # transposition
        a, b = q[i], c[i]
        if b in _NEAR.get(a, ()):
            return 0.7
        if a in "aeiouy" and b in "aeiouy":
            return 0.9
        return 1.0
    if lq > lc:  # an extra letter typed
        if i < lq and ((i > 0 and q[i] == q[i - 1]) or (i + 1 < lq and q[i] == q[i + 1])):
            return 0.5  # doubled letter
        return 0.9
    if i < lc and ((i > 0 and c[i] == c[i - 1]) or (i + 1 < lc and c[i] == c[i + 1])):
        return 0.5  # a doubled letter typed once
    return 0.8  # a letter left out: the commonest typo


def _accent_cost(q: str, c: str) -> float:
    """A small cost per accent or case difference, so `eleve` prefers `élève` over nothing else but keeps order."""
    if len(q) != len(c):
        return 0.15
    diff = sum(1 for a, b in zip(q, c, strict=True) if a != b)
    return 0.05 * diff


def match_case(model: str, word: str) -> str:
    """`word` in the case pattern of `model` (capitalised or all capitals)."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper() and word[:1].islower():
        return word[:1].upper() + word[1:]
    return word


class Suggester:
    """Suggestions in one language from the index; thread-safe after construction.

    The index is held in shards, one per first character of the folded keys, each in key order: one dict of
    450,000 keys is built or grown in calls that hold the interpreter lock for tens of milliseconds, and the
    editor loads it in a thread beside the GUI's."""

    def __init__(
        self, index: Mapping[str, str], lang: str = "", *, shards: dict[str, dict[str, str]] | None = None
    ) -> None:
        self.lang = lang
        if shards is None:
            shards = {}
            for k in sorted(index):
                shards.setdefault(k[:1], {})[k] = index[k]
        self._shards = shards
        self._size = sum(len(shard) for shard in shards.values())
        self._cached: dict[str, dict[str, float]] = {}
        self._buckets: dict[str, dict[int, list[str]]] = {}

    @classmethod
    def from_words(cls, words: Iterable[str], lang: str = "") -> Suggester:
        return cls(build_index(words), lang)

    def __len__(self) -> int:
        return self._size

    def _forms(self, key: str) -> tuple[str, ...] | list[str]:
        shard = self._shards.get(key[:1])
        v = None if shard is None else shard.get(key)
        if v is None:
            return ()
        if not v:
            return (key,)
        return v.split("\t") if "\t" in v else (v,)

    def variants(self, word: str) -> dict[str, float]:
        """Dictionary forms that differ from `word` only by accents or case (`Etats-Unis` → `États-Unis`)."""
        low = word.lower()
        return {f: _accent_cost(low, f.lower()) for f in self._forms(fold(word)) if f != word}

    def candidates(self, word: str) -> dict[str, float]:
        """Dictionary forms near `word` with their cost (0 = accent/case only, about 1 = one typo, 2 = two)."""
        cached = self._cached.get(word)
        if cached is not None:
            return cached
        found = self._candidates(word)
        if len(self._cached) >= 50_000:
            self._cached.clear()  # flat memory over a long batch
        self._cached[word] = found
        return found

    def _candidates(self, word: str) -> dict[str, float]:
        q = fold(word)
        found: dict[str, float] = {}
        lower_query = not word[:1].isupper()

        def add(form: str, cost: float) -> None:
            if form == word:
                return
            if lower_query and form[:1].isupper() and not form.isupper():
                cost += 0.3  # a proper noun offered for a common word: possible, less likely
            if not word.isupper() and len(form) > 1 and (form.isupper() or any(c.isupper() for c in form[1:])):
                cost += 0.5  # an acronym or a symbol (`cA`, `kWh`) offered for a word
            if cost < found.get(form, 99.0):
                found[form] = cost

        for form, cost in self.variants(word).items():
            add(form, cost)
        if len(q) < 2:
            return found
        forms = self._forms
        for e in self._known(q, _edits1(q)):
            cost = _typo_cost(q, e)
            for form in forms(e):
                add(form, cost + 0.5 * _accent_cost(e, form.lower()))
        if not found and 5 <= len(q) <= 24:
            # two typos: an optimal-string-alignment search (C speed, rapidfuzz) among the folded words that
            # share the first letter and have a similar length
            from rapidfuzz import process
            from rapidfuzz.distance import OSA

            for key, dist, _ in process.extract(q, self._bucket(q), scorer=OSA.distance, score_cutoff=2, limit=20):
                for form in forms(key):
                    add(form, 0.9 * dist + 0.2 + 0.2 * _accent_cost(key, form.lower()))
        return found

    def _known(self, q: str, edits: set[str]) -> set[str]:
        """The folded keys among `edits` (the edits of `q`)."""
        first = q[:1]
        shards = self._shards
        shard = shards.get(first)
        found = shard.keys() & edits if shard is not None else set()  # the set intersection runs in C
        # the only edits that can change the first character: a deletion or a transposition there, a letter
        # replaced or inserted in front (made here rather than found among the hundreds of edits)
        rest = q[1:]
        for e in (rest, rest[:1] + first + rest[1:], *(c + rest for c in _ALPHABET), *(c + q for c in _ALPHABET)):
            head = e[:1]
            if head != first and e in edits:
                other = shards.get(head)
                if other is not None and e in other:
                    found.add(e)
        return found

    def _bucket(self, q: str) -> list[str]:
        """Folded words starting like `q` whose length is within 2 of it (grouped once per first letter)."""
        first = q[:1]
        by_len = self._buckets.get(first)
        if by_len is None:
            by_len = {}
            for k in self._shards.get(first, ()):
                by_len.setdefault(len(k), []).append(k)
            self._buckets[first] = by_len
        out: list[str] = []
        for n in range(len(q) - 2, len(q) + 3):
            out.extend(by_len.get(n, ()))
        return out

    def suggest(self, word: str, limit: int = 5, counts: Mapping[str, int] | None = None) -> list[str]:
        """Up to `limit` corrections, best first. `counts` (word → occurrences in the article) breaks ties."""
        found = self.candidates(word)
        if not found:
            return []

        def score(item: tuple[str, float]) -> tuple[float, str]:
            form, cost = item
            if counts:
                n = counts.get(form, 0) or counts.get(form.lower(), 0)
                if n:
                    cost -= 0.35 if n == 1 else 0.5
            return (cost, form)

        ranked = sorted(found.items(), key=score)
        best = ranked[0][1]
        out: list[str] = []
        for form, cost in ranked:
            if cost > best + 1.2:
                break
            s = match_case(word, form)
            if s not in out:
                out.append(s)
            if len(out) >= limit:
                break
        return out


# A typo is one slip of the keyboard: an accent, a doubled or missing letter, a transposition, one letter more,
# less or changed (the suggester's cost of one edit is at most ~1.05 with accents on top); below 1.0, a slip
# typing makes (the cost of a letter replaced by an unrelated one is 1.0).
_ONE_SLIP = 1.1
_TYPING_SLIP = 0.95
# How common (Zipf, wordfreq's French list) the word behind a typo must be: 2.5 is about once in 3 million words,
# the frequency of `détérioré` or `navigable`; rarer words (`safre`, `kératome`, `basophiles`) are far more often
# the nearest neighbour of another rare but correct word than what a writer meant.
_COMMON_ZIPF = 2.5
# And how much rarer the typo itself must be (in Zipf, 1.0 is ten times), the slip's cost counting against the
# neighbour (one unit, an unrelated letter, as a factor ten): wordfreq's web text holds typos too, but `tres` (4.5)
# is 40 times rarer than `très` (6.1), while a word French uses about as often as its neighbours (`beats` beside
# `ébats`, `gif` beside `if`, `agapè` beside `agape`, `huns` beside `Huns`) is a word of its own. Not for a common
# word's accents: web text drops them so often (`etat` 5.1 beside `état` 5.6, `ca` 5.6 beside `ça` 6.5) that the
# count measures the slip, not another word.
_RARER = 1.0


def likely_typo(index: Suggester, word: str, *, common_only: bool = False) -> bool:
    """Whether an unknown lower-case word is likely a slip of the keyboard rather than a word of its own.

    - A slip of a common word: some dictionary word one slip away is common French and far more frequent than
      the unknown word, or is the unknown word with its accents (`hopital`, `intaller`, `tres`, `etat`). Every
      word one slip away counts, not the nearest alone (`apros` is nearer the rare `paros` than `après`). Two
      slips are not enough evidence (`juvenes`).
    - A slip of a rare word (unless `common_only`): French usage never writes the unknown word (wordfreq does not
      list it, unlike a rare word, a name or a borrowing) and a word it does write is one typing slip away: a
      transposition, a doubled, missing or extra letter, a neighbouring key (`cnyophile`, `canniveaux`,
      `hémstocrite`). A letter replaced by an unrelated one is not enough there: rare correct words often have a
      rare neighbour that way (`barophiles` → `basophiles`, `staretz` → `starets`).
    In other languages (only French frequencies are read) or without wordfreq's list, any word within two edits
    counts, as without hunspell files every unknown word does.
    """
    if not len(index):
        return True
    found = index.candidates(word)
    if not found:
        return False
    from editor.core.translate import has_frequencies, zipf

    if index.lang != "fr" or not has_frequencies("large"):
        return True
    low = word.lower()
    own = zipf(low, "large")
    key = fold(word)
    for form, cost in found.items():
        if cost > _ONE_SLIP:
            continue
        z = zipf(form.lower(), "large")
        accents = fold(form) == key and form != low and form.islower()  # `etat` → `état`; not a name (`Héléna`)
        if z >= _COMMON_ZIPF and (accents or z - cost - own >= _RARER):
            return True
        if not common_only and own == 0 and z > 0 and cost < _TYPING_SLIP:
            return True
    return False


_suggesters: dict[str, Suggester] = {}
_build_lock = threading.Lock()


def suggester(lang: str) -> Suggester:
    """The process's index for `lang`, built (or read from the disk cache) on first use."""
    s = _suggesters.get(lang)
    if s is None:
        with _build_lock:
            s = _suggesters.get(lang)
            if s is None:
                s = Suggester({}, lang, shards=load_shards(DICT_TAGS.get(lang, lang)))
                _suggesters[lang] = s
    return s


_cache: dict[tuple[str, str], tuple[str, ...]] = {}


def suggest(
    word: str,
    lang: str,
    *,
    counts: Mapping[str, int] | None = None,
    fallback: bool = False,
    limit: int = 5,
) -> tuple[str, ...]:
    """Corrections for `word`, from the fast index; enchant's slow `suggest()` only if `fallback` and none found.

    Results without `counts` are cached per process; with counts (article-specific ranking) they are not.
    """
    key = (lang, word)
    if counts is None and key in _cache:
        return _cache[key]
    out = tuple(suggester(lang).suggest(word, limit, counts))
    if not out and fallback:
        out = service(lang).suggest(word)[:limit]
    if counts is None:
        if len(_cache) >= 50_000:
            _cache.clear()
        _cache[key] = out
    return out


def more_suggestions(word: str, lang: str, limit: int = 8) -> tuple[str, ...]:
    """The index's suggestions followed by enchant's own (slow, ~130 ms the first time, then cached).

    For the editor's context menu, asked lazily for one finding at a time on a worker thread, never in batch.
    """
    fast = suggest(word, lang, limit=limit)
    slow = service(lang).suggest(word)
    return tuple(dict.fromkeys((*fast, *slow)))[:limit]
