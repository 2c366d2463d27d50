"""`galley check|clean --scheduler`: a real Dask scheduler with two worker processes on 127.0.0.1, no mocks.

The same corpus goes through the local run and the cluster; the output must be the same bytes, also when a worker
is killed with SIGKILL in the middle of a task, when a shard holds a bad record, and an unreachable scheduler must
give one clear line and exit status 2.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import generate

pytestmark = pytest.mark.slow
PY = sys.executable
_CACHE: dict[str, str] = {}  # one suggestion-index cache for every command of this module (it takes seconds to build)


@pytest.fixture(scope="module", autouse=True)
def _shared_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    _CACHE["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))


def _galley(*args: str, shard: int = 6000, **kw: object) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, **_CACHE, "GALLEY_SHARD_BYTES": str(shard), "GALLEY_CONNECT_TIMEOUT": "3"}
    return subprocess.run([PY, "-m", "editor", *args], capture_output=True, env=env, timeout=240, **kw)  # type: ignore[call-overload, no-any-return]


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A scheduler and two single-threaded worker processes, as `dask scheduler` / `dask worker` would run them."""
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=":0")
    try:
        with Client(cluster) as client:
            client.wait_for_workers(2)
        yield str(cluster.scheduler_address)
    finally:
        cluster.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder: a JSONL corpus with a bad record and an untitled one mid-shard, an empty JSONL, two text files."""
    root = tmp_path_factory.mktemp("corpus")
    lines = []
    for i in range(24):
        record = json.loads(generate.corpus_line(i, words=40, bundled=True))
        if i % 9 == 4:
            record["title"] = "Même titre"  # names collide: -2, -3... as in the local run
        if i == 20:
            del record["title"]
        lines.append(json.dumps(record, ensure_ascii=False))
        if i == 13:
            lines.append("{ceci n'est pas du JSON")
        if i == 18:
            lines.append("")
    (root / "b_corpus.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "c_empty.jsonl").write_text("", encoding="utf-8")
    (root / "a_one.txt").write_text(generate.article(60, seed=99, bundled=True), encoding="utf-8")
    (root / "d_two.txt").write_text("Le président , qui parlait , a dit le le mot .\n", encoding="utf-8")
    return root


def test_check_on_the_cluster_matches_the_local_run(scheduler: str, corpus: Path) -> None:
    local = _galley("check", "--lang", "fr", "-j", "1", str(corpus))  # JSONL output: see the SIGKILL test
    remote = _galley("check", "--lang", "fr", "--scheduler", scheduler, str(corpus))
    assert local.returncode == remote.returncode == 2  # findings, and the bad record and the empty file
    assert remote.stdout == local.stdout
    assert remote.stderr.decode().splitlines() == local.stderr.decode().splitlines()
    errors = remote.stderr.decode()
    assert "b_corpus.jsonl:15: malformed JSON" in errors  # the bad record, with its line in the whole file
    assert "c_empty.jsonl: the file is empty" in errors


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_clean_on_the_cluster_writes_the_local_files_and_resumes(scheduler: str, corpus: Path, tmp_path: Path) -> None:
    local = _galley(
        "clean", "--lang", "fr", "--format", "json", "-j", "1", "--output-dir", str(tmp_path / "l"), str(corpus)
    )
    shared = _galley(
        "clean",
        "--lang",
        "fr",
        "--format",
        "json",
        "--scheduler",
        scheduler,
        "--output-dir",
        str(tmp_path / "s"),
        str(corpus),
    )
    collected = _galley(
        "clean", "--lang", "fr", "--format", "json", "--scheduler", scheduler, "--collect",
        "--output-dir", str(tmp_path / "c"), str(corpus),
    )  # fmt: skip
    assert local.returncode == shared.returncode == collected.returncode == 2
    expected = _tree(tmp_path / "l")
    assert "même-titre-3.json" in expected and "b_corpus-23.json" in expected  # duplicates and an untitled record
    assert _tree(tmp_path / "s") == expected
    assert _tree(tmp_path / "c") == expected

    for name in ("même-titre-2.json", "article-17.json"):  # as if the run had been cut short before these
        (tmp_path / "s" / name).unlink()
    again = _galley(
        "clean", "--lang", "fr", "--format", "json", "--scheduler", scheduler, "--resume",
        "--output-dir", str(tmp_path / "s"), str(corpus),
    )  # fmt: skip
    assert _tree(tmp_path / "s") == expected
    assert f"{len(expected) - 2} articles already written by an earlier run, kept" in again.stderr.decode()


def test_a_worker_killed_mid_task_costs_only_its_tasks(scheduler: str, tmp_path: Path) -> None:
    from distributed import Client

    corpus = tmp_path / "big.jsonl"
    corpus.write_text(
        "".join(generate.corpus_line(i, words=150, bundled=True) + "\n" for i in range(40)), encoding="utf-8"
    )
    local = _galley("check", "--lang", "fr", "--format", "jsonl", "-j", "1", str(corpus))
    env = {**os.environ, **_CACHE, "GALLEY_SHARD_BYTES": "8000"}
    args = [PY, "-m", "editor", "check", "--lang", "fr", "--format", "jsonl", "--scheduler", scheduler, str(corpus)]
    with Client(scheduler) as client:
        proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        killed = None
        deadline = time.monotonic() + 120
        while killed is None and time.monotonic() < deadline and proc.poll() is None:
            busy = [w for w, keys in client.processing().items() if any("CheckWork" in str(k) for k in keys)]
            if busy:
                pid = client.run(os.getpid, workers=[busy[0]])[busy[0]]
                os.kill(pid, signal.SIGKILL)
                killed = pid
            time.sleep(0.05)
        out, err = proc.communicate(timeout=240)
        client.wait_for_workers(2, timeout=60)  # the nanny starts a new worker process for the next tests
    assert killed is not None, "no task was seen running"
    assert proc.returncode == local.returncode == 1, err.decode()
    assert out == local.stdout  # every article exactly once, in order
    assert [json.loads(x)["index"] for x in out.splitlines()] == list(range(40))


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_an_unreachable_scheduler_is_one_clear_line(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text("Le président , qui parlait.\n", encoding="utf-8")
    for address in (f"127.0.0.1:{_closed_port()}", "local:zero"):
        r = _galley("check", "--scheduler", address, str(src))
        assert r.returncode == 2
        lines = r.stderr.decode().strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("galley: "), r.stderr.decode()
        if address != "local:zero":
            assert lines[0].startswith(f"galley: cannot reach the Dask scheduler at {address} (")


def test_dask_stays_off_the_start_up_path(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text("Le président , qui parlait.\n", encoding="utf-8")
    code = (
        "import sys, contextlib, io\n"
        "from editor.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        "    main(['--help'])\n"
        f"main(['check', '-j', '1', {str(src)!r}])\n"
        "import editor.gui.main_window\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed'))\n"
        "print('LOADED', loaded)\n"
    )
    r = subprocess.run([PY, "-c", code], capture_output=True, timeout=120, env={**os.environ, **_CACHE})
    assert b"LOADED []" in r.stdout, r.stdout + r.stderr


def test_progress_bar_only_on_a_terminal(tmp_path: Path) -> None:
    import pty

    src = tmp_path / "c.jsonl"
    src.write_text("".join(generate.corpus_line(i, words=60, bundled=True) + "\n" for i in range(8)), encoding="utf-8")
    piped = _galley("check", "-j", "1", "--lang", "fr", str(src))
    assert b"articles/s" not in piped.stderr and piped.stderr == b""
    master, slave = pty.openpty()
    try:
        env = {**os.environ, **_CACHE, "TERM": "xterm"}
        r = subprocess.run(
            [PY, "-m", "editor", "check", "-j", "1", "--lang", "fr", str(src)],
            stdout=subprocess.PIPE, stderr=slave, env=env, timeout=120,
        )  # fmt: skip
        os.close(slave)
        shown = b""
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(master)
    assert r.stdout == piped.stdout
    assert b"1/1 files" in shown and b"articles/s" in shown
