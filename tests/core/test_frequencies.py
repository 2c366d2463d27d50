"""wordfreq's French lists as the compact cached table (editor.core.frequencies)."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.core import frequencies

pytest.importorskip("wordfreq")


@pytest.fixture()
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path


def test_table_answers_as_wordfreq_lists_it(cache_home: Path) -> None:
    import wordfreq

    table = frequencies.load("small")
    assert len(table) > 20_000
    for word in ("de", "maison", "gouvernement", "éléphant", "œuvre", "aujourd'hui"):
        bucket = table.get(word)
        assert bucket is not None
        assert round(9 - bucket / 100, 2) == wordfreq.zipf_frequency(word, "fr", wordlist="small")
    assert table.get("zzqxw") is None
    assert table.get("\ud800") is None  # a lone surrogate is no word, not an error


def test_table_is_built_once_then_read_from_the_cache(cache_home: Path) -> None:
    first = frequencies.load("small")
    cached = list((cache_home / "galley" / "frequencies").glob("small_fr-*.freq"))
    assert len(cached) == 1
    again = frequencies.load("small")
    words = ("le", "maison", "inconnuxyz")
    assert [again.get(w) for w in words] == [first.get(w) for w in words]


def test_a_damaged_cache_file_is_rebuilt(cache_home: Path) -> None:
    frequencies.load("small")
    (path,) = (cache_home / "galley" / "frequencies").glob("small_fr-*.freq")
    path.write_bytes(path.read_bytes()[:1000])  # cut short, as a full disk would leave it
    table = frequencies.load("small")
    assert table.get("maison") is not None
    assert len(table) > 20_000
    assert frequencies.FrequencyTable.from_bytes(path.read_bytes()).get("maison") == table.get("maison")


def test_other_languages_lists_are_their_own_tables(cache_home: Path) -> None:
    polish = frequencies.load("small", "pl")
    assert polish.get("gmina") is not None  # a Polish district: the evidence that a word is Polish, not a typo
    assert frequencies.load("small").get("gmina") is None
    assert {p.name.split("-")[0] for p in (cache_home / "galley" / "frequencies").glob("*.freq")} == {
        "small_pl",
        "small_fr",
    }
    assert len(frequencies.load("small", "xx")) == 0  # a language wordfreq has no list for: empty, no error
