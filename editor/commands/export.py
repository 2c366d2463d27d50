"""`galley export SESSION`: write the session's corrected articles (and a report) into a folder."""

from __future__ import annotations

import argparse
import sys

from editor.commands import EXIT_INPUT_ERROR, EXIT_OK
from editor.core.fileio import ExportError
from editor.core.i18n import _, ngettext
from editor.core.session import Session, SessionError
from editor.formats.export import EXPORTERS
from editor.formats.loaders import iter_paths

EXIT_WRITE_ERROR = 1


def run(args: argparse.Namespace) -> int:
    from editor.core.batch import default_jobs
    from editor.core.export import export_session

    try:
        session = Session.open(args.session, readonly=True, loader=iter_paths)
    except SessionError as e:
        print(f"galley: {e}", file=sys.stderr)
        return EXIT_INPUT_ERROR
    try:
        result = export_session(
            session,
            args.output_dir,
            args.format,
            only_done=args.only_done,
            report=args.report,
            force=args.force,
            jobs=default_jobs(),
            formats=EXPORTERS,
        )
    except ExportError as e:
        print(f"galley: {e}", file=sys.stderr)
        return EXIT_INPUT_ERROR
    except SessionError as e:
        print(f"galley: {e}", file=sys.stderr)
        return EXIT_INPUT_ERROR
    finally:
        session.close()
    for label, message in result.failed:
        print(
            "galley: " + _("not written: {article}: {problem}").format(article=label, problem=message), file=sys.stderr
        )
    files = len(result.written)
    line = _("{articles} article(s) in {files} file(s) written to {folder}").format(
        articles=result.articles, files=files, folder=args.output_dir
    )
    if result.report:
        line += _(", report {file}").format(file=result.report)
    if result.skipped:
        line += ngettext(", {count} not done skipped", ", {count} not done skipped", result.skipped).format(
            count=result.skipped
        )
    print(line, file=sys.stderr)
    return EXIT_OK if result.ok else EXIT_WRITE_ERROR
