"""The links panel: every link of the article and what became of it.

States, from the person's point of view:

- ok: a well-formed link that cleaning leaves as it is;
- malformed: broken by scraping or machine translation (`https: /2025/...`, `www. site. de`, `javascript:`), not
  fixed yet; the "Becomes" column shows the repair Galley suggests, if any;
- repaired: a fix was accepted (or applied automatically); "Becomes" shows the link as it now reads;
- removed: the link is gone from the cleaned text (its fix deleted it, or the line around it was removed);
- dead: the online check got an HTTP error, a timeout or a DNS failure for it (only after "Check links online").

How the main window uses it:

    self.links_panel = LinksPanel(self)                  # optional: checker=callable for tests/other back-ends
    self.links_panel.linkSelected.connect(...)           # LinkRow (has .start/.end, raw code points), or
    self.links_panel.linkActivated.connect(...)          # (start, end): raw code points of the link
    self.links_panel.set_links(find_links(article.text, article.url), review)   # after each analysis
    self.links_panel.refresh(review)                     # after each decision/undo (states change)

- `links` are `editor.core.urls.Link`s found in the RAW text; `start`/`end` of every row and of both signals are
  raw-text code points (map to Cleaned with `review.raw_to_clean`).
- `review` (optional) is the `editor.core.review.Review` of the article: with it the panel tells repaired and
  removed links apart; without it, links are only ok or malformed.
- The toolbar action `check_action` ("Check links online") is off by default. Switched on, it runs
  `editor.core.online.check_links_online(article, [])` in a worker thread (the core's check: each http(s) address asked
  once per process, HEAD then GET, redirects followed); links its findings mark dead, unreachable, timed out or
  failing turn "dead", redirects add a detail. `onlineCheckFinished(int dead)` is emitted when done (-1 on
  failure). Switching it off hides the results; switching it on again shows them without asking again.
  Call `shutdown()` from the window's closeEvent so a running check does not outlive the window.
- Double-click or Return on a row emits both signals; a single click emits `linkSelected` only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from editor.gui.models.links import LinkRow, LinksModel, LinkState, OnlineStatus, link_rows, state_label
from editor.gui.workers import JobRunner

if TYPE_CHECKING:
    from editor.core.article import Article
    from editor.core.findings import Finding
    from editor.core.review import Review
    from editor.core.urls import Link

NARROW = 420  # below this panel width only state and link are shown as columns
WIDE = 640  # from this width the detail column is shown too


Checker = Callable[["Article"], Sequence["Finding"]]  # link findings, like editor.core.online.check_links_online

# Online-check rules that mean "this link does not work"; others (link.redirect) only add a detail.
DEAD_RULES = frozenset({"link.dead", "link.unreachable", "link.timeout", "link.server-error"})


def check_online(article: Article) -> list[Finding]:
    """The core's online check (HEAD then GET, redirects followed, answers cached per process)."""
    from editor.core.online import check_links_online

    return check_links_online(article, [])


def online_statuses(findings: Iterable[Finding]) -> dict[tuple[int, int], OnlineStatus]:
    """Raw span → status, from the `link` findings the online check returned."""
    out: dict[tuple[int, int], OnlineStatus] = {}
    for f in findings:
        if getattr(f, "category", "") != "link":
            continue
        dead = f.rule in DEAD_RULES
        key = (int(f.start), int(f.end))
        if dead or key not in out:
            out[key] = OnlineStatus(dead=dead, detail=str(f.message))
    return out


