"""The main text and metadata of a scraped web page, through trafilatura (the field's best extractor).

Nothing here touches the network or the file system: the page is parsed from the string it was given.
"""

from __future__ import annotations

import logging
import re
from html.parser import HTMLParser

from editor.core.article import Article
from editor.core.i18n import _

_MULTI_NL = re.compile(r"\n{2,}")
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


def _paragraphs(text: str) -> str:
    """trafilatura separates blocks with one newline; Galley's paragraphs are separated by a blank line."""
    lines = [ln.strip() for ln in text.replace("\r", "").split("\n")]
    return "\n\n".join(ln for ln in lines if ln)


class _VisibleText(HTMLParser):
    """Visible text in document order. Python's own parser has no depth limit (lxml silently drops everything
    past 256 levels) and never loads anything the page refers to."""

    _HIDDEN = frozenset({"script", "style", "noscript", "template", "iframe", "svg", "head", "title"})
    _BLOCK = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "article", "section"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._HIDDEN:
            self._hidden += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._HIDDEN and self._hidden:
            self._hidden -= 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def _fallback_text(html: str) -> str:
    """Visible text of a page trafilatura found no article in (a short page, a fragment, absurd nesting)."""
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    return _paragraphs(" ".join("".join(parser.parts).split(" ")))


def extract_article(html: str, source: str, url: str | None = None) -> Article | str:
    """An article from a page, or a message when the page holds no readable text."""
    import trafilatura

    try:
        text = trafilatura.extract(
            html,
            url=url,
            output_format="txt",
            include_comments=False,
            include_tables=True,
            include_links=False,
            deduplicate=False,
            favor_precision=False,
        )
        meta = trafilatura.extract_metadata(html, default_url=url)
    except (ValueError, RecursionError, TypeError):
        text, meta = None, None
    body = _paragraphs(text) if text else _fallback_text(html)
    if not body.strip():
        return _("no readable text found in this page")
    return Article(
        text=body,
        title=(meta.title if meta and meta.title else None),
        url=(meta.url if meta and meta.url else url),
        date=(meta.date if meta and meta.date else None),
        lang=None,
        source=source,
        meta={"format": "html", "newline": "\n"},
    )
