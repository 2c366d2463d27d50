"""The links of an article as a table model: each link found in the raw text, with what became of it.

States, from the person's point of view: ok, malformed (broken by scraping or machine translation, not fixed
yet), repaired (a fix was accepted), removed (gone from the cleaned text), dead (the online check failed on it).
`start`/`end` of every row are raw-text code points.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QPalette

from editor.gui.colors import category_color

if TYPE_CHECKING:
    from editor.core.review import Review
    from editor.core.urls import Link


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
    links: Iterable[Link], review: Review | None = None, online: Mapping[tuple[int, int], OnlineStatus] | None = None
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


def state_label(state: LinkState) -> str:
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
    """Rows of `LinkRow`; columns: state, link, becomes, detail. Display text is plain (link text may hold markup)."""

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
                return state_label(row.state)
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
            # (an <img> would be loaded).
            lines = (x for x in (row.text, row.target if row.target != row.text else "", row.detail) if x)
            return "<p style='white-space:pre-wrap'>" + "<br>".join(html.escape(x) for x in lines) + "</p>"
        if role == Qt.ItemDataRole.DecorationRole and col == self.STATE:
            return state_color(row.state, self.palette)
        if role == self.RowRole:
            return row
        if role == Qt.ItemDataRole.UserRole and col == self.STATE:
            return str(row.state)  # sort/filter key
        return None
