"""Issue 3's quality bar: every damage the real sample article holds is found, by the right kind of rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.core.article import Article
from editor.core.engine import analyse
from editor.core.findings import Finding
from editor.core.rules.base import CheckConfig

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "sample_000.txt"
TITLE = "Trump parle avec les négociations de Poutine sur l'armistice de la Russie ukrainienne"

# (what the person sees, which occurrence of it in the text, the categories that may rightly report it)
EXPECTED: list[tuple[str, int, frozenset[str]]] = [
    (TITLE, 1, frozenset({"duplicate"})),  # the title printed a second time
    ("Trump Et", 0, frozenset({"casing"})),
    ("Wladimir", 0, frozenset({"terminology"})),
    ("Poutine ,", 0, frozenset({"typography"})),  # ` ,`
    ("Ukraine .", 0, frozenset({"typography"})),  # ` .`
    ("vous êtes proche", 0, frozenset({"register"})),
    ("vous connaissiez", 0, frozenset({"register"})),
    ("vous étiez", 0, frozenset({"register"})),
    ("votre mobilisation", 0, frozenset({"register"})),
    ("votre formation", 0, frozenset({"register"})),
    ("vos troupes", 0, frozenset({"register"})),
    ("Trump, qui a été Trump, qui a été", 0, frozenset({"repetition"})),
    ('Target = "_ Blank"', 0, frozenset({"markup"})),
    ("https: /2025/12/politics/putin-trump-phon-phon-call/index.html", 0, frozenset({"link"})),
    ("phon-phon", 0, frozenset({"repetition"})),
    ("le rôle du Kremlin", 0, frozenset({"casing"})),  # lower-case headings
    ("progrès dans les négociations", 0, frozenset({"casing"})),
    ("Selenskyj", 0, frozenset({"terminology"})),
    ("Wolodymyr", 0, frozenset({"terminology"})),
    ("Nahenvoyé", 0, frozenset({"terminology", "foreign", "spelling"})),
    ("feu de cessez-le-feu", 0, frozenset({"terminology", "repetition"})),
    ("Riad", 0, frozenset({"terminology"})),
    ("fazit", 0, frozenset({"terminology", "foreign"})),
    ("Kernkraftwerk", 0, frozenset({"terminology", "foreign"})),
    ("Sewastopol", 0, frozenset({"terminology"})),
    ("Kommentare (0)", 0, frozenset({"boilerplate"})),
]


@pytest.fixture(scope="module")
def sample() -> tuple[str, list[Finding]]:
    text = SAMPLE.read_text(encoding="utf-8")
    return text, analyse(Article(text=text, source=str(SAMPLE)), CheckConfig(lang="fr"))


def _span(text: str, needle: str, occurrence: int) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


@pytest.mark.parametrize(("needle", "occurrence", "categories"), EXPECTED, ids=[e[0][:30] for e in EXPECTED])
def test_sample_damage_is_found(
    sample: tuple[str, list[Finding]], needle: str, occurrence: int, categories: frozenset[str]
) -> None:
    text, findings = sample
    start, end = _span(text, needle, occurrence)
    over = [f for f in findings if f.start < end and f.end > start]
    assert any(f.category in categories for f in over), (
        f"{needle!r} at {start}: wanted {sorted(categories)}, got {[(f.rule, f.text) for f in over]}"
    )


def test_every_finding_span_matches_the_text(sample: tuple[str, list[Finding]]) -> None:
    text, findings = sample
    for f in findings:
        assert f.text == text[f.start : f.end]
