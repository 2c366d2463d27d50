"""Editor responsiveness (issue 7, target 3), measured on the real window (offscreen).

- launch → window painted with the article's text, 5k vs 200k words, in fresh processes (median of runs), ratio;
- a keystroke in the middle of the 200k-word article on the GUI thread (median, p95), once the review is ready;
- the edited paragraph re-checked after the last keystroke (ms).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_editor.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(REPO))

EXTRA: list[str] = []

CHILD = r"""
import os, sys, time
t_parent = float(sys.argv[2])
from PySide6.QtWidgets import QApplication
app = QApplication([])
from editor.gui.main_window import MainWindow
from editor.gui.settings import Settings
w = MainWindow(Settings())
w.show()
w.open_paths([sys.argv[1]])
while not w.raw.text():
    app.processEvents()
w.raw.viewport().repaint()
w.clean.viewport().repaint()
print(time.time() - t_parent)
w.jobs.cancel("analyse")
os._exit(0)
"""


def launch_time(path: str, env: dict[str, str]) -> float:
    t = time.time()
    out = subprocess.run(
        [sys.executable, "-c", CHILD, path, repr(t)], capture_output=True, text=True, env=env, check=True, timeout=120
    )
    return float(out.stdout.strip().splitlines()[-1])


def typing(path: str) -> tuple[float, float, float]:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from editor.gui.main_window import MainWindow
    from editor.gui.settings import Settings

    w = MainWindow(Settings())
    w.show()
    w.open_paths([path])
    while w.review is None:
        app.processEvents()
        time.sleep(0.005)
    app.processEvents()
    w.clean.set_cursor_position(len(w.clean.text()) // 2)
    w.clean.setFocus()
    times = []
    for ch in "abcdefghij" * 10:
        t = time.perf_counter()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(w.clean, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))
        w.clean.viewport().repaint()
        times.append(time.perf_counter() - t)
    times.sort()
    t = time.perf_counter()
    while w.review.dirty_paragraphs() and time.perf_counter() - t < 10:
        app.processEvents()
        time.sleep(0.001)
    recheck = time.perf_counter() - t
    # accept-all of the rule with the most pending findings (one undo step), GUI side and session commit apart
    from collections import Counter

    review = w.review
    rule, n = Counter(it.rule for it in review.pending() if it.finding.suggestions).most_common(1)[0]
    w.select_item(next(it.id for it in review.pending() if it.rule == rule))
    w.confirm_accept_all = lambda *a: (False, True)
    session, w.session = w.session, None
    t = time.perf_counter()
    w.accept_all()
    accept_all = time.perf_counter() - t
    w.session = session
    t = time.perf_counter()
    w._commit()
    commit = time.perf_counter() - t
    import resource

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    w.close()
    global EXTRA
    EXTRA = [
        f"| accept-all of {n} findings ({rule}): review + panes + table / session commit | "
        f"{accept_all * 1000:.0f} / {commit * 1000:.0f} ms |",
        f"| peak memory of the editor process with the 200k-word article | {rss:.0f} MB |",
    ]
    return statistics.median(times) * 1000, times[int(len(times) * 0.95) - 1] * 1000, recheck * 1000


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from benchmarks.generate import article

    tmp = Path(tempfile.mkdtemp())
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        (tmp / var).mkdir()
        env[var] = str(tmp / var)
        os.environ[var] = str(tmp / var)
    small, big = tmp / "a5k.txt", tmp / "a200k.txt"
    small.write_text(article(5_000), encoding="utf-8")
    big.write_text(article(200_000), encoding="utf-8")
    launch_time(str(small), env)  # warm the disk cache and .pyc files
    s_times, b_times = [], []
    for _ in range(args.runs):
        s_times.append(launch_time(str(small), env))
        b_times.append(launch_time(str(big), env))
    s, b = statistics.median(s_times), statistics.median(b_times)
    med, p95, recheck = typing(str(big))
    print("| measure | value |")
    print("|---|---|")
    print(f"| launch → text shown, 5k words | {s * 1000:.0f} ms |")
    print(f"| launch → text shown, 200k words | {b * 1000:.0f} ms |")
    print(f"| ratio 200k / 5k (target ≤ 1.5) | {b / s:.2f} |")
    print(f"| keystroke mid-200k, median / p95 (target p95 < 16 ms) | {med:.1f} / {p95:.1f} ms |")
    print(f"| re-check after last keystroke (target ≤ 300 ms) | {recheck:.0f} ms |")
    for line in EXTRA:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