class LinksPanel(QWidget):
    linkActivated = Signal(int, int)
    linkSelected = Signal(object)
    onlineCheckFinished = Signal(int)

    def __init__(self, parent: QWidget | None = None, checker: Checker | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("linksPanel")
        self._checker: Checker = checker or check_online
        self._links: list[Link] = []
        self._review: Review | None = None
        self._article: Article | None = None
        self._online: dict[tuple[int, int], OnlineStatus] = {}
        self._checked = False
        self._runner = JobRunner(self, max_threads=1)
        self._runner.done.connect(self._on_checked)
        self._runner.error.connect(self._on_check_failed)

        self.model = LinksModel(self)
        self.model.palette = self.palette()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView(self)
        self.view.setObjectName("linksTable")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(False)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(LinksModel.STATE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(LinksModel.LINK, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(LinksModel.TARGET, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(LinksModel.DETAIL, QHeaderView.ResizeMode.Stretch)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.check_action = QAction(self.tr("Check links online"), self)
        self.check_action.setObjectName("checkLinksOnline")
        self.check_action.setCheckable(True)
        self.check_action.setChecked(False)
        self.check_action.setToolTip(
            self.tr(
                "Ask each web address once whether it still answers. Off by default: "
                "nothing leaves your computer unless you switch this on."
            )
        )
        self.check_action.toggled.connect(self._on_check_toggled)
        self.toolbar.addAction(self.check_action)
        self.summary = QLabel(self)
        self.summary.setObjectName("linksSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        self.details = QLabel(self)
        self.details.setObjectName("linkDetails")
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.details)

        self.view.activated.connect(self._on_activated)
        self.view.doubleClicked.connect(self._on_activated)
        self.view.selectionModel().currentRowChanged.connect(self._on_current)
        self._refresh_summary()

    # Public API ------------------------------------------------------------------------------------------------
    def set_links(self, links: Iterable[Link], review: Review | None = None, article: Article | None = None) -> None:
        """Show the links of a newly opened or re-analysed article (`article` defaults to `review.article`)."""
        self._links = list(links)
        self._review = review
        article = article if article is not None else getattr(review, "article", None)
        if article is not self._article:
            self._runner.cancel("online")
            self._online = {}
            self._checked = False
        self._article = article
        self.model.set_rows(link_rows(self._links, review, self._shown_online()))
        self._refresh_summary()
        if self.check_action.isChecked():
            self._start_check()

    def refresh(self, review: Review | None = None) -> None:
        """Recompute states after a decision, an undo or a hand edit (same links)."""
        if review is not None:
            self._review = review
        self.model.update_rows(link_rows(self._links, self._review, self._shown_online()))
        self._refresh_summary()
        self._show_details(self._row_at(self.view.currentIndex()))

    def rows(self) -> list[LinkRow]:
        return self.model.rows()

    def is_checking(self) -> bool:
        return self._runner.is_running("online")

    def shutdown(self) -> None:
        """Wait for a running check to end (call from the window's closeEvent)."""
        self._runner.shutdown()

    # Online check ----------------------------------------------------------------------------------------------
    def _shown_online(self) -> dict[tuple[int, int], OnlineStatus] | None:
        return self._online if self.check_action.isChecked() else None

    def _on_check_toggled(self, on: bool) -> None:
        if on:
            self._start_check()
        else:
            self._runner.cancel("online")
        self.refresh()

    def _start_check(self) -> None:
        if self._checked or self._article is None or self.is_checking():
            self._refresh_summary()
            return
        if not any(r.address for r in link_rows(self._links, self._review, None)):
            self._refresh_summary()
            return
        self._runner.submit("online", self._checker, article=self._article)
        self._refresh_summary()

    def _on_checked(self, kind: str, _job: int, result: object) -> None:
        if kind != "online":
            return
        self._checked = True
        self._online = online_statuses(result if isinstance(result, list | tuple) else ())
        self.refresh()
        dead = sum(1 for r in self.model.rows() if r.state == LinkState.DEAD)
        self.onlineCheckFinished.emit(dead)

    def _on_check_failed(self, kind: str, _job: int, message: str) -> None:
        if kind != "online":
            return
        self._checked = False  # let the person try again
        self._refresh_summary(self.tr("The online check failed: {error}").format(error=message))
        self.onlineCheckFinished.emit(-1)

    # Selection -------------------------------------------------------------------------------------------------
    def _row_at(self, index: QModelIndex) -> LinkRow | None:
        if not index.isValid():
            return None
        row = self.proxy.mapToSource(index).row()
        rows = self.model.rows()
        return rows[row] if 0 <= row < len(rows) else None

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self._row_at(current)
        self._show_details(row)
        if row is not None:
            self.linkSelected.emit(row)

    def _show_details(self, row: LinkRow | None) -> None:
        """The selected link in full under the table (the columns are elided in a narrow dock)."""
        if row is None:
            self.details.clear()
            return
        lines = [f"{state_label(row.state)}: {row.text}"]
        if row.state == LinkState.REMOVED:
            lines.append(self.tr("Removed from the cleaned text."))
        elif row.target and row.target != row.text:
            lines.append(self.tr("Becomes: {target}").format(target=row.target))
        if row.detail:
            lines.append(row.detail)
        self.details.setText("\n".join(lines))

    def _on_activated(self, index: QModelIndex) -> None:
        row = self._row_at(index)
        if row is not None:
            self.linkSelected.emit(row)
            self.linkActivated.emit(row.start, row.end)

    def _refresh_summary(self, error: str | None = None) -> None:
        rows = self.model.rows()
        counts = {state: sum(1 for r in rows if r.state == state) for state in LinkState}
        if not rows:
            text = self.tr("No links in this article.")
        else:
            parts = [f"{state_label(state)}: {counts[state]}" for state in LinkState if counts[state]]
            text = self.tr("{count} links").format(count=len(rows)) + " — " + ", ".join(parts)
        if self.is_checking():
            text += " — " + self.tr("checking online…")
        if error:
            text += "\n" + error
        self.summary.setText(text)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """In a narrow dock only state and link fit; "becomes" and the detail stay in each row's tooltip."""
        super().resizeEvent(event)
        width = event.size().width()
        self.view.setColumnHidden(LinksModel.TARGET, width < NARROW)
        self.view.setColumnHidden(LinksModel.DETAIL, width < WIDE)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.model.palette = self.palette()
            self.model.update_rows(self.model.rows())
        super().changeEvent(event)
