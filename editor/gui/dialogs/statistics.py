"""The statistics view: findings per category, rule and decision, for the shown article or the whole session,
with a bar chart and an export to the very CSV/HTML report `galley export --report` writes.

The figures come from `editor.core.stats` (Qt-free); the chart is painted by hand (Qt Charts is not part of
PySide6-Essentials): one bar per category, split by decision. Names are shown as plain text.

    dialog = StatisticsDialog(tallies_of, parent=window)   # tallies_of(whole_session) -> list[Tally]
    dialog.show()
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from editor.core.stats import STATUSES, Stats, Tally, ratio, write_report
from editor.gui.colors import category_label
from editor.gui.models.findings import status_label

STATUS_COLORS = {
    "pending": "#9e9e9e",
    "accepted": "#2e7d32",
    "rejected": "#c62828",
    "ignored": "#f9a825",
    "auto": "#1565c0",
    "reverted": "#6a1b9a",
}


class BarChart(QWidget):
    """Horizontal stacked bars: one per name, split by status, with a legend; painted, no Qt Charts."""

    BAR = 18

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statisticsChart")
        self.rows: list[tuple[str, Counter[str]]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_rows(self, rows: Sequence[tuple[str, Counter[str]]]) -> None:
        self.rows = list(rows)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(480, (len(self.rows) + 2) * (self.BAR + 6) + 8)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, self.sizeHint().height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        label_w = max((metrics.horizontalAdvance(name) for name, _ in self.rows), default=0) + 12
        count_w = metrics.horizontalAdvance("000000") + 8
        width = max(10, self.width() - label_w - count_w - 8)
        biggest = max((sum(c.values()) for _, c in self.rows), default=0) or 1
        text_color = self.palette().windowText().color()
        y = 4
        for name, counts in self.rows:
            painter.setPen(text_color)
            painter.drawText(QRectF(4, y, label_w - 8, self.BAR), Qt.AlignmentFlag.AlignVCenter, name)
            x = float(label_w)
            for status in STATUSES:
                w = width * counts[status] / biggest
                if w > 0:
                    painter.fillRect(QRectF(x, y, w, self.BAR), QColor(STATUS_COLORS[status]))
                    x += w
            painter.setPen(text_color)
            painter.drawText(
                QRectF(x + 4, y, count_w, self.BAR), Qt.AlignmentFlag.AlignVCenter, str(sum(counts.values()))
            )
            y += self.BAR + 6
        x = 4.0
        y += 4
        for status in STATUSES:  # legend
            painter.fillRect(QRectF(x, y + 4, 10, 10), QColor(STATUS_COLORS[status]))
            label = status_label(status)
            painter.setPen(text_color)
            painter.drawText(QRectF(x + 14, y, metrics.horizontalAdvance(label) + 4, self.BAR), 0, label)
            x += metrics.horizontalAdvance(label) + 30
        painter.end()


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.0f} %"


class StatisticsDialog(QDialog):
    """Figures of the shown article or of the whole session, a chart, and the report export."""

    def __init__(self, tallies_of: Callable[[bool], list[Tally]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statisticsDialog")
        self.setWindowTitle(self.tr("Statistics"))
        self._tallies_of = tallies_of
        self.scope = QComboBox(self)
        self.scope.setObjectName("statisticsScope")
        self.scope.addItems([self.tr("This article"), self.tr("Whole session")])
        scope_label = QLabel(self.tr("&Show:"), self)
        scope_label.setBuddy(self.scope)
        self.summary = QLabel(self)
        self.summary.setObjectName("statisticsSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.chart = BarChart(self)
        self.tabs = QTabWidget(self)
        self.categories = self._table("statisticsCategories", self.tr("Category"))
        self.rules = self._table("statisticsRules", self.tr("Rule"))
        self.tabs.addTab(self.categories, self.tr("By &category"))
        self.tabs.addTab(self.rules, self.tr("By &rule"))
        self.export_button = QPushButton(self.tr("&Export Report…"), self)
        self.export_button.setObjectName("statisticsExport")
        self.export_button.clicked.connect(self.export_dialog)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.close)
        top = QHBoxLayout()
        top.addWidget(scope_label)
        top.addWidget(self.scope)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.chart)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        self.scope.currentIndexChanged.connect(lambda _i: self.refresh())
        self.resize(900, 640)
        self.stats = Stats.of([])
        self.refresh()

    def _table(self, name: str, first: str) -> QTableWidget:
        headers = [first, self.tr("Findings"), *(status_label(s) for s in STATUSES)]
        headers += [self.tr("Accepted %"), self.tr("Rejected %")]
        table = QTableWidget(0, len(headers), self)
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(False)
        table.setSortingEnabled(True)
        table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return table

    @property
    def whole_session(self) -> bool:
        return self.scope.currentIndex() == 1

    def tallies(self) -> list[Tally]:
        return self._tallies_of(self.whole_session)

    def refresh(self) -> None:
        """Count again (decisions may have been made since the view opened)."""
        self.stats = stats = Stats.of(self.tallies())
        total = sum(stats.total.values())
        text = self.tr("{n} finding(s): accepted {a}, rejected {r} of those decided.").format(
            n=total, a=_percent(ratio(stats.total, "accepted")), r=_percent(ratio(stats.total, "rejected"))
        )
        text += " " + self.tr("Articles: {done} done, {pending} not done.").format(
            done=stats.articles_done, pending=stats.articles_pending
        )
        if stats.articles_unanalysed:
            text += " " + self.tr("{n} not analysed yet (not counted).").format(n=stats.articles_unanalysed)
        self.summary.setText(text)
        self._fill(self.categories, [(category_label(c), n) for c, n in stats.by_category.items()])
        self._fill(self.rules, list(stats.by_rule.items()))
        self.chart.set_rows([(category_label(c), n) for c, n in stats.by_category.items()])

    @staticmethod
    def _fill(table: QTableWidget, rows: list[tuple[str, Counter[str]]]) -> None:
        table.setSortingEnabled(False)
        table.setRowCount(len(rows))
        for r, (name, counts) in enumerate(rows):
            values: list[str | int] = [name, sum(counts.values()), *(counts[s] for s in STATUSES)]
            values += [_percent(ratio(counts, "accepted")), _percent(ratio(counts, "rejected"))]
            for c, value in enumerate(values):
                cell = QTableWidgetItem()
                if isinstance(value, int):
                    cell.setData(Qt.ItemDataRole.DisplayRole, value)
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                else:
                    cell.setText(value)
                table.setItem(r, c, cell)
        table.setSortingEnabled(True)

    def export_to(self, path: str) -> str | None:
        """Write the report of what is shown; returns an error message for the person, or None."""
        try:
            write_report(path, self.tallies())
        except (ValueError, OSError) as e:
            return str(e)
        return None

    def export_dialog(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export Report"), "galley-report.html", self.tr("HTML report (*.html);;CSV report (*.csv)")
        )
        if not path:
            return
        error = self.export_to(path)
        if error is not None:
            self.summary.setText(self.tr("The report could not be written: {error}").format(error=error))
        else:
            self.summary.setText(self.tr("Report written: {path}").format(path=path))
