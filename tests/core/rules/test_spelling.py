"""The `spelling` rules: typos are warnings with suggestions, names and the like are info at most."""

from __future__ import annotations

import time

import pytest

from editor.core.engine import analyse_text, recheck_paragraph
from editor.core.findings import Finding, Severity
from editor.core.rules.base import CheckConfig

CONFIG = CheckConfig(lang="fr", enabled=("spelling",))


def spelling(text: str, config: CheckConfig = CONFIG, lang: str = "fr") -> list[Finding]:
    return [f for f in analyse_text(text, lang, config) if f.category == "spelling"]


@pytest.mark.parametrize(
    "before",
    ["Le gouvernement a dit que ", "Élève à l’été, ", "Le 🎉 gouvernement 🇫🇷 a dit que "],
    ids=["ascii", "accented", "emoji"],
)
def test_lower_case_typo_is_a_warning_with_its_correction_and_exact_span(before: str) -> None:
    text = before + "la négotiation continue."
    found = spelling(text)
    assert len(found) == 1
    f = found[0]
    assert f.rule == "spelling.unknown-word"
    assert f.severity == Severity.WARNING
    assert f.text == text[f.start : f.end] == "négotiation"
    assert f.start == len(before) + 3
    assert f.suggestions[0] == "négociation"


def test_correct_french_with_names_elisions_and_compounds_raises_no_warning() -> None:
    text = (
        "Aujourd'hui, l'OTAN et l’ONU ont dit qu'il faut aider d'Ukraine à Kiev ; c’est peut-être "
        "l'ex-président franco-allemand qui a-t-il parlé de 10km et de COVID-19 à Witkoff, Mike Waltz, "
        "JD Vance et Zaporozhye, le week-end, jusqu’à la presqu’île. Les vœux et les voeux du maire."
    )
    assert [f for f in spelling(text) if f.severity != Severity.INFO] == []


def test_unknown_capitalised_word_is_info_and_never_a_warning() -> None:
    text = "Le ministre Witkoffski a parlé. 🎉 Puis Witkoffski est parti."
    found = spelling(text)
    assert [f.text for f in found] == ["Witkoffski", "Witkoffski"]
    assert all(f.severity == Severity.INFO and f.rule == "spelling.unknown-name" for f in found)
    assert all(f.text == text[f.start : f.end] for f in found)


def test_accent_slip_on_a_capitalised_name_gets_the_dictionary_spelling() -> None:
    text = "Les Etats-Unis ont répondu."
    (f,) = spelling(text)
    assert f.severity == Severity.INFO
    assert f.suggestions[:1] == ("États-Unis",)


def test_personal_and_ignored_words_are_never_flagged() -> None:
    text = "La négotiation et la blablatude."
    config = CheckConfig(
        lang="fr",
        enabled=("spelling",),
        personal_words=frozenset({"blablatude"}),
        ignored_words=frozenset({"négotiation"}),
    )
    assert spelling(text, config) == []
    assert {f.text for f in spelling(text)} == {"négotiation", "blablatude"}


def test_words_inside_links_are_left_to_the_link_rules() -> None:
    text = "Voir https: /2025/12/politics/putin-trump-phon-call/index.html et www.exemple.fr/pagex."
    assert spelling(text) == []


def test_suggestions_can_be_switched_off() -> None:
    config = CheckConfig(lang="fr", enabled=("spelling",), suggestions=False)
    (f,) = spelling("Une négotiation.", config)
    assert f.suggestions == ()


def test_german_and_english_articles_are_checked_in_their_language() -> None:
    (de,) = spelling("Die Regirung hat heute entschieden.", CheckConfig(lang="de", enabled=("spelling",)), "de")
    assert de.text == "Regirung" and de.severity == Severity.INFO  # German nouns are capitalised: info only
    (en,) = spelling("The goverment said so.", CheckConfig(lang="en", enabled=("spelling",)), "en")
    assert en.text == "goverment" and en.suggestions[0] == "government"


