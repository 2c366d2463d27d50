"""Every export format in one table (`EXPORTERS`), read by `galley clean`, `galley export` and the editor.

Adding a format is adding a render function and one `EXPORTERS` entry here; the command-line choices, the export
dialog and the session export all read this table.

The structure is read back from the plain text the way a person would: paragraphs are separated by blank lines,
the article's title (or a short first line) is the title, and a short standalone line followed by more text is
a heading. Markdown and HTML keep that structure and turn bare http(s) links into real links; everything else is
escaped, so no markup from a scraped article ever passes through (an `<script>` in the text stays text).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from editor.core.article import Article
from editor.core.interfaces import Rendition

_PARA_SPLIT = re.compile(r"\n[ \t\r\f\v]*+\n")
# A bare http(s) link: the scheme, then non-space characters; trailing punctuation is trimmed in code.
_LINK = re.compile(r"\bhttps?://[^\s<>\"'«»“”]++", re.IGNORECASE)
_TRAILING = ".,;:!?)]}’'\"»"
_SENTENCE_END = (".", ",", ";", ":", "…", "!", "»", '"', "”")
HEADING_MAX_CHARS = 100
HEADING_MAX_WORDS = 14


def _squash(s: str) -> str:
    return " ".join(s.split())


def _looks_like_heading(line: str) -> bool:
    s = line.strip()
    if not s or "\n" in s or len(s) > HEADING_MAX_CHARS or len(s.split()) > HEADING_MAX_WORDS:
        return False
    if s.endswith(_SENTENCE_END) or s.startswith(("-", "•", "*", "http")):
        return False
    return any(c.isalpha() for c in s)


def blocks(text: str, title: str | None = None) -> Iterator[tuple[str, str]]:
    """(kind, text) for each block: `title`, `heading` or `paragraph`, in order (paragraphs keep their lines)."""
    paras = [p.strip("\n") for p in _PARA_SPLIT.split(text)]
    paras = [p for p in paras if p.strip()]
    first = 0
    if paras:
        p0 = paras[0].strip()
        if title and _squash(p0) == _squash(title):
            yield "title", p0
            first = 1
        elif title:
            yield "title", title.strip()
        elif _looks_like_heading(p0) and len(paras) > 1:
            yield "title", p0
            first = 1
    elif title:
        yield "title", title.strip()
    for i in range(first, len(paras)):
        p = paras[i]
        nxt = paras[i + 1] if i + 1 < len(paras) else None
        if nxt is not None and _looks_like_heading(p) and not _looks_like_heading(nxt):
            yield "heading", p.strip()
        else:
            yield "paragraph", p


def _split_links(text: str) -> Iterator[tuple[str, bool]]:
    """(piece, is_link) over text; a link's trailing punctuation stays outside it (unless brackets balance)."""
    pos = 0
    for m in _LINK.finditer(text):
        url = m.group()
        end = m.end()
        while url and url[-1] in _TRAILING:
            if url[-1] == ")" and url.count("(") >= url.count(")"):
                break
            url = url[:-1]
            end -= 1
        if len(url) <= len("https://"):
            continue
        if m.start() > pos:
            yield text[pos : m.start()], False
        yield url, True
        pos = end
    if pos < len(text):
        yield text[pos:], False


# --------------------------------------------------------------------------------------------- Markdown

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_MD_LINE_START = re.compile(r"^([ \t]*+)([#>+=-])", re.MULTILINE)
_MD_ORDERED = re.compile(r"^([ \t]*+\d++)([.)])", re.MULTILINE)
_MD_ENTITY = re.compile(r"&(?=#?\w++;)")


def md_escape(text: str) -> str:
    """Text that Markdown shows literally: no emphasis, links, HTML, lists or headings sneak in."""
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _MD_ENTITY.sub("&amp;", text)
    text = _MD_ORDERED.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
    return _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def _md_url(url: str) -> str:
    return url.replace("\\", "%5C").replace("<", "%3C").replace(">", "%3E").replace(" ", "%20")


def _md_inline(text: str) -> str:
    out: list[str] = []
    for piece, is_link in _split_links(text):
        if is_link:
            out.append(f"[{md_escape(piece)}](<{_md_url(piece)}>)")
        else:
            out.append(md_escape(piece))
    # keep line breaks inside a paragraph (two trailing spaces would be invisible; a backslash is explicit)
    return "\\\n".join("".join(out).split("\n"))


def render_md(text: str, article: Article) -> str:
    out: list[str] = []
    for kind, body in blocks(text, article.title):
        if kind == "title":
            out.append("# " + md_escape(_squash(body)))
        elif kind == "heading":
            out.append("## " + md_escape(_squash(body)))
        else:
            out.append(_md_inline(body))
    return "\n\n".join(out) + "\n"


# --------------------------------------------------------------------------------------------- HTML


