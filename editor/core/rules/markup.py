"""Markup left in the text: HTML tags and attribute fragments (also as machine translation spaced and capitalised
them: `Target = "_ Blank"`, `<br / >`), HTML comments, Markdown and wiki syntax.

Removal is automatic only where the fragment cannot be prose: a tag needs a known HTML element name (so `a < b`
and `x<y et z>w` are comparisons, not tags), an attribute needs a known attribute name followed by `=` and a
quoted value. What replaces a tag is what a browser showed in its place: nothing for inline tags and comments
(`<b>d</b>écision` is the word `décision`, and a space there would split it), a space for block tags (`fin<br>suite`
are two words). Where removing an attribute fragment would glue two words, the repair leaves one space instead.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator

from editor.core.findings import Finding, Severity
from editor.core.i18n import _
from editor.core.rules.base import Context, Rule

_TAG_NAMES = (
    "a abbr address article aside audio b bdi bdo blockquote body br button canvas caption center cite code col "
    "colgroup dd del details dfn div dl dt em embed fieldset figcaption figure font footer form h1 h2 h3 h4 h5 "
    "h6 head header hr html i iframe img input ins kbd label legend li link main mark meta nav noscript object "
    "ol optgroup option p param picture pre q s samp script section select small source span strike strong "
    "style sub summary sup svg table tbody td template textarea tfoot th thead time title tr track tt u ul var "
    "video wbr"
)
_BLOCK_NAMES = (
    "address article aside blockquote body br div dl dd dt figcaption figure footer form h1 h2 h3 h4 h5 h6 header "
    "hr li main nav ol p pre section table tbody td tfoot th thead tr ul"
)
HTML_TAGS = frozenset(_TAG_NAMES.split())
_BLOCK = frozenset(_BLOCK_NAMES.split())

# `<tag ...>`, `</tag>`, `<br/>` and the spaced forms machine translation makes: `< br / >`, `</ p >`.
_TAG_RE = re.compile(
    r"<(?P<sp1>[ \t]?)(?P<close>/?)[ \t]?(?P<name>[A-Za-z][A-Za-z0-9]{0,11})"
    r"(?P<rest>[ \t\n](?:[^<>\n]|\n(?!\n)){0,600})?(?P<selfclose>[ \t]?/?[ \t]?)>"
)
_COMMENT_RE = re.compile(r"<!--(?:[^-]|-(?!->)){0,4000}-->")

_ATTR_NAMES = (
    r"target|rel|class|href|src|srcset|style|id|alt|title|width|height|loading|decoding|role|lang|name|type|"
    r"data-[a-z][a-z-]{0,30}|aria-[a-z]{2,20}|on[a-z]{3,15}"
)
_QUOTES = "\"'“”«»„"
# `Target = "_ Blank"`, `rel='noopener'`, `class = « lien »`: a known attribute, `=`, a quoted value.
_ATTR_RE = re.compile(
    rf"(?<![\w\-])(?i:(?P<name>{_ATTR_NAMES}))[ \t]{{0,2}}=[ \t]{{0,2}}"
    rf"(?P<q>[{_QUOTES}])[ \t\u00a0]?[^{_QUOTES}\n<>]{{0,300}}[{_QUOTES}](?:[ \t]?/?[ \t]?>)?"
)
# attribute values that only make sense in markup, so they are safe to find even without quotes: target=_blank
_ATTR_BARE_RE = re.compile(r"(?<![\w\-])(?i:target)[ \t]{0,2}=[ \t]{0,2}_[ \t]?(?i:blank|self|parent|top)\b")
_STRONG_ATTRS = frozenset(("target", "rel", "class", "href", "src", "srcset", "style", "loading", "decoding"))


def _join_space(text: str, start: int, end: int) -> str:
    """What replaces a removed fragment: one space if the words around it would otherwise touch, else nothing."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return "" if before.isspace() or after.isspace() or not after.isalnum() else " "


def _widen(text: str, start: int, end: int) -> int:
    """Take one following space with the fragment when a space precedes it (no double space left behind)."""
    if start > 0 and text[start - 1] in " \t" and end < len(text) and text[end] in " \t":
        return end + 1
    return end


