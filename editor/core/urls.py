"""Links in running text: finding them (also when machine translation broke them), WHATWG validity, repair.

Scraped and machine-translated articles carry links in three states: intact (`https://example.com/a`), damaged by
spaces (`https: //www. site. de/a`, `http : //`), or cut so that the host is gone (`https: /2025/12/politics/...`).
`find_links` reports each one once with what is wrong and, where possible, the repaired link.

Validity is the WHATWG URL standard's (the parser browsers use), delegated to ada: a link is malformed when the
standard's parser fails on it (bad host, bad port, forbidden code points in the host, bad IPv4/IPv6 literals), not
when it merely carries characters that get percent-encoded. What stays here is Galley's own part: which stretch of
prose is meant as a link, and how machine translation and scraping damaged it.

Every scan here is linear: candidates come from one regex without nested unbounded quantifiers, each candidate's
body is read by a possessive character class from its start, and candidates inside an earlier link are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ada_url import URL, check_url

from editor.core.i18n import N_, _

# Country codes (ISO 3166 alpha-2 as delegated in the root zone) and the generic TLDs that news text links to.
_CC = (
    "ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo br bs bt bw by bz ca cc "
    "cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg er es et eu fi fj fk fm fo fr ga "
    "gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in io iq ir is it je jm jo "
    "jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mg mh mk ml mm mn mo mp mq mr "
    "ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re "
    "ro rs ru rw sa sb sc sd se sg sh si sk sl sm sn so sr ss st su sv sx sy sz tc td tf tg th tj tk tl tm tn to tr "
    "tt tv tw tz ua ug uk us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw"
)
_GENERIC = (
    "com org net edu gov mil int info biz name pro aero asia cat coop jobs mobi museum tel travel xxx app dev page "
    "blog news online site website shop store tech cloud media live life world today press digital agency email "
    "eco green paris bzh alsace corsica berlin hamburg bayern koeln wien swiss london scot wales nyc africa "
    "xyz top club space fun art design studio social network group global link help wiki tv fm io ai "
    "рф рус укр бел қаз срб мкд 中国 中國 公司 网络 한국 닷컴 みんな"
)
KNOWN_TLDS: frozenset[str] = frozenset(_CC.split() + _GENERIC.split())

# What ends a link in prose: white space (not the C0 controls Python also calls space), CJK text and punctuation,
# full-width forms (`｜` in Asian text) and zero-width spaces.
_END = (
    " \t\n\r\f\v\x85\xa0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000-\u303f\u3040-\u30ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef"
)
_BODY_RE = re.compile(f"[^{_END}]*+")
_TRAIL_STRIP = frozenset(".,;:!?…-\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_TAG_IN_LINK_RE = re.compile(r"</|<[A-Za-z][A-Za-z0-9]{0,10}(?:[ \t/>])")
_PAIRS = {")": "(", "]": "[", "}": "{"}
_CLOSERS = {'"': '"', "'": "'", "«": "»", "<": ">", "(": ")", "“": "”", "‘": "’", "[": "]", "„": "“", "‹": "›"}

_CJK = "\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef"
# One pass over the text finds every place a link may start. Bounded repeats only (linear on hostile input).
_CANDIDATE_RE = re.compile(
    r"(?P<scheme>(?<![A-Za-z0-9+.\-])(?:https?|ftps?|wss?)(?=[ \t]{0,2}:))"
    r"|(?P<www>(?<![\w.@/\-])[Ww]{3}[ \t]?\.[ \t]?(?=[^\W_]))"
    r"|(?P<unsafe>(?<![\w.\-])(?:[Jj]ava[Ss]cript:(?=\S)|data:(?=[a-z]{2,12}/[\w.+\-]{1,40}[;,])|file:(?=//)))"
    r"|(?P<mailto>(?<![\w.\-])[Mm][Aa][Ii][Ll][Tt][Oo]:(?=[\w.+\-]))"
    r"|(?P<email>(?<![\w.+\-@])[\w+\-](?:[\w.+\-]{0,63})@(?=[^\W_]))"
    r"|(?P<bare>(?<![.@/\-:])(?<![^\W" + _CJK + "])[^\\W_" + _CJK + r"][\w\-]{0,62}\.(?=[^\W\d_]))"
)
_SCHEME_SEP_RE = re.compile(r"(?P<s1>[ \t]{0,2}):(?P<s2>[ \t]{0,2})(?P<slashes>(?:/[ \t]{0,2}){0,3})")
_LABEL_JOIN_RE = re.compile(r" ([a-z0-9][a-z0-9\-]{0,62})(?=[./:?#]|[^\w\-]|$)")
_L0 = f"[^\\W_{_CJK}]"  # a letter or digit that may start a domain label (not CJK: it ends links in Asian text)
_L = f"(?:[^\\W{_CJK}]|-)"
_HOST_RE = re.compile(f"{_L0}{_L}{{0,62}}(?:\\.{_L0}{_L}{{0,62}}){{0,20}}")
_EMAIL_DOMAIN_RE = re.compile(r"[^\W_][\w\-]{0,62}(?:\.[^\W_][\w\-]{0,62}){1,10}")
_SCHEME_START_RE = re.compile(r"(?i)(?:https?|ftps?|wss?)[ \t]?:")


def whatwg_valid(url: str) -> bool:
    """Does the WHATWG URL parser accept `url` as an absolute URL (no base)?

    ada (the parser Node.js uses) implements the whole standard, host mapping included (UTS #46, IPv4 numbers in
    any radix, IPv6 literals, forbidden code points); Galley only decides which text is meant as a link.
    """
    return bool(check_url(url))


# ---------------------------------------------------------------------------------------------------------------
# Finding links in text


@dataclass(frozen=True, slots=True)
class Link:
    """One link found in a text. `repaired` is the link as it should read (None when no repair is known)."""

    start: int
    end: int
    text: str
    kind: str  # url | www | bare | email | mailto | unsafe
    problem: str | None = None  # None (fine) | malformed | spaced | missing-host | unsafe
    repaired: str | None = None
    detail: str = ""  # what is wrong, an English template filled by `detail_args` (see `explained`)
    detail_args: tuple[tuple[str, str], ...] = ()

    @property
    def ok(self) -> bool:
        return self.problem is None

    def explained(self) -> str:
        """`detail` in the user's language: the template is translated before it is filled, never after."""
        return _(self.detail).format(**dict(self.detail_args)) if self.detail else ""


