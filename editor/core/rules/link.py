"""Links: every link is listed (info), broken ones are errors with a repair where one is known.

Link repair always needs a person's eye (the host taken from the article's source URL may be wrong for a link to
another site), so no link finding is automatic.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from editor.core.findings import Finding, Severity
from editor.core.i18n import _
from editor.core.rules.base import Context, Rule
from editor.core.urls import Link, find_links, href


def links_of(ctx: Context) -> list[Link]:
    """The links of the context's text, found once and shared (the online check reuses them)."""
    return ctx.memo("links", lambda: find_links(ctx.text, ctx.source_url))


def _host(target: str) -> str:
    try:
        netloc = urlsplit(target).netloc
    except ValueError:
        return target
    return netloc.rsplit("@", 1)[-1] or target


class LinkUrl(Rule):
    id = "link.url"
    severity = Severity.INFO
    description = "Every well-formed link, so the editor can list them (not a problem)."

    def check(self, ctx: Context) -> Iterable[Finding]:
        for link in links_of(ctx):
            if not link.ok:
                continue
            target = href(link) or link.text
            if link.kind in ("email", "mailto"):
                message = _("e-mail address {address}").format(address=target.removeprefix("mailto:"))
            else:
                message = _("link to {host}").format(host=_host(target))
            yield self.finding(ctx.text, link.start, link.end, message, url=target)


class LinkMalformed(Rule):
    id = "link.malformed"
    severity = Severity.ERROR
    description = "A link the WHATWG URL parser rejects (bad host, port, forbidden characters) or an empty link."

    def check(self, ctx: Context) -> Iterable[Finding]:
        for link in links_of(ctx):
            if link.problem == "malformed":
                yield self.finding(
                    ctx.text,
                    link.start,
                    link.end,
                    _("malformed link: {detail}; browsers cannot open it").format(detail=link.explained()),
                )


class LinkSpaced(Rule):
    id = "link.spaced"
    severity = Severity.ERROR
    description = "A link broken by spaces (`http : //`, `www. site. de`), typical of machine translation."

    def check(self, ctx: Context) -> Iterable[Finding]:
        for link in links_of(ctx):
            if link.problem == "spaced" and link.repaired:
                yield self.finding(
                    ctx.text,
                    link.start,
                    link.end,
                    _("link broken by spaces (machine translation or scraping); without them it reads {link}").format(
                        link=link.repaired
                    ),
                    (link.repaired,),
                    url=href(link),
                )


class LinkMissingHost(Rule):
    id = "link.missing-host"
    severity = Severity.ERROR
    description = "A link whose host name was lost (`https: /2025/12/politics/...`)."

    def check(self, ctx: Context) -> Iterable[Finding]:
        for link in links_of(ctx):
            if link.problem != "missing-host":
                continue
            why = "" if link.detail == "the host name was lost" else f" ({link.explained()})"
            if link.repaired:
                message = _(
                    "link without its site name{why}; with the article's own site it reads {link}: "
                    "check it points where the author meant"
                ).format(why=why, link=link.repaired)
                suggestions: tuple[str, ...] = (link.repaired,)
            else:
                message = _(
                    "link without its site name{why}, dropped by scraping or translation; the article's source "
                    "URL is unknown, so Galley cannot rebuild it"
                ).format(why=why)
                suggestions = ()
            yield self.finding(ctx.text, link.start, link.end, message, suggestions, url=link.repaired)


class LinkUnsafeScheme(Rule):
    id = "link.unsafe-scheme"
    severity = Severity.WARNING
    description = (
        "`javascript:`, `data:` and `file:` links: script, embedded content or local files, never a reader's link."
    )

    def check(self, ctx: Context) -> Iterable[Finding]:
        for link in links_of(ctx):
            if link.problem == "unsafe":
                yield self.finding(
                    ctx.text,
                    link.start,
                    link.end,
                    _("{detail}: a scraping leftover that readers cannot follow; remove it").format(
                        detail=link.explained()
                    ),
                    ("",),
                )


RULES = [LinkUrl(), LinkMalformed(), LinkSpaced(), LinkMissingHost(), LinkUnsafeScheme()]
