#!/usr/bin/env python3
"""Collect every visible string of the GUI into resources/translations/galley_fr.ts (for translators).

    .venv/bin/python scripts/update_translations.py            # update the .ts, list untranslated strings
    .venv/bin/python scripts/update_translations.py --check    # exit 1 when a string lacks its translation

Runs pyside6-lupdate over editor/gui/**/*.py, then adds what lupdate cannot see: strings passed to a module's
small `_tr("...")` helper defined as `return QCoreApplication.translate("<context>", text)`. Existing translations
are kept (also for those helper strings, which lupdate alone would drop as obsolete). Edit translations with
`pyside6-linguist` or by hand; `scripts/build_translations.py` compiles them.
"""

from __future__ import annotations

import argparse
import ast
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TS = REPO / "resources" / "translations" / "galley_fr.ts"
GUI = REPO / "editor" / "gui"


def read_translations(ts: Path) -> dict[tuple[str, str], str]:
    if not ts.exists():
        return {}
    out: dict[tuple[str, str], str] = {}
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is not None and tr.text and tr.get("type") not in ("unfinished", "obsolete", "vanished"):
                out[(name, msg.findtext("source") or "")] = tr.text
    return out


def helper_strings(path: Path) -> list[tuple[str, str, int]]:
    """(context, text, line) of every `_tr("literal")` call in a module whose `_tr` wraps translate()."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    contexts: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            for sub in ast.walk(node):
                if (
                    isinstance(sub, ast.Call)
                    and isinstance(sub.func, ast.Attribute)
                    and sub.func.attr == "translate"
                    and sub.args
                    and isinstance(sub.args[0], ast.Constant)
                    and isinstance(sub.args[0].value, str)
                    and len(sub.args) >= 2
                    and isinstance(sub.args[1], ast.Name)
                ):
                    contexts[node.name] = sub.args[0].value
    found: list[tuple[str, str, int]] = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in contexts
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.append((contexts[node.func.id], node.args[0].value, node.lineno))
    return found


def update(ts: Path = TS) -> list[tuple[str, str]]:
    """Refresh the .ts; returns (context, source) of every message still without a translation."""
    previous = read_translations(ts)
    sources = sorted(str(p.relative_to(REPO)) for p in GUI.rglob("*.py"))
    tool = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run(
        [str(tool), *sources, "-no-obsolete", "-locations", "none", "-source-language", "en",
         "-target-language", "fr_FR", "-ts", str(ts.resolve())],
        cwd=REPO, check=True, capture_output=True,
    )  # fmt: skip
    tree = ET.parse(ts)
    root = tree.getroot()
    by_name = {c.findtext("name"): c for c in root.iter("context")}
    for rel in sources:
        for context, text, _line in helper_strings(REPO / rel):
            ctx = by_name.get(context)
            if ctx is None:
                ctx = ET.SubElement(root, "context")
                ET.SubElement(ctx, "name").text = context
                by_name[context] = ctx
            if any(m.findtext("source") == text for m in ctx.iter("message")):
                continue
            msg = ET.SubElement(ctx, "message")
            ET.SubElement(msg, "source").text = text
            ET.SubElement(msg, "translation", {"type": "unfinished"})
    missing: list[tuple[str, str]] = []
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            source = msg.findtext("source") or ""
            tr = msg.find("translation")
            if tr is None:
                tr = ET.SubElement(msg, "translation")
            if (not tr.text or tr.get("type") == "unfinished") and (name, source) in previous:
                tr.text = previous[(name, source)]
                tr.attrib.pop("type", None)
            if not tr.text or tr.get("type") == "unfinished":
                missing.append((name, source))
    ET.indent(tree, space="    ")
    with ts.open("wb") as fh:
        fh.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(fh, encoding="utf-8", xml_declaration=False)
        fh.write(b"\n")
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Collect the GUI's strings into the French .ts file.")
    parser.add_argument("--check", action="store_true", help="fail when a string has no translation")
    args = parser.parse_args(argv)
    missing = update()
    for context, source in missing:
        print(f"untranslated: [{context}] {source!r}")
    print(f"{TS.relative_to(REPO)}: {len(missing)} untranslated string(s)", file=sys.stderr)
    return 1 if (args.check and missing) else 0


if __name__ == "__main__":
    sys.exit(main())
