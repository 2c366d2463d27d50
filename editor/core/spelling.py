"""The spell-checking service: one enchant dictionary per language, shared, locked and cached.

Why it looks like this:
- one `enchant.Dict` per thread segfaults, so each language has exactly one dictionary per process, created on
  first use and only ever called under a lock;
- a look-up costs 25-45 µs but a cached one ~50 ns, and a 200k-word article has ~20k unique words, so every
  answer is cached per unique word at module level (kept across articles for the life of the process);
- enchant raises on '', NUL and lone surrogates and calls emoji, zero-width and soft hyphens misspelled, so tokens
  are cleaned and filtered before they reach it;
- `suggest()` costs ~130 ms a word: it is only a cached fallback here; batch suggestions come from
  `editor.core.suggest`.
"""

from __future__ import annotations

import threading
import unicodedata
from typing import Any

from editor.core.i18n import _

#: Galley's language codes → the dictionary tag asked of enchant (and the hunspell file name).
DICT_TAGS: dict[str, str] = {"fr": "fr_FR", "de": "de_DE", "en": "en_US"}

_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
_MAX_WORD = 64
#: Caches are cleared when they reach this many words, so a batch over a huge corpus keeps flat memory while an
#: article (~20k unique words) and the next ones still profit from the words they share.
CACHE_LIMIT = 300_000


class SpellUnavailable(RuntimeError):
    """Enchant or one of its dictionaries is missing; the message tells the user what to install."""


_lock = threading.RLock()
_dicts: dict[str, Any] = {}
_checks: dict[str, dict[str, bool]] = {}
_suggestions: dict[str, dict[str, tuple[str, ...]]] = {}
_services: dict[str, SpellService] = {}


def clean_token(word: str) -> str | None:
    """The form of `word` enchant can be asked about, or None when it must not be asked at all.

    Invisible characters (soft hyphen, zero-width) are removed, combining accents composed (NFC), typographic
    apostrophes kept (the French dictionary knows both). Anything with NUL, surrogates, symbols or emoji, or
    without a single letter, is refused.
    """
    if not word or len(word) > _MAX_WORD:
        return None
    if not word.isascii():
        word = unicodedata.normalize("NFC", word.translate(_INVISIBLE))
        if not word:
            return None
    has_letter = False
    for ch in word:
        if ch.isalpha():
            has_letter = True
        elif not (ch.isdigit() or ch in "'’-." or unicodedata.category(ch) == "Mn"):
            return None
    return word if has_letter else None


def _tag(lang: str) -> str:
    try:
        return DICT_TAGS[lang]
    except KeyError:
        raise SpellUnavailable(
            _("no spelling dictionary for language {lang} (Galley knows fr, de, en)").format(lang=repr(lang))
        ) from None


_brokers: list[Any] = []


def _broker(enchant: Any) -> Any:
    """One broker that asks hunspell first: the fast suggester reads hunspell's files, and a machine that also has
    aspell installed must not give different verdicts (Enchant would otherwise pick aspell for en_US)."""
    if not _brokers:
        broker = enchant.Broker()
        broker.set_ordering("*", "hunspell,nuspell,aspell")
        _brokers.append(broker)
    return _brokers[0]


def _open_dict(tag: str) -> Any:
    """The process's one dictionary for `tag` (call with the lock held)."""
    d = _dicts.get(tag)
    if d is not None:
        return d
    try:
        import enchant
    except ImportError as exc:  # the C library is missing, or pyenchant itself
        message = _(
            "spell checking needs the Enchant library ({reason}); install libenchant-2-2 and hunspell dictionaries"
        )
        raise SpellUnavailable(message.format(reason=exc)) from None
    try:
        broker = _broker(enchant)
        if not broker.dict_exists(tag):
            message = _("no {tag} spelling dictionary is installed; install the hunspell-{language} package")
            raise SpellUnavailable(message.format(tag=tag, language=tag[:2]))
        d = broker.request_dict(tag)
    except enchant.errors.Error as exc:
        raise SpellUnavailable(
            _("cannot open the {tag} spelling dictionary: {reason}").format(tag=tag, reason=exc)
        ) from None
    _dicts[tag] = d
    return d


