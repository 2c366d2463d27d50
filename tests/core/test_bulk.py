"""Bulk review: what "safe" takes, category and rule scopes, one undo step; replace-all as one undo step; the
statistics and their report (the CLI's)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from editor.core.article import Article
from editor.core.bulk import Scope, Selector, choose, is_safe
from editor.core.findings import Severity, make_finding
from editor.core.review import Review, Status
from editor.core.stats import Stats, Tally, item_statuses, ratio, write_report

TEXT = "L'an mot ,teh fin ; Berlin cafe x"


def _review() -> Review:
    t = TEXT
    fs = [
        # auto by its rule, left pending (the cleaning applies no quote restyling by itself): safe
        make_finding(t, "typography.apostrophe", Severity.WARNING, 1, 2, "m", ("’",), auto=True),
        # info with one suggestion: safe
        make_finding(t, "typography.space-before-comma", Severity.INFO, 8, 10, "m", (",",)),
        # warning with one suggestion: not safe
        make_finding(t, "spelling.unknown-word", Severity.WARNING, 10, 13, "m", ("the",)),
        # info with two suggestions: a choice, not safe
        make_finding(t, "typography.nbsp-before-semicolon", Severity.INFO, 17, 19, "m", ("\u202f;", "\u00a0;")),
        # no suggestion: never taken
        make_finding(t, "spelling.unknown-word", Severity.INFO, 20, 26, "m", ()),
        make_finding(t, "spelling.unknown-word", Severity.WARNING, 27, 31, "m", ("café", "cafés")),
    ]
    return Review.open(Article(t), None, fs)


def test_safe_is_auto_or_info_with_one_suggestion() -> None:
    r = _review()
    safe = [it.rule for it in r.pending() if is_safe(it.finding)]
    assert safe == ["typography.apostrophe", "typography.space-before-comma"]


def test_accept_safe_is_one_undo_step() -> None:
    r = _review()
    chosen = choose(r.items, Selector(Scope.SAFE))
    ids = r.accept_many([(it.id, rep) for it, rep in chosen])
    assert len(ids) == 2
    assert r.cleaned == "L’an mot,teh fin ; Berlin cafe x"
    assert [r.item(i).status for i in ids] == [Status.ACCEPTED, Status.ACCEPTED]
    r.undo()
    assert r.cleaned == TEXT and len(r.pending()) == 6
    assert not r.can_undo


def test_category_and_rule_scopes_take_only_findings_with_a_suggestion() -> None:
    r = _review()
    spelling = choose(r.items, Selector(Scope.CATEGORY, "spelling"))
    assert [rep for _, rep in spelling] == ["the", "café"]  # first suggestion; Berlin has none
    rule = choose(r.items, Selector(Scope.RULE, "typography.nbsp-before-semicolon"))
    assert [rep for _, rep in rule] == ["\u202f;"]


def test_accept_many_skips_what_is_no_longer_pending() -> None:
    r = _review()
    chosen = [(it.id, rep) for it, rep in choose(r.items, Selector(Scope.CATEGORY, "spelling"))]
    r.reject(chosen[0][0])
    assert r.accept_many(chosen) == [chosen[1][0]]
    assert r.cleaned.endswith("café x")


def test_edit_many_is_one_undo_step_and_refuses_overlaps() -> None:
    r = Review.open(Article("a b a b a"), None, [])
    assert r.edit_many([(8, 9, "AA"), (0, 1, "AA"), (4, 5, "AA")]) == 3
    assert r.cleaned == "AA b AA b AA"
    assert r.dirty_paragraphs() == [(0, 12)]
    r.undo()
    assert r.cleaned == "a b a b a"
    assert not r.can_undo
    r.redo()
    assert r.cleaned == "AA b AA b AA"
    with pytest.raises(ValueError):
        r.edit_many([(0, 3, "x"), (2, 4, "y")])
    with pytest.raises(ValueError):
        r.edit_many([(0, 99, "x")])


def test_statistics_and_report_agree(tmp_path: Path) -> None:
    r = _review()
    r.accept_many([(it.id, rep) for it, rep in choose(r.items, Selector(Scope.SAFE))])
    r.reject(r.pending()[0].id)
    tallies = [Tally("one", True, item_statuses(r.items)), Tally("two", False, [], analysed=False)]
    stats = Stats.of(tallies)
    assert stats.total["accepted"] == 2 and stats.total["rejected"] == 1 and stats.total["pending"] == 3
    assert (stats.articles_done, stats.articles_pending, stats.articles_unanalysed) == (1, 1, 1)
    assert ratio(stats.total, "accepted") == pytest.approx(2 / 3)
    assert ratio(stats.by_category["typography"], "rejected") == 0
    assert ratio(Stats.of([]).total, "accepted") is None
    out = tmp_path / "r.csv"
    write_report(out, tallies)
    rows = list(csv.reader(out.open(encoding="utf-8")))
    assert rows[0][:4] == ["kind", "name", "findings", "pending"]
    assert ["category", "typography", "3", "1", "2", "0", "0", "0", "0"] in rows
    html = tmp_path / "r.html"
    write_report(html, tallies)
    assert "<h1>Galley report</h1>" in html.read_text(encoding="utf-8")
    with pytest.raises(ValueError):
        write_report(tmp_path / "r.txt", tallies)


def test_saved_state_counts_like_the_review() -> None:
    from editor.core.stats import state_statuses

    r = _review()
    r.reject(r.pending()[0].id)
    assert sorted(state_statuses(r.to_state())) == sorted(item_statuses(r.items))
