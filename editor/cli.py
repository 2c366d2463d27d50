"""The `galley` command: the editor by default, and check / clean / export / session for batch work.

Parsing only; the handlers live in editor.commands and the engine in editor.core. Qt is imported only when the
editor is actually opened, so the batch commands start fast and run on machines without a display.
"""

from __future__ import annotations

import argparse
import gettext
import importlib
import os
import sys
from collections.abc import Sequence

from editor import __version__
from editor.commands import EXIT_INPUT_ERROR, ClusterError
from editor.core.glossary import GlossaryError
from editor.core.i18n import DOMAIN, N_, _
from editor.core.resources import resource
from editor.core.spelling import SpellUnavailable
from editor.formats.export import FORMATS

SUBCOMMANDS = ("check", "clean", "export", "session", "rules")


# argparse's own words (the usage line, the section titles of --help, its error messages) come from the standard
# library's gettext default domain. `_speak_argparse` points that domain at Galley's catalogue, and the marks below
# keep these exact msgids in it (they must match the standard library's source text). argparse adds the colon after
# a section title itself, so the French titles end with the no-break space French sets before it.
ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("%(prog)s: error: %(message)s\n"),
)


def _speak_argparse() -> None:
    """Make argparse translate through Galley's catalogue, so usage errors and --help follow the user's language.

    A command-line process only: the default domain is global to the process (nothing else in Galley uses it).
    """
    gettext.bindtextdomain(DOMAIN, str(resource("locale")))
    gettext.textdomain(DOMAIN)


