"""The findings panel: filter chips per category (with counts), a severity filter, a search box and the table.

Selecting a row emits `itemSelected(item_id)`; the window then selects that finding in both panes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor.core.findings import CATEGORIES
from editor.gui.colors import category_color, category_label
from editor.gui.models.findings import (
    COL_CATEGORY,
    COL_RULE,
    COL_SEVERITY,
    COL_STATUS,
    COL_SUGGESTION,
    COL_TEXT,
    FindingsFilter,
    FindingsModel,
    ItemIdRole,
    Row,
    severity_label,
    status_label,
)


class FlowLayout(QLayout):
    """Widgets left to right, wrapping to the next line (the chips)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setContentsMargins(0, 0, 0, 0)
        self.setSpacing(spacing)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, apply=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _place(self, rect: QRect, apply: bool) -> int:
        x, y, line = rect.x(), rect.y(), 0
        gap = self.spacing()
        for item in self._items:
            widget = item.widget()
            if widget is not None and widget.isHidden():
                continue
            hint = item.sizeHint()
            if x + hint.width() > rect.right() and line > 0:
                x = rect.x()
                y += line + gap
                line = 0
            if apply:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + gap
            line = max(line, hint.height())
        return y + line - rect.y()


def column_widths(fm: QFontMetrics, model: FindingsModel) -> dict[int, int]:
    """Each narrow column as wide as its longest label in the interface language (French labels are longer:
    "avertissement", "corrigé automatiquement"), so no label is cut to "avertisse…"."""
    labels = {
        COL_CATEGORY: [category_label(c) for c in CATEGORIES],
        COL_RULE: ["typography.apostrophe"],
        COL_SUGGESTION: ["Suggestion___"],
        COL_SEVERITY: [severity_label(s) for s in ("error", "warning", "info")],
        COL_STATUS: [status_label(s) for s in ("pending", "accepted", "rejected", "ignored", "auto", "reverted")],
    }
    out = {}
    for col, texts in labels.items():
        header = str(model.headerData(col, Qt.Orientation.Horizontal))
        # the header also holds the sort arrow; cells have a margin on each side
        out[col] = max([fm.horizontalAdvance(header) + 28, *(fm.horizontalAdvance(t) + 16 for t in texts)])
    return out


def colour_dot(colour: QColor, size: int = 10) -> QIcon:
    pix = QPixmap(size, size)
    pix.fill(QColor(0, 0, 0, 0))
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colour)
    p.drawEllipse(0, 0, size - 1, size - 1)
    p.end()
    return QIcon(pix)


