"""Link finding in prose and WHATWG validity (editor/core/urls.py)."""

from __future__ import annotations

import time

import pytest

from editor.core.urls import find_links, href, whatwg_valid


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com/a/b?x=1#frag",
        "https://www.lemonde.fr/politique/article/2025/12/01/titre_123.html",
        "https://☃.net/",
        "https://bücher.de/été",
        "http://[::1]:8080/",
        "http://127.0.0.1:10100/x",
        "http://example.com/foo%",  # a stray % is percent-encoded, not an error
        "http://example.com/a b",  # spaces in the path are encoded too
        "http://user:pass@example.com:81/",
        "https://xn--n3h.net/",
        "http://0x7f.1/",
        "mailto:redaction@example.fr",
    ],
)
def test_valid_urls(url: str) -> None:
    assert whatwg_valid(url)


@pytest.mark.parametrize(
    "url",
    [
        "http://",
        "https://?",
        "http://a<b/",
        "http://exa|mple.com/",
        "http://example.com:-80/",
        "http://example.com:99999/",
        "http://1.2.3.09/",  # 09 is not an octal number
        "http://256.256.256.256.256/",
        "http://ex%3Aample.com/",  # a percent-encoded ':' in the host
        "https://\ufffd/",
        "http://[1:2:3]/",
        "http://user@/",
        "https://\u00ad/",  # a host that maps to nothing
    ],
)
def test_invalid_urls(url: str) -> None:
    assert not whatwg_valid(url)


def test_hosts_in_any_case_width_and_script_are_valid() -> None:
    assert whatwg_valid("http://ExAmple.COM/")
    assert whatwg_valid("http://bücher.de/")
    assert whatwg_valid("http://ｅｘａｍｐｌｅ．com/")


def one(text: str, source_url: str | None = None):  # type: ignore[no-untyped-def]
    links = find_links(text, source_url)
    assert len(links) == 1, links
    link = links[0]
    assert text[link.start : link.end] == link.text
    return link


@pytest.mark.parametrize("before", ["See ", "Voir l’été ", "🎉🇫🇷 Voir "], ids=["ascii", "accented", "emoji"])
def test_link_span_is_exact_after_any_text(before: str) -> None:
    url = "https://www.lemonde.fr/a/b.html"
    text = f"{before}{url}. Ensuite"
    link = one(text)
    assert link.start == len(before)
    assert link.text == url
    assert link.ok


def test_sentence_punctuation_and_brackets_stay_outside() -> None:
    assert one("(voir https://fr.wikipedia.org/wiki/Paris_(France)).").text == (
        "https://fr.wikipedia.org/wiki/Paris_(France)"
    )
    assert one("Lien : https://site.fr/a, puis").text == "https://site.fr/a"
    assert one("«\u00a0https://site.fr/a\u00a0»").text == "https://site.fr/a"
    assert one("<https://site.fr/a>.").text == "https://site.fr/a"
    assert one('href="https://site.fr/a">lien').text == "https://site.fr/a"
    assert one('voir https://site.fr/a">lien</a> et').text == "https://site.fr/a"
    assert one('Blank" https://site.fr/a"Depuis Sujets').text == "https://site.fr/a"
    assert one("voir https://site.fr/a</a><br/>et").text == "https://site.fr/a"
    assert one('voir http://foo.com/blah_"quoted" ici').text == 'http://foo.com/blah_"quoted"'
    assert one("http://localhost:8000?").text == "http://localhost:8000"


def test_missing_host_is_repaired_from_the_source_url() -> None:
    text = 'été Target https: /2025/12/politics/putin-trump-phon-phon-call/index.html "Depuis'
    link = one(text, "https://edition.cnn.com/2025/03/17/politics/x")
    assert link.problem == "missing-host"
    assert link.text == "https: /2025/12/politics/putin-trump-phon-phon-call/index.html"
    assert link.repaired == "https://edition.cnn.com/2025/12/politics/putin-trump-phon-phon-call/index.html"


