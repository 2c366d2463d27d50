"""Faults around `galley clean`, the other command that writes files (sessions and `galley export` are covered
by tests/test_session_kill.py and tests/test_export_cli.py): kill -9 in the middle of a run, a full disk, a
read-only output folder, a target that is a folder, an existing file without --force.

Real child processes: the full disk is RLIMIT_FSIZE set in the child, the kill is SIGKILL at a random moment.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from editor.cli import main
from editor.core.fileio import TEMP_PREFIX

REPO = Path(__file__).resolve().parents[1]
PARAGRAPH = "Poutine , qui a parlé avec Trump le {n} mai , a visité Kiev .  Le texte continue ici.\n\n"


def _inputs(folder: Path, version: str, sizes: list[int]) -> list[Path]:
    folder.mkdir(exist_ok=True)
    out = []
    for i, size in enumerate(sizes):
        p = folder / f"article-{i}.txt"
        p.write_text(f"Titre {i} {version}\n\n" + "".join(PARAGRAPH.format(n=k) for k in range(size)), encoding="utf-8")
        out.append(p)
    return out


def _galley(*args: str, limit: int | None = None) -> subprocess.Popen[str]:
    """`galley ARGS` in a child process, with a file-size limit standing in for a full disk."""
    prelude = "import sys\n"
    if limit is not None:
        prelude += (
            "import resource, signal\nsignal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
            f"resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}))\n"
        )
    code = prelude + "from editor.cli import main\nsys.exit(main(sys.argv[1:]))\n"
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env=dict(os.environ, PYTHONPATH=str(REPO)),
    )


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if not p.name.startswith(TEMP_PREFIX)}


@pytest.mark.slow
def test_kill9_during_clean_leaves_old_or_new_files_and_the_next_run_tidies(tmp_path: Path, random_seed: int) -> None:
    rng = random.Random(random_seed)
    sizes = [120, 120, 120, 120, 120]
    out, ref = tmp_path / "out", tmp_path / "ref"
    old_inputs = _inputs(tmp_path / "old", "ancien", sizes)
    assert main(["clean", "-j", "1", "--output-dir", str(out), *map(str, old_inputs)]) == 0
    old = _files(out)
    new_inputs = _inputs(tmp_path / "new", "nouveau", sizes)
    assert main(["clean", "-j", "1", "--output-dir", str(ref), *map(str, new_inputs)]) == 0
    new = _files(ref)
    assert old.keys() == new.keys() and all(old[k] != new[k] for k in old)
    for _ in range(4):
        for name, data in old.items():
            (out / name).write_bytes(data)
        proc = _galley("clean", "-j", "1", "--force", "--output-dir", str(out), *map(str, new_inputs))
        time.sleep(rng.uniform(1.0, 4.0))
        proc.send_signal(signal.SIGKILL)
        _, err = proc.communicate(timeout=30)
        assert "Traceback" not in err
        now = _files(out)
        assert now.keys() == old.keys()
        for name, data in now.items():
            assert data in (old[name], new[name]), f"{name} is neither the old nor the new file"
    (out / f"{TEMP_PREFIX}planted.part").write_text("half of something", encoding="utf-8")
    assert main(["clean", "-j", "1", "--force", "--output-dir", str(out), *map(str, new_inputs)]) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(new)  # stale temporaries are gone
    assert _files(out) == new


def test_full_disk_during_clean_names_what_was_not_written_and_leaves_nothing_partial(tmp_path: Path) -> None:
    inputs = _inputs(tmp_path / "in", "v", [2, 400, 2])  # the middle one is far larger than the limit
    out = tmp_path / "out"
    proc = _galley("clean", "-j", "1", "--output-dir", str(out), *map(str, inputs), limit=16 * 1024)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 2, err
    assert "Traceback" not in err
    (line,) = err.strip().splitlines()
    assert "article-1.txt not written" in line and "disk" in line.lower(), line
    assert sorted(p.name for p in out.iterdir()) == ["article-0.txt", "article-2.txt"]  # no partial file
    assert all(p.read_text(encoding="utf-8").startswith("Titre") for p in out.iterdir())


def test_read_only_folder_a_folder_as_target_and_no_silent_overwrite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (src,) = _inputs(tmp_path / "in", "v", [3])
    # -o naming an existing folder
    folder = tmp_path / "a-folder"
    folder.mkdir()
    assert main(["clean", "-j", "1", str(src), "-o", str(folder), "--force"]) == 2
    err = capsys.readouterr().err
    assert "folder" in err and "Traceback" not in err
    assert list(folder.iterdir()) == []
    # an existing file is kept without --force
    dest = tmp_path / "dest.txt"
    dest.write_text("mon travail", encoding="utf-8")
    assert main(["clean", "-j", "1", str(src), "-o", str(dest)]) == 2
    assert "exists" in capsys.readouterr().err
    assert dest.read_text(encoding="utf-8") == "mon travail"

    # a read-only output folder, as an unprivileged user (root ignores folder permissions)
    shared = Path(tempfile.mkdtemp(prefix="galley-ro-"))
    try:
        shared.chmod(0o755)
        readable = shared / "article.txt"
        readable.write_bytes(src.read_bytes())
        readable.chmod(0o644)
        ro = shared / "ro"
        ro.mkdir()
        ro.chmod(0o555)
        code = (  # one run to stdout first, so every module is imported before privileges are dropped
            "import contextlib, io, os, sys\nfrom editor.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n    main(sys.argv[1:5])\n"
            "if os.geteuid() == 0:\n    os.setgid(65534)\n    os.setuid(65534)\n"
            "sys.exit(main(sys.argv[1:]))\n"
        )
        r = subprocess.run(
            [sys.executable, "-c", code, "clean", "-j", "1", str(readable), "--output-dir", str(ro)],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=REPO,
            env=dict(os.environ, PYTHONPATH=str(REPO)),
        )
        assert r.returncode == 2, r.stderr
        assert "not written" in r.stderr and "Traceback" not in r.stderr, r.stderr
        assert list(ro.iterdir()) == []
    finally:
        shutil.rmtree(shared, ignore_errors=True)