def test_paragraph_recheck_gives_the_same_findings_as_the_whole_article() -> None:
    text = "Premier paragraphe sans faute.\n\nLa négotiation 🎉 avec Witkoffski.\n\nFin."
    whole = spelling(text)
    start = text.index("La négotiation")
    end = text.index("\n\nFin")
    again = [f for f in recheck_paragraph(text, start, end, "fr", CONFIG) if f.category == "spelling"]
    assert [(f.rule, f.start, f.end, f.suggestions) for f in again] == [
        (f.rule, f.start, f.end, f.suggestions) for f in whole
    ]


@pytest.mark.parametrize(
    "junk",
    ["a" * 1_000_000, " " * 1_000_000, "-'" * 500_000, "https://x.y/" + "a/" * 400_000, "é’-" * 300_000],
    ids=["letters", "spaces", "punct", "url", "accents"],
)
def test_pathological_text_is_handled_quickly(junk: str) -> None:
    t0 = time.process_time()
    analyse_text(junk, "fr", CheckConfig(lang="fr", enabled=("spelling", "foreign", "terminology")))
    assert time.process_time() - t0 < 5  # generous: the point is linear, not quadratic


def test_odd_tokens_never_reach_enchant() -> None:
    text = "Un mot\u00adcoupé, un zéro\u200blargeur, 🎉🎉, \ud800 et \x00 nul."
    for f in spelling(text):
        assert f.text == text[f.start : f.end]


def test_current_press_words_and_words_built_on_names_are_not_typos() -> None:
    text = "Les sarkozystes et les gaullistes parlent du covid, du wokisme et de l’écoanxiété à l'ère post-covid."
    assert [f for f in spelling(text) if f.severity != Severity.INFO] == []


def test_the_real_sample_article_is_covered() -> None:
    """Every word of the damaged sample this part is responsible for yields a finding (spelling, foreign, glossary)."""
    from pathlib import Path

    sample = (Path(__file__).resolve().parents[2] / "data" / "sample_000.txt").read_text(encoding="utf-8")
    config = CheckConfig(lang="fr", enabled=("spelling", "foreign", "terminology"))
    found = analyse_text(sample, "fr", config)
    texts = " | ".join(f.text for f in found)
    for word in [
        "Wladimir",
        "Selenskyj",
        "Wolodymyr",
        "Nahenvoyé",
        "feu de cessez-le-feu",
        "Riad",
        "fazit",
        "Kernkraftwerk",
        "Sewastopol",
        "Kommentare",
    ]:
        assert word in texts, word
    assert all(f.text == sample[f.start : f.end] for f in found)
    # the glossary claims these words: no second finding from spelling or foreign on the same span
    spans = [(f.start, f.end) for f in found]
    assert len(spans) == len(set(spans))


def test_a_french_word_without_its_accents_is_a_typo_not_a_foreign_word() -> None:
    text = "Le nouvel element 🎉 de l'enquete est une idee."
    config = CheckConfig(lang="fr", enabled=("spelling", "foreign"))
    found = [(f.rule, f.text, f.suggestions[0]) for f in analyse_text(text, "fr", config)]
    assert found == [
        ("spelling.unknown-word", "element", "élément"),
        ("spelling.unknown-word", "enquete", "enquête"),
        ("spelling.unknown-word", "idee", "idée"),
    ]


def test_lower_case_word_far_from_every_dictionary_word_is_info_not_a_typo() -> None:
    text = "La brigade bethoncourtoise 🎉 a saisi de la bivalirudine et une négotiation."
    found = {f.text: (f.rule, f.severity) for f in spelling(text)}
    assert found == {
        "bethoncourtoise": ("spelling.unknown-term", Severity.INFO),
        "bivalirudine": ("spelling.unknown-term", Severity.INFO),
        "négotiation": ("spelling.unknown-word", Severity.WARNING),
    }


