"""A long article, analysed in a separate process, has its edited paragraphs re-checked in another process too
(the window's process would otherwise load the checking machinery while the person types); when that process is
gone the window re-checks itself, and the process never outlives the window."""

from __future__ import annotations

import os
import signal
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.gui.test_main_window import type_text
from tests.gui.test_typing import long_article
from tests.processes import alive

REPO = Path(__file__).resolve().parents[2]


def _typo_found(w: Any, word: str) -> bool:
    return any(it.rule == "spelling.unknown-word" and it.finding.text == word for it in w.review.pending())


def _type_and_recheck(qtbot: Any, w: Any, at: int, typed: str) -> None:
    w.clean.set_cursor_position(at)
    w.activateWindow()
    w.clean.setFocus()
    with qtbot.waitSignal(w.rechecked, timeout=120_000):
        type_text(w.clean, typed)


def _long_article_reviewed(qtbot: Any, tmp_path: Path) -> tuple[Any, str, Any]:
    """A window showing a long article's review: the window, the article's text and its re-check process."""
    from editor.gui.main_window import MainWindow
    from editor.gui.settings import Settings

    src = tmp_path / "long.txt"
    text = long_article(src, 60_000)
    w = MainWindow(Settings())
    qtbot.addWidget(w)
    w.show()
    w.open_paths([str(src)], str(tmp_path / "long.galley"))
    qtbot.waitUntil(lambda: w.review is not None and not w.jobs.is_running("analyse"), timeout=240_000)
    server = w.reviews.server
    assert server is not None and server.alive, "no re-check process for a long article"
    return w, text, server


