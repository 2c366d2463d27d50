"""Which of Galley's languages (fr, de, en) an article is written in.

Function words decide: they are frequent, short and nearly disjoint between the three languages, so a count
over the first few thousand words is both fast and reliable on news text.
"""

from __future__ import annotations

import re

_STOPWORDS: dict[str, frozenset[str]] = {
    "fr": frozenset(
        [
            "le",
            "la",
            "les",
            "des",
            "du",
            "un",
            "une",
            "et",
            "est",
            "dans",
            "que",
            "qui",
            "pour",
            "pas",
            "sur",
            "au",
            "aux",
            "avec",
            "ce",
            "cette",
            "il",
            "elle",
            "ont",
            "sont",
            "par",
            "plus",
            "été",
            "mais",
            "ou",
            "son",
            "sa",
            "ses",
            "leur",
            "nous",
            "vous",
            "être",
            "fait",
            "entre",
            "après",
            "selon",
        ]
    ),
    "de": frozenset(
        [
            "der",
            "die",
            "das",
            "und",
            "ist",
            "nicht",
            "ein",
            "eine",
            "einen",
            "dem",
            "den",
            "des",
            "mit",
            "von",
            "zu",
            "auf",
            "für",
            "sich",
            "auch",
            "im",
            "ist",
            "war",
            "wird",
            "werden",
            "hat",
            "haben",
            "nach",
            "bei",
            "aus",
            "wie",
            "oder",
            "aber",
            "noch",
            "über",
            "sie",
            "es",
        ]
    ),
    "en": frozenset(
        [
            "the",
            "and",
            "of",
            "to",
            "is",
            "in",
            "that",
            "it",
            "for",
            "was",
            "on",
            "are",
            "with",
            "as",
            "be",
            "by",
            "this",
            "have",
            "from",
            "or",
            "an",
            "at",
            "not",
            "but",
            "has",
            "were",
            "which",
            "their",
            "they",
            "he",
            "she",
            "been",
            "would",
            "will",
        ]
    ),
}
_TOKEN = re.compile(r"[^\W\d_]+")
SUPPORTED = ("fr", "de", "en")


def detect_language(text: str, default: str = "fr", sample_chars: int = 20000) -> str:
    """The most likely language of `text` among fr, de, en; `default` when there is no evidence."""
    counts = dict.fromkeys(SUPPORTED, 0)
    for m in _TOKEN.finditer(text, 0, min(len(text), sample_chars)):
        w = m.group().lower()
        for lang, words in _STOPWORDS.items():
            if w in words:
                counts[lang] += 1
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] > 0 else default


def normalise_lang(value: str | None) -> str | None:
    """'fr-FR', 'fr_CA', 'French' -> 'fr'; None for anything not supported."""
    if not value:
        return None
    v = value.strip().lower().replace("_", "-")
    names = {"french": "fr", "français": "fr", "german": "de", "deutsch": "de", "english": "en"}
    v = names.get(v, v.split("-", 1)[0])
    return v if v in SUPPORTED else None