def _tld_known(host: str) -> bool:
    tld = host.rstrip(".").rsplit(".", 1)[-1]
    return tld.lower() in KNOWN_TLDS or (tld.startswith(("xn--", "XN--")) and len(tld) > 4)


def _bare_case_ok(host: str) -> bool:
    """`lemonde.fr` and `GOOGLE.COM` are links; `année.De` (a sentence glued to the next) is not."""
    tld = host.rsplit(".", 1)[-1]
    return tld == tld.lower() or host == host.upper()


def _trim(text: str, start: int, end: int, closer: str | None) -> int:
    """End of a link body after dropping trailing punctuation that belongs to the sentence."""
    if closer is not None:
        cut = text.find(closer, start, end)
        if cut >= 0:
            end = cut
    tag = _TAG_IN_LINK_RE.search(text, start, end)
    if tag is not None:
        end = tag.start()  # `https://x.fr/a</a>`: the markup after a link is not part of it
    q = text.find('"', start, end)
    if q >= 0 and text.count('"', start, end) % 2 == 1:
        end = q  # `https://x.fr/a">lien` or `https://x.fr/a"Depuis`: an unpaired quote ends the link
    counts: dict[str, int] = {}
    body = text[start:end]
    for ch in ")]}([{\"'":
        counts[ch] = body.count(ch)
    while end > start:
        c = text[end - 1]
        if c in _TRAIL_STRIP or c in ">»”’›":
            end -= 1
        elif c in _PAIRS:
            if counts[_PAIRS[c]] < counts[c]:
                counts[c] -= 1
                end -= 1
            else:
                break
        elif c in "\"'":
            if counts[c] % 2 == 1:
                counts[c] -= 1
                end -= 1
            else:
                break
        else:
            break
    return end


def _closer_for(text: str, start: int) -> str | None:
    if start == 0:
        return None
    return _CLOSERS.get(text[start - 1])


def _join_labels(text: str, pos: int, end: int, host_end: int) -> tuple[int, bool]:
    """Follow `www. site. de`: a host that ends in '.' continued after one space by a lower-case label.

    Returns the new body end and whether anything was joined. `host_end` is where the host part of the current
    body ends (first '/', '?', '#' or the body end); only a host can be continued.
    """
    joined = False
    n = len(text)
    while host_end == end and end - pos < 300:
        if end < n and text[end] == ".":
            dot = end  # the trailing dot was trimmed as sentence punctuation
        elif text[end - 1] == ".":
            dot = end - 1
        else:
            break
        core = _squash(text[pos:dot])
        if core.lower().startswith("www."):
            core = core[4:]
        if "." in core and _tld_known(core):
            break  # `lemonde.fr. la suite`: the dot ends the sentence
        m = _LABEL_JOIN_RE.match(text, dot + 1)
        if not m:
            break
        body = _BODY_RE.match(text, m.start(1))
        assert body is not None
        end = _trim(text, m.start(1), body.end(), None)
        joined = True
        host_end = _host_part_end(text, m.start(1), end)
    return end, joined


def _host_part_end(text: str, start: int, end: int) -> int:
    for i in range(start, end):
        if text[i] in "/?#\\":
            return i
    return end


