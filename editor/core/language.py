"""Which language an article is written in, and whether Galley can check it (fr, de, en).

Identification is lingua's (n-gram models shipped in its wheel). It chooses among the languages Galley checks and
the Latin-script ones scraped news most often arrives in instead, so that an article in Spanish is reported as
Spanish, an unsupported language, and not as the nearest of the three. Text lingua cannot place (another script:
Cyrillic, Greek, CJK...) comes out as `UNDETERMINED`, unsupported too.

Evidence: text without letters says nothing and gets the caller's default. On a short text (a title, one sentence)
trigram statistics guess: `Le chat dort.` scores German first. There the answer is taken only when lingua is sure
of it (its confidence at least `_SURE`), else the caller's default stands; and a few words are too little to call a
text unsupported at all.

Cost: the detector is built on first use, in low-accuracy mode (trigram models only): about 0.1 s and 25 MB to
load against about 1 s and 170 MB with every n-gram size, for the same answers on article-length samples. Each
Latin-script candidate adds to the load, hence the short list. `galley check` pays the load once per process (its
workers fork after a warm-up that loads it).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from editor.core.i18n import N_

if TYPE_CHECKING:
    from lingua import LanguageDetector

SUPPORTED = ("fr", "de", "en")
UNDETERMINED = "und"  # ISO 639-2: a language that could not be identified

# Languages lingua chooses among (ISO 639-1). Each Latin-script one adds a model to load for every Latin text, so
# the list holds those that news in this corpus arrives in; scripts of their own cost nothing on Latin text.
_CANDIDATES = ("fr", "de", "en", "es", "it", "pt", "nl", "pl")
_NAMES = {
    "fr": N_("French"),
    "de": N_("German"),
    "en": N_("English"),
    "es": N_("Spanish"),
    "it": N_("Italian"),
    "pt": N_("Portuguese"),
    "nl": N_("Dutch"),
    "pl": N_("Polish"),
}
_LETTER = re.compile(r"[^\W\d_]")
_MIN_LETTERS = 3  # fewer letters than this is no evidence of any language
_FIRM_LETTERS = 40  # fewer than this is not enough to call a text unsupported
_SHORT_LETTERS = 120  # below this, an answer must be a sure one
_SURE = 0.8  # lingua's confidence for its first language that makes a short text's answer count


@cache
def _detector() -> LanguageDetector:
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, c.upper()) for c in _CANDIDATES]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).with_low_accuracy_mode().build()


@lru_cache(maxsize=16)
def _identify(sample: str) -> str:
    found = _detector().detect_language_of(sample)
    return found.iso_code_639_1.name.lower() if found is not None else UNDETERMINED


@lru_cache(maxsize=64)
def _identify_if_sure(sample: str) -> str | None:
    values = _detector().compute_language_confidence_values(sample)
    if not values or values[0].value < _SURE:
        return None
    return str(values[0].language.iso_code_639_1.name.lower())


def detect_language(text: str, default: str = "fr", sample_chars: int = 600) -> str:
    """The language of `text`: an ISO 639-1 code (`SUPPORTED` or another one), or `UNDETERMINED`.

    `default` is returned when the text is too short to judge by (see the module's docstring). The first
    `sample_chars` characters decide: an article does not change language half-way, and the cost stays flat.
    """
    sample = text[:sample_chars]
    letters = 0
    for _ in _LETTER.finditer(sample):
        letters += 1
        if letters >= _SHORT_LETTERS:
            return _identify(sample)
    if letters < _MIN_LETTERS:
        return default
    found = _identify_if_sure(sample)
    if found is None and letters >= _FIRM_LETTERS and _identify(sample) == UNDETERMINED:
        return UNDETERMINED  # another script: no model claims it at all
    if found is None or (not is_supported(found) and letters < _FIRM_LETTERS):
        return default
    return found


def is_supported(lang: str) -> bool:
    """Whether Galley has dictionaries and rules for `lang` (an ISO 639-1 code as `detect_language` gives)."""
    return lang in SUPPORTED


def language_name(lang: str) -> str:
    """'es' -> 'Spanish'; the code itself for a language without a name here."""
    return _NAMES.get(lang, lang)


def normalise_lang(value: str | None) -> str | None:
    """'fr-FR', 'fr_CA', 'French' -> 'fr'; None for anything not supported."""
    if not value:
        return None
    v = value.strip().lower().replace("_", "-")
    names = {"french": "fr", "français": "fr", "german": "de", "deutsch": "de", "english": "en"}
    v = names.get(v, v.split("-", 1)[0])
    return v if v in SUPPORTED else None
