"""The Preferences dialog: what is checked, the personal dictionary, the look of the editor.

How the main window uses it:

    prefs, accepted = PreferencesDialog.edit(self, self.prefs)
    if accepted and prefs != self.prefs:
        self.settings.save_preferences(prefs)
        language_changed = prefs.ui_language != self.prefs.ui_language
        self.prefs = prefs
        # re-run the analysis with prefs.check_config(...), set prefs.editor_font() on both panes;
        # the interface language applies at the next start (the dialog says so).

The dialog edits a copy: nothing is saved or applied until the caller does it, so Cancel really cancels.
Words added to the personal dictionary here are part of the returned `Preferences.personal_words`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFontComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from editor.core.findings import CATEGORIES
from editor.core.rules.base import PROFILES
from editor.gui.colors import category_label
from editor.gui.settings import ARTICLE_LANGUAGES, HOUSE_STYLES, UI_LANGUAGES, Preferences, sort_key

MAX_GLOSSARY_BYTES = 5_000_000


def glossary_problem(path_text: str) -> tuple[str | None, int | None]:
    """(what is wrong with the glossary file, number of entries); (None, None) when no file is set."""
    from editor.core.glossary import GlossaryError, read

    path_text = path_text.strip()
    if not path_text:
        return None, None
    path = Path(path_text).expanduser()
    if not path.is_file():  # also refuses folders and named pipes, which would block the read
        return QCoreApplication.translate("PreferencesDialog", "No glossary file at this path."), None
    try:
        if path.stat().st_size > MAX_GLOSSARY_BYTES:
            return QCoreApplication.translate("PreferencesDialog", "This file is too large to be a glossary."), None
        entries = read(path)
    except GlossaryError as e:
        return str(e), None
    except OSError as e:
        return str(e), None
    return None, sum(len(by_wrong) for by_wrong in entries.values())


class PreferencesDialog(QDialog):
    def __init__(self, prefs: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self._original = prefs.normalised()
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._checking_tab(), self.tr("&Checking"))
        self.tabs.addTab(self._dictionary_tab(), self.tr("&Dictionary"))
        self.tabs.addTab(self._appearance_tab(), self.tr("&Appearance"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self._font_touched = False
        self._load(self._original)
        self.font_combo.currentFontChanged.connect(self._on_font_picked)
        self.resize(560, 460)

    # Tabs ------------------------------------------------------------------------------------------------------
    def _checking_tab(self) -> QWidget:
        page = QWidget(self)
        self.language_combo = QComboBox(page)
        self.language_combo.setObjectName("articleLanguage")
        names = {
            "auto": self.tr("Detect automatically"),
            "fr": self.tr("French"),
            "de": self.tr("German"),
            "en": self.tr("English"),
        }
        for code in ARTICLE_LANGUAGES:
            self.language_combo.addItem(names.get(code, code), code)
        self.profile_combo = QComboBox(page)
        self.profile_combo.setObjectName("typographyProfile")
        profiles = {
            "fr-FR": self.tr("France (fr-FR)"),
            "fr-CA": self.tr("Canada (fr-CA)"),
            "fr-CH": self.tr("Switzerland (fr-CH)"),
        }
        for code in PROFILES:
            self.profile_combo.addItem(profiles.get(code, code), code)
        self.house_style_combo = QComboBox(page)
        self.house_style_combo.setObjectName("houseStyle")
        house_styles = {
            "report": self.tr("Report it once, as information"),
            "keep": self.tr("Keep it silently"),
        }
        for code in HOUSE_STYLES:
            self.house_style_combo.addItem(house_styles[code], code)
        self.house_style_combo.setToolTip(
            self.tr(
                "A convention the article keeps throughout (guillemets without spaces, 2e, 20%, 40°C…) is its house "
                "style, not damage. Either way, the places that break the article's own convention stay warnings."
            )
        )
        self.categories = QListWidget(page)
        self.categories.setObjectName("enabledCategories")
        for category in CATEGORIES:
            item = QListWidgetItem(category_label(category), self.categories)
            item.setData(Qt.ItemDataRole.UserRole, category)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
        all_button = QPushButton(self.tr("Check all"), page)
        none_button = QPushButton(self.tr("Check none"), page)
        all_button.clicked.connect(lambda: self._check_all(True))
        none_button.clicked.connect(lambda: self._check_all(False))
        self.glossary_edit = QLineEdit(page)
        self.glossary_edit.setObjectName("glossaryPath")
        self.glossary_edit.setPlaceholderText(self.tr("None: only Galley's own glossary"))
        self.glossary_edit.setClearButtonEnabled(True)
        browse = QPushButton(self.tr("Browse…"), page)
        browse.clicked.connect(self._browse_glossary)
        self.glossary_status = QLabel(page)
        self.glossary_status.setObjectName("glossaryStatus")
        self.glossary_status.setTextFormat(Qt.TextFormat.PlainText)  # quotes the file's own content
        self.glossary_status.setWordWrap(True)
        self.glossary_edit.editingFinished.connect(self.check_glossary)

        form = QFormLayout()
        form.addRow(self.tr("Article &language:"), self.language_combo)
        form.addRow(self.tr("French &typography:"), self.profile_combo)
        form.addRow(self.tr("An article's &house style:"), self.house_style_combo)
        glossary_row = QHBoxLayout()
        glossary_row.addWidget(self.glossary_edit, 1)
        glossary_row.addWidget(browse)
        glossary_label = QLabel(self.tr("My &glossary (TOML):"), page)
        glossary_label.setBuddy(self.glossary_edit)
        form.addRow(glossary_label, glossary_row)
        form.addRow("", self.glossary_status)
        check_row = QHBoxLayout()
        check_row.addWidget(all_button)
        check_row.addWidget(none_button)
        check_row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Kinds of problems to look for:"), page))
        layout.addWidget(self.categories, 1)
        layout.addLayout(check_row)
        self.rules_off = QListWidget(page)
        self.rules_off.setObjectName("disabledRules")
        self.rules_off.setMaximumHeight(self.fontMetrics().height() * 5)
        self.rules_off_label = QLabel(self.tr("Rules turned off (check one to turn it back on):"), page)
        layout.addWidget(self.rules_off_label)
        layout.addWidget(self.rules_off)
        return page

    def _dictionary_tab(self) -> QWidget:
        page = QWidget(self)
        explanation = QLabel(
            self.tr("Words in your personal dictionary are never reported as misspelled or foreign."), page
        )
        explanation.setWordWrap(True)
        self.words = QListWidget(page)
        self.words.setObjectName("personalWords")
        self.words.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.word_edit = QLineEdit(page)
        self.word_edit.setObjectName("newWord")
        self.word_edit.setPlaceholderText(self.tr("New word"))
        self.add_button = QPushButton(self.tr("&Add"), page)
        self.remove_button = QPushButton(self.tr("&Remove"), page)
        self.add_button.clicked.connect(self.add_word)
        self.remove_button.clicked.connect(self.remove_selected_words)
        self.word_edit.returnPressed.connect(self.add_word)
        self.word_edit.textChanged.connect(self._update_buttons)
        self.words.itemSelectionChanged.connect(self._update_buttons)
        row = QHBoxLayout()
        row.addWidget(self.word_edit, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(page)
        layout.addWidget(explanation)
        layout.addWidget(self.words, 1)
        layout.addLayout(row)
        return page

    def _appearance_tab(self) -> QWidget:
        page = QWidget(self)
        self.font_combo = QFontComboBox(page)
        self.font_combo.setObjectName("fontFamily")
        self.size_spin = QSpinBox(page)
        self.size_spin.setObjectName("fontSize")
        self.size_spin.setRange(6, 72)
        self.size_spin.setSuffix(self.tr(" pt"))
        self.ui_combo = QComboBox(page)
        self.ui_combo.setObjectName("interfaceLanguage")
        names = {"system": self.tr("Follow the system"), "fr": "Français", "en": "English"}
        for code in UI_LANGUAGES:
            self.ui_combo.addItem(names[code], code)
        note = QLabel(self.tr("A new interface language applies the next time Galley starts."), page)
        note.setWordWrap(True)
        theme = QLabel(self.tr("Colours follow the system theme, light or dark."), page)
        theme.setWordWrap(True)
        form = QFormLayout(page)
        form.addRow(self.tr("Text &font:"), self.font_combo)
        form.addRow(self.tr("Font &size:"), self.size_spin)
        form.addRow(self.tr("&Interface language:"), self.ui_combo)
        form.addRow("", note)
        form.addRow("", theme)
        return page

    # Values ----------------------------------------------------------------------------------------------------
    def _load(self, prefs: Preferences) -> None:
        self._select(self.language_combo, prefs.article_language)
        self._select(self.profile_combo, prefs.profile)
        self._select(self.house_style_combo, prefs.house_style)
        self._select(self.ui_combo, prefs.ui_language)
        enabled = set(prefs.enabled_categories)
        for i in range(self.categories.count()):
            item = self.categories.item(i)
            checked = item.data(Qt.ItemDataRole.UserRole) in enabled
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.glossary_edit.setText(prefs.glossary_path)
        self.rules_off.clear()
        for rule in prefs.disabled_rules:
            item = QListWidgetItem(rule, self.rules_off)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.rules_off.setVisible(bool(prefs.disabled_rules))
        self.rules_off_label.setVisible(bool(prefs.disabled_rules))
        self.words.clear()
        for word in prefs.personal_words:
            self.words.addItem(word)
        font = prefs.editor_font()
        self.font_combo.setCurrentFont(QFont(font.family()))
        self.size_spin.setValue(prefs.font_size)
        self._update_buttons()

    def preferences(self) -> Preferences:
        """The preferences as currently shown in the dialog."""
        enabled = tuple(
            self.categories.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.categories.count())
            if self.categories.item(i).checkState() == Qt.CheckState.Checked
        )
        # Unless the person picked a font, keep the saved choice (empty = follow the system's fixed-width font).
        family = self.font_combo.currentFont().family() if self._font_touched else self._original.font_family
        return Preferences(
            article_language=str(self.language_combo.currentData()),
            profile=str(self.profile_combo.currentData()),
            house_style=str(self.house_style_combo.currentData()),
            enabled_categories=enabled,
            glossary_path=self.glossary_edit.text().strip(),
            personal_words=tuple(self.words.item(i).text() for i in range(self.words.count())),
            font_family=family,
            font_size=self.size_spin.value(),
            ui_language=str(self.ui_combo.currentData()),
            disabled_rules=tuple(
                self.rules_off.item(i).text()
                for i in range(self.rules_off.count())
                if self.rules_off.item(i).checkState() != Qt.CheckState.Checked
            ),
        ).normalised()

    def check_glossary(self) -> str | None:
        """Read the chosen glossary now, so a typo in it is seen here and not as a failed analysis later."""
        problem, count = glossary_problem(self.glossary_edit.text())
        if problem is not None:
            self.glossary_status.setText(problem)
        elif count is None:
            self.glossary_status.clear()
        else:
            self.glossary_status.setText(self.tr("{count} entries read.").format(count=count))
        return problem

    def accept(self) -> None:
        """OK keeps the dialog open while the glossary cannot be used, and says why."""
        if self.check_glossary() is not None:
            self.tabs.setCurrentIndex(0)
            self.glossary_edit.setFocus()
            return
        super().accept()

    def _on_font_picked(self) -> None:
        self._font_touched = True

    def add_word(self) -> None:
        word = self.word_edit.text().strip()
        if not word or any(c.isspace() for c in word):
            return
        if not self.words.findItems(word, Qt.MatchFlag.MatchExactly):
            words = [self.words.item(i).text() for i in range(self.words.count())]
            row = sum(1 for w in words if (sort_key(w), w) < (sort_key(word), word))
            self.words.insertItem(row, word)  # alphabetical as people expect it (Élysée among the e)
        self.words.clearSelection()
        for match in self.words.findItems(word, Qt.MatchFlag.MatchExactly):
            self.words.setCurrentItem(match)  # show where it went
        self.word_edit.clear()

    def remove_selected_words(self) -> None:
        for item in self.words.selectedItems():
            self.words.takeItem(self.words.row(item))

    def _update_buttons(self) -> None:
        word = self.word_edit.text().strip()
        self.add_button.setEnabled(bool(word) and not any(c.isspace() for c in word))
        self.remove_button.setEnabled(bool(self.words.selectedItems()))

    def _check_all(self, on: bool) -> None:
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        for i in range(self.categories.count()):
            self.categories.item(i).setCheckState(state)

    def _browse_glossary(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose a glossary"), self.glossary_edit.text(), self.tr("TOML glossary (*.toml)")
        )
        if path:
            self.glossary_edit.setText(path)
            self.check_glossary()

    @staticmethod
    def _select(combo: QComboBox, value: str) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(max(0, index))

    @classmethod
    def edit(cls, parent: QWidget | None, prefs: Preferences) -> tuple[Preferences, bool]:
        """Show the dialog modally: returns (new preferences, accepted); on cancel, the preferences given."""
        dialog = cls(prefs, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.preferences(), True
            return prefs, False
        finally:
            dialog.deleteLater()