@pytest.mark.parametrize(
    "word",
    ["tératome", "barophiles", "somalisation", "staretz", "mezcal", "thyréophore", "subcarpathiques"],
)
def test_rare_word_whose_dictionary_neighbours_are_rare_is_info_not_a_typo(word: str) -> None:
    text = f"Le rapport du laboratoire mentionne le {word} dans sa conclusion."
    found = [(f.text, f.rule, f.severity) for f in spelling(text)]
    assert found == [(word, "spelling.unknown-term", Severity.INFO)]


@pytest.mark.parametrize(
    ("typo", "fix"),
    [
        ("hopital", "hôpital"),
        ("intaller", "installer"),
        ("combatttre", "combattre"),
        ("possesion", "possession"),
        ("créationn", "création"),
        ("naviguable", "navigable"),
        ("apros", "après"),  # a rare word (`paros`) is nearer, the common one is one slip away too
        ("préiode", "période"),  # not the prefix `pré-` glued to `iode`: two letters of a common word swapped
    ],
)
def test_one_slip_from_a_common_word_stays_a_warning(typo: str, fix: str) -> None:
    text = f"Le rapport du laboratoire mentionne aussi {typo} dans sa conclusion."
    (f,) = spelling(text)
    assert (f.text, f.rule, f.severity) == (typo, "spelling.unknown-word", Severity.WARNING)
    assert fix in f.suggestions


def test_a_word_split_where_its_apostrophe_was_lost_is_one_warning_with_the_word() -> None:
    text = "Les membres du parti se servent aujourd hui de ce texte, presque chaque jour."
    (f,) = spelling(text)
    assert (f.text, f.rule, f.severity, f.suggestions[:1]) == (
        "aujourd hui",
        "spelling.unknown-word",
        Severity.WARNING,
        ("aujourd'hui",),
    )
    assert spelling("Les membres du parti se servent aujourd’hui de ce texte.") == []


def test_german_separable_verbs_and_name_particles_are_known() -> None:
    config = CheckConfig(lang="de", enabled=("spelling",))
    text = "Er versuchte herauszukriechen, als sie mitnimmt und heruntergeschaut hat, mit Guillermo del Toro."
    assert [f for f in spelling(text, config, "de") if f.severity != Severity.INFO] == []
    (f,) = spelling("Er versuchte herauszukrichen.", config, "de")
    assert f.text == "herauszukrichen" and f.severity == Severity.WARNING


def test_doubling_the_text_roughly_doubles_the_time() -> None:
    """Complexity, not speed: every pass is linear (caches warm, so only the per-token work is measured)."""
    sentence = (
        "Le gouvernement a présenté jeudi son projet, selon Witkoffski, avec une négotiation 🎉 sur le "
        "Kernkraftwerk de Selenskyj et the talks would continue next week. "
    )
    config = CheckConfig(lang="fr", enabled=("spelling", "foreign", "terminology"))

    def best(text: str) -> float:
        times = []
        for _ in range(3):
            t0 = time.process_time()
            analyse_text(text, "fr", config)
            times.append(time.process_time() - t0)
        return min(times)

    small = (sentence * 150 + "\n\n") * 2
    large = small * 2
    best(small)  # warm the caches
    assert best(large) < 3.0 * best(small)


def test_damage_owned_by_other_categories_is_not_reported_again() -> None:
    text = (
        'Un moment dÃ©licat 🎉, rel = "noopener" Target = "_ Blank" le&nbsp;mot, '
        "voir www. energie-europe. fr et https: /2025/11/energie/nucleaire-europe/index.html."
    )
    config = CheckConfig(lang="fr", enabled=("spelling", "foreign"))
    assert analyse_text(text, "fr", config) == []


def warnings(text: str) -> list[str]:
    return [f.text for f in spelling(text) if f.severity != Severity.INFO]


def test_both_spellings_of_the_1990_reform_are_accepted_and_neither_is_corrected_into_the_other() -> None:
    traditional = "L’entraînement au bord de l’abîme, complètement fini, coûte cher ; il connaît le nénuphar."
    reformed = "L’entrainement au bord de l’abime, complétement fini, coute cher ; il connait le nénufar."
    assert spelling(traditional) == []
    assert spelling(reformed) == []


