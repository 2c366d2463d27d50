"""Where loading the re-check machinery in a background thread stops the GUI thread.

The window loads it (`editor.gui.jobs.warm_checker`) in a worker thread when a long article's review arrives from
its separate process. A step that holds the interpreter lock for long (one big C call: unmarshalling, a dict merge,
a C library's initialisation) stops the GUI thread for as long, and a person typing feels anything over ~10 ms.

This runs the warm in a thread of a fresh process while the main thread sleeps 1 ms at a time and measures its own
lateness (what the GUI thread would wait), telling apart the waits during which the warm thread ran (it held the
lock) from those where other processes had the cores. The warm thread's C calls that run no Python code and take
more than 3 ms of its CPU time are named too (a profile hook: the whole warm is slower with it, single calls not).

    .venv/bin/python benchmarks/gil_stalls.py [--no-calls] [--lang fr]
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lang", default="fr")
    ap.add_argument("--no-calls", action="store_true", help="no profile hook: only the main thread's lateness")
    ap.add_argument("--switch-ms", type=float, default=None, help="sys.setswitchinterval for the run")
    ap.add_argument("--over-ms", type=float, default=5.0, help="list the main thread's waits over this")
    args = ap.parse_args()
    if args.switch_ms is not None:
        sys.setswitchinterval(args.switch_ms / 1000)

    from editor.core.article import Article
    from editor.core.rules.base import CheckConfig
    from editor.gui.jobs import warm_checker

    article = Article(text="Le président a parlé hier soir.", lang=args.lang)
    config = CheckConfig()
    calls: list[tuple[float, float, str]] = []
    # open C calls: [start (thread CPU time), wall start, ran Python inside]; a C call that runs Python code
    # (an import executing a module, list.extend over a generator) lets the lock go like any Python code
    stack: list[list[Any]] = []

    def hook(frame: Any, event: str, arg: Any) -> None:
        if event == "c_call":
            stack.append([time.thread_time(), time.perf_counter(), False])
        elif event in ("c_return", "c_exception"):
            if stack:
                cpu0, t0, ran_python = stack.pop()
                took = time.thread_time() - cpu0
                if took > args.over_ms / 1000 * 0.6 and not ran_python:
                    where = f"{frame.f_code.co_filename.rsplit('/', 1)[-1]}:{frame.f_lineno}"
                    calls.append((t0, took, f"{getattr(arg, '__qualname__', arg)} at {where}"))
        elif event == "call":
            for entry in stack:
                entry[2] = True

    done = threading.Event()

    def warm() -> None:
        if not args.no_calls:
            sys.setprofile(hook)
        try:
            warm_checker(article, config)
        finally:
            sys.setprofile(None)
            done.set()

    t_start = time.perf_counter()
    worker = threading.Thread(target=warm, daemon=True)
    worker.start()
    assert worker.ident is not None
    clock = time.pthread_getcpuclockid(worker.ident)
    stalls: list[tuple[float, float, float]] = []
    last, last_cpu = time.perf_counter(), time.clock_gettime(clock)
    while not done.is_set():
        time.sleep(0.001)
        now = time.perf_counter()
        try:
            cpu = time.clock_gettime(clock)
        except OSError:  # the thread ended
            break
        late = now - last - 0.001
        if late > args.over_ms / 1000:
            stalls.append((last, late, cpu - last_cpu))
        last, last_cpu = now, cpu
    total = time.perf_counter() - t_start
    # The warm thread ran (on the CPU) for most of the wait: it held the lock. Otherwise the machine's other
    # processes had the cores (a shared machine), which no change here can help.
    held = [(t, late, cpu) for t, late, cpu in stalls if cpu >= 0.7 * late]
    worst = sorted((late for _, late, _ in held), reverse=True)[:5]
    print(
        f"warm took {total * 1000:.0f} ms; main thread late > {args.over_ms:g} ms {len(stalls)} times, "
        f"{len(held)} while the warm thread ran, worst {', '.join(f'{x * 1000:.1f}' for x in worst)} ms:"
    )
    for t, late, cpu in stalls:
        mark = "held" if cpu >= 0.7 * late else "    "
        print(
            f"  at {(t - t_start) * 1000:7.1f} ms: {late * 1000:5.1f} ms, warm thread ran {cpu * 1000:5.1f} ms {mark}"
        )
    if calls:
        print(f"warm thread's C calls running no Python, over {args.over_ms * 0.6:g} ms of its CPU time:")
        for t, took, what in sorted(calls):
            print(f"  at {(t - t_start) * 1000:7.1f} ms: {took * 1000:5.1f} ms  {what}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
