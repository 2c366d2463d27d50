"""The `galley` command: the editor by default, and check / clean / export / session for batch work.

Parsing only; the handlers live in editor.commands and the engine in editor.core. Qt is imported only when the
editor is actually opened, so the batch commands start fast and run on machines without a display.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from editor import __version__
from editor.commands import EXIT_INPUT_ERROR, ClusterError
from editor.core.glossary import GlossaryError
from editor.core.i18n import _
from editor.core.spelling import SpellUnavailable
from editor.formats.export import FORMATS

SUBCOMMANDS = ("check", "clean", "export", "session", "rules")


class _Parser(argparse.ArgumentParser):
    """argparse that exits with status 2 and one clear line (it already does; this keeps the prefix uniform)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_INPUT_ERROR, f"galley: {message}\n")


def _add_check_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lang", default="auto", choices=["auto", "fr", "de", "en"], help="article language")
    p.add_argument("--profile", default="fr-FR", choices=["fr-FR", "fr-CA", "fr-CH"], help="French typography profile")
    p.add_argument(
        "--house-style",
        default="report",
        choices=["report", "keep"],
        help="an article's consistent typographic house style: report it once as info, or keep it silently",
    )
    p.add_argument("--glossary", metavar="FILE", help="your own glossary (TOML), added to the bundled one")
    p.add_argument("--enable", action="append", metavar="RULE", help="only rules with this id prefix (repeatable)")
    p.add_argument("--disable", action="append", metavar="RULE", help="switch off rules with this id prefix")
    p.add_argument("--encoding", metavar="ENC", help="read files in this encoding instead of detecting it")
    p.add_argument("--jobs", "-j", type=int, default=0, metavar="N", help="worker processes (default: all cores)")
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run on a Dask cluster: its scheduler (tcp://host:8786), or local:N for N worker processes here",
    )


def build_parser(command: str | None) -> argparse.ArgumentParser:
    if command is None:
        p = _Parser(prog="galley", description="Open scraped articles in the Galley editor.")
        p.add_argument("paths", nargs="*", metavar="PATH", help="files, folders or JSONL corpora")
        p.add_argument("--session", metavar="FILE", help="the session file to use (*.galley)")
        p.add_argument("--lang", default="auto", choices=["auto", "fr", "de", "en"])
        p.add_argument("--encoding", metavar="ENC", help="read files in this encoding instead of detecting it")
        p.add_argument("--version", action="version", version=f"galley {__version__}")
        p.epilog = "batch commands: galley {check,clean,export,session,rules} --help"
        return p
    p = _Parser(prog=f"galley {command}")
    if command == "check":
        p.description = "Report damage in articles. Exit status: 0 none found, 1 findings, 2 input error."
        p.add_argument("paths", nargs="+", metavar="PATH")
        _add_check_options(p)
        p.add_argument("--format", default="text", choices=["text", "jsonl"])
        p.add_argument("--online", action="store_true", help="also ask every http(s) link whether it is alive")
    elif command == "clean":
        p.description = "Write cleaned articles: the raw text with every safe fix applied."
        p.add_argument("paths", nargs="+", metavar="PATH")
        _add_check_options(p)
        out = p.add_mutually_exclusive_group()
        out.add_argument("-o", "--output", metavar="FILE", help="write the single article (or the corpus) here")
        out.add_argument("--output-dir", metavar="DIR", help="write one file per article (or per corpus) into DIR")
        p.add_argument(
            "--format", default="txt", choices=FORMATS, help="jsonl writes a corpus back line for line, with its fields"
        )
        p.add_argument(
            "--apply",
            action="append",
            metavar="PREFIX",
            help="also apply the first suggestion of findings whose rule id starts with PREFIX (repeatable; 'all')",
        )
        p.add_argument("--explain", action="store_true", help="print the changes as a readable diff")
        p.add_argument("--force", action="store_true", help="overwrite existing output files")
        p.add_argument(
            "--collect",
            action="store_true",
            help="with --scheduler: send the cleaned articles back here and write them here (no shared storage)",
        )
        p.add_argument(
            "--resume",
            action="store_true",
            help="with --output-dir: keep the files a previous run completed and clean only the others",
        )
    elif command == "export":
        p.description = "Export the corrected articles of a session."
        p.add_argument("session", metavar="SESSION")
        p.add_argument("--output-dir", metavar="DIR", default=".")
        p.add_argument("--format", default="txt", choices=FORMATS)
        p.add_argument("--only-done", action="store_true", help="only articles marked done")
        p.add_argument("--report", metavar="FILE", help="also write a summary (.csv or .html)")
        p.add_argument("--force", action="store_true", help="overwrite existing output files")
    elif command == "rules":
        p.description = "List the rules (id, severity, languages, auto or review); an exact id explains it."
        p.add_argument("rule", nargs="?", metavar="PREFIX|ID", help="a rule id or an id prefix such as typography")
        p.add_argument("--format", default="text", choices=["text", "json"])
    elif command == "session":
        p.description = "Show a session's articles and decisions."
        p.add_argument("session", metavar="FILE")
        p.add_argument("--format", default="text", choices=["text", "json"])
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    command = args_list[0] if args_list and args_list[0] in SUBCOMMANDS else None
    parser = build_parser(command)
    args = parser.parse_args(args_list[1:] if command else args_list)
    try:
        if command is None:
            from editor.gui.app import run_gui

            gui_status: int = run_gui(args)
            return gui_status
        handler = importlib.import_module(f"editor.commands.{command}")
        status: int = handler.run(args)
        return status
    except KeyboardInterrupt:
        print("galley: " + _("interrupted"), file=sys.stderr)
        return 130
    except (SpellUnavailable, GlossaryError, ClusterError) as exc:  # no dictionary, bad glossary, no scheduler
        print(f"galley: {exc}", file=sys.stderr)
        return EXIT_INPUT_ERROR
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
