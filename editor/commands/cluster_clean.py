"""`galley clean --scheduler ADDRESS`: cleaning on a Dask cluster, with the local run's output and file names.

Output files are named by the client, in input order, from a scan of each shard (titles and record numbers), so
names and `-2`, `-3` suffixes are the local run's. Then either each worker writes its files atomically into the
shared output folder, or (`--collect`, when the workers cannot see that folder) the cleaned text comes back and
the client writes it. A task run again after its worker died finds the files it had already written, with the
same content, and takes them as done; `--resume` skips every article whose file is already there.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from distributed import Client, Future

from editor.commands import EXIT_INPUT_ERROR, EXIT_OK
from editor.commands.cluster import _PROCESS_LOCK, Done, Driver, Scan, Shard, _workers, connect, explain_text, plan
from editor.core.article import Article
from editor.core.fileio import ExportError, NameAllocator, atomic_write_text, os_reason, remove_stale_temporaries
from editor.core.i18n import _, current_language, ngettext, set_language
from editor.core.rules.base import CheckConfig
from editor.formats.export import SUFFIXES
from editor.formats.loaders import LoadError, too_large


@dataclass(frozen=True, slots=True)
class CleanOut:
    """One cleaned article as a worker reports it: formatted text and names only."""

    where: str
    explain: str = ""
    rendered: str | None = None  # standard output and --collect
    name: str | None = None  # the file name in the output folder
    newline: str = "\n"
    error: str | None = None  # the worker could not write the file
    skipped: bool = False  # --resume: the file was already complete


def write_once(path: Path, text: str, *, force: bool, newline: str) -> None:
    """`atomic_write_text`, except that a file already holding exactly this text counts as written.

    A task that Dask runs again after its worker was killed finds the files that worker completed: rewriting them
    would be refused without --force, yet they are this run's own output.
    """
    if not force and path.is_file():
        data = (text.replace("\n", newline) if newline != "\n" else text).encode("utf-8", errors="surrogatepass")
        try:
            if path.stat().st_size == len(data) and path.read_bytes() == data:
                return
        except OSError:
            pass
    atomic_write_text(path, text, overwrite=force, newline=newline)


@dataclass(frozen=True, slots=True)
class CleanWork:
    config: CheckConfig
    fmt: str
    encoding: str | None
    mode: str  # "stdout", "collect" (the client writes) or "dir" (the worker writes into the shared folder)
    output_dir: str | None
    explain: bool
    force: bool
    resume: bool
    language: str = field(default_factory=current_language)  # the client's, as in CheckWork

    def __call__(self, shard: Shard, first_line: int, first_index: int, names: tuple[str | None, ...] | None) -> Done:
        from editor.commands.clean import _Task

        task = _Task(self.config)
        out: list[CleanOut | LoadError] = []
        articles = 0
        k = 0
        with _PROCESS_LOCK:
            set_language(self.language)
            for item in shard.items(self.encoding, first_line, first_index):
                name: str | None = None
                if names is not None and isinstance(item, Article) and too_large(item) is None:
                    name, k = names[k], k + 1
                    if name is None or (
                        self.mode == "dir" and self.resume and (Path(self.output_dir or ".") / name).exists()
                    ):
                        out.append(CleanOut(item.source, skipped=True))
                        continue
                result = task(item)
                if isinstance(result, LoadError):
                    out.append(result)
                    continue
                articles += 1
                out.append(self._finish(result, name))
        return Done(out, articles)

    def _finish(self, result: Any, name: str | None) -> CleanOut:
        from editor.commands.clean import _newline, _render, _where

        where = _where(result.article)
        told = explain_text(result) if self.explain else ""
        if self.mode == "stdout":
            return CleanOut(where, told, rendered=_render(result, self.fmt, compact_json=True))
        newline = _newline(result.article)
        if self.mode == "collect" or name is None:
            return CleanOut(where, told, rendered=_render(result, self.fmt), name=name, newline=newline)
        path = Path(self.output_dir or ".") / name
        try:
            write_once(path, _render(result, self.fmt), force=self.force, newline=newline)
        except ExportError as e:
            error = _("{problem} ({where} not written)").format(problem=e, where=where)
            return CleanOut(where, told, name=name, error=error)
        return CleanOut(where, told, name=name)


def prepare_folder(folder: str) -> str | None:
    """Create the output folder and remove what a killed run left half-written; an error message, or None."""
    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
    except OSError as e:
        return _("{folder}: cannot create the folder ({reason})").format(folder=folder, reason=os_reason(e))
    remove_stale_temporaries(folder)
    return None


def run_clean(args: argparse.Namespace, config: CheckConfig) -> int:
    """`clean.run` over a Dask cluster."""
    to_stdout = not args.output and not args.output_dir
    mode = "stdout" if to_stdout else ("collect" if args.collect or args.output else "dir")
    work = CleanWork(config, args.format, args.encoding, mode, args.output_dir, args.explain, args.force, args.resume)
    with connect(args.scheduler, config) as client:
        if args.output_dir:
            problem = (
                prepare_folder(args.output_dir)
                if mode == "collect"
                else client.submit(prepare_folder, args.output_dir, pure=False).result()
            )
            if problem:
                print(f"galley: {problem}", file=sys.stderr)
                return EXIT_INPUT_ERROR
        driver = _driver(client, args, work)
        return _consume(driver.run(), args, mode)


def _driver(client: Client, args: argparse.Namespace, work: CleanWork) -> Driver:
    from editor.commands.clean import _stem

    allocator = NameAllocator(args.output_dir, avoid_existing=False) if args.output_dir else None
    suffix = SUFFIXES[args.format]
    skip_here = args.resume and work.mode == "collect"

    def name(stub_article: Article) -> str | None:
        assert allocator is not None
        path = allocator.allocate(_stem(stub_article), suffix)
        return None if skip_here and path.exists() else path.name

    def submit(shard: Shard, first_line: int, first_index: int, scan: Scan | None) -> Future[Any]:
        names = None
        if allocator is not None and scan is not None and scan.stubs is not None:
            names = tuple(name(s.article(first_line - 1, first_index)) for s in scan.stubs)
        return client.submit(work, shard, first_line, first_index, names, pure=False)

    naming = allocator is not None
    return Driver(
        client,
        list(plan(args.paths, _workers(client))),
        args.encoding,
        (lambda s: True) if naming else (lambda s: s.ranged),
        naming,
        submit,
        chatty=bool(args.explain and not args.output and not args.output_dir),
    )


def _consume(items: Iterator[Any], args: argparse.Namespace, mode: str) -> int:
    """Writes what the tasks return, in input order, as `clean.run` does."""
    from editor.commands.clean import several_articles

    explain_out = sys.stdout if (args.output or args.output_dir) else sys.stderr
    status = EXIT_OK
    count = skipped = 0
    single: CleanOut | None = None
    for item in items:
        if isinstance(item, LoadError):
            print(f"galley: {item}", file=sys.stderr)
            status = EXIT_INPUT_ERROR
            continue
        if item.skipped:
            skipped += 1
            continue
        count += 1
        explain_out.write(item.explain)
        if args.output:
            if single is not None:
                print("galley: " + several_articles(args.output), file=sys.stderr)
                return EXIT_INPUT_ERROR
            single = item
        elif item.error:
            print(f"galley: {item.error}", file=sys.stderr)
            status = EXIT_INPUT_ERROR
        elif mode == "collect" and item.name is not None and item.rendered is not None:
            try:
                atomic_write_text(
                    Path(args.output_dir) / item.name, item.rendered, overwrite=args.force, newline=item.newline
                )
            except ExportError as e:
                print(
                    "galley: " + _("{problem} ({where} not written)").format(problem=e, where=item.where),
                    file=sys.stderr,
                )
                status = EXIT_INPUT_ERROR
        elif mode == "stdout" and item.rendered is not None:
            if count > 1 and args.format in ("txt", "md"):
                sys.stdout.write("\f\n")
            sys.stdout.write(item.rendered)
    return _finish(args, single, status, skipped)


def _finish(args: argparse.Namespace, single: CleanOut | None, status: int, skipped: int) -> int:
    if args.output and single is not None and single.rendered is not None:
        try:
            atomic_write_text(args.output, single.rendered, overwrite=args.force, newline=single.newline)
        except ExportError as e:
            print(f"galley: {e}", file=sys.stderr)
            return EXIT_INPUT_ERROR
    elif args.output and single is None and status == EXIT_OK:
        print("galley: " + _("no article found in the input"), file=sys.stderr)
        return EXIT_INPUT_ERROR
    if skipped:
        print(
            "galley: "
            + ngettext(
                "{count} article already written by an earlier run, kept (--resume)",
                "{count} articles already written by an earlier run, kept (--resume)",
                skipped,
            ).format(count=skipped),
            file=sys.stderr,
        )
    sys.stdout.flush()
    return status
