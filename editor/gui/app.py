"""Start the editor: `galley [PATH ...] [--session FILE]` lands here (editor.cli imports this lazily).

The window is shown before anything heavy happens (dictionaries, ftfy, the article itself load in workers), and
an exception that escapes a slot becomes a dialog instead of killing the process and its unsaved work.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import socket
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QSocketNotifier, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

_hook_busy = False


def _show_exception(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """sys.excepthook: print the traceback and show it in a dialog; never let Qt abort the process."""
    global _hook_busy
    text = "".join(traceback.format_exception(exc_type, exc, tb))
    sys.stderr.write(text)
    if issubclass(exc_type, KeyboardInterrupt):
        app = QApplication.instance()
        if app is not None:
            app.quit()
        return
    if _hook_busy or QApplication.instance() is None:
        return
    _hook_busy = True
    try:
        box = QMessageBox(QApplication.activeWindow())
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(QCoreApplication.translate("App", "Galley: unexpected error"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            QCoreApplication.translate(
                "App",
                "Something went wrong, but your work is kept: every decision is already saved in the "
                "session.\n\n{error}",
            ).format(error=f"{exc_type.__name__}: {exc}")
        )
        box.setDetailedText(text)
        box.exec()
    finally:
        _hook_busy = False


def install_excepthook() -> None:
    sys.excepthook = _show_exception


def close_on_signals(window: QWidget) -> None:
    """SIGTERM, SIGHUP and SIGINT close the window as Ctrl+Q does: pending typing is written to the session
    first. Python runs a signal handler only between bytecodes, and Qt's event loop may sleep in C for a long
    time; the signal's wake-up byte on a socket wakes the loop so that the handler runs at once."""
    read, write = socket.socketpair()
    read.setblocking(False)
    write.setblocking(False)
    try:
        signal.set_wakeup_fd(write.fileno())
    except ValueError:  # not the main thread: leave the default handlers
        read.close()
        write.close()
        return

    def close(_signum: int, _frame: object) -> None:
        QTimer.singleShot(0, window.close)

    for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(sig, close)
    notifier = QSocketNotifier(read.fileno(), QSocketNotifier.Type.Read, window)

    def drain() -> None:
        with contextlib.suppress(OSError):
            read.recv(256)

    notifier.activated.connect(drain)
    _KEEP.append((read, write, notifier))


_KEEP: list[object] = []


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv or [sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setApplicationName("Galley")
    app.setOrganizationName("galley")
    app.setApplicationDisplayName("Galley")
    return app


def install_translation(app: QApplication, ui_language: str) -> str | None:
    """The interface translators (French ships), following the system locale unless Preferences say otherwise."""
    import importlib

    try:
        i18n = importlib.import_module("editor.gui.i18n")
    except ImportError:
        return None
    fn = getattr(i18n, "install_translators", None)
    if fn is None:
        return None
    try:
        return str(fn(app, ui_language))
    except Exception:  # the interface then speaks English: a translation must never keep Galley from starting
        return None


def run_gui(args: argparse.Namespace) -> int:
    """Open the window on args.paths (the bundled sample when empty) with args.session; return the exit status."""
    app = make_app()
    install_excepthook()
    from editor.gui.settings import Settings

    settings = Settings()
    prefs = settings.load_preferences()
    install_translation(app, prefs.ui_language)

    from editor.gui.main_window import MainWindow

    window = MainWindow(
        settings,
        lang=getattr(args, "lang", "auto") or "auto",
        encoding=getattr(args, "encoding", None),
    )
    window.show()
    close_on_signals(window)
    paths = list(getattr(args, "paths", []) or [])
    session = getattr(args, "session", None)
    # Paint the window first, then start loading: the person sees a window at once, the text soon after.
    QTimer.singleShot(0, lambda: window.open_paths(paths, session))
    status = int(app.exec())
    if window.jobs.active():
        # A background analysis cannot be interrupted midway and would keep the process alive after the window
        # closed. The session was closed in closeEvent (every decision committed), so nothing is lost by leaving.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)
    return status
