"""`galley clean`: write cleaned articles, the raw text with every safe fix applied.

Where the output goes:
- `-o FILE`: the one article under PATH is written to FILE (an error if PATH holds several articles);
- `--output-dir DIR`: one file per article in DIR (created if missing), named from the article's title, else from
  its source file (and record number for JSON/JSONL corpora); names are slugs that cannot leave DIR, never
  collide within a run, and an existing file is only replaced with `--force`;
- neither: the cleaned article(s) go to standard output (several txt/md articles are separated by a form-feed
  line; json becomes one record per line, i.e. JSONL).

`--apply PREFIX` (repeatable, or `all`) also applies the first suggestion of every finding whose rule id starts with
PREFIX (see `editor.core.applying`); the change log marks those changes `accepted` instead of `auto`.

`--format jsonl` writes corpora back: each input JSON record becomes one line with its own fields, its text field
corrected and Galley's change log under `galley`, in input order; a line that could not be read is written back as
it was (and reported). `-o FILE` takes the whole corpus, `--output-dir` writes one `.jsonl` per input file.

`--explain` prints every change as `source:line:col: rule (auto|suggested)` with `- before` / `+ after` lines
showing the changed text in its context; it goes to standard output when the articles are written to files and to
standard error when they are written to standard output (so the two never mix).

Every file is written atomically. A file or record that cannot be read, or an output that cannot be written, is
reported on standard error and the others continue; the exit status is then 2, else 0.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from editor.commands import EXIT_INPUT_ERROR, EXIT_OK
from editor.commands.check import Warmer, config_from_args
from editor.commands.progress import track_files
from editor.core.applying import apply_suggestions, unknown_prefixes
from editor.core.article import Article
from editor.core.batch import default_jobs, parallel_map
from editor.core.cleaning import Edit, clean_article
from editor.core.fileio import (
    ExportError,
    NameAllocator,
    atomic_write_text,
    os_reason,
    remove_stale_temporaries,
    safe_stem,
)
from editor.core.i18n import N_, _, ngettext
from editor.core.interfaces import Rendition
from editor.core.rules import all_rules
from editor.core.rules.base import CheckConfig
from editor.core.text import LineIndex
from editor.formats.export import SUFFIXES, render, render_jsonl_line
from editor.formats.loaders import TEXT_FIELDS, LoadError, LoadItem, iter_paths, too_large

CONTEXT = 24  # characters of context shown on each side of a change by --explain


@dataclass(slots=True)
class CleanResult:
    """What a worker sends back: small and picklable (no caches, no findings)."""

    article: Article
    lang: str
    text: str
    edits: tuple[Edit, ...]

    @property
    def source(self) -> str:
        return self.article.source

    def changes(self) -> list[dict[str, Any]]:
        return [e.to_json() for e in self.edits]


@dataclass(frozen=True, slots=True)
class _Task:
    config: CheckConfig
    apply: tuple[str, ...] = ()

    def __call__(self, item: LoadItem) -> CleanResult | LoadError:
        if isinstance(item, LoadError):
            return item
        refusal = too_large(item)  # as `galley check` does: a 50 MB article would exhaust memory
        if refusal is not None:
            return refusal
        try:
            c = clean_article(item, self.config)
            plan = apply_suggestions(c, self.apply, self.config)[0] if self.apply else c.plan
        except RecursionError:
            return LoadError(item.source, _("too deeply nested to clean"))
        return CleanResult(item, c.lang, plan.apply(), plan.edits)


def _where(article: Article) -> str:
    if article.meta.get("format") == "json" and article.meta.get("line"):
        return f"{article.source}:{article.meta['line']}"
    if article.meta.get("format") == "json":
        return f"{article.source}[{article.index}]"
    return article.source


_HOW = {"auto": N_("auto"), "accepted": N_("accepted")}  # how an edit of --explain came to be
_VISIBLE = {"\n": "⏎", "\t": "⇥", "\u00a0": "⍽", "\u202f": "⍽", "\r": "␍"}


def _visible(s: str) -> str:
    return "".join(_VISIBLE.get(c, c) for c in s)


def explain(result: CleanResult, out: TextIO) -> None:
    """The changes of one article as a readable diff, each with its raw line:column and a little context."""
    raw = result.article.text
    index = LineIndex(raw)
    where = _where(result.article)
    auto = sum(1 for e in result.edits if e.auto)
    summary = _("{count} change(s), {auto} automatic").format(count=len(result.edits), auto=auto)
    out.write(f"{where}: {summary}\n")
    for e in result.edits:
        line, col = index.line_col(e.start)
        left = raw[max(0, e.start - CONTEXT) : e.start]
        right = raw[e.end : e.end + CONTEXT]
        left = left[left.rfind("\n") + 1 :] if "\n" in left[:-1] else left
        right = right[: right.find("\n", 1)] if "\n" in right[1:] else right
        how = _(_HOW.get("auto" if e.auto else e.decision, e.decision))
        out.write(f"{where}:{line}:{col}: {e.rule.replace('.', '/', 1)} ({how})\n")
        out.write(f"  - {_visible(left)}[{_visible(e.before)}]{_visible(right)}\n")
        out.write(f"  + {_visible(left)}[{_visible(e.replacement)}]{_visible(right)}\n")


def several_articles(output: str) -> str:
    """The error of `-o FILE` when the input holds more than one article (the local and the cluster run say it)."""
    return _("{file}: -o takes one article but the input holds several; use --output-dir").format(file=output)


def _stem(article: Article) -> str:
    if article.title and article.title.strip():
        return safe_stem(article.title)
    name = Path(article.source).stem or "article"
    if article.meta.get("format") == "json":
        return safe_stem(f"{name}-{article.meta.get('line') or article.index + 1}")
    return safe_stem(name)


def _render(result: CleanResult, fmt: str, *, compact_json: bool = False) -> str:
    if fmt == "json" and compact_json:
        text = render(result.text, result.article, "json", result.changes(), lang=result.lang)
        return json.dumps(json.loads(text), ensure_ascii=False) + "\n"
    return render(result.text, result.article, fmt, result.changes(), lang=result.lang)


def _newline(article: Article) -> str:
    nl = article.meta.get("newline", "\n") if article.meta.get("format") != "json" else "\n"
    return nl if nl in ("\n", "\r\n", "\r") else "\n"


def _resumable(items: Iterator[LoadItem], allocator: NameAllocator, fmt: str, kept: list[int]) -> Iterator[LoadItem]:
    """--resume: names each article's file before cleaning it (in the order the writes would) and drops the
    articles whose file a previous run completed (files are written atomically: one that exists is whole)."""
    for item in items:
        if isinstance(item, Article) and too_large(item) is None:
            path = allocator.allocate(_stem(item), SUFFIXES[fmt])
            if path.exists():
                kept[0] += 1
                continue
            item.meta["galley_output"] = str(path)
        yield item


def _corpus_line(result: CleanResult) -> str:
    """One line of a JSONL output: the input record with its text corrected and the change log added (as
    `galley export` writes a corpus), or, for an article that came from no JSON record, a record of its own."""
    record = result.article.meta.get("record")
    if not isinstance(record, dict):
        return render_jsonl_line(Rendition(result.text, result.article, result.changes(), result.lang))
    rec = dict(record)
    key = next((k for k in TEXT_FIELDS if rec.get(k) not in (None, "")), None)
    if key is None:
        lowered = {k.lower(): k for k in rec if isinstance(k, str)}
        key = next((lowered[k] for k in TEXT_FIELDS if k in lowered), "text")
    rec[key] = result.text
    rec["galley"] = {"lang": result.lang, "changes": result.changes()}
    return json.dumps(rec, ensure_ascii=False)


def _write_corpora(args: argparse.Namespace, results: Iterable[CleanResult | LoadError], explain_out: TextIO) -> int:
    """`--format jsonl`: every input line back in input order (see the module's docstring)."""
    status = EXIT_OK
    files: dict[str, list[str]] = {}
    for item in results:
        if isinstance(item, LoadError):
            print(f"galley: {item}", file=sys.stderr)
            status = EXIT_INPUT_ERROR
            if item.raw is not None:  # a bad line of a corpus stays where it was
                files.setdefault(item.source, []).append(item.raw)
            continue
        if args.explain:
            explain(item, explain_out)
        files.setdefault(item.article.source, []).append(_corpus_line(item))
    if not args.output and not args.output_dir:
        sys.stdout.write("".join(line + "\n" for lines in files.values() for line in lines))
        sys.stdout.flush()
        return status
    try:
        if args.output:
            body = "".join(line + "\n" for lines in files.values() for line in lines)
            atomic_write_text(args.output, body, overwrite=args.force)
            return status
        Path(args.output_dir).mkdir(parents=True, exist_ok=True)
        names = NameAllocator(args.output_dir, avoid_existing=False)
        for source, lines in files.items():
            path = names.allocate(safe_stem(Path(source).stem or "corpus"), ".jsonl")
            atomic_write_text(path, "".join(line + "\n" for line in lines), overwrite=args.force)
    except (ExportError, OSError) as e:
        print(f"galley: {e}", file=sys.stderr)
        return EXIT_INPUT_ERROR
    return status


def _options_error(args: argparse.Namespace) -> str | None:
    """The first combination of options this command cannot run, as a message (None when they fit)."""
    if args.resume and not args.output_dir:
        return _("--resume needs --output-dir (it keeps the files a previous run wrote there)")
    local_only = [opt for opt, on in (("--apply", args.apply), ("--format jsonl", args.format == "jsonl")) if on]
    if local_only and (args.scheduler or args.resume):
        other = "--scheduler" if args.scheduler else "--resume"
        return _("{option} cannot be combined with {other} yet").format(option=local_only[0], other=other)
    return None


def run(args: argparse.Namespace) -> int:
    config = config_from_args(args)
    problem = _options_error(args)
    if problem is not None:
        print("galley: " + problem, file=sys.stderr)
        return EXIT_INPUT_ERROR
    if args.scheduler:
        from editor.commands.cluster_clean import run_clean  # Dask is imported only here

        return run_clean(args, config)
    fmt: str = args.format
    jobs = args.jobs or default_jobs()
    apply = tuple(args.apply or ())
    unknown = unknown_prefixes(apply, (r.id for r in all_rules()))
    if unknown:
        print(
            "galley: " + _("--apply {prefix}: no rule id starts with it (see galley rules)").format(prefix=unknown[0]),
            file=sys.stderr,
        )
        return EXIT_INPUT_ERROR
    items = iter_paths(args.paths, args.encoding)
    kept = [0]
    if args.resume:
        items = _resumable(items, NameAllocator(args.output_dir, avoid_existing=False), fmt, kept)
    results = parallel_map(_Task(config, apply), items, jobs, warm=Warmer(config))
    to_stdout = not args.output and not args.output_dir
    results = track_files(results, args.paths, chatty=bool(args.explain and to_stdout))
    explain_out = sys.stderr if to_stdout else sys.stdout
    if fmt == "jsonl":
        return _write_corpora(args, results, explain_out)
    status = EXIT_OK
    allocator: NameAllocator | None = None
    if args.output_dir:
        try:
            Path(args.output_dir).mkdir(parents=True, exist_ok=True)
        except OSError as e:
            problem = _("{folder}: cannot create the folder ({reason})")
            problem = problem.format(folder=args.output_dir, reason=os_reason(e))
            print("galley: " + problem, file=sys.stderr)
            return EXIT_INPUT_ERROR
        remove_stale_temporaries(args.output_dir)  # left by a run that was killed in the middle of a write
        allocator = NameAllocator(args.output_dir, avoid_existing=False)
    single: CleanResult | None = None
    count = 0
    for item in results:
        if isinstance(item, LoadError):
            print(f"galley: {item}", file=sys.stderr)
            status = EXIT_INPUT_ERROR
            continue
        count += 1
        if args.explain:
            explain(item, explain_out)
        if args.output:
            if single is not None:
                print("galley: " + several_articles(args.output), file=sys.stderr)
                return EXIT_INPUT_ERROR
            single = item
            continue
        if allocator is not None:
            try:
                named = item.article.meta.get("galley_output")
                path = Path(named) if named else allocator.allocate(_stem(item.article), SUFFIXES[fmt])
                atomic_write_text(path, _render(item, fmt), overwrite=args.force, newline=_newline(item.article))
            except ExportError as e:
                print(
                    "galley: " + _("{problem} ({where} not written)").format(problem=e, where=_where(item.article)),
                    file=sys.stderr,
                )
                status = EXIT_INPUT_ERROR
            continue
        if count > 1 and fmt in ("txt", "md"):
            sys.stdout.write("\f\n")
        sys.stdout.write(_render(item, fmt, compact_json=True))
    if args.output and single is not None:
        try:
            atomic_write_text(args.output, _render(single, fmt), overwrite=args.force, newline=_newline(single.article))
        except ExportError as e:
            print(f"galley: {e}", file=sys.stderr)
            return EXIT_INPUT_ERROR
    elif args.output and single is None and status == EXIT_OK:
        print("galley: " + _("no article found in the input"), file=sys.stderr)
        return EXIT_INPUT_ERROR
    if kept[0]:
        print(
            "galley: "
            + ngettext(
                "{count} article already written by an earlier run, kept (--resume)",
                "{count} articles already written by an earlier run, kept (--resume)",
                kept[0],
            ).format(count=kept[0]),
            file=sys.stderr,
        )
    sys.stdout.flush()
    return status
