"""Every supported input format loads into articles; every bad input becomes one clear message."""

from __future__ import annotations

import codecs
import json
import os
from pathlib import Path

import pytest

from editor.core.decoding import decode_bytes
from editor.formats.loaders import LoadError, iter_file, load_paths

FRENCH = "Le président ukrainien a déclaré : « Nous tiendrons. » Été 2025 🇺🇦\n\nDeuxième paragraphe.\n"


def _one(path: Path) -> object:
    items = list(iter_file(path))
    assert len(items) == 1, items
    return items[0]


def test_utf8_txt_text_equals_file_content_exactly(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes(("  indenté\n" + FRENCH + "\n\n").encode("utf-8"))
    art = _one(p)
    assert not isinstance(art, LoadError)
    assert art.text == p.read_text(encoding="utf-8")
    assert art.encoding == "utf-8"


def test_crlf_is_read_as_lf_and_remembered(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes(b"ligne un\r\nligne deux\r\n")
    art = _one(p)
    assert not isinstance(art, LoadError)
    assert art.text == "ligne un\nligne deux\n"
    assert art.meta["newline"] == "\r\n"


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_byte_order_marks_are_honoured(tmp_path: Path, bom: bytes, codec: str) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes(bom + FRENCH.encode(codec))
    art = _one(p)
    assert not isinstance(art, LoadError)
    assert art.text == FRENCH
    assert art.encoding == codec


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_recognised(tmp_path: Path, codec: str) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes(FRENCH.encode(codec))
    art = _one(p)
    assert not isinstance(art, LoadError)
    assert art.text == FRENCH


@pytest.mark.parametrize("codec", ["cp1252", "iso8859-15", "mac_roman"])
def test_legacy_western_encodings_read_french_correctly(tmp_path: Path, codec: str) -> None:
    text = "L'été à Zürich : déjà très chaud, œuvre fêtée. Ça va ? Où ? Noël\n" * 3
    p = tmp_path / "a.txt"
    p.write_bytes(text.encode(codec))
    art = _one(p)
    assert not isinstance(art, LoadError)
    assert art.text == text


def test_a_stray_cp1252_byte_in_utf8_is_flagged_not_mangled(tmp_path: Path) -> None:
    good = "Première ligne déjà correcte.\n"
    p = tmp_path / "a.txt"
    p.write_bytes(good.encode() * 3 + "Une ligne en cp1252 : été\n".encode("cp1252") + good.encode())
    art = _one(p)
    assert not isinstance(art, LoadError)
    assert art.fallback_lines == [3]
    assert "cp1252 : été" in art.text
    assert art.text.count("déjà") == 4


def test_reopen_with_another_encoding(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes("café".encode())
    (art,) = list(iter_file(p, encoding="cp1252"))
    assert not isinstance(art, LoadError)
    assert art.text == "cafÃ©"
    assert art.encoding == "cp1252"
    assert decode_bytes("café".encode()).text == "café"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"   \n\t\n", "white space"),
        (b"\x89PNG\r\n\x1a\n" + bytes(100), "PNG image"),
        (b"PK\x03\x04" + bytes(100), "ZIP archive"),
        (b"%PDF-1.7\n", "PDF document"),
        (bytes(range(256)) * 4, "binary"),
    ],
)
def test_bad_files_give_one_clear_message(tmp_path: Path, content: bytes, message: str) -> None:
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    err = _one(p)
    assert isinstance(err, LoadError)
    assert message in err.message
    assert str(p) in str(err)


def test_missing_file_folder_and_fifo(tmp_path: Path) -> None:
    assert "no such file" in str(_one(tmp_path / "nope.txt"))
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    err = _one(fifo)
    assert isinstance(err, LoadError)
    assert "not a regular file" in err.message


def test_markdown_loads_as_text(tmp_path: Path) -> None:
    p = tmp_path / "a.md"
    p.write_text("# Titre\n\nUn paragraphe avec un [lien](https://example.org).\n", encoding="utf-8")
    art = _one(p)
    assert not isinstance(art, LoadError)
    assert art.text.startswith("# Titre")
    assert art.meta["format"] == "md"


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    body = "".join(
        f"<p>Paragraphe numéro {i} d'un article de presse assez long pour être retenu.</p>" for i in range(8)
    )
    page = (
        "<html><head><title>Un titre &amp; sa suite</title>"
        '<meta property="og:url" content="https://journal.example/2025/article.html">'
        "<script>alert('x')</script></head><body><nav>Accueil | Monde</nav>"
        f"<article><h1>Un titre &amp; sa suite</h1>{body}</article><footer>© Journal</footer></body></html>"
    )
    p = tmp_path / "page.html"
    p.write_text(page, encoding="utf-8")
    art = _one(p)
    assert not isinstance(art, LoadError)
    assert art.title == "Un titre & sa suite"
    assert art.url == "https://journal.example/2025/article.html"
    assert "Paragraphe numéro 7" in art.text
    assert "alert" not in art.text
    assert "\n\n" in art.text


def test_json_object_and_array(tmp_path: Path) -> None:
    p = tmp_path / "a.json"
    p.write_text(json.dumps({"headline": "Titre", "content": "Texte.", "link": "https://x.example/a"}), "utf-8")
    art = _one(p)
    assert not isinstance(art, LoadError)
    assert (art.title, art.text, art.url) == ("Titre", "Texte.", "https://x.example/a")
    q = tmp_path / "b.json"
    q.write_text(json.dumps([{"text": "Un."}, {"nothing": 1}, {"body": "Trois."}]), "utf-8")
    items = list(iter_file(q))
    assert [type(i).__name__ for i in items] == ["Article", "LoadError", "Article"]
    assert "record 1" in str(items[1])


def test_jsonl_bad_line_is_reported_with_its_number_and_others_load(tmp_path: Path) -> None:
    p = tmp_path / "corpus.jsonl"
    lines = [
        json.dumps({"text": "Premier article.", "title": "Un", "lang": "fr", "date": "2025-03-01"}),
        '{"text": "tronqué',
        "",
        json.dumps({"text": "Troisième article, 😀 compris.", "url": "https://a.example/3"}),
        "[1, 2]",
    ]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(iter_file(p))
    arts = [i for i in items if not isinstance(i, LoadError)]
    errs = [i for i in items if isinstance(i, LoadError)]
    assert [a.index for a in arts] == [0, 1]
    assert arts[0].lang == "fr"
    assert arts[0].date == "2025-03-01"
    assert arts[1].url == "https://a.example/3"
    assert [(e.line, e.raw) for e in errs] == [(2, '{"text": "tronqué'), (5, "[1, 2]")]
    assert str(errs[0]).startswith(f"{p}:2: malformed JSON")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"text": "x", "n": ' + "9" * 5000 + "}", "too many digits"),
        ('{"text": "a\\ud800b"}', None),
    ],
)
def test_hostile_json_lines(tmp_path: Path, line: str, message: str | None) -> None:
    p = tmp_path / "c.jsonl"
    p.write_text(line + "\n", encoding="utf-8")
    (item,) = list(iter_file(p))
    if message is None:
        assert not isinstance(item, LoadError)
        assert item.text == "a\ufffdb"
    else:
        assert isinstance(item, LoadError)
        assert message in item.message


def test_folders_are_walked_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Zed.", "utf-8")
    (tmp_path / "a.txt").write_text("Alpha.", "utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / ".hidden.txt").write_text("no", "utf-8")
    arts, errs = load_paths([tmp_path])
    assert [a.text for a in arts] == ["Alpha.", "Zed."]
    assert errs == []
