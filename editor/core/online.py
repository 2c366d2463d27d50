"""Dead links: ask each http(s) link of an article once (`galley check --online`, the editor's "Check links online").

Each distinct address is asked once per process (results are cached), with HEAD first and GET only where the
server refuses HEAD; redirects are followed by hand (at most `MAX_REDIRECTS`) so the final address can be reported
and suggested. Threads are fine here: the work is waiting on sockets. Only `http.client` is used: no proxy from
the environment, no cookies, and the body of a GET is never downloaded.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import threading
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import quote, urljoin, urlsplit

from editor.core.article import Article
from editor.core.findings import Finding, Severity, make_finding
from editor.core.i18n import N_, _
from editor.core.urls import find_links, href

MAX_REDIRECTS = 5
DEFAULT_TIMEOUT = 10.0
DEFAULT_WORKERS = 8
USER_AGENT = "Galley-link-check/1.0 (+https://github.com/galley; proofreading tool)"
_HEAD_REFUSED = {400, 403, 405, 501}
_SAFE = "/%:@!$&'()*+,;=-._~"


@dataclass(frozen=True, slots=True)
class Probe:
    """What asking one address gave: a final status, where redirects led, or why no answer came."""

    url: str
    status: int | None = None
    final_url: str | None = None  # set when at least one redirect was followed
    error: str | None = None  # timeout | dns | refused | tls | invalid | redirect-loop | network
    detail: str = ""


_cache: dict[tuple[str, float], Probe] = {}
_cache_lock = threading.Lock()


def clear_cache() -> None:
    """Forget every answer (the editor's "check again")."""
    with _cache_lock:
        _cache.clear()


def _request(url: str, method: str, timeout: float) -> tuple[int, str | None]:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError("not an http(s) address")
    conn: http.client.HTTPConnection
    if parts.scheme == "https":
        conn = http.client.HTTPSConnection(
            parts.hostname, parts.port, timeout=timeout, context=ssl.create_default_context()
        )
    else:
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    path = quote(parts.path or "/", safe=_SAFE)  # `/été` goes out as `/%C3%A9t%C3%A9`, as a browser sends it
    if parts.query:
        path += "?" + quote(parts.query, safe=_SAFE + "?")
    try:
        conn.request(method, path, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
        response = conn.getresponse()
        return response.status, response.getheader("Location")
    finally:
        conn.close()


def _ask(url: str, timeout: float) -> tuple[int, str | None]:
    status, location = _request(url, "HEAD", timeout)
    if status in _HEAD_REFUSED:
        status, location = _request(url, "GET", timeout)
    return status, location


def probe(url: str, timeout: float = DEFAULT_TIMEOUT) -> Probe:
    """Ask `url` (cached per process). Never raises: failures come back as `Probe.error`."""
    key = (url, timeout)
    with _cache_lock:
        cached = _cache.get(key)
    if cached is not None:
        return cached
    result = _probe(url, timeout)
    with _cache_lock:
        _cache[key] = result
    return result


def _probe(url: str, timeout: float) -> Probe:
    current = url
    seen = {url}
    try:
        for _hop in range(MAX_REDIRECTS + 1):
            status, location = _ask(current, timeout)
            if status in (301, 302, 303, 307, 308) and location:
                nxt = urljoin(current, location)
                if nxt in seen:
                    return Probe(url, status, nxt, "redirect-loop", _("the redirects go round in a loop"))
                seen.add(nxt)
                current = nxt
                continue
            return Probe(url, status, current if current != url else None)
        return Probe(url, None, current, "redirect-loop", _("more than {count} redirects").format(count=MAX_REDIRECTS))
    except TimeoutError:
        return Probe(url, error="timeout", detail=_("no answer within {seconds} s").format(seconds=f"{timeout:g}"))
    except socket.gaierror as exc:
        return Probe(
            url, error="dns", detail=_("the host name does not resolve ({reason})").format(reason=exc.strerror or exc)
        )
    except ConnectionRefusedError:
        return Probe(url, error="refused", detail=_("the server refused the connection"))
    except ssl.SSLError as exc:
        return Probe(url, error="tls", detail=_("secure connection failed ({reason})").format(reason=exc.reason or exc))
    except ValueError as exc:
        return Probe(url, error="invalid", detail=str(exc))
    except (OSError, http.client.HTTPException) as exc:
        return Probe(url, error="network", detail=f"{type(exc).__name__}: {exc}")


def _targets(article: Article, findings: Iterable[Finding]) -> list[tuple[int, int, str]]:
    """(start, end, address) of every http(s) link, from the link findings when there are any."""
    spans: list[tuple[int, int, str]] = []
    for f in findings:
        url = f.extra.get("url") if f.category == "link" else None
        if isinstance(url, str) and f.rule in ("link.url", "link.spaced", "link.missing-host"):
            spans.append((f.start, f.end, url))
    if not spans:
        for link in find_links(article.text, article.url):
            target = href(link)
            if target and (link.ok or link.repaired):
                spans.append((link.start, link.end, target))
    return [(s, e, u) for s, e, u in spans if urlsplit(u).scheme in ("http", "https")]


_STATUS_WORDS = {404: N_("not found"), 410: N_("gone"), 401: N_("needs a login"), 403: N_("forbidden")}


def _finding(article: Article, start: int, end: int, result: Probe) -> Finding | None:
    text = article.text
    if result.error == "timeout":
        return make_finding(
            text,
            "link.timeout",
            Severity.WARNING,
            start,
            end,
            _("the link did not answer: {detail}").format(detail=result.detail),
        )
    if result.error in ("dns", "refused", "tls", "network", "redirect-loop"):
        return make_finding(
            text, "link.unreachable", Severity.ERROR, start, end, _("dead link: {detail}").format(detail=result.detail)
        )
    if result.error == "invalid" or result.status is None:
        return None
    via = _(" (after redirects to {url})").format(url=result.final_url) if result.final_url else ""
    if 400 <= result.status < 500:
        what = _(_STATUS_WORDS.get(result.status, N_("refused")))
        return make_finding(
            text,
            "link.dead",
            Severity.ERROR,
            start,
            end,
            _("dead link: the server answers {status} ({what}){via}").format(status=result.status, what=what, via=via),
        )
    if result.status >= 500:
        return make_finding(
            text,
            "link.server-error",
            Severity.WARNING,
            start,
            end,
            _("the site answers {status} (server error){via}; it may be down for now").format(
                status=result.status, via=via
            ),
        )
    if result.final_url:
        return make_finding(
            text,
            "link.redirect",
            Severity.INFO,
            start,
            end,
            _("the link redirects to {url}").format(url=result.final_url),
            (result.final_url,),
        )
    return None


def check_links_online(
    article: Article,
    findings: Iterable[Finding],
    *,
    timeout: float = DEFAULT_TIMEOUT,
    workers: int = DEFAULT_WORKERS,
) -> list[Finding]:
    """`link` findings for the article's http(s) links that are dead, failing, slow or redirected."""
    targets = _targets(article, findings)
    if not targets:
        return []
    unique = sorted({u for _, _, u in targets})
    with ThreadPoolExecutor(max_workers=max(1, min(workers, len(unique)))) as pool:
        results = dict(zip(unique, pool.map(lambda u: probe(u, timeout), unique), strict=True))
    out: list[Finding] = []
    for start, end, url in targets:
        f = _finding(article, start, end, results[url])
        if f is not None:
            out.append(f)
    return out
