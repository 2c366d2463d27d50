"""The house stays livable: no module a newcomer cannot read, no function that does everything, and no comment
that sends the reader to a document the repository does not hold."""

from __future__ import annotations

import ast
import re
from pathlib import Path

EDITOR = Path(__file__).resolve().parents[1] / "editor"
MAX_FILE_LINES = 800
MAX_FUNCTION_LINES = 100
OUTSIDE_REFERENCE = re.compile(r"\b(PITFALLS|PERFORMANCE)\s+(design\s+)?\d|\bH\d+[a-z]\b")


def _sources() -> list[Path]:
    return sorted(EDITOR.rglob("*.py"))


def test_no_module_over_800_lines() -> None:
    sizes = {str(p.relative_to(EDITOR)): len(p.read_text().splitlines()) for p in _sources()}
    assert {name: n for name, n in sizes.items() if n > MAX_FILE_LINES} == {}


def test_no_function_over_100_lines() -> None:
    long = []
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    long.append(f"{path.relative_to(EDITOR)}:{node.lineno} {node.name} ({length} lines)")
    assert long == []


def test_no_comment_points_outside_the_repository() -> None:
    found = [
        f"{path.relative_to(EDITOR)}:{n}"
        for path in _sources()
        for n, line in enumerate(path.read_text().splitlines(), 1)
        if OUTSIDE_REFERENCE.search(line)
    ]
    assert found == []
