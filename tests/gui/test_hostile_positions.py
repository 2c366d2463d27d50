"""A misspelled word after characters that move positions (emoji, ZWJ sequences, flags, combining marks,
right-to-left text, bidi controls, zero-width characters, soft hyphens): the real window opens the file, the
spelling finding covers exactly that word, and the underline Qt draws, read back from the document's format
ranges (UTF-16 units converted by hand, not by Galley's own index), covers exactly that word in both panes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.gui.conftest import open_and_wait

WORD = "errreur"
BASE = "Le président a parlé hier soir devant les journalistes de la capitale. "
PREFIXES = {
    "emoji": "Un 😀 ",
    "zwj-family": "La famille 👨‍👩‍👧 ",
    "flag": "Le drapeau 🇫🇷 ",
    "skin-tone": "Un pouce 👍🏽 ",
    "combining": "L'e\u0301te\u0301 ",
    "hebrew": "Il a dit שלום עולם ",
    "arabic": "Il a dit مرحبا ",
    "bidi-override": "Voici \u202eabc\u202c puis ",
    "bidi-isolate": "Voici \u2067abc\u2069 puis ",
    "zero-width-space": "Un mot\u200b ",
    "zero-width-glued": "Un mot \u200b",
    "byte-order-mark": "Un \ufeff mot ",
    "soft-hyphen-word": "Un in\u00adcroyable ",
    "soft-hyphen-glued": "Un mot \u00ad",
    "astral-letters": "Le 𝔘𝔫𝔦 et 😀😀😀 ",
    "everything": "😀 👨‍👩‍👧 🇫🇷 e\u0301 שלום \u202eabc\u202c \u200b in\u00adcroyable ",
}


def format_spans(pane: Any) -> list[tuple[int, int]]:
    """Every format range Qt holds, as code-point spans of the document's text."""
    units = pane.document_text().encode("utf-16-le")

    def cp(unit: int) -> int:
        return len(units[: 2 * unit].decode("utf-16-le"))

    spans = []
    block = pane.document().begin()
    while block.isValid():
        for r in block.layout().formats():
            start = block.position() + r.start
            spans.append((cp(start), cp(start + r.length)))
        block = block.next()
    return spans


@pytest.mark.parametrize("name", list(PREFIXES))
def test_the_finding_and_its_underline_land_on_the_word(qtbot: Any, window: Any, tmp_path: Path, name: str) -> None:
    text = BASE + PREFIXES[name] + WORD + " dans le texte du journal.\n\nFin de l'article.\n"
    src = tmp_path / "article.txt"
    src.write_text(text, encoding="utf-8")
    open_and_wait(qtbot, window, [str(src)], str(tmp_path / "s.galley"))
    review = window.review
    (item,) = [it for it in review.items if it.finding.category == "spelling" and it.finding.text == WORD]
    # its span in the file as read (the raw pane) and in the cleaned text, which automatic fixes before it (an
    # invisible character removed, say) may have moved
    expected = len(BASE + PREFIXES[name])
    raw = (item.raw_start, item.raw_end)
    if raw == (None, None):
        raw = (review.clean_to_raw(item.start), review.clean_to_raw(item.end))
    assert raw == (expected, expected + len(WORD))
    assert review.raw[raw[0] : raw[1]] == WORD
    assert review.cleaned[item.start : item.end] == WORD

    # what Qt draws: a format range exactly on the word, none straddling it, in each pane
    for pane, (s, e) in ((window.clean, (item.start, item.end)), (window.raw, raw)):
        qtbot.waitUntil(lambda p=pane, s=s, e=e: (s, e) in format_spans(p))
        straddling = [(a, b) for a, b in format_spans(pane) if a < e and b > s and (a, b) != (s, e)]
        assert not straddling, straddling
        assert pane.document_text()[s:e] == WORD
