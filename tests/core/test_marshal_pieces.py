"""The checking tables' disk caches: read back whole and in order, and a damaged cache is rebuilt, not trusted."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.core import marshal_pieces
from editor.core.suggest import load_index, suggest


def test_a_table_comes_back_whole_and_in_its_order() -> None:
    table = {f"mot{i:06d}": ("" if i % 3 else f"Mot{i}") for i in range(3 * marshal_pieces.PIECE_KEYS + 17)}
    back = marshal_pieces.loads(marshal_pieces.dumps(table))
    assert back == table
    assert list(back) == list(table)  # the suggestion index relies on its keys staying sorted
    assert marshal_pieces.loads(marshal_pieces.dumps({})) == {}


def test_a_truncated_table_is_refused() -> None:
    data = marshal_pieces.dumps({f"k{i}": "v" for i in range(20_000)})
    with pytest.raises(ValueError):
        marshal_pieces.loads(data[: len(data) // 2])


def test_a_damaged_index_cache_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    first = load_index("en_US")
    (cache,) = tmp_path.rglob("en_US-*.index.marshal")
    cache.write_bytes(cache.read_bytes()[:1000])  # a write cut short by a full disk, say
    assert load_index("en_US") == first
    assert list(load_index("en_US")) == sorted(first)


def test_suggestions_from_the_cached_index_are_those_of_a_fresh_one() -> None:
    assert suggest("goverment", "en")[0] == "government"
    assert suggest("mment", "fr", counts={"moment": 4})[0] == "moment"


def test_a_sorted_table_comes_back_in_shards_by_first_character() -> None:
    table = {f"{c}{i:05d}": "" for c in "abé" for i in range(marshal_pieces.PIECE_KEYS + 5)}
    shards = marshal_pieces.loads_shards(marshal_pieces.dumps(table, by_first=True))
    assert list(shards) == ["a", "b", "é"]
    assert [k for shard in shards.values() for k in shard] == list(table)
    with pytest.raises(ValueError):  # pieces across two first characters: an older cache, rebuilt
        marshal_pieces.loads_shards(marshal_pieces.dumps(table))


def test_the_suggester_over_shards_finds_what_the_whole_index_finds() -> None:
    from editor.core.suggest import Suggester, load_index, load_shards

    whole = Suggester(load_index("fr_FR"), "fr")
    sharded = Suggester({}, "fr", shards=load_shards("fr_FR"))
    assert len(whole) == len(sharded) > 0
    # typos at the first letter too (the edits that change it are looked up in the other shards)
    for word in ["mainson", "amison", "xmaison", "aison", "éléphnat", "etat", "Pariss", "gouvernemnet"]:
        assert sharded.suggest(word) == whole.suggest(word), word
