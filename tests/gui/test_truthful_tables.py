"""The findings table, the legend, the chips and the status bar tell the same truth as the review.

Driven through the real window offscreen: text deleted with the keyboard, filters chosen in the real combo boxes.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from editor.gui.colors import category_label
from editor.gui.models.findings import ItemIdRole, StatusRole
from tests.gui.conftest import open_and_wait


def _table_rows(window: Any) -> dict[int, str]:
    """Item id -> status of every row the table shows (through the filter proxy, as the person sees it)."""
    proxy = window.findings.proxy
    rows = {}
    for r in range(proxy.rowCount()):
        idx = proxy.index(r, 0)
        rows[int(idx.data(ItemIdRole))] = str(idx.data(StatusRole))
    return rows


def _status_pending(window: Any) -> int:
    match = re.match(r"(\d+) pending", window.counts_label.text())
    assert match, window.counts_label.text()
    return int(match.group(1))


def _delete_with_keyboard(window: Any, start: int, end: int) -> None:
    window.activateWindow()
    window.clean.setFocus()
    window.clean.set_cursor_position(start)
    for _ in range(end - start):
        QTest.keyClick(window.clean, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(window.clean, Qt.Key.Key_Delete)


def test_deleting_a_link_by_hand_drops_its_pending_row_and_the_counts_agree(qtbot: Any, window: Any) -> None:
    open_and_wait(qtbot, window, [])
    review = window.review
    link = next(it for it in review.pending() if it.rule == "link.spaced")
    assert _table_rows(window)[link.id] == "pending"
    _delete_with_keyboard(window, link.start, link.end)
    assert "www. energie-europe. fr" not in window.clean.text()
    # at once, before any re-check: the row is gone and the status bar counts what the table shows
    assert link.id not in _table_rows(window)
    pending_rows = [i for i, s in _table_rows(window).items() if s == "pending"]
    assert _status_pending(window) == len(pending_rows) == len(review.pending())
    with qtbot.waitSignal(window.rechecked, timeout=15_000):
        pass
    rows = _table_rows(window)
    assert link.id not in rows
    assert all(review.item(i) is not None for i in rows)  # no row of a finding the review dropped
    pending_rows = [i for i, s in rows.items() if s == "pending"]
    assert sorted(pending_rows) == sorted(it.id for it in review.pending())
    assert _status_pending(window) == len(pending_rows)
    legend_total = sum(int(re.search(r"(\d+)", window.legend.row_text(c)).group(1)) for c in window.legend._rows)
    assert legend_total == len(pending_rows)


def test_a_filter_with_no_rows_says_why(qtbot: Any, window: Any) -> None:
    open_and_wait(qtbot, window, [])
    panel = window.findings
    assert not panel.empty_label.isVisible()
    # every casing finding decided: the "Pending" filter on that category has nothing left
    for it in [it for it in window.review.pending() if it.finding.category == "casing"]:
        window.select_item(it.id)
        window.reject()
    panel.status.setCurrentIndex(panel.status.findText("Pending"))
    panel.chips["casing"].click()
    assert panel.proxy.rowCount() == 0
    assert panel.empty_label.isVisible()
    assert "reviewed" in panel.empty_label.text().lower()
    # a search that matches nothing says so, not "reviewed"
    panel.chips["casing"].click()
    panel.search.setText("zzz-no-such-finding")
    assert panel.proxy.rowCount() == 0
    assert panel.empty_label.isVisible()
    assert "match" in panel.empty_label.text().lower()
    panel.search.clear()
    assert panel.proxy.rowCount() > 0
    assert not panel.empty_label.isVisible()


def test_legend_and_chips_count_the_same_thing_or_say_which(qtbot: Any, window: Any) -> None:
    open_and_wait(qtbot, window, [])
    panel = window.findings
    typo = next(it for it in window.review.pending() if it.finding.category == "typography")
    window.select_item(typo.id)
    window.reject()  # now typography has decided findings too: pending and all differ
    pending = sum(1 for it in window.review.pending() if it.finding.category == "typography")
    everything = sum(1 for it in window.review.items if it.finding.category == "typography")
    assert pending < everything
    label = category_label("typography")
    assert window.legend.row_text("typography") == f"{label} ({pending} pending)"
    # with "All statuses" the chip counts every finding and says so
    panel.status.setCurrentIndex(panel.status.findText("All statuses"))
    chip = panel.chips["typography"]
    assert chip.text() == f"{label} {everything}"
    assert f"{everything} finding" in chip.toolTip() and f"{pending} pending" in chip.toolTip()
    # with the "Pending" filter, the chip and the legend show the same number
    panel.status.setCurrentIndex(panel.status.findText("Pending"))
    assert chip.text() == f"{label} {pending}"
    chip.click()
    assert panel.proxy.rowCount() == pending
