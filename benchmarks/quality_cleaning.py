"""Cleaning quality (issue 4) on the shared evaluation data, through `galley clean` and the same code in process.

usage: .venv/bin/python benchmarks/quality_cleaning.py [EVAL_DIR]

- correct text left alone: share of sentences of professionally edited French (fr_clean_sequoia, fr_clean_webgold)
  that `galley clean` does not change at all (whitespace at the ends excepted); the rules that changed the others;
- mojibake: the shared scorer (`score.py ... mojibake`, cleaned text equals `fixed_encoding` where ftfy fixes the
  case), plus the negative cases, which must come back unchanged;
- HTML input: token F1 against the gold text and with/without hit rates of trafilatura's own extraction and of
  Galley (its loader, which uses trafilatura, then `clean_article`) on the same pages in the same run.
"""

from __future__ import annotations

import collections
import gzip
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import halves  # noqa: E402

GALLEY = ROOT / ".venv" / "bin" / "galley"
WORD = re.compile(r"\w+")
SENTENCE_SPLIT = re.compile(r"(?<=[.!?…])\s+(?=\S)")


def _records(path: Path) -> list[dict[str, Any]]:
    return list(halves.records(path))


def _clean_cli(texts: list[str], lang: str = "fr") -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "in.jsonl"
        p.write_text("".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts), encoding="utf-8")
        r = subprocess.run(
            [str(GALLEY), "clean", "--lang", lang, "--format", "json", str(p)],
            capture_output=True,
            text=True,
            timeout=1800,
            check=False,
        )
    out = [json.loads(line) for line in r.stdout.splitlines() if line.strip()]
    if len(out) != len(texts):
        raise RuntimeError(f"galley clean returned {len(out)} of {len(texts)} articles: {r.stderr[-300:]}")
    return out


def _left_alone(eval_dir: Path) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    changed_by: collections.Counter[str] = collections.Counter()
    total = same = 0
    for name in ("fr_clean_sequoia", "fr_clean_webgold"):
        recs = _records(eval_dir / f"{name}.jsonl")
        texts = [r["text"] for r in recs]
        outs = _clean_cli(texts)
        n = ok = 0
        for text, out in zip(texts, outs, strict=True):
            clean = out["text"]
            sentences = [text] if name == "fr_clean_sequoia" else SENTENCE_SPLIT.split(text)
            for s in sentences:
                s = s.strip()
                if not s:
                    continue
                n += 1
                if (clean.strip() == s) if name == "fr_clean_sequoia" else (s in clean):
                    ok += 1
            if clean.strip() != text.strip():
                changed_by.update({c["rule"] for c in out["changes"]})
        rows.append((f"{name}: sentences left unchanged", f"{ok / max(n, 1):.1%} ({ok}/{n})"))
        total += n
        same += ok
    rows.append(("correct French left unchanged (bar >= 99%)", f"{same / max(total, 1):.1%} ({same}/{total})"))
    if changed_by:
        rows.append(("rules that changed correct text", ", ".join(f"{r} ×{c}" for r, c in changed_by.most_common(6))))
    return rows


