"""Analysis entry points the editor runs off the GUI thread. Qt-free on purpose, and so in the core: long articles
are analysed in a separate process (a Python analysis in a thread starves the GUI thread of the GIL, and one
regular expression over a multi-megabyte line can hold it for seconds), and that process must not load Qt.
"""

from __future__ import annotations

import contextlib
import threading
from typing import TYPE_CHECKING, Any

from editor.core.article import Article
from editor.core.rules.base import CheckConfig

if TYPE_CHECKING:  # imported when used: the editor's window must paint before the analysis machinery loads
    from editor.core.review import Review
    from editor.core.urls import Link

# Articles longer than this (characters) are analysed in a separate process.
PROCESS_ABOVE = 300_000


class AnalysisCancelled(Exception):
    """The person moved on (another article, Cancel) before the analysis ended."""


def analyse_article(article: Article, config: CheckConfig, state: dict[str, Any] | None) -> tuple[Review, list[Link]]:
    """Build the review of one article (restoring a saved state when there is one) and find its links."""
    from editor.core.review import Review
    from editor.core.urls import find_links

    review = None
    if state:
        with contextlib.suppress(Exception):
            review = Review.restore(article, config, state)
    if review is None:
        review = Review.open(article, config)
    try:
        links = find_links(article.text, article.url)
    except Exception:
        links = []
    return review, links


def child_main(job: str) -> None:
    """The analysis process: a pickled (article, config, state) in the file `job`, a pickled ("ok", result) or
    ("error", message) on stdout."""
    import pickle
    import sys

    with open(job, "rb") as f:
        article, config, state = pickle.load(f)
    try:
        out: tuple[str, object] = ("ok", analyse_article(article, config, state))
    except Exception as e:
        out = ("error", f"{type(e).__name__}: {e}")
    sys.stdout.buffer.write(pickle.dumps(out, protocol=pickle.HIGHEST_PROTOCOL))
    sys.stdout.buffer.flush()


def analyse_maybe_in_process(
    article: Article, config: CheckConfig, state: dict[str, Any] | None, cancel: threading.Event
) -> tuple[Review, list[Link]]:
    """analyse_article, in a child process for long articles, so the GUI thread keeps the GIL to itself; the
    child is killed when the analysis is cancelled. A fresh interpreter (not multiprocessing): it must not
    re-run whatever script started the editor."""
    if len(article.text) <= PROCESS_ABOVE:
        return analyse_article(article, config, state)
    import os
    import pickle
    import subprocess
    import sys
    from pathlib import Path

    import editor

    root = str(Path(editor.__file__).resolve().parent.parent)
    env = dict(os.environ)
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.pop("QT_QPA_PLATFORM", None)
    import tempfile

    # The input goes through a file: a pipe would need a writer thread next to the timed reads below.
    with tempfile.NamedTemporaryFile(prefix="galley-analysis-", suffix=".pickle", delete=False) as f:
        pickle.dump((article, config, state), f, protocol=pickle.HIGHEST_PROTOCOL)
        job = f.name
    try:
        try:
            proc = subprocess.Popen(
                [
                    sys.executable,
                    "-c",
                    "import sys; from editor.core.analysis import child_main; child_main(sys.argv[1])",
                    job,
                ],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=env,
            )
        except OSError:  # no process could be started (resource limits): analyse here
            return analyse_article(article, config, state)
        while True:
            try:
                out, err = proc.communicate(timeout=0.1)
                break
            except subprocess.TimeoutExpired:
                if cancel.is_set():
                    proc.kill()
                    proc.communicate()
                    raise AnalysisCancelled from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(job)
    if proc.returncode != 0 or not out:
        detail = err.decode("utf-8", "replace").strip().splitlines()
        raise RuntimeError(detail[-1] if detail else f"the analysis process ended with status {proc.returncode}")
    status, value = pickle.loads(out)
    if status != "ok":
        raise RuntimeError(str(value))
    review, links = value
    return review, links
