"""Exporting a session: every format, safe and stable names, nothing partial, a report per category and rule."""

from __future__ import annotations

import csv
import io
import json
import threading
from pathlib import Path

import pytest

from editor.core.export import export_session
from editor.core.fileio import TEMP_PREFIX, ExportError
from editor.core.review import Review
from editor.core.session import Session, Status
from editor.formats.export import EXPORTERS
from editor.formats.loaders import iter_paths

DAMAGED = (
    "{title}\n\n"
    "Poutine , qui a parlé avec Trump Et le Kremlin, a dit que vous êtes prêts.\n\n"
    "Les détails\n\n"
    "La centrale Kernkraftwerk de Selenskyj est fermée 🙂 depuis mardi . Voir https://example.org/a.\n"
)
TITLES = ["Été 🇺🇦 : « crise » à Kyiv", "Même titre", "Même titre", "../../etc/passwd"]


def _item(review: Review, rule: str, text: str | None = None) -> int:
    return next(it.id for it in review.items if it.rule == rule and (text is None or it.text == text))


@pytest.fixture
def session(tmp_path: Path) -> Session:
    """Four articles from a folder: a Unicode title, two identical titles, a traversal attempt; decisions made."""
    folder = tmp_path / "src"
    folder.mkdir()
    for i, title in enumerate(TITLES):
        (folder / f"a{i}.json").write_text(
            json.dumps({"title": title, "url": f"https://example.org/{i}", "text": DAMAGED.format(title=title)}),
            encoding="utf-8",
        )
    s = Session.open(tmp_path / "s.galley", loader=iter_paths)
    ids = s.add_paths([folder])
    rv = Review.open(s.article(ids[0]), s.check_config())
    rv.accept(_item(rv, "terminology.glossary", "Kernkraftwerk"), "centrale nucléaire")
    rv.reject(_item(rv, "casing.function-word"))
    rv.revert(_item(rv, "typography.space-before-comma"))
    s.commit_review(ids[0], rv)
    s.set_status(ids[0], Status.DONE)
    yield s
    s.close()