def _mojibake(eval_dir: Path) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    r = subprocess.run(
        [sys.executable, str(eval_dir / "score.py"), str(GALLEY), str(eval_dir), "mojibake"],
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    last = (r.stdout.strip().splitlines() or ["(no output)"])[-1]
    rows.append(("mojibake (score.py, expect=pass; bar 100%)", last))
    negatives = [x for x in _records(eval_dir / "mojibake_ftfy.jsonl") if x.get("kind") == "negative"]
    if negatives:
        outs = _clean_cli([x["original"] for x in negatives], lang="auto")
        same = sum(1 for x, o in zip(negatives, outs, strict=True) if o["text"].strip() == x["original"].strip())
        rows.append(("mojibake negatives left unchanged", f"{same}/{len(negatives)}"))
    return rows


def _tokens(text: str) -> collections.Counter[str]:
    return collections.Counter(w.lower() for w in WORD.findall(text))


def _f1(got: str, gold: str) -> float:
    g, w = _tokens(got), _tokens(gold)
    common = sum((g & w).values())
    if not common:
        return 0.0
    p, r = common / sum(g.values()), common / sum(w.values())
    return 2 * p * r / (p + r)


def _squash(s: str) -> str:
    return " ".join(s.split()).lower()


def _page(task: tuple[str, str, str | None]) -> tuple[str, str] | None:
    """(trafilatura's text, Galley's cleaned text) for one page; None when the page cannot be read."""
    import trafilatura

    from editor.core.cleaning import clean_article
    from editor.core.decoding import decode_bytes
    from editor.formats.html import extract_article

    html_path, source, url = task
    try:
        data = gzip.decompress(Path(html_path).read_bytes())
        html = decode_bytes(data).text
    except (OSError, ValueError):
        return None
    try:
        base = trafilatura.extract(html, url=url, output_format="txt", include_comments=False) or ""
    except (ValueError, RecursionError, TypeError):
        base = ""
    art = extract_article(html, source, url)
    if isinstance(art, str):
        return base, ""
    return base, clean_article(art).text


def _html(eval_dir: Path) -> list[tuple[str, str]]:
    from editor.core.batch import default_jobs, parallel_map

    rows: list[tuple[str, str]] = []
    sets = [
        ("article_body_readability", "expected_text"),
        ("article_body_scrapinghub", "article_body"),
        ("boilerplate_trafilatura", None),
    ]
    for name, gold_field in sets:
        recs = _records(eval_dir / f"{name}.jsonl")
        tasks = [(str(eval_dir / r["html_path"]), r.get("id", name), r.get("url")) for r in recs]
        results = list(parallel_map(_page, tasks, default_jobs(), chunk_size=4))
        if gold_field:
            f_base: list[float] = []
            f_gal: list[float] = []
            for r, res in zip(recs, results, strict=True):
                if res is None:
                    continue
                f_base.append(_f1(res[0], r[gold_field]))
                f_gal.append(_f1(res[1], r[gold_field]))
            n = max(len(f_base), 1)
            rows.append(
                (
                    f"{name}: token F1 trafilatura / Galley ({len(f_base)} pages)",
                    f"{sum(f_base) / n:.3f} / {sum(f_gal) / n:.3f}",
                )
            )
        else:
            hits = {"base_with": 0, "gal_with": 0, "base_without": 0, "gal_without": 0}
            nw = nwo = 0
            for r, res in zip(recs, results, strict=True):
                if res is None:
                    continue
                base, gal = _squash(res[0]), _squash(res[1])
                for seg in r.get("with", []):
                    nw += 1
                    hits["base_with"] += _squash(seg) in base
                    hits["gal_with"] += _squash(seg) in gal
                for seg in r.get("without", []):
                    nwo += 1
                    hits["base_without"] += _squash(seg) not in base
                    hits["gal_without"] += _squash(seg) not in gal
            rows.append(
                (
                    f"{name}: 'with' kept, trafilatura / Galley ({nw} segments)",
                    f"{hits['base_with'] / max(nw, 1):.1%} / {hits['gal_with'] / max(nw, 1):.1%}",
                )
            )
            rows.append(
                (
                    f"{name}: 'without' left out, trafilatura / Galley ({nwo} segments)",
                    f"{hits['base_without'] / max(nwo, 1):.1%} / {hits['gal_without'] / max(nwo, 1):.1%}",
                )
            )
    return rows


def measure(eval_dir: Path) -> list[tuple[str, str]]:
    eval_dir = Path(eval_dir)
    return _left_alone(eval_dir) + _mojibake(eval_dir) + _html(eval_dir)


if __name__ == "__main__":
    where = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "eval"
    print("| measure | value |\n|---|---|")
    for metric, value in measure(where):
        print(f"| {metric} | {value} |", flush=True)
