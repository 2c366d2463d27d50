"""Register rule: `vous`/`votre`/`vos` in third-person news narration, a mistranslated German `Sie`/`Ihr`."""

from __future__ import annotations

import time

import pytest

from editor.core.engine import analyse_text
from editor.core.findings import Finding, Severity
from editor.core.rules.base import CheckConfig, Context
from editor.core.rules.register import RULES, quoted_spans, third_plural

# A news report around the damaged sentence, so the article reads as third-person narration.
NEWS_BEFORE = (
    "Le gouvernement a annoncé mardi un nouveau plan. Selon le ministre, les négociations avancent. "
    "Les syndicats ont déclaré qu'ils attendaient des garanties. La réunion a duré trois heures. "
)
NEWS_AFTER = " Le texte sera présenté en juin. Les députés ont salué l'accord. La presse a relayé l'annonce."

SURROUNDINGS = [
    ("Hier, ", " depuis lundi."),
    ("Déjà à l’été, où ça allait, ", " — voilà."),
    ("Un 😀 puis 🇫🇷 et 👩‍👩‍👧 ", " 🎉 fin."),
]


def register(text: str) -> list[Finding]:
    config = CheckConfig(lang="fr", enabled=("register",))
    return [f for f in analyse_text(text, "fr", config) if f.category == "register"]


CASES = [
    # the span takes in the neighbours the fix changes: `que` elides, a predicative adjective becomes plural
    ("la Maison Blanche souligne que vous êtes proche d'un accord", "que vous êtes proche", "qu'ils sont proches"),
    ("un officier a confirmé que vous connaissiez la distance", "que vous connaissiez", "qu'ils connaissaient"),
    ("alors que vous étiez à quelques mètres", "que vous étiez", "qu'ils étaient"),
    ("le cadre de votre mobilisation", "votre", "leur"),
    ("la formation de vos troupes", "vos", "leurs"),
    ("le ministre a rappelé que vous pouvez négocier", "que vous pouvez", "qu'ils peuvent"),
    ("les experts estiment que vous viendrez", "que vous viendrez", "qu'ils viendront"),
    ("les experts estiment que vous ne viendrez pas", "que vous", "qu'ils"),
    ("les experts estiment que vous n'êtes pas prêts", "que vous n'êtes pas prêts", "qu'ils ne sont pas prêts"),
    ("les experts estiment que vous n’avez pas voté", "que vous n’avez", "qu’ils n’ont"),
    ("le ministre a rappelé que vous l'aviez dit", "que vous l'aviez", "qu'ils l'avaient"),
    ("les experts estiment que vous êtes arrivé", "que vous êtes arrivé", "qu'ils sont arrivés"),
    ("les experts estiment que vous avez été informée", "que vous avez été informée", "qu'ils ont été informés"),
]


@pytest.mark.parametrize(("damaged", "span", "fix"), CASES)
@pytest.mark.parametrize(("before", "after"), SURROUNDINGS)
def test_second_person_in_narration_is_a_warning(damaged: str, span: str, fix: str, before: str, after: str) -> None:
    text = NEWS_BEFORE + before + damaged + "." + after + NEWS_AFTER
    found = register(text)
    assert len(found) == 1, found
    f = found[0]
    assert f.text == text[f.start : f.end] == span
    assert f.start == len(NEWS_BEFORE) + len(before) + damaged.index(span)
    assert f.severity == Severity.WARNING
    assert f.suggestions[0] == fix
    assert "Sie" in f.message or "Ihr" in f.message
    assert not f.auto


def test_sentence_start_keeps_its_capital() -> None:
    text = NEWS_BEFORE + "Vous étiez partis avant la fin. Votre départ a surpris." + NEWS_AFTER
    found = register(text)
    assert [(f.text, f.suggestions[0]) for f in found] == [("Vous étiez", "Ils étaient"), ("Votre", "Leur")]


@pytest.mark.parametrize(
    ("sentence", "first"),
    [
        # `accueillir qqn`: the person is the direct object
        ("Les responsables européens vous accueillent demain.", ("les", "leur")),
        # `rappeler qqch à qqn`, `répondre à qqn`, `demander à qqn de`: the indirect one, `leur`
        ("Les responsables européens vous rappellent la règle.", ("leur", "les")),
        ("Les responsables européens vous rappellent que la sécurité compte.", ("leur", "les")),
        ("Les responsables européens vous répondent sans tarder.", ("leur", "les")),
        ("Les responsables européens vous demandent d'attendre.", ("leur", "les")),
    ],
)
def test_object_pronoun_gets_object_suggestions_for_the_verbs_construction(
    sentence: str, first: tuple[str, str]
) -> None:
    (f,) = register(NEWS_BEFORE + sentence + NEWS_AFTER)
    assert f.text == "vous"
    assert f.suggestions[:2] == first


@pytest.mark.parametrize(
    "legit",
    [
        "Le ministre a déclaré : « Vous êtes prêts, votre pays compte sur vous. »",
        "Le ministre a déclaré : “Vous êtes prêts.”",
        'Le ministre a déclaré : "Vous êtes prêts."',
        "Rendez-vous au local du club, s'il vous plaît.",
        "Pouvez-vous garantir que la Commission agira ?",
        "Dites-vous bien que rien n'est joué.",
    ],
)
def test_quotes_inversions_and_courtesy_are_never_flagged(legit: str) -> None:
    assert register(NEWS_BEFORE + legit + NEWS_AFTER) == []