def _h(text: str) -> str:
    return html.escape(text, quote=True)


def _html_inline(text: str) -> str:
    out: list[str] = []
    for piece, is_link in _split_links(text):
        if is_link:
            out.append(f'<a href="{_h(piece)}" rel="nofollow noopener noreferrer">{_h(piece)}</a>')
        else:
            out.append(_h(piece))
    return "<br>\n".join("".join(out).split("\n"))


_LANG_RE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")


def render_html(text: str, article: Article, lang: str | None = None) -> str:
    lang = lang or article.lang or ""
    lang_attr = f' lang="{_h(lang)}"' if _LANG_RE.match(lang) else ""
    body: list[str] = []
    doc_title = article.title or ""
    for kind, block in blocks(text, article.title):
        if kind == "title":
            doc_title = doc_title or _squash(block)
            body.append(f"<h1>{_h(_squash(block))}</h1>")
        elif kind == "heading":
            body.append(f"<h2>{_h(_squash(block))}</h2>")
        else:
            body.append(f"<p>{_html_inline(block)}</p>")
    source = ""
    if article.url and _LINK.fullmatch(article.url.strip()):
        u = _h(article.url.strip())
        source = f'\n<footer><p>Source: <a href="{u}" rel="nofollow noopener noreferrer">{u}</a></p></footer>'
    return (
        f'<!DOCTYPE html>\n<html{lang_attr}>\n<head>\n<meta charset="utf-8">\n'
        f"<title>{_h(_squash(doc_title))}</title>\n</head>\n<body>\n<article>\n"
        + "\n".join(body)
        + f"{source}\n</article>\n</body>\n</html>\n"
    )


# --------------------------------------------------------------------------------------------- JSON


def render_json(
    text: str,
    article: Article,
    changes: Sequence[dict[str, Any]] | None = None,
    lang: str | None = None,
    *,
    status: str | None = None,
    declined: Sequence[dict[str, Any]] | None = None,
) -> str:
    """One JSON document; a session export adds where the person is with the article and what they declined."""
    record: dict[str, Any] = {
        "title": article.title,
        "url": article.url,
        "lang": lang or article.lang,
        "date": article.date,
        "source": article.source,
        "index": article.index,
        "text": text,
        "changes": list(changes or ()),
    }
    if status is not None:
        record["status"] = status
        record["declined"] = list(declined or ())
    return json.dumps(record, ensure_ascii=False, indent=2) + "\n"


def render_jsonl_line(item: Rendition) -> str:
    """One article as one JSON line (no line end): the articles of a JSONL export that came from no corpus."""
    a = item.article
    return json.dumps(
        {
            "source": a.source,
            "index": a.index,
            "title": a.title,
            "url": a.url,
            "lang": item.lang,
            "date": a.date,
            "status": item.status,
            "text": item.text,
            "changes": list(item.changes),
            "declined": list(item.declined or ()),
        },
        ensure_ascii=False,
    )


# --------------------------------------------------------------------------------------------- the table


@dataclass(frozen=True, slots=True)
class Exporter:
    """One export format: the suffix of its files, how it writes an article, whether it is a corpus format (one
    line per article; an input corpus is written back whole), and whether a file keeps the article's line ends."""

    suffix: str
    render: Callable[[Rendition], str]
    corpus: bool = False
    keep_line_ends: bool = False


def _txt(item: Rendition) -> str:
    text = item.text
    return text if text.endswith("\n") or not text else text + "\n"


EXPORTERS: dict[str, Exporter] = {
    "txt": Exporter(".txt", _txt, keep_line_ends=True),
    "md": Exporter(".md", lambda it: render_md(it.text, it.article), keep_line_ends=True),
    "html": Exporter(".html", lambda it: render_html(it.text, it.article, it.lang)),
    "json": Exporter(
        ".json",
        lambda it: render_json(it.text, it.article, it.changes, it.lang, status=it.status, declined=it.declined),
    ),
    "jsonl": Exporter(".jsonl", render_jsonl_line, corpus=True),
}
FORMATS = tuple(EXPORTERS)
ARTICLE_FORMATS = tuple(name for name, e in EXPORTERS.items() if not e.corpus)  # one file per article
SUFFIXES = {name: e.suffix for name, e in EXPORTERS.items()}


def render(
    cleaned_text: str,
    article: Article,
    fmt: str,
    changes: Sequence[dict[str, Any]] | None = None,
    *,
    lang: str | None = None,
) -> str:
    """The cleaned article in `fmt` (one of `ARTICLE_FORMATS`). `changes` is the change log (json only)."""
    exporter = EXPORTERS.get(fmt)
    if exporter is None or exporter.corpus:
        raise ValueError(f"unknown format {fmt!r} (expected one of {', '.join(ARTICLE_FORMATS)})")
    return exporter.render(Rendition(cleaned_text, article, tuple(changes or ()), lang))
