"""French suggestions for German left in an article: FreeDict's German–French dictionary, frequency-ranked,
compounds split, German-form Russian names transliterated the French way."""

from __future__ import annotations

import gzip
import time
import zlib
from pathlib import Path

import pytest

from editor.core import translate
from editor.core.engine import analyse_text
from editor.core.findings import Finding
from editor.core.rules.base import CheckConfig
from editor.core.translate import Dictzip, Hints, french_name, hints_at, parse_entry, suggest_for

needs_dict = pytest.mark.skipif(translate.dictionary() is None, reason="dict-freedict-deu-fra is not installed")


def findings(text: str, prefix: str) -> list[Finding]:
    return [f for f in analyse_text(text, "fr", CheckConfig(lang="fr", enabled=(prefix,))) if f.rule.startswith(prefix)]


# --- the words the sample and the issue name -------------------------------------------------------------------


@needs_dict
@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        ("Hier, la Haushaltsdebatte a commencé.", "Haushaltsdebatte", "débat budgétaire"),
        ("Un Stromausfall a touché la ville.", "Stromausfall", "panne de courant"),
        ("Selon le Kanzleramt, rien ne change.", "Kanzleramt", "chancellerie"),
        ("La centrale, un Kernkraftwerk ancien, ferme.", "Kernkraftwerk", "centrale nucléaire"),
    ],
)
def test_german_noun_gets_its_french_translation_first(sentence: str, word: str, expected: str) -> None:
    (f,) = [f for f in findings(sentence, "foreign") if word in f.text]
    # the finding may take in the article and adjective that agree with the French noun (`le Kanzleramt` → `la
    # chancellerie`)
    assert expected in f.suggestions[0]
    assert expected in f.message


@needs_dict
def test_plural_german_noun_gets_a_plural_french_translation() -> None:
    (f,) = findings("Les Atomkraftwerke ferment les uns après les autres.", "foreign")
    assert f.suggestions[0] == "centrales nucléaires"


@needs_dict
def test_compound_missing_from_the_dictionary_is_split_into_known_parts() -> None:
    d = translate.dictionary()
    assert d is not None and "flüchtlingsheim" not in d
    # Flüchtling + s + Heim: neither the whole nor any inflection of it is listed
    got = translate.translate("Flüchtlingsheim")
    assert got and got[0].split(" ")[0] in ("foyer", "maison", "asile", "home")
    assert "réfugié" in got[0]


@needs_dict
def test_heading_translation_takes_a_capital() -> None:
    text = "Le débat continue.\n\nStromausfall\n\nLa suite demain."
    (f,) = findings(text, "foreign")
    assert f.suggestions[0] == "Panne de courant"


@needs_dict
def test_context_gender_breaks_ties_between_translations() -> None:
    # Ausfall: perte (fem.), défaut (masc.), … — the determiner before the word prefers what fits it
    fem = translate.translate("Ausfall", Hints(gender="fem"))
    mas = translate.translate("Ausfall", Hints(gender="mas"))
    assert translate.french_gender(fem[0]) == "fem"
    assert translate.french_gender(mas[0]) == "mas"


def test_hints_read_the_determiner_and_the_sentence_start() -> None:
    assert hints_at("Hier, la Haushaltsdebatte", 9) == Hints("fem", False, False)
    assert hints_at("Les Kommentare", 4).plural is True
    assert hints_at("Fin.\n\nfazit", 6).capital is True
    assert hints_at("Voici : fazit", 8).capital is False


# --- names -----------------------------------------------------------------------------------------------------


@needs_dict
@pytest.mark.parametrize(
    ("german", "french"),
    [
        ("Wolgograd", "Volgograd"),
        ("Jekaterinburg", "Iekaterinbourg"),
        ("Dostojewski", "Dostoïevski"),
        ("Tschaikowski", "Tchaïkovski"),
        ("Gorbatschow", "Gorbatchev"),
        ("Schukow", "Joukov"),
        ("Medwedew", "Medvedev"),
    ],
)
def test_german_form_russian_names_get_the_french_form(german: str, french: str) -> None:
    assert french_name(german)[0] == french


def test_transliteration_rule_without_confirmation_gives_its_first_choice() -> None:
    # no dictionary knows this made-up surname: the rule alone (w→v, sch→ch, -ow→-ov)
    assert translate.transliterations("Wschorkow")[0] == "Vchorkov"
    assert french_name("Wschorkow") == ("Vchorkov",)
    assert french_name("Wschorkow", confirmed_only=True) == ()


