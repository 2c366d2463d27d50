"""A long article's analysis shows how far it went and fills the findings table as paragraphs are checked."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from tests.gui.test_typing import long_article


@pytest.mark.slow
def test_long_analysis_shows_determinate_progress_and_fills_the_table(qtbot: Any, tmp_path: Path) -> None:
    from editor.core.resources import sample_article
    from editor.gui.main_window import MainWindow
    from editor.gui.settings import Settings

    src = tmp_path / "long.txt"
    # It opens like the bundled sample, whose paragraphs hold damage a paragraph's own check finds (typos, mojibake,
    # spacing): the part in view has something to underline before the whole-text passes are done.
    long_article(src, 60_000, opening=sample_article().read_text(encoding="utf-8"))
    w = MainWindow(Settings())
    qtbot.addWidget(w)
    w.show()
    w.open_paths([str(src)], str(tmp_path / "long.galley"))
    seen: list[tuple[int, int, str, int]] = []
    shown_at: list[float] = []
    in_view: list[bool] = []
    streamed_in_view: list[bool] = []

    def sample() -> bool:
        bar = w.progress
        if w.review is None and bar.maximum() > 0 and bar.value() > 0:
            seen.append((bar.value(), bar.maximum(), bar.text(), w.findings.model.rowCount()))
            shown_at.append(time.monotonic())
            last = w.raw.document().findBlockByNumber(w.raw.visible_blocks()[1])
            end = w.raw.index.to_code_point(last.position() + last.length() - 1)
            in_view.append(any(m.start < end for m in w.raw.highlighter.marks))
            streamed_in_view.append(any(f.start < end for f in w.loading._so_far))
        return w.review is not None

    qtbot.waitUntil(sample, timeout=240_000)
    assert seen, "no determinate progress was shown during the analysis"
    during = [s for s in seen if s[0] < s[1]]
    assert during, "the progress was never between its start and its end"
    assert any(rows > 0 for *_, rows in during), "the findings table stayed empty until the end"
    assert any("%" in text for _, _, text, _ in during)
    assert any(streamed_in_view), "no finding in the part in view came before the review: the text proves nothing"
    assert any(in_view), "nothing was underlined in the part in view before the review"
    # The time left is estimated from the pace once half a second of work has passed. A report is known to come
    # that late when the bar still showed the previous value half a second after the run's first value was seen
    # (a second pass starts a new run); a loaded machine may deliver every report at once, and then there is no
    # pace to show.
    late: list[str] = []
    run_start = 0
    for i in range(1, len(seen)):
        if seen[i][0] < seen[i - 1][0]:
            run_start = i
        elif seen[i - 1][0] < seen[i][0] < seen[i][1] and shown_at[i - 1] - shown_at[run_start] >= 0.5:
            late.append(seen[i][2])
    assert all("left" in text for text in late), late
    rows = w.findings.model.rowCount()
    assert rows >= max(r for *_, r in seen) * 0.5  # the review's own rows replaced the ones streamed
    w.close()


def test_time_left_is_the_pace_so_far_over_what_remains(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from editor.gui.widgets import status_bar

    bar = status_bar.StatusBar()
    qtbot.addWidget(bar)
    clock = [100.0]
    monkeypatch.setattr(status_bar.time, "monotonic", lambda: clock[0])
    assert "left" not in bar._analysis_format(0, 100)
    clock[0] = 110.0  # 25 units in 10 s: 75 more take 30 s
    assert bar._analysis_format(25, 100).endswith("about 30 s left")
    assert "finishing" in bar._analysis_format(100, 100)


def test_the_progress_bar_is_wide_enough_for_its_text(qtbot: Any) -> None:
    from editor.gui.widgets import status_bar

    bar = status_bar.StatusBar()
    qtbot.addWidget(bar)
    bar.busy("Analysing…")
    bar.job_progress("analyse", 0, 1000)
    bar._analysis_start = (bar._analysis_start[0] - 60, 0)  # type: ignore[index]  # a minute of work so far
    bar.job_progress("analyse", 780, 1000)
    text = bar.progress.text()
    assert "78" in text and "left" in text
    assert bar.progress.width() >= bar.progress.fontMetrics().horizontalAdvance(text) + 8, text
    width = bar.progress.width()
    bar.job_progress("analyse", 999, 1000)  # shorter text: the bar keeps its width during the job
    assert bar.progress.width() == width
