"""The open articles as a list model: title, review status (todo, in progress, done) and pending findings."""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, QPointF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

from editor.gui.colors import STATUS_COLORS

_Index = QModelIndex | QPersistentModelIndex
StatusRole = Qt.ItemDataRole.UserRole + 1
PendingRole = Qt.ItemDataRole.UserRole + 2  # pending findings, None while not counted yet


def status_icon(status: str, size: int = 14) -> QIcon:
    """Todo: an empty circle; in progress: a half-filled one; done: a filled green circle with a tick."""
    pix = QPixmap(size, size)
    pix.fill(QColor(0, 0, 0, 0))
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    r = size - 3
    if status == "done":
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(STATUS_COLORS["done"]))
        p.drawEllipse(1, 1, r, r)
        pen = QPen(QColor("white"))
        pen.setWidthF(1.8)
        p.setPen(pen)
        p.drawPolyline(
            [QPointF(size * 0.28, size * 0.52), QPointF(size * 0.45, size * 0.68), QPointF(size * 0.72, size * 0.34)]
        )
    elif status in ("in_progress", "in progress"):
        pen = QPen(QColor(STATUS_COLORS["in_progress"]))
        pen.setWidthF(1.5)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(1, 1, r, r)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(STATUS_COLORS["in_progress"]))
        p.drawPie(1, 1, r, r, 90 * 16, 180 * 16)
    else:
        pen = QPen(QColor(STATUS_COLORS["todo"]))
        pen.setWidthF(1.5)
        p.setPen(pen)
        p.drawEllipse(1, 1, r, r)
    p.end()
    return QIcon(pix)


@dataclass(slots=True)
class ArticleRow:
    label: str
    status: str = "todo"  # todo / in_progress / done
    pending: int | None = None  # None: not analysed yet
    error: str = ""


class ArticleListModel(QAbstractListModel):
    """One row per open article: its title, review status icon and pending findings."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ArticleRow] = []
        self._icons = {s: status_icon(s) for s in ("todo", "in_progress", "done")}

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> str | int | QIcon | None:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            label = " ".join(row.label.split())[:120] or self.tr("(untitled)")
            if row.pending is None:
                return label
            return self.tr("{label} — {n} pending").format(label=label, n=row.pending)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icons.get(row.status, self._icons["todo"])
        if role == Qt.ItemDataRole.ToolTipRole:
            # Escaped rich text: Qt renders a tooltip that looks like HTML, and a title holding
            # <img src="/dev/zero"> would then be loaded (the window freezes or aborts).
            return f"<p style='white-space:pre-wrap'>{html.escape(row.label)}</p>"
        if role == StatusRole:
            return row.status
        if role == PendingRole:
            return row.pending
        return None

    def append(self, row: ArticleRow) -> int:
        n = len(self._rows)
        self.beginInsertRows(QModelIndex(), n, n)
        self._rows.append(row)
        self.endInsertRows()
        return n

    def extend(self, rows: list[ArticleRow]) -> None:
        if not rows:
            return
        n = len(self._rows)
        self.beginInsertRows(QModelIndex(), n, n + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def clear(self) -> None:
        self.beginResetModel()
        self._rows = []
        self.endResetModel()

    def row(self, i: int) -> ArticleRow:
        return self._rows[i]

    def update(self, i: int, *, status: str | None = None, pending: int | None = None) -> None:
        row = self._rows[i]
        if status is not None:
            row.status = status
        if pending is not None:
            row.pending = pending
        idx = self.index(i, 0)
        self.dataChanged.emit(idx, idx)
