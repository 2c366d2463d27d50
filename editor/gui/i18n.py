"""The interface language: Galley's own French translation plus Qt's (standard buttons, dialogs, context menus).

Galley's source strings are English; `resources/translations/galley_fr.qm` (built from `galley_fr.ts` by
`scripts/build_translations.py`, which `scripts/setup.sh` runs) turns them French. Qt's own strings ("Cancel",
"&Undo" in a text field's context menu) come from `qtbase_fr.qm` shipped inside PySide6.

How the app uses it (in app.py, after creating the QApplication and BEFORE building any window, since
widgets translate their strings when they are built):

    from editor.gui.i18n import install_translators
    language = install_translators(app, settings.load_preferences().ui_language)   # "system" | "fr" | "en"

It returns the language actually used ("fr" or "en"). Calling it again replaces the previous translators (already
built widgets keep their texts until rebuilt; the Preferences dialog says a change applies at the next start).
A missing .qm file (set-up not run) falls back to English instead of failing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from editor.core import i18n as core_i18n
from editor.core.resources import resource

SUPPORTED = ("fr", "en")
_installed: list[QTranslator] = []


def translations_dir() -> Path:
    return resource("translations")


def resolve_language(choice: str, locale: QLocale | None = None) -> str:
    """The interface language for a Preferences choice: "fr"/"en", or the system's when "system"."""
    if choice in SUPPORTED:
        return choice
    locale = locale if locale is not None else QLocale()
    for tag in locale.uiLanguages():
        code = tag.replace("_", "-").split("-", 1)[0].lower()
        if code in SUPPORTED:
            return code
    return "en"


def install_translators(app: QCoreApplication, choice: str = "system", directory: Path | None = None) -> str:
    """Install the translators for `choice`; returns the language now in use.

    The core's messages (findings, rule explanations) follow the same language, so that a finding reads in the
    language of the menus around it."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    language = resolve_language(choice)
    core_i18n.set_language(language)
    if language == "en":
        return "en"
    folder = directory if directory is not None else translations_dir()
    ours = QTranslator(app)
    if not ours.load(str(folder / f"galley_{language}.qm")):
        core_i18n.set_language("en")
        return "en"
    app.installTranslator(ours)
    _installed.append(ours)
    qt = QTranslator(app)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(f"qtbase_{language}", qt_folder):
        app.installTranslator(qt)
        _installed.append(qt)
    return language
