"""The work the window hands to the thread pool (`editor.gui.workers.JobRunner`), and what comes back.

Each function here is plain Python run off the GUI thread: it touches no widget. What a job streams or returns is
a small typed record (`Loaded`, `Stored`, `SourceChanged`, `Analysed`, ...), so the window dispatches on types
rather than on the length of a tuple.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, TypeAlias

from editor.gui.marks import build_marks, is_shown
from editor.gui.models.findings import Row
from editor.gui.panes import MarkIndex

if TYPE_CHECKING:  # the heavy parts load in the first job, after the window painted
    from editor.core.article import Article
    from editor.core.export import ExportResult
    from editor.core.findings import Finding
    from editor.core.recheck_server import RecheckServer
    from editor.core.review import Review
    from editor.core.rules.base import CheckConfig
    from editor.core.session import ReapplyResult, Session
    from editor.core.urls import Link
    from editor.formats.loaders import LoadError

LOAD_BATCH = 25  # articles a loading job sends to the window at once


@dataclass(frozen=True, slots=True)
class Loaded:
    """An article read, with its session id (None without a session, or when it is not stored yet)."""

    article: Article
    aid: int | None


@dataclass(frozen=True, slots=True)
class Stored:
    """The session id of the article at `index`, which was shown before it was stored."""

    index: int
    aid: int


@dataclass(frozen=True, slots=True)
class SourceChanged:
    """The file of the article at `index` changed since the session recorded it."""

    index: int
    session_copy: Article
    on_disk: Article


@dataclass(frozen=True, slots=True)
class SessionWriteFailed:
    """A write to the session failed while loading: the person must know their work is not being saved."""

    error: str


LoadEvent: TypeAlias = "Loaded | Stored | SourceChanged | SessionWriteFailed | LoadError"


@dataclass(frozen=True, slots=True)
class Prepared:
    """What the window draws of a new review, built in the worker: a long article has tens of thousands of
    findings, too many to turn into marks and rows on the GUI thread."""

    clean: MarkIndex
    raw: MarkIndex
    rows: list[Row]


@dataclass(frozen=True, slots=True)
class Analysed:
    review: Review
    links: list[Link]
    prepared: Prepared


@dataclass(frozen=True, slots=True)
class Reapplied:
    review: Review
    links: list[Link]
    outcome: ReapplyResult


@dataclass(frozen=True, slots=True)
class Rechecked:
    """Paragraph-scope findings of one edited paragraph, placed at its offset in the cleaned text."""

    start: int
    end: int
    findings: list[Finding]


def load_articles(
    paths: list[str],
    encoding: str | None,
    session: Session | None,
    partial: Callable[[list[LoadEvent]], None],
    progress: Callable[[int, int], None],
) -> int:
    """Stream articles and load errors in small batches; returns how many articles loaded."""
    from editor.formats.loaders import LoadError, iter_paths, too_large

    batch: list[LoadEvent] = []
    n = 0
    for item in iter_paths(paths, encoding):
        if not isinstance(item, LoadError):
            item = too_large(item) or item  # the same refusal as the CLI: a 50 MB line would exhaust memory
        if isinstance(item, LoadError):
            if session is not None:
                batch.extend(_store_load_error(session, item))
            batch.append(item)
        elif n == 0 and session is not None:
            # Show the first article at once; storing it in the session (an fsync'd write) comes right after.
            partial([*batch, Loaded(item, None)])
            batch = []
            first = session.add_article(item)
            old = _session_version(session, first)
            partial([SourceChanged(0, old, item)] if old is not None else [])
            partial([Stored(0, first)])
            n += 1
        else:
            aid = session.add_article(item) if session is not None else None
            old = _session_version(session, aid) if session is not None and aid is not None else None
            batch.append(Loaded(old or item, aid))
            if old is not None:
                batch.append(SourceChanged(n, old, item))
            n += 1
        if len(batch) >= (1 if n <= 1 else LOAD_BATCH):
            partial(batch)
            batch = []
            progress(n, 0)
    if batch:
        partial(batch)
    return n


def _store_load_error(session: Session, error: LoadError) -> list[LoadEvent]:
    """Keep a bad record in the session (so an export writes it back); a failure is reported, not dropped."""
    from editor.core.session import SessionError

    try:
        session.add_load_error(error.source, error.line, error.raw)
    except (SessionError, OSError) as e:
        return [SessionWriteFailed(str(e))]
    return []


def _session_version(session: Session, aid: int) -> Article | None:
    """The session's copy of an article whose source file changed since (None when it did not change)."""
    from editor.core.session import SessionError

    try:
        if session.source_changed(aid):
            return session.article(aid)
    except (SessionError, OSError, ValueError):
        return None  # an unreadable record: the file's version is shown, and the session keeps its own
    return None


def _links(article: Article) -> list[Link]:
    from editor.core.urls import find_links

    try:
        return find_links(article.text, article.url)
    except Exception:  # a link finder bug must not cost the person their review: links are an extra
        return []


