"""French elision and contraction around replacements (editor.core.french)."""

from __future__ import annotations

import pytest

from editor.core import french


@pytest.mark.parametrize(
    ("phrase", "fixed"),
    [
        ("que ils sont", "qu'ils sont"),
        ("alors que ils étaient", "alors qu'ils étaient"),
        ("le envoyé pour le Proche-Orient", "l'envoyé pour le Proche-Orient"),
        ("la armée", "l'armée"),
        ("de le Kremlin", "du Kremlin"),
        ("de les Américains", "des Américains"),
        ("à le président", "au président"),
        ("à les journalistes", "aux journalistes"),
        ("du envoyé", "de l'envoyé"),
        ("au envoyé", "à l'envoyé"),
        ("si il faut", "s'il faut"),
        ("s'elle vient", "si elle vient"),
        ("l'centrale", "la centrale"),
        ("d'Kernkraftwerk", "de Kernkraftwerk"),
        ("je ai dit", "j'ai dit"),
        ("ne ont pas", "n'ont pas"),
        ("Que ils", "Qu'ils"),
        ("le homme", "l'homme"),
        ("ce est", "c'est"),
        ("lorsque il arrive", "lorsqu'il arrive"),
    ],
)
def test_normalise_fixes_elision_and_contraction(phrase: str, fixed: str) -> None:
    assert french.normalise(phrase) == fixed


@pytest.mark.parametrize(
    "phrase",
    [
        "la haine",
        "le hasard",
        "le héros",
        "de le faire",
        "de les voir",
        "afin de le lui dire",
        "il n'y a pas",
        "le onze mars",
        "au IIe siècle",
        "le yaourt",
        "si elle vient",
        "lorsque Paris",
        "l'homme",
        "la centrale",
    ],
)
def test_correct_french_is_left_alone(phrase: str) -> None:
    assert french.errors(phrase) == []
    assert french.normalise(phrase) == phrase


def test_typographic_apostrophe_is_kept() -> None:
    text = "l’armée dit que vous êtes là"
    s = text.index("vous")
    assert french.in_context(text, s, s + len("vous êtes"), "ils sont") == (s - 4, s + 9, "qu’ils sont")


def test_in_context_widens_to_the_neighbour_it_changes() -> None:
    text = "dirigés par le Nahenvoyé Steve"
    s = text.index("Nahenvoyé")
    start, end, rep = french.in_context(text, s, s + len("Nahenvoyé"), "envoyé pour le Proche-Orient")
    assert text[start:end] == "le Nahenvoyé"
    assert rep == "l'envoyé pour le Proche-Orient"


def test_in_context_leaves_an_unaffected_replacement_as_is() -> None:
    text = "le président Selenskyj a dit"
    s = text.index("Selenskyj")
    assert french.in_context(text, s, s + 9, "Zelensky") == (s, s + 9, "Zelensky")


def test_h_aspire_and_mute_h_come_from_data() -> None:
    assert french.elides("homme") is True
    assert french.elides("hibou") is False
    assert french.elides("Himalaya") is None  # a name: the caller leaves it as written
