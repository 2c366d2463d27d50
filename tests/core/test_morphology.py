"""The French dictionary's tables are read from the disk cache after the first time, with the same answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.core import morphology
from editor.core.suggest import find_dictionary

pytestmark = pytest.mark.skipif(
    find_dictionary("fr_FR") is None,
    reason="the French hunspell dictionary is not installed (scripts/setup.sh installs hunspell-fr-comprehensive)",
)


def test_entries_come_back_the_same_from_the_disk_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    found = find_dictionary("fr_FR")
    assert found is not None
    fresh = morphology._read(*found).entries
    assert list(tmp_path.rglob("fr_FR-entries-*.marshal"))

    def must_not_build() -> dict[str, str]:
        raise AssertionError("read again although cached")

    assert morphology.disk_cached("entries", must_not_build) == fresh
    assert "renseignement" in fresh


def test_a_damaged_cache_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    morphology.disk_cached("probe", lambda: {"a": "b"})
    (cached,) = tmp_path.rglob("fr_FR-probe-*.marshal")
    cached.write_bytes(b"\x00garbage")
    assert morphology.disk_cached("probe", lambda: {"a": "c"}) == {"a": "c"}


def test_unwritable_cache_folder_still_works(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # a file where a folder should be
    assert morphology.disk_cached("probe", lambda: {"a": "b"}) == {"a": "b"}
