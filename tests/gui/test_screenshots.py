"""scripts/screenshots.py drives the real window offscreen and writes the README's pictures."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

REPO = Path(__file__).resolve().parents[2]


def test_screenshot_script_writes_non_empty_pngs(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "screenshots.py"), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    shots = [("main-window.png", 1000), ("findings-filtered.png", 400), ("preferences.png", 300)]
    shots.append(("statistics.png", 600))
    shots.append(("detail-panel.png", 300))
    for name, min_width in shots:
        path = tmp_path / name
        assert path.stat().st_size > 5_000, name
        image = QImage(str(path))
        assert not image.isNull() and image.width() >= min_width, name
        # Not a blank picture: a real window has many distinct colours.
        colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
        assert len(colours) > 10, name
    # The person's own settings were not touched.
    assert not (Path(os.environ["XDG_CONFIG_HOME"]) / "galley").exists()
