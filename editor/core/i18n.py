"""The language of what the core and the command line say: finding messages, rule explanations, CLI errors.

Source strings are English; `resources/locale/<lang>/LC_MESSAGES/galley.po` translates them, compiled to `.mo` by
`scripts/build_translations.py` (run by the set-up). gettext from the standard library keeps the core free of Qt;
the window installs Qt's translator for its own widgets and calls `set_language` with the same choice, so a
finding reads in the language of the menus around it. Without a choice, the usual environment variables decide
(LANGUAGE, LC_ALL, LC_MESSAGES, LANG), so `LANG=fr_FR.UTF-8 galley check` speaks French. A missing catalogue falls
back to English instead of failing.
"""

from __future__ import annotations

import gettext
from functools import cache

from editor.core.resources import resource

DOMAIN = "galley"
SUPPORTED = ("fr", "en")

_current: gettext.NullTranslations | None = None


@cache
def _catalogue(language: str) -> gettext.NullTranslations:
    return gettext.translation(DOMAIN, str(resource("locale")), languages=[language], fallback=True)


def _system() -> gettext.NullTranslations:
    return gettext.translation(DOMAIN, str(resource("locale")), fallback=True)


def set_language(language: str | None) -> str:
    """Speak `language` ("fr", "en") from now on, or the environment's with None / "system"; returns the one used."""
    global _current
    if language in SUPPORTED:
        _current = _catalogue(language)
        return language
    _current = _system()
    info = _current.info().get("language", "")
    return info if info in SUPPORTED else "en"


def current_language() -> str:
    """The language findings are written in now ("fr", "en"): a child process is started speaking it too."""
    info = _translations().info().get("language", "")
    return info if info in SUPPORTED else "en"


def _translations() -> gettext.NullTranslations:
    global _current
    if _current is None:
        _current = _system()
    return _current


def _(message: str) -> str:
    """`message` in the current language (the English source when no translation exists)."""
    return _translations().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations().ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Marks a string for translation where it is defined (class attributes, tables) and translated when shown."""
    return message
