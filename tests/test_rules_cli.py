"""`galley rules`: a user can list what Galley checks and read why a rule exists before switching it off."""

from __future__ import annotations

import json
import subprocess
import sys

from editor.core.rules import all_rules


def galley(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "editor", *args], capture_output=True, text=True, timeout=120)


def test_lists_every_rule_with_its_severity_languages_and_fix_mode() -> None:
    r = galley("rules")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert len(lines) == len(all_rules())
    comma = next(line for line in lines if line.startswith("typography.space-before-comma "))
    assert "warning" in comma and "auto" in comma and "no space before a comma" in comma
    register = next(line for line in lines if line.startswith("register.second-person "))
    assert "review" in register and " fr " in register


def test_prefix_filters_and_json_lists_the_fields() -> None:
    r = galley("rules", "--format", "json", "casing")
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert rows and all(row["id"].startswith("casing.") for row in rows)
    assert {"id", "category", "severity", "languages", "auto", "description", "explanation", "examples"} <= set(rows[0])


def test_an_exact_id_shows_the_explanation_and_examples() -> None:
    r = galley("rules", "terminology.glossary")
    assert r.returncode == 0, r.stderr
    assert "Selenskyj" in r.stdout and "wrong:" in r.stdout and "right:" in r.stdout
    assert "suggestion: 'Zelensky'" in r.stdout


def test_an_unknown_rule_is_one_clear_line_and_exit_2() -> None:
    r = galley("rules", "nosuch")
    assert r.returncode == 2
    assert r.stderr.strip().startswith("galley: no rule") and "Traceback" not in r.stderr
