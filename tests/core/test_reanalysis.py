"""The cleaner's later passes re-check only what the fixes touched, and find exactly what a whole analysis of the
fixed text finds: on random damaged articles, the generated long article of the benchmarks and the samples.
Opening a long article in the editor runs these passes after the analysis `galley check` also does."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.core.article import Article
from editor.core.cleaning import MAX_ROUNDS, Plan, plan_from_findings
from editor.core.engine import analyse_text, resolve_lang
from editor.core.findings import Finding
from editor.core.reanalysis import reanalyse, touched_units, units
from editor.core.rules.base import CheckConfig

REPO = Path(__file__).resolve().parents[2]

SENTENCES = [
    "Le gouvernement a présenté mardi un projet de loi sur la réforme des retraites.",
    "Selon les syndicats, la mobilisation devrait se poursuivre dans les prochaines semaines.",
    "Vous êtes venus hier à Paris pour rencontrer le président Selenskyj.",
    "Le ministre a parlé du Kernkraftwerk de Saporischschja et de la Bundesregierung.",
    "Les prix de l'énergie ont fortement augmenté au cours du dernier trimestre.",
    "Cette décision intervient après plusieurs mois de discussions.",
]
# Damage as scraped, machine-translated copy has it: most of it is fixed automatically, so the next pass runs.
DAMAGE = [
    ("é", "Ã©"),
    ("à", "&agrave;"),
    (",", " ,"),
    (" la ", " la la "),
    (" le ", "  le "),
    ("présenté", "présenter"),
    ("semaines.", "semaines ."),
    ("énergie", "<b>énergie</b>"),
]
EXTRA_PARAGRAPHS = ["Fazit", "Lire aussi : notre dossier", "Publicité", "Partager sur Facebook", "fazit :"]
SEPARATORS = ["\n\n", "\n\n", "\n\n", "\n\n\n", "\n \n", "\n"]


@st.composite
def damaged_articles(draw: st.DrawFn) -> str:
    paras: list[str] = []
    for _ in range(draw(st.integers(1, 9))):
        if draw(st.integers(0, 5)) == 0:
            paras.append(draw(st.sampled_from(EXTRA_PARAGRAPHS + paras[-1:])))  # a heading, boilerplate, a repeat
            continue
        para = " ".join(draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=3)))
        for old, new in draw(st.lists(st.sampled_from(DAMAGE), max_size=2)):
            para = para.replace(old, new, 1)
        paras.append(para)
    out = paras[0]
    for p in paras[1:]:
        out += draw(st.sampled_from(SEPARATORS)) + p
    return out + draw(st.sampled_from(["", "\n", "  \n"]))


def _key(f: Finding) -> tuple[object, ...]:
    return (f.start, f.end, f.rule, f.message, f.suggestions)


def passes_agree(text: str, config: CheckConfig | None = None) -> int:
    """Run the cleaner's passes on `text`, checking each against a whole analysis of the fixed text; the number of
    passes checked."""
    config = config or CheckConfig()
    lang = resolve_lang(Article(text=text), config)
    current = analyse_text(text, lang, config)
    step = plan_from_findings(text, current)
    n = 0
    while step.edits and n <= MAX_ROUNDS:
        fast = reanalyse(step, current, lang, config, source_url=None, title=None)
        whole = analyse_text(step.apply(), lang, config)
        assert sorted(fast, key=_key) == sorted(whole, key=_key)
        n += 1
        current = whole
        step = plan_from_findings(step.apply(), current)
    return n


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged_articles())
def test_each_pass_finds_what_a_whole_analysis_finds(text: str) -> None:
    passes_agree(text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged_articles())
def test_a_pass_without_the_document_rules_then_one_with_them_finds_what_a_whole_analysis_finds(text: str) -> None:
    # A long article's first later pass plans its next fixes with the document rules' findings moved as they were;
    # the pass after it (or a pass with no edit, when no fix is left) must still end exactly where a whole analysis
    # of its text ends.
    config = CheckConfig()
    lang = resolve_lang(Article(text=text), config)
    before = analyse_text(text, lang, config)
    step = plan_from_findings(text, before)
    if not step.edits:
        return
    planning = reanalyse(step, before, lang, config, source_url=None, title=None, documents=False)
    clean = step.apply()
    following = plan_from_findings(clean, planning)
    if not following.edits:
        following = Plan(clean, ())
    fast = reanalyse(following, planning, lang, config, source_url=None, title=None)
    whole = analyse_text(following.apply(), lang, config)
    assert sorted(fast, key=_key) == sorted(whole, key=_key)


def _generated(words: int, seed: int) -> str:
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import generate
    finally:
        sys.path.pop(0)
    return str(generate.article(words, seed=seed, bundled=True))


@pytest.mark.parametrize(
    "name", ["generated", "resources/samples/sample_fr.txt", "tests/data/sample_000.txt"], ids=lambda n: n
)
def test_long_and_sample_articles_agree(name: str) -> None:
    text = _generated(15_000, 4) if name == "generated" else (REPO / name).read_text(encoding="utf-8")
    assert passes_agree(text) >= 1


def test_a_merged_finding_is_not_merged_twice() -> None:
    # In this sample, "fazit" alone on a line gets the glossary's `Conclusion` with the heading's capital folded in:
    # one finding, which said "(also corrects casing.heading-start)" twice once the cleaner's pass had moved it.
    from editor.core.cleaning import clean_text

    text = (REPO / "tests/data/sample_000.txt").read_text(encoding="utf-8")
    merged = [f for f in clean_text(text, "fr").remaining if "also" in f.extra]
    assert merged
    for f in merged:
        assert f.message.count("(also corrects") == 1, f.message


def test_an_edit_near_a_cut_rechecks_both_sides() -> None:
    text = "Un.\n\nDeux.\n\nTrois."
    bounds = units(text)
    assert bounds == [(0, 3), (5, 10), (12, 18)]
    assert touched_units([(4, 4)], bounds) == [0, 1]  # inside the blank line between two units
    assert touched_units([(7, 8)], bounds) == [1]
    assert touched_units([(10, 10)], bounds) == [1, 2]  # at the end of a unit, next to the cut


def test_a_few_fixes_cost_a_small_part_of_a_whole_analysis() -> None:
    text = _generated(15_000, 6)
    config = CheckConfig()
    lang = resolve_lang(Article(text=text), config)
    before = analyse_text(text, lang, config)
    fix = next(f for f in before if f.rule == "typography.space-before-comma")
    step = plan_from_findings(text, [fix])
    assert len(step.edits) == 1

    whole, part = float("inf"), float("inf")
    for _ in range(4):  # interleaved, the least of each: other work on the machine disturbs both alike
        t0 = time.process_time()
        analyse_text(step.apply(), lang, config)
        whole = min(whole, time.process_time() - t0)
        t0 = time.process_time()
        reanalyse(step, before, lang, config, source_url=None, title=None)
        part = min(part, time.process_time() - t0)
    print(f"one fix: {part:.3f} s against {whole:.3f} s for a whole analysis")
    assert part < whole / 2, (part, whole)


def test_an_unchanged_plan_is_not_needed_to_move_findings() -> None:
    text = "Le gouvernement a présenté , mardi un projet.\n\nLes prix ont augmenté ."
    config = CheckConfig()
    before = analyse_text(text, "fr", config)
    step = Plan(text, ())
    assert sorted(reanalyse(step, before, "fr", config, source_url=None, title=None), key=_key) == sorted(
        before, key=_key
    )


def _first_fixes_rechecked_in_one_process() -> tuple[str, CheckConfig, list[Finding], Plan, list[Finding]]:
    """A generated damaged article: its language, configuration, findings, first fixes and the findings after
    them as one process re-checks them (the reference the spread passes are held to)."""
    text = _generated(15_000, 4)
    config = CheckConfig()
    lang = resolve_lang(Article(text=text), config)
    before = analyse_text(text, lang, config)
    step = plan_from_findings(text, before)
    return lang, config, before, step, reanalyse(step, before, lang, config, source_url=None, title=None)


def test_passes_spread_over_processes_find_what_one_process_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    from editor.core import engine, reanalysis

    lang, config, before, step, serial = _first_fixes_rechecked_in_one_process()
    monkeypatch.setattr(engine, "PARALLEL_MIN_CHARS", 10_000)
    reanalysis.last_spread.clear()
    with engine.parallel(2):
        spread = reanalyse(step, before, lang, config, source_url=None, title=None)
    assert reanalysis.last_spread["tasks"] > 10
    assert reanalysis.last_spread["workers"] >= 1  # some units or document rules were checked in another process
    assert sorted(spread, key=_key) == sorted(serial, key=_key)


def test_short_runs_are_checked_together_and_each_once() -> None:
    # The fixes of a damaged article touch hundreds of short runs of paragraphs: they are checked in a few joined
    # texts (each rule call has a fixed cost), which `test_long_and_sample_articles_agree` shows find the same.
    from editor.core.reanalysis import _batches

    runs = [(i * 100, i * 100 + 40) for i in range(500)]
    batches = _batches(runs)
    assert 1 < len(batches) < 50
    assert [r for b in batches for r in b] == runs


@pytest.mark.parametrize("name", ["generated", "tests/data/sample_000.txt"], ids=lambda n: n)
def test_conventions_observed_once_per_paragraph_find_the_same(name: str) -> None:
    # The cleaner's passes take again what the convention rules observed in the paragraphs no fix reached: the
    # document rules then find exactly what they find from scratch, in the same order, on each pass's text.
    from editor.core.engine import _rules, _run
    from editor.core.rules._typography_base import reusing_observations
    from editor.core.rules.base import Context

    text = _generated(8_000, 3) if name == "generated" else (REPO / name).read_text(encoding="utf-8")
    config = CheckConfig()
    lang = resolve_lang(Article(text=text), config)
    doc = [r for r in _rules(lang, config) if r.scope == "document"]
    texts = [text]
    current = analyse_text(text, lang, config)
    step = plan_from_findings(text, current)
    while step.edits and len(texts) <= MAX_ROUNDS:
        texts.append(step.apply())
        current = analyse_text(texts[-1], lang, config)
        step = plan_from_findings(texts[-1], current)
    assert len(texts) >= 2
    plain = [[(_key(f), f.text, f.auto, f.extra) for f in _run(doc, Context(t, lang, config))] for t in texts]
    with reusing_observations():
        reused = [[(_key(f), f.text, f.auto, f.extra) for f in _run(doc, Context(t, lang, config))] for t in texts]
    assert reused == plain


def test_a_long_article_is_cleaned_to_what_a_whole_analysis_of_its_clean_text_finds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # On a long article the cleaner's first later pass leaves the document rules for the next one; what the
    # cleaner leaves for review is still exactly the findings of a whole analysis of the cleaned text.
    from editor.core import engine
    from editor.core.cleaning import clean_text, is_automatic

    monkeypatch.setattr(engine, "PARALLEL_MIN_CHARS", 10_000)
    text = _generated(15_000, 4)
    config = CheckConfig()
    lang = resolve_lang(Article(text=text), config)
    cleaned = clean_text(text, lang, config)
    assert len(cleaned.plan.edits) > 50
    whole = analyse_text(cleaned.plan.apply(), lang, config)
    expected = [f for f in whole if not (is_automatic(f) and f.suggestions[0] == f.text)]
    assert not [f for f in whole if is_automatic(f) and f.suggestions[0] != f.text]  # a fixed point
    assert sorted(cleaned.remaining, key=_key) == sorted(expected, key=_key)


def test_a_spread_pass_whose_worker_dies_loses_no_task(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # A worker killed in the middle of a task (out of memory, say): the task it had claimed is run by this
    # process, and the findings are still those of one process.
    import os

    from editor.core import engine, reanalysis

    lang, config, before, step, serial = _first_fixes_rechecked_in_one_process()
    parent = os.getpid()
    run = reanalysis._Job.do
    died = tmp_path / "died"

    def dies_in_a_worker(job: reanalysis._Job, task: tuple[int, int]) -> object:
        if os.getpid() != parent:
            died.write_text(str(task))
            os._exit(9)
        return run(job, task)

    monkeypatch.setattr(reanalysis._Job, "do", dies_in_a_worker)
    monkeypatch.setattr(engine, "PARALLEL_MIN_CHARS", 10_000)
    with engine.parallel(2):
        spread = reanalyse(step, before, lang, config, source_url=None, title=None)
    assert died.exists()  # the worker did claim a task before it died
    assert reanalysis.last_spread["workers"] == 0
    assert sorted(spread, key=_key) == sorted(serial, key=_key)
