"""How many findings wait for review in articles not opened yet, counted in a separate process.

The editor's article list shows every article's pending count so the person sees where work is left. Counting
means analysing (or restoring) each article: Python work that, in a thread beside the window's, would slow both
many times over (they share one GIL), so a child process does it and reports one line per article as it goes.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from editor.core.article import Article
from editor.core.rules.base import CheckConfig

# (index in the caller's list, article, saved review state or None)
Entry = tuple[int, Article, "dict[str, Any] | None"]


def pending_count(article: Article, config: CheckConfig, state: dict[str, Any] | None) -> int:
    """Pending findings of the article's review (its saved state when there is one), rules switched off left out:
    the number the window shows once the article is opened."""
    from editor.core.analysis import analyse_article

    review, _links = analyse_article(article, config, state, messages=False)
    return sum(1 for it in review.pending() if config.wants(it.rule))


def child_main(job: str) -> None:
    """The counting process: pickled (entries, config) in the file `job`; one "index count" line per article on
    stdout, flushed as each is known ("index -1" when an article could not be analysed)."""
    with open(job, "rb") as f:
        entries, config = pickle.load(f)
    out = sys.stdout
    for index, article, state in entries:
        try:
            n = pending_count(article, config, state)
        except Exception:
            n = -1
        out.write(f"{index} {n}\n")
        out.flush()


def count_in_process(
    entries: Sequence[Entry],
    config: CheckConfig,
    found: Callable[[int, int], None],
    cancel: threading.Event,
) -> None:
    """Count the pending findings of `entries` in a child process, calling found(index, count) as each arrives
    (count -1: the article could not be analysed). A cancel kills the child at the next article."""
    if not entries:
        return
    import editor

    root = str(Path(editor.__file__).resolve().parent.parent)
    env = dict(os.environ)
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.pop("QT_QPA_PLATFORM", None)
    with tempfile.NamedTemporaryFile(prefix="galley-counts-", suffix=".pickle", delete=False) as f:
        pickle.dump((list(entries), config), f, protocol=pickle.HIGHEST_PROTOCOL)
        job = f.name
    try:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-c",
                "import sys; from editor.core.pending import child_main; child_main(sys.argv[1])",
                job,
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
            text=True,
        )
        try:
            assert proc.stdout is not None
            for line in proc.stdout:
                if cancel.is_set():
                    break
                index, _, n = line.partition(" ")
                with contextlib.suppress(ValueError):
                    found(int(index), int(n))
        finally:
            if proc.poll() is None:
                proc.kill()
            proc.wait()
    finally:
        with contextlib.suppress(OSError):
            os.unlink(job)
