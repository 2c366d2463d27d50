"""What the core and the command line say follows the user's language: a French catalogue covers every string."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

REPO = Path(__file__).resolve().parents[1]
PO = REPO / "resources" / "locale" / "fr" / "LC_MESSAGES" / "galley.po"
sys.path.insert(0, str(REPO / "scripts"))
import build_translations  # noqa: E402
import messages  # noqa: E402

PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


@pytest.fixture(scope="module", autouse=True)
def compiled() -> None:
    build_translations.build_catalogues()


def test_every_core_and_cli_string_has_a_french_translation() -> None:
    missing = messages.untranslated(PO)
    assert missing == [], "run scripts/messages.py and translate in galley.po: " + repr(missing[:10])


def test_translations_keep_every_placeholder() -> None:
    with PO.open("rb") as f:
        catalog = read_po(f)
    for m in catalog:
        if m.id and m.string and isinstance(m.id, str):
            assert sorted(PLACEHOLDER.findall(m.id)) == sorted(PLACEHOLDER.findall(str(m.string))), m.id


def _galley(lang: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env["LANG"] = lang
    return subprocess.run(
        [sys.executable, "-m", "editor", *args], capture_output=True, text=True, env=env, timeout=120, check=False
    )


def test_a_french_locale_gets_french_rule_documentation_and_errors() -> None:
    r = _galley("fr_FR.UTF-8", "rules", "casing.month")
    assert "les mois et les jours ne prennent pas de majuscule" in r.stdout
    assert "exemple 1" in r.stdout and "fautif" in r.stdout
    err = _galley("fr_FR.UTF-8", "rules", "nosuch")
    assert err.returncode == 2 and "aucune règle" in err.stderr


def test_an_english_locale_keeps_english() -> None:
    r = _galley("C.UTF-8", "rules", "casing.month")
    assert "French months and days take no capital" in r.stdout


SAMPLE = str(REPO / "tests" / "data" / "sample_000.txt")


def test_a_french_locale_gets_french_findings_from_check() -> None:
    r = _galley("fr_FR.UTF-8", "check", SAMPLE)
    assert r.returncode == 1, r.stderr
    assert "register/second-person: «\u00a0vous\u00a0» dans un récit d’actualité" in r.stdout
    assert "typography/space-before-comma: pas d’espace avant une virgule" in r.stdout
    assert "in news narration" not in r.stdout


def test_an_english_locale_gets_english_findings_from_check() -> None:
    r = _galley("C.UTF-8", "check", SAMPLE)
    assert r.returncode == 1, r.stderr
    assert "register/second-person: « vous » in news narration" in r.stdout
    assert "typography/space-before-comma: no space before a comma" in r.stdout


def test_a_french_locale_gets_french_input_errors() -> None:
    r = _galley("fr_FR.UTF-8", "check", str(REPO / "no-such-article.txt"))
    assert r.returncode == 2 and "fichier ou dossier introuvable" in r.stderr
