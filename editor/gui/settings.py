"""Preferences and window layout, kept across restarts.

Where things live (both follow the XDG variables on Linux, which the tests point at a temporary folder):

- ``settings_path()``: an INI file ``galley/galley.ini`` under ``platformdirs.user_config_dir`` (so
  ``$XDG_CONFIG_HOME/galley/galley.ini``). The path is computed at every call and handed to ``QSettings``
  explicitly, because Qt caches its own default settings folder once per process, which would let one test's
  settings leak into the next.
- ``personal_dictionary_path()``: a plain UTF-8 word list, one word a line, ``personal-dictionary.txt`` under
  ``platformdirs.user_data_dir("galley")``. A plain file rather than a QSettings key so that people can edit it,
  back it up, and so that the command line can read the same words without Qt.

How the main window uses it:

- ``settings = Settings()`` once at start-up (not at import time); ``prefs = settings.load_preferences()``.
- ``prefs.check_config(ignored_words=...)`` -> the ``CheckConfig`` for the engine/review model;
  ``prefs.editor_font()`` -> the ``QFont`` for both panes; ``prefs.ui_language`` -> pass to
  ``editor.gui.i18n.install_translators(app, prefs.ui_language)`` before building the window.
- After ``PreferencesDialog.edit(self, prefs)`` returns ``(new, True)``: ``settings.save_preferences(new)``.
- "Add to personal dictionary" (Ctrl+Shift+D): ``prefs = settings.add_personal_word(word)`` (saves at once and
  returns the updated preferences).
- Layout: ``settings.restore_window(window, {"splitter": splitter, "findingsHeader": header})`` after building the
  window, and ``settings.save_window(window, {...same...})`` from ``closeEvent``. Anything with
  ``saveState()``/``restoreState()`` (QSplitter, QHeaderView, QMainWindow docks) can be in the mapping.
- Recent files: ``settings.recent_files()`` (existing paths, newest first), ``settings.add_recent_file(path)``.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol

import platformdirs
from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QMainWindow, QWidget

from editor.core.findings import CATEGORIES
from editor.core.rules.base import LANGUAGES, PROFILES, CheckConfig

APP_NAME = "galley"
ARTICLE_LANGUAGES: tuple[str, ...] = ("auto", *LANGUAGES)
UI_LANGUAGES: tuple[str, ...] = ("system", "fr", "en")
# what to do with a typographic convention an article keeps throughout (the values of `galley check --house-style`)
HOUSE_STYLES: tuple[str, ...] = ("report", "keep")
DEFAULT_FONT_SIZE = 11
MAX_RECENT = 10
_PREFS_VERSION = 1


def settings_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "galley.ini"


def user_glossary_path() -> Path:
    """Where "add to glossary" writes when the preferences name no glossary file yet."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "glossary.toml"


def personal_dictionary_path() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "personal-dictionary.txt"


def _clean_words(words: Iterable[str]) -> tuple[str, ...]:
    """Trimmed, non-empty, single-line, unique words, sorted case-insensitively (stable file contents)."""
    seen: set[str] = set()
    for word in words:
        w = word.strip()
        if w and "\n" not in w and "\r" not in w and "\x00" not in w:
            seen.add(w)
    return tuple(sorted(seen, key=lambda s: (sort_key(s), s)))


def sort_key(word: str) -> str:
    """Alphabetical as people expect it: accents and case do not move a word (Élysée sorts among the e)."""
    return "".join(c for c in unicodedata.normalize("NFD", word.casefold()) if not unicodedata.combining(c))


