"""The spell service: one locked dictionary per language, cached answers, odd tokens never reach enchant."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest

from editor.core import spelling
from editor.core.spelling import SpellUnavailable, clean_token, service


def test_checks_in_each_language() -> None:
    assert service("fr").check("négociation") and not service("fr").check("négotiation")
    assert service("de").check("Kernkraftwerk") and not service("de").check("Kernkraftwerkk")
    assert service("en").check("government") and not service("en").check("goverment")


def test_same_service_and_cache_across_calls() -> None:
    assert service("fr") is service("fr")
    before = spelling.cache_size("fr")
    service("fr").check("anticonstitutionnellement")
    service("fr").check("anticonstitutionnellement")
    assert spelling.cache_size("fr") <= before + 1


@pytest.mark.parametrize("token", ["", "\x00", "\ud800", "🎉", "\u200b", "\u00ad", "🇫🇷", "a\x00b", "x" * 500])
def test_odd_tokens_are_answered_without_crashing(token: str) -> None:
    assert service("fr").check(token) is True  # not a word: nothing to report
    assert service("fr").suggest(token) == ()


def test_invisible_characters_inside_a_word_are_ignored() -> None:
    assert clean_token("gou\u00advernement") == "gouvernement"
    assert clean_token("zéro\u200blargeur") == "zérolargeur"
    assert service("fr").check("gou\u00advernement")
    assert service("fr").check("e\u0301te\u0301")  # decomposed accents: été


def test_unknown_language_is_a_clear_error() -> None:
    with pytest.raises(SpellUnavailable, match="no spelling dictionary for language 'xx'"):
        service("xx")


def test_many_threads_share_one_dictionary_safely() -> None:
    words = [f"mot{i}" for i in range(300)] + ["maison", "Kiev", "négociation"]
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for w in words:
                service("fr").check(w)
                service("de").check(w)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(spelling._dicts) <= 3  # one dictionary per language, never one per thread


def test_enchant_suggestions_are_cached() -> None:
    first = service("fr").suggest("négotiation")
    assert "négociation" in first
    assert service("fr").suggest("négotiation") is first


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        ("import enchant\nenchant.Broker.dict_exists = lambda self, tag: False\n", "hunspell-fr"),  # no dictionary
        ("sys.modules['enchant'] = None\n", "Enchant library"),  # no libenchant (pyenchant cannot load)
    ],
    ids=["no-dictionary", "no-enchant"],
)
def test_missing_spell_checker_gives_one_line_from_the_cli(tmp_path: Path, setup: str, expected: str) -> None:
    """Without enchant or its dictionary, `galley check` says so in one line instead of a traceback."""
    article = tmp_path / "a.txt"
    article.write_text("Une négotiation.\n", encoding="utf-8")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    code = (
        "import sys\n"
        + setup
        + "from editor.cli import main\n"
        + "sys.exit(main(['check', '--lang', 'fr', '--jobs', '2', sys.argv[1]]))\n"
    )
    r = subprocess.run([sys.executable, "-c", code, str(article)], capture_output=True, text=True, env=env, timeout=60)
    assert "Traceback" not in r.stderr
    lines = [line for line in r.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and expected in lines[0], r.stderr
    assert r.returncode == 2
