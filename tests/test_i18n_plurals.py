"""Counted messages take the plural form of the reader's language: French says "0 fichier", "1 fichier",
"2 fichiers" (0 is singular in French, plural in English), through gettext's plural entries."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from editor.core.engine import analyse_text
from editor.core.i18n import ngettext, set_language
from editor.core.rules.base import CheckConfig

REPO = Path(__file__).resolve().parents[1]
PO = REPO / "resources" / "locale" / "fr" / "LC_MESSAGES" / "galley.po"
sys.path.insert(0, str(REPO / "scripts"))
import build_translations  # noqa: E402
import messages  # noqa: E402

FILES = (
    "{count} file exists already: {files} (use --force to overwrite)",
    "{count} files exist already: {files} (use --force to overwrite)",
)
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


@pytest.fixture(scope="module", autouse=True)
def compiled() -> None:
    build_translations.build_catalogues()


@pytest.fixture(autouse=True)
def _environment_language() -> Iterator[None]:
    yield
    set_language(None)


def _files(n: int) -> str:
    return ngettext(*FILES, n).format(count=n, files="a.txt")


def test_french_takes_the_singular_for_zero_and_one_and_the_plural_from_two() -> None:
    set_language("fr")
    assert _files(0).startswith("0 fichier existe déjà")
    assert _files(1).startswith("1 fichier existe déjà")
    assert _files(2).startswith("2 fichiers existent déjà")
    assert _files(1000000).startswith("1000000 fichiers existent")
    set_language("en")
    assert _files(0).startswith("0 files exist")
    assert _files(1).startswith("1 file exists")
    assert _files(2).startswith("2 files exist")


def test_a_rule_message_counts_in_french() -> None:
    set_language("fr")
    config = CheckConfig(lang="fr", enabled=("encoding.replacement-char",))
    one = [f.message for f in analyse_text("Le caf\ufffd était froid ce matin-là.", "fr", config)]
    two = [f.message for f in analyse_text("Le caf\ufffd\ufffd était froid ce matin-là.", "fr", config)]
    assert one and one[0].startswith("un caractère a été perdu")
    assert two and two[0].startswith("2 caractères ont été perdus")


def test_the_catalogue_declares_french_plural_forms_and_every_ngettext_is_a_plural_entry() -> None:
    with PO.open("rb") as f:
        catalog = read_po(f)
    assert catalog.num_plurals == 2 and catalog.plural_expr == "(n > 1)"
    wanted = [s for s in messages.strings() if isinstance(s, tuple)]
    assert FILES in wanted
    for singular, plural in wanted:
        m = catalog.get(singular)
        assert m is not None and m.pluralizable and m.id == (singular, plural)
        forms = list(m.string)
        assert len(forms) == 2 and all(forms), m.id
        assert set(PLACEHOLDER.findall(forms[0])) <= set(PLACEHOLDER.findall(singular + plural)), m.id
        assert sorted(PLACEHOLDER.findall(forms[1])) == sorted(PLACEHOLDER.findall(plural)), m.id


def test_update_turns_a_pair_of_plain_entries_into_one_plural_entry(tmp_path: Path) -> None:
    """A catalogue from before plural entries (two plain entries) keeps both translations in the plural entry;
    `--check` reports a plural entry with an empty form."""
    with PO.open("rb") as f:
        catalog = read_po(f)
    translated = tuple(catalog.get(FILES[0]).string)
    del catalog[FILES[0]]
    catalog.add(FILES[0], translated[0])
    catalog.add(FILES[1], translated[1])
    po = tmp_path / "fr" / "LC_MESSAGES" / "galley.po"
    po.parent.mkdir(parents=True)
    with po.open("wb") as f:
        write_po(f, catalog, width=120)
    assert FILES in messages.untranslated(po)
    messages.update(po)
    with po.open("rb") as f:
        updated = read_po(f)
    m = updated.get(FILES[0])
    assert m.id == FILES and tuple(m.string) == translated
    assert updated.get(FILES[1]) is None
    assert FILES not in messages.untranslated(po)
    m.string = (translated[0], "")
    with po.open("wb") as f:
        write_po(f, updated, width=120)
    assert FILES in messages.untranslated(po)


def test_extraction_finds_ngettext_as_one_plural_entry(tmp_path: Path) -> None:
    code = tmp_path / "m.py"
    code.write_text('x = ngettext("{n} cat", "{n} cats", n)\ny = _("a dog")\n', encoding="utf-8")
    assert messages._from_code(code) == [("{n} cat", "{n} cats"), "a dog"]
