"""The raw↔clean position map: monotone, exact on unchanged text, sensible inside changes, code points only."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from editor.core.cleaning import Edit, Plan, PositionMap

# Astral characters (emoji), combining marks, no-break spaces and newlines: what breaks naive offset maths.
CHARS = ["a", "b", " ", ",", ".", "\n", "\u00a0", "\u202f", "é", "e\u0301", "😀", "👍🏽", "\U0001d400", "ß", "\u200b"]
ALPHABET = st.sampled_from(CHARS)
TEXT = st.lists(ALPHABET, max_size=40).map("".join)
REPLACEMENTS = st.sampled_from(["", " ", "é", "😀", "\n\n", "a\u0301b", "\u00a0", "xyz"])


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    raw = draw(TEXT)
    edits: list[Edit] = []
    pos = 0
    while pos <= len(raw) and draw(st.booleans()):
        start = draw(st.integers(pos, len(raw)))
        end = draw(st.integers(start, min(len(raw), start + 4)))
        rep = draw(REPLACEMENTS)
        last_insert = edits and edits[-1].start == edits[-1].end == start
        if rep != raw[start:end] and not (start == end and last_insert):
            edits.append(Edit(start, end, rep, "markup", "markup.test", True, None, raw[start:end]))
        pos = end + 1 if start == end else end
    return Plan(raw, tuple(edits))


def _covered(plan: Plan) -> set[int]:
    out: set[int] = set()
    for e in plan.edits:
        out.update(range(e.start, e.end))
    return out


@settings(max_examples=400)
@given(plans())
def test_unchanged_characters_round_trip(plan: Plan) -> None:
    clean = plan.apply()
    m = plan.map
    covered = _covered(plan)
    for p, ch in enumerate(plan.raw):
        if p in covered:
            continue
        c = m.raw_to_clean(p)
        assert clean[c] == ch
        assert m.clean_to_raw(c) == p


@settings(max_examples=400)
@given(plans())
def test_maps_are_monotone_and_in_bounds(plan: Plan) -> None:
    clean = plan.apply()
    m = plan.map
    prev = 0
    for p in range(len(plan.raw) + 1):
        c = m.raw_to_clean(p)
        assert prev <= c <= len(clean)
        prev = c
    assert m.raw_to_clean(len(plan.raw)) == len(clean)
    prev = 0
    for c in range(len(clean) + 1):
        p = m.clean_to_raw(c)
        assert prev <= p <= len(plan.raw)
        prev = p
    assert m.clean_to_raw(len(clean)) == len(plan.raw)


@settings(max_examples=300)
@given(plans())
def test_edit_spans_map_onto_their_replacements(plan: Plan) -> None:
    clean = plan.apply()
    m = plan.map
    for i, e in enumerate(plan.edits):
        s, t = m.edit_span(i)
        assert clean[s:t] == e.replacement
        if e.end > e.start:
            assert m.clean_span(e.start, e.end) == (s, t)
        if e.replacement:
            assert m.raw_span(s, t) == (e.start, e.end)


def test_after_emoji_and_combining_marks() -> None:
    raw = "😀 e\u0301t\u00e9 , 👍🏽 mot ."
    comma = raw.index(" ,")
    dot = raw.index(" .")
    plan = Plan(
        raw,
        (
            Edit(comma, comma + 1, "", "typography", "typography.x", True, None, " "),
            Edit(dot, dot + 1, "", "typography", "typography.x", True, None, " "),
        ),
    )
    clean = plan.apply()
    assert clean == "😀 e\u0301t\u00e9, 👍🏽 mot."
    m = plan.map
    word = raw.index("mot")
    assert clean[m.raw_to_clean(word) : m.raw_to_clean(word + 3)] == "mot"
    assert m.clean_to_raw(clean.index("mot")) == word
    # the removed space maps to where it was; the clean comma maps back to the raw comma
    assert m.raw_to_clean(comma) == clean.index(",")
    assert m.clean_to_raw(clean.index(",")) == raw.index(",")
    assert m.clean_span(comma, comma + 1) == (clean.index(","), clean.index(","))


def test_insertion_keeps_following_text_exact() -> None:
    raw = "a:b"
    plan = Plan(raw, (Edit(1, 1, "\u202f", "typography", "typography.x", True, None, ""),))
    m = plan.map
    assert plan.apply() == "a\u202f:b"
    assert m.raw_to_clean(1) == 2  # the colon itself
    assert m.raw_to_clean(1, left=True) == 1  # before the inserted space (end of a span)
    assert m.clean_to_raw(1) == 1 and m.clean_to_raw(2) == 1
    assert m.clean_span(0, 1) == (0, 1)


def test_empty_plan_is_identity() -> None:
    m = PositionMap(())
    assert [m.raw_to_clean(i) for i in range(5)] == list(range(5))
    assert [m.clean_to_raw(i) for i in range(5)] == list(range(5))