def _squash(s: str) -> str:
    return "".join(s.split())


def _source_host(source_url: str | None) -> str | None:
    if not source_url:
        return None
    try:
        return URL(source_url.strip()).host or None
    except ValueError:
        return None


def _looks_like_host_or_path(token: str) -> bool:
    if not token or _SCHEME_START_RE.match(token):
        return False
    first = re.split(r"[/?#]", token, maxsplit=1)[0]
    if first.lower().startswith("www."):
        return True
    if first.isdigit() and "/" in token:
        return True
    return "." in first.strip(".") and _tld_known(first.rstrip(".,;:!?"))


def _scheme_link(text: str, m: re.Match[str], source_url: str | None) -> Link | None:
    start = m.start()
    scheme = m.group("scheme")
    sep = _SCHEME_SEP_RE.match(text, m.end())
    if sep is None:
        return None
    slashes = sep.group("slashes")
    n_slashes = slashes.count("/")
    if n_slashes == 0:
        return None  # `http:` alone, or `https : il s'agit` — not a link
    spaced = bool(sep.group("s1") or sep.group("s2") or slashes.rstrip(" \t").count(" ") or slashes.count("\t"))
    body_start = sep.end()
    trailing_space = len(slashes) - len(slashes.rstrip(" \t"))
    if trailing_space:
        # `http:// example.com`: join only when a host (or a path whose host was lost) follows
        nxt = _BODY_RE.match(text, body_start)
        assert nxt is not None
        if _looks_like_host_or_path(text[body_start : nxt.end()]):
            spaced = True
        else:
            body_start -= trailing_space
    closer = _closer_for(text, start)
    body = _BODY_RE.match(text, body_start)
    assert body is not None
    end = _trim(text, body_start, body.end(), closer)
    host_end = _host_part_end(text, body_start, end)
    end2, joined = _join_labels(text, body_start, end, host_end)
    if joined:
        end = _trim(text, body_start, end2, closer)
        spaced = True
    raw = text[start:end]
    body_text = text[body_start:end]
    clean_prefix = f"{scheme.lower()}://"
    damaged = spaced or n_slashes != 2
    first_seg = re.split(r"[/?#\\]", body_text.lstrip("/"), maxsplit=1)[0] if body_text else ""
    if damaged:
        host_lost = (
            not first_seg
            or first_seg.isdigit()
            or ("." not in first_seg and first_seg.lower() != "localhost" and not first_seg.startswith("["))
        )
        if host_lost and body_text.strip("/"):
            host = _source_host(source_url)
            repaired = f"{clean_prefix}{host}/{_squash(body_text).lstrip('/')}" if host else None
            detail = N_("the host name was lost")
            return Link(start, end, raw, "url", "missing-host", repaired, detail)
        if not body_text.strip("/"):
            return Link(start, end, raw, "url", "malformed", None, N_("the link is empty"))
        repaired = clean_prefix + _squash(body_text).lstrip("/")
        if whatwg_valid(repaired):
            return Link(start, end, raw, "url", "spaced", repaired, N_("spaces and slashes broke the link"))
        return Link(start, end, raw, "url", "malformed", None, N_("the link is broken and cannot be repaired"))
    if first_seg.isdigit() and "/" in body_text:
        host = _source_host(source_url)
        repaired = f"{clean_prefix}{host}/{body_text}" if host else None
        detail = N_("`{segment}` is a path, not a host name")
        return Link(start, end, raw, "url", "missing-host", repaired, detail, (("segment", first_seg),))
    if whatwg_valid(raw):
        return Link(start, end, raw, "url")
    if not first_seg.strip("/"):
        host = _source_host(source_url)
        if body_text.strip("/?#") and host:
            repaired = f"{clean_prefix}{host}/{body_text.lstrip('/')}"
            return Link(start, end, raw, "url", "missing-host", repaired, N_("the host name was lost"))
    return Link(start, end, raw, "url", "malformed", None, N_("not a valid URL (WHATWG URL standard)"))


def _www_link(text: str, m: re.Match[str]) -> Link | None:
    start = m.start()
    closer = _closer_for(text, start)
    body = _BODY_RE.match(text, m.end())
    assert body is not None
    end = max(_trim(text, m.end(), body.end(), closer), m.end())
    spaced = any(c in " \t" for c in m.group())
    end2, joined = _join_labels(text, start, end, _host_part_end(text, m.end(), end))
    if joined:
        end = end2
    raw = text[start:end]
    repaired = _squash(raw)
    host = repaired[: _host_part_end(repaired, 0, len(repaired))]
    if not _tld_known(host) or not whatwg_valid("http://" + repaired):
        return None  # `www.xxxxxxx` with no real domain: not a link
    if joined or spaced:
        return Link(start, end, raw, "www", "spaced", repaired, N_("spaces broke the link"))
    return Link(start, end, raw, "www")


