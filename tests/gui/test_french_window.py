"""The window in French: nothing cut short ("avertisse…"), and the detail panel speaks French too."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication

from editor.gui import i18n
from tests.gui.conftest import open_and_wait

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "scripts"))
import build_translations  # noqa: E402


@pytest.fixture
def french(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    saved = QLocale()
    build_translations.build(out_dir=tmp_path, force=True)
    assert i18n.install_translators(qapp, "fr", directory=tmp_path) == "fr"
    yield
    i18n.install_translators(qapp, "en")
    QLocale.setDefault(saved)


def test_french_labels_fit_their_columns_and_the_panel_is_french(qtbot: Any, french: None) -> None:
    from editor.gui.main_window import MainWindow
    from editor.gui.models.findings import COL_SEVERITY, COL_STATUS
    from editor.gui.settings import Settings

    w = MainWindow(Settings())
    qtbot.addWidget(w)
    w.show()
    open_and_wait(qtbot, w, [])
    table = w.findings.table
    fm = table.fontMetrics()
    header = table.horizontalHeader()
    for row in range(w.findings.proxy.rowCount()):
        for col in (COL_SEVERITY, COL_STATUS):
            text = str(w.findings.proxy.index(row, col).data(Qt.ItemDataRole.DisplayRole))
            assert fm.horizontalAdvance(text) + 8 <= header.sectionSize(col), text
    texts = {str(w.findings.proxy.index(r, COL_SEVERITY).data()) for r in range(w.findings.proxy.rowCount())}
    assert "avertissement" in texts
    for col in range(w.findings.model.columnCount()):
        label = str(w.findings.model.headerData(col, Qt.Orientation.Horizontal))
        assert header.fontMetrics().horizontalAdvance(label) <= header.sectionSize(col), label
    target = next(it for it in w.review.pending() if it.text == "Selenskyj")
    w.select_item(target.id)
    assert "Terminologie" in w.finding_actions.detail.shown_text()
    assert w.finding_actions.detail.buttons["reject"].text() == "Re&jeter (Ctrl+Retour arrière)"
    assert w.finding_actions.detail.heading_explanation.text() == "Pourquoi"
    from tests.gui.test_finding_detail import test_panel_keys_clash_with_no_menu

    test_panel_keys_clash_with_no_menu(w)  # the French keys too
    w.close()
    w.jobs.shutdown()
