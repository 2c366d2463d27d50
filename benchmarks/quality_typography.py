"""French typography and capitalisation on Grammalecte's and LanguageTool's own test cases (../shared/eval).

usage: .venv/bin/python benchmarks/quality_typography.py [EVAL_DIR]
Measured as the project's scorer does: a case is found when a finding of the typography, casing, whitespace or
repetition categories overlaps the marked span; its suggestion is right when applying the finding's first
suggestion gives the expected text; a correct sentence is flagged when any finding of those categories touches it.
Also reported: warnings and errors of typography and casing per 1,000 words of clean French news (info excluded).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import halves  # noqa: E402

from editor.core.engine import analyse_text  # noqa: E402
from editor.core.findings import Finding  # noqa: E402
from editor.core.rules.base import CheckConfig  # noqa: E402

CATEGORIES = {"typography", "casing", "whitespace", "repetition"}
FAMILIES = {"typography", "capitalization"}
Case = tuple[str, bool, list[tuple[int, int, list[str] | None]]]


def _records(path: Path) -> Iterator[dict[str, Any]]:
    for r in halves.records(path):
        if r.get("split", "held_out") == "held_out":
            yield r


def _cases(eval_dir: Path, source: str) -> list[Case]:
    cases: list[Case] = []
    if source == "grammalecte":
        for r in _records(eval_dir / "fr_errors_grammalecte.jsonl"):
            if r.get("family") in FAMILIES:
                spans = [(e["start"], e["end"], e.get("suggestions")) for e in (r.get("errors") or [])]
                cases.append((r["text"], bool(r["is_error"]), spans))
    else:
        for r in _records(eval_dir / "fr_errors_languagetool.jsonl"):
            if r.get("family") in FAMILIES:
                m = r.get("marker")
                cases.append((r["text"], bool(r["is_error"]), [(m[0], m[1], r.get("corrections"))] if m else []))
    return cases


def _check(text: str) -> list[Finding]:
    return [f for f in analyse_text(text, "fr", CheckConfig(lang="fr")) if f.category in CATEGORIES]


def _score(cases: list[Case]) -> tuple[int, int, int, int, int]:
    hit = total = right = flagged = negatives = 0
    for text, is_error, spans in cases:
        found = _check(text)
        if not is_error:
            negatives += 1
            flagged += bool(found)
            continue
        for s, e, expected in spans:
            total += 1
            over = [f for f in found if f.start < max(e, s + 1) and f.end > s - (1 if s == e else 0)]
            if not over:
                continue
            hit += 1
            want = [text[:s] + x + text[e:] for x in (expected or [])]
            if any(f.suggestions and text[: f.start] + f.suggestions[0] + text[f.end :] in want for f in over):
                right += 1
    return hit, total, right, flagged, negatives


def _clean_news_rate(eval_dir: Path) -> str:
    texts = [r["text"] for r in _records(eval_dir / "fr_clean_sequoia.jsonl") if r.get("genre") == "news"]
    if (eval_dir / "fr_clean_webgold.jsonl").exists():
        texts += [r["text"] for r in _records(eval_dir / "fr_clean_webgold.jsonl")]
    words = sum(len(re.findall(r"\w+", t)) for t in texts)
    bad = info = 0
    for t in texts:
        for f in analyse_text(t, "fr", CheckConfig(lang="fr", enabled=("typography", "casing"))):
            if f.category in ("typography", "casing"):
                if f.severity == "info":
                    info += 1
                else:
                    bad += 1
    return f"{1000 * bad / max(words, 1):.2f} warnings/1000 words ({bad} in {words}; info {info})"


def measure(eval_dir: Path) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    sums = [0, 0, 0, 0, 0]
    for source in ("grammalecte", "languagetool"):
        hit, total, right, flagged, negatives = _score(_cases(eval_dir, source))
        sums = [a + b for a, b in zip(sums, (hit, total, right, flagged, negatives), strict=True)]
        rows += [
            (f"{source}: recall", f"{hit / max(total, 1):.0%} ({hit}/{total})"),
            (f"{source}: right first suggestion", f"{right / max(total, 1):.0%} ({right}/{total})"),
            (f"{source}: correct sentences flagged", f"{flagged / max(negatives, 1):.1%} ({flagged}/{negatives})"),
        ]
    hit, total, right, flagged, negatives = sums
    rows += [
        ("both: recall", f"{hit / max(total, 1):.0%} ({hit}/{total})"),
        ("both: right first suggestion", f"{right / max(total, 1):.0%} ({right}/{total})"),
        ("both: correct sentences flagged (bar <= 2%)", f"{flagged / max(negatives, 1):.1%} ({flagged}/{negatives})"),
        ("clean French news, typography+casing", _clean_news_rate(eval_dir)),
    ]
    return rows


def main() -> int:
    eval_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent.parent / "shared" / "eval"
    if not eval_dir.is_dir():
        print(f"no evaluation data at {eval_dir}", file=sys.stderr)
        return 2
    print("| measure | value |\n|---|---|")
    for metric, value in measure(eval_dir):
        print(f"| {metric} | {value} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
