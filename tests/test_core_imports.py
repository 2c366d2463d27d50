"""The core depends on nothing above it: not on file formats, the window, the commands or the CLI.

Read from the source (every import statement, including those inside functions, relative ones, and
`importlib.import_module` or `__import__` with a literal name), so an import hidden in a function that has not
run yet is caught too."""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORE = REPO / "editor" / "core"
FORBIDDEN = ("editor.formats", "editor.gui", "editor.commands", "editor.cli", "PySide6", "shiboken6")


def _absolute(module: str | None, level: int, path: Path) -> str:
    """The absolute name of a (possibly relative) import made in the file at `path`."""
    if level == 0:
        return module or ""
    package = list(path.relative_to(REPO).with_suffix("").parts)[:-1]  # a module's package, or the package itself
    base = package[: len(package) - (level - 1)]
    return ".".join([*base, module] if module else base)


def imported_names(source: str, path: Path) -> list[tuple[int, str]]:
    """(line, module) for every module the source of the file at `path` imports, wherever the import stands."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source, filename=str(path))):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(node.module, node.level, path)
            found.append((node.lineno, base))
            found.extend((node.lineno, f"{base}.{alias.name}") for alias in node.names)
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if name in ("import_module", "__import__") and isinstance(node.args[0].value, str):
                found.append((node.lineno, node.args[0].value))
    return found


def _forbidden(name: str) -> bool:
    return any(name == f or name.startswith(f + ".") for f in FORBIDDEN)


def test_the_core_imports_nothing_from_the_layers_above_it() -> None:
    files = sorted(CORE.rglob("*.py"))
    assert len(files) > 20
    offending = [
        f"{path.relative_to(REPO)}:{line}: {name}"
        for path in files
        for line, name in imported_names(path.read_text(encoding="utf-8"), path)
        if _forbidden(name)
    ]
    assert offending == []


def test_the_check_sees_imports_inside_functions_relative_ones_and_import_module() -> None:
    source = (
        "def f():\n"
        "    from editor.formats.loaders import iter_paths\n"
        "    import importlib\n"
        "    importlib.import_module('editor.gui.main_window')\n"
        "from ...formats import export\n"
        "from ... import cli\n"
        "from .store import Store\n"
    )
    names = {name for _, name in imported_names(source, CORE / "session" / "probe.py")}
    assert {"editor.formats.loaders", "editor.gui.main_window", "editor.formats.export", "editor.cli"} <= names
    assert "editor.core.session.store" in names
    assert not _forbidden("editor.core.session.store") and not _forbidden("editor.formatsx")
