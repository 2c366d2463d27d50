"""The main window: Raw and Cleaned side by side, the findings panel, the article list, the review loop.

The window paints first, then loads articles and analyses them in workers (PERFORMANCE 10); the text is shown as
soon as it is read, underlines arrive when the analysis does. The review model (`editor.core.review.Review`,
Qt-free) is the truth: every action goes through it, the panes are synchronised from it, and each decision is
committed to the session (`editor.core.session`) before the window shows it as done.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.core.article import Article
from editor.core.resources import sample_article
from editor.core.rules.base import CheckConfig
from editor.gui.actions import Actions, build_actions, key_table
from editor.gui.analysis import analyse_maybe_in_process
from editor.gui.panes import LONG_LINE, CleanPane, Mark, RawPane
from editor.gui.settings import Settings
from editor.gui.widgets.articles import ArticleList, ArticleRow
from editor.gui.widgets.findings_panel import FindingsPanel
from editor.gui.widgets.legend import LegendWidget, category_label
from editor.gui.workers import JobRunner

RECHECK_DELAY_MS = 200
HUGE_LINE = 500_000  # characters in one line: above this only the beginning is displayed (PITFALLS 6)
DISPLAY_LIMIT = 200_000
PREVIEW_ABOVE = 50_000  # characters: longer articles get their visible part checked first
PREVIEW_MAX = 30_000  # characters checked by the preview at most
BIG_REVIEW = 3000  # findings; above this, typing is saved when the person pauses (see _save_text_later)
MAX_UNSAVED_S = 1.0  # the sessions issue: typing reaches the session at most 1 s later
FLUSH_INTERVAL_MS = 1000
LOAD_BATCH = 25


# ------------------------------------------------------------------------------------------------ worker functions
# Plain functions run in the thread pool: they touch no widget.


def load_articles(
    paths: list[str],
    encoding: str | None,
    session: Any,
    partial: Callable[[object], None],
    progress: Callable[[int, int], None],
) -> int:
    """Stream (Article, session id) pairs and LoadErrors in small batches; returns how many articles loaded."""
    from editor.formats.loaders import LoadError, iter_paths, too_large

    batch: list[object] = []
    n = 0
    for item in iter_paths(paths, encoding):
        if not isinstance(item, LoadError):
            item = too_large(item) or item  # the same refusal as the CLI: a 50 MB line would exhaust memory
        if isinstance(item, LoadError):
            if session is not None:
                with contextlib.suppress(Exception):
                    session.add_load_error(item.source, item.line, item.raw)
            batch.append(item)
        elif n == 0 and session is not None:
            # Show the first article at once; storing it in the session (an fsync'd write) comes right after.
            partial([*batch, (item, None)])
            batch = []
            aid = session.add_article(item)
            old = _session_version(session, aid)
            partial([("changed", 0, old, item)] if old is not None else [])
            partial([("aid", 0, aid)])
            n += 1
        else:
            aid = session.add_article(item) if session is not None else None
            old = _session_version(session, aid) if session is not None and aid is not None else None
            batch.append((old or item, aid))
            if old is not None:
                batch.append(("changed", n, old, item))
            n += 1
        if len(batch) >= (1 if n <= 1 else LOAD_BATCH):
            partial(batch)
            batch = []
            progress(n, 0)
    if batch:
        partial(batch)
    return n


def _session_version(session: Any, aid: int) -> Article | None:
    """The session's copy of an article whose source file changed since (None when it did not change)."""
    try:
        if session.source_changed(aid):
            return session.article(aid)  # type: ignore[no-any-return]
    except Exception:
        return None
    return None


def reapply_changed(session: Any, aid: int, article: Article, config: CheckConfig) -> tuple[Any, list[Any], Any]:
    """Reload a changed source: re-apply the session's decisions that still match, build the new review."""
    from editor.core.review import Review
    from editor.core.urls import find_links

    result = session.reapply(aid, article, config)
    review = Review.restore(article, config, result.state) if result.state else Review.open(article, config)
    try:
        links = find_links(article.text, article.url)
    except Exception:
        links = []
    return review, links, result


def load_session_articles(session: Any, partial: Callable[[object], None]) -> int:
    """The articles a session already holds (`galley --session FILE` with no path)."""
    batch: list[object] = []
    n = 0
    for record in session.articles():
        try:
            batch.append((session.article(record.id), record.id))
            n += 1
        except Exception as e:  # a damaged record must not stop the others
            from editor.formats.loaders import LoadError

            batch.append(LoadError(record.source, str(e)))
        if len(batch) >= LOAD_BATCH:
            partial(batch)
            batch = []
    if batch:
        partial(batch)
    return n


def preview(text: str, start: int, end: int, article: Article, config: CheckConfig) -> list[Any]:
    """Findings of the paragraph rules on the visible part of a long article, while the full analysis runs."""
    from dataclasses import replace

    from editor.core.engine import recheck_paragraph, resolve_lang

    window = replace(article, text=text[start:end])
    lang = resolve_lang(window, config)
    return recheck_paragraph(text, start, end, lang, config, source_url=article.url)


def recheck(
    snapshots: list[tuple[int, int, str]], lang: str, config: CheckConfig, url: str | None
) -> list[tuple[int, int, list[Any]]]:
    """Paragraph-scope findings of each edited paragraph, placed at its offset in the cleaned text."""
    from editor.core.engine import recheck_paragraph

    out = []
    for start, end, text in snapshots:
        found = recheck_paragraph(text, 0, len(text), lang, config, source_url=url)
        out.append((start, end, [f.shifted(start) for f in found]))
    return out


# ------------------------------------------------------------------------------------------------ small dialogs


