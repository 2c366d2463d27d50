"""The findings table: one row per review item, filtered and sorted through a proxy.

Rows are keyed by the review item's stable id (never by row number), so a selection survives sorting,
filtering and status changes. The model holds small row snapshots; the review model stays the truth.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush

if TYPE_CHECKING:
    from editor.core.review import Item

from editor.gui.colors import category_color, category_label

ItemIdRole = Qt.ItemDataRole.UserRole + 1
CategoryRole = Qt.ItemDataRole.UserRole + 2
SeverityRole = Qt.ItemDataRole.UserRole + 3
StatusRole = Qt.ItemDataRole.UserRole + 4
SortRole = Qt.ItemDataRole.UserRole + 5
SearchRole = Qt.ItemDataRole.UserRole + 6

COL_CATEGORY, COL_RULE, COL_TEXT, COL_SUGGESTION, COL_SEVERITY, COL_STATUS = range(6)
SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
_Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("FindingsModel", text)


def severity_label(severity: str) -> str:
    return {"error": _tr("error"), "warning": _tr("warning"), "info": _tr("info")}.get(severity, severity)


def status_label(status: str) -> str:
    labels = {
        "pending": _tr("pending"),
        "accepted": _tr("accepted"),
        "rejected": _tr("rejected"),
        "ignored": _tr("ignored"),
        "auto": _tr("fixed automatically"),
        "reverted": _tr("reverted"),
    }
    return labels.get(status, status)


def _searchable(row: Row) -> str:
    return f"{row.text}\n{row.suggestion}\n{row.message}\n{row.rule}".casefold()


def _one_line(text: str, limit: int = 80) -> str:
    """Table cells show one short line: line breaks become ⏎, long text is cut."""
    flat = text.replace("\n", " ⏎ ")
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


@dataclass(frozen=True, slots=True)
class Row:
    """What the table shows of one review item."""

    item_id: int
    category: str
    rule: str
    text: str
    suggestion: str
    severity: str
    status: str
    message: str
    start: int
    has_suggestion: bool = False

    @classmethod
    def from_item(cls, item: Item) -> Row:
        f = item.finding
        suggestion = f.suggestions[0] if f.suggestions else ""
        return cls(
            int(item.id),
            f.category,
            f.rule,
            f.text,
            suggestion,
            str(f.severity),
            str(item.status),
            f.message,
            int(getattr(item, "start", f.start)),
            bool(f.suggestions),
        )


class FindingsModel(QAbstractTableModel):
    """Review items as table rows: category, rule, text, first suggestion, severity, status."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []
        self._row_of: dict[int, int] = {}

    # -- filling ------------------------------------------------------------------------------------------------
    def set_items(self, items: Iterable[Item]) -> None:
        """Show these items; when the same ids are shown in the same order only changed rows are refreshed."""
        rows = [Row.from_item(it) for it in items]
        if [r.item_id for r in rows] == [r.item_id for r in self._rows]:
            changed = [i for i, (a, b) in enumerate(zip(rows, self._rows, strict=True)) if a != b]
            self._rows = rows
            if changed:
                self.dataChanged.emit(self.index(min(changed), 0), self.index(max(changed), self.columnCount() - 1))
            return
        self.beginResetModel()
        self._rows = rows
        self._row_of = {r.item_id: i for i, r in enumerate(rows)}
        self.endResetModel()

    def set_rows(self, rows: list[Row]) -> None:
        """Show rows built elsewhere (by the analysis worker)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._row_of = {r.item_id: i for i, r in enumerate(self._rows)}
        self.endResetModel()

    def update_rows(self, removed: Iterable[int], added: Iterable[Item]) -> None:
        """Drop the rows of `removed` ids and append rows for `added` items (a paragraph re-check: a few rows
        change among thousands, so no reset)."""
        gone = sorted((self._row_of[i] for i in removed if i in self._row_of), reverse=True)
        for row in gone:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
        if gone:
            self._row_of = {r.item_id: i for i, r in enumerate(self._rows)}
        new = [Row.from_item(it) for it in added if int(it.id) not in self._row_of]
        if new:
            n = len(self._rows)
            self.beginInsertRows(QModelIndex(), n, n + len(new) - 1)
            self._rows.extend(new)
            for k, r in enumerate(new):
                self._row_of[r.item_id] = n + k
            self.endInsertRows()

    def refresh_rows(self, items: Iterable[Item]) -> None:
        """New snapshots of rows already shown (a status or span change): one dataChanged per changed row."""
        last = self.columnCount() - 1
        for it in items:
            row = self._row_of.get(int(it.id))
            if row is None:
                continue
            fresh = Row.from_item(it)
            if fresh != self._rows[row]:
                self._rows[row] = fresh
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def clear(self) -> None:
        self.set_items(())

    def rows(self) -> Sequence[Row]:
        return self._rows

    def row_for(self, item_id: int) -> int | None:
        return self._row_of.get(item_id)

    def item_id(self, row: int) -> int:
        return self._rows[row].item_id

    def category_counts(
        self, statuses: Collection[str] | None
    ) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
        """Rows per category of these statuses (None: all), of every status, and pending: in one pass over the
        rows, which the chips recount after every re-check."""
        counted: dict[str, int] = {}
        everything: dict[str, int] = {}
        pending: dict[str, int] = {}
        for r in self._rows:
            c = r.category
            everything[c] = everything.get(c, 0) + 1
            if statuses is None or r.status in statuses:
                counted[c] = counted.get(c, 0) + 1
            if r.status == "pending":
                pending[c] = pending.get(c, 0) + 1
        return counted, everything, pending

    # -- QAbstractTableModel ---------------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 6:
            return (_tr("Category"), _tr("Rule"), _tr("Text"), _tr("Suggestion"), _tr("Severity"), _tr("Status"))[
                section
            ]
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_CATEGORY:
                return category_label(r.category)
            if col == COL_RULE:
                return r.rule
            if col == COL_TEXT:
                return _one_line(r.text)
            if col == COL_SUGGESTION:
                if not r.has_suggestion:
                    return ""
                return _one_line(r.suggestion) if r.suggestion else _tr("(delete)")
            if col == COL_SEVERITY:
                return severity_label(r.severity)
            if col == COL_STATUS:
                return status_label(r.status)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return r.message
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_CATEGORY:
            return QBrush(category_color(r.category))
        if role == ItemIdRole:
            return r.item_id
        if role == CategoryRole:
            return r.category
        if role == SeverityRole:
            return r.severity
        if role == StatusRole:
            return r.status
        if role == SearchRole:
            return f"{r.text}\n{r.suggestion}\n{r.message}\n{r.rule}".casefold()
        if role == SortRole:
            if col == COL_SEVERITY:
                return SEVERITY_RANK.get(r.severity, 3) * 10_000_000 + r.start
            if col == COL_CATEGORY:
                return f"{r.category}\x00{r.start:012d}"
            if col == COL_STATUS:
                return f"{r.status}\x00{r.start:012d}"
            if col == COL_RULE:
                return f"{r.rule}\x00{r.start:012d}"
            if col == COL_TEXT:
                return r.text.casefold()
            if col == COL_SUGGESTION:
                return r.suggestion.casefold()
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class FindingsFilter(QSortFilterProxyModel):
    """Category chips, a minimum severity, a status filter and a text search over the findings model."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._categories: frozenset[str] | None = None
        self._max_rank = 2
        self._statuses: frozenset[str] | None = None
        self._search = ""
        self.setSortRole(SortRole)
        self.setDynamicSortFilter(True)

    def set_categories(self, categories: Iterable[str] | None) -> None:
        """Only these categories (None: all)."""
        self.beginFilterChange()
        self._categories = frozenset(categories) if categories is not None else None
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def categories(self) -> frozenset[str] | None:
        return self._categories

    def statuses(self) -> frozenset[str] | None:
        return self._statuses

    def accepts_ignoring_status(self, row: Row) -> bool:
        """Whether the row passes every filter but the status one (to tell "all reviewed" from "no match")."""
        return (
            (self._categories is None or row.category in self._categories)
            and SEVERITY_RANK.get(row.severity, 2) <= self._max_rank
            and (not self._search or self._search in _searchable(row))
        )

    def set_min_severity(self, severity: str) -> None:
        """Show findings at least this severe: "info" shows all, "error" only errors."""
        self.beginFilterChange()
        self._max_rank = SEVERITY_RANK.get(severity, 2)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_statuses(self, statuses: Iterable[str] | None) -> None:
        self.beginFilterChange()
        self._statuses = frozenset(statuses) if statuses is not None else None
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._search = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if self._categories is None and self._max_rank >= 2 and self._statuses is None and not self._search:
            return True  # no filter: skip the per-row look-ups (tens of thousands of rows on long articles)
        model = self.sourceModel()
        if isinstance(model, FindingsModel):
            r = model.rows()[source_row]
            return (self._statuses is None or r.status in self._statuses) and self.accepts_ignoring_status(r)
        idx = model.index(source_row, 0, source_parent)
        if self._categories is not None and model.data(idx, CategoryRole) not in self._categories:
            return False
        if SEVERITY_RANK.get(model.data(idx, SeverityRole), 2) > self._max_rank:
            return False
        if self._statuses is not None and model.data(idx, StatusRole) not in self._statuses:
            return False
        return not self._search or self._search in model.data(idx, SearchRole)