@dataclass(frozen=True, slots=True)
class Preferences:
    """Everything the person can set in the Preferences dialog."""

    article_language: str = "auto"  # auto / fr / de / en
    profile: str = "fr-FR"  # fr-FR / fr-CA / fr-CH
    house_style: str = "report"  # report (once per article, as info) / keep (silently)
    enabled_categories: tuple[str, ...] = CATEGORIES
    glossary_path: str = ""  # the user's own glossary (TOML); empty = none
    personal_words: tuple[str, ...] = ()
    font_family: str = ""  # empty = the system's fixed-width font
    font_size: int = DEFAULT_FONT_SIZE
    ui_language: str = "system"  # system / fr / en
    disabled_rules: tuple[str, ...] = ()  # rule ids turned off ("turn this rule off")

    def normalised(self) -> Preferences:
        """The same preferences with every value inside its allowed range (settings files can be hand-edited)."""
        return replace(
            self,
            article_language=self.article_language if self.article_language in ARTICLE_LANGUAGES else "auto",
            profile=self.profile if self.profile in PROFILES else "fr-FR",
            house_style=self.house_style if self.house_style in HOUSE_STYLES else "report",
            enabled_categories=tuple(c for c in CATEGORIES if c in set(self.enabled_categories)),
            glossary_path=self.glossary_path.strip(),
            personal_words=_clean_words(self.personal_words),
            font_family=self.font_family.strip(),
            font_size=min(72, max(6, int(self.font_size))),
            ui_language=self.ui_language if self.ui_language in UI_LANGUAGES else "system",
            disabled_rules=tuple(sorted({r.strip() for r in self.disabled_rules if r.strip()})),
        )

    def check_config(self, ignored_words: Iterable[str] = (), online: bool = False) -> CheckConfig:
        """The engine configuration these preferences ask for."""
        disabled = (*(c for c in CATEGORIES if c not in self.enabled_categories), *self.disabled_rules)
        return CheckConfig(
            lang=self.article_language,
            profile=self.profile,
            house_style=self.house_style == "keep",
            disabled=disabled,
            glossary_path=self.glossary_path or None,
            personal_words=frozenset(self.personal_words),
            ignored_words=frozenset(ignored_words),
            online=online,
        )

    def shown(self) -> tuple[str, ...]:
        """What the window shows of a review (`editor.gui.marks.is_shown`): the enabled categories, and each rule
        turned off as "-rule.id"."""
        return (*self.enabled_categories, *("-" + r for r in self.disabled_rules))

    def editor_font(self) -> QFont:
        """The font of both text panes (the system fixed-width font unless the person chose one)."""
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        if self.font_family:
            font.setFamily(self.font_family)
        font.setPointSize(self.font_size)
        return font


class _HasState(Protocol):
    def saveState(self) -> QByteArray: ...

    def restoreState(self, state: QByteArray | bytes) -> bool: ...


def _as_str(value: Any, default: str) -> str:
    return value if isinstance(value, str) else default


