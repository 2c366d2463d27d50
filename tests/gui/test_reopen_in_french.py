"""A session reviewed in the English window and reopened in the French one: the findings table and the detail
panel speak French, and every decision is where the person left it."""

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
def translations(qapp: QApplication, tmp_path: Path) -> Iterator[Path]:
    saved = QLocale()
    folder = tmp_path / "translations"
    build_translations.build(out_dir=folder, force=True)
    build_translations.build_catalogues()
    yield folder
    i18n.install_translators(qapp, "en")
    QLocale.setDefault(saved)


def _window(qtbot: Any) -> Any:
    from editor.gui.main_window import MainWindow
    from editor.gui.settings import Settings

    w = MainWindow(Settings())
    qtbot.addWidget(w)
    w.show()
    return w


def _tooltips(w: Any) -> dict[int, str]:
    from editor.gui.models.findings import ItemIdRole

    proxy = w.findings.proxy
    out = {}
    for row in range(proxy.rowCount()):
        index = proxy.index(row, 0)
        out[int(index.data(ItemIdRole))] = str(index.data(Qt.ItemDataRole.ToolTipRole))
    return out


def test_english_session_reopened_in_the_french_window(
    qtbot: Any, qapp: QApplication, translations: Path, tmp_path: Path, sample_text: str
) -> None:
    from editor.core.article import Article
    from editor.core.review import Review, Status

    src = tmp_path / "a.txt"
    src.write_text(sample_text, encoding="utf-8")
    session = tmp_path / "work.galley"
    assert i18n.install_translators(qapp, "en", directory=translations) == "en"
    w = _window(qtbot)
    open_and_wait(qtbot, w, [str(src)], str(session))
    riad = next(it for it in w.review.pending() if it.text == "Riad")
    w.select_item(riad.id)
    w.accept_suggestion(1)
    fessenheim = next(it for it in w.review.pending() if it.text == "Fessenheim")
    w.select_item(fessenheim.id)
    w.reject()
    decided = [(it.id, it.status, it.replacement, it.start, it.end) for it in w.review.items]
    english = _tooltips(w)
    cleaned = w.clean.text()
    w.close()
    w.jobs.shutdown()

    assert i18n.install_translators(qapp, "fr", directory=translations) == "fr"
    french_of = {it.finding.key: it.finding.message for it in Review.open(Article(sample_text)).items}
    w2 = _window(qtbot)
    open_and_wait(qtbot, w2, [], str(session))
    assert w2.clean.text() == cleaned
    assert [(it.id, it.status, it.replacement, it.start, it.end) for it in w2.review.items] == decided
    assert w2.review.item(riad.id).status is Status.ACCEPTED
    assert w2.review.item(fessenheim.id).status is Status.REJECTED
    shown = _tooltips(w2)
    assert shown.keys() == english.keys()
    for item_id, message in shown.items():
        assert message == french_of[w2.review.item(item_id).finding.key]
        assert message != english[item_id]
    target = next(it for it in w2.review.pending() if it.text == "Selenskyj")
    w2.select_item(target.id)
    assert french_of[target.finding.key] in w2.finding_actions.detail.shown_text()
    assert "Terminologie" in w2.finding_actions.detail.shown_text()
    w2.close()
    w2.jobs.shutdown()
