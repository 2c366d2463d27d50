"""Preferences, the personal dictionary and the window layout survive a restart."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QSplitter, QTextEdit

from editor.core.findings import CATEGORIES
from editor.gui.settings import Preferences, Settings, personal_dictionary_path, settings_path


def test_settings_live_where_xdg_says() -> None:
    assert settings_path().is_relative_to(Path(os.environ["XDG_CONFIG_HOME"]))
    assert personal_dictionary_path().is_relative_to(Path(os.environ["XDG_DATA_HOME"]))


def test_first_start_gives_defaults() -> None:
    prefs = Settings().load_preferences()
    assert prefs == Preferences()
    assert prefs.enabled_categories == CATEGORIES


def test_preferences_survive_a_restart(qapp: object) -> None:
    prefs = Preferences(
        article_language="de",
        profile="fr-CH",
        enabled_categories=("spelling", "typography"),
        glossary_path="/tmp/glossaire.toml",
        personal_words=("Zelensky", "Élysée", "naïveté", "🇪🇺drapeau"),
        font_family="DejaVu Sans Mono",
        font_size=14,
        ui_language="fr",
    )
    Settings().save_preferences(prefs)
    loaded = Settings().load_preferences()  # a new QSettings on the same file, as after a restart
    assert loaded == prefs.normalised()
    assert loaded.personal_words == ("Élysée", "naïveté", "Zelensky", "🇪🇺drapeau")
    assert personal_dictionary_path().read_text(encoding="utf-8").splitlines() == list(loaded.personal_words)


def test_single_category_and_no_category_round_trip(qapp: object) -> None:
    Settings().save_preferences(Preferences(enabled_categories=("link",)))
    assert Settings().load_preferences().enabled_categories == ("link",)
    Settings().save_preferences(Preferences(enabled_categories=()))
    assert Settings().load_preferences().enabled_categories == ()


def test_hand_edited_garbage_falls_back_to_defaults(qapp: object) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "[preferences]\narticle_language=klingon\nprofile=fr-BE\nfont_size=banana\nui_language=xx\n"
        "enabled_categories=spelling, nonsense\n",
        encoding="utf-8",
    )
    prefs = Settings().load_preferences()
    assert (prefs.article_language, prefs.profile, prefs.font_size, prefs.ui_language) == (
        "auto",
        "fr-FR",
        11,
        "system",
    )
    assert prefs.enabled_categories == ("spelling",)


def test_personal_word_added_at_once_and_check_config_uses_it(qapp: object) -> None:
    prefs = Settings().add_personal_word("  Saporischschja ")
    assert prefs.personal_words == ("Saporischschja",)
    config = Preferences(enabled_categories=("spelling",), personal_words=prefs.personal_words).check_config(
        ignored_words={"fazit"}
    )
    assert "Saporischschja" in config.personal_words and "fazit" in config.ignored_words
    assert config.wants("spelling.unknown-word") and not config.wants("typography.space-before-comma")


def test_window_layout_survives_a_restart(qtbot) -> None:  # type: ignore[no-untyped-def]
    def build() -> tuple[QMainWindow, QSplitter]:
        window = QMainWindow()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(QTextEdit())
        splitter.addWidget(QTextEdit())
        window.setCentralWidget(splitter)
        qtbot.addWidget(window)
        return window, splitter

    window, splitter = build()
    assert Settings().restore_window(window, {"splitter": splitter}) is False
    window.resize(700, 450)
    window.show()
    splitter.setSizes([450, 250])
    sizes = splitter.sizes()
    Settings().save_window(window, {"splitter": splitter})
    window.close()

    again, splitter2 = build()
    assert Settings().restore_window(again, {"splitter": splitter2}) is True
    again.show()
    assert again.size().width() == 700
    assert splitter2.sizes() == sizes


def test_recent_files(tmp_path: Path, qapp: object) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("x")
    b.write_text("y")
    s = Settings()
    s.add_recent_file(a)
    s.add_recent_file(b)
    s.add_recent_file(a)
    b.unlink()
    assert Settings().recent_files() == [str(a)]
