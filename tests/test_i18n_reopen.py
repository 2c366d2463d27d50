"""A session reviewed in one language and reopened in the other shows its findings in the new one, with every
decision, hand edit, position and undo step as it was left."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from editor.core.analysis import analyse_article
from editor.core.article import Article
from editor.core.engine import recheck_paragraph
from editor.core.i18n import set_language
from editor.core.review import Review, Status
from editor.core.review_items import _paragraph_bounds
from editor.core.rules.base import CheckConfig
from editor.core.session import Session

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))
import build_translations  # noqa: E402

INSERTED = "Le conseil conseil a voté. "


@pytest.fixture(scope="module", autouse=True)
def compiled() -> None:
    build_translations.build_catalogues()


@pytest.fixture(autouse=True)
def _environment_language() -> Iterator[None]:
    yield
    set_language(None)


def _decided(review: Review) -> list[tuple[Any, ...]]:
    """What the person did, item by item: everything but the messages."""
    return [(it.id, it.status, it.replacement, it.start, it.end, it.rule, it.text, it.stale) for it in review.items]


def _by_text(review: Review, text: str) -> int:
    return next(it.id for it in review.items if it.text == text)


def _review_in_english(sample: Article, config: CheckConfig) -> Review:
    """Accept, reject, revert an automatic fix, type a sentence (its re-check finds a new finding), ignore a word
    then undo that: a review with every kind of item and an undo journal."""
    review, _ = analyse_article(sample, config, None)
    review.accept(_by_text(review, "Kiew"))
    review.reject(_by_text(review, "Fessenheim"))
    review.revert(next(it.id for it in review.items if it.rule == "whitespace.double-space"))
    at = review.cleaned.index("Le Le")
    review.edit(at, at, INSERTED)
    review.recheck_dirty()
    review.ignore_word("Selenskyj")
    review.undo()
    assert review.can_redo
    return review


def test_reopened_in_french_speaks_french_and_keeps_every_decision(tmp_path: Path, sample_text: str) -> None:
    config = CheckConfig()
    sample = Article(sample_text, source=str(tmp_path / "a.txt"))
    set_language("en")
    english = _review_in_english(sample, config)
    new = next(it for it in english.items if it.text == "conseil conseil")
    assert new.id > max(it.id for it in english.items if it.text == "Riad")  # made by the re-check
    english_messages = {it.id: it.finding.message for it in english.items}
    with Session.open(tmp_path / "s.galley") as s:
        aid = s.add_article(sample)
        s.commit_review(aid, english, defer_state=False)

    set_language("fr")
    with Session.open(tmp_path / "s.galley") as s:
        state = s.load_review(aid)
    assert state is not None and state["messages"] == "en"
    french, _ = analyse_article(sample, config, state)
    assert _decided(french) == _decided(english)
    assert french.cleaned == english.cleaned
    assert french.messages_language == "fr"
    fresh = {it.finding.key: it.finding.message for it in Review.open(sample, config).items}
    for it in french.items:
        if it.finding.key in fresh:
            assert it.finding.message == fresh[it.finding.key], it
    s, e = _paragraph_bounds(french.cleaned, new.start, new.end)
    rechecked = {f.key: f.message for f in recheck_paragraph(french.cleaned, s, e, french.lang, config)}
    assert french.item(new.id).finding.message == rechecked[(new.rule, new.start, new.end, new.text)]
    assert french.item(new.id).finding.message != english_messages[new.id]
    changed = [it for it in french.items if it.finding.message != english_messages[it.id]]
    assert len(changed) >= len(french.items) - 2, [it.finding.message for it in french.items if it not in changed]
    assert "répété" in french.item(new.id).finding.message or "deux fois" in french.item(new.id).finding.message

    french.redo()  # the undo journal's copies speak French too
    selenskyj = french.item(_by_text(french, "Selenskyj"))
    assert selenskyj.status is Status.IGNORED
    assert selenskyj.finding.message == fresh[selenskyj.finding.key]
    french.undo()

    with Session.open(tmp_path / "s.galley") as s:
        s.commit_review(aid, french, defer_state=False)
    set_language("en")
    with Session.open(tmp_path / "s.galley") as s:
        state = s.load_review(aid)
    assert state is not None and state["messages"] == "fr"
    back, _ = analyse_article(sample, config, state)
    assert _decided(back) == _decided(english)
    assert {it.id: it.finding.message for it in back.items} == english_messages
    back.redo()
    english.redo()
    assert {it.id: it.finding.message for it in back.items} == {it.id: it.finding.message for it in english.items}


def test_same_language_costs_no_new_analysis(sample_text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Reopening in the language it was saved in restores the review as it was, without analysing again."""
    set_language("fr")
    review = Review.open(Article(sample_text), CheckConfig())
    state = review.to_state()

    def no_analysis(*_a: Any, **_k: Any) -> Review:
        raise AssertionError("analysed again")

    monkeypatch.setattr(Review, "open", no_analysis)
    again, _ = analyse_article(Article(sample_text), CheckConfig(), state)
    assert [it.finding for it in again.items] == [it.finding for it in review.items]


def test_a_state_saved_before_the_language_was_recorded_is_rewritten_once(sample_text: str) -> None:
    set_language("en")
    review = Review.open(Article(sample_text), CheckConfig())
    state = review.to_state()
    del state["messages"]
    set_language("fr")
    french, _ = analyse_article(Article(sample_text), CheckConfig(), state)
    assert french.messages_language == "fr"
    assert french.to_state()["messages"] == "fr"
    assert [it.finding.message for it in french.items] == [
        it.finding.message for it in Review.open(Article(sample_text), CheckConfig()).items
    ]


def test_a_long_article_reports_progress_but_no_finding_while_its_messages_are_rewritten(sample_text: str) -> None:
    """The window lists what a fresh analysis streams; a review being restored must not show its decided findings
    as new ones meanwhile."""
    from editor.core.engine import reporting

    article = Article("\n\n".join([sample_text] * 25))
    set_language("en")
    state = Review.open(article, CheckConfig()).to_state()
    set_language("fr")
    heard: list[tuple[int, int, int]] = []
    with reporting(lambda done, total, found: heard.append((done, total, len(found)))):
        french, _ = analyse_article(article, CheckConfig(), state)
    assert french.messages_language == "fr"
    assert heard and heard[-1][0] == heard[-1][1]
    assert all(n == 0 for _d, _t, n in heard)
