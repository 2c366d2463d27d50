"""Galley's quality on real data written outside the project (../shared/eval), as one table.

usage: [EVAL_HALF=check|tune|all] .venv/bin/python benchmarks/quality.py [EVAL_DIR]
Every figure is on the check half unless EVAL_HALF says otherwise (see halves.py).
Each `quality_*.py` module beside this one measures one area through `measure(eval_dir) -> [(metric, value)]`;
this script runs them all. Not part of the test suite: the data is not shipped with Galley.
"""

from __future__ import annotations

import importlib
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))


def main() -> int:
    os.environ.setdefault("EVAL_HALF", "check")  # the scorer run in subprocesses reports the same half
    eval_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent.parent / "shared" / "eval"
    if not eval_dir.is_dir():
        print(f"no evaluation data at {eval_dir}", file=sys.stderr)
        return 2
    print("| area | measure | value |\n|---|---|---|")
    for module_path in sorted(HERE.glob("quality_*.py")):
        name = module_path.stem
        t0 = time.perf_counter()
        try:
            rows = importlib.import_module(name).measure(eval_dir)
        except Exception as e:  # a broken measure must not hide the others
            rows = [("error", f"{type(e).__name__}: {e}")]
        area = name.removeprefix("quality_")
        for metric, value in rows:
            print(f"| {area} | {metric} | {value} |", flush=True)
        print(f"  ({area}: {time.perf_counter() - t0:.1f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
