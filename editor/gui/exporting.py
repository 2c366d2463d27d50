"""The Export command: ask where and how, write every review's state, export in a worker, report the outcome."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from editor.gui import jobs

if TYPE_CHECKING:
    from editor.core.export import ExportResult
    from editor.gui.main_window import MainWindow


class Exporting(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window

    def ask(self) -> None:
        """The export dialog, then the export (a window without a session has nothing to export)."""
        from editor.gui.dialogs.export import ExportDialog

        w = self.w
        if w.keeper.session is None:
            w.message_box(
                QMessageBox.Icon.Information,
                self.tr("Export"),
                self.tr("Export works on a session, and this window has none (see the status bar)."),
            )
            return
        doc = w.doc()
        default = str(Path(doc.article.source).parent / "galley-export") if doc else str(Path.home())
        not_done = sum(1 for d in w.docs if d.status != "done")
        choice, ok = ExportDialog.ask(w, default, not_done, len(w.docs))
        if ok:
            self.start(choice.folder, choice.fmt, only_done=choice.only_done, force=choice.force, report=choice.report)

    def start(
        self, folder: str, fmt: str, only_done: bool = False, force: bool = False, report: str | None = None
    ) -> None:
        """Export the session in a worker (progress and cancel in the status bar)."""
        w = self.w
        session = w.keeper.session
        if session is None:
            return
        if not w.keeper.save_reviews(w.docs, flush=True):
            return  # the failure is on the status bar: exporting now would write stale decisions
        w.jobs.submit(
            "export", jobs.export, session=session, folder=folder, fmt=fmt, only_done=only_done, force=force,
            config=w.config(), report=report,
        )  # fmt: skip
        w.job_started(self.tr("Exporting…"))

    def done(self, result: object) -> None:
        from editor.core.export import ExportResult

        if not isinstance(result, ExportResult):
            return
        self._report(result)

    def _report(self, result: ExportResult) -> None:
        n = result.articles
        if result.failed:
            detail = "\n".join(str(f) for f in result.failed[:30])
            self.w.message_box(
                QMessageBox.Icon.Warning,
                self.tr("Export incomplete"),
                self.tr("{n} article(s) written; these were not:").format(n=n),
                detail,
            )
        else:
            parts = [self.tr("Exported {n} article(s) in {files} file(s)").format(n=n, files=len(result.written))]
            if result.skipped:
                parts.append(self.tr("{n} not marked done left out").format(n=result.skipped))
            if result.report is not None:
                parts.append(self.tr("report: {path}").format(path=result.report))
            self.w.statusBar().showMessage("; ".join(parts), 8000)
