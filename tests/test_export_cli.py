"""`galley session` and `galley export` as a person runs them, and exports cut short by kill -9 or a full disk."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pytest

from editor.cli import main
from editor.core.export import export_session
from editor.core.fileio import TEMP_PREFIX
from editor.core.review import Review
from editor.core.session import Session
from editor.formats.export import EXPORTERS
from editor.formats.loaders import iter_paths

REPO = Path(__file__).resolve().parents[1]
CHILD = REPO / "tests" / "helpers_session_child.py"

PARAGRAPH = "Poutine , qui a parlé avec Trump le {n} mai, visite une Kernkraftwerk de Selenskyj .\n\n"


def _make_session(tmp_path: Path, sizes: list[int], *, decide: bool = False) -> Path:
    """A session over one JSON file per article (`sizes` = paragraphs per article), reviews saved."""
    src = tmp_path / "src"
    src.mkdir(exist_ok=True)
    for i, size in enumerate(sizes):
        text = f"Article numéro {i}\n\n" + "".join(PARAGRAPH.format(n=i * 1000 + k) for k in range(size))
        (src / f"a{i}.json").write_text(json.dumps({"title": f"Article {i} é", "text": text}), encoding="utf-8")
    path = tmp_path / "s.galley"
    with Session.open(path, loader=iter_paths) as s:
        for aid in s.add_paths([src]):
            rv = Review.open(s.article(aid), s.check_config())
            if decide:
                rv.accept_all("terminology.glossary")
            s.commit_review(aid, rv)
    return path


def _spawn(*args: str) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.Popen(
        [sys.executable, str(CHILD), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env=env,
    )


def test_session_command_text_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _make_session(tmp_path, [1, 1], decide=True)
    with Session.open(path, loader=iter_paths) as s:
        s.set_status(1, "done")
        s.set_current(2, 7)
    assert main(["session", str(path)]) == 0
    out = capsys.readouterr().out
    assert "2 article(s): 1 done, 1 in progress, 0 to do" in out
    assert "Article 0 é" in out and "accepted" in out
    assert main(["session", str(path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [a["status"] for a in data["articles"]] == ["done", "in_progress"]
    assert data["current"] == {"article": 2, "cursor": 7}
    assert {d["text"] for d in data["decisions"]} == {"Kernkraftwerk", "Selenskyj"}
    assert set(data["decisions"][0]) == {"article", "category", "rule", "start", "end", "text", "action", "replacement"}


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("missing", "no such session file"),
        ("text", "not an SQLite database"),
        ("sqlite", "not a Galley session"),
        ("folder", "is a folder"),
        ("empty", "not a Galley session"),
    ],
)
def test_session_and_export_refuse_what_is_not_a_session(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], setup: str, message: str
) -> None:
    path = tmp_path / "x.galley"
    if setup == "text":
        path.write_text("juste du texte")
    elif setup == "sqlite":
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE notes(x)")
        conn.commit()
        conn.close()
    elif setup == "folder":
        path.mkdir()
    elif setup == "empty":
        path.write_bytes(b"")
    for argv in (["session", str(path)], ["export", str(path), "--output-dir", str(tmp_path / "out")]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert message in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()
    if setup == "empty":
        assert path.read_bytes() == b""  # a reader never turns a stray file into a session


def test_export_command_writes_every_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _make_session(tmp_path, [1, 2], decide=True)
    for fmt in ("txt", "md", "html", "json", "jsonl"):
        out = tmp_path / fmt
        assert main(["export", str(path), "--output-dir", str(out), "--format", fmt]) == 0
        files = sorted(out.iterdir())
        assert len(files) == (1 if fmt == "jsonl" else 2)
        assert f"2 article(s) in {len(files)} file(s) written" in capsys.readouterr().err
        assert all(p.suffix == f".{fmt}" for p in files)
        assert all("centrale nucléaire" in p.read_text(encoding="utf-8") for p in files)
    # again without --force: refused, nothing touched
    before = {p: p.read_bytes() for p in (tmp_path / "txt").iterdir()}
    assert main(["export", str(path), "--output-dir", str(tmp_path / "txt")]) == 2
    assert "use --force" in capsys.readouterr().err
    assert {p: p.read_bytes() for p in (tmp_path / "txt").iterdir()} == before
    # the report, by suffix
    assert main(["export", str(path), "--output-dir", str(tmp_path / "r"), "--report", str(tmp_path / "r.csv")]) == 0
    assert (tmp_path / "r.csv").read_text(encoding="utf-8").startswith("kind,name,findings,")
    assert main(["export", str(path), "--output-dir", str(tmp_path / "r2"), "--report", str(tmp_path / "r.pdf")]) == 2
    assert ".csv or .html" in capsys.readouterr().err


def test_a_target_that_is_a_folder_is_named_and_fails_the_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _make_session(tmp_path, [1, 1])
    out = tmp_path / "out"
    (out / "article-1-é.txt").mkdir(parents=True)
    assert main(["export", str(path), "--output-dir", str(out), "--force"]) == 1
    err = capsys.readouterr().err
    assert "not written: Article 1 é" in err and "is a folder" in err
    assert (out / "article-0-é.txt").is_file()


def test_read_only_output_folder_gives_a_clear_error_and_writes_nothing(tmp_path: Path) -> None:
    """As an unprivileged user (root ignores folder permissions)."""
    path = _make_session(tmp_path, [1])
    folder = Path(tempfile.mkdtemp(prefix="galley-ro-"))
    try:
        folder.chmod(0o555)
        code = textwrap.dedent(
            f"""
            import os, sys
            import editor.core.export, editor.core.review, editor.formats.export, json, csv, html
            from editor.core.session import Session
            from editor.core.fileio import ExportError
            from editor.core.i18n import set_language
            set_language(None)  # loads the message catalogue (and gettext's locale module) while they are readable
            session = Session.open({str(path)!r}, readonly=True)
            session.articles()
            if os.geteuid() == 0:
                os.setgid(65534)
                os.setuid(65534)
            try:
                editor.core.export.export_session(
                    session, {str(folder)!r}, "txt", formats=editor.formats.export.EXPORTERS
                )
            except ExportError as e:
                print(e)
                sys.exit(3)
            """
        )
        r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=REPO)
        assert r.returncode == 3, r.stderr
        assert "not writable" in r.stdout
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)
        shutil.rmtree(folder)


def test_full_disk_during_export_leaves_no_partial_file_and_names_what_was_not_written(tmp_path: Path) -> None:
    path = _make_session(tmp_path, [2, 200, 2])  # the middle article is far larger than the limit
    reference = export_session(Session.open(path, readonly=True), tmp_path / "ref", "txt", formats=EXPORTERS)
    sizes = {p.name: p.stat().st_size for p in reference.written}
    limit = 16 * 1024
    assert min(sizes.values()) < limit < max(sizes.values())
    out = tmp_path / "out"
    proc = _spawn("exportfull", str(path), str(out), "txt", str(limit))
    stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 3, stderr
    assert "Traceback" not in stderr
    written = [ln[2:] for ln in stdout.splitlines() if ln.startswith("W ")]
    failed = [ln[2:] for ln in stdout.splitlines() if ln.startswith("F ")]
    assert written == ["article-0-é.txt"]
    assert failed[0].startswith("Article 1 é\t") and "disk is full" in failed[0]
    assert failed[1].startswith("Article 2 é\t") and "not written" in failed[1]
    assert sorted(p.name for p in out.iterdir()) == ["article-0-é.txt"]  # nothing partial, no temporary
    assert (out / "article-0-é.txt").read_bytes() == (tmp_path / "ref" / "article-0-é.txt").read_bytes()
    with Session.open(path) as s:
        assert s.integrity_check() == "ok"


def _kill_during_export(tmp_path: Path, rounds: int, seed: int) -> None:
    rng = random.Random(seed)
    path = _make_session(tmp_path, [30, 30, 30, 30])
    out = tmp_path / "out"
    old = {
        p.name: p.read_bytes()
        for p in export_session(Session.open(path, readonly=True), out, "txt", formats=EXPORTERS).written
    }
    with Session.open(path) as s:  # new decisions: every file's content changes
        for rec in s.articles():
            rv = Review.restore(s.article(rec.id), s.check_config(), s.load_review(rec.id) or {})
            rv.accept_all("terminology.glossary")
            s.commit_review(rec.id, rv)
    new_dir = tmp_path / "new"
    new = {
        p.name: p.read_bytes()
        for p in export_session(Session.open(path, readonly=True), new_dir, "txt", formats=EXPORTERS).written
    }
    assert new.keys() == old.keys() and all(new[k] != old[k] for k in new)
    for _ in range(rounds):
        for name, data in old.items():  # start each round from the old files
            (out / name).write_bytes(data)
        proc = _spawn("export", str(path), str(out), "txt")
        assert proc.stdout is not None
        started = proc.stdout.readline()
        assert started.startswith("S "), proc.stderr.read() if proc.stderr else ""
        time.sleep(rng.uniform(0.0, 0.25))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        for p in out.iterdir():
            if p.name.startswith(TEMP_PREFIX):
                continue
            assert p.read_bytes() in (old[p.name], new[p.name]), f"{p.name} is neither the old nor the new file"
        assert {p.name for p in out.iterdir() if not p.name.startswith(TEMP_PREFIX)} == set(old)
    (out / f"{TEMP_PREFIX}planted.part").write_text("half of something")
    assert main(["export", str(path), "--output-dir", str(out), "--force"]) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(new)  # stale temporaries are gone
    assert all((out / k).read_bytes() == v for k, v in new.items())


def test_kill9_during_export_leaves_old_or_new_files(tmp_path: Path) -> None:
    _kill_during_export(tmp_path, rounds=2, seed=3)


@pytest.mark.slow
def test_kill9_during_export_many_times(tmp_path: Path, random_seed: int) -> None:
    _kill_during_export(tmp_path, rounds=8, seed=random_seed)
