"""Throughput of `galley check` (or `clean`) on one generated corpus: local with 1 and 2 processes, and a real Dask
cluster on 127.0.0.1 with 1 and 2 worker processes, as ratios measured in one run.

usage: .venv/bin/python benchmarks/dask_bench.py [--articles 5000] [--words 300] [--runs 3] [--command check|clean]

The clusters are started with the `dask scheduler` / `dask worker` commands of this environment, as a user would
(one thread per worker process), and warmed by one untimed run: a cluster is long-lived, so what is measured is
the work, plus the client's own start-up, as for the local runs. Each figure is the median of `--runs` runs.
Target: Dask with 2 workers at least 1.7x the throughput of Dask with 1 worker on a 2-core machine. On a loaded
machine every ratio drops; run it on a quiet one.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402

BIN = Path(sys.executable).parent
GALLEY = [sys.executable, "-m", "editor"]
TARGET = 1.7


@contextmanager
def cluster(workers: int, tmp: Path) -> Iterator[str]:
    """A scheduler and `workers` single-threaded worker processes on 127.0.0.1; yields the scheduler address."""
    from distributed import Client

    info = tmp / f"scheduler-{workers}.json"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    sched = subprocess.Popen(
        [str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
         "--scheduler-file", str(info)],
        **quiet,
    )  # fmt: skip
    work = None
    try:
        deadline = time.monotonic() + 60
        while not info.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        address = json.loads(info.read_text())["address"]
        work = subprocess.Popen(
            [str(BIN / "dask"), "worker", address, "--nworkers", str(workers), "--nthreads", "1", "--no-dashboard"],
            **quiet,
        )  # fmt: skip
        with Client(address) as client:
            client.wait_for_workers(workers, timeout=120)
        yield address
    finally:
        for proc in (work, sched):
            if proc is not None:
                proc.terminate()
                try:
                    proc.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    proc.kill()


def timed(cmd: list[str], runs: int, out: Path) -> tuple[float, bytes]:
    times = []
    data = b""
    for _ in range(runs):
        t0 = time.perf_counter()
        r = subprocess.run(cmd, capture_output=True, cwd=REPO)
        times.append(time.perf_counter() - t0)
        if r.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(cmd)} failed:\n{r.stderr.decode()}")
        data = r.stdout
    out.write_bytes(data)
    return statistics.median(times), data


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--words", type=int, default=300, help="words per article")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--command", choices=["check", "clean"], default="check")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="galley-dask-bench-") as d:
        tmp = Path(d)
        corpus = tmp / "corpus.jsonl"
        with open(corpus, "w", encoding="utf-8") as f:
            for i in range(args.articles):
                f.write(generate.corpus_line(i, args.words) + "\n")
        base = [*GALLEY, args.command, "--lang", "fr", *(["--format", "jsonl"] if args.command == "check" else [])]
        print(f"corpus: {args.articles} articles of ~{args.words} words, {corpus.stat().st_size / 1e6:.1f} MB; "
              f"`galley {args.command}`, median of {args.runs} run(s)", flush=True)  # fmt: skip
        rows: list[tuple[str, float]] = []
        outputs: dict[str, bytes] = {}
        for jobs in (1, 2):
            name = f"local, {jobs} process{'es' if jobs > 1 else ''}"
            t, outputs[name] = timed([*base, "--jobs", str(jobs), str(corpus)], args.runs, tmp / f"l{jobs}.out")
            rows.append((name, t))
            print(f"  {name}: {t:.2f} s", flush=True)
        for workers in (1, 2):
            name = f"Dask, {workers} worker{'s' if workers > 1 else ''}"
            with cluster(workers, tmp) as address:
                cmd = [*base, "--scheduler", address, str(corpus)]
                subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=REPO)  # warm the workers
                t, outputs[name] = timed(cmd, args.runs, tmp / f"d{workers}.out")
            rows.append((name, t))
            print(f"  {name}: {t:.2f} s", flush=True)
    same = len(set(outputs.values())) == 1
    base_t = rows[0][1]
    print()
    print("| run | time | articles/s | throughput vs local 1 process |")
    print("|---|---|---|---|")
    for name, t in rows:
        print(f"| {name} | {t:.2f} s | {args.articles / t:.1f} | {base_t / t:.2f}x |")
    ratio = rows[2][1] / rows[3][1]
    verdict = "met" if ratio >= TARGET else "NOT met"
    print(f"\nDask 2 workers vs 1 worker: {ratio:.2f}x throughput (target >= {TARGET}x: {verdict}); "
          f"outputs identical across the four runs: {'yes' if same else 'NO'}")  # fmt: skip
    return 0 if same else 1


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
