"""Code points ↔ UTF-16 (PITFALLS 3): unit tests, a round-trip property, and highlights read back from Qt."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from editor.gui.positions import Utf16Index, has_astral, utf16_len


def units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def test_fast_path_without_astral_characters() -> None:
    idx = Utf16Index("été à Paris\u00a0: «\u202fok\u202f»")
    assert idx.trivial
    assert idx.to_utf16(5) == 5
    assert idx.to_code_point(7) == 7


def test_emoji_and_flags_shift_positions() -> None:
    text = "a😀b🇪🇺c"
    idx = Utf16Index(text)
    assert not idx.trivial
    for cp in range(len(text) + 1):
        assert idx.to_utf16(cp) == units(text[:cp])
        assert idx.to_code_point(idx.to_utf16(cp)) == cp
    # A position inside a surrogate pair rounds down to the character.
    assert idx.to_code_point(2) == 1


def test_replace_keeps_the_index_current() -> None:
    text = "x😀 y 🇪🇺 z"
    idx = Utf16Index(text)
    for start, end, new in [(0, 0, "🎉"), (3, 6, ""), (2, 2, "é😀"), (0, 4, "abc")]:
        text = text[:start] + new + text[end:]
        idx.replace(start, end, new)
        fresh = Utf16Index(text)
        assert [idx.to_utf16(i) for i in range(len(text) + 1)] == [fresh.to_utf16(i) for i in range(len(text) + 1)]


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_round_trip_on_random_unicode(text: str) -> None:
    idx = Utf16Index(text)
    assert utf16_len(text) == units(text)
    assert has_astral(text) == (units(text) != len(text))
    for cp in range(len(text) + 1):
        u = idx.to_utf16(cp)
        assert u == units(text[:cp])
        assert idx.to_code_point(u) == cp


@given(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30),
    st.integers(0, 30),
    st.integers(0, 30),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=8),
)
def test_incremental_replace_matches_rebuild(text: str, a: int, b: int, new: str) -> None:
    a, b = sorted((min(a, len(text)), min(b, len(text))))
    idx = Utf16Index(text)
    idx.replace(a, b, new)
    after = text[:a] + new + text[b:]
    fresh = Utf16Index(after)
    assert [idx.to_utf16(i) for i in range(len(after) + 1)] == [fresh.to_utf16(i) for i in range(len(after) + 1)]


# ---------------------------------------------------------------------------------------------- read back from Qt


def highlighted(pane: Any) -> list[str]:
    """The text under each format range Qt holds, converted back from UTF-16 units by hand."""
    out = []
    block = pane.document().begin()
    while block.isValid():
        raw = block.text().encode("utf-16-le")
        for r in block.layout().formats():
            out.append(raw[2 * r.start : 2 * (r.start + r.length)].decode("utf-16-le"))
        block = block.next()
    return out


@pytest.mark.parametrize(
    ("before", "word", "after"),
    [
        ("Le chat ", "errreur", " ici"),
        ("Un été à Noël, ", "errreur", " encore"),
        ("Paris 🇪🇺😀👨‍👩‍👧 ", "errreur", " 🎉"),
        ("Cafe\u0301 et e\u0301te\u0301 ", "errreur", " fin"),
        ("שלום עולם مرحبا ", "errreur", " بالعالم"),
        ("first line 😀\nsecond 👍🏽 line ", "errreur", "\nthird 🇫🇷"),
    ],
)
def test_highlight_lands_on_exactly_the_word(qtbot: Any, before: str, word: str, after: str) -> None:
    from editor.gui.panes import CleanPane, Mark

    pane = CleanPane()
    qtbot.addWidget(pane)
    pane.resize(600, 300)
    pane.show()
    text = before + word + after
    pane.set_text(text)
    start = len(before)
    pane.set_marks([Mark(start, start + len(word), "finding", "spelling", "warning", 1)])
    qtbot.waitUntil(lambda: highlighted(pane) != [])
    assert highlighted(pane) == [word]
    # And the no-break spaces, combining marks and emoji all survive a round trip through Qt (PITFALLS 2).
    assert pane.document_text() == text


def test_marks_follow_a_hand_edit_before_them(qtbot: Any) -> None:
    from PySide6.QtGui import QTextCursor

    from editor.gui.panes import CleanPane, Mark

    pane = CleanPane()
    qtbot.addWidget(pane)
    pane.show()
    edits: list[tuple[int, int, str]] = []
    pane.edited.connect(lambda s, e, t: edits.append((s, e, t)))
    text = "😀 un mot errreur\u00a0!"
    pane.set_text(text)
    cursor = pane.textCursor()
    cursor.setPosition(pane.index.to_utf16(2))
    pane.setTextCursor(cursor)
    cursor.insertText("🎉")
    assert edits == [(2, 2, "🎉")]
    assert pane.text() == "😀 🎉un mot errreur\u00a0!"
    assert pane.text() == pane.document_text()
    start = pane.text().index("errreur")
    pane.set_marks([Mark(start, start + 7, "finding", "spelling")])
    qtbot.waitUntil(lambda: highlighted(pane) == ["errreur"])
    c = QTextCursor(pane.document())
    c.setPosition(pane.index.to_utf16(start), QTextCursor.MoveMode.MoveAnchor)
    assert pane.index.to_code_point(c.position()) == start
