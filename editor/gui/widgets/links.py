"""The links panel: every link of the article and what became of it.

States, from the person's point of view:

- ok: a well-formed link that cleaning leaves as it is;
- malformed: broken by scraping or machine translation (`https: /2025/...`, `www. site. de`, `javascript:`), not
  fixed yet; the "Becomes" column shows the repair Galley suggests, if any;
- repaired: a fix was accepted (or applied automatically); "Becomes" shows the link as it now reads;
- removed: the link is gone from the cleaned text (its fix deleted it, or the line around it was removed);
- dead: the online check got an HTTP error, a timeout or a DNS failure for it (only after "Check links online").

How the main window uses it (H6a):

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
  `editor.core.online.check_links_online(article, [])` in a worker thread (H1's check: each http(s) address asked
  once per process, HEAD then GET, redirects followed); links its findings mark dead, unreachable, timed out or
  failing turn "dead", redirects add a detail. `onlineCheckFinished(int dead)` is emitted when done (-1 on
  failure). Switching it off hides the results; switching it on again shows them without asking again.
  Call `shutdown()` from the window's closeEvent so a running check does not outlive the window.
- Double-click or Return on a row emits both signals; a single click emits `linkSelected` only.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from editor.gui.widgets.legend import category_color
from editor.gui.workers import JobRunner

NARROW = 420  # below this panel width only state and link are shown as columns
WIDE = 640  # from this width the detail column is shown too


class LinkState(StrEnum):
    OK = "ok"
    MALFORMED = "malformed"
    REPAIRED = "repaired"
    REMOVED = "removed"
    DEAD = "dead"


@dataclass(frozen=True, slots=True)
class OnlineStatus:
    """What the online check learnt about one address."""

    dead: bool
    detail: str = ""  # "404 Not Found", "timeout", "DNS failure", "redirected to ..."


@dataclass(frozen=True, slots=True)
class LinkRow:
    start: int  # raw text, code points
    end: int
    text: str  # the link as found in the raw text
    state: LinkState
    target: str  # what it becomes (repair, accepted replacement) or the address itself; "" when removed
    detail: str = ""
    address: str | None = None  # the http(s) address the online check asks, if any


def _address(target: str, kind: str) -> str | None:
    """The address a browser would open, only for http(s) links (others are never checked online)."""
    if not target or any(c.isspace() for c in target):
        return None
    if kind in ("www", "bare") and "://" not in target:
        target = "http://" + target
    return target if target.lower().startswith(("http://", "https://")) else None


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1 if a1 > a0 and b1 > b0 else a0 == b0


def link_rows(
    links: Iterable[Any], review: Any | None = None, online: Mapping[tuple[int, int], OnlineStatus] | None = None
) -> list[LinkRow]:
    """The panel's rows: each link with its state, from the raw-text links, the review and online results.

    `online` maps a link's raw span to what the online check found for it.
    """
    items = []
    if review is not None:
        for item in getattr(review, "items", ()):
            if getattr(item.finding, "category", "") == "link" and getattr(item, "raw_start", None) is not None:
                items.append(item)
    cleaned = getattr(review, "cleaned", None) if review is not None else None
    rows: list[LinkRow] = []
    for link in links:
        start, end, text = int(link.start), int(link.end), str(link.text)
        kind = str(getattr(link, "kind", "url"))
        problem = getattr(link, "problem", None)
        repaired = getattr(link, "repaired", None)
        detail = str(getattr(link, "detail", "") or (problem or ""))
        state = LinkState.OK if problem is None else LinkState.MALFORMED
        target = text if problem is None else (repaired or "")
        decided = [
            it
            for it in items
            if _overlaps(start, end, int(it.raw_start), int(it.raw_end if it.raw_end is not None else it.raw_start))
        ]
        applied = [it for it in decided if str(it.status) in ("accepted", "auto")]
        changed = None
        for it in applied:
            new = it.replacement if it.replacement is not None else (it.finding.suggestions or (text,))[0]
            if cleaned is not None and 0 <= it.start <= it.end <= len(cleaned):
                new = cleaned[it.start : it.end]
            if new != text:  # accepting the informational `link.url` item changes nothing
                changed = new
                break
        if changed is not None:
            state, target = (LinkState.REPAIRED, changed) if changed.strip() else (LinkState.REMOVED, "")
        elif review is not None and cleaned is not None:
            try:
                c0, c1 = int(review.raw_to_clean(start)), int(review.raw_to_clean(end))
            except Exception:  # a review without a map yet: keep the link's own state
                c0, c1 = 0, 1
            if c1 <= c0:
                state, target = LinkState.REMOVED, ""
        address = _address(target, kind) if state in (LinkState.OK, LinkState.REPAIRED) else None
        found = online.get((start, end)) if online and address is not None else None
        if found is not None and found.dead:
            state, detail = LinkState.DEAD, found.detail
        elif found is not None and found.detail:
            detail = found.detail
        rows.append(LinkRow(start, end, text, state, target, detail, address))
    return rows


def _state_label(state: LinkState) -> str:
    labels = {
        LinkState.OK: QCoreApplication.translate("LinksModel", "ok"),
        LinkState.MALFORMED: QCoreApplication.translate("LinksModel", "malformed"),
        LinkState.REPAIRED: QCoreApplication.translate("LinksModel", "repaired"),
        LinkState.REMOVED: QCoreApplication.translate("LinksModel", "removed"),
        LinkState.DEAD: QCoreApplication.translate("LinksModel", "dead"),
    }
    return labels[state]


_STATE_CATEGORY = {
    LinkState.OK: "typography",  # green
    LinkState.MALFORMED: "spelling",  # red
    LinkState.REPAIRED: "link",  # blue
    LinkState.REMOVED: "boilerplate",  # grey
    LinkState.DEAD: "spelling",
}


def state_color(state: LinkState, palette: QPalette | None = None) -> QColor:
    """The state's colour, in the shade that reads on `palette` (light or dark theme)."""
    return category_color(_STATE_CATEGORY[state], palette)


