"""The main window: Raw and Cleaned side by side, the findings panel, the article list, menus and status bar.

The window builds the widgets and wires them; the work lives elsewhere: `ReviewController` runs the decisions on
the review (`editor.core.review.Review`, Qt-free, the truth), `SessionKeeper` writes them to the session before
the window shows them as done, `ReviewView` redraws panes and panels from the review, `editor.gui.jobs` holds what
runs in the thread pool. The window paints first, then loads articles and analyses them in workers; the text is
shown as soon as it is read, underlines arrive when the analysis does.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from editor.core.resources import sample_article
from editor.core.rules.base import CheckConfig
from editor.gui import jobs
from editor.gui.actions import Actions, build_actions
from editor.gui.colors import BANNER_BORDER
from editor.gui.corpus_tools import CorpusTools
from editor.gui.dialogs.confirm import ask_done_anyway
from editor.gui.documents import Doc
from editor.gui.drafts import apply_edits
from editor.gui.exporting import Exporting
from editor.gui.finding_actions import FindingActions
from editor.gui.item_menu import ItemMenus
from editor.gui.loading import Loading
from editor.gui.messages import message_box
from editor.gui.panes import LONG_LINE, CleanPane, RawPane
from editor.gui.review_controller import ConfirmAcceptAll, ReviewController
from editor.gui.review_view import ReviewView
from editor.gui.session_keeper import SessionKeeper
from editor.gui.settings import Preferences, Settings
from editor.gui.widgets.articles import ArticleList
from editor.gui.widgets.findings_panel import FindingsPanel
from editor.gui.widgets.legend import LegendWidget
from editor.gui.widgets.status_bar import StatusBar
from editor.gui.workers import JobRunner

if TYPE_CHECKING:
    from editor.core.review import Item, Review
    from editor.core.session import Session
    from editor.gui.dialogs.find_replace import FindReplaceDialog
    from editor.gui.models.links import LinkRow
    from editor.gui.widgets.links import LinksPanel

HUGE_LINE = 500_000  # characters in one line: above this only the beginning is displayed
DISPLAY_LIMIT = 200_000


class MainWindow(QMainWindow):
    """Galley's editor window."""

    articleShown = Signal(int)
    reviewReady = Signal(int)
    rechecked = Signal()
    loadFinished = Signal(int)
    previewShown = Signal(int)

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        lang: str = "auto",
        encoding: str | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("galleyMainWindow")
        self.setWindowTitle("Galley")
        self.setAcceptDrops(True)
        self.settings = settings or Settings()
        self.prefs = self.settings.load_preferences()
        self.lang_override = lang
        self.encoding = encoding
        self.docs: list[Doc] = []
        self.current: int | None = None
        self.current_item: int | None = None
        self._read_only_reason = ""
        self._placing_text = False
        self.jobs = JobRunner(self)
        self.keeper = SessionKeeper(self)
        self.reviews = ReviewController(self, self.keeper, self.settings, self.doc, self.jobs, self.config)
        self.view = ReviewView(self)
        self.menus = ItemMenus(self)
        self.loading = Loading(self)
        self.exporting = Exporting(self)
        self.corpus = CorpusTools(self)
        self.find_dialog: FindReplaceDialog | None = None
        self.confirm_done: Callable[[QWidget, list[Item]], bool] = ask_done_anyway

        self._build_panes()
        self._build_docks()
        self.finding_actions = FindingActions(self)
        self.detail_dock = self.finding_actions.build_dock()
        self._build_status_bar()
        self.actions_ = build_actions(self, self._handlers(), self.accept_suggestion)
        self._build_menus()
        self.addActions(list(self.actions_.by_name.values()))
        self.clean.reserve_shortcuts(self.actions_.all_shortcuts())
        self.raw.reserve_shortcuts(self.actions_.all_shortcuts())
        self._connect()

        self.resize(1280, 820)
        self.settings.restore_window(self, self._layout_parts())
        self.findings.ensure_label_widths()
        self.update_actions()
        self._update_status()

    # ------------------------------------------------------------------------------------------------ building
    def _connect(self) -> None:
        self.jobs.done.connect(self._job_done)
        self.jobs.error.connect(self._job_error)
        self.jobs.partial.connect(self.loading.partial)
        self.jobs.progress.connect(lambda kind, _job, done, total: self.status.job_progress(kind, done, total))
        self.jobs.cancelled.connect(lambda _kind, _job: self.job_ended())
        self.keeper.failed.connect(lambda text: self.statusBar().showMessage(text, 15000))
        self.keeper.recovered.connect(lambda text: self.statusBar().showMessage(text, 5000))  # replaces "Not saved"
        self.keeper.stateChanged.connect(self._update_saved)
        self.keeper.articleStatusChanged.connect(self._article_status_changed)
        self.keeper.reloadRequested.connect(self.loading.reload_changed)
        self.reviews.message.connect(lambda text, ms: self.statusBar().showMessage(text, ms))
        self.reviews.decided.connect(self._after_decision)
        self.reviews.redrawNeeded.connect(self._redraw)

    def _build_panes(self) -> None:
        self.raw = RawPane(self)
        self.clean = CleanPane(self)
        font = self.prefs.editor_font()
        for pane in (self.raw, self.clean):
            pane.setFont(font)
            pane.menuRequested.connect(lambda pos, gp, p=pane: self.menus.pane_menu(p, pos, gp))
        self.raw.tooltip_provider = lambda pos: self.menus.tooltip(self.raw, pos)
        self.clean.tooltip_provider = lambda pos: self.menus.tooltip(self.clean, pos)
        self.clean.setReadOnly(True)
        self.clean.edited.connect(self._hand_edit)
        self.clean.cursorPositionChanged.connect(self._cursor_moved)
        self.raw.verticalScrollBar().valueChanged.connect(lambda _v: self.view.sync_scroll(self.raw))
        self.clean.verticalScrollBar().valueChanged.connect(lambda _v: self.view.sync_scroll(self.clean))

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("paneSplitter")
        self.splitter.addWidget(self._titled(self.tr("Raw"), self.raw, "rawTitle"))
        self.splitter.addWidget(self._titled(self.tr("Cleaned"), self.clean, "cleanTitle"))
        self.splitter.setChildrenCollapsible(False)
        self.banner = QLabel(self)
        self.banner.setObjectName("banner")
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(f"QLabel#banner {{ padding: 4px; border: 1px solid {BANNER_BORDER}; }}")
        self.banner.hide()
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

    def _titled(self, title: str, pane: QWidget, name: str) -> QWidget:
        box = QWidget(self)
        label = QLabel(title, box)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(label)
        layout.addWidget(pane, 1)
        return box

    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_docks(self) -> None:
        self.findings = FindingsPanel(self)
        self.findings.itemSelected.connect(lambda i: self.select_item(i, focus=False))
        self.findings.itemActivated.connect(lambda i: self.select_item(i, focus=True))
        self.findings.menuRequested.connect(self.menus.table_menu)
        area = Qt.DockWidgetArea
        self.findings_dock = self._dock(self.tr("Findings"), "findingsDock", self.findings, area.BottomDockWidgetArea)

        self.articles = ArticleList(self)
        self.articles.articleChosen.connect(self.show_article)
        self.articles_dock = self._dock(self.tr("Articles"), "articlesDock", self.articles, area.LeftDockWidgetArea)
        self.articles_dock.hide()

        self.legend = LegendWidget(self, columns=1)
        self.legend.categoryClicked.connect(self.findings.show_only)
        self.legend_dock = self._dock(self.tr("Legend"), "legendDock", self.legend, area.RightDockWidgetArea)
        self.legend.setMinimumWidth(self.legend.sizeHint().width() + 8)

        from editor.gui.widgets.links import LinksPanel

        self.links_panel: LinksPanel | None = LinksPanel(self)
        self.links_dock = self._dock(self.tr("Links"), "linksDock", self.links_panel, area.RightDockWidgetArea)
        self.tabifyDockWidget(self.legend_dock, self.links_dock)
        self.legend_dock.raise_()
        self.links_panel.linkSelected.connect(self._link_selected)

    def _build_status_bar(self) -> None:
        self.status = StatusBar(self)
        self.setStatusBar(self.status)
        self.status.cancelRequested.connect(self.cancel_jobs)
        self.lang_label, self.counts_label = self.status.lang_label, self.status.counts_label
        self.saved_label, self.progress = self.status.saved_label, self.status.progress
        self.cancel_button = self.status.cancel_button

    def _handlers(self) -> dict[str, Callable[[], object]]:
        from editor.gui.dialogs.keys import KeysDialog

        return {
            "open": self.open_dialog,
            "export": self.export_dialog,
            "quit": self.close,
            "undo": self.undo,
            "redo": self.redo,
            "find": self.find_replace,
            "preferences": self.preferences,
            "next": self.next_finding,
            "previous": self.previous_finding,
            "accept": lambda: self.accept_suggestion(1),
            "reject": self.reject,
            "accept_all": self.accept_all,
            "ignore": self.ignore_word,
            "dictionary": self.add_to_dictionary,
            "word_lists": self.finding_actions.edit_word_lists,
            "revert": self.revert,
            "done": self.mark_done,
            "keys": lambda: KeysDialog(self).exec(),
            "about": self._about,
            **self.corpus.handlers(),
        }

    def _build_menus(self) -> None:
        a = self.actions_
        mb = self.menuBar()
        file_menu = mb.addMenu(self.tr("&File"))
        file_menu.addAction(a["open"])
        self.recent_menu = file_menu.addMenu(self.tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.reopen_action = QAction(self.tr("Reopen with &Encoding…"), self)
        self.reopen_action.triggered.connect(self.reopen_with_encoding)
        file_menu.addAction(self.reopen_action)
        file_menu.addSeparator()
        file_menu.addAction(a["export"])
        file_menu.addSeparator()
        file_menu.addAction(a["quit"])
        edit = mb.addMenu(self.tr("&Edit"))
        for name in ("undo", "redo"):
            edit.addAction(a[name])
        edit.addSeparator()
        edit.addAction(a["find"])
        edit.addAction(a["find_all"])
        edit.addSeparator()
        edit.addAction(a["word_lists"])
        edit.addAction(a["preferences"])
        review = mb.addMenu(self.tr("&Review"))
        for name in ("next", "previous"):
            review.addAction(a[name])
        review.addSeparator()
        review.addAction(a["accept"])
        sub = review.addMenu(self.tr("Accept &Suggestion"))
        for action in a.suggestion:
            sub.addAction(action)
            self.addAction(action)
        for name in ("reject", "accept_all", "bulk", "ignore", "dictionary", "revert"):
            review.addAction(a[name])
        review.addSeparator()
        review.addAction(a["done"])
        view = mb.addMenu(self.tr("&View"))
        for dock in (self.findings_dock, self.detail_dock, self.articles_dock, self.legend_dock, self.links_dock):
            view.addAction(dock.toggleViewAction())
        view.addSeparator()
        view.addAction(a["statistics"])
        help_menu = mb.addMenu(self.tr("&Help"))
        help_menu.addAction(a["keys"])
        help_menu.addAction(a["about"])

    def _layout_parts(self) -> dict[str, QSplitter | QHeaderView]:
        return {"splitter": self.splitter, "findingsHeader": self.findings.table.horizontalHeader()}

    # ------------------------------------------------------------------------------------------------ state
    @property
    def session(self) -> Session | None:
        return self.keeper.session

    @property
    def confirm_accept_all(self) -> ConfirmAcceptAll:
        """Asks before accepting every finding of a rule (tests replace it to answer without a dialog)."""
        return self.reviews.confirm_accept_all

    @confirm_accept_all.setter
    def confirm_accept_all(self, ask: ConfirmAcceptAll) -> None:
        self.reviews.confirm_accept_all = ask

    def doc(self) -> Doc | None:
        """The article shown, if any."""
        return self.docs[self.current] if self.current is not None and 0 <= self.current < len(self.docs) else None

    @property
    def review(self) -> Review | None:
        doc = self.doc()
        return doc.review if doc is not None else None

    def config(self) -> CheckConfig:
        """The check configuration: preferences, the words ignored in this session, the language forced."""
        cfg = self.prefs.check_config(ignored_words=self.keeper.ignored_words())
        if self.lang_override != "auto":
            cfg = replace(cfg, lang=self.lang_override)
        return cfg

    # ------------------------------------------------------------------------------------------------ opening
    def open_paths(self, paths: Sequence[str], session_path: str | None = None) -> None:
        """Open files/folders/corpora (none: the bundled sample) with their session; loading runs in a worker."""
        self._close_session()
        self.docs = []
        self.current = None
        self.current_item = None
        self.loading.reset()
        self.articles.model.clear()
        self.articles_dock.hide()
        self.raw.set_text("")
        self.clean.set_text("")
        self.findings.clear()
        self.show_banner("")
        to_load = [str(p) for p in paths] or [str(sample_article())]
        self.keeper.open(session_path, [str(p) for p in paths])
        self._update_status()
        for p in paths:
            self.settings.add_recent_file(p)
        session = self.keeper.session
        if (self.keeper.read_only or (not paths and session_path)) and session is not None and session.articles():
            self.jobs.submit("load", jobs.load_session_articles, session=session)
        else:
            self.jobs.submit("load", jobs.load_articles, paths=to_load, encoding=self.encoding, session=session)
        self.job_started(self.tr("Loading…"))

    def _close_session(self) -> None:
        self.jobs.cancel("load")
        self.jobs.cancel("analyse")
        if self.keeper.session is not None:
            self.keeper.flush_typing()
            self._remember_cursor()
        self.keeper.close()
        self.reviews.close_server()

    def message_box(self, icon: QMessageBox.Icon, title: str, text: str, info: str = "") -> QMessageBox:
        """A non-blocking message (the window keeps working; tests can read and close it)."""
        return message_box(self, icon, title, text, info)

    def open_dialog(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Open articles"),
            "",
            self.tr("Articles (*.txt *.md *.html *.htm *.json *.jsonl *.ndjson);;All files (*)"),
        )
        if files:
            self.open_paths(files)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_files()
        if not recent:
            action = self.recent_menu.addAction(self.tr("(none)"))
            action.setEnabled(False)
        for path in recent:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _c=False, p=path: self.open_paths([p]))

    def reopen_with_encoding(self) -> None:
        doc = self.doc()
        if doc is None:
            return
        source = Path(doc.article.source)
        if not source.is_file():
            self.statusBar().showMessage(self.tr("The source file is not available"), 5000)
            return
        from editor.gui.dialogs.encoding import EncodingDialog

        try:
            with open(source, "rb") as f:
                head = f.read(65536)
        except OSError as e:
            self.statusBar().showMessage(str(e), 5000)
            return
        codec, ok = EncodingDialog.choose(self, current=doc.article.encoding, raw=head)
        if ok:
            self.encoding = codec
            self.open_paths([str(source)])

    # drag and drop
    def dragEnterEvent(self, e: QDragEnterEvent) -> None:
        if e.mimeData().hasUrls():
            e.acceptProposedAction()

    def dropEvent(self, e: QDropEvent) -> None:
        paths = self.dropped_paths(e.mimeData())
        if paths:
            e.acceptProposedAction()
            self.open_paths(paths)

    @staticmethod
    def dropped_paths(mime: QMimeData) -> list[str]:
        return [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]

    # ------------------------------------------------------------------------------------------------ jobs
    def job_started(self, text: str) -> None:
        self.status.busy(text)

    def job_ended(self) -> None:
        if not any(self.jobs.is_running(k) for k in ("load", "analyse", "export", "reapply")):
            self.status.idle()

    def cancel_jobs(self) -> None:
        for kind in ("load", "analyse", "export"):
            self.jobs.cancel(kind)
        self.job_ended()
        self.statusBar().showMessage(self.tr("Cancelled"), 3000)

    def _job_done(self, kind: str, _job: int, result: object) -> None:
        self.job_ended()  # first, so that the handlers' own status messages stay visible
        if kind == "load":
            self.loading.finished()
        elif kind == "analyse" and isinstance(result, jobs.Analysed):
            self.loading.analysed(result)
        elif kind == "recheck" and isinstance(result, list):
            outcome = self.reviews.recheck_done(result)
            if outcome is not None:
                self.view.rechecked(outcome)
                if self.item(self.current_item) is None:
                    self.current_item = None
                    self.clean.set_current(None)
                self.update_actions()  # the counts are redrawn already, and the language has not changed
                self._update_saved()
                self.rechecked.emit()
        elif kind == "export":
            self.exporting.done(result)
        elif kind == "reapply" and isinstance(result, jobs.Reapplied):
            self.loading.reapplied(result)
        elif kind == "preview" and isinstance(result, list):
            self.loading.preview_done(result)

    def _job_error(self, kind: str, _job: int, message: str) -> None:
        self.job_ended()
        title = {
            "load": self.tr("Could not load"),
            "analyse": self.tr("Could not analyse the article"),
            "recheck": self.tr("Could not re-check"),
            "export": self.tr("Export failed"),
        }.get(kind, self.tr("Error"))
        self.statusBar().showMessage(f"{title}: {message}", 10000)
        if kind in ("load", "analyse", "export"):
            self.message_box(QMessageBox.Icon.Warning, title, message)
        if kind == "analyse":
            self.loading.analysing = None

    # ------------------------------------------------------------------------------------------------ articles
    def show_article(self, index: int) -> None:
        if not 0 <= index < len(self.docs):
            return
        self.keeper.flush_typing()
        self._remember_cursor()
        self.current = index
        self.current_item = None
        doc = self.docs[index]
        self.articles.set_current(index)
        self.setWindowTitle(f"{doc.article.label} — Galley")
        self._read_only_reason = self._read_only_for(doc)
        self.show_banner(self._read_only_reason)
        self.raw.set_text(self.view.displayed(doc.article.text))
        self.raw.set_marks([])
        self.raw.set_current(None)
        if doc.review is None:
            # Editable at once: what is typed before the analysis arrives is kept and rebased onto its review.
            self.set_clean_text(self.view.displayed(apply_edits(doc.article.text, doc.draft)))
            self.clean.set_marks([])
            self.clean.setReadOnly(bool(self._read_only_reason))
            self.findings.clear()
            self.loading.analyse(index)
        else:
            self.show_review(restore_cursor=True)
        self.update_actions()
        self._update_status()
        self.articleShown.emit(index)

    def _read_only_for(self, doc: Doc) -> str:
        """Why the Cleaned pane of this article is read-only ("" when it is not); sets how much is displayed."""
        longest = max((len(line) for line in doc.article.text.split("\n")), default=0)
        self.view.shown_limit = None
        if longest > HUGE_LINE:
            # Qt lays a paragraph out as one unit: a line of millions of characters would freeze the window for
            # seconds. Show the beginning, read-only; the whole text is still analysed and exported.
            self.view.shown_limit = DISPLAY_LIMIT
            return self.tr(
                "This article has a line of {n} characters, too long to display without freezing Galley. Both "
                "panes show its first {k} characters, read-only; the whole text is analysed, reviewed from the "
                "findings panel and exported."
            ).format(n=f"{longest:,}", k=f"{DISPLAY_LIMIT:,}")
        if longest > LONG_LINE:
            return self.tr(
                "This article has a line of {n} characters. To keep Galley responsive the Cleaned pane is "
                "read-only; findings can still be accepted, rejected and exported."
            ).format(n=f"{longest:,}")
        return self.keeper.read_only_reason

    def set_clean_text(self, text: str) -> None:
        """Replace the Cleaned pane's text without taking it for the person moving the cursor."""
        self._placing_text = True
        try:
            self.clean.set_text(text)
        finally:
            self._placing_text = False

    def show_review(self, restore_cursor: bool = False) -> None:
        doc = self.doc()
        if doc is None or doc.review is None:
            return
        self.view.show(doc, read_only=bool(self._read_only_reason))
        if restore_cursor and doc.cursor:
            self.clean.set_cursor_position(doc.cursor)
            self.clean.centerCursor()
        self.update_actions()
        self._update_status()

    def _remember_cursor(self) -> None:
        doc = self.doc()
        if doc is None:
            return
        if doc.review is not None:
            doc.cursor = self.clean.cursor_position()
        self.keeper.remember_cursor(doc)

    def _cursor_moved(self) -> None:
        doc = self.doc()
        if self._placing_text or doc is None or doc.review is None or self.keeper.session is None or doc.aid is None:
            return
        doc.cursor = self.clean.cursor_position()
        self.keeper.remember_cursor(doc)

    def show_banner(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    def _article_status_changed(self, doc: Doc) -> None:
        with contextlib.suppress(ValueError):
            self.articles.model.update(self.docs.index(doc), status=doc.status)

    def _redraw(self) -> None:
        self.view.refresh_marks(raw=True)
        self.view.refresh_model()

    # ------------------------------------------------------------------------------------------------ selection
    def item(self, item_id: int | None) -> Item | None:
        review = self.review
        if review is None or item_id is None:
            return None
        try:
            return review.item(item_id)
        except (KeyError, IndexError):
            return None

    def select_item(self, item_id: int | None, focus: bool = False) -> None:
        """Make a finding current: selected in the table, highlighted and scrolled to in both panes."""
        self.view.select(item_id, focus)

    def next_finding(self) -> None:
        self.view.step(+1)

    def previous_finding(self) -> None:
        self.view.step(-1)

    def _link_selected(self, link: LinkRow) -> None:
        """A row of the links panel: show that link in the Raw pane (and where it is in Cleaned)."""
        review = self.review
        if review is None:
            return
        start, end = int(link.start), int(link.end)
        self.raw.set_current(start, end)
        self.clean.set_current(int(review.raw_to_clean(start)), int(review.raw_to_clean(end)))

    def _target(self) -> Item | None:
        """The finding an action applies to: the current one, else the one under the Cleaned cursor."""
        item = self.item(self.current_item)
        if item is not None or self.review is None:
            return item
        for mark in self.clean.marks_at(self.clean.cursor_position()):
            if mark.item_id >= 0:
                return self.item(mark.item_id)
        return None

    def _word(self) -> str | None:
        item = self._target()
        if item is not None:
            return str(item.finding.text).strip() or None
        cursor = self.clean.textCursor()
        cursor.select(cursor.SelectionType.WordUnderCursor)
        return str(cursor.selectedText()).strip() or None

    # ------------------------------------------------------------------------------------------------ decisions
    def accept_suggestion(self, n: int = 1) -> None:
        self.reviews.accept(self._target(), n)

    def reject(self) -> None:
        self.reviews.reject(self._target())

    def revert(self, item_id: int | None = None) -> None:
        self.reviews.revert(self.item(item_id) if item_id is not None else self._target())

    def accept_all(self) -> None:
        self.reviews.accept_all(self._target())

    def ignore_word(self) -> None:
        self.reviews.ignore_word(self._word(), self.item(self.current_item))

    def add_to_dictionary(self) -> None:
        if self.reviews.add_to_dictionary(self._word(), self.item(self.current_item)):
            self.prefs = self.settings.load_preferences()

    def undo(self) -> None:
        self.reviews.undo()

    def redo(self) -> None:
        self.reviews.redo()

    def _after_decision(self, advance: bool, previous: Item | None) -> None:
        """Redraw (the decision is committed already), then move on to the next pending finding."""
        if self.review is None:
            return
        self.view.after_decision()
        self.view.move_on(advance, previous)
        self.update_actions()
        self._update_status()

    def mark_done(self) -> None:
        doc = self.doc()
        if doc is None or self.current is None:
            return
        pending = doc.review.pending() if doc.review is not None else []
        if pending and not self.confirm_done(self, pending):
            message = self.tr("Not marked done: {n} finding(s) pending").format(n=len(pending))
            self.statusBar().showMessage(message, 5000)
            return
        self.keeper.set_status(doc, "done")
        n = len(self.docs)
        for k in range(1, n + 1):
            j = (self.current + k) % n
            if self.docs[j].status != "done":
                self.show_article(j)
                return
        self.statusBar().showMessage(self.tr("Every article is done"), 5000)

    # ------------------------------------------------------------------------------------------------ hand edits
    def _hand_edit(self, start: int, end: int, text: str) -> None:
        """One keystroke (or paste). Nothing here walks all the findings: a keystroke in a 200k-word article must
        stay far below a frame (16 ms)."""
        review = self.review
        doc = self.doc()
        if review is None:
            if doc is not None:  # typed while the article is analysed: kept until its review arrives
                doc.draft.append((start, end, text))
                self.keeper.save_draft_later(doc)
            return
        self.saved_label.setText(self.keeper.state_text(saving=True))
        self.reviews.edit(start, end, text)
        self.view.after_edit(start, end, len(text))
        self.actions_["undo"].setEnabled(True)
        self.actions_["redo"].setEnabled(bool(review.can_redo))

    def find_replace(self) -> None:
        if self.review is not None:
            self.corpus.open_find()  # builds `find_dialog` the first time

    def _find_edits(self, edits: list[tuple[int, int, str]]) -> None:
        if self.review is None or self._read_only_reason:
            return
        self.reviews.edit_many(edits)
        self.view.sync_clean_text()
        self.view.refresh_marks(raw=False)
        self.update_actions()

    def _find_selected(self, start: int, end: int) -> None:
        review = self.review
        if review is not None:
            self.raw.set_current(int(review.clean_to_raw(start)), int(review.clean_to_raw(end)))

    # ------------------------------------------------------------------------------------------------ menus, tips
    # ------------------------------------------------------------------------------------------------ other commands
    def preferences(self) -> None:
        from editor.gui.dialogs.preferences import PreferencesDialog

        new, ok = PreferencesDialog.edit(self, self.prefs)
        if ok and new != self.prefs:
            self.apply_preferences(new)

    def apply_preferences(self, new: Preferences) -> None:
        """Save and use new preferences; a new check configuration re-analyses the open articles."""
        old = self.prefs
        self.settings.save_preferences(new)
        self.prefs = new
        font = new.editor_font()
        self.raw.setFont(font)
        self.clean.setFont(font)
        if old.check_config() != new.check_config():  # re-analyse every article, keeping the decisions made
            self.keeper.remember_config(self.config())
            analysed = [doc for doc in self.docs if doc.review is not None]
            self.keeper.save_reviews(analysed)
            for doc in analysed:
                doc.review = None
            if self.current is not None:
                self.show_article(self.current)

    def export_dialog(self) -> None:
        self.exporting.ask()

    def export(self, folder: str, fmt: str, only_done: bool = False, force: bool = False) -> None:
        """Export the session in a worker (progress and cancel in the status bar)."""
        self.exporting.start(folder, fmt, only_done=only_done, force=force)

    def _about(self) -> None:
        from editor import __version__

        self.message_box(
            QMessageBox.Icon.Information,
            self.tr("About Galley"),
            self.tr("Galley {v}: correct scraped news articles, side by side and from the keyboard.").format(
                v=__version__
            ),
        )

    # ------------------------------------------------------------------------------------------------ status
    def update_actions(self) -> None:
        review = self.review
        a = self.actions_
        a["undo"].setEnabled(review is not None and review.can_undo)
        a["redo"].setEnabled(review is not None and review.can_redo)
        for name in ("next", "previous", "accept", "reject", "accept_all", "bulk", "ignore", "dictionary", "revert"):
            a[name].setEnabled(review is not None)
        for action in [*a.suggestion, a["find"], a["find_all"]]:
            action.setEnabled(review is not None)
        a["done"].setEnabled(self.doc() is not None)
        self.finding_actions.show(self.item(self.current_item))
        a["export"].setEnabled(self.keeper.session is not None)
        self.reopen_action.setEnabled(self.doc() is not None)

    def _update_status(self) -> None:
        review = self.review
        doc = self.doc()
        lang = str(review.lang) if review is not None else (self.lang_override if self.lang_override != "auto" else "…")
        self.status.show_language(lang, self.prefs.profile, doc.article.encoding if doc is not None else None)
        self.view.update_counts() if review is not None else self.status.show_counts(None)
        self._update_saved()

    def _update_saved(self) -> None:
        self.saved_label.setText(self.keeper.state_text())

    # ------------------------------------------------------------------------------------------------ closing
    def closeEvent(self, e: QCloseEvent) -> None:
        self.reviews.recheck_timer.stop()
        self.keeper.stop()
        self.settings.save_window(self, self._layout_parts())
        if self.find_dialog is not None:
            self.find_dialog.close()
        self._close_session()
        if self.links_panel is not None:
            self.links_panel.shutdown()
        # Never hang on close: the session is already closed (everything committed); an analysis still running
        # is abandoned (run_gui exits the process without waiting for it).
        self.jobs.shutdown(wait=False)
        super().closeEvent(e)

    def shortcut_for(self, name: str) -> QKeySequence:
        return self.actions_[name].shortcut()


__all__ = ["Actions", "Doc", "MainWindow"]