def test_words_in_letters_french_does_not_use_are_not_french_typos() -> None:
    text = "Le village est situé dans le centre du judeţ, près de l’Ottův slovník naučný, la cerámica locale."
    assert warnings(text) == []
    assert "judeţ" in [f.text for f in spelling(text)]  # still shown, as info


def test_terms_named_after_a_language_and_species_names_are_not_typos() -> None:
    text = (
        "Une étoile fixe (du latin stella fixa) brille. Les gens mangent. "
        "Hypsiboas pombali est une espèce. Le crabe C. opilio est pêché."
    )
    assert warnings(text) == []


def test_real_typos_next_to_those_classes_are_still_warnings() -> None:
    text = "Le cadre est tres beau, la qualité professionelle et le latin tres ancien."
    assert warnings(text) == ["tres", "tres"]
    assert [f.suggestions[0] for f in spelling(text) if f.text == "tres"] == ["très", "très"]


def test_typos_after_a_name_in_a_clause_and_prefixed_words_and_ordinals() -> None:
    text = "Le taux d’Aclasta étiat bas et l’emploi d’Angiox doivennt suivre. On peut s’autosaisir au XVIII ème."
    assert warnings(text) == ["étiat", "doivennt"]


def test_the_french_dictionary_is_the_one_with_both_spellings() -> None:
    from editor.core.spelling import french_variant

    assert french_variant() == "toutes variantes"  # scripts/setup.sh installs hunspell-fr-comprehensive


@pytest.mark.parametrize(
    "text",
    [
        "Le phosphore pentacoordonné reste rare.",  # a combining form glued to a dictionary word
        "Une espèce bathypélagique et un complexe penta-coordonné.",
        "Les « vautes » sont des beignets aux fruits.",  # a word quoted alone is a term being named
    ],
)
def test_formations_and_terms_quoted_alone_are_never_warnings(text: str) -> None:
    assert [f for f in spelling(text) if f.severity is Severity.WARNING] == []


def test_a_typo_between_two_quotations_is_still_a_warning() -> None:
    text = 'Des "manoeuvres frauduleuses" yant "porté atteinte" au scrutin.'
    assert [f.text for f in spelling(text) if f.severity is Severity.WARNING] == ["yant"]


@pytest.mark.parametrize(
    ("typo", "fix"),
    [
        ("cnyophile", "cynophile"),  # two letters swapped
        ("canniveaux", "caniveaux"),  # a letter doubled
        ("hémstocrite", "hématocrite"),  # a neighbouring key
        ("désaisi", "dessaisi"),  # a doubled letter typed once
    ],
)
def test_a_typo_of_a_rare_word_is_a_warning_when_french_never_writes_it(typo: str, fix: str) -> None:
    """French usage (wordfreq) never writes these, and a word it writes is one typing slip away: a typo, although
    the word meant is rare (a letter replaced by an unrelated one is not enough: `barophiles` stays info)."""
    text = f"Le rapport du laboratoire mentionne aussi {typo} dans sa conclusion."
    (f,) = spelling(text)
    assert (f.text, f.rule, f.severity) == (typo, "spelling.unknown-word", Severity.WARNING)
    assert f.suggestions[0] == fix


@pytest.mark.parametrize(
    "text",
    [
        "Couche par couche, Morin arrange les beats digitaux avec les sons des guitares.",
        "On peut envoyer par la plate-forme des gif et des mèmes personnalisés.",
        "L'éros est complémentaire ou s'oppose à l'agapè dans la pensée chrétienne.",
    ],
)
def test_a_word_french_writes_as_often_as_its_neighbours_is_a_word_of_its_own(text: str) -> None:
    """`beats` is written more often than `ébats`, `gif` about as often as `if`: borrowings, not slips."""
    found = spelling(text)
    assert [f.severity for f in found] == [Severity.INFO]
    assert found[0].rule == "spelling.unknown-term"


