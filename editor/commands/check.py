"""`galley check`: findings of every article under the given paths, as a linter report or as JSONL."""

from __future__ import annotations

import argparse
import io
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TextIO

from editor.commands import EXIT_FINDINGS, EXIT_INPUT_ERROR, EXIT_OK
from editor.commands.progress import track_files
from editor.core.article import Article
from editor.core.batch import default_jobs, parallel_map
from editor.core.engine import analyse, resolve_lang, warm
from editor.core.findings import Finding
from editor.core.rules.base import CheckConfig
from editor.core.text import LineIndex
from editor.formats.loaders import LoadError, LoadItem, iter_paths, too_large


@dataclass(slots=True)
class Checked:
    article: Article
    lang: str
    findings: list[Finding]


@dataclass(frozen=True, slots=True)
class Report:
    """What a worker sends back: the article's report already formatted, so neither the article nor its findings
    cross the process boundary again (with two cores the parent's pickling would otherwise eat the second one)."""

    output: str
    findings: int
    source: str = ""  # the file it came from (the progress bar counts files done)


@dataclass(frozen=True, slots=True)
class _Task:
    """Picklable work item: module-level so worker processes can run it."""

    config: CheckConfig
    jobs: int = 1  # processes one long article may use (only honoured outside batch workers)
    fmt: str = "jsonl"

    def __call__(self, item: LoadItem) -> Report | LoadError:
        checked = self.check(item)
        if isinstance(checked, LoadError):
            return checked
        out = io.StringIO()
        (write_jsonl if self.fmt == "jsonl" else write_text)(checked, out)
        return Report(out.getvalue(), len(checked.findings), checked.article.source)

    def check(self, item: LoadItem) -> Checked | LoadError:
        if isinstance(item, LoadError):
            return item
        refusal = too_large(item)
        if refusal:
            return refusal
        findings = analyse(item, self.config, jobs=self.jobs)
        if self.config.online:
            from editor.core.online import check_links_online

            findings = sorted(
                findings + check_links_online(item, findings),
                key=lambda f: (f.start, f.end, f.rule),
            )
        return Checked(item, resolve_lang(item, self.config), findings)


def config_from_args(args: argparse.Namespace) -> CheckConfig:
    return CheckConfig(
        lang=args.lang,
        profile=args.profile,
        enabled=tuple(args.enable or ()),
        disabled=tuple(args.disable or ()),
        glossary_path=args.glossary,
        online=getattr(args, "online", False),
        house_style=getattr(args, "house_style", "report") == "keep",
    )


def check_items(args: argparse.Namespace, config: CheckConfig) -> Iterator[Report | LoadError]:
    """Reports (or load errors) of every article, in input order, over `--jobs` processes."""
    jobs = args.jobs or default_jobs()
    task = _Task(config, jobs, "jsonl" if args.format == "jsonl" else "text")
    return parallel_map(task, iter_paths(args.paths, args.encoding), jobs, weight=item_weight, warm=Warmer(config))


@dataclass(frozen=True, slots=True)
class Warmer:
    """Loads, before workers fork, what checking the first article's language needs (batch.parallel_map's warm)."""

    config: CheckConfig

    def __call__(self, item: LoadItem) -> None:
        if isinstance(item, Article):
            warm(resolve_lang(item, self.config), self.config)


def item_weight(item: LoadItem) -> int:
    """Work an item stands for, in characters (an error costs nothing)."""
    return len(item.text) if isinstance(item, Article) else 0


def _where(article: Article) -> str:
    if article.meta.get("format") == "json" and article.meta.get("line"):
        return f"{article.source}:{article.meta['line']}"
    if article.meta.get("format") == "json":
        return f"{article.source}[{article.index}]"
    return article.source


def write_text(checked: Checked, out: TextIO) -> None:
    index = LineIndex(checked.article.text)
    where = _where(checked.article)
    for f in checked.findings:
        line, col = index.line_col(f.start)
        hint = f" -> {f.suggestions[0]!r}" if f.suggestions else ""
        out.write(f"{where}:{line}:{col}: {f.rule.replace('.', '/', 1)}: {f.message}{hint}\n")


def write_jsonl(checked: Checked, out: TextIO) -> None:
    a = checked.article
    record = {
        "source": a.source,
        "index": a.index,
        "lang": checked.lang,
        "title": a.title,
        "url": a.url,
        "encoding": a.encoding,
        "findings": [f.to_json() for f in checked.findings],
    }
    out.write(json.dumps(record, ensure_ascii=False) + "\n")


def run(args: argparse.Namespace) -> int:
    config = config_from_args(args)
    any_findings = False
    any_error = False
    if args.scheduler:
        from editor.commands.cluster import check_items as check_on_cluster  # Dask is imported only here

        items: Iterator[Report | LoadError] = check_on_cluster(args, config)
    else:
        items = track_files(check_items(args, config), args.paths)
    for item in items:
        if isinstance(item, LoadError):
            any_error = True
            print(f"galley: {item}", file=sys.stderr)
            continue
        any_findings = any_findings or bool(item.findings)
        sys.stdout.write(item.output)
    sys.stdout.flush()
    if any_error:
        return EXIT_INPUT_ERROR
    return EXIT_FINDINGS if any_findings else EXIT_OK
