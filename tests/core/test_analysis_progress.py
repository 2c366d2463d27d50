"""A long analysis reports how far it went, paragraph by paragraph, and the findings of the paragraphs checked;
the review it ends with is the one of the usual run (in this process and in the separate analysis process)."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest

from editor.core import analysis
from editor.core.article import Article
from editor.core.findings import Finding
from editor.core.rules.base import CheckConfig

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def article() -> Article:
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import generate
    finally:
        sys.path.pop(0)
    return Article(text=str(generate.article(12_000, seed=5, bundled=True)), title="Long", source="long.txt")


def _keys(review: object) -> list[tuple[object, ...]]:
    return [(it.finding.rule, it.start, it.end, str(it.status)) for it in review.items]  # type: ignore[attr-defined]


@pytest.mark.parametrize("where", ["here", "child", "spare child"])
def test_progress_reaches_the_end_and_changes_nothing(
    article: Article, where: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = CheckConfig()
    plain, _ = analysis.analyse_article(article, config, None)
    if where != "here":
        monkeypatch.setattr(analysis, "PROCESS_ABOVE", 1000)
    if where == "spare child":  # started ahead, as the window does when it reads a long article
        analysis.prestart(article, config)
        assert analysis._spare is not None
        spare = analysis._spare[0]
    reports: list[tuple[int, int, list[Finding]]] = []
    review, _ = analysis.analyse_maybe_in_process(
        article, config, None, threading.Event(), lambda d, t, f: reports.append((d, t, f))
    )
    assert len(reports) >= 3
    done = [d for d, _, _ in reports]
    assert done == sorted(done) and done[-1] == len(article.text) == reports[0][1]
    assert sum(len(f) for _, _, f in reports) > 0
    assert _keys(review) == _keys(plain)
    if where == "spare child":
        assert analysis._spare is None and spare.returncode == 0  # the spare process did the analysis


def test_progress_of_an_analysis_spread_over_processes(article: Article, monkeypatch: pytest.MonkeyPatch) -> None:
    from editor.core import engine, reanalysis

    config = CheckConfig()
    plain, _ = analysis.analyse_article(article, config, None)
    monkeypatch.setattr(engine, "PARALLEL_MIN_CHARS", 10_000)
    monkeypatch.setattr(engine, "_CHUNK_CHARS", 10_000)
    reports: list[tuple[int, int, list[Finding]]] = []
    with engine.parallel(2), engine.reporting(lambda d, t, f: reports.append((d, t, f))):
        review, _ = analysis.analyse_article(article, config, None)
    done = [d for d, _, _ in reports]
    assert len(reports) >= 3
    assert done == sorted(done) and done[-1] == len(article.text)
    # the cleaner's later passes were spread too: some of their tasks really ran in another process
    assert reanalysis.last_spread["workers"] >= 1
    assert _keys(review) == _keys(plain)


def test_the_first_chunks_reported_cover_what_the_window_leaves_to_them() -> None:
    """The window does not check the part in view itself when the analysis process reports it from its first
    chunk: that holds only while both ways of cutting chunks keep the first one at least that long."""
    from editor.core import engine

    assert min(engine.REPORT_CHUNK_CHARS, engine._CHUNK_CHARS) >= analysis.FIRST_REPORT_COVERS


def test_a_long_file_named_on_the_command_line_has_its_analysis_process_started_before_the_window(
    article: Article, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`galley long.txt` starts the analysis process from the file's first bytes, before Qt loads; the analysis
    of the article read later takes that process and gives the usual review. Several articles or a short file
    start nothing."""
    monkeypatch.setattr(analysis, "PROCESS_ABOVE", 1000)
    config = CheckConfig()
    corpus = tmp_path / "many.jsonl"
    corpus.write_text('{"text": "x"}\n' * 200)
    short = tmp_path / "short.txt"
    short.write_text("Un article court.")
    for path in (corpus, short, tmp_path / "missing.txt"):
        analysis.prestart_file(str(path))
        assert analysis._spare is None
    long = tmp_path / "long.txt"
    long.write_text(article.text, encoding="utf-8")
    analysis.prestart_file(str(long))
    assert analysis._spare is not None
    spare = analysis._spare[0]
    plain, _ = analysis.analyse_article(article, config, None)
    review, _ = analysis.analyse_maybe_in_process(article, config, None, threading.Event())
    assert analysis._spare is None and spare.returncode == 0  # the process started ahead did the analysis
    assert _keys(review) == _keys(plain)


def test_the_articles_start_is_reported_first_whichever_process_finishes_first(
    article: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window shows the article's start and leaves it to the first report: a chunk from the end, finished
    first by the other process, waits for it."""
    from editor.core import engine

    monkeypatch.setattr(engine, "PARALLEL_MIN_CHARS", 10_000)
    monkeypatch.setattr(engine, "_CHUNK_CHARS", 10_000)
    first_cut = engine._cuts(article.text, 10_000)[1][0]  # the first chunk counts up to the next one
    for _ in range(3):
        reports: list[tuple[int, int, list[Finding]]] = []
        with engine.parallel(2), engine.reporting(lambda d, t, f, out=reports: out.append((d, t, f))):
            analysis.analyse_article(article, CheckConfig(), None)
        done, _total, found = reports[0]
        assert done == first_cut and found and all(f.start < first_cut for f in found)
