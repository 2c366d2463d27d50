#!/usr/bin/env python3
"""The core and CLI's translatable strings, and the gettext catalogues that translate them.

    .venv/bin/python scripts/messages.py            # add new strings to every .po (empty translations), drop none
    .venv/bin/python scripts/messages.py --check    # list the strings a catalogue does not translate (exit 1)

Strings are found without running the code: every literal passed to `_()`, `N_()` or `ngettext()` in editor/
(the window's own strings go through Qt's translator instead), every rule's description and pattern-rule message,
and the explanations of resources/rules/*.toml. Babel reads and writes the .po files.

An `ngettext(singular, plural, n)` call is one plural entry (`msgid` + `msgid_plural`, one `msgstr[i]` per plural
form of the language, counted by the catalogue's Plural-Forms header): gettext only chooses a form from such an
entry. A pair once written as two plain entries becomes one plural entry keeping both translations.
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
# GNU gettext's rule for French: 0 and 1 take the singular ("0 fichier", "1 fichier", "2 fichiers"). Babel would
# write CLDR's three forms, whose third ("1 000 000 de fichiers") no message of Galley needs.
PLURAL_FORMS = {"fr": "nplurals=2; plural=(n > 1);"}

Entry = str | tuple[str, str]  # a plain message, or (singular, plural)


def _from_code(path: Path) -> list[Entry]:
    out: list[Entry] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
            continue
        literals = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
        if node.func.id in MARKERS and literals:
            out.append(literals[0])
        elif node.func.id == "ngettext" and len(literals) >= 2:
            out.append((literals[0], literals[1]))
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


def strings() -> list[Entry]:
    """Every translatable string, in a stable order, without duplicates."""
    found: list[Entry] = []
    for path in sorted((REPO / "editor").rglob("*.py")):
        if "gui" not in path.relative_to(REPO / "editor").parts:
            found.extend(_from_code(path))
    found.extend(_rule_strings())
    return list(dict.fromkeys(s for s in found if (s[0] if isinstance(s, tuple) else s).strip()))


def catalogues() -> list[Path]:
    return sorted(LOCALE.glob("*/LC_MESSAGES/galley.po"))


def _read(po: Path) -> Catalog:
    with po.open("rb") as f:
        catalog = read_po(f)
    forms = PLURAL_FORMS.get(po.parent.parent.name)
    if forms:
        catalog.mime_headers = [
            *((k, v) for k, v in catalog.mime_headers if k != "Plural-Forms"),
            ("Plural-Forms", forms),
        ]
    return catalog


def _translated(catalog: Catalog, s: Entry) -> bool:
    message = catalog.get(s)
    if message is None or message.fuzzy:
        return False
    if isinstance(s, str):
        return bool(message.string) and not message.pluralizable
    forms = message.string if isinstance(message.string, tuple | list) else ()
    return message.id == s and len(forms) == catalog.num_plurals and all(forms)


def untranslated(po: Path) -> list[Entry]:
    catalog = _read(po)
    return [s for s in strings() if not _translated(catalog, s)]


def _add_plural(catalog: Catalog, entry: tuple[str, str], plain: set[str]) -> None:
    """A plural entry for `entry`, with the translations of its two halves when they were plain entries."""
    said = []
    for half in entry:
        old = catalog.get(half)
        said.append(str(old.string) if old is not None and not old.pluralizable and old.string else "")
    n = catalog.num_plurals
    catalog.add(entry, tuple(said[:1] + said[1:] * (n - 1)) if n > 1 else tuple(said[:1]))
    if entry[1] != entry[0] and entry[1] not in plain and catalog.get(entry[1]) is not None:
        del catalog[entry[1]]


def update(po: Path) -> int:
    """Add every new string to `po` with an empty translation; returns how many were added."""
    if po.exists():
        catalog = _read(po)
    else:
        catalog = Catalog(locale=po.parent.parent.name, domain="galley", project="Galley")
    added = 0
    wanted = strings()
    plain = {s for s in wanted if isinstance(s, str)}
    for s in wanted:
        existing = catalog.get(s)
        if isinstance(s, tuple) and not (existing is not None and existing.id == s):
            _add_plural(catalog, s, plain)
            added += 1
        elif isinstance(s, str) and existing is None:
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
                shown = " | ".join(s) if isinstance(s, tuple) else s
                print(f"{po.relative_to(REPO)}: untranslated: {shown[:100]!r}")
        return 1 if bad else 0
    for po in catalogues() or [LOCALE / "fr" / "LC_MESSAGES" / "galley.po"]:
        print(f"{po.relative_to(REPO)}: {update(po)} new string(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
