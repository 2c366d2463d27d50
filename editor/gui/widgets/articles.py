"""The article list (a dock shown when more than one article is open): status icon and pending count."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView, QListView, QVBoxLayout, QWidget

from editor.gui.models.articles import ArticleListModel


class ArticleList(QWidget):
    articleChosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleList")
        self.model = ArticleListModel(self)
        self.view = QListView(self)
        self.view.setObjectName("articleView")
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setUniformItemSizes(True)
        self.view.activated.connect(lambda idx: self.articleChosen.emit(idx.row()))
        self.view.clicked.connect(lambda idx: self.articleChosen.emit(idx.row()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def set_current(self, i: int) -> None:
        self.view.setCurrentIndex(self.model.index(i, 0))
