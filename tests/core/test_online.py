"""`check_links_online` against a real HTTP server on 127.0.0.1 (an ephemeral port); never any other host."""

from __future__ import annotations

import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from editor.core import online
from editor.core.article import Article
from editor.core.engine import analyse
from editor.core.findings import Severity
from editor.core.online import Probe, check_links_online, probe
from editor.core.rules.base import CheckConfig

HITS: Counter[tuple[str, str]] = Counter()


class Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def _answer(self, method: str) -> None:
        HITS[(method, self.path)] += 1
        path, _, query = self.path.partition("?")
        if path == "/slow":
            time.sleep(float(query.removeprefix("delay=")) if query.startswith("delay=") else 1.5)
        if path == "/nohead" and method == "HEAD":
            self.send_response(405)
        elif path in ("/ok", "/nohead", "/slow", "/%C3%A9t%C3%A9"):
            self.send_response(200)
        elif path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
        elif path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
        elif path == "/boom":
            self.send_response(500)
        else:
            self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_HEAD(self) -> None:
        self._answer("HEAD")

    def do_GET(self) -> None:
        self._answer("GET")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    online.clear_cache()
    HITS.clear()


def closed_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port: int = s.getsockname()[1]
    s.close()
    return port


def check(text: str, timeout: float = 0.5) -> list:  # type: ignore[type-arg]
    article = Article(text=text, lang="fr")
    findings = analyse(article, CheckConfig(lang="fr", enabled=("link",)))
    out = check_links_online(article, findings, timeout=timeout, workers=4)
    for f in out:
        assert f.text == text[f.start : f.end]
        assert f.category == "link"
    return out


def test_good_links_give_no_finding(server: str) -> None:
    assert check(f"Voir {server}/ok et {server}/nohead, puis l’été 🙂 {server}/été.") == []
    assert HITS[("HEAD", "/nohead")] == 1 and HITS[("GET", "/nohead")] == 1  # GET only where HEAD is refused
    assert HITS[("GET", "/ok")] == 0
    assert HITS[("HEAD", "/%C3%A9t%C3%A9")] == 1


@pytest.mark.parametrize("before", ["See ", "Voir l’été ", "🎉🇺🇦 "], ids=["ascii", "accented", "emoji"])
def test_dead_link_is_an_error_on_the_exact_span(server: str, before: str) -> None:
    url = f"{server}/missing"
    text = f"{before}{url}. Fin"
    (f,) = check(text)
    assert (f.rule, f.severity) == ("link.dead", Severity.ERROR)
    assert (f.start, f.end) == (len(before), len(before) + len(url))
    assert "404" in f.message


def test_server_error_redirect_loop_and_refused(server: str) -> None:
    port = closed_port()
    fs = check(f"A {server}/boom B {server}/moved C {server}/loop D http://127.0.0.1:{port}/x E")
    by_rule = {f.rule: f for f in fs}
    assert by_rule["link.server-error"].severity == Severity.WARNING
    assert "500" in by_rule["link.server-error"].message
    redirect = by_rule["link.redirect"]
    assert redirect.severity == Severity.INFO and redirect.suggestions == (f"{server}/ok",)
    unreachable = [f for f in fs if f.rule == "link.unreachable"]
    assert len(unreachable) == 2  # the loop and the closed port
    assert any("loop" in f.message for f in unreachable)
    assert any("refused" in f.message for f in unreachable)


def test_slow_link_times_out(server: str) -> None:
    delay = 6.0
    article = Article(text=f"Lent : {server}/slow?delay={delay} ici", lang="fr")
    findings = analyse(article, CheckConfig(lang="fr", enabled=("link",)))  # rules load outside the timing
    t0 = time.perf_counter()
    (f,) = check_links_online(article, findings, timeout=0.3, workers=4)
    assert time.perf_counter() - t0 < delay / 2  # gave up long before the answer came
    assert (f.rule, f.severity) == ("link.timeout", Severity.WARNING)


def test_each_link_is_asked_once_and_cached(server: str) -> None:
    text = f"{server}/missing et encore {server}/missing et {server}/ok"
    fs = check(text)
    assert [f.rule for f in fs] == ["link.dead", "link.dead"]
    assert HITS[("HEAD", "/missing")] == 1
    check(text)
    assert HITS[("HEAD", "/missing")] == 1  # answered from the cache
    assert probe(f"{server}/missing", 0.5) == Probe(f"{server}/missing", 404)


def test_concurrency_is_bounded_and_parallel(server: str) -> None:
    urls = " ".join(f"{server}/slow?n={i}" for i in range(4))
    t0 = time.perf_counter()
    fs = check(urls, timeout=3.0)
    elapsed = time.perf_counter() - t0
    assert fs == []
    assert elapsed < 4 * 1.5  # four slow answers in parallel, not one after the other


def test_repaired_links_are_checked_and_other_schemes_ignored(server: str) -> None:
    host = server.removeprefix("http://")
    article = Article(text=f"Voir http : //{host}/missing et mailto:a@b.fr et ftp://{host}/x", lang="fr")
    findings = analyse(article, CheckConfig(lang="fr", enabled=("link",)))
    (f,) = check_links_online(article, findings, timeout=0.5)
    assert f.rule == "link.dead"
    assert f.text == f"http : //{host}/missing"


def test_dns_failure_message() -> None:
    article = Article(text="x http://example.invalid/ y")
    f = online._finding(article, 2, 25, Probe("http://example.invalid/", error="dns", detail="no such host"))
    assert f is not None and f.rule == "link.unreachable" and f.severity == Severity.ERROR
