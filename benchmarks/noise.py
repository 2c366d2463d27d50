"""Rule noise on clean French: each rule's warning/error findings per 10,000 words of edited text, with examples.

usage: [EVAL_HALF=tune|check|all] .venv/bin/python benchmarks/noise.py [EVAL_DIR] [--markdown]
Every clean French text of EVAL_DIR (default ../shared/eval) is checked as `galley check --lang fr` would: the
Sequoia sentences (every genre) and the web gold snippets one by one, the UD French dev sentences in articles of 20,
and the sentences Grammalecte and LanguageTool list as correct. A finding on this text is a false alarm (the corpora
hold a few real typos, which the examples show). Rules are sorted by noise; a rule above 1 per 10,000 words at
warning level is one to fix, narrow or demote to `info`. EVAL_HALF picks the same deterministic half as the project's
scorer: change rules looking at `tune`, report `check` or `all`.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import halves  # noqa: E402

from editor.core.engine import analyse_text  # noqa: E402
from editor.core.rules.base import CheckConfig  # noqa: E402

WORD = re.compile(r"\w+")
LIMIT = 1.0  # warnings per 10,000 words above which a rule must be fixed, narrowed or demoted


def _records(path: Path, half: str) -> Iterator[dict[str, Any]]:
    if not path.exists():
        return
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                if r.get("split", "held_out") == "held_out" and halves.in_half(r, half):
                    yield r


def clean_texts(eval_dir: Path, half: str) -> list[tuple[str, str]]:
    """(corpus, text) of every clean French article, grouped as the scorer groups them."""
    out = [("sequoia", r["text"]) for r in _records(eval_dir / "fr_clean_sequoia.jsonl", half)]
    out += [("webgold", r["text"]) for r in _records(eval_dir / "fr_clean_webgold.jsonl", half)]
    ud = [r["text"] for r in _records(eval_dir / "fr_dev_ud.jsonl", half)]
    out += [("ud", "\n\n".join(ud[i : i + 20])) for i in range(0, len(ud), 20)]
    for name in ("grammalecte", "languagetool"):
        out += [(name, r["text"]) for r in _records(eval_dir / f"fr_errors_{name}.jsonl", half) if not r["is_error"]]
    return out


def noise(eval_dir: Path, half: str) -> tuple[int, dict[str, list[tuple[str, str]]]]:
    """(words checked, {rule: [(corpus, excerpt around each warning/error)]})."""
    config = CheckConfig(lang="fr")
    total = 0
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for corpus, text in clean_texts(eval_dir, half):
        total += len(WORD.findall(text))
        for f in analyse_text(text, "fr", config):
            if f.severity.value in ("warning", "error"):
                a, b = max(0, f.start - 30), min(len(text), f.end + 30)
                excerpt = (text[a : f.start] + "⟦" + text[f.start : f.end] + "⟧" + text[f.end : b]).replace("\n", " ")
                found[f.rule].append((corpus, excerpt))
    return total, found


def report(total: int, found: dict[str, list[tuple[str, str]]], half: str) -> str:
    """A Markdown table, noisiest rule first."""
    n = sum(len(v) for v in found.values())
    lines = [
        f"{total:,} words of clean French (EVAL_HALF={half}); {n} warning/error findings, "
        f"{10_000 * n / max(total, 1):.1f} per 10,000 words.",
        "",
        "| rule | per 10,000 words | findings | examples |",
        "|---|---|---|---|",
    ]
    for rule, items in sorted(found.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        rate = 10_000 * len(items) / max(total, 1)
        ex = " · ".join("`" + e.replace("`", "'").replace("|", "/") + f"` ({c})" for c, e in items[:3])
        mark = " **over 1**" if rate > LIMIT else ""
        lines.append(f"| `{rule}`{mark} | {rate:.2f} | {len(items)} | {ex} |")
    return "\n".join(lines)


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    eval_dir = Path(args[0]) if args else HERE.parent.parent / "shared" / "eval"
    half = os.environ.get("EVAL_HALF", "all")
    total, found = noise(eval_dir, half)
    print(report(total, found, half))


if __name__ == "__main__":
    main()