@needs_dict
@pytest.mark.parametrize(
    ("text", "name", "french"),
    [
        ("Il vit à Wolgograd depuis peu.", "Wolgograd", "Volgograd"),
        ("Il vit à Jekaterinburg depuis peu.", "Jekaterinburg", "Iekaterinbourg"),
        ("Le roman de Dostojewski est long.", "Dostojewski", "Dostoïevski"),
    ],
)
def test_name_findings_offer_the_french_form(text: str, name: str, french: str) -> None:
    found = [f for f in analyse_text(text, "fr", CheckConfig(lang="fr")) if f.text == name]
    assert found and any(f.suggestions[:1] == (french,) for f in found)


def test_names_not_built_the_german_way_get_no_guess() -> None:
    found = [f for f in findings("Il a rencontré Witkoff et Fessenheim.", "spelling") if f.suggestions]
    assert found == []


@needs_dict
@pytest.mark.parametrize("name", ["Wagner", "Schubert", "Weinstein", "Schmidt"])
def test_names_french_already_writes_so_are_left_alone(name: str) -> None:
    # `Schmidt` is in the bilingual dictionary as « forgeron »-type surnames (Lefebvre…): a meaning, not a spelling
    assert french_name(name) == ()


@needs_dict
def test_unknown_name_with_german_letters_gets_the_confirmed_french_form() -> None:
    (f,) = [f for f in findings("Il est né à Irkutsk en 1950.", "spelling") if f.text == "Irkutsk"]
    assert f.suggestions[:1] == ("Irkoutsk",)


@needs_dict
def test_translation_writes_apostrophes_like_the_article() -> None:
    straight = "Les Menschenrechte sont l'affaire de tous."
    curly = "Les Menschenrechte sont l’affaire de tous."
    assert "droits de l'homme" in suggest_for(straight, 4, 18)
    assert "droits de l’homme" in suggest_for(curly, 4, 18)


# --- the dictd files -----------------------------------------------------------------------------------------


def test_entry_parser_reads_numbered_senses_and_skips_german_definitions() -> None:
    body = (
        "Strom /ʃtʁoːm/ <n, masc>\n1. courant 2.\nallgemein eine Menge\n 3.\nelektrischer Strom\n"
        "2. fleuve\ngroßes, fließendes Gewässer\n"
    )
    e = parse_entry(body)
    assert (e.headword, e.pos, e.senses) == ("Strom", "n", (("courant",), ("fleuve",)))
    e = parse_entry("Wahl /vaːl/ <n, fem>\nchoix, élection (Politik)\nEntscheidung\n")
    assert e.senses == (("choix", "élection"),)


