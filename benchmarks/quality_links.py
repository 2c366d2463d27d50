"""Links and encoding repair on the visible evaluation data (../shared/eval).

usage: .venv/bin/python benchmarks/quality_links.py [EVAL_DIR]
Rows: WHATWG validity agreement (the standard's own test data), link extraction against linkify-it's and
twitter-text's fixtures (their conventions differ from WHATWG in places: twitter rejects `_` and trailing `-` in
hosts, linkify rejects `http://-example.com`; Galley follows WHATWG), and whether the automatic `encoding` fixes
turn each mojibake case into ftfy's encoding-only repair exactly (negative cases: no finding at all).
Not part of the test suite.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import halves  # noqa: E402

from editor.core.engine import analyse_text  # noqa: E402
from editor.core.findings import Finding  # noqa: E402
from editor.core.rules.base import CheckConfig  # noqa: E402
from editor.core.urls import find_links, whatwg_valid  # noqa: E402


def _records(eval_dir: Path, name: str) -> list[dict[str, object]]:
    path = eval_dir / f"{name}.jsonl"
    return list(halves.records(path)) if path.exists() else []


def _apply_auto(text: str, findings: list[Finding]) -> str:
    parts: list[str] = []
    pos = 0
    for f in sorted((f for f in findings if f.auto and f.suggestions), key=lambda f: (f.start, f.end)):
        if f.start < pos:
            continue
        parts += [text[pos : f.start], f.suggestions[0]]
        pos = f.end
    return "".join(parts) + text[pos:]


def _pct(good: int, total: int) -> str:
    return f"{good}/{total} ({100 * good / max(total, 1):.0f}%)"


def measure(eval_dir: Path) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []

    wpt = [r for r in _records(eval_dir, "url_whatwg_wpt") if r.get("base") in (None, "")]
    if wpt:
        agree = sum(whatwg_valid(str(r["input"])) == r["valid"] for r in wpt)
        rows.append(("WHATWG validity, absolute URLs (all schemes)", _pct(agree, len(wpt))))
        http = [
            r
            for r in wpt
            if str(r["input"]).lower().startswith(("http://", "https://"))
            and not any(c.isspace() for c in str(r["input"]))
        ]
        agree = 0
        for r in http:
            text = f"Voir le lien {r['input']} pour la suite."
            s = text.index(str(r["input"]))
            e = s + len(str(r["input"]))
            flagged = any(not link.ok and link.start < e and link.end > s for link in find_links(text))
            agree += flagged == (not r["valid"])
        rows.append(("WHATWG validity, http(s) links in a sentence (score.py urls)", _pct(agree, len(http))))

    linkify = _records(eval_dir, "url_in_text_linkify")
    if linkify:
        good = 0
        for r in linkify:
            ok = [link.text for link in find_links(str(r["text"])) if link.ok]
            expected = r.get("expected_first_url") if r.get("has_link") else None
            good += (ok[0] if ok else None) == expected
        rows.append(("linkify-it fixtures: first link extracted exactly", _pct(good, len(linkify))))

    twitter = [r for r in _records(eval_dir, "url_in_text_twitter") if r.get("task") == "extract"]
    if twitter:
        good = sum([link.text for link in find_links(str(r["text"])) if link.ok] == r["expected_urls"] for r in twitter)
        rows.append(("twitter-text fixtures: all links extracted exactly", _pct(good, len(twitter))))
    tw_valid = [r for r in _records(eval_dir, "url_in_text_twitter") if r.get("task") == "validate"]
    if tw_valid:
        good = 0
        for r in tw_valid:
            links = find_links(str(r["text"]))
            valid = len(links) == 1 and links[0].ok and links[0].text == r["text"]
            good += valid == r["expected_valid"]
        rows.append(("twitter-text fixtures: validity", _pct(good, len(tw_valid))))

    moji = [r for r in _records(eval_dir, "mojibake_ftfy") if r.get("expect") == "pass"]
    if moji:
        config = CheckConfig(lang="fr", enabled=("encoding",))
        good = neg_total = neg_clean = 0
        for r in moji:
            original = str(r["original"])
            findings = analyse_text(original, "fr", config)
            want = str(r.get("fixed_encoding") or r["fixed"])
            exact = "".join(_apply_auto(original, findings).split()) == "".join(want.split())
            if r.get("kind") == "negative":
                neg_total += 1
                neg_clean += not findings
                exact = exact and not findings
            good += exact
        rows.append(("mojibake: automatic encoding fixes give ftfy's repair exactly", _pct(good, len(moji))))
        rows.append(("mojibake: negative cases without any finding", _pct(neg_clean, neg_total)))
    return rows


if __name__ == "__main__":
    directory = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent.parent / "shared" / "eval"
    for metric, value in measure(directory):
        print(f"{metric}: {value}")