def _bare_link(text: str, m: re.Match[str]) -> Link | None:
    start = m.start()
    hm = _HOST_RE.match(text, start)
    if hm is None:
        return None
    host = hm.group()
    if "." not in host or not _tld_known(host) or not _bare_case_ok(host):
        return None
    end = hm.end()
    if end < len(text) and text[end] in "@":
        return None
    if end < len(text) and text[end] in "/:?#":
        body = _BODY_RE.match(text, end)
        assert body is not None
        end = _trim(text, start, body.end(), _closer_for(text, start))
    else:
        end = _trim(text, start, end, None)
    raw = text[start:end]
    if not whatwg_valid("http://" + raw):
        return None
    return Link(start, end, raw, "bare")


def _email_link(text: str, m: re.Match[str], kind: str) -> Link | None:
    start = m.start()
    at = text.find("@", start) if kind == "email" else m.end()
    if kind == "mailto":
        lm = re.compile(r"[\w.+\-]{1,64}@").match(text, m.end())
        if lm is None:
            return None
        at = lm.end() - 1
    dm = _EMAIL_DOMAIN_RE.match(text, at + 1)
    if dm is None or not _tld_known(dm.group()):
        return None
    end = _trim(text, start, dm.end(), None)
    return Link(start, end, text[start:end], kind)


def _unsafe_link(text: str, m: re.Match[str]) -> Link:
    start = m.start()
    body = _BODY_RE.match(text, m.end())
    assert body is not None
    end = _trim(text, start, body.end(), _closer_for(text, start))
    raw = text[start:end]
    scheme = raw.split(":", 1)[0].lower()
    if scheme == "file":
        detail = N_("a {scheme}: link (a file on someone's own computer)")
    else:
        detail = N_("a {scheme}: link (executable or embedded content)")
    return Link(start, end, raw, "unsafe", "unsafe", "", detail, (("scheme", scheme),))


_TRIGGER_RE = re.compile(r"[:@]|\.(?=[^\W\d_])|[Ww]{3}")
_LABEL_CHARS = frozenset("-_")


def _label_char(c: str) -> bool:
    """A character of a domain label; CJK text around a link is not part of it."""
    return (c.isalnum() or c in _LABEL_CHARS) and not ("\u3000" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7af")


def _candidate_start(text: str, m: re.Match[str]) -> int:
    """Where a link that needs the trigger character `m` would begin (a scheme, a local part, a first label)."""
    p = m.start()
    c = m.group()
    if c == ":":
        i = p
        while i > 0 and p - i < 2 and text[i - 1] in " \t":
            i -= 1
        j = i
        while j > 0 and i - j < 11 and text[j - 1].isascii() and text[j - 1].isalpha():
            j -= 1
        return j
    if c == "@":
        i = p
        while i > 0 and p - i < 64 and (text[i - 1].isalnum() or text[i - 1] in "._+-"):
            i -= 1
        return i
    if c == ".":
        i = p
        while i > 0 and p - i < 63 and _label_char(text[i - 1]):
            i -= 1
        return i
    return p


def _candidates(text: str) -> Iterator[re.Match[str]]:
    """Matches of `_CANDIDATE_RE`, tried only where a link's tell-tale character is (`:`, `@`, `.x`, `www`).

    Running the whole alternation at every position costs ~0.4 s per MB of prose; the triggers are rare.
    """
    tried = -1
    for t in _TRIGGER_RE.finditer(text):
        start = _candidate_start(text, t)
        if start <= tried:
            continue
        tried = start
        m = _CANDIDATE_RE.match(text, start)
        if m is not None:
            yield m


def find_links(text: str, source_url: str | None = None) -> list[Link]:
    """Every link in `text`, left to right, none overlapping."""
    found: list[Link] = []
    last_end = 0
    for m in _candidates(text):
        if m.start() < last_end:
            continue
        kind = m.lastgroup
        link: Link | None
        if kind == "scheme":
            link = _scheme_link(text, m, source_url)
        elif kind == "www":
            link = _www_link(text, m)
        elif kind == "unsafe":
            link = _unsafe_link(text, m)
        elif kind in ("mailto", "email"):
            link = _email_link(text, m, kind)
        else:
            link = _bare_link(text, m)
        if link is not None and link.end > link.start:
            found.append(link)
            last_end = link.end
    return found


def href(link: Link) -> str | None:
    """The address a browser would open for a link (scheme added to `www.` and bare domains)."""
    target = link.repaired if link.repaired else (link.text if link.ok else None)
    if not target:
        return None
    if link.kind in ("www", "bare") and "://" not in target:
        return "http://" + target
    if link.kind == "email":
        return "mailto:" + target
    return target