class FindingsPanel(QWidget):
    itemSelected = Signal(int)
    itemActivated = Signal(int)  # double click / Return: go there and focus the Cleaned pane
    menuRequested = Signal(int, QPoint)  # right click on a row: item id, global position

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findingsPanel")
        self.model = FindingsModel(self)
        self.proxy = FindingsFilter(self)
        self.proxy.setSourceModel(self.model)
        self._quiet = False
        self._reviewed = False  # False while there is no review (loading, analysing): an empty table says nothing

        self._build_filters()
        chip_box = self._build_chips()
        self._build_table()
        self._build_empty_label()

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.search, 1)
        top.addWidget(self.severity)
        top.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(chip_box)
        layout.addWidget(self.table, 1)

    def _build_filters(self) -> None:
        self.search = QLineEdit(self)
        self.search.setObjectName("findingsSearch")
        self.search.setPlaceholderText(self.tr("Search findings…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_search)
        self.search.textChanged.connect(self._update_empty)

        self.severity = QComboBox(self)
        self.severity.setObjectName("severityFilter")
        self.severity.addItem(self.tr("All severities"), "info")
        self.severity.addItem(self.tr("Warnings and errors"), "warning")
        self.severity.addItem(self.tr("Errors only"), "error")
        self.severity.currentIndexChanged.connect(self._severity_changed)

        self.status = QComboBox(self)
        self.status.setObjectName("statusFilter")
        self.status.addItem(self.tr("Pending"), ["pending"])
        self.status.addItem(self.tr("All statuses"), None)
        self.status.addItem(self.tr("Decided"), ["accepted", "rejected", "ignored"])
        self.status.addItem(self.tr("Automatic fixes"), ["auto", "reverted"])
        self.status.setCurrentIndex(1)  # "All statuses", the filter's default
        self.status.currentIndexChanged.connect(self._status_changed)

    def _build_chips(self) -> QWidget:
        self.chips: dict[str, QToolButton] = {}
        chip_box = QWidget(self)
        flow = FlowLayout(chip_box, spacing=3)
        self.all_chip = QToolButton(chip_box)
        self.all_chip.setObjectName("chip-all")
        self.all_chip.setText(self.tr("All"))
        self.all_chip.setCheckable(True)
        self.all_chip.setChecked(True)
        self.all_chip.clicked.connect(self._all_clicked)
        flow.addWidget(self.all_chip)
        for category in CATEGORIES:
            chip = QToolButton(chip_box)
            chip.setObjectName(f"chip-{category}")
            chip.setCheckable(True)
            chip.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            chip.setIcon(colour_dot(category_color(category, self.palette())))
            chip.clicked.connect(self._chips_changed)
            self.chips[category] = chip
            flow.addWidget(chip)
        return chip_box

    def _build_table(self) -> None:
        self.table = QTableView(self)
        self.table.setObjectName("findingsTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        for col, width in column_widths(self.fontMetrics(), self.model).items():
            header.resizeSection(col, width)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.activated.connect(self._activated)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)

    def _build_empty_label(self) -> None:
        # An empty table is never blank: it says whether everything is reviewed or the filters match nothing.
        self.empty_label = QLabel(self.table.viewport())
        self.empty_label.setObjectName("findingsEmpty")
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()
        self.table.viewport().installEventFilter(self)
        proxy = self.proxy
        for signal in (proxy.rowsInserted, proxy.rowsRemoved, proxy.modelReset, proxy.layoutChanged):
            signal.connect(self._update_empty)
        self._update_chip_labels()

    def ensure_label_widths(self) -> None:
        """Widen columns a saved layout left narrower than their labels (saved in another language)."""
        header = self.table.horizontalHeader()
        for col, width in column_widths(self.fontMetrics(), self.model).items():
            if header.sectionSize(col) < width:
                header.resizeSection(col, width)

    # -- content ---------------------------------------------------------------------------------------------------
    def clear(self) -> None:
        """No review to show (loading, analysing): an empty table without a placeholder."""
        self._reviewed = False
        self.set_items([])
        self._reviewed = False
        self._update_empty()

    def set_items(self, items: object) -> None:
        self._reviewed = True
        current = self.current_item()
        self._quiet = True
        try:
            self.model.set_items(items)  # type: ignore[arg-type]
            if current is not None:
                self.select_item(current)
        finally:
            self._quiet = False
        self._update_chip_labels()

    def update_rows(self, removed: object, added: object, changed: object = ()) -> None:
        current = self.current_item()
        quiet = self._quiet
        self._quiet = True
        try:
            self.model.update_rows(removed, added)  # type: ignore[arg-type]
            self.model.refresh_rows(changed)  # type: ignore[arg-type]
            if current is not None:
                self.select_item(current)
        finally:
            self._quiet = quiet
        self._update_chip_labels()

    def set_rows(self, rows: list[Row]) -> None:
        self._reviewed = True
        self.model.set_rows(rows)
        self._update_chip_labels()

    def current_item(self) -> int | None:
        idx = self.table.currentIndex()
        if not idx.isValid():
            return None
        value = idx.data(ItemIdRole)
        return int(value) if value is not None else None

    def select_item(self, item_id: int | None) -> None:
        """Make `item_id` the current row without emitting itemSelected (the window already shows it)."""
        quiet = self._quiet
        self._quiet = True
        try:
            sel = self.table.selectionModel()
            row = self.model.row_for(item_id) if item_id is not None else None
            if row is None:
                sel.clearCurrentIndex()
                sel.clearSelection()
                return
            idx = self.proxy.mapFromSource(self.model.index(row, 0))
            if not idx.isValid():
                sel.clearSelection()
                return
            sel.setCurrentIndex(
                idx, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
            self.table.scrollTo(idx)
        finally:
            self._quiet = quiet

    def show_only(self, category: str | None) -> None:
        """Filter to one category (None: all), as clicking a legend row does."""
        self.all_chip.setChecked(category is None)
        for c, chip in self.chips.items():
            chip.setChecked(c == category)
        self._apply_chips()

    # -- internals ---------------------------------------------------------------------------------------------------
    def _update_chip_labels(self) -> None:
        """Each chip counts the rows of its category that the status filter lets through (what clicking it
        shows); the tooltip gives both that and the pending count, which is what the legend counts."""
        counted, everything, pending = self.model.category_counts(self.proxy.statuses())
        which = self.status.currentText().lower()
        for category, chip in self.chips.items():
            n = counted.get(category, 0)
            chip.setText(f"{category_label(category)} {n}")
            chip.setToolTip(
                self.tr("{n} finding(s) ({which}): {total} in all, {p} pending").format(
                    n=n, which=which, total=everything.get(category, 0), p=pending.get(category, 0)
                )
            )
            chip.setVisible(everything.get(category, 0) > 0 or chip.isChecked())
        self.all_chip.setText(self.tr("All {n}").format(n=sum(counted.values())))
        self._update_empty()

    def _severity_changed(self, _index: int) -> None:
        self.proxy.set_min_severity(str(self.severity.currentData()))
        self._update_empty()

    def _status_changed(self, _index: int) -> None:
        self.proxy.set_statuses(self.status.currentData())
        self._update_chip_labels()

    def _update_empty(self, *_args: object) -> None:
        """Say why the table is empty: nothing in the article, all reviewed, or nothing matches the filters."""
        if not self._reviewed or self.proxy.rowCount() > 0:
            self.empty_label.hide()
            return
        rows = self.model.rows()
        candidates = [r for r in rows if self.proxy.accepts_ignoring_status(r)]
        if not rows:
            text = self.tr("No findings in this article.")
        elif candidates and not any(r.status == "pending" for r in candidates):
            text = self.tr("All reviewed: no finding pending here.")
        else:
            text = self.tr("Nothing matches these filters.")
        self.empty_label.setText(text)
        self.empty_label.setGeometry(self.table.viewport().rect())
        self.empty_label.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.empty_label.setGeometry(self.table.viewport().rect())
        return super().eventFilter(watched, event)

    def _all_clicked(self) -> None:
        self.show_only(None)

    def _chips_changed(self) -> None:
        any_checked = any(ch.isChecked() for ch in self.chips.values())
        self.all_chip.setChecked(not any_checked)
        self._apply_chips()

    def _apply_chips(self) -> None:
        chosen = [c for c, ch in self.chips.items() if ch.isChecked()]
        self.proxy.set_categories(chosen or None)
        self._update_chip_labels()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._quiet or not current.isValid():
            return
        value = current.data(ItemIdRole)
        if value is not None:
            self.itemSelected.emit(int(value))

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        value = index.data(ItemIdRole) if index.isValid() else None
        if value is not None:
            self.menuRequested.emit(int(value), self.table.viewport().mapToGlobal(pos))

    def _activated(self, index: QModelIndex) -> None:
        value = index.data(ItemIdRole)
        if value is not None:
            self.itemActivated.emit(int(value))
