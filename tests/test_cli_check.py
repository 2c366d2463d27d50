"""`galley check`: the JSON contract other tools rely on, the linter format, exit statuses and bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from editor.core.findings import CATEGORIES

REPO = Path(__file__).resolve().parent.parent
DAMAGED = (
    "Trump parle avec Poutine\n\nTrump parle avec Poutine\n\n"
    "Le président 🇺🇸 Donald Trump Et le président russe Wladimir Poutine , qui est attendu mardi.\n\n"
    "Kommentare (0)\n"
)


def galley(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "editor", *args], capture_output=True, text=True, cwd=cwd, timeout=300)


def _records(stdout: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def _assert_contract(record: dict[str, object], text: str) -> None:
    assert set(record) >= {"source", "index", "lang", "title", "url", "findings"}
    findings = record["findings"]
    assert isinstance(findings, list)
    for f in findings:
        assert set(f) == {"category", "rule", "severity", "start", "end", "text", "message", "suggestions", "auto"}
        assert f["category"] in CATEGORIES
        assert f["rule"].startswith(f["category"] + ".")
        assert f["severity"] in ("error", "warning", "info")
        assert text[f["start"] : f["end"]] == f["text"]
        assert isinstance(f["suggestions"], list)
        assert all(isinstance(s, str) for s in f["suggestions"])
        assert isinstance(f["auto"], bool)


def test_txt_contract_and_exit_status(tmp_path: Path) -> None:
    p = tmp_path / "article.txt"
    p.write_text(DAMAGED, encoding="utf-8")
    r = galley("check", "--format", "jsonl", str(p))
    assert r.returncode == 1, r.stderr
    (rec,) = _records(r.stdout)
    assert rec["source"] == str(p)
    assert rec["index"] == 0
    assert rec["lang"] == "fr"
    _assert_contract(rec, DAMAGED)
    found = {(f["category"], f["text"]) for f in rec["findings"]}  # type: ignore[union-attr]
    assert ("typography", " ,") in found or ("typography", " , ") in found


def test_clean_text_exits_zero(tmp_path: Path) -> None:
    p = tmp_path / "clean.txt"
    p.write_text("Le gouvernement a présenté son budget mardi.\n", encoding="utf-8")
    r = galley("check", "--format", "jsonl", str(p))
    assert r.returncode == 0, r.stdout
    assert _records(r.stdout)[0]["findings"] == []


def test_html_json_and_jsonl_inputs(tmp_path: Path) -> None:
    html = tmp_path / "page.html"
    paras = "".join(f"<p>Le président Wladimir Poutine , qui parle numéro {i}, est attendu.</p>" for i in range(6))
    html.write_text(
        f"<html><head><title>Titre &amp; suite</title></head><body><article>{paras}</article></body></html>",
        encoding="utf-8",
    )
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"title": "Un", "text": DAMAGED, "url": "https://ex.example/a"}), encoding="utf-8")
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        json.dumps({"text": DAMAGED, "lang": "fr"}) + "\nnot json\n" + json.dumps({"content": "Le texte 😀 , ici."}),
        encoding="utf-8",
    )
    r = galley("check", "--format", "jsonl", "--jobs", "2", str(html), str(one), str(corpus))
    assert r.returncode == 2  # the bad JSONL line is an input error...
    assert f"{corpus}:2: malformed JSON" in r.stderr  # ...reported with its line...
    recs = _records(r.stdout)  # ...and every good article is still checked, in order
    assert [(Path(str(x["source"])).name, x["index"]) for x in recs] == [
        ("page.html", 0),
        ("one.json", 0),
        ("corpus.jsonl", 0),
        ("corpus.jsonl", 1),
    ]
    assert recs[0]["title"] == "Titre & suite"
    assert recs[1]["url"] == "https://ex.example/a"
    _assert_contract(recs[1], DAMAGED)
    _assert_contract(recs[3], "Le texte 😀 , ici.")
    emoji_findings = [f for f in recs[3]["findings"] if f["text"].strip() == ","]  # type: ignore[union-attr]
    assert emoji_findings, recs[3]
    assert emoji_findings[0]["start"] == len("Le texte 😀")  # code points: the emoji counts once


def test_text_format_reads_like_a_linter(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("Titre\n\nLe président Poutine , qui parle.\n", encoding="utf-8")
    r = galley("check", str(p))
    assert r.returncode == 1
    line = next(ln for ln in r.stdout.splitlines() if "typography/" in ln)
    assert line.startswith(f"{p}:3:")
    assert " -> " in line


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check"], "the following arguments are required"),
        (["check", "--lang", "xx", "a.txt"], "invalid choice"),
        (["check", "/nonexistent/file.txt"], "no such file"),
    ],
)
def test_usage_and_input_errors_exit_2_without_traceback(args: list[str], message: str) -> None:
    r = galley(*args)
    assert r.returncode == 2
    assert message in r.stderr
    assert "Traceback" not in r.stderr


def test_folder_with_a_bad_file_keeps_going(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Le ministre a parlé , hier.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    r = galley("check", "--format", "jsonl", str(tmp_path))
    assert r.returncode == 2
    assert "bad.txt: this is a PNG image, not text" in r.stderr
    assert [Path(str(x["source"])).name for x in _records(r.stdout)] == ["good.txt"]


def test_version_and_module_entry_point() -> None:
    r = galley("--version")
    assert r.returncode == 0
    assert r.stdout.startswith("galley ")
