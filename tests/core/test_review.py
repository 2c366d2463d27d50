"""The review model: decisions, hand edits, undo/redo, re-checks and saved state, as the editor drives them."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.core.article import Article
from editor.core.cleaning import Plan
from editor.core.findings import Finding, Severity, make_finding
from editor.core.review import Review, ReviewEvent, Status

RAW = "Titre 😀\n\nPoutine , qui a été Kernkraftwerk .\n\nLe Kremlin a dit Selenskyj.\n\nKommentare (0)\n"


def _f(text: str, rule: str, sub: str, rep: str, auto: bool = False, nth: int = 0) -> Finding:
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return make_finding(text, rule, Severity.WARNING, start, start + len(sub), "test", (rep, rep.upper()), auto=auto)


def _findings(text: str = RAW) -> list[Finding]:
    return [
        _f(text, "typography.space-before-comma", " ,", ",", auto=True),
        _f(text, "foreign.german-word", "Kernkraftwerk", "centrale nucléaire"),
        _f(text, "spelling.unknown-word", "Kernkraftwerk", "Kernkraftwerke"),
        _f(text, "typography.space-before-period", " .", ".", auto=True),
        _f(text, "terminology.name", "Selenskyj", "Zelensky"),
        _f(text, "boilerplate.comments", "Kommentare (0)", "", auto=True),
        _f(text, "register.vous", "qui", "ils"),
    ]


def _open(text: str = RAW) -> Review:
    return Review.open(Article(text, source="t.txt"), None, _findings(text))


def _item(r: Review, rule: str) -> int:
    return next(i.id for i in r.items if i.rule == rule)


def _snapshot(r: Review) -> tuple[Any, ...]:
    return (
        r.cleaned,
        tuple(json.dumps(i.to_json(), sort_keys=True) for i in sorted(r.items, key=lambda i: i.id)),
        r.plan.edits,
    )


def _check_invariants(r: Review) -> None:
    assert Plan(r.raw, r.plan.edits).apply() == r.cleaned
    for it in r.items:
        assert 0 <= it.start <= it.end <= len(r.cleaned)
        if it.status is Status.PENDING:
            assert r.cleaned[it.start : it.end] == it.text
        elif it.status in (Status.ACCEPTED, Status.AUTO) and not it.stale:
            assert r.cleaned[it.start : it.end] == it.replacement


# ------------------------------------------------------------------------------------------- opening


def test_open_applies_safe_fixes_and_lists_the_rest() -> None:
    r = _open()
    assert r.cleaned == "Titre 😀\n\nPoutine, qui a été Kernkraftwerk.\n\nLe Kremlin a dit Selenskyj.\n"
    statuses = {i.rule: i.status for i in r.items}
    assert statuses["typography.space-before-comma"] is Status.AUTO
    assert statuses["boilerplate.comments"] is Status.AUTO
    assert statuses["foreign.german-word"] is Status.PENDING
    kern = r.item(_item(r, "foreign.german-word"))
    assert r.cleaned[kern.start : kern.end] == "Kernkraftwerk"
    assert r.raw[kern.raw_start : kern.raw_end] == "Kernkraftwerk"  # type: ignore[index]
    assert [c["rule"] for c in r.changes()] == [
        "typography.space-before-comma",
        "typography.space-before-period",
        "boilerplate.comments",
    ]
    _check_invariants(r)


def test_open_without_findings_runs_the_rules(sample_text: str) -> None:
    r = Review.open(Article(sample_text))
    _check_invariants(r)
    assert r.pending()
    assert all(c["auto"] for c in r.changes())


# ------------------------------------------------------------------------------------------- decisions


def test_accept_undo_redo() -> None:
    r = _open()
    before = _snapshot(r)
    kid = _item(r, "foreign.german-word")
    sid = _item(r, "spelling.unknown-word")  # same span: goes away with the accepted text
    r.accept(kid)
    assert "centrale nucléaire." in r.cleaned
    assert r.item(kid).status is Status.ACCEPTED
    with pytest.raises(KeyError):
        r.item(sid)
    sel = r.item(_item(r, "terminology.name"))
    assert r.cleaned[sel.start : sel.end] == "Selenskyj"  # shifted by the longer replacement
    after = _snapshot(r)
    _check_invariants(r)
    assert r.undo() and _snapshot(r) == before
    assert r.redo() and _snapshot(r) == after
    assert not r.redo()
    assert r.changes()[1] | {} == {
        "category": "foreign",
        "rule": "foreign.german-word",
        "raw_start": RAW.index("Kernkraftwerk"),
        "raw_end": RAW.index("Kernkraftwerk") + 13,
        "before": "Kernkraftwerk",
        "after": "centrale nucléaire",
        "decision": "accepted",
        "auto": False,
    }


def test_accept_with_suggestion_number_or_text() -> None:
    r = _open()
    r.accept(_item(r, "terminology.name"), suggestion=1)
    assert "ZELENSKY" in r.cleaned
    r.undo()
    r.accept(_item(r, "terminology.name"), "Zelensky")
    assert "dit Zelensky." in r.cleaned
    with pytest.raises(ValueError):
        r.accept(_item(r, "terminology.name"))  # no longer pending
    with pytest.raises(ValueError):
        r.accept(_item(r, "foreign.german-word"), suggestion=5)


def test_reject_and_ignore_are_undoable() -> None:
    r = _open()
    tid = _item(r, "terminology.name")
    r.reject(tid)
    assert r.item(tid).status is Status.REJECTED
    assert r.undo() and r.item(tid).status is Status.PENDING
    ids = r.ignore_word("Kernkraftwerk")
    assert len(ids) == 2 and all(r.item(i).status is Status.IGNORED for i in ids)
    assert "Kernkraftwerk" in r.ignored_words
    r.undo()
    assert all(r.item(i).status is Status.PENDING for i in ids)
    assert "Kernkraftwerk" not in r.ignored_words


def test_revert_automatic_fix_restores_raw_text() -> None:
    r = _open()
    cid = _item(r, "typography.space-before-comma")
    r.revert(cid)
    assert "Poutine , qui" in r.cleaned
    assert r.item(cid).status is Status.REVERTED
    assert "typography.space-before-comma" not in {c["rule"] for c in r.changes()}
    _check_invariants(r)
    r.undo()
    assert "Poutine, qui" in r.cleaned and r.item(cid).status is Status.AUTO
    bid = _item(r, "boilerplate.comments")
    r.revert(bid)
    assert r.cleaned.endswith("Selenskyj.\n\nKommentare (0)\n")
    with pytest.raises(ValueError):
        r.revert(_item(r, "foreign.german-word"))  # pending: nothing to revert


def test_accept_all_is_one_step_and_skips_overlaps() -> None:
    text = "a teh b teh c tehteh d"
    fs = [
        make_finding(text, "spelling.unknown-word", Severity.WARNING, 2, 5, "m", ("the",)),
        make_finding(text, "spelling.unknown-word", Severity.WARNING, 8, 11, "m", ("the",)),
        make_finding(text, "spelling.unknown-word", Severity.WARNING, 14, 20, "m", ("the the",)),
        make_finding(text, "spelling.unknown-word", Severity.WARNING, 14, 17, "m", ("the",)),
    ]
    r = Review.open(Article(text), None, fs)
    ids = r.accept_all("spelling.unknown-word")
    assert len(ids) == 3
    assert r.cleaned == "a the b the c theteh d"  # of two overlapping ones, the first (shorter) is taken
    _check_invariants(r)
    r.undo()
    assert r.cleaned == text and len(r.pending()) == 4
    assert not r.can_undo


# ------------------------------------------------------------------------------------------- hand edits


def test_hand_edit_moves_items_and_drops_touched_ones() -> None:
    r = _open()
    kern = r.item(_item(r, "foreign.german-word"))
    sel_id = _item(r, "terminology.name")
    r.edit(0, 5, "Le grand titre")  # before everything: items shift
    assert r.cleaned.startswith("Le grand titre 😀")
    sel = r.item(sel_id)
    assert r.cleaned[sel.start : sel.end] == "Selenskyj"
    k = r.item(kern.id)
    r.edit(k.start + 3, k.start + 3, "X")  # inside the flagged word: it is stale, dropped
    with pytest.raises(KeyError):
        r.item(kern.id)
    assert r.dirty_paragraphs()
    _check_invariants(r)
    r.undo()
    assert r.item(kern.id).start == k.start
    r.undo()
    assert r.cleaned.startswith("Titre 😀")


def test_typing_merges_into_one_undo_step_when_asked() -> None:
    r = _open()
    before = _snapshot(r)
    pos = r.cleaned.index("Le Kremlin")
    for i, ch in enumerate("Hier, "):
        r.edit(pos + i, pos + i, ch, merge=True)
    r.edit(pos + 5, pos + 6, "", merge=True)  # backspace inside what was typed
    r.edit(pos + 5, pos + 5, " ", merge=True)
    assert r.cleaned[pos:].startswith("Hier, Le Kremlin")
    assert [c["after"] for c in r.changes() if c["rule"] == "edit.hand"] == ["Hier, "]
    after = _snapshot(r)
    assert r.undo() and _snapshot(r) == before and not r.can_undo
    assert r.redo() and _snapshot(r) == after
    r.edit(0, 0, "X", merge=True)  # elsewhere: a step of its own
    r.undo()
    assert _snapshot(r) == after
    r.edit(pos, pos, "a")
    r.edit(pos + 1, pos + 1, "b")  # without merge: two steps
    r.undo()
    assert r.cleaned[pos:].startswith("aHier")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.tuples(st.integers(0, 3), st.integers(0, 2), st.sampled_from(["a", "😀", " ", "", "\n"])), max_size=15),
    st.integers(0, 200),
)
def test_merged_typing_undoes_exactly(keys: list[tuple[int, int, str]], where: int) -> None:
    r = _open()
    start = _snapshot(r)
    cursor = where % (len(r.cleaned) + 1)
    for back, delete, ch in keys:
        cursor = max(0, min(len(r.cleaned), cursor - back))
        end = min(len(r.cleaned), cursor + delete)
        typed_something = r.cleaned[cursor:end] != ch
        r.edit(cursor, end, ch, merge=True)
        cursor += len(ch)
        _check_invariants(r)
        if back == 3 and r.dirty_paragraphs():
            # a re-check lands between keystrokes: it finds what was there, and flags the typed character
            s, e = r.dirty_paragraphs()[0]
            same = [replace(i.finding, start=i.start, end=i.end) for i in r.pending() if s <= i.start and i.end <= e]
            typed = (cursor - len(ch), cursor)
            new = [make_finding(r.cleaned, "spelling.unknown-word", Severity.WARNING, *typed, "m", ("x",))]
            flag = typed_something and ch and s <= typed[0] and typed[1] <= e
            r.apply_recheck(s, e, same + new if flag else same)
    end_state = _snapshot(r)
    n = 0
    while r.undo():
        n += 1
    assert _snapshot(r) == start
    for _ in range(n):
        r.redo()
    # text and plan come back exactly; items found by a re-check are not part of the history
    assert _snapshot(r)[0] == end_state[0] and _snapshot(r)[2] == end_state[2]


def test_hand_edit_over_an_applied_fix_makes_it_stale() -> None:
    r = _open()
    cid = _item(r, "typography.space-before-comma")
    it = r.item(cid)
    r.edit(it.start - 7, it.start + 1, "Putin,")
    assert r.item(cid).stale
    with pytest.raises(ValueError):
        r.revert(cid)
    assert r.changes()[0]["rule"] == "edit.hand"
    assert r.changes()[0]["before"] == "Poutine ,"
    r.undo()
    assert not r.item(cid).stale
    r.revert(cid)


def test_recheck_replaces_findings_and_drops_stale_results() -> None:
    r = _open()
    sel = r.item(_item(r, "terminology.name"))
    start, end = sel.start, sel.end  # items are live: they move with the text
    r.edit(start, start, "M. ")
    assert (sel.start, sel.end) == (start + 3, end + 3)
    spans = r.dirty_paragraphs()
    assert len(spans) == 1
    s, e = spans[0]
    assert r.cleaned[s:e] == "Le Kremlin a dit M. Selenskyj."
    rev = r.revision
    new = [
        make_finding(r.cleaned, "terminology.name", Severity.WARNING, start + 3, end + 3, "m", ("Zelensky",)),
        make_finding(r.cleaned, "typography.abbreviation", Severity.WARNING, start, start + 2, "m", ("M.",)),
    ]
    r.edit(0, 0, "X")  # the text moves on before the result arrives
    assert not r.apply_recheck(s, e, new, revision=rev)
    r.undo()
    assert (s, e) in r.dirty_paragraphs()
    assert r.apply_recheck(s, e, new, revision=r.revision)
    assert (s, e) not in r.dirty_paragraphs()  # the first paragraph stays dirty: the undo touched it
    assert r.item(sel.id).start == start + 3  # the same finding keeps its id
    assert any(i.rule == "typography.abbreviation" for i in r.pending())
    _check_invariants(r)


def test_recheck_respects_ignore_list_and_rejections() -> None:
    r = _open()
    r.ignore_word("Selenskyj")
    sel = r.item(_item(r, "terminology.name"))
    s, e = sel.start - 17, sel.end + 1
    again = [make_finding(r.cleaned, "terminology.name", Severity.WARNING, sel.start, sel.end, "m", ("Z",))]
    r.edit(s, s, "")  # no-op edit is ignored
    r.apply_recheck(s, e, again)
    assert [i.status for i in r.items if i.rule == "terminology.name"] == [Status.IGNORED]


def test_recheck_dirty_runs_the_paragraph_rules() -> None:
    r = _open()
    r.edit(0, 5, "Titre ,")
    assert r.recheck_dirty() == 1
    assert r.dirty_paragraphs() == []
    _check_invariants(r)


# ------------------------------------------------------------------------------------------- state and events


def test_state_round_trips_exactly_through_json() -> None:
    r = _open()
    r.accept(_item(r, "foreign.german-word"))
    r.reject(_item(r, "terminology.name"))
    r.revert(_item(r, "typography.space-before-period"))
    r.edit(0, 0, "« ")
    r.undo()
    state = json.loads(json.dumps(r.to_state()))
    back = Review.restore(Article(RAW, source="t.txt"), None, state)
    assert back.to_state() == r.to_state()
    assert _snapshot(back) == _snapshot(r)
    assert back.redo() and r.redo() and _snapshot(back) == _snapshot(r)
    while back.undo():
        pass
    assert _snapshot(back) == _snapshot(_open())


def test_restore_refuses_a_changed_source_and_replays_a_newer_text() -> None:
    r = _open()
    state = r.to_state()
    with pytest.raises(ValueError):
        Review.restore(Article(RAW + "x"), None, state)
    state["cleaned"] = r.cleaned.replace("Titre", "Le titre")
    back = Review.restore(Article(RAW), None, state)
    assert back.cleaned.startswith("Le titre 😀")
    _check_invariants(back)


def test_listener_events_replay_the_text() -> None:
    r = _open()
    seen: list[ReviewEvent] = []
    r.add_listener(seen.append)
    text = r.cleaned
    r.accept(_item(r, "foreign.german-word"))
    r.edit(3, 5, "😀😀")
    r.accept_all("terminology.name")
    r.undo()
    r.undo()
    r.redo()
    for ev in seen:
        for a, b, t in ev.ops:
            text = text[:a] + t + text[b:]
    assert text == r.cleaned
    assert [ev.kind for ev in seen] == ["accept", "edit", "accept_all", "undo", "undo", "redo"]
    assert [bool(ev.items) for ev in seen] == [True, False, True, True, False, False]  # the edit touched none


def test_positions_after_emoji_are_code_points() -> None:
    text = "😀👍🏽 mot , fin"
    fs = [make_finding(text, "typography.space-before-comma", Severity.WARNING, 7, 8, "m", ("",), auto=True)]
    r = Review.open(Article(text), None, fs)
    assert r.cleaned == "😀👍🏽 mot, fin"
    assert r.raw_to_clean(text.index("fin")) == r.cleaned.index("fin")
    assert r.clean_to_raw(r.cleaned.index(",")) == text.index(",")


# ------------------------------------------------------------------------------------------- properties

WORDS = ["mot", "😀", "été", "e\u0301t", " ", " ", ",", "\n\n", "Kern", "👍🏽"]
RULES = [
    ("spelling.unknown-word", False),
    ("foreign.german-word", False),
    ("typography.space-before-comma", True),
    ("whitespace.double-space", True),
    ("terminology.name", False),
]


@st.composite
def reviews(draw: st.DrawFn) -> tuple[str, list[Finding]]:
    text = "".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=25)))
    findings = []
    for _ in range(draw(st.integers(0, 8))):
        s = draw(st.integers(0, len(text)))
        e = draw(st.integers(s, min(len(text), s + 5)))
        rule, auto = draw(st.sampled_from(RULES))
        rep = draw(st.sampled_from(["", "X", "😀", " ", "ab"]))
        if auto:
            rep = " " if rule.startswith("whitespace") else ""
        findings.append(make_finding(text, rule, Severity.WARNING, s, e, "m", (rep,), auto=auto))
    return text, findings


ACTIONS = st.lists(
    st.tuples(
        st.sampled_from(["accept", "reject", "revert", "edit", "accept_all", "ignore", "undo", "redo"]),
        st.integers(0, 1000),
        st.integers(0, 1000),
        st.sampled_from(["", "z", "😀", "\n\n", "e\u0301"]),
    ),
    max_size=12,
)


def _act(r: Review, action: tuple[str, int, int, str]) -> None:
    kind, x, y, t = action
    pend = r.pending()
    applied = [i for i in r.items if i.status in (Status.AUTO, Status.ACCEPTED) and not i.stale]
    if kind == "accept" and pend:
        r.accept(pend[x % len(pend)].id)
    elif kind == "reject" and pend:
        r.reject(pend[x % len(pend)].id)
    elif kind == "revert" and applied:
        r.revert(applied[x % len(applied)].id)
    elif kind == "edit":
        a = x % (len(r.cleaned) + 1)
        b = min(len(r.cleaned), a + y % 4)
        r.edit(a, b, t)
    elif kind == "accept_all":
        r.accept_all(RULES[x % len(RULES)][0])
    elif kind == "ignore" and pend:
        r.ignore_word(pend[x % len(pend)].text)
    elif kind == "undo":
        r.undo()
    elif kind == "redo":
        r.redo()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reviews(), ACTIONS)
def test_any_sequence_keeps_invariants_and_undoes_exactly(case: tuple[str, list[Finding]], actions: list[Any]) -> None:
    text, findings = case
    r = Review.open(Article(text), None, findings)
    start = _snapshot(r)
    history = [start]
    for action in actions:
        _act(r, action)
        _check_invariants(r)
        history.append(_snapshot(r))
    end = _snapshot(r)
    state = json.loads(json.dumps(r.to_state()))
    back = Review.restore(Article(text), None, state)
    assert _snapshot(back) == end
    steps = 0
    while r.undo():
        steps += 1
        _check_invariants(r)
    assert _snapshot(r) == start
    for _ in range(steps):
        assert r.redo()
    assert _snapshot(r) == end


@settings(max_examples=200, deadline=None)
@given(reviews(), st.randoms(use_true_random=False))
def test_accepting_in_any_order_gives_the_same_text(case: tuple[str, list[Finding]], rnd: Any) -> None:
    text, findings = case
    r1 = Review.open(Article(text), None, findings)
    chosen = []
    last = -1
    for it in r1.pending():  # a non-overlapping set
        if it.start > last and it.end > it.start:
            chosen.append(it.id)
            last = it.end
    r2 = Review.open(Article(text), None, findings)
    for i in chosen:
        r1.accept(i)
    shuffled = chosen[:]
    rnd.shuffle(shuffled)
    for i in shuffled:
        r2.accept(i)
    assert r1.cleaned == r2.cleaned
    assert Plan(r1.raw, r1.plan.edits).apply() == Plan(r2.raw, r2.plan.edits).apply()
