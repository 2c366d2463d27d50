"""The findings model and its filter proxy under Qt's own model tester, on real review items."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from editor.core.article import Article
from editor.core.review import Review
from editor.gui.models.findings import COL_SEVERITY, COL_STATUS, FindingsFilter, FindingsModel, ItemIdRole


@pytest.fixture
def review(sample_text: str) -> Review:
    return Review.open(Article(sample_text, lang="fr"))


def test_model_and_proxy_pass_the_model_tester(qtbot: Any, review: Review) -> None:
    model = FindingsModel()
    proxy = FindingsFilter()
    proxy.setSourceModel(model)
    mode = QAbstractItemModelTester.FailureReportingMode.Fatal
    QAbstractItemModelTester(model, mode)
    QAbstractItemModelTester(proxy, mode)
    model.set_items(review.items)
    assert model.rowCount() == len(review.items)
    # a status change refreshes rows in place (same ids, same order)
    first = review.pending()[0]
    review.reject(first.id)
    model.set_items(review.items)
    row = model.row_for(first.id)
    assert row is not None
    assert model.index(row, COL_STATUS).data() == "rejected"
    # accepting changes text and items: a reset
    review.accept(review.pending()[0].id)
    model.set_items(review.items)
    proxy.set_categories({"typography"})
    assert all(proxy.index(r, 0).data() == "Typography" for r in range(proxy.rowCount()))
    proxy.set_categories(None)
    proxy.set_min_severity("error")
    assert all(proxy.index(r, COL_SEVERITY).data() == "error" for r in range(proxy.rowCount()))
    proxy.set_min_severity("info")
    proxy.set_statuses(["pending"])
    assert proxy.rowCount() == len(review.pending())
    proxy.set_statuses(None)
    proxy.set_search("selenskyj")
    assert proxy.rowCount() == 1
    proxy.set_search("")
    proxy.sort(COL_SEVERITY, Qt.SortOrder.AscendingOrder)
    sev = [proxy.index(r, COL_SEVERITY).data() for r in range(proxy.rowCount())]
    order = {"error": 0, "warning": 1, "info": 2}
    assert sev == sorted(sev, key=order.__getitem__)
    model.clear()
    assert proxy.rowCount() == 0


def test_rows_are_keyed_by_item_id(review: Review) -> None:
    model = FindingsModel()
    model.set_items(review.items)
    for row, item in enumerate(review.items):
        assert model.index(row, 0).data(ItemIdRole) == item.id
        assert model.row_for(item.id) == row
    # table cells are one line: a multi-line finding shows ⏎, never a raw line break
    texts = [model.index(r, 2).data() for r in range(model.rowCount())]
    assert all("\n" not in t for t in texts)
