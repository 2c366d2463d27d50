"""Property tests over the real engine, cleaner and review on random Unicode mixed with damaged French.

What the module tests of H4 and H6a already cover is not repeated here (synthetic plans and findings, the
UTF-16 index): these run every registered rule and the real cleaning on generated text, astral characters
included, and check what a user relies on:
- every finding's span is inside the text and `finding.text == text[start:end]`, for the whole-article
  analysis, for an article with fallback lines, and for the editor's paragraph re-check;
- accepting real findings' suggestions in any order gives the same text;
- cleaning is idempotent (cleaning the cleaned text changes nothing) and its plan re-applies exactly;
- the raw↔clean map of a real cleaning round-trips on every character the cleaning kept.
"""

from __future__ import annotations

import random

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from editor.core.article import Article
from editor.core.cleaning import Plan, clean_text
from editor.core.engine import analyse, analyse_text, recheck_paragraph
from editor.core.review import Review
from editor.core.rules import all_rules
from editor.core.rules.base import CheckConfig

# Damaged French as scraped: mojibake, markup remnants, broken links, MT leftovers, repeated words, typography.
FRAGMENTS = [
    "Le président a déclaré ",
    "Poutine , qui ",
    "l’Ã©tÃ© ",
    'Target = "_ Blank" ',
    "https: /2025/12/politics/x ",
    "Kernkraftwerk ",
    "Kommentare (0) ",
    "Selenskyj ",
    "vous êtes ",
    "le le ",
    "« bonjour » ",
    "10 000 euros ",
    "&amp; ",
    "<b>gras</b> ",
    "errreur ",
    "M. Macron ",
    "Et ",
    ".\n\n",
    "\n",
    "  ",
    " ,",
    "…",
    "\u00a0:",
    "\u202f",
]
# Characters that move positions or confuse tokenisers; astral ones count twice in UTF-16.
ODD = [
    "😀",
    "👨‍👩‍👧",
    "🇫🇷",
    "👍🏽",
    "\U0001d400",
    "e\u0301",
    "\u200b",
    "\u00ad",
    "\u202e",
    "\u2069",
    "\ufeff",
    "ש",
    "ß",
    "\t",
]
TEXT = st.lists(
    st.one_of(
        st.sampled_from(FRAGMENTS),
        st.sampled_from(ODD),
        st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=6),
    ),
    max_size=30,
).map("".join)

RULE_IDS = sorted(r.id for r in all_rules())
NO_SUGGEST = CheckConfig(lang="fr", suggestions=False)
FAST = settings(deadline=None, max_examples=300, suppress_health_check=[HealthCheck.too_slow])


def _spans_ok(text: str, findings: list) -> None:  # type: ignore[type-arg]
    for f in findings:
        assert 0 <= f.start <= f.end <= len(text), (f.rule, f.start, f.end, len(text))
        assert f.text == text[f.start : f.end], (f.rule, f.text, text[f.start : f.end])
        assert f.rule in RULE_IDS or f.rule == "encoding.fallback-line", f.rule


@FAST
@given(TEXT, st.sampled_from(["fr", "de", "en"]))
def test_every_rule_gives_spans_inside_the_text(text: str, lang: str) -> None:
    config = CheckConfig(lang=lang, suggestions=False)
    _spans_ok(text, analyse_text(text, lang, config, title=text[:40] or None))


@FAST
@given(TEXT, st.lists(st.integers(0, 40), max_size=4))
def test_fallback_lines_and_paragraph_rechecks_give_exact_spans(text: str, lines: list[int]) -> None:
    article = Article(text=text, lang="fr", fallback_lines=sorted(set(lines)))
    _spans_ok(text, analyse(article, NO_SUGGEST))
    # the editor re-checks one paragraph at its offset in the article
    start = text.find("\n\n") + 2 if "\n\n" in text else 0
    end = text.find("\n\n", start)
    end = len(text) if end < 0 else end
    found = recheck_paragraph(text, start, end, "fr", NO_SUGGEST)
    for f in found:
        assert start <= f.start <= f.end <= end, (f.rule, f.start, f.end, start, end)
    _spans_ok(text, found)


@settings(deadline=None, max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.randoms(use_true_random=False))
def test_accepting_real_suggestions_in_any_order_gives_the_same_text(text: str, rnd: random.Random) -> None:
    article = Article(text=text, lang="fr")
    first = Review.open(article, NO_SUGGEST)
    chosen, last = [], -1
    for it in sorted(first.pending(), key=lambda i: (i.start, i.end)):
        if it.suggestions and it.start >= last:  # a set of non-overlapping findings with a fix
            chosen.append(it.id)
            last = max(it.end, it.start + 1)
    second = Review.open(article, NO_SUGGEST)
    for i in chosen:
        first.accept(i)
    shuffled = chosen[:]
    rnd.shuffle(shuffled)
    for i in shuffled:
        second.accept(i)
    assert first.cleaned == second.cleaned


@FAST
@given(TEXT)
@example("\u200b\u202f\u200b")  # the space left once the invisibles go is trailing: found in the same cleaning
@example("Bonjour.\n\u200b \u200b\nSuite.")  # the same between two paragraphs
def test_cleaning_is_idempotent_and_its_plan_exact(text: str) -> None:
    once = clean_text(text, "fr", NO_SUGGEST)
    assert once.plan.apply() == once.text
    assert Plan(text, once.plan.edits).apply() == once.text
    for e in once.plan.edits:
        assert text[e.start : e.end] == e.before
    twice = clean_text(once.text, "fr", NO_SUGGEST)
    assert twice.text == once.text, [e.to_json() for e in twice.plan.edits]


@FAST
@given(TEXT)
def test_the_raw_clean_map_of_a_real_cleaning_round_trips(text: str) -> None:
    c = clean_text(text, "fr", NO_SUGGEST)
    m = c.map
    edited = [False] * (len(text) + 1)
    for e in c.plan.edits:
        for p in range(e.start, e.end + 1):
            edited[p] = True
    for p in range(len(text) + 1):
        q = m.raw_to_clean(p)
        assert 0 <= q <= len(c.text)
        assert 0 <= m.clean_to_raw(q) <= len(text)
        if not edited[p]:
            assert m.clean_to_raw(q) == p
            if p < len(text):
                assert c.text[q] == text[p]  # a kept character is the same character on both sides
    for e_start, e_end in (m.clean_span(e.start, e.end) for e in c.plan.edits):
        assert 0 <= e_start <= e_end <= len(c.text)
