"""`galley clean` end to end, and the renderers it writes with."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from editor.cli import main
from editor.core.article import Article
from editor.formats.export import blocks, md_escape, render

DAMAGED = (
    "Le titre de l'article 😀\n\n"
    "Le titre de l'article 😀\n\n"
    "Le président russe Poutine , qui est attendu mardi , a parlé .\n\n"
    "Les négociations\n\n"
    "Voir https://example.org/a?b=1&c=2. Le Zaporozhye Kernkraftwerk reste au centre.\n\n"
    "Kommentare (0)\n"
)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def _jsonl(tmp_path: Path, records: list[object], name: str = "corpus.jsonl") -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    return _write(tmp_path, name, "\n".join(lines) + "\n")


def test_stdout_single_article(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _write(tmp_path, "a.txt", DAMAGED)
    assert main(["clean", str(src), "--lang", "fr", "-j", "1"]) == 0
    out = capsys.readouterr().out
    assert out.count("Le titre de l'article 😀") == 1
    assert "Poutine, qui est attendu mardi, a parlé." in out
    assert "Kommentare" not in out
    assert "Kernkraftwerk" in out  # a judgement call: left for review
    assert "\n\n\n" not in out
    assert "Les négociations\n\n" in out  # paragraphs kept


def test_output_file_atomic_and_no_overwrite_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _write(tmp_path, "a.txt", DAMAGED)
    dest = tmp_path / "out.txt"
    assert main(["clean", str(src), "-o", str(dest), "-j", "1"]) == 0
    first = dest.read_text(encoding="utf-8")
    assert "Poutine, qui" in first
    dest.write_text("keep me", encoding="utf-8")
    assert main(["clean", str(src), "-o", str(dest), "-j", "1"]) == 2
    assert dest.read_text(encoding="utf-8") == "keep me"
    assert "already exists" in capsys.readouterr().err
    assert main(["clean", str(src), "-o", str(dest), "--force", "-j", "1"]) == 0
    assert dest.read_text(encoding="utf-8") == first
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".galley-tmp-")]


def test_output_file_refuses_several_articles(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = _jsonl(tmp_path, [{"text": "Un texte ."}, {"text": "Deux textes ."}])
    dest = tmp_path / "out.txt"
    assert main(["clean", str(corpus), "-o", str(dest), "-j", "1"]) == 2
    assert not dest.exists()
    assert "--output-dir" in capsys.readouterr().err


def test_output_dir_names_are_safe_and_unique(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = _jsonl(
        tmp_path,
        [
            {"title": "Été à Paris", "text": "Il fait chaud , très chaud ."},
            {"title": "Été à Paris", "text": "Un autre texte ."},
            {"title": "../../évasion", "text": "Pas de sortie ."},
            "{not json",
            {"title": "CON", "text": "Réservé ."},
            {"text": "Sans titre ."},
        ],
    )
    out = tmp_path / "out"
    assert main(["clean", str(corpus), "--output-dir", str(out), "-j", "1"]) == 2  # the bad line
    assert "corpus.jsonl:4" in capsys.readouterr().err
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(["con_.txt", "corpus-6.txt", "évasion.txt", "été-à-paris-2.txt", "été-à-paris.txt"])
    assert (out / "été-à-paris.txt").read_text(encoding="utf-8") == "Il fait chaud, très chaud.\n"
    assert not (tmp_path / "évasion.txt").exists()
    # again: nothing is overwritten without --force, everything with it
    assert main(["clean", str(corpus), "--output-dir", str(out), "-j", "1"]) == 2
    assert "already exists" in capsys.readouterr().err
    assert main(["clean", str(corpus), "--output-dir", str(out), "--force", "-j", "1"]) == 2  # still the bad line
    assert sorted(p.name for p in out.iterdir()) == names


def test_json_carries_metadata_and_change_log(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = _jsonl(
        tmp_path,
        [{"title": "Titre", "url": "https://example.org/x", "lang": "fr", "text": "Bonjour , monde ."}],
    )
    assert main(["clean", str(corpus), "--format", "json", "-j", "1"]) == 0
    rec = json.loads(capsys.readouterr().out)
    assert rec["title"] == "Titre" and rec["url"] == "https://example.org/x" and rec["lang"] == "fr"
    assert rec["source"].endswith("corpus.jsonl")
    assert rec["text"] == "Bonjour, monde."
    assert rec["changes"], "the change log lists the fixes"
    for c in rec["changes"]:
        assert set(c) >= {"category", "rule", "raw_start", "raw_end", "before", "after", "auto"}
        assert "Bonjour , monde ."[c["raw_start"] : c["raw_end"]] == c["before"]


def test_explain_prints_a_readable_diff(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _write(tmp_path, "a.txt", "Premier paragraphe.\n\n😀 Poutine , qui .\n")
    dest = tmp_path / "o.txt"
    assert main(["clean", str(src), "-o", str(dest), "--explain", "-j", "1"]) == 0
    out = capsys.readouterr().out
    assert f"{src}:3:10: typography/" in out  # line:column in the raw text, code points (emoji = 1)
    assert "  - 😀 Poutine[ ], qui" in out or "  - 😀 Poutine[ ,] qui" in out
    assert "  + 😀 Poutine[], qui" in out or "  + 😀 Poutine[,] qui" in out
    assert "2 change(s), 2 automatic" in out


def test_explain_goes_to_stderr_when_text_goes_to_stdout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _write(tmp_path, "a.txt", "Poutine , qui.\n")
    assert main(["clean", str(src), "--explain", "-j", "1"]) == 0
    cap = capsys.readouterr()
    assert cap.out == "Poutine, qui.\n"
    assert "typography/" in cap.err


def test_jobs_keep_input_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = _jsonl(tmp_path, [{"text": f"Texte numéro {i} , fin ."} for i in range(20)])
    assert main(["clean", str(corpus), "--format", "json", "-j", "1"]) == 0
    one = capsys.readouterr().out
    assert main(["clean", str(corpus), "--format", "json", "-j", "2"]) == 0
    two = capsys.readouterr().out
    assert one == two
    assert [json.loads(x)["text"] for x in one.splitlines()] == [f"Texte numéro {i}, fin." for i in range(20)]


def test_missing_input_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", str(tmp_path / "nope.txt"), "-j", "1"]) == 2
    assert "nope.txt" in capsys.readouterr().err


# ------------------------------------------------------------------------------------------- renderers


def test_markdown_keeps_structure_links_and_escapes() -> None:
    text = "Le titre\n\nIntertitre\n\nTexte *gras* <b>x</b> voir https://ex.org/a_(b). Fin.\n\n1. pas une liste."
    md = render(text, Article(text, title="Le titre"), "md")
    assert md.startswith("# Le titre\n\n## Intertitre\n\n")
    assert "\\*gras\\*" in md and "\\<b\\>" in md
    assert "[https://ex.org/a\\_(b)](<https://ex.org/a_(b)>)." in md
    assert "1\\. pas une liste." in md


def test_html_is_safe_and_structured() -> None:
    text = (
        'Titre 😀\n\nSection\n\n<script>alert(1)</script> "q" & https://ex.org/?a=1&b=<2> fin.\n\njavascript:alert(1)'
    )
    page = render(text, Article(text, lang="fr", url="javascript:alert(1)"), "html")
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<h1>Titre 😀</h1>" in page and "<h2>Section</h2>" in page
    assert '<a href="https://ex.org/?a=1&amp;b=" rel="nofollow noopener noreferrer">' in page
    assert 'href="javascript' not in page
    assert '<html lang="fr">' in page


def test_title_taken_from_article_or_first_line() -> None:
    assert list(blocks("Texte seul, une phrase.", "Mon titre")) == [
        ("title", "Mon titre"),
        ("paragraph", "Texte seul, une phrase."),
    ]
    assert next(iter(blocks("Court titre\n\nUn paragraphe long, qui se termine.")))[0] == "title"
    assert md_escape("# pas un titre") == "\\# pas un titre"


def test_json_and_txt_render() -> None:
    art = Article("x", title="T", url="https://e.org", lang="de", source="s.txt")
    rec = json.loads(render("Hallo", art, "json", [{"rule": "r"}]))
    assert rec["text"] == "Hallo" and rec["changes"] == [{"rule": "r"}] and rec["lang"] == "de"
    assert render("Hallo", art, "txt") == "Hallo\n"
    with pytest.raises(ValueError):
        render("x", art, "pdf")


# ------------------------------------------------------------------------------------------- --apply and jsonl

APPLY_TEXT = "Le le gouv-gouvernement a examiné le S&amp;eacute;nat , puis un errreur.\n"


def test_without_apply_suggestions_stay_for_review(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _write(tmp_path, "a.txt", APPLY_TEXT)
    assert main(["clean", str(src), "-j", "1"]) == 0
    assert capsys.readouterr().out == "Le le gouv-gouvernement a examiné le Sénat, puis un errreur.\n"


def test_apply_takes_the_first_suggestion_of_the_chosen_rules(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = _write(tmp_path, "a.txt", APPLY_TEXT)
    assert main(["clean", str(src), "--apply", "repetition", "--format", "json", "-j", "1"]) == 0
    rec = json.loads(capsys.readouterr().out)
    assert rec["text"] == "Le gouvernement a examiné le Sénat, puis un errreur.\n"  # spelling not chosen
    accepted = [c for c in rec["changes"] if not c["auto"]]
    assert [(c["rule"], c["before"], c["after"], c["decision"]) for c in accepted] == [
        ("repetition.doubled-word", "Le le", "Le", "accepted"),
        ("repetition.stutter", "gouv-gouvernement", "gouvernement", "accepted"),
    ]
    for c in rec["changes"]:  # the log stays in raw coordinates, automatic fixes and applied suggestions alike
        assert APPLY_TEXT[c["raw_start"] : c["raw_end"]] == c["before"]
    assert main(["clean", str(src), "--apply", "repetition", "--apply", "spelling.unknown-word", "-j", "1"]) == 0
    assert capsys.readouterr().out == "Le gouvernement a examiné le Sénat, puis un erreur.\n"


def test_apply_all_and_an_unknown_prefix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _write(tmp_path, "a.txt", APPLY_TEXT)
    assert main(["clean", str(src), "--apply", "all", "-j", "1"]) == 0
    out = capsys.readouterr().out
    assert "gouvernement a examiné" in out and "errreur" not in out and "Le le" not in out
    assert main(["clean", str(src), "--apply", "repetiton", "-j", "1"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "repetiton" in err and "Traceback" not in err


def test_jsonl_writes_the_corpus_back_line_for_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = _jsonl(
        tmp_path,
        [
            {"id": 7, "text": "Bonjour , monde .", "tags": ["a", "b"], "meta": {"site": "x.fr"}},
            "{not json",
            {"id": 8, "content": "Le le texte.", "title": "T"},
        ],
    )
    dest = tmp_path / "out.jsonl"
    assert main(["clean", str(corpus), "--format", "jsonl", "--apply", "repetition", "-o", str(dest), "-j", "1"]) == 2
    assert "corpus.jsonl:2" in capsys.readouterr().err  # the bad line is reported...
    lines = dest.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3 and lines[1] == "{not json"  # ...and written back where it was
    first, third = json.loads(lines[0]), json.loads(lines[2])
    assert {k: first[k] for k in ("id", "tags", "meta")} == {"id": 7, "tags": ["a", "b"], "meta": {"site": "x.fr"}}
    assert first["text"] == "Bonjour, monde."
    assert first["galley"]["lang"] == "fr" and first["galley"]["changes"]
    assert third["id"] == 8 and third["title"] == "T" and third["content"] == "Le texte." and "text" not in third
    assert [c["decision"] for c in third["galley"]["changes"]] == ["accepted"]


def test_jsonl_to_stdout_and_from_plain_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _write(tmp_path, "a.txt", "Poutine , qui.\n")
    assert main(["clean", str(src), "--format", "jsonl", "-j", "1"]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    rec = json.loads(line)
    assert rec["text"] == "Poutine, qui.\n" and rec["source"].endswith("a.txt") and rec["changes"]


def test_apply_and_jsonl_refuse_what_they_cannot_do_yet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _write(tmp_path, "a.txt", APPLY_TEXT)
    out = tmp_path / "out"
    assert main(["clean", str(src), "--apply", "all", "--output-dir", str(out), "--resume", "-j", "1"]) == 2
    assert "--apply cannot be combined with --resume" in capsys.readouterr().err


def test_apply_all_on_the_sample_gives_correct_french(capsys: pytest.CaptureFixture[str]) -> None:
    sample = Path(__file__).resolve().parent / "data" / "sample_000.txt"
    assert main(["clean", str(sample), "--apply", "all", "-j", "1"]) == 0
    out = capsys.readouterr().out
    assert "qu'ils sont proches" in out and "alors qu'ils étaient" in out
    assert "l'envoyé pour le Proche-Orient" in out
    assert "que ils" not in out and "le envoyé" not in out and " vous " not in out
    assert "phon-phon" not in out and "Trump, qui a été Trump" not in out