class ExportDialog(QDialog):
    """Where and how to export the session's articles."""

    def __init__(self, parent: QWidget | None, folder: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export"))
        self.folder = QLineEdit(folder, self)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        self.format = QComboBox(self)
        for fmt in ("txt", "md", "html", "json", "jsonl"):
            self.format.addItem(fmt, fmt)
        self.only_done = QCheckBox(self.tr("Only articles marked done"), self)
        self.force = QCheckBox(self.tr("Overwrite existing files"), self)
        form = QFormLayout()
        form.addRow(self.tr("Folder:"), row)
        form.addRow(self.tr("Format:"), self.format)
        form.addRow("", self.only_done)
        form.addRow("", self.force)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export into"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    @classmethod
    def ask(cls, parent: QWidget | None, folder: str) -> tuple[tuple[str, str, bool, bool], bool]:
        """((folder, format, only_done, force), accepted)."""
        dlg = cls(parent, folder)
        ok = dlg.exec() == QDialog.DialogCode.Accepted
        value = (
            dlg.folder.text().strip(),
            str(dlg.format.currentData()),
            dlg.only_done.isChecked(),
            dlg.force.isChecked(),
        )
        return value, ok and bool(value[0])


class KeysDialog(QDialog):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        rows = key_table()
        table = QTableWidget(len(rows), 2, self)
        table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action")])
        for i, (keys, label) in enumerate(rows):
            table.setItem(i, 0, QTableWidgetItem(keys))
            table.setItem(i, 1, QTableWidgetItem(label))
        table.verticalHeader().setVisible(False)
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(520, 520)


# ------------------------------------------------------------------------------------------------ the window


@dataclass
class Doc:
    """One open article and its review (None until analysed)."""

    article: Article
    aid: int | None = None
    review: Any = None
    status: str = "todo"
    raw_links: list[Any] = field(default_factory=list)
    cursor: int = 0
    big: bool = False  # so many findings that serialising the review is a noticeable pause
    changed_source: Article | None = None  # the file's new version when it changed since the session
    prepared: dict[str, Any] | None = None  # marks and table rows built by the analysis worker


def _common_prefix(a: str, b: str) -> int:
    n = min(len(a), len(b))
    i = 0
    step = 4096
    while i + step <= n and a[i : i + step] == b[i : i + step]:
        i += step
    while i < n and a[i] == b[i]:
        i += 1
    return i


def _common_suffix(a: str, b: str, limit: int) -> int:
    n = min(len(a), len(b)) - limit
    i = 0
    step = 4096
    la, lb = len(a), len(b)
    while i + step <= n and a[la - i - step : la - i] == b[lb - i - step : lb - i]:
        i += step
    while i < n and a[la - 1 - i] == b[lb - 1 - i]:
        i += 1
    return i


def build_marks(
    review: Any, enabled: Iterable[str], raw_links: Iterable[Any], raw: bool = True
) -> tuple[list[Mark], list[Mark]]:
    """(Cleaned marks, Raw marks) of a review: pending findings underlined, applied fixes shown as inserted
    (Cleaned) and removed (Raw), good links marked. Pure Python: runs in a worker for a new review."""
    enabled = frozenset(enabled)
    clean_marks: list[Mark] = []
    raw_marks: list[Mark] = []
    for item in review.items:
        f = item.finding
        status = str(item.status)
        if status == "pending" and f.category not in enabled:
            continue
        if status in ("auto", "accepted"):
            if item.end > item.start:
                clean_marks.append(Mark(item.start, item.end, "inserted", f.category, str(f.severity), item.id))
            if raw:
                rs, re_ = _item_raw_span(review, item)
                raw_marks.append(Mark(rs, re_, "removed", f.category, str(f.severity), item.id))
        elif status == "pending":
            kind = "link-broken" if f.category == "link" and str(f.severity) == "error" else "finding"
            clean_marks.append(Mark(item.start, item.end, kind, f.category, str(f.severity), item.id))
            if raw:
                rs, re_ = _item_raw_span(review, item)
                raw_marks.append(Mark(rs, re_, kind, f.category, str(f.severity), item.id))
    for link in raw_links:
        if getattr(link, "ok", True):
            raw_marks.append(Mark(link.start, link.end, "link"))
    return clean_marks, raw_marks


def analyse_and_prepare(
    article: Article, config: CheckConfig, state: dict[str, Any] | None, enabled: tuple[str, ...], cancel: Any
) -> tuple[Any, list[Any], dict[str, Any]]:
    """The analysis, then what the window draws of it (marks, table rows), built here rather than on the GUI
    thread: a long article has tens of thousands of findings."""
    from editor.gui.models.findings import Row
    from editor.gui.panes import MarkIndex

    review, links = analyse_maybe_in_process(article, config, state, cancel)
    clean_marks, raw_marks = build_marks(review, enabled, links)
    shown = frozenset(enabled)
    rows = [Row.from_item(it) for it in review.items if str(it.status) != "pending" or it.finding.category in shown]
    return review, links, {"clean": MarkIndex(clean_marks), "raw": MarkIndex(raw_marks), "rows": rows}


_RECHECKED_KINDS = frozenset({"finding", "link-broken", "inserted"})


def _item_raw_span(review: Any, item: Any) -> tuple[int, int]:
    rs, re_ = getattr(item, "raw_start", None), getattr(item, "raw_end", None)
    if rs is not None and re_ is not None:
        return int(rs), int(re_)
    return int(review.clean_to_raw(item.start)), int(review.clean_to_raw(item.end))


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
        self.session: Any = None
        self.session_message = ""
        self.docs: list[Doc] = []
        self.current: int | None = None
        self.current_item: int | None = None
        self.load_errors: list[Any] = []
        self.confirm_accept_all: Callable[..., tuple[bool, bool]] = self._ask_accept_all
        self._revision = 0
        self._syncing_scroll = False
        self._read_only_reason = ""
        self._shown_limit: int | None = None
        self._pending_restore: tuple[int, int] | None = None
        self._analysing: int | None = None
        self._placing_text = False
        self._reloading: int | None = None
        self._preview_doc: int | None = None
        self._events: list[Any] = []
        self._listening: list[Any] = []
        self._recheck_revision = -1
        self._recheck_doc: int | None = None
        self.jobs = JobRunner(self)
        self.jobs.done.connect(self._job_done)
        self.jobs.error.connect(self._job_error)
        self.jobs.partial.connect(self._job_partial)
        self.jobs.progress.connect(self._job_progress)
        self.jobs.cancelled.connect(self._job_cancelled)

        self._build_panes()
        self._build_docks()
        self._build_status_bar()
        self.actions_ = build_actions(self, self._handlers(), self.accept_suggestion)
        self._build_menus()
        self.addActions(list(self.actions_.by_name.values()))
        self.clean.reserve_shortcuts(self.actions_.all_shortcuts())
        self.raw.reserve_shortcuts(self.actions_.all_shortcuts())

        self._recheck_timer = QTimer(self)
        self._recheck_timer.setSingleShot(True)
        self._recheck_timer.setInterval(RECHECK_DELAY_MS)
        self._recheck_timer.timeout.connect(self._start_recheck)
        self._flush_timer = QTimer(self)
        self._flush_timer.setInterval(FLUSH_INTERVAL_MS)
        self._flush_timer.timeout.connect(self._flush_session)
        self._flush_timer.start()
        self._unsaved_since: float | None = None
        self._idle_save_timer = QTimer(self)
        self._idle_save_timer.setSingleShot(True)
        self._idle_save_timer.setInterval(FLUSH_INTERVAL_MS)
        self._idle_save_timer.timeout.connect(self._save_text_now)

        self.find_dialog: Any = None
        self.resize(1280, 820)
        self.settings.restore_window(self, self._layout_parts())
        self._update_actions()
        self._update_status()

    # ------------------------------------------------------------------------------------------------ building
    def _build_panes(self) -> None:
        self.raw = RawPane(self)
        self.clean = CleanPane(self)
        font = self.prefs.editor_font()
        for pane in (self.raw, self.clean):
            pane.setFont(font)
            pane.menuRequested.connect(lambda pos, gp, p=pane: self._pane_menu(p, pos, gp))
        self.raw.tooltip_provider = lambda pos: self._tooltip(self.raw, pos)
        self.clean.tooltip_provider = lambda pos: self._tooltip(self.clean, pos)
        self.clean.setReadOnly(True)
        self.clean.edited.connect(self._hand_edit)
        self.clean.cursorPositionChanged.connect(self._cursor_moved)
        self.raw.verticalScrollBar().valueChanged.connect(lambda _v: self._sync_scroll(self.raw))
        self.clean.verticalScrollBar().valueChanged.connect(lambda _v: self._sync_scroll(self.clean))

        def titled(title: str, pane: QWidget, name: str) -> QWidget:
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

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("paneSplitter")
        self.splitter.addWidget(titled(self.tr("Raw"), self.raw, "rawTitle"))
        self.splitter.addWidget(titled(self.tr("Cleaned"), self.clean, "cleanTitle"))
        self.splitter.setChildrenCollapsible(False)
        self.banner = QLabel(self)
        self.banner.setObjectName("banner")
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("QLabel#banner { padding: 4px; border: 1px solid #e0a000; }")
        self.banner.hide()
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

    def _build_docks(self) -> None:
        self.findings = FindingsPanel(self)
        self.findings.itemSelected.connect(lambda i: self.select_item(i, focus=False))
        self.findings.itemActivated.connect(lambda i: self.select_item(i, focus=True))
        self.findings.menuRequested.connect(self._table_menu)
        self.findings_dock = QDockWidget(self.tr("Findings"), self)
        self.findings_dock.setObjectName("findingsDock")
        self.findings_dock.setWidget(self.findings)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.findings_dock)

        self.articles = ArticleList(self)
        self.articles.articleChosen.connect(self.show_article)
        self.articles_dock = QDockWidget(self.tr("Articles"), self)
        self.articles_dock.setObjectName("articlesDock")
        self.articles_dock.setWidget(self.articles)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.articles_dock)
        self.articles_dock.hide()

        self.legend = LegendWidget(self, columns=1)
        self.legend.categoryClicked.connect(self.findings.show_only)
        self.legend_dock = QDockWidget(self.tr("Legend"), self)
        self.legend_dock.setObjectName("legendDock")
        self.legend_dock.setWidget(self.legend)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.legend_dock)
        self.legend.setMinimumWidth(self.legend.sizeHint().width() + 8)

        self.links_panel: Any = None
        self.links_dock: QDockWidget | None = None
        try:
            from editor.gui.widgets.links import LinksPanel
        except ImportError:
            return
        try:
            self.links_panel = LinksPanel(self)
        except Exception:
            return
        self.links_dock = QDockWidget(self.tr("Links"), self)
        self.links_dock.setObjectName("linksDock")
        self.links_dock.setWidget(self.links_panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.links_dock)
        self.tabifyDockWidget(self.legend_dock, self.links_dock)
        self.legend_dock.raise_()
        for name in ("linkSelected", "linkActivated"):
            sig = getattr(self.links_panel, name, None)
            if sig is not None:
                with contextlib.suppress(Exception):
                    sig.connect(self._link_selected)
                break

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.lang_label = QLabel(self)
        self.lang_label.setObjectName("langLabel")
        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("countsLabel")
        self.saved_label = QLabel(self)
        self.saved_label.setObjectName("savedLabel")
        for label in (self.lang_label, self.counts_label, self.saved_label):
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("jobProgress")
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("cancelJob")
        self.cancel_button.clicked.connect(self.cancel_jobs)
        self.cancel_button.hide()
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)
        bar.addPermanentWidget(self.counts_label)
        bar.addPermanentWidget(self.lang_label)
        bar.addPermanentWidget(self.saved_label)

    def _handlers(self) -> dict[str, Callable[[], object]]:
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
            "revert": self.revert,
            "done": self.mark_done,
            "keys": lambda: KeysDialog(self).exec(),
            "about": self._about,
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
        edit.addSeparator()
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
        for name in ("reject", "accept_all", "ignore", "dictionary", "revert"):
            review.addAction(a[name])
        review.addSeparator()
        review.addAction(a["done"])
        view = mb.addMenu(self.tr("&View"))
        for dock in (self.findings_dock, self.articles_dock, self.legend_dock, self.links_dock):
            if dock is not None:
                view.addAction(dock.toggleViewAction())
        help_menu = mb.addMenu(self.tr("&Help"))
        help_menu.addAction(a["keys"])
        help_menu.addAction(a["about"])

    def _layout_parts(self) -> dict[str, Any]:
        return {"splitter": self.splitter, "findingsHeader": self.findings.table.horizontalHeader()}

    # ------------------------------------------------------------------------------------------------ opening
    def open_paths(self, paths: Sequence[str], session_path: str | None = None) -> None:
        """Open files/folders/corpora (none: the bundled sample) with their session; loading runs in a worker."""
        self._close_session()
        self.docs = []
        self.current = None
        self.current_item = None
        self.load_errors = []
        self.articles.model.clear()
        self.articles_dock.hide()
        self.raw.set_text("")
        self.clean.set_text("")
        self.findings.set_items([])
        self._show_banner("")
        to_load = [str(p) for p in paths] or [str(sample_article())]
        self._open_session(session_path, [str(p) for p in paths])
        for p in paths:
            with contextlib.suppress(Exception):
                self.settings.add_recent_file(p)
        if not paths and session_path and self.session is not None and self.session.articles():
            self.jobs.submit("load", load_session_articles, session=self.session)
        else:
            self.jobs.submit("load", load_articles, paths=to_load, encoding=self.encoding, session=self.session)
        self._job_started(self.tr("Loading…"))

    def _open_session(self, session_path: str | None, paths: list[str]) -> None:
        try:
            from editor.core.session import Session, SessionError, SessionLocked
        except ImportError:
            self.session_message = self.tr("Sessions are not available: work is not saved")
            return
        path = Path(session_path) if session_path else Session.default_path(paths)
        try:
            self.session = Session.open(path)
        except SessionLocked as e:
            self.session = None
            self.session_message = self.tr("Session in use by another window: changes are not saved")
            self._message_box(
                QMessageBox.Icon.Warning,
                self.tr("Session in use"),
                str(e),
                self.tr(
                    "Galley opened the articles without saving your work. Close the other window and reopen to save."
                ),
            )
        except (SessionError, OSError) as e:
            self.session = None
            self.session_message = self.tr("No session: changes are not saved")
            self._message_box(QMessageBox.Icon.Warning, self.tr("Session not available"), str(e))
        else:
            self.session_message = ""
            with contextlib.suppress(Exception):
                self._pending_restore = self.session.current()
        self._update_status()

    def _close_session(self) -> None:
        self.jobs.cancel("load")
        self.jobs.cancel("analyse")
        if self.session is not None:
            self._flush_typing()
            self._remember_cursor()
            with contextlib.suppress(Exception):
                self.session.close()
        self.session = None

    def _message_box(self, icon: QMessageBox.Icon, title: str, text: str, info: str = "") -> QMessageBox:
        """A non-blocking message (the window keeps working; tests can read and close it)."""
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        if info:
            box.setInformativeText(info)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

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
        doc = self._doc()
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
        paths = self._dropped_paths(e.mimeData())
        if paths:
            e.acceptProposedAction()
            self.open_paths(paths)

    @staticmethod
    def _dropped_paths(mime: QMimeData) -> list[str]:
        return [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]

    # ------------------------------------------------------------------------------------------------ jobs
    def _job_started(self, text: str) -> None:
        self.progress.setRange(0, 0)
        self.progress.setFormat(text)
        self.progress.show()
        self.cancel_button.show()
        self.statusBar().showMessage(text)

    def _job_ended(self) -> None:
        busy = any(self.jobs.is_running(k) for k in ("load", "analyse", "export", "reapply"))
        if not busy and not self.progress.isHidden():
            self.progress.hide()
            self.cancel_button.hide()
            self.statusBar().clearMessage()

    def cancel_jobs(self) -> None:
        for kind in ("load", "analyse", "export"):
            self.jobs.cancel(kind)
        self._job_ended()
        self.statusBar().showMessage(self.tr("Cancelled"), 3000)

    def _job_partial(self, kind: str, _job: int, value: object) -> None:
        if kind != "load":
            return
        rows = []
        first = not self.docs
        for entry in value:  # type: ignore[attr-defined]
            if isinstance(entry, tuple) and len(entry) == 3 and entry[0] == "aid":
                self._aid_known(int(entry[1]), entry[2])
            elif isinstance(entry, tuple) and len(entry) == 4 and entry[0] == "changed":
                self._source_changed(int(entry[1]), entry[2], entry[3])
            elif isinstance(entry, tuple):
                article, aid = entry
                doc = Doc(article, aid)
                if self._pending_restore is not None and aid == self._pending_restore[0]:
                    doc.cursor = self._pending_restore[1]
                if self.session is not None and aid is not None:
                    with contextlib.suppress(Exception):
                        doc.status = str(self.session.article_record(aid).status)
                self.docs.append(doc)
                rows.append(ArticleRow(article.label, doc.status))
            else:
                self.load_errors.append(entry)
        self.articles.model.extend(rows)
        if len(self.docs) > 1:
            self.articles_dock.show()
        if first and self.docs and self.current is None:
            target = 0
            if self._pending_restore is not None:
                target = next((i for i, d in enumerate(self.docs) if d.aid == self._pending_restore[0]), 0)
            self.show_article(target)

    def _source_changed(self, index: int, old: Article, new: Article) -> None:
        """The file changed since the session recorded it: keep the session's work, and offer to reload."""
        if not 0 <= index < len(self.docs):
            return
        doc = self.docs[index]
        doc.article = old
        doc.changed_source = new
        if index == self.current:
            self.raw.set_text(old.text)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("The file changed"),
            self.tr("{name} changed on disk since this session recorded it.").format(name=new.source),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(
            self.tr(
                "Galley shows the session's version, with all your work. You can instead reload the file: "
                "decisions that still match their text are re-applied, the others and hand edits are dropped."
            )
        )
        keep = box.addButton(self.tr("Keep the session's version"), QMessageBox.ButtonRole.RejectRole)
        reload = box.addButton(self.tr("Reload and re-apply"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(keep)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setObjectName("sourceChangedBox")

        def chosen(button: Any) -> None:
            if button is reload:
                self.reload_changed(index)
            elif self.session is not None and doc.aid is not None:
                with contextlib.suppress(Exception):
                    self.session.keep_session_version(doc.aid)

        box.buttonClicked.connect(chosen)
        box.open()

    def reload_changed(self, index: int) -> None:
        """Use the changed file, re-applying the session's decisions that still match (in a worker)."""
        doc = self.docs[index]
        if doc.changed_source is None or self.session is None or doc.aid is None:
            return
        self.jobs.cancel("analyse")
        self._reloading = index
        self.jobs.submit(
            "reapply",
            reapply_changed,
            session=self.session,
            aid=doc.aid,
            article=doc.changed_source,
            config=self.config(),
        )
        self._job_started(self.tr("Re-applying decisions…"))

    def _reapplied(self, result: Any) -> None:
        index = self._reloading
        self._reloading = None
        if index is None or not 0 <= index < len(self.docs):
            return
        review, links, outcome = result
        doc = self.docs[index]
        doc.article = doc.changed_source or doc.article
        doc.changed_source = None
        doc.review = review
        doc.raw_links = list(links)
        if index == self.current:
            self.show_article(index)
        self.statusBar().showMessage(
            self.tr("Reloaded: {kept} decision(s) re-applied, {lost} lost").format(
                kept=getattr(outcome, "kept", 0), lost=getattr(outcome, "lost", 0)
            ),
            10000,
        )

    def _aid_known(self, index: int, aid: int) -> None:
        """The session id of an article shown before it was stored: restore its state, then analyse it."""
        if not 0 <= index < len(self.docs):
            return
        doc = self.docs[index]
        doc.aid = aid
        if self.session is not None:
            with contextlib.suppress(Exception):
                doc.status = str(self.session.article_record(aid).status)
                self.articles.model.update(index, status=doc.status)
        if self._pending_restore is not None and aid == self._pending_restore[0]:
            doc.cursor = self._pending_restore[1]
        if index == self.current and doc.review is None and self._analysing is None:
            self._analyse(index)

    def _job_progress(self, kind: str, _job: int, done: int, total: int) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        if kind == "load":
            self.progress.setFormat(self.tr("Loading… {n}").format(n=done))
        elif kind == "export":
            self.progress.setFormat(self.tr("Exporting %v/%m"))

    def _job_done(self, kind: str, _job: int, result: object) -> None:
        self._job_ended()  # first, so that the handlers' own status messages stay visible
        if kind == "load":
            self._load_finished()
        elif kind == "analyse":
            self._analysis_done(result)
        elif kind == "recheck":
            self._recheck_done(result)
        elif kind == "export":
            self._export_done(result)
        elif kind == "reapply":
            self._reapplied(result)
        elif kind == "preview":
            self._preview_done(result)

    def _job_error(self, kind: str, _job: int, message: str) -> None:
        self._job_ended()
        title = {
            "load": self.tr("Could not load"),
            "analyse": self.tr("Could not analyse the article"),
            "recheck": self.tr("Could not re-check"),
            "export": self.tr("Export failed"),
        }.get(kind, self.tr("Error"))
        self.statusBar().showMessage(f"{title}: {message}", 10000)
        if kind in ("load", "analyse", "export"):
            self._message_box(QMessageBox.Icon.Warning, title, message)
        if kind == "analyse":
            self._analysing = None

    def _job_cancelled(self, kind: str, _job: int) -> None:
        self._job_ended()

    def _load_finished(self) -> None:
        # A restored article (not the first) may have arrived after the first batch.
        if self._pending_restore is not None and self.docs:
            aid, cursor = self._pending_restore
            target = next((i for i, d in enumerate(self.docs) if d.aid == aid), None)
            if target is not None:
                self.docs[target].cursor = cursor
                if target != self.current:
                    self.show_article(target)
            self._pending_restore = None
        if self.load_errors:
            lines = [str(e) for e in self.load_errors]
            shown = "\n".join(lines[:30]) + (f"\n… (+{len(lines) - 30})" if len(lines) > 30 else "")
            self.statusBar().showMessage(
                self.tr("{n} file(s) or record(s) could not be loaded").format(n=len(lines)), 10000
            )
            self._message_box(
                QMessageBox.Icon.Warning,
                self.tr("Some input could not be loaded"),
                self.tr("{n} file(s) or record(s) could not be loaded:").format(n=len(lines)),
                shown,
            )
        if not self.docs:
            self._show_banner(self.tr("Nothing to review: no article could be loaded. Use File → Open."))
        self.loadFinished.emit(len(self.docs))

    # ------------------------------------------------------------------------------------------------ articles
    def _doc(self) -> Doc | None:
        return self.docs[self.current] if self.current is not None and 0 <= self.current < len(self.docs) else None

    @property
    def review(self) -> Any:
        doc = self._doc()
        return doc.review if doc is not None else None

    def config(self) -> CheckConfig:
        ignored: Iterable[str] = ()
        if self.session is not None:
            with contextlib.suppress(Exception):
                ignored = self.session.ignored_words()
        cfg = self.prefs.check_config(ignored_words=ignored)
        if self.lang_override != "auto":
            from dataclasses import replace

            cfg = replace(cfg, lang=self.lang_override)
        return cfg

    def show_article(self, index: int) -> None:
        if not 0 <= index < len(self.docs):
            return
        self._flush_typing()
        self._remember_cursor()
        self.current = index
        self.current_item = None
        doc = self.docs[index]
        self.articles.set_current(index)
        self.setWindowTitle(f"{doc.article.label} — Galley")
        longest = max((len(line) for line in doc.article.text.split("\n")), default=0)
        self._read_only_reason = ""
        self._shown_limit = None
        if longest > HUGE_LINE:
            # PITFALLS 6: Qt lays a paragraph out as one unit; a line of millions of characters would freeze the
            # window for seconds. Show the beginning, read-only; the whole text is still analysed and exported.
            self._shown_limit = DISPLAY_LIMIT
            self._read_only_reason = self.tr(
                "This article has a line of {n} characters, too long to display without freezing Galley. Both "
                "panes show its first {k} characters, read-only; the whole text is analysed, reviewed from the "
                "findings panel and exported."
            ).format(n=f"{longest:,}", k=f"{DISPLAY_LIMIT:,}")
        elif longest > LONG_LINE:
            self._read_only_reason = self.tr(
                "This article has a line of {n} characters. To keep Galley responsive the Cleaned pane is "
                "read-only; findings can still be accepted, rejected and exported."
            ).format(n=f"{longest:,}")
        self._show_banner(self._read_only_reason)
        self.raw.set_text(self._displayed(doc.article.text))
        self.raw.set_marks([])
        self.raw.set_current(None)
        if doc.review is None:
            self._placing_text = True
            try:
                self.clean.set_text(self._displayed(doc.article.text))
            finally:
                self._placing_text = False
            self.clean.set_marks([])
            self.clean.setReadOnly(True)
            self.findings.set_items([])
            self._analyse(index)
        else:
            self._show_review(restore_cursor=True)
        self._update_actions()
        self._update_status()
        self.articleShown.emit(index)

    def _analyse(self, index: int) -> None:
        doc = self.docs[index]
        if self.session is not None and doc.aid is None:
            return  # its session id is on its way (_aid_known starts the analysis)
        state = None
        if self.session is not None and doc.aid is not None:
            with contextlib.suppress(Exception):
                state = self.session.load_review(doc.aid)
        self._analysing = index
        if len(doc.article.text) > PREVIEW_ABOVE:
            self._start_preview(index)
        self.jobs.submit(
            "analyse",
            analyse_and_prepare,
            article=doc.article,
            config=self.config(),
            state=state,
            enabled=tuple(self.prefs.enabled_categories),
        )
        self._job_started(self.tr("Analysing…"))

    def _start_preview(self, index: int) -> None:
        """Underline the visible part of a long article first (PERFORMANCE 7): a quick check of the paragraphs
        in view runs before the whole analysis, and its marks are replaced when the review arrives."""
        text = self.docs[index].article.text
        lo, hi = self.raw.visible_blocks()
        doc_ = self.raw.document()
        first, last = doc_.findBlockByNumber(max(0, lo - 20)), doc_.findBlockByNumber(hi + 20)
        start = self.raw.index.to_code_point(first.position()) if first.isValid() else 0
        end = self.raw.index.to_code_point(last.position() + last.length() - 1) if last.isValid() else len(text)
        cut = text.rfind("\n\n", 0, start)
        start = cut + 2 if cut >= 0 else 0
        cut = text.find("\n\n", end)
        end = cut if cut >= 0 else len(text)
        end = min(end, start + PREVIEW_MAX)  # a pathological paragraph: check only its beginning
        self._preview_doc = index
        self.jobs.submit(
            "preview", preview, text=text, start=start, end=end, article=self.docs[index].article, config=self.config()
        )

    def _preview_done(self, result: object) -> None:
        doc = self._doc()
        if doc is None or doc.review is not None or self._preview_doc != self.current:
            return
        found: list[Any] = result  # type: ignore[assignment]
        self.raw.set_marks(Mark(f.start, f.end, "finding", f.category, str(f.severity)) for f in found)
        self.previewShown.emit(len(found))

    def _analysis_done(self, result: object) -> None:
        index = getattr(self, "_analysing", None)
        self._analysing = None
        if index is None or not 0 <= index < len(self.docs):
            return
        triple: tuple[Any, list[Any], dict[str, Any]] = result  # type: ignore[assignment]
        review, links, prepared = triple
        doc = self.docs[index]
        doc.review = review
        doc.big = len(review.items) >= BIG_REVIEW
        doc.raw_links = list(links)
        doc.prepared = prepared
        self.articles.model.update(index, pending=len(review.pending()))
        if index == self.current:
            self._show_review(restore_cursor=True)
            if review.pending():
                self.statusBar().showMessage(
                    self.tr("{n} findings to review: press F8 to go to the first one").format(n=len(review.pending())),
                    10000,
                )
        self.reviewReady.emit(index)

    def _show_review(self, restore_cursor: bool = False) -> None:
        doc = self._doc()
        if doc is None or doc.review is None:
            return
        review = doc.review
        if review not in self._listening:
            review.add_listener(self._review_event)
            self._listening.append(review)
        self._events.clear()
        self._placing_text = True
        try:
            self.clean.set_text(self._displayed(review.cleaned))
        finally:
            self._placing_text = False
        self.clean.setReadOnly(bool(self._read_only_reason))
        prepared, doc.prepared = doc.prepared, None
        if prepared is not None:
            self.raw.highlighter.set_marks(prepared["raw"])
            self.clean.highlighter.set_marks(prepared["clean"])
            self.findings.set_rows(prepared["rows"])
            self._update_counts()
        else:
            self._refresh_marks(raw=True)
            self._refresh_model()
        if self.links_panel is not None:
            with contextlib.suppress(Exception):
                self.links_panel.set_links(doc.raw_links, review, doc.article)
        if restore_cursor and doc.cursor:
            self.clean.set_cursor_position(doc.cursor)
            self.clean.centerCursor()
        self._update_actions()
        self._update_status()

    def _remember_cursor(self) -> None:
        doc = self._doc()
        if doc is None:
            return
        doc.cursor = self.clean.cursor_position() if doc.review is not None else doc.cursor
        if self.session is not None and doc.aid is not None:
            with contextlib.suppress(Exception):
                self.session.set_current(doc.aid, doc.cursor)

    def _cursor_moved(self) -> None:
        doc = self._doc()
        if self._placing_text or doc is None or doc.review is None or self.session is None or doc.aid is None:
            return
        doc.cursor = self.clean.cursor_position()
        with contextlib.suppress(Exception):
            self.session.set_current(doc.aid, doc.cursor)

    # ------------------------------------------------------------------------------------------------ drawing
    @staticmethod
    def _clean_marks_of(item: Any) -> list[Mark]:
        f = item.finding
        status = str(item.status)
        if status in ("auto", "accepted"):
            if item.end > item.start:
                return [Mark(item.start, item.end, "inserted", f.category, str(f.severity), item.id)]
        elif status == "pending":
            kind = "link-broken" if f.category == "link" and str(f.severity) == "error" else "finding"
            return [Mark(item.start, item.end, kind, f.category, str(f.severity), item.id)]
        return []

    @staticmethod
    def _raw_marks_of(review: Any, item: Any) -> list[Mark]:
        f = item.finding
        status = str(item.status)
        if status in ("auto", "accepted"):
            rs, re_ = _item_raw_span(review, item)
            return [Mark(rs, re_, "removed", f.category, str(f.severity), item.id)]
        if status == "pending":
            kind = "link-broken" if f.category == "link" and str(f.severity) == "error" else "finding"
            rs, re_ = _item_raw_span(review, item)
            return [Mark(rs, re_, kind, f.category, str(f.severity), item.id)]
        return []

    def _refresh_marks(self, raw: bool = False) -> None:
        review = self.review
        if review is None:
            return
        doc = self._doc()
        clean_marks, raw_marks = build_marks(
            review, self.prefs.enabled_categories, doc.raw_links if doc and raw else [], raw=raw
        )
        if raw:
            self.raw.set_marks(raw_marks)
        self.clean.set_marks(clean_marks)

    def _refresh_model(self) -> None:
        review = self.review
        items = [it for it in review.items if self._shown(it)] if review is not None else []
        self.findings.set_items(items)
        self._update_counts(items)

    def _update_counts(self, items: list[Any] | None = None) -> None:
        review = self.review
        if items is None:
            items = [it for it in review.items if self._shown(it)] if review is not None else []
        counts: dict[str, int] = {}
        for it in items:
            if str(it.status) == "pending":
                counts[it.finding.category] = counts.get(it.finding.category, 0) + 1
        self.legend.set_counts(counts)
        if self.current is not None and review is not None:
            self.articles.model.update(self.current, pending=sum(counts.values()))

    def _displayed(self, text: str) -> str:
        return text if self._shown_limit is None else text[: self._shown_limit]

    def _sync_clean_text(self) -> None:
        """Bring the Cleaned pane in line with the review after an action, touching only the changed range."""
        review = self.review
        if review is None:
            return
        if self._shown_limit is not None:
            self.clean.set_text(self._displayed(review.cleaned))
            return
        new = review.cleaned
        old = self.clean.text()
        if new == old:
            return
        p = _common_prefix(old, new)
        s = _common_suffix(old, new, p)
        bar = self.clean.verticalScrollBar()
        value = bar.value()
        self.clean.replace_range(p, len(old) - s, new[p : len(new) - s])
        bar.setValue(value)

    def _show_banner(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    def _sync_scroll(self, source: Any) -> None:
        review = self.review
        if review is None or self._syncing_scroll:
            return
        self._syncing_scroll = True
        try:
            pos = source.top_position()
            if source is self.clean:
                self.raw.scroll_to_position(int(review.clean_to_raw(pos)))
            else:
                self.clean.scroll_to_position(int(review.raw_to_clean(pos)))
        finally:
            self._syncing_scroll = False

    # ------------------------------------------------------------------------------------------------ selection
    def _item(self, item_id: int | None) -> Any:
        review = self.review
        if review is None or item_id is None:
            return None
        try:
            return review.item(item_id)
        except (KeyError, IndexError):
            return None

    def select_item(self, item_id: int | None, focus: bool = False) -> None:
        """Make a finding current: selected in the table, highlighted and scrolled to in both panes."""
        item = self._item(item_id)
        review = self.review
        if item is None or review is None:
            self.current_item = None
            self.clean.set_current(None)
            self.raw.set_current(None)
            self._update_actions()
            return
        self.current_item = item.id
        self._syncing_scroll = True
        try:
            self.clean.set_current(item.start, item.end)
            rs, re_ = _item_raw_span(review, item)
            self.raw.set_current(rs, re_)
        finally:
            self._syncing_scroll = False
        self.findings.select_item(item.id)
        f = item.finding
        self.statusBar().showMessage(f"{category_label(f.category)} · {f.rule}: {f.message}", 15000)
        if focus:
            self.clean.setFocus()
        self._update_actions()

    def _pending_sorted(self) -> list[Any]:
        review = self.review
        if review is None:
            return []
        return sorted((it for it in review.pending() if self._shown(it)), key=lambda it: (it.start, it.end, it.id))

    def _shown(self, item: Any) -> bool:
        """Pending findings of a category switched off in Preferences are hidden (decisions stay visible)."""
        return str(item.status) != "pending" or item.finding.category in self.prefs.enabled_categories

    def next_finding(self) -> None:
        self._step(+1)

    def previous_finding(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        pending = self._pending_sorted()
        if not pending:
            self.statusBar().showMessage(self.tr("No pending finding in this article"), 5000)
            return
        current = self._item(self.current_item)
        if current is not None:
            key = (current.start, current.end, current.id)
        else:
            pos = self.clean.cursor_position()
            key = (pos, -1, -1) if direction > 0 else (pos, 1 << 62, 1 << 62)
        keys = [(it.start, it.end, it.id) for it in pending]
        if direction > 0:
            target = next((it for k, it in zip(keys, pending, strict=True) if k > key), None)
            wrapped = target is None
            target = target or pending[0]
        else:
            target = next((it for k, it in zip(reversed(keys), reversed(pending), strict=True) if k < key), None)
            wrapped = target is None
            target = target or pending[-1]
        self.select_item(target.id)
        if wrapped:
            self.statusBar().showMessage(self.tr("Wrapped around"), 2000)

    def _link_selected(self, *args: Any) -> None:
        """A row of the links panel: show that link in the Raw pane (and where it is in Cleaned)."""
        review = self.review
        if not args or review is None:
            return
        link = args[0]
        start, end = getattr(link, "start", None), getattr(link, "end", None)
        if isinstance(link, tuple) and len(link) >= 2:
            start, end = link[0], link[1]
        if start is None or end is None:
            return
        self.raw.set_current(int(start), int(end))
        self.clean.set_current(int(review.raw_to_clean(int(start))), int(review.raw_to_clean(int(end))))

    # ------------------------------------------------------------------------------------------------ decisions
    def _target(self) -> Any:
        """The finding an action applies to: the current one, else the one under the Cleaned cursor."""
        item = self._item(self.current_item)
        if item is not None:
            return item
        review = self.review
        if review is None:
            return None
        pos = self.clean.cursor_position()
        for mark in self.clean.marks_at(pos):
            if mark.item_id >= 0:
                return self._item(mark.item_id)
        return None

    def _review_event(self, event: Any) -> None:
        # Hand edits are already in the pane, re-checks are applied by _recheck_done: keep decisions only.
        if event.kind not in ("edit", "recheck"):
            self._events.append(event)

    def _apply_events(self) -> bool:
        """Bring panes and table in line with the review from its change events: only the text that changed and
        the findings involved are touched (accept-all of a thousand findings stays fast). False: do it all."""
        review = self.review
        events, self._events = self._events, []
        if review is None or not events or self._shown_limit is not None:
            return False
        for e in events:
            self.clean.apply_text_ops(list(e.ops))
        if self.clean.text() != review.cleaned:
            return False
        ids = {int(i) for e in events for i in e.items}
        present = []
        for i in ids:
            try:
                present.append(review.item(i))
            except KeyError:
                continue
        shown = [it for it in present if self._shown(it)]
        self.clean.update_item_marks(ids, [m for it in shown for m in self._clean_marks_of(it)])
        self.raw.update_item_marks(ids, [m for it in shown for m in self._raw_marks_of(review, it)])
        model = self.findings.model
        shown_ids = {it.id for it in shown}
        removed = [i for i in ids if i not in shown_ids and model.row_for(i) is not None]
        added = [it for it in shown if model.row_for(it.id) is None]
        changed = [it for it in shown if model.row_for(it.id) is not None]
        self.findings.update_rows(removed, added, changed)
        self._update_counts()
        return True

    def _after_decision(self, advance: bool = True, previous: Any = None) -> None:
        """Synchronise panes and panel, commit to the session, then move on to the next pending finding."""
        review = self.review
        if review is None:
            return
        self._revision += 1
        if not self._apply_events():
            self._sync_clean_text()
            self._refresh_marks(raw=True)
            self._refresh_model()
        if self.links_panel is not None:
            with contextlib.suppress(Exception):
                self.links_panel.refresh(review)
        self._commit()
        if advance:
            pending = self._pending_sorted()
            if previous is not None and pending:
                after = [it for it in pending if (it.start, it.id) > (previous.start, previous.id)]
                self.select_item((after or pending)[0].id)
            elif pending:
                self.select_item(pending[0].id)
            else:
                self.select_item(None)
                self.statusBar().showMessage(self.tr("Every finding of this article is reviewed"), 5000)
        else:
            self.select_item(self.current_item if self._item(self.current_item) is not None else None)
        self._update_actions()
        self._update_status()

    def _commit(self) -> None:
        doc = self._doc()
        if self.session is None or doc is None or doc.aid is None or doc.review is None:
            return
        try:
            self.session.commit_review(doc.aid, doc.review)
            if doc.status == "todo":
                doc.status = "in_progress"
                self.articles.model.update(self.current or 0, status="in_progress")
        except Exception as e:
            self._save_failed(e)

    def _save_failed(self, e: Exception) -> None:
        self.session_message = self.tr("Not saved: {error}").format(error=str(e))
        self.statusBar().showMessage(self.session_message, 15000)
        self._update_status()

    def accept_suggestion(self, n: int = 1) -> None:
        item = self._target()
        review = self.review
        if item is None or review is None:
            self.statusBar().showMessage(self.tr("No finding selected: press F8 to go to the next one"), 4000)
            return
        suggestions = item.finding.suggestions
        if str(item.status) != "pending":
            self.statusBar().showMessage(self.tr("This finding is already decided"), 4000)
            return
        if not 1 <= n <= len(suggestions):
            self.statusBar().showMessage(
                self.tr("No suggestion {n}: edit the text by hand, or reject (Ctrl+Backspace)").format(n=n), 5000
            )
            return
        review.accept(item.id, suggestions[n - 1])
        self._after_decision(previous=item)

    def reject(self) -> None:
        item = self._target()
        review = self.review
        if item is None or review is None or str(item.status) != "pending":
            self.statusBar().showMessage(self.tr("No pending finding selected"), 4000)
            return
        review.reject(item.id)
        self._after_decision(previous=item)

    def revert(self, item_id: int | None = None) -> None:
        item = self._item(item_id) if item_id is not None else self._target()
        review = self.review
        if item is None or review is None or str(item.status) not in ("auto", "accepted"):
            self.statusBar().showMessage(self.tr("Select an automatic fix to revert"), 4000)
            return
        try:
            review.revert(item.id)
        except ValueError as e:
            self.statusBar().showMessage(str(e), 6000)
            return
        self._after_decision(advance=False)

    def accept_all(self) -> None:
        item = self._target()
        review = self.review
        if item is None or review is None:
            self.statusBar().showMessage(self.tr("No finding selected"), 4000)
            return
        rule = item.finding.rule
        items = [it for it in review.pending() if it.finding.rule == rule and it.finding.suggestions]
        if not items:
            self.statusBar().showMessage(self.tr("No pending finding of this rule has a suggestion"), 4000)
            return
        _dont_ask, ok = self.confirm_accept_all(self, rule, items, review.cleaned)
        if not ok:
            return
        ids = review.accept_all(rule)
        self._after_decision(previous=item)
        self.statusBar().showMessage(self.tr("Accepted {n} finding(s) of {rule}").format(n=len(ids), rule=rule), 5000)

    @staticmethod
    def _ask_accept_all(parent: QWidget, rule: str, items: list[Any], text: str) -> tuple[bool, bool]:
        from editor.gui.dialogs.confirm import ConfirmAcceptAllDialog

        return ConfirmAcceptAllDialog.ask(parent, rule, items, text=text)

    def _word(self) -> str | None:
        item = self._target()
        if item is not None:
            return str(item.finding.text).strip() or None
        cursor = self.clean.textCursor()
        cursor.select(cursor.SelectionType.WordUnderCursor)
        word = str(cursor.selectedText()).strip()
        return word or None

    def ignore_word(self) -> None:
        review = self.review
        word = self._word()
        if review is None or not word:
            return
        previous = self._item(self.current_item)
        review.ignore_word(word)
        if self.session is not None:
            with contextlib.suppress(Exception):
                self.session.ignore_word(word)
        self._after_decision(previous=previous)
        self.statusBar().showMessage(self.tr("“{word}” ignored in this session").format(word=word), 4000)

    def add_to_dictionary(self) -> None:
        review = self.review
        word = self._word()
        if review is None or not word:
            return
        try:
            self.prefs = self.settings.add_personal_word(word)
        except Exception as e:
            self.statusBar().showMessage(str(e), 5000)
            return
        previous = self._item(self.current_item)
        review.ignore_word(word)
        self._after_decision(previous=previous)
        self.statusBar().showMessage(self.tr("“{word}” added to your dictionary").format(word=word), 4000)

    def undo(self) -> None:
        review = self.review
        if review is None or not review.can_undo:
            self.statusBar().showMessage(self.tr("Nothing to undo"), 2000)
            return
        review.undo()
        self._after_decision(advance=False)
        self._recheck_timer.start()

    def redo(self) -> None:
        review = self.review
        if review is None or not review.can_redo:
            self.statusBar().showMessage(self.tr("Nothing to redo"), 2000)
            return
        review.redo()
        self._after_decision(advance=False)
        self._recheck_timer.start()

    def mark_done(self) -> None:
        doc = self._doc()
        if doc is None or self.current is None:
            return
        doc.status = "done"
        self.articles.model.update(self.current, status="done")
        if self.session is not None and doc.aid is not None:
            try:
                self.session.set_status(doc.aid, "done")
            except Exception as e:
                self._save_failed(e)
        n = len(self.docs)
        for k in range(1, n + 1):
            j = (self.current + k) % n
            if self.docs[j].status != "done":
                self.show_article(j)
                return
        self.statusBar().showMessage(self.tr("Every article is done"), 5000)

    # ------------------------------------------------------------------------------------------------ hand edits
    def _hand_edit(self, start: int, end: int, text: str) -> None:
        """One keystroke (or paste): into the review, marks shifted, re-check debounced, saved in a batch.

        Nothing here walks all the findings: a keystroke in a 200k-word article must stay far below 16 ms."""
        review = self.review
        if review is None:
            return
        review.edit(start, end, text)
        self._revision += 1
        if review.cleaned != self.clean.text():  # the model normalised the edit: show its version
            self._sync_clean_text()
            self._refresh_marks(raw=False)
        else:
            self.clean.shift_marks(start, end, len(text))
        self._recheck_timer.start()
        self._save_text_later()
        self.actions_["undo"].setEnabled(True)
        self.actions_["redo"].setEnabled(bool(review.can_redo))

    def _save_text_later(self) -> None:
        """Hand edits reach the session within a second. Serialising a review with tens of thousands of findings
        costs a noticeable pause, so for those the write waits for a pause in typing, never more than 1 s."""
        doc = self._doc()
        if self.session is None or doc is None or doc.aid is None or doc.review is None:
            return
        self.saved_label.setText(self.tr("Saving…"))
        if not doc.big:
            try:
                self.session.save_text(doc.aid, doc.review)
            except Exception as e:
                self._save_failed(e)
            return
        if self._unsaved_since is None:
            self._unsaved_since = time.monotonic()
        if time.monotonic() - self._unsaved_since > MAX_UNSAVED_S:
            self._save_text_now()
        else:
            self._idle_save_timer.start()

    def _flush_typing(self) -> None:
        """Typing still waiting for a pause (huge reviews) is written now: before switching article or closing."""
        if self._unsaved_since is not None or self._idle_save_timer.isActive():
            self._save_text_now()

    def _save_text_now(self) -> None:
        self._idle_save_timer.stop()
        self._unsaved_since = None
        doc = self._doc()
        if self.session is None or doc is None or doc.aid is None or doc.review is None:
            return
        try:
            self.session.save_text(doc.aid, doc.review)
            self.session.flush()
        except Exception as e:
            self._save_failed(e)
            return
        self._update_status()

    def _start_recheck(self) -> None:
        review = self.review
        doc = self._doc()
        if review is None or doc is None:
            return
        dirty = list(review.dirty_paragraphs())
        if not dirty:
            self._refresh_marks(raw=True)
            self._refresh_model()
            return
        cleaned = review.cleaned
        snapshots = [(s, e, cleaned[s:e]) for s, e in dirty]
        self._recheck_revision = review.revision
        self._recheck_doc = self.current
        self.jobs.submit(
            "recheck",
            recheck,
            snapshots=snapshots,
            lang=review.lang,
            config=self.config(),
            url=doc.article.url,
        )

    def _recheck_done(self, result: object) -> None:
        review = self.review
        if review is None or self._recheck_doc != self.current or self._recheck_revision != review.revision:
            return  # stale: the text changed since the snapshot (a newer re-check is on its way)
        ranges = [(start, end) for start, end, _found in result]  # type: ignore[attr-defined]
        before = {it.id for s, e in ranges for it in review.items_in(s, e)}
        for start, end, found in reversed(result):  # type: ignore[call-overload]
            review.apply_recheck(start, end, found, self._recheck_revision)
        after: dict[int, Any] = {}
        for start, end in ranges:
            inside = [it for it in review.items_in(start, end) if self._shown(it)]
            after.update((it.id, it) for it in inside)
            marks = [m for it in inside for m in self._clean_marks_of(it)]
            self.clean.replace_marks(start, end, marks, _RECHECKED_KINDS)
        self.findings.update_rows(before - after.keys(), [it for i, it in after.items() if i not in before])
        self._update_counts()
        if self._item(self.current_item) is None:
            self.current_item = None
            self.clean.set_current(None)
        self._update_status()
        self.rechecked.emit()

    def find_replace(self) -> None:
        if self.review is None:
            return
        if self.find_dialog is None:
            from editor.gui.dialogs.find_replace import FindReplaceDialog

            self.find_dialog = FindReplaceDialog(self.clean, self._find_edit, parent=self, apply_edits=self._find_edits)
            self.find_dialog.matchSelected.connect(self._find_selected)
        self.find_dialog.open_for_selection()

    def _find_edit(self, start: int, end: int, text: str) -> None:
        self._find_edits([(start, end, text)])

    def _find_edits(self, edits: list[tuple[int, int, str]]) -> None:
        review = self.review
        if review is None or self._read_only_reason:
            return
        batch = getattr(review, "edit_many", None)
        if batch is not None and len(edits) > 1:
            batch(edits)
        else:
            for s, e, t in edits:
                review.edit(s, e, t)
        self._revision += 1
        self._sync_clean_text()
        self._refresh_marks(raw=False)
        self._recheck_timer.start()
        doc = self._doc()
        if self.session is not None and doc is not None and doc.aid is not None:
            with contextlib.suppress(Exception):
                self.session.save_text(doc.aid, review)
        self._update_actions()

    def _find_selected(self, start: int, end: int) -> None:
        review = self.review
        if review is not None:
            self.raw.set_current(int(review.clean_to_raw(start)), int(review.clean_to_raw(end)))

    # ------------------------------------------------------------------------------------------------ menus, tips
    def _items_at(self, pane: Any, pos: int) -> list[Any]:
        seen: list[Any] = []
        for mark in pane.marks_at(pos):
            item = self._item(mark.item_id) if mark.item_id >= 0 else None
            if item is not None and item not in seen:
                seen.append(item)
        return seen

    def _tooltip(self, pane: Any, pos: int) -> str | None:
        lines = []
        for item in self._items_at(pane, pos):
            f = item.finding
            lines.append(f"{category_label(f.category)} · {f.rule}: {f.message}")
            status = str(item.status)
            if status == "pending" and f.suggestions:
                shown = ", ".join(f"“{s}”" if s else self.tr("(delete)") for s in f.suggestions[:5])
                lines.append(self.tr("Suggestions: {list}").format(list=shown))
            elif status in ("auto", "accepted"):
                lines.append(self.tr("Changed “{before}” → “{after}”").format(before=f.text, after=item.replacement))
        for mark in pane.marks_at(pos):
            if mark.kind == "link":
                lines.append(self.tr("Link"))
        return "\n".join(lines) or None

    def _pane_menu(self, pane: Any, pos: int, global_pos: QPoint) -> None:
        menu = self.build_context_menu(pane, pos)
        menu.exec(global_pos)
        menu.deleteLater()

    def build_context_menu(self, pane: Any, pos: int) -> QMenu:
        """Suggestions first, then accept / reject / ignore / revert for the finding under `pos`."""
        menu = self.build_item_menu(self._items_at(pane, pos))
        standard = pane.createStandardContextMenu()
        for action in standard.actions():
            action.setParent(menu)
            menu.addAction(action)
        standard.deleteLater()
        return menu

    def build_item_menu(self, items: list[Any]) -> QMenu:
        """The decisions for these findings: suggestions first, then reject / accept all / ignore / revert."""
        menu = QMenu(self)
        for item in items[:3]:
            f = item.finding
            status = str(item.status)
            if status == "pending":
                for n, s in enumerate(f.suggestions[:9], start=1):
                    label = self.tr("Replace with “{s}”").format(s=s) if s else self.tr("Delete “{t}”").format(t=f.text)
                    act = menu.addAction(label.replace("&", "&&"))
                    act.triggered.connect(lambda _c=False, i=item.id, k=n: self._menu_accept(i, k))
                menu.addSeparator()
                a = menu.addAction(self.tr("Reject (keep as is)"))
                a.triggered.connect(lambda _c=False, i=item.id: self._menu_do(i, self.reject))
                a = menu.addAction(self.tr("Accept all of {rule}…").format(rule=f.rule))
                a.triggered.connect(lambda _c=False, i=item.id: self._menu_do(i, self.accept_all))
                a = menu.addAction(self.tr("Ignore “{w}” in session").format(w=f.text.strip()[:40]))
                a.triggered.connect(lambda _c=False, i=item.id: self._menu_do(i, self.ignore_word))
                a = menu.addAction(self.tr("Add “{w}” to dictionary").format(w=f.text.strip()[:40]))
                a.triggered.connect(lambda _c=False, i=item.id: self._menu_do(i, self.add_to_dictionary))
            elif status in ("auto", "accepted"):
                what = self.tr("Revert automatic fix") if status == "auto" else self.tr("Revert this fix")
                a = menu.addAction(f"{what}: “{f.text.strip()[:30]}”".replace("&", "&&"))
                a.triggered.connect(lambda _c=False, i=item.id: self.revert(i))
            menu.addSeparator()
        return menu

    def _table_menu(self, item_id: int, global_pos: QPoint) -> None:
        item = self._item(item_id)
        if item is None:
            return
        self.select_item(item_id)
        menu = self.build_item_menu([item])
        if menu.actions():
            menu.exec(global_pos)
        menu.deleteLater()

    def _menu_accept(self, item_id: int, n: int) -> None:
        self.select_item(item_id)
        self.accept_suggestion(n)

    def _menu_do(self, item_id: int, fn: Callable[[], None]) -> None:
        self.select_item(item_id)
        fn()

    # ------------------------------------------------------------------------------------------------ other commands
    def preferences(self) -> None:
        try:
            from editor.gui.dialogs.preferences import PreferencesDialog
        except ImportError:
            self.statusBar().showMessage(self.tr("Preferences are not available"), 3000)
            return
        new, ok = PreferencesDialog.edit(self, self.prefs)
        if not ok or new == self.prefs:
            return
        old = self.prefs
        self.settings.save_preferences(new)
        self.prefs = new
        font = new.editor_font()
        self.raw.setFont(font)
        self.clean.setFont(font)
        if old.check_config() != new.check_config():
            # Re-analyse every article with the new configuration, keeping the decisions made.
            for doc in self.docs:
                if doc.review is not None:
                    with contextlib.suppress(Exception):
                        if self.session is not None and doc.aid is not None:
                            self.session.save_review(doc.aid, doc.review)
                    doc.review = None
            if self.current is not None:
                self.show_article(self.current)

    def export_dialog(self) -> None:
        if self.session is None:
            self._message_box(
                QMessageBox.Icon.Information,
                self.tr("Export"),
                self.tr("Export works on a session, and this window has none (see the status bar)."),
            )
            return
        doc = self._doc()
        default = str(Path(doc.article.source).parent / "galley-export") if doc else str(Path.home())
        (folder, fmt, only_done, force), ok = ExportDialog.ask(self, default)
        if ok:
            self.export(folder, fmt, only_done=only_done, force=force)

    def export(self, folder: str, fmt: str, only_done: bool = False, force: bool = False) -> None:
        """Export the session in a worker (progress and cancel in the status bar)."""
        from editor.core.export import export_session

        if self.session is None:
            return
        with contextlib.suppress(Exception):
            for doc in self.docs:
                if doc.review is not None and doc.aid is not None:
                    self.session.save_review(doc.aid, doc.review)
            self.session.flush()
        session = self.session
        config = self.config()

        def run(progress: Callable[[int, int], None], cancel: Any) -> Any:
            return export_session(
                session,
                folder,
                fmt,
                only_done=only_done,
                progress=progress,
                cancel=cancel.is_set,
                force=force,
                config=config,
            )

        self.jobs.submit("export", run)
        self._job_started(self.tr("Exporting…"))

    def _export_done(self, result: Any) -> None:
        written = getattr(result, "written", None)
        failed = getattr(result, "failed", None) or []
        n = len(written) if written is not None else 0
        if failed:
            detail = "\n".join(str(f) for f in failed[:30])
            self._message_box(
                QMessageBox.Icon.Warning,
                self.tr("Export incomplete"),
                self.tr("{n} article(s) written; these were not:").format(n=n),
                detail,
            )
        else:
            self.statusBar().showMessage(self.tr("Exported {n} article(s)").format(n=n), 8000)

    def _about(self) -> None:
        from editor import __version__

        self._message_box(
            QMessageBox.Icon.Information,
            self.tr("About Galley"),
            self.tr("Galley {v}: correct scraped news articles, side by side and from the keyboard.").format(
                v=__version__
            ),
        )

    # ------------------------------------------------------------------------------------------------ status
    def _update_actions(self) -> None:
        review = self.review
        has = review is not None
        a = self.actions_
        a["undo"].setEnabled(has and bool(review.can_undo))
        a["redo"].setEnabled(has and bool(review.can_redo))
        for name in ("next", "previous", "accept", "reject", "accept_all", "ignore", "dictionary", "revert", "find"):
            a[name].setEnabled(has)
        for action in a.suggestion:
            action.setEnabled(has)
        a["done"].setEnabled(self._doc() is not None)
        a["export"].setEnabled(self.session is not None)
        self.reopen_action.setEnabled(self._doc() is not None)

    def _update_status(self, saving: bool = False) -> None:
        review = self.review
        cfg = self.prefs
        lang = str(review.lang) if review is not None else (self.lang_override if self.lang_override != "auto" else "…")
        doc = self._doc()
        encoding = f" · {doc.article.encoding}" if doc is not None and doc.article.encoding else ""  # codec name
        self.lang_label.setText(
            self.tr("Language: {lang} · Typography: {profile}").format(lang=lang, profile=cfg.profile) + encoding
        )
        if review is not None:
            counts = {"pending": 0, "accepted": 0, "rejected": 0}
            for it in review.items:
                s = str(it.status)
                if s in counts:
                    counts[s] += 1
            self.counts_label.setText(
                self.tr("{p} pending · {a} accepted · {r} rejected").format(
                    p=counts["pending"], a=counts["accepted"], r=counts["rejected"]
                )
            )
        else:
            self.counts_label.setText("")
        if self.session is None:
            self.saved_label.setText(self.session_message or self.tr("Not saved (no session)"))
        elif self.session_message:
            self.saved_label.setText(self.session_message)
        elif saving or getattr(self.session, "has_pending", False):
            self.saved_label.setText(self.tr("Saving…"))
        else:
            self.saved_label.setText(self.tr("Saved"))

    def _flush_session(self) -> None:
        if self.session is None:
            return
        try:
            self.session.flush()
        except Exception as e:
            self._save_failed(e)
            return
        if self.session_message.startswith(self.tr("Not saved")):
            return
        self._update_status()

    # ------------------------------------------------------------------------------------------------ closing
    def closeEvent(self, e: QCloseEvent) -> None:
        self._recheck_timer.stop()
        self._flush_timer.stop()
        with contextlib.suppress(Exception):
            self.settings.save_window(self, self._layout_parts())
        if self.find_dialog is not None:
            self.find_dialog.close()
        self._close_session()
        if self.links_panel is not None:
            with contextlib.suppress(Exception):
                self.links_panel.shutdown()
        # Never hang on close: the session is already closed (everything committed); an analysis still running
        # is abandoned (run_gui exits the process without waiting for it).
        self.jobs.shutdown(wait=False)
        super().closeEvent(e)

    def shortcut_for(self, name: str) -> QKeySequence:
        return self.actions_[name].shortcut()


__all__ = ["Actions", "Doc", "MainWindow"]
