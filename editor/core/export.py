"""Export a session's corrected articles, in any format the caller hands in, and a summary report (CSV or HTML).

Why it is built this way: an export may be cut off at any moment (kill, full disk, read-only folder), and the
person must still be able to trust every file in the folder. Every file is written through `fileio`'s atomic
writes (temporary file beside the target, fsync, rename), so each target is either its old content or the complete
new one; temporary files left by a killed export are removed by the next one. Names are derived from titles or
sources through `safe_stem` and allocated once per export (no traversal, no collisions, stable from one export to
the next so `--force` replaces the previous files instead of piling up `-2` copies).

The formats themselves (suffix, how an article is written) come from the table the caller passes
(`editor.formats.export.EXPORTERS`): the core knows none of them by name.

The core reports progress through a plain callback and stops between articles when `cancel` says so: the editor
runs this in a worker.
"""

from __future__ import annotations

import csv
import errno
import html
import io
import json
import os
import threading
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from editor.core.article import Article
from editor.core.batch import parallel_map
from editor.core.fileio import (
    ExportError,
    NameAllocator,
    atomic_write_text,
    os_reason,
    remove_stale_temporaries,
    safe_stem,
)
from editor.core.i18n import _, ngettext
from editor.core.interfaces import ExportFormat, Rendition
from editor.core.rules.base import CheckConfig
from editor.core.session import ArticleRecord, Decision, Session, Status, rebuild_review

REPORT_SUFFIXES = {".csv": "csv", ".html": "html", ".htm": "html"}
TEXT_FIELDS = ("text", "content", "body", "article", "article_body", "maintext", "full_text", "raw_text")
_FATAL_ERRNOS = {errno.ENOSPC, errno.EFBIG, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM}
STATUSES = ("pending", "accepted", "rejected", "ignored", "auto", "reverted")

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool] | threading.Event


@dataclass(slots=True)
class Output:
    """One article ready to write: its corrected text, change log and what the review decided."""

    article_id: int
    record: ArticleRecord
    article: Article
    text: str
    lang: str | None
    changes: list[dict[str, Any]]
    statuses: list[tuple[str, str, str]]  # (category, rule, status) of every finding
    # findings the person turned down (rejected, ignored, automatic fix reverted): what the change log cannot
    # show, and what a scraper or translation team most wants to learn from
    declined: list[dict[str, Any]] = field(default_factory=list)


@dataclass(slots=True)
class ExportResult:
    """What an export wrote, what it could not, and whether it was cancelled."""

    written: list[Path] = field(default_factory=list)  # the files (a corpus file holds many articles)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (article label or file, message)
    cancelled: bool = False
    report: Path | None = None
    skipped: int = 0  # not done, with only_done
    articles: int = 0  # articles written, in `len(written)` files

    @property
    def ok(self) -> bool:
        return not self.failed and not self.cancelled


def session_config(session: Session) -> CheckConfig:
    """The check configuration the session was reviewed with, plus its ignore list."""
    return session.check_config()


def _is_cancelled(cancel: Cancel | None) -> bool:
    if cancel is None:
        return False
    if isinstance(cancel, threading.Event):
        return cancel.is_set()
    return bool(cancel())


def _fatal(e: ExportError) -> bool:
    cause = e.__cause__
    return isinstance(cause, OSError) and cause.errno in _FATAL_ERRNOS


def _source_stem(record: ArticleRecord) -> str:
    name = record.source.replace("\\", "/").rsplit("/", 1)[-1]
    stem = name.rsplit(".", 1)[0] if "." in name else name
    return f"{stem}-{record.record_index + 1}" if _is_jsonl(record.source) or record.record_index else stem


def _is_jsonl(source: str) -> bool:
    return source.lower().endswith((".jsonl", ".ndjson"))


def _rendition(out: Output) -> Rendition:
    return Rendition(out.text, out.article, out.changes, out.lang, str(out.record.status), out.declined)


def _corpus_line(out: Output | None, record: dict[str, Any] | None) -> str:
    """One output line of a JSONL corpus: the input record with its text corrected and Galley's log added."""
    rec = dict(record or {})
    if out is not None:
        key = next((k for k in TEXT_FIELDS if rec.get(k) not in (None, "")), None)
        if key is None:
            lowered = {k.lower(): k for k in rec if isinstance(k, str)}
            key = next((lowered[k] for k in TEXT_FIELDS if k in lowered), "text")
        rec[key] = out.text
        rec["galley"] = {
            "status": str(out.record.status),
            "lang": out.lang,
            "changes": out.changes,
            "declined": out.declined,
        }
    return json.dumps(rec, ensure_ascii=False)


