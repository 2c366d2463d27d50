"""A generator of hostile inputs, each with the behaviour Galley must show written beside it.

`build(folder)` writes every case into `folder` and returns them. `expect` is what a user must see:
  "ok"           the file loads and is checked (exit 0 or 1), nothing on stderr;
  "error:TEXT"   one clear message containing TEXT on stderr and exit status 2, never a traceback.
`text_has` (optional) is a string the loaded article text must contain: proof the content was read right.
"""

from __future__ import annotations

import codecs
import json
import os
import random
from dataclasses import dataclass
from pathlib import Path

FRENCH = "Le président a déclaré : « Nous tiendrons. » L'été à Zürich fut chaud, œuvre fêtée.\n\nFin.\n"


@dataclass(frozen=True)
class Case:
    name: str
    path: Path
    expect: str
    text_has: str | None = None
    forbidden_opens: tuple[str, ...] = ()


def _w(folder: Path, name: str, data: bytes | str) -> Path:
    p = folder / name
    p.write_bytes(data.encode("utf-8", errors="surrogatepass") if isinstance(data, str) else data)
    return p


def build(folder: Path) -> list[Case]:
    rng = random.Random(7)
    c: list[Case] = []
    add = c.append
    # Empty, white space, binaries renamed .txt, NUL bytes.
    add(Case("empty", _w(folder, "empty.txt", b""), "error:the file is empty"))
    add(Case("whitespace only", _w(folder, "ws.txt", b" \n\t\r\n  \n"), "error:only white space"))
    add(Case("png renamed", _w(folder, "png.txt", b"\x89PNG\r\n\x1a\n" + bytes(200)), "error:PNG image"))
    add(Case("zip renamed", _w(folder, "zip.txt", b"PK\x03\x04" + bytes(200)), "error:ZIP archive"))
    add(Case("pdf renamed", _w(folder, "pdf.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj"), "error:PDF document"))
    add(Case("random bytes", _w(folder, "rand.txt", rng.randbytes(5000)), "error:binary"))
    add(Case("a few NUL bytes", _w(folder, "nul.txt", "Un texte\x00 avec un NUL égaré.\n"), "ok", "égaré"))
    # Encodings.
    add(Case("utf-8 bom", _w(folder, "u8bom.txt", codecs.BOM_UTF8 + FRENCH.encode()), "ok", "œuvre fêtée"))
    for codec, bom in (
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-32-le", codecs.BOM_UTF32_LE),
        ("utf-32-be", codecs.BOM_UTF32_BE),
    ):
        add(Case(f"{codec} with bom", _w(folder, f"{codec}-bom.txt", bom + FRENCH.encode(codec)), "ok", "fêtée"))
    for codec in ("utf-16-le", "utf-16-be"):
        add(Case(f"{codec} no bom", _w(folder, f"{codec}.txt", FRENCH.encode(codec)), "ok", "fêtée"))
    for codec in ("cp1252", "iso8859-15", "mac_roman"):
        add(Case(codec, _w(folder, f"{codec}.txt", (FRENCH * 3).encode(codec)), "ok", "Zürich fut chaud, œuvre"))
    stray = FRENCH.encode() + "ligne cp1252 : été\n".encode("cp1252") + FRENCH.encode()
    add(Case("utf-8 with one stray cp1252 byte", _w(folder, "stray.txt", stray), "ok", "cp1252 : été"))
    add(Case("truncated utf-8", _w(folder, "trunc.txt", FRENCH.encode()[:-7] + "é".encode()[:1]), "ok", "Zürich"))
    add(Case("encoded surrogate", _w(folder, "surr.txt", b"avant \xed\xa0\x80 apr\xc3\xa8s\n" * 3), "ok", "avant"))
    # Line ends and separators.
    add(Case("crlf", _w(folder, "crlf.txt", FRENCH.replace("\n", "\r\n")), "ok", "Fin."))
    add(Case("cr only", _w(folder, "cr.txt", FRENCH.replace("\n", "\r")), "ok", "Fin."))
    add(Case("mixed line ends", _w(folder, "mixed.txt", "un\r\ndeux\rtrois\nquatre\n"), "ok", "quatre"))
    add(Case("u2028 u2029", _w(folder, "seps.txt", "un\u2028deux\u2029trois\u00a0:\n"), "ok", "trois\u00a0:"))
    # Size.
    add(Case("50 MB single line", _w(folder, "huge.txt", ("mot " * 13_000_000).encode()), "error:too large to check"))
    add(Case("200,000 lines", _w(folder, "lines.txt", "Une ligne courte.\n" * 200_000), "ok"))
    add(Case("100,000-letter word", _w(folder, "word.txt", "Le mot " + "a" * 100_000 + " fin.\n"), "ok"))
    # Unicode that moves positions.
    tricky = (
        "Un drapeau 🇫🇷 et une famille 👨‍👩‍👧 puis e\u0301te\u0301 , ici.\n\n"
        "עברית ושלום , puis \u202eabc\u202c et zéro\u200blargeur, in\u00adcroyable mot.\n"
    )
    add(Case("emoji, ZWJ, flags, combining, RTL, bidi", _w(folder, "uni.txt", tricky), "ok", "👨‍👩‍👧"))
    # HTML that must not reach outside.
    fifo = folder / "pipe"
    os.mkfifo(fifo)
    canary = _w(folder, "canary.png", b"\x89PNG\r\n\x1a\n" + bytes(64))  # a local image nothing may read
    page = (
        "<html><head><title>Titre <b>gras</b> &amp; <script>x()</script></title>"
        "<style>body{background:url(file:///etc/passwd)}</style></head><body>"
        '<iframe src="https://evil.example/"></iframe><img src="/dev/zero"><img src="' + str(fifo) + '">'
        '<img src="https://tracker.example/p.gif">'
        f'<img src="{canary}"><img src="file://{canary}"><article>'
        + "".join(
            f"<p>Paragraphe {i} d'un article de presse ordinaire et assez long pour compter.</p>" for i in range(6)
        )
        + '<p><a href="javascript:alert(1)">clic</a> <a href="data:text/html,x">data</a> '
        '<a href="file:///etc/shadow">fichier</a> <a href="file://'
        + str(canary)
        + '">image</a></p></article><script>while(1){}</script></body></html>'
    )
    add(
        Case(
            "html with script, iframes, images, dangerous links",
            _w(folder, "page.html", page),
            "ok",
            "Paragraphe 5",
            forbidden_opens=("/dev/zero", str(fifo), str(canary), "/etc/passwd", "/etc/shadow"),
        )
    )
    add(
        Case("100,000 nested elements", _w(folder, "nest.html", "<div>" * 100_000 + "texte" + "</div>" * 100_000), "ok")
    )
    # JSON and JSONL.
    add(Case("truncated json", _w(folder, "trunc.json", '{"text": "coupé'), "error:malformed JSON"))
    add(Case("deeply nested json", _w(folder, "deep.json", "[" * 100_000 + "]" * 100_000), "error:nested too deeply"))
    add(Case("huge number", _w(folder, "num.json", '{"text": "ok", "n": ' + "9" * 6000 + "}"), "error:too many digits"))
    add(Case("NaN", _w(folder, "nan.json", '{"text": "Un texte.", "score": NaN, "id": Infinity}'), "ok", "Un texte."))
    add(Case("duplicate keys", _w(folder, "dup.json", '{"text": "premier", "text": "second"}'), "ok", "second"))
    add(Case("lone surrogate", _w(folder, "lone.json", '{"text": "a\\ud800b c\\udfff"}'), "ok", "a\ufffdb"))
    lines = [json.dumps({"text": f"Article {i} correct."}) for i in range(3)]
    lines.insert(1, '{"text": oops}')
    add(
        Case(
            "one bad jsonl line", _w(folder, "bad.jsonl", "\n".join(lines) + "\n"), "error:bad.jsonl:2: malformed JSON"
        )
    )
    # File system oddities.
    target = _w(folder, "target.txt", FRENCH)
    (folder / "link.txt").symlink_to(target)
    add(Case("symlink to a file", folder / "link.txt", "ok", "fêtée"))
    (folder / "dangling.txt").symlink_to(folder / "gone.txt")
    add(Case("dangling symlink", folder / "dangling.txt", "error:no such file"))
    (folder / "zero.txt").symlink_to("/dev/zero")
    add(Case("symlink to /dev/zero", folder / "zero.txt", "error:not a regular file"))
    pipe_txt = folder / "pipe.txt"
    os.mkfifo(pipe_txt)
    add(Case("named pipe", pipe_txt, "error:not a regular file"))
    ro = _w(folder, "ro.txt", FRENCH)
    ro.chmod(0o444)
    add(Case("read-only file", ro, "ok", "fêtée"))
    return c
