"""Quality of the structure rules (register, repetition, duplicate, boilerplate) on the shared evaluation data.

usage: .venv/bin/python benchmarks/quality_structure.py [EVAL_DIR]
Not part of the test suite: the data is not shipped with Galley. Measures:
- false alarms: warning/error findings of these four categories per 1,000 words of professionally edited French
  news (fr_clean_sequoia news + fr_clean_webgold), and register warnings on the genres that address their reader
  (medical leaflets, parliament speeches: every `vous` there is legitimate, so each warning is a false alarm);
- warnings of these categories on human-checked article bodies (readability, scrapinghub gold: whole documents);
- repetition on the correct sentences of fr_errors_grammalecte / fr_errors_languagetool (share flagged);
- boilerplate precision and recall on boilerplate_trafilatura.jsonl: each page is extracted twice, by Galley's
  loader (trafilatura) and as its whole visible text (navigation included, where boilerplate abounds); then the
  `with` segments (must stay) the rule removed and the `without` segments (must go) it removed, among those present.
"""

from __future__ import annotations

import gzip
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import halves  # noqa: E402

from editor.core.findings import Finding, Severity  # noqa: E402
from editor.core.rules import boilerplate, duplicate, register, repetition  # noqa: E402
from editor.core.rules.base import Context  # noqa: E402

RULES = [*register.RULES, *repetition.RULES, *duplicate.RULES, *boilerplate.RULES]
WORD = re.compile(r"\w+")


def _records(path: Path) -> list[dict[str, Any]]:
    return list(halves.records(path))


def _check(text: str, lang: str = "fr", rules: Iterable[Any] = RULES) -> list[Finding]:
    ctx = Context(text=text, lang=lang)
    return [f for r in rules if r.applies_to(lang) for f in r.check(ctx)]


def _false_alarms(eval_dir: Path) -> list[tuple[str, str]]:
    news = [r for r in _records(eval_dir / "fr_clean_sequoia.jsonl") if r.get("genre") == "news"]
    texts = [r["text"] for r in news] + [r["text"] for r in _records(eval_dir / "fr_clean_webgold.jsonl")]
    words = sum(len(WORD.findall(t)) for t in texts)
    flags = [f for t in texts for f in _check(t) if f.severity != Severity.INFO]
    rows = [("false alarms on clean French news (warning/error per 1,000 words)", f"{1000 * len(flags) / words:.2f}")]
    address = [
        r["text"] for r in _records(eval_dir / "fr_clean_sequoia.jsonl") if r.get("genre") in ("medical", "parliament")
    ]
    reg = [f for t in address for f in _check(t, rules=register.RULES)]
    warn = sum(f.severity != Severity.INFO for f in reg)
    rows.append(("register on leaflets/speeches (legit vous): warnings / findings", f"{warn} / {len(reg)}"))
    # the same genres as whole documents (sentences joined in paragraphs of four): the article-wide evidence
    by_doc: dict[tuple[str, str], list[str]] = {}
    for r in _records(eval_dir / "fr_clean_sequoia.jsonl"):
        by_doc.setdefault((r.get("genre", ""), r.get("doc_source", "")), []).append(r["text"])
    warn = total = 0
    for (genre, _src), sents in by_doc.items():
        if genre not in ("medical", "parliament"):
            continue
        doc = "\n\n".join(" ".join(sents[i : i + 4]) for i in range(0, len(sents), 4))
        found = _check(doc, rules=register.RULES)
        total += len(found)
        warn += sum(f.severity != Severity.INFO for f in found)
    rows.append(("register on the same as whole documents: warnings / findings", f"{warn} / {total}"))
    return rows


def _clean_bodies(eval_dir: Path) -> list[tuple[str, str]]:
    """Warnings on human-checked article bodies (mostly English): real documents, not sentences."""
    from editor.core.language import detect_language

    words = 0
    by: dict[str, int] = {}
    for name, key in (("article_body_readability", "expected_text"), ("article_body_scrapinghub", "article_body")):
        for r in _records(eval_dir / f"{name}.jsonl"):
            text = r.get(key) or ""
            if not text:
                continue
            words += len(WORD.findall(text))
            for f in _check(text, detect_language(text)):
                if f.severity != Severity.INFO:
                    by[f.category] = by.get(f.category, 0) + 1
    detail = ", ".join(f"{k} {v}" for k, v in sorted(by.items()))
    rate = 1000 * sum(by.values()) / max(words, 1)
    return [
        ("warnings on clean article bodies (readability + scrapinghub gold), per 1,000 words", f"{rate:.2f} ({detail})")
    ]


