"""The article list (a dock shown when more than one article is open): status icon, pending count, and a filter
that keeps only the articles with findings still to review."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Signal
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QListView, QVBoxLayout, QWidget

from editor.gui.models.articles import ArticleListModel, PendingRole


class PendingFilter(QSortFilterProxyModel):
    """Only the articles with pending findings, when on. Articles not counted yet stay listed: their work is
    unknown, not done."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.only_pending = False

    def set_only_pending(self, on: bool) -> None:
        self.beginFilterChange()
        self.only_pending = on
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self.only_pending:
            return True
        n = self.sourceModel().index(source_row, 0, source_parent).data(PendingRole)
        return n is None or int(n) > 0


class ArticleList(QWidget):
    articleChosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleList")
        self.model = ArticleListModel(self)
        self.proxy = PendingFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setDynamicSortFilter(True)  # a count that changes re-filters its row
        self.only_pending = QCheckBox(self.tr("Only articles with &pending findings"), self)
        self.only_pending.setObjectName("onlyPending")
        self.only_pending.toggled.connect(self.proxy.set_only_pending)
        self.view = QListView(self)
        self.view.setObjectName("articleView")
        self.view.setModel(self.proxy)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setUniformItemSizes(True)
        self.view.activated.connect(self._chosen)
        self.view.clicked.connect(self._chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.only_pending)
        layout.addWidget(self.view)

    def _chosen(self, index: QModelIndex) -> None:
        source = self.proxy.mapToSource(index)
        if source.isValid():
            self.articleChosen.emit(source.row())

    def set_current(self, i: int) -> None:
        self.view.setCurrentIndex(self.proxy.mapFromSource(self.model.index(i, 0)))

    def shown_rows(self) -> list[int]:
        """The articles listed (indexes into the window's articles), in order."""
        return [self.proxy.mapToSource(self.proxy.index(r, 0)).row() for r in range(self.proxy.rowCount())]