def _tags(ctx: Context) -> list[re.Match[str]]:
    """Real tags of the text (shared: the attribute rule skips what lies inside them)."""

    def compute() -> list[re.Match[str]]:
        found: list[re.Match[str]] = []
        if "<" not in ctx.text:
            return found
        for m in _TAG_RE.finditer(ctx.text):
            name = m.group("name").lower()
            rest = (m.group("rest") or "").strip()
            if name not in HTML_TAGS:
                continue
            if m.group("sp1") and len(name) < 2:
                continue  # `a < b > c`: a comparison
            if rest and "=" not in rest and rest != "/":
                continue  # `x<b et c>y`: prose between comparison signs
            found.append(m)
        return found

    return ctx.memo("markup.tags", compute)


class HtmlTag(Rule):
    id = "markup.html-tag"
    severity = Severity.WARNING
    description = "HTML tags left in the text (`<p>`, `</a>`, `<br / >`)."

    def check(self, ctx: Context) -> Iterable[Finding]:
        text = ctx.text
        for m in _tags(ctx):
            name = m.group("name").lower()
            start, end = m.start(), _widen(text, m.start(), m.end())
            replacement = ""  # an inline tag: the letters around it belong to one word
            if name in _BLOCK and start > 0 and end < len(text):
                replacement = "" if text[start - 1].isspace() or text[end].isspace() else " "
            if m.group("close"):
                message = _("HTML closing tag <{name}> left in the text; removed (the words around it stay)")
            else:
                message = _("HTML tag <{name}> left in the text; removed (the words around it stay)")
            yield self.finding(text, start, end, message.format(name=name), (replacement,), auto=True)


class HtmlComment(Rule):
    id = "markup.html-comment"
    severity = Severity.WARNING
    description = "HTML comments (`<!-- ... -->`) left in the text."

    def check(self, ctx: Context) -> Iterable[Finding]:
        text = ctx.text
        if "<!--" not in text:
            return
        for m in _COMMENT_RE.finditer(text):
            end = _widen(text, m.start(), m.end())
            message = _("an HTML comment left in the text; removed")
            yield self.finding(text, m.start(), end, message, ("",), auto=True)  # a browser shows nothing there


def _attribute_matches(text: str) -> Iterator[re.Match[str]]:
    """Attribute fragments, looked for only before each `=` (running the regex everywhere costs ~0.2 s per MB)."""
    tried = -1
    eq = text.find("=")
    while eq >= 0:
        i = eq
        while i > 0 and eq - i < 2 and text[i - 1] in " \t":
            i -= 1
        j = i
        while j > 0 and i - j < 36 and (text[j - 1].isascii() and (text[j - 1].isalpha() or text[j - 1] == "-")):
            j -= 1
        if j < i and j > tried:
            tried = j
            m = _ATTR_RE.match(text, j) or _ATTR_BARE_RE.match(text, j)
            if m is not None:
                yield m
                eq = text.find("=", m.end())
                continue
        eq = text.find("=", eq + 1)


class HtmlAttribute(Rule):
    id = "markup.html-attribute"
    severity = Severity.WARNING
    description = 'HTML attribute fragments outside any tag (`Target = "_ Blank"`, `rel = "noopener"`).'

    def check(self, ctx: Context) -> Iterable[Finding]:
        text = ctx.text
        if "=" not in text:
            return
        spans: list[tuple[int, int, str]] = []
        tags = [(m.start(), m.end()) for m in _tags(ctx)]
        for m in _attribute_matches(text):
            i = bisect_right(tags, (m.start(), len(text) + 1)) - 1
            if i >= 0 and tags[i][0] <= m.start() < tags[i][1]:
                continue  # inside a tag, which the tag rule removes whole
            name = m.group(0).split("=", 1)[0].strip().lower()
            if name not in _STRONG_ATTRS and not name.startswith(("data-", "aria-", "on")) and m.group(0)[0] != "<":
                # weak names (`title`, `id`, `type`...) could be prose: only with markup-looking neighbours
                neighbour = text[max(0, m.start() - 40) : m.start()] + text[m.end() : m.end() + 40]
                if not _ATTR_RE.search(neighbour) and ">" not in neighbour and "<" not in neighbour:
                    continue
            spans.append((m.start(), m.end(), name))
        spans.sort()
        merged: list[tuple[int, int, list[str]]] = []
        for s, e, name in spans:
            if merged and s <= merged[-1][1] + 1 and not text[merged[-1][1] : s].strip():
                names = merged[-1][2]
                if name not in names and len(names) < 8:
                    names.append(name)
                merged[-1] = (merged[-1][0], max(merged[-1][1], e), names)
            else:
                merged.append((s, e, [name]))
        for s0, e0, names in merged:
            start, end = s0, _widen(text, s0, e0)
            yield self.finding(
                text,
                start,
                end,
                _(
                    "HTML attribute fragment ({names}) left in the text by scraping or machine translation; removed"
                ).format(names=", ".join(names)),
                (_join_space(text, start, end),),
                auto=True,
            )