def test_txt_export_has_the_corrected_text_with_safe_unique_names(session: Session, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = export_session(session, out, "txt", formats=EXPORTERS)
    assert result.ok
    assert result.articles == len(result.written) == 4
    names = sorted(p.name for p in out.iterdir())
    assert names == ["etc-passwd.txt", "même-titre-2.txt", "même-titre.txt", "été-crise-à-kyiv.txt"]
    assert all(p.parent == out for p in result.written)
    first = result.written[0].read_text(encoding="utf-8")
    assert "La centrale centrale nucléaire de Selenskyj" in first  # the accepted decision
    assert "Poutine , qui" in first  # the reverted automatic fix
    assert "Trump Et le" in first  # the rejected finding keeps its text
    assert "depuis mardi. Voir" in first  # untouched automatic fixes are applied
    other = (out / "etc-passwd.txt").read_text(encoding="utf-8")
    assert "Poutine, qui" in other and "Kernkraftwerk" in other  # no decisions: automatic fixes only
    # the same export again needs --force, and then replaces the same files (no -3, -4 copies)
    with pytest.raises(ExportError, match="exist already"):
        export_session(session, out, "txt", formats=EXPORTERS)
    again = export_session(session, out, "txt", force=True, formats=EXPORTERS)
    assert sorted(p.name for p in again.written) == sorted(p.name for p in result.written)
    assert len(list(out.iterdir())) == 4


def test_md_and_html_keep_headings_paragraphs_and_links(session: Session, tmp_path: Path) -> None:
    md = export_session(session, tmp_path / "md", "md", only_done=True, formats=EXPORTERS)
    assert md.ok and md.skipped == 3
    (path,) = md.written
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Été 🇺🇦 : « crise » à Kyiv")
    assert "\n## Les détails\n" in text
    assert "](<https://example.org/a>)" in text
    page = (
        export_session(session, tmp_path / "html", "html", only_done=True, formats=EXPORTERS)
        .written[0]
        .read_text(encoding="utf-8")
    )
    assert "<h1>Été 🇺🇦 : « crise » à Kyiv</h1>" in page
    assert "<h2>Les détails</h2>" in page
    assert '<a href="https://example.org/a"' in page
    assert page.count("<p>") >= 2


def test_json_carries_metadata_and_the_correction_log(session: Session, tmp_path: Path) -> None:
    result = export_session(session, tmp_path / "json", "json", only_done=True, formats=EXPORTERS)
    (path,) = result.written
    record = json.loads(path.read_text(encoding="utf-8"))
    assert record["title"] == TITLES[0]
    assert record["url"] == "https://example.org/0"
    assert record["status"] == "done"
    assert record["lang"] == "fr"
    log = {(c["rule"], c["decision"]): c for c in record["changes"]}
    accepted = log[("terminology.glossary", "accepted")]
    assert (accepted["before"], accepted["after"], accepted["auto"]) == ("Kernkraftwerk", "centrale nucléaire", False)
    assert accepted["category"] == "terminology"
    assert any(c["auto"] and c["decision"] == "auto" for c in record["changes"])
    assert not any(c["rule"] == "typography.space-before-comma" for c in record["changes"])  # reverted
    declined = {(d["rule"], d["decision"], d["text"]) for d in record["declined"]}
    assert declined == {
        ("typography.space-before-comma", "reverted", " ,"),
        ("casing.function-word", "rejected", "Et"),
    }


def test_jsonl_corpus_is_written_back_line_for_line(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    good = [
        {"id": 1, "title": "Un", "content": "Poutine , qui parle.", "extra": [1, 2]},
        {"id": 2, "title": "Deux", "text": "Rien à redire ici.", "lang": "fr"},
        {"id": 3, "title": "Trois", "text": "Texte   avec espaces , ici."},
    ]
    bad = '{"id": 99, "text": "tronqué'
    corpus.write_text(
        "\n".join([json.dumps(good[0]), bad, json.dumps(good[1], ensure_ascii=False), "", json.dumps(good[2])]) + "\n",
        encoding="utf-8",
    )
    with Session.open(tmp_path / "c.galley", loader=iter_paths) as s:
        ids = s.add_paths([corpus])
        s.set_status(ids[2], "done")
        result = export_session(s, tmp_path / "out", "jsonl", formats=EXPORTERS)
        assert result.ok
        (path,) = result.written
        assert path.name == "corpus.jsonl"
        assert result.articles == 3  # three articles in one file
        lines = path.read_text(encoding="utf-8").splitlines()
        assert len(lines) == 4
        assert lines[1] == bad  # kept verbatim, in place
        first, second, third = (json.loads(x) for x in (lines[0], lines[2], lines[3]))
        assert first["id"] == 1 and first["extra"] == [1, 2] and first["content"] == "Poutine, qui parle."
        assert first["galley"]["status"] == "todo"
        assert {c["rule"] for c in first["galley"]["changes"]} >= {"typography.space-before-comma"}
        assert second["text"] == "Rien à redire ici."
        assert third["galley"]["status"] == "done"
        # only the done record is corrected; the others are written back as they came
        done_only = export_session(s, tmp_path / "done", "jsonl", only_done=True, formats=EXPORTERS)
        lines = done_only.written[0].read_text(encoding="utf-8").splitlines()
        assert len(lines) == 4 and lines[1] == bad
        assert json.loads(lines[0]) == good[0]
        assert "galley" in json.loads(lines[3])


def test_articles_from_files_export_as_one_jsonl(session: Session, tmp_path: Path) -> None:
    result = export_session(session, tmp_path / "out", "jsonl", formats=EXPORTERS)
    (path,) = result.written
    assert path.name == "s.jsonl"
    assert result.articles == len(TITLES)
    records = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
    assert [r["title"] for r in records] == TITLES
    assert all({"source", "url", "lang", "status", "text", "changes"} <= r.keys() for r in records)


@pytest.mark.parametrize("suffix", [".csv", ".html"])
def test_report_counts_findings_per_category_and_decisions_per_rule(
    session: Session, tmp_path: Path, suffix: str
) -> None:
    report = tmp_path / f"report{suffix}"
    result = export_session(session, tmp_path / "out", "txt", report=report, formats=EXPORTERS)
    assert result.ok and result.report == report
    body = report.read_text(encoding="utf-8")
    if suffix == ".csv":
        rows = list(csv.DictReader(io.StringIO(body)))
        rule = {r["name"]: r for r in rows if r["kind"] == "rule"}
        assert rule["terminology.glossary"]["accepted"] == "1"
        assert rule["casing.function-word"]["rejected"] == "1"
        assert rule["typography.space-before-comma"]["reverted"] == "1"
        assert int(rule["typography.space-before-comma"]["auto"]) == 3  # the three other articles
        cat = {r["name"]: r for r in rows if r["kind"] == "category"}
        assert int(cat["terminology"]["findings"]) >= 8  # Kernkraftwerk and Selenskyj in each of 4 articles
    else:
        assert "<h2>Findings per category</h2>" in body and "<td>terminology.glossary</td>" in body
    with pytest.raises(ExportError, match=r"\.csv or \.html"):
        export_session(session, tmp_path / "x", "txt", report=tmp_path / "report.pdf", formats=EXPORTERS)


def test_output_folder_problems_are_refused_before_writing(session: Session, tmp_path: Path) -> None:
    a_file = tmp_path / "file"
    a_file.write_text("x")
    with pytest.raises(ExportError, match="is a file"):
        export_session(session, a_file, "txt", formats=EXPORTERS)
    with pytest.raises(ExportError, match="unknown export format"):
        export_session(session, tmp_path / "o", "pdf", formats=EXPORTERS)


def test_a_target_that_is_a_folder_fails_alone(session: Session, tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "même-titre.txt").mkdir(parents=True)
    result = export_session(session, out, "txt", force=True, formats=EXPORTERS)
    assert not result.ok
    assert [label for label, _ in result.failed] == ["Même titre"]
    assert "is a folder" in result.failed[0][1]
    assert len(result.written) == 3
    assert not list(out.glob(TEMP_PREFIX + "*"))


def test_progress_cancel_and_stale_temporaries(session: Session, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / f"{TEMP_PREFIX}old.part").write_text("left by a killed export")
    seen: list[tuple[int, int]] = []
    stop = threading.Event()

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if done == 2:
            stop.set()

    result = export_session(session, out, "txt", progress=progress, cancel=stop, formats=EXPORTERS)
    assert result.cancelled and not result.ok
    assert seen == [(1, 4), (2, 4)]
    assert len(result.written) == 2
    assert len(result.failed) == 2 and all("cancelled" in m for _, m in result.failed)
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in result.written)


def test_line_ends_and_no_break_spaces_survive(tmp_path: Path) -> None:
    src = tmp_path / "crlf.txt"
    src.write_bytes("Titre\r\n\r\nIl dit\u00a0: «\u202fbonjour\u202f».\r\n".encode())
    with Session.open(tmp_path / "n.galley", loader=iter_paths) as s:
        s.add_paths([src])
        (path,) = export_session(s, tmp_path / "out", "txt", formats=EXPORTERS).written
    assert path.read_bytes() == "Titre\r\n\r\nIl dit\u00a0: «\u202fbonjour\u202f».\r\n".encode()


def test_worker_processes_give_the_same_files(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        "".join(
            json.dumps({"title": f"Article {i}", "text": DAMAGED.format(title=f"Article {i}")}) + "\n"
            for i in range(12)
        ),
        encoding="utf-8",
    )
    with Session.open(tmp_path / "p.galley", loader=iter_paths) as s:
        ids = s.add_paths([corpus])
        rv = Review.open(s.article(ids[5]), s.check_config())
        rv.accept(_item(rv, "terminology.glossary", "Kernkraftwerk"), "centrale nucléaire")
        s.commit_review(ids[5], rv)
        one = export_session(s, tmp_path / "one", "jsonl", report=tmp_path / "one.csv", formats=EXPORTERS)
        two = export_session(s, tmp_path / "two", "jsonl", report=tmp_path / "two.csv", jobs=2, formats=EXPORTERS)
        assert one.ok and two.ok
        assert one.written[0].read_bytes() == two.written[0].read_bytes()
        assert (tmp_path / "one.csv").read_bytes() == (tmp_path / "two.csv").read_bytes()
        assert "centrale nucléaire de Selenskyj" in two.written[0].read_text(encoding="utf-8")
        txt = export_session(s, tmp_path / "txt", "txt", jobs=2, formats=EXPORTERS)
        assert len(txt.written) == 12 and txt.ok


def test_a_new_format_is_one_entry_in_the_table(session: Session, tmp_path: Path) -> None:
    """The core knows no format by name: an entry in the table it is given is exported like the others, and the
    command line offers exactly the table's formats."""
    from editor.cli import build_parser
    from editor.formats.export import EXPORTERS, FORMATS, Exporter

    shout = Exporter(".shout", lambda item: item.text.upper())
    result = export_session(session, tmp_path / "s", "shout", formats={**EXPORTERS, "shout": shout})
    assert result.ok and result.articles == 4
    assert all(p.suffix == ".shout" for p in result.written)
    assert "CENTRALE NUCLÉAIRE" in result.written[0].read_text(encoding="utf-8")
    with pytest.raises(ExportError, match="unknown export format 'shout'"):
        export_session(session, tmp_path / "t", "shout", formats=EXPORTERS)

    def choices(command: str) -> tuple[str, ...]:
        action = next(a for a in build_parser(command)._actions if a.dest == "format")
        return tuple(action.choices or ())

    assert choices("export") == FORMATS == tuple(EXPORTERS)
    assert set(choices("clean")) <= set(EXPORTERS)
