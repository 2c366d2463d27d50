#!/usr/bin/env python3
"""Build Qt's compiled translations (.qm) from the Linguist sources (.ts) in resources/translations.

Run by scripts/setup.sh at every set-up, so it must be quick when nothing changed: a .qm is rebuilt only when its
.ts is newer (or the .qm is missing). The .qm files are build products and stay out of git.

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--force", action="store_true", help="rebuild even when the .qm is up to date")
    parser.add_argument("--out", type=Path, help="write the .qm files here instead of next to the .ts")
    args = parser.parse_args(argv)
    for qm in build(out_dir=args.out, force=args.force):
        print(f"galley setup: built {qm.relative_to(REPO) if qm.is_relative_to(REPO) else qm}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