_MD_HEADING_RE = re.compile(r"(?m)^#{1,6}[ \t]++(?=[^\s#])")
_MD_BOLD_RE = re.compile(r"(?<![*\w])\*\*(?=[^\s*])([^*\n]{1,200})(?<=[^\s*])\*\*(?![*\w])")  # not __x__: identifiers
_MD_LINK_RE = re.compile(r"(?P<img>!?)\[(?P<label>[^\[\]\n]{0,200})\]\((?P<url>(?:https?://|www\.|/)[^()\s]{0,500})\)")
_WIKI_LINK_RE = re.compile(r"\[\[(?P<target>[^\[\]|\n]{1,200})(?:\|(?P<label>[^\[\]|\n]{1,200}))?\]\]")
_WIKI_BOLD_RE = re.compile(r"(?<!')'''(?=[^\s'])([^'\n]{1,200})(?<=[^\s'])'''(?!')")
_WIKI_HEADING_RE = re.compile(r"(?m)^(={2,4})[ \t]?+([^=\n]{1,120}?)[ \t]?+\1[ \t]*+$")


def _md_link(m: re.Match[str]) -> tuple[str, str, bool]:
    url = m.group("url")
    if m.group("img"):
        return "", _("Markdown image ({url}) left in the text").format(url=url), False
    return (
        m.group("label"),
        _("Markdown link left in the text: keep the words, the address was {url}").format(url=url),
        False,
    )


# Each shape: a literal every match holds (a cheap gate), the pattern, and what a match becomes (replacement,
# message, automatic or not).
_Fix = Callable[[re.Match[str]], tuple[str, str, bool]]
_SHAPES: tuple[tuple[str, re.Pattern[str], _Fix], ...] = (
    ("#", _MD_HEADING_RE, lambda m: ("", _("Markdown heading marks (#) left in the text; removed"), True)),
    ("**", _MD_BOLD_RE, lambda m: (m.group(1), _("Markdown bold marks left in the text; removed"), True)),
    ("](", _MD_LINK_RE, _md_link),
    (
        "[[",
        _WIKI_LINK_RE,
        lambda m: (m.group("label") or m.group("target"), _("wiki link syntax left in the text; removed"), True),
    ),
    ("'''", _WIKI_BOLD_RE, lambda m: (m.group(1), _("wiki bold marks left in the text; removed"), True)),
    ("==", _WIKI_HEADING_RE, lambda m: (m.group(2).strip(), _("wiki heading marks (==) left in the text"), True)),
)


class Markdown(Rule):
    id = "markup.markdown"
    severity = Severity.WARNING
    description = "Markdown and wiki syntax left in plain text (`## Titre`, `**gras**`, `[texte](url)`, `[[Lien]]`)."

    def check(self, ctx: Context) -> Iterable[Finding]:
        text = ctx.text
        for literal, pattern, fix in _SHAPES:
            if literal in text:
                for m in pattern.finditer(text):
                    replacement, message, auto = fix(m)
                    yield self.finding(text, *m.span(), message, (replacement,), auto)


RULES = [HtmlTag(), HtmlComment(), HtmlAttribute(), Markdown()]
