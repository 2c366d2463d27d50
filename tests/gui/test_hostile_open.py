"""The editor's open path over every hostile input: the real window, offscreen, one child process per case.

Each case runs tests/gui/hostile_gui_runner.py under a memory limit and a deadline, with network connections
refused, Python's file opens audited and the case's forbidden paths watched with inotify (Qt's own loaders
do not go through Python). What a user must see:
- a file that cannot be read: no article, its message in the load-error list, a message box and the
  "Nothing to review" banner (good records of the same corpus still open);
- a file that can: the article shown in both panes, analysed, no message box;
- always: no traceback, no Qt warning, no network, nothing forbidden opened, the child finishes in bounded
  time and the GUI thread never stalls long (a 50 ms timer keeps ticking while workers load and analyse).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from tests.hostile_inputs import Case, build

REPO = Path(__file__).resolve().parents[2]
RUNNER = REPO / "tests" / "gui" / "hostile_gui_runner.py"
DEADLINE = 45.0  # seconds the child waits for loading and analysis to settle
MAX_STALL = 8.0  # the longest the GUI thread may stop answering (generous: the suite shares 2 cores)
# Cases whose analysis legitimately takes long: the text must be shown at once, the analysis run in the
# background, the window stay responsive, and Cancel must stop it (no process left running, "Cancelled" shown).
STILL_ANALYSING = {"200,000 lines"}
CANCEL_AFTER = 8.0  # seconds after opening: the person presses Cancel during that long analysis


# Heavy cases get a child of their own; the others share a window, a few at a time (each with its own session).
ALONE = {"50 MB single line", "200,000 lines", "100,000-letter word", "100,000 nested elements"}
BATCH = 8


def _batches(cases: list[Case]) -> list[list[Case]]:
    light = [c for c in cases if c.name not in ALONE]
    return [[c] for c in cases if c.name in ALONE] + [light[i : i + BATCH] for i in range(0, len(light), BATCH)]


def _run(batch: list[Case], folder: Path, n: int) -> list[dict[str, Any]]:
    work = folder / f"batch{n}"
    work.mkdir()
    for sub in ("config", "data", "cache"):
        (work / sub).mkdir()
    request = {
        "cases": [
            {"name": c.name, "path": str(c.path), "session": str(work / f"s{k}.galley"), "deadline": DEADLINE}
            | {"text_has": c.text_has, "cancel_after": CANCEL_AFTER if c.name in STILL_ANALYSING else None}
            for k, c in enumerate(batch)
        ],
        "watch": sorted({p for c in batch for p in c.forbidden_opens if not p.startswith(("/etc/", "/dev/"))}),
    }
    (work / "request.json").write_text(json.dumps(request), encoding="utf-8")
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(work / "config"),
        XDG_DATA_HOME=str(work / "data"),
        XDG_CACHE_HOME=str(work / "cache"),
        HOME=str(work),
        PYTHONPATH=str(REPO),
    )
    limit = DEADLINE * len(batch) + 60
    report = work / "report.json"
    try:
        r = subprocess.run(
            [sys.executable, str(RUNNER), str(work / "request.json"), str(report)],
            capture_output=True,
            text=True,
            cwd=REPO,
            env=env,
            timeout=limit,
        )
        died = "" if r.returncode == 0 else f"child died (status {r.returncode}): {r.stderr[-800:]}"
        stderr = r.stderr
    except subprocess.TimeoutExpired:
        died, stderr = f"no answer within {limit:.0f} s (frozen)", ""
    reports: list[dict[str, Any]] = json.loads(report.read_text(encoding="utf-8")) if report.exists() else []
    for rep in reports:
        rep["stderr"] = stderr
    for c in batch[len(reports) :]:  # the case that killed or froze the child, and those after it
        reports.append({"name": c.name, "failure": died or "no report"})
        died = died and "not reached: an earlier case of the batch failed"
    if died and reports and "failure" not in reports[-1]:
        reports[-1]["failure"] = died  # it answered, then died while closing
    return reports


def _problems(case: Case, rep: dict[str, Any]) -> list[str]:
    if "failure" in rep:
        return [rep["failure"]]
    out: list[str] = []
    if "Traceback" in rep["stderr"] or rep["tracebacks"]:
        out.append(f"traceback: {(rep['tracebacks'] or [rep['stderr']])[0][-600:]}")
    if rep["qt_warnings"]:
        out.append(f"Qt warnings: {rep['qt_warnings'][:3]}")
    if rep["network"]:
        out.append(f"network access: {rep['network']}")
    forbidden = set(case.forbidden_opens)
    if forbidden & set(rep["opened"]):
        out.append(f"opened {sorted(forbidden & set(rep['opened']))}")
    if rep["touched"]:
        out.append(f"something opened {rep['touched']}")
    if rep["max_stall"] > MAX_STALL:
        out.append(f"GUI thread stalled {rep['max_stall']:.1f} s")
    analysing = case.name in STILL_ANALYSING
    if not rep["settled"] and not analysing:
        out.append(f"not settled after {rep['elapsed']:.0f} s")
    if case.expect.startswith("error:"):
        message = case.expect.removeprefix("error:")
        if case.name == "one bad jsonl line":  # the good records open; the bad one is listed by line
            if rep["docs"] != 3 or not any("bad.jsonl:2: malformed JSON" in e for e in rep["load_errors"]):
                out.append(f"expected 3 articles and bad.jsonl:2 listed: {rep['docs']}, {rep['load_errors']}")
        else:
            if rep["docs"]:
                out.append(f"{rep['docs']} article(s) shown for a file that cannot be read")
            if not any(message in e for e in rep["load_errors"]):
                out.append(f"load errors lack {message!r}: {rep['load_errors']}")
            if not rep["banner"].startswith("Nothing to review"):
                out.append(f"no 'Nothing to review' banner: {rep['banner']!r}")
        if not any("could not be loaded" in b["text"] for b in rep["boxes"]):
            out.append(f"no message box: {rep['boxes']}")
    else:
        if rep["docs"] < 1 or rep["load_errors"]:
            out.append(f"not opened: {rep['docs']} docs, errors {rep['load_errors']}")
        if rep["boxes"]:
            out.append(f"unexpected message box: {rep['boxes']}")
        if case.text_has and not rep["raw_has"]:
            out.append(f"Raw pane lacks {case.text_has!r}")
        if not analysing and not rep["clean_equals_review"]:
            out.append("Cleaned pane differs from the review")
        if rep["encoding"] and rep["encoding"] not in rep["labels"]:
            out.append(f"encoding {rep['encoding']} not shown in the status bar: {rep['labels']!r}")
        if case.name == "utf-8 with one stray cp1252 byte" and (
            rep["fallback_lines"] != [3] or "encoding.fallback-line" not in rep["pending_rules"]
        ):
            out.append(f"the fallback line is not flagged: {rep['fallback_lines']}, {rep['pending_rules']}")
        if analysing:
            c = rep["cancelled"]
            if not c or not c["before"]:
                out.append(f"no analysis running to cancel after {CANCEL_AFTER} s: {c}")
            elif c["after"] or c["progress_visible"] or "Cancelled" not in c["status"]:
                out.append(f"Cancel did not stop the analysis: {c}")
    return out


@pytest.mark.slow
def test_editor_opens_every_hostile_input(tmp_path: Path) -> None:
    (tmp_path / "cases").mkdir()
    cases = {c.name: c for c in build(tmp_path / "cases")}
    runs = tmp_path / "runs"
    runs.mkdir()
    batches = _batches(list(cases.values()))
    with ThreadPoolExecutor(max_workers=2) as pool:
        reports = [rep for reps in pool.map(lambda nb: _run(nb[1], runs, nb[0]), enumerate(batches)) for rep in reps]
    assert sorted(r["name"] for r in reports) == sorted(cases)
    failures = []
    for rep in reports:
        problems = _problems(cases[rep["name"]], rep)
        if problems:
            failures.append(f"{rep['name']}: " + "; ".join(problems))
    assert not failures, "\n".join(failures)