def export_session(
    session: Session,
    out_dir: str | os.PathLike[str],
    fmt: str = "txt",
    only_done: bool = False,
    report: str | os.PathLike[str] | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    *,
    force: bool = False,
    config: CheckConfig | None = None,
    jobs: int = 1,
    formats: Mapping[str, ExportFormat],
) -> ExportResult:
    """Write the session's corrected articles into `out_dir` and, with `report`, a summary.

    `formats` is the table of export formats (`editor.formats.export.EXPORTERS`); `fmt` names one of them.
    Raises `ExportError` before writing anything when the format or the report's suffix is unknown, the folder
    cannot be used, or targets exist without `force`. Failures while writing are collected in the result
    (article and reason); after a full disk or an unwritable folder the export stops and lists every article not
    written. `jobs` > 1 rebuilds the reviews in that many processes (the CLI; the editor's worker thread keeps 1).
    """
    exporter = formats.get(fmt)
    if exporter is None:
        raise ExportError(
            _("unknown export format {format} (choose from {choices})").format(
                format=repr(fmt), choices=", ".join(formats)
            )
        )
    folder = Path(out_dir)
    report_path = Path(report) if report is not None else None
    if report_path is not None and report_path.suffix.lower() not in REPORT_SUFFIXES:
        raise ExportError(_("{path}: the report must end in .csv or .html").format(path=report_path))
    _prepare_folder(folder)
    remove_stale_temporaries(folder)
    if report_path is not None and report_path.parent != folder:
        _prepare_folder(report_path.parent)
        remove_stale_temporaries(report_path.parent)

    config = config or session_config(session)
    records = session.articles()
    result = ExportResult()
    chosen = [r for r in records if not only_done or r.status == Status.DONE]
    result.skipped = len(records) - len(chosen)
    plan = _plan(session, folder, exporter, records, {r.id for r in chosen})
    targets = {p.target for p in plan}
    if report_path is not None and report_path.resolve() in {p.resolve() for p in targets}:
        raise ExportError(_("{path}: the report would overwrite an exported article").format(path=report_path))
    if not force:
        existing = [p for p in targets if p.exists()]
        if report_path is not None and report_path.exists():
            existing.append(report_path)
        if existing:
            shown = ", ".join(str(p) for p in existing[:3]) + (" ..." if len(existing) > 3 else "")
            message = ngettext(
                "{count} file exists already: {files} (use --force to overwrite)",
                "{count} files exist already: {files} (use --force to overwrite)",
                len(existing),
            )
            raise ExportError(message.format(count=len(existing), files=shown))

    outputs = _write_all(session, plan, exporter, config, jobs, force, progress, cancel, result)
    if report_path is not None and not result.cancelled:
        try:
            atomic_write_text(report_path, build_report(outputs, report_path.suffix.lower()), overwrite=force)
            result.report = report_path
        except ExportError as e:
            result.failed.append((str(report_path), str(e)))
    return result


@dataclass(slots=True)
class _Group:
    """One file to write: its articles (a corpus: every record of it) and which of them the export rebuilds."""

    key: str  # the corpus source for a corpus file, "" for the file of the other articles, else the article id
    members: list[ArticleRecord]
    target: Path
    chosen: list[ArticleRecord]


def _plan(
    session: Session, folder: Path, exporter: ExportFormat, records: list[ArticleRecord], chosen_ids: set[int]
) -> list[_Group]:
    """Every file of the export with its stable, collision-free name, before anything is written (so nothing is
    written when the export cannot be complete)."""
    names = NameAllocator(folder, avoid_existing=False)
    plan: list[_Group] = []
    if exporter.corpus:
        groups: dict[str, list[ArticleRecord]] = defaultdict(list)
        for r in records:
            if _is_jsonl(r.source):
                groups[r.source].append(r)  # a corpus is written back whole, in input order
            elif r.id in chosen_ids:
                groups[""].append(r)
        for key, members in groups.items():
            stem = (
                key.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
                if key
                else safe_stem(session.path.name.rsplit(".", 1)[0], "session")
            )
            target = names.allocate(stem, exporter.suffix)
            plan.append(_Group(key, members, target, [r for r in members if r.id in chosen_ids]))
    else:
        for r in records:
            if r.id in chosen_ids:
                plan.append(_Group(str(r.id), [r], names.allocate(r.title or _source_stem(r), exporter.suffix), [r]))
    return plan


