"""One long article checked over several processes gives exactly the findings of the serial run."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

import pytest

from editor.cli import main
from editor.core import batch, engine
from editor.core.engine import analyse_text
from editor.core.rules.base import CheckConfig

REPO = Path(__file__).resolve().parents[2]

_PARAGRAPHS = [
    "Le président 😀 Poutine , qui a parlé hier , a dit que le le gouvernement était prêt .",
    "Un intertitre en minuscules",
    "La Chancelière a visité le Kernkraftwerk de Sewastopol ; fazit : rien de neuf !Kommentare (0)",
    "Ã‰tÃ© 2025 : les prix ont augmenté de 1.000.000 € selon https: /2025/12/politics/index.html 🇫🇷.",
    'Il a dit "bonjour"... puis Trump Et le ministre ont répondu à vous et votre équipe.',
    "Zwei Sätze auf Deutsch, die hier nichts zu suchen haben und übersetzt werden müssen.",
    "Un paragraphe correct, avec des accents : élève, où, déjà, et un emoji 👨‍👩‍👧 au milieu.",
    'Target = "_ Blank" rel = "noopener" <br / > la suite du texte  avec deux espaces.',
]


def _article() -> str:
    """A multi-paragraph text with emoji, damage of every kind, and varied paragraph separators."""
    sample = (REPO / "tests" / "data" / "sample_000.txt").read_text(encoding="utf-8")
    parts: list[str] = [sample]
    for i in range(12):
        parts.extend(_PARAGRAPHS[(i + k) % len(_PARAGRAPHS)] for k in range(3))
    seps = ["\n\n", "\n\n", "\n \n", "\n\n\n", "\n\n"]
    out = parts[0]
    for i, p in enumerate(parts[1:]):
        out += seps[i % len(seps)] + p
    return out + "\n"


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Split even a short text into many chunks, so the test runs fast and still crosses many cuts."""
    monkeypatch.setattr(engine, "PARALLEL_MIN_CHARS", 1000)
    monkeypatch.setattr(engine, "_CHUNK_CHARS", 600)


@pytest.mark.usefixtures("small_chunks")
def test_split_run_equals_serial_run() -> None:
    text = _article()
    config = CheckConfig(lang="fr")
    serial = analyse_text(text, "fr", config, source_url="https://edition.cnn.com/x", title="Titre")
    split = analyse_text(text, "fr", config, source_url="https://edition.cnn.com/x", title="Titre", jobs=2)
    assert engine.last_split["chunks"] > 5
    assert engine.last_split["workers"] >= 1  # some chunks really were checked in another process
    assert split == serial
    assert serial, "the text is full of damage"
    for f in split:
        assert text[f.start : f.end] == f.text


@pytest.mark.usefixtures("small_chunks")
def test_a_worker_that_dies_loses_no_chunk(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A worker process killed in the middle of a chunk (out of memory, say): the chunk it had claimed is checked
    by the parent, and the findings are still those of the serial run."""
    import os

    text = _article()
    config = CheckConfig(lang="fr")
    serial = analyse_text(text, "fr", config)
    parent = os.getpid()
    checked = engine._paragraph_findings
    died = tmp_path / "died"

    def dies_in_a_worker(bounds: tuple[int, int]) -> object:
        if os.getpid() != parent:
            died.write_text(str(bounds))
            os._exit(9)
        return checked(bounds)

    monkeypatch.setattr(engine, "_paragraph_findings", dies_in_a_worker)
    assert analyse_text(text, "fr", config, jobs=2) == serial
    assert died.exists()  # the worker did claim a chunk before it died
    assert engine.last_split["workers"] == 0


@pytest.mark.usefixtures("small_chunks")
def test_findings_after_emoji_land_on_their_characters() -> None:
    text = _article()
    found = analyse_text(text, "fr", CheckConfig(lang="fr"), jobs=2)
    last_emoji = text.rindex("😀")
    after = [f for f in found if f.start > last_emoji and f.rule == "typography.space-before-comma"]
    assert after
    assert all(f.text.endswith(",") and text[f.start : f.end] == f.text for f in after)


def test_chunks_cover_the_text_and_cut_only_at_single_blank_lines() -> None:
    text = _article()
    bounds = engine._cuts(text, 500)
    assert len(bounds) > 5
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    for (_, end), (start, _) in pairwise(bounds):
        assert text[end:start] == "\n\n"


def test_short_text_and_single_job_stay_serial() -> None:
    engine.last_split.clear()
    analyse_text("Un texte court , avec une faute.\n\nEt un autre paragraphe.", "fr", jobs=2)
    assert engine.last_split == {}


def test_batch_workers_do_not_start_pools_of_their_own() -> None:
    flags = list(batch.parallel_map(_in_worker, range(6), jobs=2, chunk_size=1))
    assert any(flags)
    assert not batch.in_worker()


def _in_worker(_: int) -> bool:
    return batch.in_worker()


@pytest.mark.usefixtures("small_chunks")
def test_check_command_splits_a_long_article_and_reports_the_same(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "long.txt"
    path.write_text(_article(), encoding="utf-8")
    outs = []
    for jobs in ("1", "2"):
        engine.last_split.clear()
        status = main(["check", "--jobs", jobs, "--lang", "fr", "--format", "jsonl", str(path)])
        assert status == 1
        outs.append(capsys.readouterr().out)
        assert bool(engine.last_split) == (jobs == "2")
    assert outs[0] == outs[1]
    assert json.loads(outs[0])["findings"]
