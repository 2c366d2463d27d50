"""MarkIndex: the incremental updates (a keystroke, a batch of fixes) agree with the spans' own arithmetic."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from editor.gui.panes import Mark, MarkIndex


def spans(index: MarkIndex) -> list[tuple[int, int, int]]:
    return [(m.start, m.end, m.item_id) for m in index]


def expected_after(marks: list[Mark], ops: list[tuple[int, int, str]]) -> list[tuple[int, int, int]]:
    """Marks an op touches disappear; the others move by the length change of the ops before them."""
    out = []
    for m in marks:
        delta = 0
        touched = False
        for a, b, t in ops:
            if b <= m.start:
                delta += len(t) - (b - a)
            elif a < m.end:
                touched = True
        if not touched:
            out.append((m.start + delta, m.end + delta, m.item_id))
    return sorted(out)


@st.composite
def marks_and_ops(draw: st.DrawFn) -> tuple[list[Mark], list[tuple[int, int, str]]]:
    n = 200
    raw = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, 8)), max_size=30))
    marks = [Mark(s, min(n, s + ln), "finding", "spelling", "warning", i) for i, (s, ln) in enumerate(raw)]
    cuts = sorted(set(draw(st.lists(st.integers(0, n), max_size=12))))
    ops = []
    for a, b in zip(cuts[::2], cuts[1::2], strict=False):
        ops.append((a, b, draw(st.text(max_size=4))))
    return marks, ops


@given(marks_and_ops())
def test_apply_ops_matches_the_arithmetic(case: tuple[list[Mark], list[tuple[int, int, str]]]) -> None:
    marks, ops = case
    index = MarkIndex(marks)
    index.apply_ops(list(reversed(ops)))
    assert sorted(spans(index)) == expected_after(marks, ops)


@given(marks_and_ops())
def test_shift_for_a_single_replacement(case: tuple[list[Mark], list[tuple[int, int, str]]]) -> None:
    marks, ops = case
    if not ops or ops[0][0] == ops[0][1]:
        return
    a, b, t = ops[0]
    index = MarkIndex(marks)
    index.shift(a, b, len(t))
    assert sorted(spans(index)) == expected_after(marks, [ops[0]])


def test_insertion_moves_marks_at_the_point_and_drops_the_ones_around_it() -> None:
    index = MarkIndex([Mark(0, 3, "finding"), Mark(5, 9, "finding", item_id=1), Mark(5, 5, "inserted", item_id=2)])
    index.shift(5, 5, 2)
    assert spans(index) == [(0, 3, -1), (7, 7, 2), (7, 11, 1)]
    index.shift(8, 8, 1)  # inside the word: its mark goes (the re-check brings a fresh one)
    assert spans(index) == [(0, 3, -1), (7, 7, 2)]


def test_update_items_swaps_one_findings_marks() -> None:
    index = MarkIndex([Mark(0, 3, "finding", item_id=1), Mark(5, 9, "finding", item_id=2)])
    index.update_items({2}, [Mark(5, 9, "inserted", item_id=2)])
    assert [(m.kind, m.item_id) for m in index] == [("finding", 1), ("inserted", 2)]
    assert [m.item_id for m in index.at(6)] == [2]
