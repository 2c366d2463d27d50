"""Opens files in the real editor window, offscreen, in a child process under guard; reports what a user saw.

`python tests/gui/hostile_gui_runner.py REQUEST.json REPORT.json`. The request lists cases (a file, a session path,
a deadline, a string the text must show) opened one after the other in the same window, and the paths that must
never be opened. The child limits its memory, refuses network connections,
records every file Python opens (audit hook) and every open of the watched paths by any code, C++ included
(inotify: Qt's own image loader does not go through Python), and measures the longest stall of the GUI thread
(a 50 ms timer that should keep ticking while files load and articles are analysed in workers).

The report holds, per case, the window's state once loading and analysis are over (or the deadline passed): articles
shown, load errors, message boxes, status bar, banner, the encoding and fallback lines of the first article,
its pending findings, Qt warnings and any traceback. The parent test judges it against the case's expectation.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import json
import os
import resource
import socket
import struct
import sys
import time
import traceback
from pathlib import Path
from typing import Any

MEMORY_LIMIT = 4 * 1024**3
IN_OPEN = 0x20
IN_ACCESS = 0x01
IN_NONBLOCK = 0o4000


class Watch:
    """inotify on a few paths: did anything in this process (or any other) open or read them?"""

    def __init__(self, paths: list[str]) -> None:
        self.names: dict[int, str] = {}
        self.fd = -1
        libc_name = ctypes.util.find_library("c")
        if not libc_name or not paths:
            return
        self.libc = ctypes.CDLL(libc_name, use_errno=True)
        self.fd = self.libc.inotify_init1(IN_NONBLOCK)
        for p in paths:
            if not os.path.exists(p):
                continue
            wd = self.libc.inotify_add_watch(self.fd, os.fsencode(p), IN_OPEN | IN_ACCESS)
            if wd >= 0:
                self.names[wd] = p

    def touched(self) -> list[str]:
        if self.fd < 0:
            return []
        out: set[str] = set()
        while True:
            try:
                data = os.read(self.fd, 65536)
            except BlockingIOError:
                break
            i = 0
            while i + 16 <= len(data):
                wd, _mask, _cookie, length = struct.unpack_from("iIII", data, i)
                out.add(self.names.get(wd, "?"))
                i += 16 + length
        return sorted(out)


def _no_network(*_args: object, **_kw: object) -> None:
    raise ConnectionRefusedError("hostile_gui_runner: network access attempted")


def main() -> int:
    request = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    report_path = Path(sys.argv[2])
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    watch = Watch(list(request.get("watch", [])))
    opened: list[str] = []
    network: list[str] = []

    def hook(event: str, args: tuple[object, ...]) -> None:
        if event == "open" and args and isinstance(args[0], (str, bytes, os.PathLike)):
            opened.append(os.fsdecode(args[0]))
        elif event == "socket.connect":
            network.append(repr(args[1:]))
            _no_network()

    sys.addaudithook(hook)
    socket.create_connection = _no_network  # type: ignore[assignment]

    from PySide6.QtCore import QTimer, QtMsgType, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication, QMessageBox

    tracebacks: list[str] = []
    warnings: list[str] = []

    def excepthook(t: type[BaseException], v: BaseException, tb: Any) -> None:
        tracebacks.append("".join(traceback.format_exception(t, v, tb)))

    sys.excepthook = excepthook

    def qt_message(mode: QtMsgType, _ctx: object, message: str) -> None:
        if mode != QtMsgType.QtDebugMsg and "propagateSizeHints" not in message:
            warnings.append(message)

    qInstallMessageHandler(qt_message)
    app = QApplication([sys.argv[0]])

    from editor.gui.main_window import MainWindow
    from editor.gui.settings import Settings

    window = MainWindow(Settings())
    window.show()
    stall = {"last": time.monotonic(), "max": 0.0}

    def tick() -> None:
        now = time.monotonic()
        stall["max"] = max(stall["max"], now - stall["last"])
        stall["last"] = now

    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(tick)
    timer.start()

    def settled() -> bool:
        if window.jobs.is_running("load"):
            return False
        if not window.docs:
            return True
        review = window.review
        return review is not None and window.clean.text() == review.cleaned and window.loading.analysing is None

    reports: list[dict[str, Any]] = []
    for case in request["cases"]:
        for box in window.findChildren(QMessageBox):
            box.close()
        opened.clear()
        tracebacks.clear()
        warnings.clear()
        t0 = time.monotonic()
        deadline = t0 + float(case["deadline"])
        stall["last"] = t0
        stall["max"] = 0.0
        window.open_paths([case["path"]], case["session"])
        cancel_at = t0 + float(case["cancel_after"]) if case.get("cancel_after") else None
        cancelled: dict[str, Any] = {}
        while time.monotonic() < deadline and not settled():
            app.processEvents()
            time.sleep(0.005)
            if cancel_at is not None and time.monotonic() > cancel_at:
                # The person presses Cancel while the long analysis runs: it stops, nothing is left running.
                cancel_at = None
                cancelled["before"] = _children()
                window.cancel_button.click()
                until = time.monotonic() + 10
                while time.monotonic() < until and _children():
                    app.processEvents()
                    time.sleep(0.01)
                cancelled.update(after=_children(), status=window.statusBar().currentMessage())
                cancelled["progress_visible"] = window.progress.isVisible()
                break
        for _ in range(20):  # let queued messages (boxes, status) arrive
            app.processEvents()
        reports.append(_report(window, case, settled(), time.monotonic() - t0, stall["max"]))
        reports[-1]["cancelled"] = cancelled
        reports[-1].update(tracebacks=list(tracebacks), qt_warnings=list(warnings), opened=list(opened))
        reports[-1].update(network=list(network), touched=watch.touched())
        report_path.write_text(json.dumps(reports), encoding="utf-8")
    if any(not r["settled"] for r in reports):
        # A worker still analysing would hold the close (it cannot be interrupted): the report is written.
        os._exit(0)
    window.close()
    window.jobs.shutdown()
    return 0


def _children() -> list[int]:
    """Processes this one started that are still alive (the editor's analysis child, say)."""
    out: list[int] = []
    for task in Path(f"/proc/{os.getpid()}/task").iterdir():
        try:
            out += [int(p) for p in (task / "children").read_text().split()]
        except OSError:
            continue
    return out


def _report(window: Any, case: dict[str, Any], settled: bool, elapsed: float, max_stall: float) -> dict[str, Any]:
    from PySide6.QtWidgets import QMessageBox

    boxes = [
        {"title": b.windowTitle(), "text": b.text(), "info": b.informativeText()}
        for b in window.findChildren(QMessageBox)
        if b.isVisible()
    ]
    labels = " | ".join(w.text() for w in (window.lang_label, window.counts_label, window.saved_label))
    doc = window.doc()
    review = window.review
    article = doc.article if doc is not None else None
    text_has = case.get("text_has")
    document = window.clean.document_text()
    return {
        "name": case["name"],
        "settled": settled,
        "elapsed": elapsed,
        "max_stall": max_stall,
        "docs": len(window.docs),
        "load_errors": [str(e) for e in window.loading.load_errors],
        "boxes": boxes,
        "status": window.statusBar().currentMessage(),
        "progress": window.progress.format() if window.progress.isVisible() else "",
        "cancel_visible": window.cancel_button.isVisible(),
        "labels": labels,
        "window_title": window.windowTitle(),
        "banner": window.banner.text() if window.banner.isVisible() else "",
        "read_only": window.clean.isReadOnly(),
        "encoding": getattr(article, "encoding", None),
        "fallback_lines": list(getattr(article, "fallback_lines", []) or []),
        "raw_has": bool(text_has) and text_has in window.raw.document_text(),
        "clean_has": bool(text_has) and text_has in document,
        # Qt holds a paragraph separator as a block break: the document reads it back as a line end.
        "clean_equals_review": review is not None
        and window.clean.text() == review.cleaned
        and document == review.cleaned.replace("\u2029", "\n"),
        "pending_rules": sorted({it.finding.rule for it in review.items}) if review is not None else [],
    }


if __name__ == "__main__":
    sys.exit(main())
