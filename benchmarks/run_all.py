"""Galley's speed benchmarks: every figure is a ratio against a baseline measured in the same run.

usage: .venv/bin/python benchmarks/run_all.py [--quick] [--only NAME ...] [--write]
Prints one table; --write also records it in benchmarks/RESULTS.md with the date and the machine.
The machine is noisy, so each timing is the median of several runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO))

import generate  # noqa: E402

GALLEY = [sys.executable, "-m", "editor"]
Row = tuple[str, str, str, str]  # (target, measured, bar, verdict)


def _timed(cmd: list[str], runs: int, **kw: object) -> tuple[float, subprocess.CompletedProcess[bytes]]:
    times = []
    r: subprocess.CompletedProcess[bytes] | None = None
    for _ in range(runs):
        t0 = time.perf_counter()
        r = subprocess.run(cmd, capture_output=True, cwd=REPO, **kw)  # type: ignore[call-overload]
        times.append(time.perf_counter() - t0)
    assert r is not None
    return statistics.median(times), r


def _children_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def _timed_pair(cmds: tuple[list[str], list[str]], runs: int) -> tuple[tuple[float, float], tuple[float, float]]:
    """Median wall time and median CPU (user + system, child processes included) of two commands, run in turns
    (a b a b ...): this VM's speed drifts by up to 20 % within minutes, and runs of one command all before the
    other's would put that drift into their ratio."""
    walls: tuple[list[float], list[float]] = ([], [])
    cpus: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for i, cmd in enumerate(cmds):
            c0, t0 = _children_cpu(), time.perf_counter()
            subprocess.run(cmd, capture_output=True, cwd=REPO, check=False)
            walls[i].append(time.perf_counter() - t0)
            cpus[i].append(_children_cpu() - c0)
    wall = (statistics.median(walls[0]), statistics.median(walls[1]))
    cpu = (statistics.median(cpus[0]), statistics.median(cpus[1]))
    return wall, cpu


def _peak_rss_kb(cmd: list[str]) -> int:
    """Peak resident memory of a child command, through GNU time's %M."""
    r = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], capture_output=True, cwd=REPO, text=True)
    return int(r.stderr.strip().splitlines()[-1])


def bench_check_vs_hunspell(tmp: Path, quick: bool) -> list[Row]:
    words = 50_000 if quick else 200_000
    text = tmp / "big.txt"
    text.write_text(generate.article(words), encoding="utf-8")
    runs = 1 if quick else 3
    if not shutil.which("hunspell"):
        return [("check vs hunspell -l", "hunspell not installed (apt-get install hunspell)", "", "n/a")]
    t_h, _ = _timed(["hunspell", "-l", "-d", "fr_FR", str(text)], runs)
    t_g, r = _timed([*GALLEY, "check", "--jobs", "0", "--lang", "fr", "--format", "jsonl", str(text)], runs)
    findings = len(json.loads(r.stdout.decode().splitlines()[0])["findings"]) if r.stdout else 0
    ratio = t_g / t_h
    return [
        (
            f"1. `galley check`, every rule, {words // 1000}k-word article vs `hunspell -l`",
            f"{ratio:.2f}× ({t_g:.2f} s vs {t_h:.2f} s; {findings} findings with suggestions)",
            "≤ 0.5×",
            "met" if ratio <= 0.5 else "NOT met",
        )
    ]


def bench_batch_scaling(tmp: Path, quick: bool) -> list[Row]:
    n = 60 if quick else 1200  # large enough that start-up (imports, dictionaries) does not dominate throughput
    corpus = tmp / "corpus.jsonl"
    with open(corpus, "w", encoding="utf-8") as f:
        for i in range(n):
            f.write(generate.corpus_line(i) + "\n")
    runs = 1 if quick else 3
    rows: list[Row] = []
    for cmd in ("check", "clean"):
        extra = ["--format", "jsonl"] if cmd == "check" else ["--output-dir", str(tmp / "out"), "--force"]
        one, two = ([*GALLEY, cmd, "--jobs", str(j), "--lang", "fr", *extra, str(corpus)] for j in (1, 2))
        (t1, t2), (cpu1, cpu2) = _timed_pair((one, two), runs)
        speedup = t1 / t2
        rows.append(
            (
                f"2. `galley {cmd}` on a {n}-article JSONL corpus, 2 cores vs 1",
                f"{speedup:.2f}× throughput ({t1:.2f} s → {t2:.2f} s; CPU {cpu1:.1f} s → {cpu2:.1f} s, runs in turns)",
                "≥ 1.7×",
                "met" if speedup >= 1.7 else "NOT met",
            )
        )
    return rows


