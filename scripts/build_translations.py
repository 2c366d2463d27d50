#!/usr/bin/env python3
"""Build the compiled translations: Qt's (.qm from the Linguist .ts in resources/translations) for the window,
gettext's (.mo from the .po in resources/locale) for the core and the command line.

Run by scripts/setup.sh at every set-up, so it must be quick when nothing changed: a .qm or .mo is rebuilt only when
its source is newer (or it is missing). Both are build products and stay out of git.

    .venv/bin/python scripts/build_translations.py [--force] [--out DIR]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOURCE_DIR = REPO / "resources" / "translations"
LOCALE_DIR = REPO / "resources" / "locale"


def lrelease() -> str | None:
    """pyside6-lrelease next to the running Python (the venv), else on PATH."""
    here = Path(sys.executable).parent / "pyside6-lrelease"
    if here.exists():
        return str(here)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def build(source_dir: Path = SOURCE_DIR, out_dir: Path | None = None, force: bool = False) -> list[Path]:
    """Compile every stale .ts; returns the .qm files written."""
    out_dir = out_dir or source_dir
    out_dir.mkdir(parents=True, exist_ok=True)
    tool = None
    built: list[Path] = []
    for ts in sorted(source_dir.glob("*.ts")):
        qm = out_dir / (ts.stem + ".qm")
        if not force and qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        tool = tool or lrelease()
        if tool is None:
            raise SystemExit("build_translations: pyside6-lrelease not found; install PySide6 (run scripts/setup.sh)")
        result = subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], capture_output=True, text=True, check=False)
        if result.returncode != 0 or not qm.exists():
            raise SystemExit(f"build_translations: lrelease failed on {ts.name}:\n{result.stdout}{result.stderr}")
        built.append(qm)
    return built


def build_catalogues(locale_dir: Path = LOCALE_DIR, force: bool = False) -> list[Path]:
    """Compile every stale gettext catalogue (.po -> .mo next to it) with Babel; returns the .mo files written."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    built: list[Path] = []
    for po in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
        mo = po.with_suffix(".mo")
        if not force and mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        with po.open("rb") as f:
            catalog = read_po(f)
        tmp = mo.with_suffix(".mo.tmp")
        with tmp.open("wb") as f:
            write_mo(f, catalog)
        tmp.replace(mo)
        built.append(mo)
    return built


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--force", action="store_true", help="rebuild even when the .qm is up to date")
    parser.add_argument("--out", type=Path, help="write the .qm files here instead of next to the .ts")
    args = parser.parse_args(argv)
    for qm in [*build(out_dir=args.out, force=args.force), *build_catalogues(force=args.force)]:
        print(f"galley setup: built {qm.relative_to(REPO) if qm.is_relative_to(REPO) else qm}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
