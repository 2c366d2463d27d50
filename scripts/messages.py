#!/usr/bin/env python3
"""The core and CLI's translatable strings, and the gettext catalogues that translate them.

    .venv/bin/python scripts/messages.py            # add new strings to every .po (empty translations), drop none
    .venv/bin/python scripts/messages.py --check    # list the strings a catalogue does not translate (exit 1)

Strings are found without running the code: every literal passed to `_()`, `N_()` or `ngettext()` in editor/
(the window's own strings go through Qt's translator instead), every rule's description and pattern-rule message,
and the explanations of resources/rules/*.toml. Babel reads and writes the .po files.
"""

from __future__ import annotations

import ast
import sys
import tomllib
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

REPO = Path(__file__).resolve().parent.parent
LOCALE = REPO / "resources" / "locale"
MARKERS = {"_", "N_"}


def _from_code(path: Path) -> list[str]:
    out: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
            continue
        literals = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
        if node.func.id in MARKERS and literals:
            out.append(literals[0])
        elif node.func.id == "ngettext" and len(literals) >= 2:
            out.extend(literals[:2])
    return out


def _rule_strings() -> list[str]:
    sys.path.insert(0, str(REPO))
    from editor.core.rules import all_rules

    out: list[str] = []
    for r in all_rules():
        out.extend(s for s in (r.description, getattr(r, "message", "")) if isinstance(s, str) and s)
    for toml in sorted((REPO / "resources" / "rules").glob("*.toml")):
        with toml.open("rb") as f:
            for entry in tomllib.load(f).values():
                if entry.get("explanation"):
                    out.append(str(entry["explanation"]).strip())
    return out + _data_strings()


def _data_strings() -> list[str]:
    """Words of the bundled data that findings show: glossary notes, kinds of boilerplate line.

    A user's own glossary is not in the catalogue: its notes are shown as the user wrote them.
    """
    out: list[str] = []
    with (REPO / "resources" / "glossary.toml").open("rb") as f:
        for kinds in tomllib.load(f).values():
            for entries in kinds.values():
                out.extend(str(v["note"]) for v in entries.values() if isinstance(v, dict) and v.get("note"))
    with (REPO / "resources" / "boilerplate.toml").open("rb") as f:
        out.extend(str(group["kind"]) for group in tomllib.load(f).get("group", ()) if group.get("kind"))
    return out


def strings() -> list[str]:
    """Every translatable string, in a stable order, without duplicates."""
    found: list[str] = []
    for path in sorted((REPO / "editor").rglob("*.py")):
        if "gui" not in path.relative_to(REPO / "editor").parts:
            found.extend(_from_code(path))
    found.extend(_rule_strings())
    return list(dict.fromkeys(s for s in found if s.strip()))


def catalogues() -> list[Path]:
    return sorted(LOCALE.glob("*/LC_MESSAGES/galley.po"))


def untranslated(po: Path) -> list[str]:
    with po.open("rb") as f:
        catalog = read_po(f)
    missing = []
    for s in strings():
        message = catalog.get(s)
        if message is None or not message.string or message.fuzzy:
            missing.append(s)
    return missing


def update(po: Path) -> int:
    """Add every new string to `po` with an empty translation; returns how many were added."""
    if po.exists():
        with po.open("rb") as f:
            catalog = read_po(f)
    else:
        catalog = Catalog(locale=po.parent.parent.name, domain="galley", project="Galley")
    added = 0
    for s in strings():
        if s not in catalog:
            catalog.add(s, "")
            added += 1
    po.parent.mkdir(parents=True, exist_ok=True)
    with po.open("wb") as f:
        write_po(f, catalog, width=120, omit_header=False, sort_output=False)
    return added


def main(argv: list[str]) -> int:
    if "--check" in argv:
        bad = 0
        for po in catalogues():
            missing = untranslated(po)
            bad += len(missing)
            for s in missing:
                print(f"{po.relative_to(REPO)}: untranslated: {s[:100]!r}")
        return 1 if bad else 0
    for po in catalogues() or [LOCALE / "fr" / "LC_MESSAGES" / "galley.po"]:
        print(f"{po.relative_to(REPO)}: {update(po)} new string(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
