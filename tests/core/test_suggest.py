"""The fast suggester: dictionary expansion, disk cache, and corrections worth accepting."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from editor.core import suggest
from editor.core.suggest import Suggester, expand_dictionary, fold, load_index, suggester


def test_fold_removes_accents_case_and_ligatures() -> None:
    assert fold("Élève-Œuvre’s") == "eleve-oeuvre's"
    assert fold("Straße") == "strasse"


def test_small_hunspell_dictionary_is_expanded_with_its_affixes(tmp_path: Path) -> None:
    aff = tmp_path / "xx.aff"
    dic = tmp_path / "xx.dic"
    aff.write_text(
        "SET UTF-8\nFLAG long\nNEEDAFFIX ()\n"
        "SFX S. Y 2\nSFX S. 0 0 .\nSFX S. 0 s [^sxz]\n"
        "SFX A. Y 1\nSFX A. er é er\n"
        "PFX L' Y 1\nPFX L' 0 l' .\n",
        encoding="utf-8",
    )
    dic.write_text("3\nmaison/S.L' po:nom\nchanter/A.\nracine/()\n", encoding="utf-8")
    assert expand_dictionary(dic, aff) == ["chanter", "chanté", "maison", "maisons"]


@pytest.mark.parametrize(
    ("typo", "right"),
    [
        ("négotiation", "négociation"),  # one wrong letter
        ("gouvernemnet", "gouvernement"),  # transposed letters
        ("elephant", "éléphant"),  # missing accents
        ("apeler", "appeler"),  # a doubled letter typed once
        ("prseident", "président"),  # missing letter and accent
        ("gouvrenemnt", "gouvernement"),  # two typos
    ],
)
def test_common_typos_get_the_right_first_suggestion(typo: str, right: str) -> None:
    assert suggest.suggest(typo, "fr")[0] == right


def test_case_of_the_typo_is_kept() -> None:
    assert suggest.suggest("Négotiation", "fr")[0] == "Négociation"
    assert suggest.suggest("NÉGOTIATION", "fr")[0] == "NÉGOCIATION"


def test_words_of_the_article_break_ties() -> None:
    assert "moment" in suggest.suggest("mment", "fr")
    assert suggest.suggest("mment", "fr", counts={"moment": 4})[0] == "moment"


def test_other_languages() -> None:
    assert suggest.suggest("goverment", "en")[0] == "government"
    assert suggest.suggest("Regirung", "de")[0] == "Regierung"


def test_index_is_cached_on_disk_and_reused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    first = load_index("en_US")
    files = list(tmp_path.rglob("en_US-*.index.marshal"))
    assert len(files) == 1
    t0 = time.process_time()
    second = load_index("en_US")
    assert time.process_time() - t0 < 5
    assert second == first


def test_unwritable_cache_folder_still_works(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # a file where a folder should be
    assert len(load_index("en_US")) > 100_000


def test_enchant_is_only_a_fallback() -> None:
    idx = Suggester.from_words(["maison", "raison"])
    assert idx.suggest("zzzzqqq") == []
    assert suggest.suggest("xqzwvkj", "fr") == ()
    # with the fallback allowed, enchant is asked (and may or may not know better), never an error
    assert isinstance(suggest.suggest("xqzwvkj", "fr", fallback=True), tuple)


def test_queries_are_fast_and_never_fail_on_odd_input() -> None:
    idx = suggester("fr")
    for odd in ["", "a", "🎉", "x" * 200, "-'-'", "\u00e9" * 30]:
        idx.suggest(odd)
    t0 = time.process_time()
    for w in ["négotiation", "gouvernemnt", "présidnet", "Ukrainne", "miltaire"] * 20:
        idx.suggest(w)
    assert time.process_time() - t0 < 5


def test_more_suggestions_merge_the_index_and_enchant_without_repeats() -> None:
    more = suggest.more_suggestions("négotiation", "fr")
    assert more[0] == "négociation"
    assert len(more) == len(set(more)) <= 8


def test_machine_without_hunspell_files_still_reports_typos(monkeypatch: pytest.MonkeyPatch) -> None:
    """Enchant may use dictionaries Galley cannot index (another provider, another folder): typos stay warnings."""
    from editor.core.engine import analyse_text
    from editor.core.findings import Severity
    from editor.core.rules import spelling as spelling_rules
    from editor.core.rules.base import CheckConfig

    monkeypatch.setattr(suggest, "HUNSPELL_DIRS", ())
    monkeypatch.setattr(suggest, "_suggesters", {})
    monkeypatch.setattr(suggest, "_cache", {})
    monkeypatch.setattr(spelling_rules.Lexicon, "_verdicts", {})
    assert len(suggester("fr")) == 0
    found = analyse_text("Une négotiation 🎉.", "fr", CheckConfig(lang="fr", enabled=("spelling",)))
    assert [(f.text, f.severity, f.suggestions) for f in found] == [("négotiation", Severity.WARNING, ())]
