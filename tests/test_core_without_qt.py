"""The engine and the batch commands run without Qt: on servers, in CI, and with a fast start."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys\nprint('\\n'.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
        timeout=120,
    ).stdout
    return set(out.split())


def test_importing_the_core_loads_no_qt() -> None:
    code = (
        "import editor.core, editor.core.engine, editor.core.rules, editor.formats.loaders\n"
        "import pkgutil, importlib\n"
        "for m in pkgutil.walk_packages(editor.core.__path__, 'editor.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "editor.core.rules.all_rules()"
    )
    loaded = _modules_after(code)
    assert not {m for m in loaded if m.startswith(("PySide6", "shiboken6"))}


def test_the_check_command_loads_no_qt(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Le président a parlé , hier.\n", encoding="utf-8")
    loaded = _modules_after(f"from editor.cli import main\nmain(['check', '--jobs', '1', {str(article)!r}])")
    assert not {m for m in loaded if m.startswith(("PySide6", "shiboken6"))}


def _ruff_on(virtual_path: str, source: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "--select", "TID251", "--stdin-filename", virtual_path],
        input=source,
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )


def test_ruff_bans_qt_outside_the_gui() -> None:
    """The boundary is enforced by a tool (ruff TID251), not by a comment: prove the tool fires, and only there."""
    source = "from PySide6 import QtCore\n\nprint(QtCore)\n"
    core = _ruff_on("editor/core/probe.py", source)
    assert core.returncode == 1
    assert "TID251" in core.stdout
    assert _ruff_on("editor/gui/probe.py", source).returncode == 0
