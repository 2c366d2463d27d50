"""Lower-case unknown words that are another language's words or terms being named, not slips of French typing.

The spelling rule warns about a lower-case unknown word when a French word is one slip away; on edited French the
words it then gets wrong are mostly not French at all: foreign words written in lower case (`gmina`, a Polish
district; `universitas` in a Latin name), the words of an etymology (`du grec dis, double, genos, race`) and
adjectives of place names the dictionary lacks (`messénienne`, of `Messénie`). Each test here reads a property of
the word or of the phrase around it that a typo of a French word does not have, so the word is reported as a term
(`info`) whatever French word looks like it.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from editor.core.frequencies import FrequencyTable

_LANGUAGES_FR = (
    "latin grec anglais allemand espagnol italien portugais arabe hébreu russe chinois japonais néerlandais "
    "occitan breton basque catalan polonais tchèque turc persan sanskrit norvégien suédois danois roumain "
    "hongrois gaélique gaulois francique provençal créole"
)
_NAMED_IN = r"\b(?:du|en|de l['’])[ \u00a0]?(?:" + _LANGUAGES_FR.replace(" ", "|") + ")"
# `du latin stella`: the word right after a language name is a word of that language, named
_LANGUAGE_BEFORE = re.compile(_NAMED_IN + r"[ \u00a0]++$", re.IGNORECASE)
# `(du grec dis, double, genos, race)`: an etymology in parentheses names several words of that language
_ETYMOLOGY_BEFORE = re.compile(r"\(" + _NAMED_IN + r"\b[^()\n]{0,80}+$", re.IGNORECASE)

# Latin inflections French never writes (its words from Latin end in `-ité`, `-ois`, `-um` only in a few
# borrowings the dictionary lists): `universitas`, `societatis`, `florum`, `omnibus` is listed, `vilnensis`.
_LATIN_ENDING = re.compile(r"(?:itas|itatis|itatem|orum|arum|ibus|ensis|enses|ensium)$")

# Adjectives and nouns of place names in `-ie` (`Italie` → `italien`, `Messénie` → `messénienne`).
_PLACE_ADJECTIVE = re.compile(r"(?:ien|ienne|iens|iennes)$")

# The Latin-script languages a French article quotes most; a word written at least once in 100,000 words of one of
# them (Zipf 3, wordfreq's `small` lists) that French usage never writes is that language's word.
_ABROAD = ("en", "de", "es", "it", "pt", "nl", "pl")
_COMMON_ABROAD = 3.0

_tables: dict[str, FrequencyTable] = {}
_lock = threading.Lock()


def named_in_a_language(text: str, s: int) -> bool:
    """Whether the word at `s` follows a language name (`du latin stella`) or stands in an etymology in parentheses
    (`(du grec dis, double, genos, race)`): a word of that language being named, not written in French."""
    if _LANGUAGE_BEFORE.search(text[max(0, s - 24) : s]):
        return True
    return _ETYMOLOGY_BEFORE.search(text, max(0, s - 110), s) is not None


def latin_word(word: str) -> bool:
    """A Latin inflection French never writes: `universitas`, `societatis`, `vilnensis`."""
    return len(word) >= 6 and _LATIN_ENDING.search(word.lower()) is not None


def place_adjective(word: str) -> bool:
    """An adjective or noun of a place in `-ie` that French usage writes (`messénienne` ← `Messénie`), formed as
    `italien` is from `Italie`: a regular formation the dictionary cannot list for every place."""
    from editor.core.translate import zipf

    low = word.lower()
    m = _PLACE_ADJECTIVE.search(low)
    return m is not None and m.start() >= 3 and zipf(low[: m.start()] + "ie", "large") > 0


def _table(lang: str) -> FrequencyTable:
    with _lock:
        table = _tables.get(lang)
        if table is None:
            from editor.core import frequencies

            try:
                table = frequencies.load("small", lang)
            except Exception:  # a missing or unreadable list only loses this evidence, never the check
                table = frequencies.FrequencyTable()
            _tables[lang] = table
        return table


@lru_cache(maxsize=8192)
def common_abroad(word: str) -> str:
    """The language (of `_ABROAD`) that writes `word` commonly when French usage never writes it, else "".

    French web text writes borrowings, names and even the typos of common words (`tres`, `hopital`) at least
    rarely; a word it never writes while Polish writes it once in 20,000 words (`gmina`, a Polish district) is a
    foreign word quoted, not a slip of French typing. Only wordfreq's French list decides "never": without it, "".
    """
    from editor.core.translate import has_frequencies, zipf

    low = word.lower()
    if not has_frequencies("large") or zipf(low, "large") > 0:
        return ""
    for lang in _ABROAD:
        bucket = _table(lang).get(low)
        if bucket is not None and 9 - bucket / 100 >= _COMMON_ABROAD:
            return lang
    return ""


def foreign_or_named(text: str, s: int, e: int) -> bool:
    """Whether the lower-case unknown word `text[s:e]` is a foreign word or a term being named (see above)."""
    word = text[s:e]
    return named_in_a_language(text, s) or latin_word(word) or place_adjective(word) or bool(common_abroad(word))