@pytest.mark.slow
@pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="finds the re-check process through /proc, which only Linux has"
)
def test_a_long_articles_edit_is_rechecked_by_its_own_process_which_ends_with_the_window(
    qtbot: Any, tmp_path: Path
) -> None:
    from editor.core.analysis import PROCESS_ABOVE

    w, text, server = _long_article_reviewed(qtbot, tmp_path)
    assert len(text) > PROCESS_ABOVE
    pid = server.proc.pid

    middle = w.clean.text().index("\n\n", len(text) // 2) + 2
    _type_and_recheck(qtbot, w, middle, "Le présidnet a parlé. ")
    assert _typo_found(w, "présidnet"), "the typo typed in was not found"
    assert server.served >= 1, "the re-check did not go through the re-check process"

    # The process dies (out of memory, killed): the next edit is re-checked in the window, nothing is lost.
    os.kill(pid, signal.SIGKILL)
    server.proc.wait(timeout=30)
    _type_and_recheck(qtbot, w, middle, "Un ministrre a répondu. ")
    assert _typo_found(w, "ministrre"), "no re-check once the re-check process was gone"

    # A new process serves the next long article; closing the window ends it.
    w.reviews.start_server("fr", w.config())
    pid = w.reviews.server.proc.pid
    assert alive(pid)
    w.close()
    end = time.monotonic() + 30
    while alive(pid) and time.monotonic() < end:
        time.sleep(0.1)
    assert not alive(pid), "the re-check process outlived its window"


def _ends(pid: int, within_s: float = 30) -> bool:
    end = time.monotonic() + within_s
    while alive(pid) and time.monotonic() < end:
        time.sleep(0.1)
    return not alive(pid)


def _server_before_review(qtbot: Any, w: Any) -> int:
    """The pid of the re-check process started once every paragraph of the long article shown was checked,
    before its review arrived (the moment a person may still cancel or go elsewhere)."""
    qtbot.waitUntil(lambda: w.reviews.server is not None or w.review is not None, timeout=240_000)
    assert w.review is None, "the review arrived with the re-check process: nothing was left to cancel"
    return int(w.reviews.server.proc.pid)


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads process states from /proc")
def test_cancelling_a_long_analysis_ends_its_recheck_process(qtbot: Any, tmp_path: Path) -> None:
    from editor.gui.main_window import MainWindow
    from editor.gui.settings import Settings

    src = tmp_path / "long.txt"
    long_article(src, 60_000)
    w = MainWindow(Settings())
    qtbot.addWidget(w)
    w.show()
    w.open_paths([str(src)], str(tmp_path / "long.galley"))
    pid = _server_before_review(qtbot, w)
    assert w.status.cancel_button.isVisible()
    w.status.cancel_button.click()
    assert _ends(pid), "the re-check process outlived the cancelled analysis"
    assert w.reviews.server is None
    qtbot.waitUntil(lambda: w.jobs.active() == 0, timeout=120_000)  # the analysis's thread gave up
    qtbot.wait(200)
    assert w.review is None and w.reviews.server is None, "the cancelled analysis still brought its review"
    w.close()


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads process states from /proc")
def test_a_short_article_shown_instead_of_a_long_one_ends_the_recheck_process_which_comes_back_with_it(
    qtbot: Any, tmp_path: Path
) -> None:
    from editor.core.resources import sample_article
    from editor.gui.main_window import MainWindow
    from editor.gui.settings import Settings

    long_src, short_src = tmp_path / "a_long.txt", tmp_path / "b_short.txt"
    text = long_article(long_src, 60_000)
    short_src.write_text(sample_article().read_text(encoding="utf-8"), encoding="utf-8")
    w = MainWindow(Settings())
    qtbot.addWidget(w)
    w.show()
    w.open_paths([str(long_src), str(short_src)], str(tmp_path / "two.galley"))
    qtbot.waitUntil(lambda: len(w.docs) == 2, timeout=60_000)
    assert w.doc().article.text == text

    def choose(row: int) -> None:
        view = w.articles.view
        index = w.articles.proxy.mapFromSource(w.articles.model.index(row, 0))
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
        assert w.current == row

    # Left while its analysis runs: the long article's analysis gives way to the short one's, and so does the process.
    pid = _server_before_review(qtbot, w)
    choose(1)
    assert _ends(pid), "the re-check process outlived the long article's analysis, left for a short article"
    qtbot.waitUntil(lambda: w.review is not None, timeout=120_000)
    assert w.reviews.server is None

    # Back to the long article: analysed again, and once its review is there, re-checked in its own process.
    choose(0)
    qtbot.waitUntil(lambda: w.review is not None and not w.jobs.is_running("analyse"), timeout=240_000)
    server = w.reviews.server
    assert server is not None and server.alive, "no re-check process for the long article's review"
    pid = server.proc.pid

    # Left with its review: the process ends; coming back starts one that re-checks the next edit.
    choose(1)
    assert _ends(pid), "the re-check process outlived the long article, left for a short article"
    choose(0)
    server = w.reviews.server
    assert server is not None and server.alive and server.proc.pid != pid
    middle = w.clean.text().index("\n\n", len(text) // 2) + 2
    _type_and_recheck(qtbot, w, middle, "Le présidnet a parlé. ")
    assert _typo_found(w, "présidnet"), "the typo typed in was not found"
    assert server.served >= 1, "the re-check did not go through the re-check process"
    w.close()
    assert _ends(server.proc.pid), "the re-check process outlived its window"


@pytest.fixture
def translations(qapp: Any, tmp_path: Path) -> Iterator[Path]:
    """The window's translations built into a temporary folder; English again afterwards."""
    from editor.gui import i18n

    sys.path.insert(0, str(REPO / "scripts"))
    try:
        import build_translations
    finally:
        sys.path.pop(0)
    folder = tmp_path / "translations"
    build_translations.build(out_dir=folder, force=True)
    build_translations.build_catalogues()
    yield folder
    i18n.install_translators(qapp, "en")


def _typo_items(w: Any, word: str, start: int) -> list[Any]:
    return [
        it for it in w.review.pending() if it.rule == "spelling.unknown-word" and it.text == word and it.start >= start
    ]


@pytest.mark.slow
def test_findings_rechecked_by_the_process_after_a_language_switch_are_in_the_new_language(
    qtbot: Any, qapp: Any, translations: Path, tmp_path: Path
) -> None:
    from editor.core.recheck_server import recheck_snapshots
    from editor.gui import i18n

    assert i18n.install_translators(qapp, "en", directory=translations) == "en"
    w, text, server = _long_article_reviewed(qtbot, tmp_path)

    typed = "Le présidnet a parlé. "
    middle = w.clean.text().index("\n\n", len(text) // 2) + 2
    _type_and_recheck(qtbot, w, middle, typed)
    (english,) = _typo_items(w, "présidnet", middle)
    served = server.served
    assert served >= 1

    # The person switches the window to French: the process, started in English, re-checks in French from now on.
    # The same sentence again (whatever remembers a sentence's findings must not give the English ones back) and
    # a new one.
    assert i18n.install_translators(qapp, "fr", directory=translations) == "fr"
    later = w.clean.text().index("\n\n", 3 * len(text) // 4) + 2
    _type_and_recheck(qtbot, w, later, typed + "Un ministrre a répondu. ")
    assert server.served > served and server.alive, "the re-check did not go through the re-check process"
    got = {word: _typo_items(w, word, later) for word in ("présidnet", "ministrre")}
    assert all(len(items) == 1 for items in got.values()), got

    # What the same re-check says in French in this process, which speaks the window's language.
    sentence = typed + "Un ministrre a répondu."
    ((_s, _e, found),) = recheck_snapshots([(0, len(sentence), sentence)], w.review.lang, w.config(), None)
    french = {f.text: f.message for f in found if f.rule == "spelling.unknown-word"}
    assert french["présidnet"] != english.finding.message, "the catalogue does not translate this message"
    for word, (item,) in got.items():
        assert item.finding.message == french[word], (word, item.finding.message, french[word])
    w.close()