def _repetition_on_correct(eval_dir: Path) -> list[tuple[str, str]]:
    correct = [
        r["text"]
        for name in ("fr_errors_grammalecte", "fr_errors_languagetool")
        for r in _records(eval_dir / f"{name}.jsonl")
        if r.get("is_error") is False
    ]
    flagged = sum(bool(_check(t, rules=repetition.RULES)) for t in correct)
    return [
        ("repetition: correct sentences flagged", f"{flagged}/{len(correct)} ({flagged / max(len(correct), 1):.1%})")
    ]


def _decode(data: bytes) -> str:
    for enc in ("utf-8", "cp1252"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", "replace")


def _squash(s: str) -> str:
    return " ".join(s.split())


def _boilerplate(eval_dir: Path) -> list[tuple[str, str]]:
    from editor.formats.html import _fallback_text, extract_article

    counts = {
        kind: {"with": 0, "with_cut": 0, "without": 0, "without_cut": 0, "lines": 0} for kind in ("trafilatura", "page")
    }
    examples: list[str] = []
    for rec in _records(eval_dir / "boilerplate_trafilatura.jsonl"):
        path = eval_dir / rec["html_path"]
        if not path.exists():
            continue
        html = _decode(gzip.decompress(path.read_bytes()))
        art = extract_article(html, str(path), rec.get("url"))
        texts = {"page": _fallback_text(html)}
        if not isinstance(art, str):
            texts["trafilatura"] = art.text
        for kind, text in texts.items():
            found = _check(text, rec.get("lang") or "fr", boilerplate.RULES)
            kept = text
            for f in sorted(found, key=lambda f: f.start, reverse=True):
                kept = kept[: f.start] + f.suggestions[0] + kept[f.end :]
            before, after = _squash(text), _squash(kept)
            c = counts[kind]
            c["lines"] += len(found)
            for seg in rec.get("with") or []:
                seg = _squash(seg)
                if seg and seg in before:
                    c["with"] += 1
                    if seg not in after:
                        c["with_cut"] += 1
                        if len(examples) < 5:
                            examples.append(seg[:50])
            for seg in rec.get("without") or []:
                seg = _squash(seg)
                if seg and seg in before:
                    c["without"] += 1
                    c["without_cut"] += seg not in after
    rows = []
    for kind, c in counts.items():
        label = "trafilatura text" if kind == "trafilatura" else "whole visible page"
        rows.append(
            (
                f"boilerplate on {label}: lines removed; 'with' segments cut (must stay)",
                f"{c['lines']}; {c['with_cut']}/{c['with']}",
            )
        )
        rows.append(
            (f"boilerplate on {label}: 'without' segments removed (must go)", f"{c['without_cut']}/{c['without']}")
        )
    if examples:
        rows.append(("boilerplate: 'with' segments cut, examples", "; ".join(examples)))
    return rows


def _sample() -> list[tuple[str, str]]:
    sample = ROOT / "tests" / "data" / "sample_000.txt"
    found = _check(sample.read_text(encoding="utf-8"))
    by: dict[str, int] = {}
    for f in found:
        by[f.category] = by.get(f.category, 0) + 1
    return [("sample_000 findings by category", ", ".join(f"{k} {v}" for k, v in sorted(by.items())))]


def measure(eval_dir: Path) -> list[tuple[str, str]]:
    """Rows (measure, value) for the quality table."""
    return [
        *_false_alarms(eval_dir),
        *_clean_bodies(eval_dir),
        *_repetition_on_correct(eval_dir),
        *_boilerplate(eval_dir),
        *_sample(),
    ]


def main() -> int:
    eval_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "eval"
    if not eval_dir.is_dir():
        print(f"no evaluation data at {eval_dir}", file=sys.stderr)
        return 2
    print("| measure | value |\n|---|---|")
    for metric, value in measure(eval_dir):
        print(f"| {metric} | {value} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