class SpellService:
    """Spell checking in one language, safe to share between threads of one process.

    Get instances from `service(lang)`; they hold no state of their own besides the language, the dictionary and
    the caches are per process.
    """

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.tag = _tag(lang)
        self._cache = _checks.setdefault(self.tag, {})
        self._suggest_cache = _suggestions.setdefault(self.tag, {})

    def ensure(self) -> None:
        """Open the dictionary now; raises `SpellUnavailable` with a message for users when it cannot."""
        with _lock:
            _open_dict(self.tag)

    def check(self, word: str) -> bool:
        """True when the dictionary knows `word`. Words that cannot be asked (symbols, emoji...) count as known."""
        try:
            return self._cache[word]
        except KeyError:
            pass
        form = clean_token(word)
        if form is None:
            ok = True
        else:
            if self.lang != "fr" and "’" in form:
                form = form.replace("’", "'")
            with _lock:
                d = _open_dict(self.tag)
                try:
                    ok = bool(d.check(form))
                except Exception:  # enchant.errors.Error, ValueError, UnicodeError on odd input: never a crash
                    ok = True
        if len(self._cache) >= CACHE_LIMIT:
            self._cache.clear()
        self._cache[word] = ok
        return ok

    def suggest(self, word: str) -> tuple[str, ...]:
        """Enchant's own suggestions (slow: ~130 ms), cached. For the editor's lazy menu and as a fallback."""
        try:
            return self._suggest_cache[word]
        except KeyError:
            pass
        form = clean_token(word)
        result: tuple[str, ...] = ()
        if form is not None:
            with _lock:
                d = _open_dict(self.tag)
                try:
                    result = tuple(d.suggest(form))
                except Exception:
                    result = ()
        if len(self._suggest_cache) >= 10_000:
            self._suggest_cache.clear()
        self._suggest_cache[word] = result
        return result


def service(lang: str) -> SpellService:
    """The shared spell service for `lang` ("fr", "de", "en"); raises `SpellUnavailable` for other languages."""
    s = _services.get(lang)
    if s is None:
        with _lock:
            s = _services.get(lang)
            if s is None:
                s = SpellService(lang)
                _services[lang] = s
    return s


_available: dict[str, bool] = {}


def available(lang: str) -> bool:
    """Whether spell checking in `lang` works on this machine (never raises; remembered per process)."""
    ok = _available.get(lang)
    if ok is None:
        try:
            service(lang).ensure()
            ok = True
        except SpellUnavailable:
            ok = False
        _available[lang] = ok
    return ok


def cache_size(lang: str) -> int:
    """How many unique words are cached for `lang` (benchmarks and tests of the cross-article cache)."""
    return len(_checks.get(DICT_TAGS.get(lang, ""), {}))


def french_variant() -> str:
    """Which of Grammalecte's French dictionaries hunspell reads: "toutes variantes" (both spellings of the 1990
    reform: `entraînement` and `entrainement`, what `scripts/setup.sh` installs), "classique", "réforme 1990", or ""
    when no French hunspell files are found. With "classique" the reformed spellings are reported as unknown words,
    with "réforme 1990" the traditional ones: Galley accepts both only with "toutes variantes"."""
    from editor.core.suggest import find_dictionary

    found = find_dictionary(DICT_TAGS["fr"])
    if found is None:
        return ""
    with found[1].open(encoding="utf-8", errors="replace") as aff:
        head = aff.read(2000).upper()
    for marker, name in (
        ("TOUTES VARIANTES", "toutes variantes"),
        ("CLASSIQUE", "classique"),
        ("RÉFORME", "réforme 1990"),
    ):
        if marker in head:
            return name
    return ""