class LinksModel(QAbstractTableModel):
    """Rows of `LinkRow`; columns: state, link, becomes, detail. Display text is plain (PITFALLS 4)."""

    STATE, LINK, TARGET, DETAIL = range(4)
    RowRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[LinkRow] = []
        self.palette: QPalette | None = None

    def set_rows(self, rows: Sequence[LinkRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def update_rows(self, rows: Sequence[LinkRow]) -> None:
        """New states for the same links (a decision, online results): keeps the selection and scroll position."""
        if [(r.start, r.end) for r in rows] != [(r.start, r.end) for r in self._rows]:
            self.set_rows(rows)
            return
        self._rows = list(rows)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.DETAIL))

    def rows(self) -> list[LinkRow]:
        return list(self._rows)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            self.STATE: self.tr("State"),
            self.LINK: self.tr("Link"),
            self.TARGET: self.tr("Becomes"),
            self.DETAIL: self.tr("Detail"),
        }.get(section)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.STATE:
                return _state_label(row.state)
            if col == self.LINK:
                return row.text
            if col == self.TARGET:
                if row.state == LinkState.REMOVED:
                    return self.tr("(removed)")
                return row.target if row.target != row.text else ""
            if col == self.DETAIL:
                return row.detail
        if role == Qt.ItemDataRole.ToolTipRole:
            # Escaped rich text: scraped link text may hold markup, and a tooltip that looks like HTML is rendered
            # (an <img> would be loaded: PITFALLS 4).
            lines = (x for x in (row.text, row.target if row.target != row.text else "", row.detail) if x)
            return "<p style='white-space:pre-wrap'>" + "<br>".join(html.escape(x) for x in lines) + "</p>"
        if role == Qt.ItemDataRole.DecorationRole and col == self.STATE:
            return state_color(row.state, self.palette)
        if role == self.RowRole:
            return row
        if role == Qt.ItemDataRole.UserRole and col == self.STATE:
            return str(row.state)  # sort/filter key
        return None


Checker = Callable[[Any], Sequence[Any]]  # (Article) -> link Findings, like editor.core.online.check_links_online

# Online-check rules that mean "this link does not work"; others (link.redirect) only add a detail.
DEAD_RULES = frozenset({"link.dead", "link.unreachable", "link.timeout", "link.server-error"})


def check_online(article: Any) -> list[Any]:
    """The core's online check (HEAD then GET, redirects followed, answers cached per process)."""
    from editor.core.online import check_links_online

    return check_links_online(article, [])


def online_statuses(findings: Iterable[Any]) -> dict[tuple[int, int], OnlineStatus]:
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
        self._links: list[Any] = []
        self._review: Any | None = None
        self._article: Any | None = None
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
    def set_links(self, links: Iterable[Any], review: Any | None = None, article: Any | None = None) -> None:
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

    def refresh(self, review: Any | None = None) -> None:
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
        lines = [f"{_state_label(row.state)}: {row.text}"]
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
            parts = [f"{_state_label(state)}: {counts[state]}" for state in LinkState if counts[state]]
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