def _as_int(value: Any, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _as_list(value: Any) -> list[str] | None:
    """QSettings' INI format gives a str for one-element lists and None for missing keys."""
    if value is None:
        return None
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return None


def _as_bytes(value: Any) -> QByteArray | None:
    if isinstance(value, QByteArray):
        return value
    if isinstance(value, bytes | bytearray):
        return QByteArray(bytes(value))
    return None


class Settings:
    """Galley's persistent settings: preferences, personal dictionary, window layout, recent files."""

    def __init__(self, path: Path | None = None, dictionary_path: Path | None = None) -> None:
        self.path = path or settings_path()
        self.dictionary_path = dictionary_path or personal_dictionary_path()
        with contextlib.suppress(OSError):  # a read-only home still gets a working (unsaved) window
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.qsettings = QSettings(str(self.path), QSettings.Format.IniFormat)

    # Preferences -----------------------------------------------------------------------------------------------
    def load_preferences(self) -> Preferences:
        s = self.qsettings
        s.beginGroup("preferences")
        try:
            defaults = Preferences()
            categories = _as_list(s.value("enabled_categories"))
            disabled_rules = _as_list(s.value("disabled_rules")) or []
            prefs = Preferences(
                article_language=_as_str(s.value("article_language"), defaults.article_language),
                profile=_as_str(s.value("profile"), defaults.profile),
                house_style=_as_str(s.value("house_style"), defaults.house_style),
                enabled_categories=tuple(categories) if categories is not None else defaults.enabled_categories,
                glossary_path=_as_str(s.value("glossary_path"), ""),
                personal_words=self.load_personal_words(),
                font_family=_as_str(s.value("font_family"), ""),
                font_size=_as_int(s.value("font_size"), DEFAULT_FONT_SIZE),
                ui_language=_as_str(s.value("ui_language"), defaults.ui_language),
                disabled_rules=tuple(disabled_rules),
            )
        finally:
            s.endGroup()
        return prefs.normalised()

    def save_preferences(self, prefs: Preferences) -> None:
        prefs = prefs.normalised()
        s = self.qsettings
        s.beginGroup("preferences")
        s.setValue("version", _PREFS_VERSION)
        s.setValue("article_language", prefs.article_language)
        s.setValue("profile", prefs.profile)
        s.setValue("house_style", prefs.house_style)
        s.setValue("enabled_categories", list(prefs.enabled_categories))
        s.setValue("glossary_path", prefs.glossary_path)
        s.setValue("font_family", prefs.font_family)
        s.setValue("font_size", prefs.font_size)
        s.setValue("ui_language", prefs.ui_language)
        s.setValue("disabled_rules", list(prefs.disabled_rules))
        s.endGroup()
        s.sync()
        self.save_personal_words(prefs.personal_words)

    # Personal dictionary ---------------------------------------------------------------------------------------
    def load_personal_words(self) -> tuple[str, ...]:
        try:
            text = self.dictionary_path.read_text(encoding="utf-8", errors="replace")
        except (FileNotFoundError, IsADirectoryError, PermissionError):
            return ()
        return _clean_words(line for line in text.splitlines() if not line.startswith("#"))

    def save_personal_words(self, words: Iterable[str]) -> None:
        """Write the word list atomically, so a crash never leaves half a dictionary.

        Raises OSError (read-only or full disk); the caller shows it (the previous file stays intact).
        """
        content = "".join(w + "\n" for w in _clean_words(words))
        folder = self.dictionary_path.parent
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".personal-", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(content)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.dictionary_path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def add_personal_word(self, word: str) -> Preferences:
        """Add one word to the personal dictionary now; returns the preferences with it."""
        words = self.load_personal_words()
        self.save_personal_words((*words, word))
        return self.load_preferences()

    # Window layout ---------------------------------------------------------------------------------------------
    def save_window(self, window: QWidget, parts: Mapping[str, _HasState] | None = None) -> None:
        s = self.qsettings
        s.beginGroup("window")
        s.setValue("geometry", window.saveGeometry())
        if isinstance(window, QMainWindow):
            s.setValue("state", window.saveState())
        for name, part in (parts or {}).items():
            s.setValue("part/" + name, part.saveState())
        s.endGroup()
        s.sync()

    def restore_window(self, window: QWidget, parts: Mapping[str, _HasState] | None = None) -> bool:
        """Put the window back as it was; False when nothing was saved yet (first start)."""
        s = self.qsettings
        s.beginGroup("window")
        try:
            geometry = _as_bytes(s.value("geometry"))
            if geometry is None:
                return False
            window.restoreGeometry(geometry)
            state = _as_bytes(s.value("state"))
            if state is not None and isinstance(window, QMainWindow):
                window.restoreState(state)
            for name, part in (parts or {}).items():
                part_state = _as_bytes(s.value("part/" + name))
                if part_state is not None:
                    part.restoreState(part_state)
            return True
        finally:
            s.endGroup()

    # Recent files ----------------------------------------------------------------------------------------------
    def recent_files(self) -> list[str]:
        paths = _as_list(self.qsettings.value("recent/files")) or []
        return [p for p in paths if os.path.exists(p)]

    def add_recent_file(self, path: str | os.PathLike[str]) -> None:
        p = os.path.abspath(os.fspath(path))
        paths = [x for x in (_as_list(self.qsettings.value("recent/files")) or []) if x != p]
        self.qsettings.setValue("recent/files", [p, *paths][:MAX_RECENT])
        self.qsettings.sync()

    # Anything else ---------------------------------------------------------------------------------------------
    def value(self, key: str, default: Any = None) -> Any:
        return self.qsettings.value(key, default)

    def set_value(self, key: str, value: Any) -> None:
        self.qsettings.setValue(key, value)