def test_missing_host_without_source_url_has_no_repair() -> None:
    link = one("voir https: /2025/12/politics/index.html ici")
    assert link.problem == "missing-host"
    assert link.repaired is None


def test_a_number_is_not_a_host() -> None:
    link = one("voir https://2025/12/politics/index.html ici", "https://www.cnn.com/")
    assert link.problem == "missing-host"
    assert link.repaired == "https://www.cnn.com/2025/12/politics/index.html"


@pytest.mark.parametrize(
    ("text", "found", "repaired"),
    [
        ("Lien http : //www.lefigaro.fr/a/b et suite", "http : //www.lefigaro.fr/a/b", "http://www.lefigaro.fr/a/b"),
        ("Lien https:/ /www.lefigaro.fr/a et", "https:/ /www.lefigaro.fr/a", "https://www.lefigaro.fr/a"),
        ("Lien https:// www.lefigaro.fr/a et", "https:// www.lefigaro.fr/a", "https://www.lefigaro.fr/a"),
        ("Voir www. site. de pour plus.", "www. site. de", "www.site.de"),
        (
            "Voir https://www. lemonde. fr/politique. Ensuite",
            "https://www. lemonde. fr/politique",
            "https://www.lemonde.fr/politique",
        ),
    ],
)
def test_spaced_links_are_found_whole_and_repaired(text: str, found: str, repaired: str) -> None:
    link = one(text)
    assert link.text == found
    assert link.problem == "spaced"
    assert link.repaired == repaired


def test_empty_and_broken_links_are_malformed() -> None:
    assert one("le protocole http:// est ancien").problem == "malformed"
    assert one("voir http://exa|mple.com/ ici").problem == "malformed"


def test_prose_is_not_a_link() -> None:
    for text in (
        "le protocole https : il est sûr.",
        "fin de phrase.De plus, M.Macron a dit.Il part à 3.5 km.",
        "Le score est de 1.2.3 et A.B.",
        "www.xxxxxxx sans domaine",
        "si a < b et c > d",
    ):
        assert find_links(text) == [], text


def test_bare_domains_emails_and_unsafe_schemes() -> None:
    (bare,) = find_links("Lisez lemonde.fr. Puis")
    assert bare.text == "lemonde.fr" and bare.kind == "bare" and href(bare) == "http://lemonde.fr"
    mail, mailto = find_links("Écrivez à redaction@lemonde.fr ou mailto:a@b.fr !")
    assert (mail.text, mail.kind) == ("redaction@lemonde.fr", "email")
    assert mailto.text == "mailto:a@b.fr"
    js, data = find_links('<a href="javascript:void(0)">x</a> data:text/html;base64,AAAA')
    assert (js.text, js.problem) == ("javascript:void(0)", "unsafe")
    assert (data.text, data.problem) == ("data:text/html;base64,AAAA", "unsafe")
    (local,) = find_links("voir file:///C:/Users/moi/article.docx ici")
    assert (local.text, local.problem) == ("file:///C:/Users/moi/article.docx", "unsafe")


def test_links_end_at_cjk_text() -> None:
    links = find_links("http://twitter.com/これは日本語です。example.com中国語")
    assert [link.text for link in links] == ["http://twitter.com/", "example.com"]


@pytest.mark.parametrize("unit", [" ", "a", "!?.,;:", "http://", "https: /www. a. b/", "<", "&", "www. a", "a@"])
def test_find_links_is_linear(unit: str) -> None:
    text = unit * (250_000 // len(unit))

    def best_of_3(t: str) -> float:
        times = []
        for _ in range(3):
            t0 = time.perf_counter()
            find_links(t)
            times.append(time.perf_counter() - t0)
        return min(times)

    small, large = best_of_3(text), best_of_3(text * 4)
    assert large < 12 * max(small, 0.02)  # linear: 4x the text, ~4x the time (quadratic would be 16x)