def test_a_common_typo_wordfreq_has_seen_stays_a_warning() -> None:
    """Web text holds `tres` and `professionel` too, but forty and a hundred times less than the right words."""
    found = spelling("Le cadre est tres beau et le service professionel.")
    assert [(f.text, f.severity, f.suggestions[0]) for f in found] == [
        ("tres", Severity.WARNING, "très"),
        ("professionel", Severity.WARNING, "professionnel"),
    ]


def test_a_typo_in_a_long_elided_word_is_reported_on_that_word() -> None:
    found = spelling("Il a marché jnusqu'à la gare, lorqsu'il pleuvait ; y'a-t-il un entr'acte ?")
    assert [(f.text, f.severity, f.suggestions[:1]) for f in found if f.severity == Severity.WARNING] == [
        ("jnusqu", Severity.WARNING, ("jusqu",)),
        ("lorqsu", Severity.WARNING, ("lorsqu",)),
    ]


def test_family_names_of_zoology_and_botany_are_terms_but_their_typos_are_not() -> None:
    """`capridés` (from `Capra`; `caprices` is one letter away) is a regular formation the dictionary cannot
    list; `vlidés` keeps the suffix of the word it is a slip of (`validés`), so it stays a typo."""
    found = spelling("Chez les capridés et les cervidés, les résultats sont vlidés par le laboratoire.")
    assert [(f.text, f.rule, f.severity) for f in found] == [
        ("capridés", "spelling.unknown-term", Severity.INFO),
        ("vlidés", "spelling.unknown-word", Severity.WARNING),
    ]


def test_a_common_word_without_its_accents_is_a_warning_however_often_the_web_drops_them() -> None:
    """Web text writes `etat`, `ca` nearly as often as `état`, `ça`: still slips, not words of their own."""
    found = spelling("Le chef de l'etat a dit que ca se voit surtout a noel.")
    assert [(f.text, f.severity, f.suggestions[0]) for f in found] == [
        ("etat", Severity.WARNING, "état"),
        ("ca", Severity.WARNING, "ça"),  # not the unit `cA` (centiampere): capitals inside a word cost more
        ("noel", Severity.WARNING, "noël"),
    ]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("La devise unitas figure au fronton.", "unitas"),  # a Latin inflection French never writes
        ("Il vit dans le kiez berlinois.", "kiez"),  # common German, never written in French
        ("Le mot vient (du grec thermos, chaud, et metron, mesure).", "metron"),  # an etymology names words
        ("La montagne carinthienne est belle.", "carinthienne"),  # the adjective of `Carinthie`
        ("Ils sont barophiles, comme Pyrococcus abyssi.", "abyssi"),  # an epithet after its genus
    ],
)
def test_foreign_words_and_named_terms_are_info_not_typos(text: str, word: str) -> None:
    found = {f.text: (f.rule, f.severity) for f in spelling(text)}
    assert found[word] == ("spelling.unknown-term", Severity.INFO)


def test_an_accent_slip_in_an_english_phrase_is_english_not_a_typo() -> None:
    text = "Il est devenu le general counsel du groupe, puis son secretaire general."
    config = CheckConfig(lang="fr", enabled=("spelling", "foreign"))
    found = [(f.rule, f.text, f.severity) for f in analyse_text(text, "fr", config)]
    assert ("foreign.word", "general counsel", Severity.INFO) in found
    assert ("spelling.unknown-word", "secretaire", Severity.WARNING) in found
    assert ("spelling.unknown-word", "general", Severity.WARNING) in found  # French words around it: a typo


@pytest.mark.parametrize(
    ("text", "typo"),
    [
        ("Le directeur Dupont anonce la fermeture.", "anonce"),  # after a name, a slip of a common word
        ("Le mot vient du grec, mais le gouvernment le reprend.", "gouvernment"),  # outside the etymology
        ("Les résultas de la universitée sont bons.", "résultas"),
    ],
)
def test_typos_next_to_names_or_language_names_stay_warnings(text: str, typo: str) -> None:
    found = {f.text: (f.rule, f.severity) for f in spelling(text)}
    assert found[typo] == ("spelling.unknown-word", Severity.WARNING)
