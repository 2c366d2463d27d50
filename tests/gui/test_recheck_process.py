"""A long article, analysed in a separate process, has its edited paragraphs re-checked in another process too
(the window's process would otherwise load the checking machinery while the person types); when that process is
gone the window re-checks itself, and the process never outlives the window."""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.gui.test_main_window import type_text
from tests.gui.test_typing import long_article
from tests.processes import alive


def _typo_found(w: Any, word: str) -> bool:
    return any(it.rule == "spelling.unknown-word" and it.finding.text == word for it in w.review.pending())


def _type_and_recheck(qtbot: Any, w: Any, at: int, typed: str) -> None:
    w.clean.set_cursor_position(at)
    w.activateWindow()
    w.clean.setFocus()
    with qtbot.waitSignal(w.rechecked, timeout=120_000):
        type_text(w.clean, typed)


@pytest.mark.slow
@pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="finds the re-check process through /proc, which only Linux has"
)
def test_a_long_articles_edit_is_rechecked_by_its_own_process_which_ends_with_the_window(
    qtbot: Any, tmp_path: Path
) -> None:
    from editor.core.analysis import PROCESS_ABOVE
    from editor.gui.main_window import MainWindow
    from editor.gui.settings import Settings

    src = tmp_path / "long.txt"
    text = long_article(src, 60_000)
    assert len(text) > PROCESS_ABOVE
    w = MainWindow(Settings())
    qtbot.addWidget(w)
    w.show()
    w.open_paths([str(src)], str(tmp_path / "long.galley"))
    qtbot.waitUntil(lambda: w.review is not None and not w.jobs.is_running("analyse"), timeout=240_000)
    server = w.reviews.server
    assert server is not None and server.alive, "no re-check process for a long article"
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