def _dictzip(path: Path, data: bytes, chunk: int) -> None:
    """A dictzip file as `dictzip` writes it: raw deflate chunks, full flush between them, sizes in an RA field."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    parts = []
    for i in range(0, len(data), chunk):
        parts.append(comp.compress(data[i : i + chunk]) + comp.flush(zlib.Z_FULL_FLUSH))
    parts[-1] += comp.flush(zlib.Z_FINISH)
    sizes = b"".join(len(p).to_bytes(2, "little") for p in parts)
    ra = (1).to_bytes(2, "little") + chunk.to_bytes(2, "little") + len(parts).to_bytes(2, "little") + sizes
    extra = b"RA" + len(ra).to_bytes(2, "little") + ra
    header = b"\x1f\x8b\x08\x04\0\0\0\0\x02\x03" + len(extra).to_bytes(2, "little") + extra
    trailer = zlib.crc32(data).to_bytes(4, "little") + len(data).to_bytes(4, "little")
    path.write_bytes(header + b"".join(parts) + trailer)


def test_dictzip_random_access_matches_the_whole_text(tmp_path: Path) -> None:
    data = "".join(f"Wort{i} /x/ <n, masc>\nmot{i}\nDefinition\n" for i in range(3000)).encode()
    _dictzip(tmp_path / "x.dict.dz", data, 1000)
    assert gzip.decompress((tmp_path / "x.dict.dz").read_bytes()) == data  # still a valid gzip file
    dz = Dictzip(tmp_path / "x.dict.dz")
    for offset, length in [(0, 10), (995, 20), (1000, 1), (len(data) - 7, 7), (12345, 4000)]:
        assert dz.read(offset, length) == data[offset : offset + length]
    (tmp_path / "plain.dict.dz").write_bytes(gzip.compress(data))
    assert Dictzip(tmp_path / "plain.dict.dz").read(12345, 50) == data[12345:12395]


def test_missing_dictionary_gives_no_suggestion_and_no_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(translate, "DICTD_DIRS", ("/nonexistent",))
    monkeypatch.setattr(translate, "_loaded", {})
    assert translate.dictionary() is None
    assert translate.translate("Stromausfall") == ()
    assert suggest_for("Un Stromausfall.", 3, 15) == ()


@needs_dict
def test_translating_costs_little_next_to_the_check(monkeypatch: pytest.MonkeyPatch) -> None:
    """Translations are looked up only for flagged words: in an article with German in every paragraph, the time
    spent finding them is a small share of the check (once the dictionary is loaded, as the first flagged word
    does). Measured inside the check, so the context checks every suggestion gets are not counted here."""
    para = "Le gouvernement a présenté hier son budget devant les députés, qui en débattront. "
    words = ["Stromausfall", "Haushaltsdebatte", "Kanzleramt", "Kernkraftwerke", "Wolgograd"]
    text = "\n\n".join(para * 3 + f"Le {w} est arrivé." for w in words * 16)
    config = CheckConfig(lang="fr")
    analyse_text(text, "fr", config)  # warm the spelling caches and load the dictionary
    spent = [0.0]
    real = translate.suggest_for

    def timed(*args: object, **kwargs: object) -> tuple[str, ...]:
        t0 = time.perf_counter()
        try:
            return real(*args, **kwargs)  # type: ignore[arg-type]
        finally:
            spent[0] += time.perf_counter() - t0

    monkeypatch.setattr(translate, "suggest_for", timed)
    t0 = time.perf_counter()
    got = analyse_text(text + "\n\nFin.", "fr", config)
    total = time.perf_counter() - t0
    assert sum(1 for f in got if f.rule == "foreign.word" and f.suggestions) >= 48
    assert 0 < spent[0] < 0.2 * total, (spent[0], total)


@needs_dict
def test_compound_prefers_fewest_parts_and_plural_linking_endings() -> None:
    # Haushalt|s|entwurf, not Haus|halt|s|entwurf (« house stop draft »)
    assert translate.translate("Haushaltsentwurf")[0].endswith("de budget")
    # Waffe|n|lieferungen: the linking -n is a plural, and so is the German ending
    assert translate.translate("Waffenlieferungen")[0] == "livraisons d'armes"


@needs_dict
def test_capitalised_plural_is_the_noun_not_the_verb_of_the_same_spelling() -> None:
    # `antworten` is the verb « répondre »; `Antworten` mid-sentence is the plural of `Antwort`
    assert translate.translate("Antworten")[0] == "réponses"
    assert translate.translate("Stunden")[0] == "heures"


def test_french_plurals_follow_the_dictionary() -> None:
    assert translate.pluralise("travail") == "travaux"
    assert translate.pluralise("détail") == "détails"
    assert translate.pluralise("panne de courant") == "pannes de courant"
    assert translate.pluralise("débat budgétaire") == "débats budgétaires"


@pytest.mark.parametrize("phrase", ["maison", "panne de courant", "prix d'énergie", "de", "blackout", "xqzw"])
def test_french_frequencies_read_from_wordfreq_data_match_wordfreq(phrase: str) -> None:
    """The lists are read directly (importing wordfreq costs a second); the figures must stay wordfreq's own."""
    wordfreq = pytest.importorskip("wordfreq")
    assert translate.zipf(phrase) == wordfreq.zipf_frequency(phrase, "fr", wordlist="small")
    assert translate.zipf(phrase, "large") == wordfreq.zipf_frequency(phrase, "fr", wordlist="large")


@needs_dict
def test_unknown_word_has_no_entry_and_no_translation() -> None:
    d = translate.dictionary()
    assert d is not None
    assert d.entries("zzqxv") == ()
    assert translate.translate("Zzqxvwerk") == ()


@needs_dict
@pytest.mark.parametrize(
    ("text", "word"), [("Le film avec Lucille Ball est ressorti.", "Ball"), ("Les Schwarz-Gelben ont gagné.", "Gelben")]
)
def test_word_that_may_be_part_of_a_name_is_not_translated(text: str, word: str) -> None:
    s = text.index(word)
    assert suggest_for(text, s, s + len(word), maybe_name=True) == ()
    assert suggest_for("Le Krieg a duré.", 3, 8, maybe_name=True) == ("guerre",)