def reapply_changed(session: Session, aid: int, article: Article, config: CheckConfig) -> Reapplied:
    """Reload a changed source: re-apply the session's decisions that still match, build the new review."""
    from editor.core.review import Review

    result = session.reapply(aid, article, config)
    review = Review.restore(article, config, result.state) if result.state else Review.open(article, config)
    return Reapplied(review, _links(article), result)


def load_session_articles(session: Session, partial: Callable[[list[LoadEvent]], None]) -> int:
    """The articles a session already holds (`galley --session FILE` with no path)."""
    from editor.formats.loaders import LoadError

    batch: list[LoadEvent] = []
    n = 0
    for record in session.articles():
        try:
            batch.append(Loaded(session.article(record.id), record.id))
            n += 1
        except Exception as e:  # a damaged record must not stop the others; it is listed as a load error
            batch.append(LoadError(record.source, str(e)))
        if len(batch) >= LOAD_BATCH:
            partial(batch)
            batch = []
    if batch:
        partial(batch)
    return n


def analyse_and_prepare(
    article: Article,
    config: CheckConfig,
    state: dict[str, Any] | None,
    enabled: tuple[str, ...],
    cancel: threading.Event,
    progress: Callable[[int, int], None] | None = None,
    partial: Callable[[list[Finding]], None] | None = None,
) -> Analysed:
    """The analysis, then what the window draws of it (marks, table rows). A long one reports how far it went
    (characters checked) and streams the findings of the paragraphs checked, for the table to fill meanwhile."""
    from editor.core.analysis import analyse_maybe_in_process

    def report(done: int, total: int, found: list[Finding]) -> None:
        if progress is not None:
            progress(done, total)
        if partial is not None:
            partial([f for f in found if f.category in enabled])

    review, links = analyse_maybe_in_process(article, config, state, cancel, report)
    clean_marks, raw_marks = build_marks(review, enabled, links)
    shown = frozenset(enabled)
    rows = [Row.from_item(it) for it in review.items if is_shown(it, shown)]
    return Analysed(review, links, Prepared(MarkIndex(clean_marks), MarkIndex(raw_marks), rows))


def preview(text: str, start: int, end: int, article: Article, config: CheckConfig) -> list[Finding]:
    """Findings of the paragraph rules on the visible part of a long article, while the full analysis runs."""
    from editor.core.engine import recheck_paragraph, resolve_lang

    window = replace(article, text=text[start:end])
    lang = resolve_lang(window, config)
    return list(recheck_paragraph(text, start, end, lang, config, source_url=article.url))


def warm_checker(article: Article, config: CheckConfig) -> None:
    """Load the paragraph re-check's machinery in the window's process while nobody types yet: an article analysed
    in a separate process never loaded it here, and the first edit would otherwise wait about a second for it."""
    from editor.core.engine import resolve_lang, warm

    warm(resolve_lang(article, config), config)


def recheck(
    snapshots: Sequence[tuple[int, int, str]],
    lang: str,
    config: CheckConfig,
    url: str | None,
    server: RecheckServer | None = None,
) -> list[Rechecked]:
    """Paragraph-scope findings of each edited paragraph, placed at its offset in the cleaned text: by the long
    article's re-check process when it has one (this thread then waits in a pipe read, leaving the interpreter
    lock to the GUI thread), here when it has none or it is gone."""
    from editor.core.recheck_server import RecheckServerGone, recheck_snapshots

    if server is not None:
        try:
            return [Rechecked(*r) for r in server.recheck(snapshots, lang, config, url)]
        except RecheckServerGone:
            pass
    return [Rechecked(*r) for r in recheck_snapshots(snapshots, lang, config, url)]


def recheck_many(
    work: Sequence[tuple[int, int, list[tuple[int, int, str]], str, str | None]], config: CheckConfig
) -> list[tuple[int, int, list[Rechecked]]]:
    """(key, revision, snapshots, language, URL) of several articles -> (key, revision, their re-checks)."""
    from editor.core.recheck_server import recheck_snapshots

    return [
        (key, revision, [Rechecked(*r) for r in recheck_snapshots(snapshots, lang, config, url)])
        for key, revision, snapshots, lang, url in work
    ]


def export(
    session: Session,
    folder: str,
    fmt: str,
    only_done: bool,
    force: bool,
    config: CheckConfig,
    progress: Callable[[int, int], None],
    cancel: threading.Event,
    report: str | None = None,
) -> ExportResult:
    """Export the session's articles (progress and cancel reach the status bar)."""
    from editor.core.export import export_session
    from editor.formats.export import EXPORTERS

    return export_session(
        session,
        folder,
        fmt,
        only_done=only_done,
        progress=progress,
        cancel=cancel.is_set,
        force=force,
        config=config,
        formats=EXPORTERS,
        report=report,
    )
