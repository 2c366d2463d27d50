"""Child process for the GUI crash tests: the real window (offscreen) on an article with its session, typing into
the Cleaned pane while the analysis runs, until the parent kills it (kill -9) or sends SIGTERM.

Usage: gui_child.py ARTICLE SESSION WORD...

Prints "R" once the article is shown and analysed in the background, "T <word>" after each word is typed (at the
start of the pane, one after the other), "TYPED during" (or "TYPED after" when the analysis had already ended)
once all are typed, "A" when the analysis arrives, "CLOSED" when the window closed.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from editor.gui.app import close_on_signals, make_app
from editor.gui.main_window import MainWindow
from editor.gui.settings import Settings


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def type_text(widget: object, text: str) -> None:
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))  # type: ignore[arg-type]


def main(article: str, session: str, words: list[str]) -> None:
    app = make_app()
    w = MainWindow(Settings())
    w.show()
    close_on_signals(w)
    w.reviewReady.connect(lambda _i: say("A"))
    left = list(words)
    started = False

    def step() -> None:
        nonlocal started
        if not started:
            if w.loading.analysing is None or w.doc() is None:
                QTimer.singleShot(20, step)
                return
            started = True
            say("R")
            w.activateWindow()
            w.clean.setFocus()
            w.clean.set_cursor_position(0)
        if left:
            word = left.pop(0)
            type_text(w.clean, word + " ")
            say(f"T {word}")
            QTimer.singleShot(80, step)
        else:
            say("TYPED " + ("during" if w.review is None else "after"))

    w.open_paths([article], session)
    QTimer.singleShot(0, step)
    status = app.exec()
    say("CLOSED")
    os._exit(status)  # an analysis still running in a worker must not keep the process alive


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
