#!/usr/bin/env python3
"""Regenerate the README's screenshots from the real editor window, offscreen, on the bundled sample article.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--lang en|fr]

Writes main-window.png (the sample under review, first finding selected, its detail panel beside the table),
detail-panel.png (the panel on a finding with several suggestions), findings-filtered.png (the findings panel
filtered to one category), preferences.png and statistics.png (after a bulk accept of the safe findings).
Settings, data and the session live in a temporary folder, so the pictures show Galley's defaults and the
person's own settings are neither read nor changed.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

SIZE = (1400, 860)
FILTER_CATEGORY = "typography"


def _isolate(folder: Path) -> None:
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        path = folder / var.lower()
        path.mkdir(parents=True, exist_ok=True)
        os.environ[var] = str(path)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _wait(app: Any, condition: Callable[[], bool], timeout: float) -> bool:
    """Run the event loop until `condition()` holds (the window loads and analyses in workers).

    Qt is reached only through the objects editor.gui hands back, so this script imports no PySide6 itself.
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        app.processEvents()
        if condition():
            return True
        time.sleep(0.01)
    return False


def _save(app: Any, widget: Any, path: Path) -> Path:
    app.processEvents()
    pixmap = widget.grab()
    if pixmap.isNull() or not pixmap.save(str(path), "PNG"):
        raise SystemExit(f"screenshots: could not write {path}")
    return path


def take(out_dir: Path, language: str = "en", timeout: float = 60.0) -> list[Path]:
    """Open the sample in the real window and save the screenshots; returns the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="galley-shots-") as tmp:
        _isolate(Path(tmp))
        from editor.core.resources import sample_article
        from editor.gui.app import make_app
        from editor.gui.dialogs.preferences import PreferencesDialog
        from editor.gui.i18n import install_translators
        from editor.gui.main_window import MainWindow
        from editor.gui.settings import Settings

        app = make_app([sys.argv[0]])
        install_translators(app, language)
        window = MainWindow(Settings())
        window.resize(*SIZE)
        window.show()
        window.open_paths([str(sample_article())], str(Path(tmp) / "screenshots.galley"))
        if not _wait(app, lambda: window.review is not None, timeout):
            raise SystemExit("screenshots: the sample article was not analysed in time")
        window.next_finding()  # F8: the first pending finding, selected in both panes
        _wait(app, lambda: False, 0.3)  # let highlights and the status bar settle
        written = [_save(app, window, out_dir / "main-window.png")]

        # the detail panel on a finding with a choice of suggestions, an explanation and examples
        target = next(it for it in window.review.pending() if len(it.finding.suggestions) > 1)
        window.select_item(target.id)
        _wait(app, lambda: False, 0.2)
        written.append(_save(app, window.detail_dock, out_dir / "detail-panel.png"))

        window.findings.show_only(FILTER_CATEGORY)
        _wait(app, lambda: False, 0.2)
        written.append(_save(app, window.findings_dock, out_dir / "findings-filtered.png"))
        window.findings.show_only(None)

        dialog = PreferencesDialog(window.prefs, window)
        dialog.show()
        _wait(app, lambda: False, 0.2)
        written.append(_save(app, dialog, out_dir / "preferences.png"))
        dialog.close()

        # the statistics view after some review: every safe finding accepted in bulk, the next one rejected
        from editor.core.bulk import Scope, Selector

        window.corpus.bulk.apply(Selector(Scope.SAFE), everywhere=False)
        window.next_finding()
        window.reject()
        stats = window.corpus.statistics()
        stats.resize(900, 760)
        _wait(app, lambda: False, 0.2)
        written.append(_save(app, stats, out_dir / "statistics.png"))
        stats.close()

        window.cancel_jobs()
        window.close()
        _wait(app, lambda: False, 0.2)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Regenerate the README's screenshots (offscreen).")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("--lang", choices=("en", "fr"), default="en", help="interface language of the pictures")
    args = parser.parse_args(argv)
    for path in take(args.out, args.lang):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