@pytest.mark.parametrize(
    "address",
    [
        "Si vous souhaitez davantage d'informations, veuillez lire la notice.",  # instructions
        "Je vous remercie de votre présence.",  # first person: speech, not narration
        "Monsieur le Président, vous avez parlé de notre anniversaire commun.",  # vocative
        "Avez-vous des regrets ? Vous étiez pourtant sûr de vous ?",  # questions: an interview
        "\n— Vous étiez à Moscou ce jour-là.\n",  # a dialogue line
        "Lisez votre contrat avant de signer.",  # imperative
        "Pour en savoir plus, contactez votre mairie.",  # imperative inside the sentence
        "\n\nCe que vous devez savoir sur la réforme\n\n",  # a headline
        "L'office de tourisme vous propose des balades pour prolonger votre visite.",  # an advert
        "L'hôtel vous accueille toute l'année et vous attend pour votre séjour.",  # a service page
        "Cette question sert à vérifier que vous n'êtes pas un robot.",  # one person: a singular attribute
    ],
)
def test_direct_address_is_info_at_most(address: str) -> None:
    found = register(NEWS_BEFORE + address + NEWS_AFTER)
    assert found
    assert all(f.severity == Severity.INFO for f in found), found


def test_a_lone_sentence_or_a_guide_is_never_a_warning() -> None:
    # one sentence cannot show that an article is narration
    assert all(f.severity == Severity.INFO for f in register("Il a dit que vous êtes prêts."))
    guide = " ".join(["Vous devez remplir votre déclaration avant mai."] * 5 + ["Le service a précisé la date."])
    assert all(f.severity == Severity.INFO for f in register(guide))


@pytest.mark.parametrize(
    "elsewhere",
    [
        # a leaflet: instructions elsewhere in the text make every `vous` an address to the reader
        "Suivez attentivement les instructions. Si vous avez un doute, demandez conseil.",
        # a speech: the speaker talks in the first person throughout
        "Je vous remercie. Nous avons travaillé dur. Je crois en notre projet.",
    ],
)
def test_articles_that_address_their_reader_get_info_only(elsewhere: str) -> None:
    text = NEWS_BEFORE + elsewhere + " Le rapport dont vous êtes saisis est important." + NEWS_AFTER
    found = register(text)
    assert any(f.text == "vous êtes" for f in found)
    assert all(f.severity == Severity.INFO for f in found), found


def test_sample_passages(sample_text: str) -> None:
    found = register(sample_text)
    texts = [f.text for f in found]
    assert "que vous êtes prêts" in texts
    assert {"votre", "vos"} <= set(texts)


def test_third_plural() -> None:
    assert third_plural("êtes") == "sont"
    assert third_plural("déclarez") == "déclarent"
    assert third_plural("parlerez") == "parleront"
    assert third_plural("obtenez") == "obtiennent"
    assert third_plural("comprenez") == "comprennent"
    assert third_plural("Connaissiez") == "Connaissaient"
    assert third_plural("et") is None


def test_quoted_spans() -> None:
    text = 'Il a dit « non » puis “oui” et „ja“ et "so". Un " seul.'
    spans = [text[s:e] for s, e in quoted_spans(text)]
    assert spans == ["« non »", "“oui”", "„ja“", '"so"']
    # an unclosed « runs to the end of its paragraph, not beyond
    text = "« Début de citation\n\nSuite hors citation"
    assert [text[s:e] for s, e in quoted_spans(text)] == ["« Début de citation"]


@pytest.mark.parametrize(
    "text",
    [
        "vous " * 200_000,
        "vous votre vos " * 60_000 + ". Selon lui, il a dit.",
        "«" * 1_000_000,
        '"' * 1_000_000,
        "." * 1_000_000,
        "Il a dit que vous êtes là. " * 37_000,
        "\n" * 1_000_000,
    ],
    ids=["vous", "pronouns", "guillemets", "straight-quotes", "dots", "sentences", "newlines"],
)
def test_one_megabyte_of_hostile_text_stays_linear(text: str) -> None:
    ctx = Context(text=text, lang="fr")
    _ = ctx.words, ctx.paragraphs
    t0 = time.process_time()
    found = list(RULES[0].check(ctx))
    assert time.process_time() - t0 < 3.0  # CPU seconds of this process: other processes on the machine do not count
    for f in found[:100]:
        assert f.text == text[f.start : f.end]


def test_a_mistranslated_they_is_still_a_warning_beside_an_offer_verb_elsewhere() -> None:
    damaged = "L'office de tourisme vous propose des balades. Les maires vous avez salué le plan."
    text = NEWS_BEFORE + damaged + NEWS_AFTER
    found = register(text)
    assert [(f.text, f.severity) for f in found if f.severity is Severity.WARNING] == [("vous avez", Severity.WARNING)]


def test_a_they_with_a_plural_attribute_is_still_a_warning() -> None:
    """`vous êtes des …` may be `sie sind` (they are); only a singular attribute proves one person addressed."""
    found = register(NEWS_BEFORE + "Les maires vous êtes des élus respectés depuis longtemps." + NEWS_AFTER)
    assert [f.severity for f in found] == [Severity.WARNING]
