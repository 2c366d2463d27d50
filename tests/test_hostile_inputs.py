"""Every hostile input gets its written behaviour: a result or one clear message, in bounded time and memory.

Each case runs `galley check` and `galley clean` in a child process (tests/hostile_runner.py) with a memory
limit, a time limit, no network, and a record of every file it opened.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile_inputs import Case, build

REPO = Path(__file__).resolve().parent.parent
RUNNER = REPO / "tests" / "hostile_runner.py"
TIME_LIMIT = 240


@pytest.fixture(scope="module")
def cases(tmp_path_factory: pytest.TempPathFactory) -> list[Case]:
    return build(tmp_path_factory.mktemp("hostile"))


def _run(args: list[str], log: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(RUNNER), str(log), "--", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=TIME_LIMIT,
    )


def _check_case(case: Case, r: subprocess.CompletedProcess[str], log: Path) -> None:
    assert "Traceback" not in r.stderr, r.stderr[-2000:]
    assert "network access attempted" not in r.stderr
    if case.expect == "ok":
        assert r.returncode in (0, 1), (case.name, r.returncode, r.stderr[-500:])
        assert r.stderr.strip() == "", (case.name, r.stderr[-500:])
    else:
        assert r.returncode == 2, (case.name, r.returncode, r.stdout[-300:])
        message = case.expect.removeprefix("error:")
        assert message in r.stderr, (case.name, r.stderr)
        assert len(r.stderr.strip().splitlines()) <= 2, r.stderr  # one clear line, not a dump
    opened = set(log.read_text(encoding="utf-8").splitlines()) if log.exists() else set()
    for path in case.forbidden_opens:
        assert path not in opened, f"{case.name}: opened {path}"


@pytest.mark.slow
def test_check_on_every_hostile_input(cases: list[Case], tmp_path: Path) -> None:
    for case in cases:
        log = tmp_path / "opened.log"
        r = _run(["check", "--jobs", "1", "--format", "jsonl", str(case.path)], log)
        _check_case(case, r, log)
        if case.expect == "ok":
            records = [json.loads(line) for line in r.stdout.splitlines()]
            assert records, case.name
            if case.text_has:
                # The JSONL contract has no text field; every finding's text must lie inside the article,
                # and the article itself is checked through the loader directly below.
                from editor.formats.loaders import iter_file

                texts = [a.text for a in iter_file(case.path) if hasattr(a, "text")]
                assert any(case.text_has in t for t in texts), case.name


@pytest.mark.slow
def test_clean_on_every_hostile_input(cases: list[Case], tmp_path: Path) -> None:
    for n, case in enumerate(cases):
        log = tmp_path / "opened.log"
        out = tmp_path / f"out{n}"
        r = _run(["clean", "--jobs", "1", "--output-dir", str(out), str(case.path)], log)
        _check_case(case, r, log)
        if case.expect == "ok":
            assert any(out.iterdir()), case.name
