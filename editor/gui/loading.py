"""Articles arriving from the loading worker, their analysis, and a changed source reloaded.

The loading job streams typed events (`editor.gui.jobs`); the first article is shown as soon as it is read, its
analysis starts once the session stored it, and a long article gets its visible part checked first (a preview)
while the whole analysis runs.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMessageBox

from editor.core import analysis, recheck_server
from editor.gui import drafts, jobs
from editor.gui.documents import Doc
from editor.gui.models.articles import ArticleRow
from editor.gui.models.findings import Row
from editor.gui.panes import Mark
from editor.gui.pending_counts import PendingCounts

if TYPE_CHECKING:
    from editor.core.article import Article
    from editor.core.findings import Finding
    from editor.core.review import Review
    from editor.formats.loaders import LoadError
    from editor.gui.main_window import MainWindow

PREVIEW_ABOVE = 50_000  # characters: longer articles get their visible part checked first
PREVIEW_MAX = 30_000  # characters checked by the preview at most
# Findings streamed during a long analysis are drawn when they have doubled since last drawn, or some time after:
# this long at least, and twenty times what the last drawing took. Each drawing redraws them all: drawing every
# batch cost the GUI thread time quadratic in their number (seconds on a long article).
SO_FAR_EVERY_S = 2.0


class Loading(QObject):
    """Turns loading and analysis results into the window's documents."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        self.load_errors: list[LoadError] = []
        self.analysing: int | None = None  # index of the article being analysed
        self._reloading: int | None = None
        self._preview_doc: int | None = None
        self._scroll_to: int | None = None  # where the Cleaned pane was scrolled when typing was folded in
        self.counts = PendingCounts(window)  # the article list's counts, for articles not opened yet too
        self._so_far: list[Finding] = []  # findings streamed by the analysis running
        self._so_far_shown = (0, 0.0)  # how many of them are drawn, and when they may be drawn again
        self._so_far_timer = QTimer(self)
        self._so_far_timer.setSingleShot(True)
        self._so_far_timer.timeout.connect(self._show_so_far)
        window.jobs.progress.connect(self._analysis_progress)
        window.jobs.cancelled.connect(self._analysis_stopped)
        window.jobs.error.connect(self._analysis_stopped)
        window.articleShown.connect(lambda _index: self.fit_server())

    def reset(self) -> None:
        self.load_errors = []
        self.w.jobs.cancel(self.counts.kind)  # counts of the articles open before are not these ones

    # ------------------------------------------------------------------------------------------------ loading
    def partial(self, kind: str, _job: int, value: object) -> None:
        """A batch of the loading job: articles, session ids, changed sources, errors."""
        if kind == "analyse" and isinstance(value, list):
            self._found_so_far(value)
            return
        if kind != "load" or not isinstance(value, list):
            return
        w = self.w
        rows = []
        first = not w.docs
        pending_restore = w.keeper.pending_restore
        for entry in value:
            if isinstance(entry, jobs.Stored):
                self._stored(entry.index, entry.aid)
            elif isinstance(entry, jobs.SourceChanged):
                self._source_changed(entry.index, entry.session_copy, entry.on_disk)
            elif isinstance(entry, jobs.SessionWriteFailed):
                w.keeper.failed.emit(self.tr("Not saved: {error}").format(error=entry.error))
            elif isinstance(entry, jobs.Loaded):
                doc = Doc(entry.article, entry.aid)
                if pending_restore is not None and entry.aid == pending_restore[0]:
                    doc.cursor = pending_restore[1]
                doc.status = w.keeper.article_status(entry.aid) or doc.status
                w.docs.append(doc)
                rows.append(ArticleRow(entry.article.label, doc.status))
            else:
                self.load_errors.append(entry)
        w.articles.model.extend(rows)
        if len(w.docs) > 1:
            w.articles_dock.show()
        if first and w.docs and w.current is None:
            target = 0
            if pending_restore is not None:
                target = next((i for i, d in enumerate(w.docs) if d.aid == pending_restore[0]), 0)
            # a long article's analysis process starts loading now, while the article is shown and stored
            analysis.prestart(w.docs[target].article, w.config())
            w.show_article(target)

    def _stored(self, index: int, aid: int) -> None:
        """The session id of an article shown before it was stored: restore its state, then analyse it."""
        w = self.w
        if not 0 <= index < len(w.docs):
            return
        doc = w.docs[index]
        doc.aid = aid
        status = w.keeper.article_status(aid)
        if status is not None:
            doc.status = status
            w.articles.model.update(index, status=doc.status)
        restore = w.keeper.pending_restore
        if restore is not None and aid == restore[0]:
            doc.cursor = restore[1]
        if index == w.current and doc.review is None and self.analysing is None:
            self.analyse(index)

    def _source_changed(self, index: int, old: Article, new: Article) -> None:
        """Show the session's version (with all the work) and ask whether to reload the file instead."""
        w = self.w
        if not 0 <= index < len(w.docs):
            return
        doc = w.docs[index]
        doc.article = old
        doc.changed_source = new
        if index == w.current:
            w.raw.set_text(old.text)
        w.keeper.source_changed(index, doc, new)

    def finished(self) -> None:
        w = self.w
        # A restored article (not the first) may have arrived after the first batch.
        restore = w.keeper.pending_restore
        if restore is not None and w.docs:
            aid, cursor = restore
            target = next((i for i, d in enumerate(w.docs) if d.aid == aid), None)
            if target is not None:
                w.docs[target].cursor = cursor
                if target != w.current:
                    w.show_article(target)
            w.keeper.pending_restore = None
        if self.load_errors:
            lines = [str(e) for e in self.load_errors]
            shown = "\n".join(lines[:30]) + (f"\n… (+{len(lines) - 30})" if len(lines) > 30 else "")
            w.statusBar().showMessage(
                self.tr("{n} file(s) or record(s) could not be loaded").format(n=len(lines)), 10000
            )
            w.message_box(
                QMessageBox.Icon.Warning,
                self.tr("Some input could not be loaded"),
                self.tr("{n} file(s) or record(s) could not be loaded:").format(n=len(lines)),
                shown,
            )
        if not w.docs:
            w.show_banner(self.tr("Nothing to review: no article could be loaded. Use File → Open."))
        w.keeper.remember_config(w.config())  # what `galley export` and `galley session` read
        w.loadFinished.emit(len(w.docs))

    # ------------------------------------------------------------------------------------------------ changed files
    def reload_changed(self, index: int) -> None:
        """Use the changed file, re-applying the session's decisions that still match (in a worker)."""
        w = self.w
        doc = w.docs[index]
        if doc.changed_source is None or w.keeper.session is None or doc.aid is None:
            return
        w.jobs.cancel("analyse")
        self._reloading = index
        w.jobs.submit(
            "reapply",
            jobs.reapply_changed,
            session=w.keeper.session,
            aid=doc.aid,
            article=doc.changed_source,
            config=w.config(),
        )
        w.job_started(self.tr("Re-applying decisions…"))
        if index == w.current:
            # The review is replaced when this ends: typing now could not be carried over, so none is taken.
            w.clean.setReadOnly(True)
            w.show_banner(
                self.tr("Re-applying your decisions to the changed file: the Cleaned pane takes typing when done.")
            )

    def reapplied(self, result: jobs.Reapplied) -> None:
        w = self.w
        index, self._reloading = self._reloading, None
        if index is None or not 0 <= index < len(w.docs):
            return
        doc = w.docs[index]
        doc.article = doc.changed_source or doc.article
        doc.changed_source = None
        doc.review = result.review
        doc.raw_links = list(result.links)
        if index == w.current:
            w.show_article(index)
        w.statusBar().showMessage(
            self.tr("Reloaded: {kept} decision(s) re-applied, {lost} lost").format(
                kept=result.outcome.kept, lost=result.outcome.lost
            ),
            10000,
        )

    # ------------------------------------------------------------------------------------------------ analysis
    def analyse(self, index: int) -> None:
        w = self.w
        doc = w.docs[index]
        if w.keeper.session is not None and doc.aid is None:
            return  # its session id is on its way (`_stored` starts the analysis)
        state = w.keeper.load_review(doc.aid)
        self._resume_draft(index, state)
        self.analysing = index
        self._so_far = []
        self._so_far_shown = (0, 0.0)
        self._so_far_timer.stop()
        analysis.prestart(doc.article, w.config())  # a no-op unless it needs a separate process none started yet
        if len(doc.article.text) > PREVIEW_ABOVE:
            self._start_preview(index)
        w.jobs.submit(
            "analyse",
            jobs.analyse_and_prepare,
            article=doc.article,
            config=w.config(),
            state=state,
            enabled=w.prefs.shown(),
        )
        w.job_started(self.tr("Analysing…"))

    def _resume_draft(self, index: int, state: dict[str, Any] | None) -> None:
        """Note what typing during this analysis is made over; after a crash during an analysis, show the typing
        the session kept (it joins the review when the analysis arrives)."""
        w = self.w
        doc = w.docs[index]
        doc.draft_base = base = drafts.base_of(state)
        if doc.draft:
            w.keeper.save_draft_later(doc)  # typed before its session id was known
            return
        saved = w.keeper.saved_draft(doc.aid)
        if saved is None or saved[1] != base or not saved[0]:
            return
        doc.draft = list(saved[0])
        if index == w.current and not w.view.shown_limit:
            w.set_clean_text(drafts.apply_edits(doc.article.text, doc.draft))

    def _fold_draft(self, index: int, doc: Doc, review: Review) -> None:
        """Carry what was typed during the analysis over to its review, keeping the cursor and scroll where the
        person left them; it is saved like any typing, and one undo step takes it back."""
        w = self.w
        shown = index == w.current
        marks = (w.clean.cursor_position(), w.clean.top_position()) if shown else (0, 0)
        edits = drafts.rebase([*doc.draft, *((m, m, "") for m in marks)], review.raw_to_clean)
        for s, e, t in edits[: len(doc.draft)]:
            if 0 <= s <= e <= len(review.cleaned):
                review.edit(s, e, t, merge=True)
        doc.draft = []
        doc.prepared = None  # built for the text before the typing: drawn afresh from the review
        if shown:
            doc.cursor = edits[-2][0]
        w.keeper.save_text(doc)
        w.keeper.flush()
        w.keeper.drop_draft(doc)
        w.reviews.recheck_timer.start()
        self._scroll_to = edits[-1][0] if shown else None

    def _start_preview(self, index: int) -> None:
        """Underline the visible part of a long article first: a quick check of the paragraphs in view runs
        before the whole analysis, and its marks are replaced when the review arrives."""
        w = self.w
        text = w.docs[index].article.text
        lo, hi = w.raw.visible_blocks()
        doc_ = w.raw.document()
        first, last = doc_.findBlockByNumber(max(0, lo - 20)), doc_.findBlockByNumber(hi + 20)
        start = w.raw.index.to_code_point(first.position()) if first.isValid() else 0
        end = w.raw.index.to_code_point(last.position() + last.length() - 1) if last.isValid() else len(text)
        cut = text.rfind("\n\n", 0, start)
        start = cut + 2 if cut >= 0 else 0
        cut = text.find("\n\n", end)
        end = cut if cut >= 0 else len(text)
        end = min(end, start + PREVIEW_MAX)  # a pathological paragraph: check only its beginning
        if len(text) > analysis.PROCESS_ABOVE and end <= analysis.FIRST_REPORT_COVERS:
            # The analysis process, started when the article was read, reports these paragraphs first, about when
            # a preview here would end: checking them in the window too would load the spell-checking machinery
            # here and take a core from the analysis, for nothing.
            return
        self._preview_doc = index
        w.jobs.submit(
            "preview", jobs.preview, text=text, start=start, end=end, article=w.docs[index].article, config=w.config()
        )

    def _found_so_far(self, found: list[Finding]) -> None:
        """Findings of the paragraphs the analysis has checked so far: listed and underlined in Raw until the
        review replaces them (they are not decisions yet: nothing can be accepted before the review)."""
        w = self.w
        doc = w.doc()
        if doc is None or doc.review is not None or self.analysing != w.current or not found:
            return
        self._so_far.extend(found)
        shown, next_at = self._so_far_shown
        now = time.monotonic()
        if len(self._so_far) >= 2 * shown or now >= next_at:
            self._show_so_far()
        elif not self._so_far_timer.isActive():
            self._so_far_timer.start(int((next_at - now) * 1000) + 1)

    def _show_so_far(self) -> None:
        w = self.w
        doc = w.doc()
        if doc is None or doc.review is not None or self.analysing != w.current or not self._so_far:
            return
        self._so_far_timer.stop()
        t0 = time.monotonic()
        rows = [
            Row(
                -(i + 1),
                f.category,
                f.rule,
                f.text,
                f.suggestions[0] if f.suggestions else "",
                str(f.severity),
                "pending",
                f.message,
                f.start,
                bool(f.suggestions),
            )
            for i, f in enumerate(self._so_far)
        ]
        w.findings.set_rows(rows)
        w.raw.set_marks(Mark(f.start, f.end, "finding", f.category, str(f.severity)) for f in self._so_far)
        took = time.monotonic() - t0
        self._so_far_shown = (len(self._so_far), t0 + max(SO_FAR_EVERY_S, 20 * took))

    def _analysis_progress(self, kind: str, _job: int, done: int, total: int) -> None:
        """Every paragraph of the long article shown is checked: take its re-check process now (the one its
        analysis process forked, warm already, or a new one), so that it is there when the first edit is
        re-checked."""
        w = self.w
        index = self.analysing
        if kind != "analyse" or index is None or index != w.current or not 0 < total <= done:
            return
        if not 0 <= index < len(w.docs):
            return
        text = w.docs[index].article.text
        if len(text) > analysis.PROCESS_ABOVE:
            w.reviews.start_server(None, w.config(), text[: recheck_server.SAMPLE_CHARS])

    def _analysis_stopped(self, kind: str, _job: int, *_message: str) -> None:
        """The analysis was cancelled or failed: no review is coming, and no re-check process is needed for it."""
        if kind == "analyse":
            self.analysing = None
            self.fit_server()

    def fit_server(self) -> None:
        """Keep the re-check process only while the article shown needs it: a long article whose review is there
        (started again when the person comes back to one) or whose analysis is running. It holds hundreds of
        megabytes: an analysis cancelled, or another article shown, ends it rather than leaving it to the window's
        end."""
        w = self.w
        doc = w.doc()
        if doc is None or len(doc.article.text) <= analysis.PROCESS_ABOVE:
            w.reviews.close_server()
        elif doc.review is not None:
            if not w.reviews.start_server(doc.review.lang, w.config()):
                w.jobs.submit("warm", jobs.warm_checker, article=doc.article, config=w.config())
        elif self.analysing != w.current:
            w.reviews.close_server()

    def preview_done(self, found: list[Finding]) -> None:
        w = self.w
        doc = w.doc()
        if doc is None or doc.review is not None or self._preview_doc != w.current:
            return
        w.raw.set_marks(Mark(f.start, f.end, "finding", f.category, str(f.severity)) for f in found)
        w.previewShown.emit(len(found))

    def analysed(self, result: jobs.Analysed) -> None:
        w = self.w
        index, self.analysing = self.analysing, None
        if index is None or not 0 <= index < len(w.docs):
            return
        review = result.review
        doc = w.docs[index]
        doc.review = review
        doc.big = w.keeper.is_big(review)
        doc.raw_links = list(result.links)
        doc.prepared = result.prepared
        self._scroll_to = None
        if doc.draft:
            self._fold_draft(index, doc, review)
        w.articles.model.update(index, pending=len(review.pending()))
        self.fit_server()  # the process is needed now if this is the long article shown
        if index == w.current:
            w.show_review(restore_cursor=self._scroll_to is None)
            if self._scroll_to is not None:
                w.clean.set_cursor_position(doc.cursor)
                w.clean.scroll_to_position(self._scroll_to)
            if review.pending():
                w.statusBar().showMessage(
                    self.tr("{n} findings to review: press F8 to go to the first one").format(n=len(review.pending())),
                    10000,
                )
        w.reviewReady.emit(index)
        if len(doc.article.text) > analysis.PROCESS_ABOVE:
            _collect_now()


def _collect_now() -> None:
    """A full garbage collection while the window is busy drawing a long article's review anyway. The review's
    hundreds of thousands of objects, just unpickled, made the interpreter's next full collection fall due a moment
    later, at the first re-check or keystroke: a 30 ms stall of the GUI thread there. Collected now, the next one
    waits until a quarter as many objects again were created, which editing does not come near."""
    import gc

    gc.collect()
