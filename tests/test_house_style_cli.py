"""An article's typographic house style on the command line and in sessions: `--house-style keep` reports nothing
for a convention the article keeps, the session carries the choice to `galley session` and `galley export`."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from editor.cli import main
from editor.core.review import Review
from editor.core.rules.base import CheckConfig
from editor.core.session import Session
from editor.formats.loaders import iter_paths

RULE = "typography.nbsp-guillemets"
ARTICLE = (
    "Le ministre a qualifié la grève de «prise d'otages». Les syndicats dénoncent une «provocation».\n\n"
    "Pour la CGT, la réforme reste «inacceptable» et la mobilisation continuera jeudi.\n\n"
    "Le patronat juge la grève « politique »."
)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "greve.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def check(capsys: pytest.CaptureFixture[str], *args: str) -> list[tuple[str, str]]:
    """(severity, text) of the guillemet rule's findings of `galley check ARGS --format jsonl`."""
    assert main(["check", *args, "--format", "jsonl", "--lang", "fr", "--enable", "typography"]) == 1
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]
    found = [f for row in rows for f in row.get("findings", [row]) if f.get("rule") == RULE]
    return sorted((f["severity"], f["text"]) for f in found)


def test_check_reports_the_house_style_once_by_default_and_not_at_all_with_keep(
    article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deviations = [("warning", " »"), ("warning", "« ")]
    assert check(capsys, str(article)) == sorted([("info", "«"), *deviations])
    assert check(capsys, str(article), "--house-style", "keep") == deviations


def test_clean_takes_the_option_and_never_touches_a_house_style(
    article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for choice in ("report", "keep"):
        out = tmp_path / f"{choice}.txt"
        assert main(["clean", str(article), "--house-style", choice, "--lang", "fr", "-o", str(out)]) == 0
        assert "«prise d'otages»" in out.read_text(encoding="utf-8")
    assert (tmp_path / "report.txt").read_text(encoding="utf-8") == (tmp_path / "keep.txt").read_text(encoding="utf-8")


def make_session(tmp_path: Path, article: Path, config: CheckConfig | None) -> Path:
    path = tmp_path / f"{'none' if config is None else config.house_style}.galley"
    with Session.open(path, loader=iter_paths) as s:
        s.add_paths([article])
        if config is not None:
            s.set_check_config(config)
    return path


def test_galley_session_shows_the_settings_the_session_is_checked_with(
    tmp_path: Path, article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kept = make_session(tmp_path, article, CheckConfig(profile="fr-CA", house_style=True, disabled=("register",)))
    assert main(["session", str(kept)]) == 0
    out = capsys.readouterr().out
    assert "checked with: typography fr-CA, house style kept silently; turned off: register" in out
    assert main(["session", str(kept), "--format", "json"]) == 0
    settings = json.loads(capsys.readouterr().out)["settings"]
    assert settings["house_style"] == "keep" and settings["profile"] == "fr-CA"

    reported = make_session(tmp_path, article, CheckConfig())
    assert main(["session", str(reported)]) == 0
    assert "house style reported once as info" in capsys.readouterr().out
    never = make_session(tmp_path, article, None)  # a session nobody stored settings in says nothing of them
    assert main(["session", str(never), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["settings"] is None


def report_counts(session: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    report = out / "report.csv"
    assert main(["export", str(session), "--output-dir", str(out), "--report", str(report)]) == 0
    capsys.readouterr()
    rows = list(csv.DictReader(report.read_text(encoding="utf-8").splitlines()))
    return next(r for r in rows if r["kind"] == "rule" and r["name"] == RULE)


def test_export_checks_with_the_session_settings_also_for_reviews_saved_under_other_ones(
    tmp_path: Path, article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kept = make_session(tmp_path, article, CheckConfig(lang="fr", house_style=True))
    assert report_counts(kept, tmp_path / "kept", capsys)["pending"] == "2"  # the two deviations, no info
    reported = make_session(tmp_path, article, CheckConfig(lang="fr"))
    assert report_counts(reported, tmp_path / "reported", capsys)["pending"] == "3"

    # a review saved while the house style was reported, then the person chose to keep it: export follows the choice
    with Session.open(reported, loader=iter_paths) as s:
        (aid,) = [r.id for r in s.articles()]
        review = Review.open(s.article(aid), CheckConfig(lang="fr"))
        s.commit_review(aid, review)
        s.save_review(aid, review)
        s.set_check_config(CheckConfig(lang="fr", house_style=True))
    assert report_counts(reported, tmp_path / "changed", capsys)["pending"] == "2"