def _write_all(
    session: Session,
    plan: list[_Group],
    exporter: ExportFormat,
    config: CheckConfig,
    jobs: int,
    force: bool,
    progress: Progress | None,
    cancel: Cancel | None,
    result: ExportResult,
) -> list[Output]:
    """Rebuild the reviews and write each file as soon as its articles are complete; the outputs written.

    Rebuilding is the slow part (an article never opened is analysed and cleaned): it runs over `jobs`
    processes, in order."""
    plan = [g for g in plan if g.chosen]
    total = sum(len(g.chosen) for g in plan)
    work = ((gi, _job(session, r)) for gi, g in enumerate(plan) for r in g.chosen)
    built = parallel_map(_Build(config), work, max(1, jobs), chunk_size=4, weight=_job_weight)
    all_outputs: list[Output] = []
    group_outputs: list[Output] = []
    group_errors: list[tuple[str, str]] = []
    next_group = done = 0
    stop_reason: str | None = None
    if _is_cancelled(cancel):
        result.cancelled = True
        stop_reason = _("the export was cancelled")
        built = iter(())
    try:
        for index, outcome in built:
            done += 1
            if isinstance(outcome, Output):
                group_outputs.append(outcome)
            else:
                group_errors.append(outcome)
            if len(group_outputs) + len(group_errors) < len(plan[index].chosen):
                continue
            stop_reason = _write_group(session, plan[index], exporter, force, group_outputs, group_errors, result)
            all_outputs.extend(group_outputs)
            group_outputs, group_errors = [], []
            next_group = index + 1
            if progress is not None:
                progress(done, total)
            if stop_reason is None and _is_cancelled(cancel):
                result.cancelled = True
                stop_reason = _("the export was cancelled")
            if stop_reason is not None:
                break
    finally:
        close = getattr(built, "close", None)
        if close is not None:
            close()  # stops the worker processes (a cancel or a full disk leaves nothing running)
    if stop_reason is not None:
        for g in plan[next_group:]:
            result.failed.extend((r.label, _("not written: {reason}").format(reason=stop_reason)) for r in g.chosen)
    return all_outputs


def _write_group(
    session: Session,
    group: _Group,
    exporter: ExportFormat,
    force: bool,
    outputs: list[Output],
    errors: list[tuple[str, str]],
    result: ExportResult,
) -> str | None:
    """Write one group's file; record what failed. Returns why the export must stop (full disk...), or None."""
    result.failed.extend(errors)
    if errors and (not exporter.corpus or not outputs):
        return None  # its article could not be rebuilt: nothing to write
    try:
        if exporter.corpus:
            body = _corpus_body(session, group, exporter, outputs)
        else:
            body = exporter.render(_rendition(outputs[0]))
        newline = outputs[0].article.meta.get("newline", "\n") if exporter.keep_line_ends and outputs else "\n"
        atomic_write_text(group.target, body, overwrite=force, newline=newline if newline in ("\r\n", "\r") else "\n")
    except ExportError as e:
        result.failed.extend((o.record.label, str(e)) for o in outputs)
        return _("stopped after an earlier error ({problem})").format(problem=e) if _fatal(e) else None
    except Exception as e:  # one broken article must not stop the others
        result.failed.extend((o.record.label, f"{type(e).__name__}: {e}") for o in outputs)
        return None
    result.written.append(group.target)
    result.articles += len(outputs)
    return None


@dataclass(frozen=True, slots=True)
class _Job:
    """Everything needed to rebuild one article's review, without the session (it crosses processes)."""

    record: ArticleRecord
    article: Article
    state: dict[str, Any] | None
    decisions: tuple[Decision, ...]
    typed: str | None
    legacy: str | None


def _job(session: Session, record: ArticleRecord) -> _Job:
    state, typed = session.saved_review(record.id)
    legacy = session.cleaned_text_v1(record.id) if state is None else None
    decisions = tuple(session.decisions(record.id))
    return _Job(record, session.article(record.id), state, decisions, typed, legacy)


def _job_weight(item: tuple[int, _Job]) -> int:
    return len(item[1].article.text)


@dataclass(frozen=True, slots=True)
class _Build:
    """Picklable: rebuild one article's review in a worker, and return what the export writes."""

    config: CheckConfig

    def __call__(self, item: tuple[int, _Job]) -> tuple[int, Output | tuple[str, str]]:
        index, job = item
        try:
            return index, _output(job, self.config)
        except Exception as e:  # one broken article must not stop the others
            return index, (job.record.label, f"{type(e).__name__}: {e}")


