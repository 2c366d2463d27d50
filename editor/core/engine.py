"""Runs the rules over an article: the one entry point the CLI, the cleaner and the editor share."""

from __future__ import annotations

import gc
import sys
import threading
from bisect import bisect_right
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from editor.core.article import Article
from editor.core.findings import Finding, Severity, make_finding
from editor.core.i18n import _
from editor.core.language import detect_language, is_supported, normalise_lang
from editor.core.rules import rules_for
from editor.core.rules.base import CheckConfig, Context, Rule
from editor.core.text import lines, paragraphs

if TYPE_CHECKING:
    from editor.core.incontext import Verdicts

Progress = Callable[[int, int], None]


@lru_cache(maxsize=64)
def _rules(lang: str, config: CheckConfig) -> tuple[Rule, ...]:
    """The rules for `lang` under `config`, picked once: choosing among all the rules by id costs about half a
    millisecond, which a batch would pay for every article."""
    return tuple(rules_for(lang, config))


def resolve_lang(article: Article, config: CheckConfig) -> str:
    """The language to check in: the one asked for, else the article's own, else detected from the text."""
    forced = normalise_lang(config.lang) if config.lang != "auto" else None
    return forced or normalise_lang(article.lang) or detect_language(article.text)


def _run(rules: Iterable[Rule], ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    for rule in rules:
        out.extend(rule.check(ctx))
    return out


# Categories whose automatic fix deletes a whole stretch (a tag, a boilerplate line, a repeated title): anything
# else found inside such a stretch is moot, and listing it would only make the person reject it by hand.
_REMOVERS = frozenset({"markup", "boilerplate", "duplicate"})


def _is_removal(f: Finding) -> bool:
    return f.auto and f.category in _REMOVERS and bool(f.suggestions) and f.suggestions[0] == "" and f.end > f.start


# Verdicts on text that an automatic encoding repair rewrites (`lâ€™Ã©tÃ©`, `&amp;eacute;`) are about the damage,
# not the words: the repair is the fix, so spelling, typography and the like are not listed there. The same holds for
# the letters glued to a repair (`condamn` and `es` around `&eacute;`, the `;` an entity ends with): they are pieces
# of the word the repair restores, and a "fix" of them (`nat → bat`, a space after `;`) would break that word.
_WORD_LEVEL = frozenset(
    {"spelling", "foreign", "terminology", "casing", "typography", "register", "repetition", "whitespace"}
)


def drop_words_inside_encoding_repairs(findings: list[Finding]) -> list[Finding]:
    """`findings` (sorted by position) without the word-level verdicts on encoding damage or glued to it."""
    damage = [f for f in findings if f.category == "encoding" and f.end > f.start]
    if not damage:
        return findings
    repairs = [f for f in damage if f.auto]
    starts = [r.start for r in repairs]
    # damage a word may be glued to (`&lt;` too, which is only suggested), by where the word would touch it
    glued_after = {r.end for r in damage if not r.text[-1].isspace()}
    glued_before = {r.start for r in damage if not r.text[0].isspace()}
    kept: list[Finding] = []
    for f in findings:
        if f.category in _WORD_LEVEL:
            i = bisect_right(starts, f.end - 1) - 1  # the last repair starting before this finding ends
            if i >= 0 and repairs[i].end > f.start:
                continue
            if f.end > f.start and (
                (f.start in glued_after and not f.text[0].isspace())
                or (f.end in glued_before and not f.text[-1].isspace())
            ):
                continue
        kept.append(f)
    return kept


def _tidy(findings: list[Finding]) -> list[Finding]:
    """Sorted by position; exact repeats (same rule and span) and findings inside removed stretches dropped."""
    seen: set[tuple[str, int, int]] = set()
    ordered = sorted(findings, key=lambda f: (f.start, -f.end, f.rule))
    removals = [f for f in ordered if _is_removal(f)]
    tidy: list[Finding] = []
    r = 0
    cover_end = -1  # furthest end of the removals that start at or before the current finding
    for f in ordered:
        while r < len(removals) and removals[r].start <= f.start:
            cover_end = max(cover_end, removals[r].end)
            r += 1
        if f.end <= cover_end and not _is_removal(f) and f.category not in _REMOVERS:
            continue
        k = (f.rule, f.start, f.end)
        if k not in seen:
            seen.add(k)
            tidy.append(f)
    tidy.sort(key=lambda f: (f.start, f.end, f.rule))
    return drop_words_inside_encoding_repairs(tidy)


def offered(
    text: str,
    findings: list[Finding],
    lang: str,
    config: CheckConfig,
    settled: Collection[int] = (),
    known: Verdicts | None = None,
) -> list[Finding]:
    """The findings as they are offered: suggestions checked in their sentence, Galley's own words not flagged
    (`settled`: the `id()` of findings offered already, in an unchanged sentence; `known`: verdicts on their
    suggestions reached already, by the workers of a split run)."""
    from editor.core.incontext import checked_suggestions, drop_own_words

    return checked_suggestions(text, drop_own_words(findings, lang, config), lang, config, settled, known)


def analyse_text(
    text: str,
    lang: str,
    config: CheckConfig | None = None,
    *,
    source_url: str | None = None,
    title: str | None = None,
    jobs: int = 1,
) -> list[Finding]:
    """Every finding of every enabled rule on `text`, sorted by position.

    `jobs` > 1 lets a long text (the CLI's single big article) spread its paragraph rules over processes; the
    findings are exactly those of the serial run.
    """
    config = config or CheckConfig()
    if len(text) >= PARALLEL_MIN_CHARS:
        with _few_collections():
            return _analyse_text(text, lang, config, source_url, title, jobs)
    return _analyse_text(text, lang, config, source_url, title, jobs)


@contextmanager
def _few_collections() -> Iterator[None]:
    """The cyclic garbage collector mostly idle during a long analysis.

    Why: the rules and the checks in context allocate millions of small objects that live until the analysis ends
    (findings, tokens, cached sentences), so the collector ran ~500 times on a 200k-word article and its full
    collections re-scanned everything loaded and cached so far: 0.1-0.3 s of CPU, 5-7 % of the analysis. What is
    alive when the analysis starts (the rules, dictionaries, tables) is frozen out of its scans; this also spares
    forked workers from copying the pages those scans would touch. Collections still run, 15 times less often.
    """
    with _gc_lock:
        _gc_state["depth"] += 1
        if _gc_state["depth"] == 1:  # the outermost of overlapping analyses (threads of one process) sets, restores
            _gc_state["threshold"] = gc.get_threshold()
            # a process that froze its objects already (the editor's analysis process) keeps them frozen
            _gc_state["unfreeze"] = gc.get_freeze_count() == 0
            gc.freeze()
            gc.set_threshold(10_000, 10, 10)
    try:
        yield
    finally:
        with _gc_lock:
            _gc_state["depth"] -= 1
            if _gc_state["depth"] == 0:
                gc.set_threshold(*_gc_state["threshold"])
                if _gc_state["unfreeze"]:
                    gc.unfreeze()


_gc_lock = threading.Lock()
#: analyses under way in this process, the collector's thresholds before the first began, whether it unfreezes
_gc_state: dict[str, Any] = {"depth": 0, "threshold": (700, 10, 10), "unfreeze": True}


def _analyse_text(
    text: str, lang: str, config: CheckConfig, source_url: str | None, title: str | None, jobs: int
) -> list[Finding]:
    rules = list(_rules(lang, config))
    jobs = max(jobs, _default_jobs.get())
    report = _reporter.get()
    if report is not None:
        _reporter.set(None)  # the first pass only: the cleaner's later passes re-check small parts
        if not (jobs > 1 and len(text) >= PARALLEL_MIN_CHARS and _can_fork()):
            found = _run_reporting(rules, text, lang, config, source_url, title, report)
            if found is not None:
                return offered(text, _tidy(found), lang, config)
    if jobs > 1 and len(text) >= PARALLEL_MIN_CHARS and _can_fork():
        split = _run_split(rules, text, lang, config, source_url, title, jobs, report)
        if split is not None:
            return offered(text, _tidy(split[0]), lang, config, known=split[1])
    ctx = Context(text=text, lang=lang, config=config, source_url=source_url, title=title)
    return offered(text, _tidy(_run(rules, ctx)), lang, config)


# ------------------------------------------------------------------------------------------------------------
# Progress of a long analysis, paragraph by paragraph.
#
# The editor shows how far the analysis of a long article went, and the findings of the paragraphs already
# checked. Paragraph-scope rules give the same findings on any run of whole paragraphs as on the whole text, so
# the first pass checks them chunk after chunk and reports each chunk's findings; the document-scope rules run
# once at the end. The findings are the same as the usual run's.

#: (characters checked, characters in all, the untidied findings of the chunk just checked)
Reporter = Callable[[int, int, list[Finding]], None]
_reporter: ContextVar[Reporter | None] = ContextVar("galley_analysis_reporter", default=None)
REPORT_CHUNK_CHARS = 20_000


_default_jobs: ContextVar[int] = ContextVar("galley_analysis_jobs", default=1)


@contextmanager
def parallel(jobs: int) -> Iterator[None]:
    """Within this block, long texts are analysed with up to `jobs` processes (only in a process that may fork:
    the editor's separate analysis process, never a thread of the window)."""
    token = _default_jobs.set(jobs)
    try:
        yield
    finally:
        _default_jobs.reset(token)


@contextmanager
def reporting(callback: Reporter) -> Iterator[None]:
    """Within this block, the next analysis reports its progress and findings to `callback` as it goes."""
    token = _reporter.set(callback)
    try:
        yield
    finally:
        _reporter.reset(token)


def _run_reporting(
    rules: list[Rule],
    text: str,
    lang: str,
    config: CheckConfig,
    source_url: str | None,
    title: str | None,
    report: Reporter,
) -> list[Finding] | None:
    bounds = _cuts(text, REPORT_CHUNK_CHARS)
    if len(bounds) < 2:
        return None
    para_rules = [r for r in rules if r.scope == "paragraph"]
    doc_rules = [r for r in rules if r.scope != "paragraph"]
    found: list[Finding] = []
    for b in bounds:
        chunk = _chunk_findings(para_rules, text, b, lang, config, source_url, title)
        found.extend(chunk)
        report(b[1], len(text), chunk)
    found.extend(_run(doc_rules, Context(text=text, lang=lang, config=config, source_url=source_url, title=title)))
    return found


# ------------------------------------------------------------------------------------------------------------
# One long article over several processes.
#
# Paragraph-scope rules give the same findings on any run of whole paragraphs as on the whole text (their
# contract: the editor re-checks one paragraph alone with them), so a long text is cut between paragraphs into
# chunks that worker processes check while this process runs the document-scope rules; it then takes pending
# chunks back from the queue itself. Workers are forked after the heavy services (dictionaries, the suggestion
# index, ftfy) have been loaded here, so they share them copy-on-write instead of loading them again, and they
# read the text from the forked memory instead of receiving it through a pipe. Cuts are made only where exactly
# one blank line ("\n\n") separates two paragraphs: every other character is seen by exactly one chunk.

PARALLEL_MIN_CHARS = 150_000  # below this, forking costs more than it saves
_CHUNK_CHARS = 40_000  # small enough for the parent to take back work at the end, big enough to be cheap

_job: tuple[str, str, CheckConfig, str | None, str | None] | None = None  # the text workers read after fork
_judged: Verdicts = {}  # verdicts on suggestions reached in this process during the current split run
_worker_rules: list[Rule] | None = None
#: how the last split run shared its chunks out: {"chunks": n, "workers": chunks checked by worker processes}
last_split: dict[str, int] = {}


def _can_fork() -> bool:
    """Forking is safe on Linux in a process that is not itself a batch worker (no nested pools)."""
    if not sys.platform.startswith("linux"):
        return False
    from editor.core import batch

    return not batch.in_worker()


def _cuts(text: str, chunk_chars: int) -> list[tuple[int, int]]:
    """(start, end) of chunks of whole paragraphs covering `text`, cut at single blank lines only."""
    spans = paragraphs(text)
    bounds: list[tuple[int, int]] = []
    start = 0
    for (_start, end), (nxt, _end) in pairwise(spans):
        if end - start >= chunk_chars and nxt == end + 2 and text[end:nxt] == "\n\n":
            bounds.append((start, end))
            start = nxt
    bounds.append((start, len(text)))
    return bounds


def _paragraph_findings(bounds: tuple[int, int]) -> tuple[list[Finding], Verdicts]:
    """Worker side: the paragraph rules on one chunk of the forked text, in article offsets, and the verdicts on
    their suggestions in context (checked here, on this core, rather than afterwards in the parent alone)."""
    global _worker_rules
    assert _job is not None
    text, lang, config, source_url, title = _job
    if _worker_rules is None:
        _worker_rules = [r for r in _rules(lang, config) if r.scope == "paragraph"]
    return _prechecked(_worker_rules, text, bounds, lang, config, source_url, title)


def _prechecked(
    rules: list[Rule],
    text: str,
    bounds: tuple[int, int],
    lang: str,
    config: CheckConfig,
    source_url: str | None,
    title: str | None,
) -> tuple[list[Finding], Verdicts]:
    from editor.core.incontext import precheck

    found = _chunk_findings(rules, text, bounds, lang, config, source_url, title)
    return found, precheck(text, found, lang, config, _judged)


def _chunk_findings(
    rules: list[Rule],
    text: str,
    bounds: tuple[int, int],
    lang: str,
    config: CheckConfig,
    source_url: str | None,
    title: str | None,
) -> list[Finding]:
    s, e = bounds
    ctx = Context(text=text[s:e], lang=lang, config=config, source_url=source_url, title=title, offset=s)
    found = _run(rules, ctx)
    return [f.shifted(s) for f in found] if s else found


def _run_split(
    rules: list[Rule],
    text: str,
    lang: str,
    config: CheckConfig,
    source_url: str | None,
    title: str | None,
    jobs: int,
    report: Reporter | None = None,
) -> tuple[list[Finding], Verdicts] | None:
    """All findings (untidied) with paragraph rules spread over `jobs - 1` forked workers and this process, and
    the verdicts on their suggestions in context: each chunk's own, then the document rules' (the first verdict
    reached on a sentence is kept, as in the serial run). `report` hears of each chunk as it is checked
    (characters checked so far, in all, the chunk's findings).

    Workers claim chunks from the front and this process, once the document rules are done, from the back, one at
    a time through a shared pair of counters (`sharing.share`): no chunk waits in a queue while a process is idle,
    so the two finish within one chunk of each other.
    """
    global _job, _judged
    from editor.core import sharing
    from editor.core.incontext import precheck

    bounds = _cuts(text, _CHUNK_CHARS)
    if len(bounds) < 2:
        return None
    para_rules = [r for r in rules if r.scope == "paragraph"]
    doc_rules = [r for r in rules if r.scope != "paragraph"]
    warm(lang, config)
    if gc.get_freeze_count():  # within `_few_collections`: what warming loaded is kept out of the scans too
        gc.freeze()
    _job = (text, lang, config, source_url, title)
    _judged = {}
    found: list[Finding] = []
    judged: dict[tuple[int, int], Verdicts] = {}
    done: dict[int, list[Finding]] = {}
    checked = [0]
    lock = threading.Lock()
    # each chunk counts up to the next one's start, so that the counts add up to the whole text
    share = {b: nxt[0] - b[0] for b, nxt in pairwise([*bounds, (len(text), len(text))])}

    held: list[int] = []  # chunks done before the first one, reported after it

    def tell(i: int) -> None:
        assert report is not None
        checked[0] += share[bounds[i]]
        report(checked[0], len(text), done[i])

    def chunk_done(i: int, result: tuple[list[Finding], Verdicts]) -> None:
        with lock:
            done[i] = result[0]
            judged[bounds[i]] = result[1]
            if report is not None:
                _report_start_first(i, done, held, tell)

    def document_rules() -> None:  # this process's own part, while the workers check the first chunks
        if doc_rules:
            ctx = Context(text=text, lang=lang, config=config, source_url=source_url, title=title)
            whole = _run(doc_rules, ctx)
            found.extend(whole)
            judged[(len(text), len(text))] = precheck(text, whole, lang, config, _judged)

    try:
        in_workers = sharing.share(
            len(bounds),
            jobs - 1,
            lambda i: _paragraph_findings(bounds[i]),
            lambda i: _prechecked(para_rules, text, bounds[i], lang, config, source_url, title),
            chunk_done,
            document_rules,
        )
        for i in range(len(bounds)):
            found.extend(done[i])
        last_split.update(chunks=len(bounds), workers=in_workers)
    finally:
        _job, _judged = None, {}
    verdicts: Verdicts = {}
    for b in sorted(judged):
        for key, verdict in judged[b].items():
            verdicts.setdefault(key, verdict)
    return found, verdicts


def _report_start_first(i: int, done: dict[int, list[Finding]], held: list[int], tell: Callable[[int], None]) -> None:
    """Report chunk `i`, done, but the article's start first whichever process finishes first: it is what the
    window shows, and the window leaves it to this first report instead of checking it itself."""
    if 0 not in done:
        held.append(i)
        return
    for j in [i, *held] if i == 0 else [i]:
        tell(j)
    if i == 0:
        held.clear()


_WARM_TEXT = {
    "fr": "Le gouvernment a dÃ©cidé , hier, avec la Bundesregierung, que le Kernkraftwerk de Sewastopol  fermera."
    "\n\nUn titre\n",
    "de": "Die Regirung hat am Dienstag entschieden , dass das Kraftwerk schlieÃŸt.\n\nEin Titel\n",
    "en": "The goverment decided on Tuesday , that the plant wil close.\n\nA title\n",
}


def warm(lang: str, config: CheckConfig | None = None) -> None:
    """Load what checking `lang` needs (rule modules, dictionaries, the suggestion index, ftfy, and for the checks
    of suggestions in context the morphology and word frequencies) in this process.

    Run before forking workers so they share it all instead of each loading it again.
    """
    config = config or CheckConfig()
    ctx = Context(text=_WARM_TEXT.get(lang, _WARM_TEXT["en"]), lang=lang, config=config)
    offered(ctx.text, _tidy(_run(_rules(lang, config), ctx)), lang, config)
    if config.suggestions and is_supported(lang):
        from editor.core.suggest import suggester

        suggester(lang)


def analyse(article: Article, config: CheckConfig | None = None, *, jobs: int = 1) -> list[Finding]:
    """Every finding on an article, including lines that could only be decoded with a fallback encoding."""
    config = config or CheckConfig()
    lang = resolve_lang(article, config)
    found = analyse_text(article.text, lang, config, source_url=article.url, title=article.title, jobs=jobs)
    if article.fallback_lines and config.wants("encoding.fallback-line"):
        spans = lines(article.text)
        for n in article.fallback_lines:
            if n < len(spans):
                s, e = spans[n]
                found.append(
                    make_finding(
                        article.text,
                        "encoding.fallback-line",
                        Severity.WARNING,
                        s,
                        e,
                        _("this line was not valid {encoding}; it was read as cp1252: check its accents").format(
                            encoding=article.encoding
                        ),
                    )
                )
        found = _tidy(found)
    return found


def recheck_paragraph(
    text: str,
    start: int,
    end: int,
    lang: str,
    config: CheckConfig | None = None,
    *,
    source_url: str | None = None,
) -> list[Finding]:
    """Findings of the paragraph-scoped rules on text[start:end], in article offsets (the editor's re-check)."""
    config = config or CheckConfig()
    ctx = Context(text=text[start:end], lang=lang, config=config, source_url=source_url, offset=start)
    rules = [r for r in _rules(lang, config) if r.scope == "paragraph"]
    return [f.shifted(start) for f in offered(ctx.text, _tidy(_run(rules, ctx)), lang, config)]
