"""The interface speaks French: the .ts covers every visible string, builds, and follows the chosen/system locale."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from editor.gui import i18n
from editor.gui.colors import category_label
from editor.gui.dialogs.preferences import PreferencesDialog
from editor.gui.settings import Preferences

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "resources" / "translations" / "galley_fr.ts"
sys.path.insert(0, str(REPO / "scripts"))
import build_translations  # noqa: E402
import update_translations  # noqa: E402


def _messages(ts: Path) -> dict[tuple[str, str], str | None]:
    out: dict[tuple[str, str], str | None] = {}
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            done = tr is not None and tr.text and tr.get("type") not in ("unfinished", "obsolete", "vanished")
            out[(name, msg.findtext("source") or "")] = tr.text if done and tr is not None else None
    return out


@pytest.fixture
def qm_dir(tmp_path: Path) -> Path:
    built = build_translations.build(out_dir=tmp_path, force=True)
    assert [p.name for p in built] == ["galley_fr.qm"]
    return tmp_path


@pytest.fixture
def english_afterwards(qapp: QApplication) -> Iterator[None]:
    saved = QLocale()
    yield
    i18n.install_translators(qapp, "en")
    QLocale.setDefault(saved)


def test_every_visible_string_of_the_gui_has_a_french_translation(tmp_path: Path) -> None:
    """What pyside6-lupdate (plus the `_tr` helpers) finds in editor/gui today is all translated in the .ts."""
    probe = tmp_path / "probe.ts"
    probe.write_bytes(TS.read_bytes())
    untranslated = update_translations.update(probe)
    assert untranslated == [], "run scripts/update_translations.py and translate: " + repr(untranslated[:20])
    assert len(_messages(probe)) >= 100


def test_translations_keep_placeholders_and_mnemonics() -> None:
    for (context, source), french in _messages(TS).items():
        assert french is not None, (context, source)
        assert sorted(re.findall(r"\{[^}]*\}", source)) == sorted(re.findall(r"\{[^}]*\}", french)), source
        assert ("&" in source) == ("&" in french), (context, source, french)
        assert re.findall(r"%[nvm]", source) == re.findall(r"%[nvm]", french), source


def test_build_compiles_once_then_skips_until_the_ts_changes(tmp_path: Path) -> None:
    first = build_translations.build(out_dir=tmp_path)
    assert first and first[0].stat().st_size > 1000
    assert build_translations.build(out_dir=tmp_path) == []
    # Run as setup.sh does.
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "build_translations.py"), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_french_chosen_in_preferences_translates_galley_and_qt(
    qtbot, qapp: QApplication, qm_dir: Path, english_afterwards: None
) -> None:  # type: ignore[no-untyped-def]
    assert i18n.install_translators(qapp, "fr", directory=qm_dir) == "fr"
    assert QCoreApplication.translate("PreferencesDialog", "Preferences") == "Préférences"
    assert category_label("typography") == "Typographie"
    dialog = PreferencesDialog(Preferences())
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Préférences"
    assert dialog.tabs.tabText(0) == "&Vérification"
    box = dialog.findChild(QDialogButtonBox)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Annuler"  # Qt's own strings too

    assert i18n.install_translators(qapp, "en", directory=qm_dir) == "en"
    assert QCoreApplication.translate("PreferencesDialog", "Preferences") == "Preferences"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (QLocale.Language.French, "fr"),
        (QLocale.Language.German, "en"),
        (QLocale.Language.English, "en"),
    ],
)
def test_system_choice_follows_the_locale(
    qapp: QApplication, qm_dir: Path, english_afterwards: None, language: QLocale.Language, expected: str
) -> None:
    QLocale.setDefault(QLocale(language))
    assert i18n.install_translators(qapp, "system", directory=qm_dir) == expected
    french = QCoreApplication.translate("Categories", "Spelling") == "Orthographe"
    assert french == (expected == "fr")


def test_a_missing_translation_file_falls_back_to_english(
    qapp: QApplication, tmp_path: Path, english_afterwards: None
) -> None:
    assert i18n.install_translators(qapp, "fr", directory=tmp_path) == "en"
    assert category_label("spelling") == "Spelling"