def _output(job: _Job, config: CheckConfig) -> Output:
    from editor.core.review import Review

    record, article = job.record, job.article
    if job.state is None and job.legacy is not None:
        # a version-1 session: its cleaned text and decisions, without a replayable review
        statuses = [(d.category, d.rule, str(d.action)) for d in job.decisions]
        return Output(record.id, record, article, job.legacy, article.lang, [], statuses)
    if job.state is None:
        review = Review.open(article, config)
    else:
        review = rebuild_review(article, config, job.state, job.decisions, job.typed)
    statuses = [(it.finding.category, it.finding.rule, str(it.status)) for it in review.items]
    declined = [
        {
            "category": it.finding.category,
            "rule": it.finding.rule,
            "raw_start": it.raw_start,
            "raw_end": it.raw_end,
            "text": it.finding.text,
            "suggestion": it.finding.suggestions[0] if it.finding.suggestions else None,
            "decision": str(it.status),
            "auto": it.finding.auto,
        }
        for it in review.items
        if str(it.status) in {"rejected", "ignored", "reverted"}
    ]
    return Output(record.id, record, article, review.cleaned, review.lang, list(review.changes()), statuses, declined)


def _prepare_folder(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise ExportError(_("{path}: is a file, not a folder").format(path=folder))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise ExportError(
            _("{folder}: cannot create the folder ({reason})").format(folder=folder, reason=os_reason(e))
        ) from e
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ExportError(_("{path}: the folder is not writable").format(path=folder))


def _corpus_body(session: Session, group: _Group, exporter: ExportFormat, outputs: list[Output]) -> str:
    """A corpus file: for an input corpus, one line per input line in input order (bad lines verbatim, articles
    not chosen by `only_done` written back unchanged); otherwise one line per article."""
    if not group.key:
        return "".join(exporter.render(_rendition(o)) + "\n" for o in outputs)
    by_id = {o.article_id: o for o in outputs}
    lines: list[tuple[int, str]] = list(session.raw_lines(group.key).items())
    for r in group.members:
        out = by_id.get(r.id)
        article = out.article if out is not None else session.article(r.id)
        line_no = article.meta.get("line") or r.line or 0
        lines.append((int(line_no), _corpus_line(out, article.meta.get("record"))))
    lines.sort(key=lambda t: t[0])
    return "".join(text + "\n" for _key, text in lines)


# ---------------------------------------------------------------------------------------------------- report


class Statused(Protocol):
    """What the report reads of an article: the (category, rule, status) of every finding."""

    @property
    def statuses(self) -> list[tuple[str, str, str]]: ...


def report_rows(outputs: Sequence[Statused]) -> tuple[list[list[Any]], list[list[Any]]]:
    """(per category, per rule) rows: name, findings, then one count per status."""
    by_category: dict[str, Counter[str]] = defaultdict(Counter)
    by_rule: dict[str, Counter[str]] = defaultdict(Counter)
    for o in outputs:
        for category, rule, status in o.statuses:
            by_category[category][status] += 1
            by_rule[rule][status] += 1
    cats = [[c, sum(n.values()), *(n[s] for s in STATUSES)] for c, n in sorted(by_category.items())]
    rules = [[r, sum(n.values()), *(n[s] for s in STATUSES)] for r, n in sorted(by_rule.items())]
    return cats, rules


def build_report(outputs: Sequence[Statused], suffix: str) -> str:
    """The summary as CSV (one table, first column says category or rule) or as a small HTML page."""
    cats, rules = report_rows(outputs)
    header = ["findings", *STATUSES]
    if REPORT_SUFFIXES.get(suffix) == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(["kind", "name", *header])
        for row in cats:
            w.writerow(["category", *row])
        for row in rules:
            w.writerow(["rule", *row])
        return buf.getvalue()
    parts = [
        "<!DOCTYPE html>",
        '<html><head><meta charset="utf-8"><title>Galley report</title>',
        "<style>table{border-collapse:collapse}td,th{border:1px solid #999;padding:2px 8px}"
        "td:not(:first-child){text-align:right}</style></head><body>",
        f"<h1>Galley report</h1><p>{len(outputs)} article(s)</p>",
    ]
    for title, first, rows in (("Findings per category", "category", cats), ("Decisions per rule", "rule", rules)):
        parts.append(f"<h2>{title}</h2><table><tr>")
        parts.extend(f"<th>{html.escape(h)}</th>" for h in (first, *header))
        parts.append("</tr>")
        for row in rows:
            parts.append("<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in row) + "</tr>")
        parts.append("</table>")
    parts.append("</body></html>\n")
    return "\n".join(parts)