class _Parser(argparse.ArgumentParser):
    """argparse that exits with status 2 and one clear line (it already does; this keeps the prefix uniform)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_INPUT_ERROR, f"galley: {message}\n")


def _add_check_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lang", default="auto", choices=["auto", "fr", "de", "en"], help=_("article language"))
    p.add_argument(
        "--profile", default="fr-FR", choices=["fr-FR", "fr-CA", "fr-CH"], help=_("French typography profile")
    )
    p.add_argument(
        "--house-style",
        default="report",
        choices=["report", "keep"],
        help=_("an article's consistent typographic house style: report it once as info, or keep it silently"),
    )
    p.add_argument("--glossary", metavar=_("FILE"), help=_("your own glossary (TOML), added to the bundled one"))
    p.add_argument(
        "--enable", action="append", metavar=_("RULE"), help=_("only rules with this id prefix (repeatable)")
    )
    p.add_argument("--disable", action="append", metavar=_("RULE"), help=_("switch off rules with this id prefix"))
    p.add_argument("--encoding", metavar=_("ENC"), help=_("read files in this encoding instead of detecting it"))
    p.add_argument("--jobs", "-j", type=int, default=0, metavar="N", help=_("worker processes (default: all cores)"))
    p.add_argument(
        "--scheduler",
        metavar=_("ADDRESS"),
        help=_("run on a Dask cluster: its scheduler (tcp://host:8786), or local:N for N worker processes here"),
    )


def _root_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="galley", description=_("Open scraped articles in the Galley editor."))
    p.add_argument("paths", nargs="*", metavar=_("PATH"), help=_("files, folders or JSONL corpora"))
    p.add_argument("--session", metavar=_("FILE"), help=_("the session file to use (*.galley)"))
    p.add_argument("--lang", default="auto", choices=["auto", "fr", "de", "en"])
    p.add_argument("--encoding", metavar=_("ENC"), help=_("read files in this encoding instead of detecting it"))
    p.add_argument(
        "--version",
        action="version",
        version=f"galley {__version__}",
        help=_("show program's version number and exit"),
    )
    p.epilog = _("batch commands: {commands} --help").format(commands="galley {check,clean,export,session,rules}")
    return p


def _add_clean_options(p: argparse.ArgumentParser) -> None:
    out = p.add_mutually_exclusive_group()
    out.add_argument("-o", "--output", metavar=_("FILE"), help=_("write the single article (or the corpus) here"))
    out.add_argument("--output-dir", metavar=_("DIR"), help=_("write one file per article (or per corpus) into DIR"))
    p.add_argument(
        "--format",
        default="txt",
        choices=FORMATS,
        help=_("jsonl writes a corpus back line for line, with its fields"),
    )
    p.add_argument(
        "--apply",
        action="append",
        metavar=_("PREFIX"),
        help=_("also apply the first suggestion of findings whose rule id starts with PREFIX (repeatable; 'all')"),
    )
    p.add_argument("--explain", action="store_true", help=_("print the changes as a readable diff"))
    p.add_argument("--force", action="store_true", help=_("overwrite existing output files"))
    p.add_argument(
        "--collect",
        action="store_true",
        help=_("with --scheduler: send the cleaned articles back here and write them here (no shared storage)"),
    )
    p.add_argument(
        "--resume",
        action="store_true",
        help=_("with --output-dir: keep the files a previous run completed and clean only the others"),
    )


def build_parser(command: str | None) -> argparse.ArgumentParser:
    if command is None:
        return _root_parser()
    p = _Parser(prog=f"galley {command}")
    text_or = ["text", "json"]
    if command == "check":
        p.description = _("Report damage in articles. Exit status: 0 none found, 1 findings, 2 input error.")
        p.add_argument("paths", nargs="+", metavar=_("PATH"))
        _add_check_options(p)
        p.add_argument("--format", default="text", choices=["text", "jsonl"])
        p.add_argument("--online", action="store_true", help=_("also ask every http(s) link whether it is alive"))
    elif command == "clean":
        p.description = _("Write cleaned articles: the raw text with every safe fix applied.")
        p.add_argument("paths", nargs="+", metavar=_("PATH"))
        _add_check_options(p)
        _add_clean_options(p)
    elif command == "export":
        p.description = _("Export the corrected articles of a session.")
        p.add_argument("session", metavar="SESSION")
        p.add_argument("--output-dir", metavar=_("DIR"), default=".")
        p.add_argument("--format", default="txt", choices=FORMATS)
        p.add_argument("--only-done", action="store_true", help=_("only articles marked done"))
        p.add_argument("--report", metavar=_("FILE"), help=_("also write a summary (.csv or .html)"))
        p.add_argument("--force", action="store_true", help=_("overwrite existing output files"))
    elif command == "rules":
        p.description = _("List the rules (id, severity, languages, auto or review); an exact id explains it.")
        p.add_argument(
            "rule", nargs="?", metavar=_("PREFIX|ID"), help=_("a rule id or an id prefix such as typography")
        )
        p.add_argument("--format", default="text", choices=text_or)
    elif command == "session":
        p.description = _("Show a session's articles and decisions.")
        p.add_argument("session", metavar=_("FILE"))
        p.add_argument("--format", default="text", choices=text_or)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    _speak_argparse()
    args_list = list(sys.argv[1:] if argv is None else argv)
    command = args_list[0] if args_list and args_list[0] in SUBCOMMANDS else None
    parser = build_parser(command)
    args = parser.parse_args(args_list[1:] if command else args_list)
    try:
        if command is None:
            paths = list(getattr(args, "paths", []) or [])
            if len(paths) == 1:  # one long article: its analysis process starts loading while Qt does
                from editor.core.analysis import prestart_file

                prestart_file(paths[0], getattr(args, "lang", "auto") or "auto")
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


def program() -> None:
    """Run as the `galley` program (`python -m editor` too) and leave with `main`'s exit status.

    A check of a long article leaves a few hundred megabytes of small objects (dictionaries, tables, findings);
    freeing them one by one at interpreter exit took 0.2 s, ~5 % of `galley check` on a 200k-word article. Once the
    report is written and flushed, `check` leaves at once. (Not with `--scheduler`: a Dask cluster's own clean-up
    runs at exit; nor the other commands, which write files or hold a window.)
    """
    status = main()
    args = sys.argv[1:]
    if args[:1] == ["check"] and not any(a.startswith("--scheduler") for a in args):
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except BrokenPipeError:
            pass
        else:
            os._exit(status)
    sys.exit(status)


if __name__ == "__main__":  # pragma: no cover
    program()