def bench_streaming_memory(tmp: Path, quick: bool) -> list[Row]:
    small, large = (200, 800) if quick else (1000, 4000)
    paths = []
    for n in (small, large):
        p = tmp / f"stream{n}.jsonl"
        line = generate.corpus_line(7)
        with open(p, "w", encoding="utf-8") as f:
            for _ in range(n):
                f.write(line + "\n")
        paths.append(p)
    rss = [_peak_rss_kb([*GALLEY, "check", "--jobs", "1", "--lang", "fr", "--format", "jsonl", str(p)]) for p in paths]
    size = [p.stat().st_size / 1e6 for p in paths]
    growth = rss[1] / rss[0]
    return [
        (
            "4. `galley check` streams a JSONL corpus: peak memory, 4× the corpus",
            f"{growth:.2f}× ({rss[0] / 1024:.0f} MB at {size[0]:.0f} MB of input, "
            f"{rss[1] / 1024:.0f} MB at {size[1]:.0f} MB)",
            "flat (≤ 1.2×)",
            "met" if growth <= 1.2 else "NOT met",
        )
    ]


def bench_startup(tmp: Path, quick: bool) -> list[Row]:
    runs = 3 if quick else 7
    t_py, _ = _timed([sys.executable, "-c", "pass"], runs)
    t_v, _ = _timed([*GALLEY, "--version"], runs)
    return [
        (
            "5. `galley --version` start-up (no Qt on the CLI path)",
            f"{t_v:.3f} s ({t_v / t_py:.1f}× a bare `python -c pass` at {t_py:.3f} s)",
            "< 0.3 s",
            "met" if t_v < 0.3 else "NOT met",
        )
    ]


def bench_gui(tmp: Path, quick: bool) -> list[Row]:
    script = HERE / "gui_bench.py"
    if not script.exists():
        return [("3. editor", "benchmarks/gui_bench.py missing", "", "n/a")]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    r = subprocess.run(
        [sys.executable, str(script), *(["--quick"] if quick else [])],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=1800,
    )
    if r.returncode != 0:
        return [("3. editor", f"gui_bench failed: {r.stderr.strip()[-300:]}", "", "NOT met")]
    return [tuple(row) for row in json.loads(r.stdout.strip().splitlines()[-1])]  # type: ignore[misc]


BENCHES: dict[str, Callable[[Path, bool], list[Row]]] = {
    "check": bench_check_vs_hunspell,
    "batch": bench_batch_scaling,
    "gui": bench_gui,
    "memory": bench_streaming_memory,
    "startup": bench_startup,
}


def table(rows: list[Row]) -> str:
    out = ["| target | measured | bar | verdict |", "|---|---|---|---|"]
    out += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="smaller inputs, one run each")
    ap.add_argument("--only", nargs="*", choices=sorted(BENCHES))
    ap.add_argument("--write", action="store_true", help="record the table in benchmarks/RESULTS.md")
    args = ap.parse_args()
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="galley-bench-") as d:
        for name in args.only or list(BENCHES):
            print(f"running {name}...", file=sys.stderr, flush=True)
            rows.extend(BENCHES[name](Path(d), args.quick))
    result = table(rows)
    print(result)
    if args.write:
        cpu = platform.processor() or platform.machine()
        header = (
            f"## {dt.date.today().isoformat()}: {os.cpu_count()} cores, {cpu}, Python {platform.python_version()}"
            f"{' (quick)' if args.quick else ''}\n\n"
        )
        res = HERE / "RESULTS.md"
        old = res.read_text(encoding="utf-8") if res.exists() else "# Benchmark results\n\n"
        head, _, rest = old.partition("\n\n")
        res.write_text(f"{head}\n\n{header}{result}\n\n{rest}".rstrip() + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
