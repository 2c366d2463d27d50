"""Quality of the spelling, foreign and terminology rules on the shared evaluation data (not a test).

Reads ../shared/eval (relative to the repository root) when present and prints one table:
- false alarms (warning/error findings per 1,000 words) of each category on professionally edited French news;
- recall and precision of `foreign` findings on English left in German machine translation (MQM spans marked
  'Accuracy/Untranslated text' or 'Accuracy/Source language fragment', checked as German);
- first-suggestion accuracy of the fast suggester against enchant's `suggest()` on misspellings generated from
  real words of the clean French text (fixed seed), with the time per word of each;
- the same on Grammalecte's OCR/spelling error cases.

usage: .venv/bin/python benchmarks/quality_spelling.py [eval_dir] [--samples N] [--speed | --speed-only]
(--speed adds `galley check` against `hunspell -l` on a generated 200k-word article, alternated, medians)
"""

from __future__ import annotations

import random
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import halves  # noqa: E402

from editor.core.findings import Finding, Severity  # noqa: E402
from editor.core.rules import foreign, spelling, terminology  # noqa: E402
from editor.core.rules.base import CheckConfig, Context  # noqa: E402

MY_RULES = [*spelling.RULES, *foreign.RULES, *terminology.RULES]
CATEGORIES = ("spelling", "foreign", "terminology")
FOREIGN_MQM = {"Accuracy/Untranslated text", "Accuracy/Source language fragment"}
WORD = re.compile(r"\w+")


def _records(path: Path) -> Iterable[dict]:  # type: ignore[type-arg]
    return halves.records(path)


def check(text: str, lang: str, config: CheckConfig | None = None) -> list[Finding]:
    """The findings of this benchmark's three categories only (other helpers' rules do not interfere)."""
    ctx = Context(text=text, lang=lang, config=config or CheckConfig(lang=lang))
    out: list[Finding] = []
    for rule in MY_RULES:
        if rule.applies_to(lang):
            out.extend(rule.check(ctx))
    return sorted(out, key=lambda f: (f.start, f.end, f.rule))


def false_alarms(eval_dir: Path) -> list[tuple[str, str]]:
    texts = [r["text"] for r in _records(eval_dir / "fr_clean_sequoia.jsonl") if r.get("genre") == "news"]
    texts += [r["text"] for r in _records(eval_dir / "fr_clean_webgold.jsonl")]
    words = sum(len(WORD.findall(t)) for t in texts)
    by: Counter[str] = Counter()
    info: Counter[str] = Counter()
    for t in texts:
        for f in check(t, "fr"):
            (by if f.severity != Severity.INFO else info)[f.category] += 1
    rows = [
        (f"false alarms, {c} (warning+error per 1,000 words; {words} words)", f"{1000 * by[c] / words:.2f} ({by[c]})")
        for c in CATEGORIES
    ]
    total = sum(by.values())
    rows.append(("false alarms, the three together (bar: < 1.5)", f"{1000 * total / words:.2f}"))
    rows.append(("info findings on the same text (not counted)", ", ".join(f"{c} {info[c]}" for c in CATEGORIES)))
    return rows


def foreign_mqm(eval_dir: Path) -> list[tuple[str, str]]:
    """Spans of all raters of a segment are pooled: a finding is right when any rater marked it."""
    segs: dict[tuple[str, str, str], tuple[str, list[tuple[int, int]]]] = {}
    for r in _records(eval_dir / "mt_mqm_en_de_google.jsonl"):
        key = (r["system"], r["doc"], str(r["seg"]))
        text, spans = segs.get(key, (r["target_de"], []))
        for e in r.get("errors") or []:
            if e.get("category") in FOREIGN_MQM and e["end"] > e["start"]:
                spans.append((e["start"], e["end"]))
        segs[key] = (text, spans)
    gold = hit = 0
    found = {"warning": 0, "all": 0}
    right = {"warning": 0, "all": 0}
    for text, spans in segs.values():
        fs = [f for f in check(text, "de") if f.category == "foreign"]
        uniq = sorted(set(spans))
        gold += len(uniq)
        hit += sum(1 for s, e in uniq if any(f.start < e and s < f.end for f in fs))
        for f in fs:
            ok = any(f.start < e and s < f.end for s, e in uniq)
            for k in ("all", "warning"):
                if k == "all" or f.severity != Severity.INFO:
                    found[k] += 1
                    right[k] += ok
    return [
        (f"foreign on MQM en→de (--lang de): recall ({gold} marked spans)", f"{hit / max(gold, 1):.0%} ({hit})"),
        (
            "foreign on MQM: precision, all findings / warnings only",
            f"{right['all'] / max(found['all'], 1):.0%} of {found['all']} / "
            f"{right['warning'] / max(found['warning'], 1):.0%} of {found['warning']}",
        ),
    ]


def _typo(word: str, rng: random.Random) -> str:
    i = rng.randrange(len(word))
    kind = rng.randrange(5)
    if kind == 0:
        return word[:i] + word[i + 1 :]
    if kind == 1 and i < len(word) - 1:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == 2:
        return word[:i] + rng.choice("aeioustrnlcmpd") + word[i + 1 :]
    if kind == 3:
        return word[:i] + rng.choice("aeioustrnlcmpd") + word[i:]
    plain = {"é": "e", "è": "e", "ê": "e", "à": "a", "â": "a", "ç": "c", "î": "i", "ô": "o", "û": "u", "ù": "u"}
    if any(c in plain for c in word):
        return "".join(plain.get(c, c) for c in word)
    return word[:i] + word[i] + word[i:]


def suggestions(eval_dir: Path, samples: int = 300) -> list[tuple[str, str]]:
    from editor.core.spelling import service
    from editor.core.suggest import suggester

    svc = service("fr")
    words = sorted(
        {w for r in _records(eval_dir / "fr_clean_sequoia.jsonl") for w in re.findall(r"[^\W\d_]{4,}", r["text"])}
    )
    words = [w for w in words if w.islower() and svc.check(w)]
    rng = random.Random(1234)
    pairs: list[tuple[str, str]] = []
    while len(pairs) < samples:
        w = rng.choice(words)
        t = _typo(w, rng)
        if t != w and not svc.check(t):
            pairs.append((t, w))
    index = suggester("fr")
    index.suggest("initialisation")  # index loaded before timing
    t0 = time.perf_counter()
    ours = [index.suggest(t) for t, _ in pairs]
    t_ours = (time.perf_counter() - t0) / len(pairs)
    t0 = time.perf_counter()
    theirs = [list(svc.suggest(t)) for t, _ in pairs]
    t_ench = (time.perf_counter() - t0) / len(pairs)
    first_o = sum(1 for (t, w), s in zip(pairs, ours, strict=True) if s[:1] == [w])
    first_e = sum(1 for (t, w), s in zip(pairs, theirs, strict=True) if s[:1] == [w])
    top5_o = sum(1 for (t, w), s in zip(pairs, ours, strict=True) if w in s[:5])
    top5_e = sum(1 for (t, w), s in zip(pairs, theirs, strict=True) if w in s[:5])
    empty = sum(1 for s in ours if not s)
    n = len(pairs)
    rows = [
        (f"suggestions on {n} generated French typos: right first, fast index", f"{first_o / n:.0%} ({first_o})"),
        ("  the same, enchant suggest()", f"{first_e / n:.0%} ({first_e})"),
        ("  right in the first 5: fast index / enchant", f"{top5_o / n:.0%} / {top5_e / n:.0%}"),
        ("  none offered by the index (enchant fallback territory)", f"{empty / n:.0%} ({empty})"),
        ("  time per word: fast index / enchant", f"{t_ours * 1000:.2f} ms / {t_ench * 1000:.0f} ms"),
    ]
    # Grammalecte's OCR / spelling cases with an expected correction
    cases = []
    for r in _records(eval_dir / "fr_errors_grammalecte.jsonl"):
        if r.get("family") in ("ocr", "spelling") and r.get("is_error"):
            for e in r.get("errors") or []:
                if e.get("suggestions") and e["suggestions"] != [""]:
                    cases.append((r["text"], e))
    hit = right = right_e = 0
    for text, e in cases:
        fs = [f for f in check(text, "fr") if f.category == "spelling" and f.start < e["end"] and e["start"] < f.end]
        if fs:
            hit += 1
            if any(
                f.suggestions
                and text[: f.start] + f.suggestions[0] + text[f.end :] == text[: e["start"]] + x + text[e["end"] :]
                for f in fs
                for x in e["suggestions"]
            ):
                right += 1
        ench = svc.suggest(e["text"]) if e["text"].strip() and not svc.check(e["text"]) else ()
        right_e += bool(ench) and ench[0] in e["suggestions"]
    m = len(cases)
    rows.append((f"Grammalecte OCR/spelling cases ({m}): found by spelling", f"{hit / max(m, 1):.0%} ({hit})"))
    rows.append(("  right first suggestion: Galley / enchant on the marked word", f"{right} / {right_e}"))
    return rows


def make_article(eval_dir: Path, words: int = 200_000, typo_rate: float = 0.02, seed: int = 7) -> str:
    """A long French article for timing: clean eval sentences, ~2 % of the words damaged (never committed).
    Both halves: a speed figure fits nothing, and the article stays the one earlier runs timed."""
    sents = [r["text"] for r in halves.records(eval_dir / "fr_clean_sequoia.jsonl", "all")]
    sents += [r["text"] for r in halves.records(eval_dir / "fr_clean_webgold.jsonl", "all")]
    rng = random.Random(seed)
    long_word = re.compile(r"[^\W\d_]{4,}")
    # the rate applies to words of 4+ letters, about two thirds of all words
    rate = typo_rate * 1.5
    parts: list[str] = []
    n = 0
    while n < words:
        s = long_word.sub(lambda m: _typo(m.group(), rng) if rng.random() < rate else m.group(), rng.choice(sents))
        parts.append(s + ("\n\n" if rng.random() < 0.15 else " "))
        n += len(WORD.findall(s))
    return "".join(parts)


def speed(eval_dir: Path, runs: int = 3) -> list[tuple[str, str]]:
    """`galley check` (one process, --jobs 1) against `hunspell -l` on the same 200k-word article, alternated."""
    import shutil
    import statistics
    import subprocess
    import tempfile

    galley = REPO / ".venv" / "bin" / "galley"
    if not shutil.which("hunspell") or not galley.exists():
        return [("speed", "skipped: hunspell or .venv/bin/galley missing")]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "article.txt"
        path.write_text(make_article(eval_dir), encoding="utf-8")
        mine = [a for c in CATEGORIES for a in ("--enable", c)]
        commands = {
            "hunspell -l -d fr_FR": ["hunspell", "-l", "-d", "fr_FR", str(path)],
            "galley check, spelling+foreign+terminology": [
                str(galley),
                "check",
                "--lang",
                "fr",
                "--jobs",
                "1",
                *mine,
                "--format",
                "jsonl",
                str(path),
            ],
            "galley check, every rule": [
                str(galley),
                "check",
                "--lang",
                "fr",
                "--jobs",
                "1",
                "--format",
                "jsonl",
                str(path),
            ],
        }
        times: dict[str, list[float]] = {k: [] for k in commands}
        for _ in range(runs):
            for name, cmd in commands.items():
                t0 = time.perf_counter()
                subprocess.run(cmd, capture_output=True, check=False, timeout=900)
                times[name].append(time.perf_counter() - t0)
    base = statistics.median(times["hunspell -l -d fr_FR"])
    rows = [
        (
            f"speed, 200k words: {name} (median of {runs})",
            f"{statistics.median(ts):.2f} s"
            + ("" if name.startswith("hunspell") else f" = {statistics.median(ts) / base:.2f} × hunspell"),
        )
        for name, ts in times.items()
    ]
    return rows


def typo_recall(eval_dir: Path, paragraphs: int = 300) -> list[tuple[str, str]]:
    """Typos injected into clean text (3 % of lower-case words of 4+ letters): found as warnings, fixed first."""
    from editor.core.spelling import service

    svc = service("fr")
    sents = [r["text"] for r in _records(eval_dir / "fr_clean_sequoia.jsonl")]
    rng = random.Random(5)
    long_word = re.compile(r"[^\W\d_]{4,}")
    truth: dict[int, str] = {}
    parts: list[str] = []
    size = 0
    for _ in range(paragraphs):
        para = " ".join(rng.choice(sents) for _ in range(5))
        pos = 0
        for m in long_word.finditer(para):
            w = m.group()
            parts.append(para[pos : m.start()])
            size += m.start() - pos
            if w.islower() and rng.random() < 0.03:
                t = _typo(w, rng)
                if t != w and not svc.check(t):
                    truth[size] = w
                    w = t
            parts.append(w)
            size += len(w)
            pos = m.end()
        parts.append(para[pos:] + "\n\n")
        size += len(para) - pos + 2
    text = "".join(parts)
    findings = check(text, "fr")
    found = {f.start: f for f in findings if f.rule == "spelling.unknown-word"}
    shown = {f.start for f in findings}  # as a warning, or as an info hint (a rare term, a foreign word)
    hit = [p for p in truth if p in found]
    right = sum(1 for p in hit if found[p].suggestions[:1] == (truth[p],))
    n = len(truth)
    at_all = sum(1 for p in truth if p in shown)
    return [
        (f"typos injected in clean French ({n}): reported as spelling warnings", f"{len(hit) / n:.0%} ({len(hit)})"),
        ("  of those, right first suggestion (in context)", f"{right / max(len(hit), 1):.0%} ({right})"),
        ("  underlined at all (warning, or info: rare term, foreign word)", f"{at_all / n:.0%} ({at_all})"),
    ]


def measure(eval_dir: Path, samples: int = 300) -> list[tuple[str, str]]:
    """Every figure of this benchmark as (measure, value) rows."""
    return false_alarms(eval_dir) + foreign_mqm(eval_dir) + typo_recall(eval_dir) + suggestions(eval_dir, samples)


def main(argv: list[str]) -> int:
    eval_dir = Path(argv[0]) if argv and not argv[0].startswith("--") else REPO.parent / "shared" / "eval"
    samples = int(argv[argv.index("--samples") + 1]) if "--samples" in argv else 300
    if not eval_dir.is_dir():
        print(f"no evaluation data at {eval_dir}")
        return 1
    rows = speed(eval_dir) if "--speed-only" in argv else measure(eval_dir, samples)
    if "--speed" in argv:
        rows += speed(eval_dir)
    width = max(len(k) for k, _ in rows)
    print(f"| {'measure'.ljust(width)} | value |")
    print(f"|{'-' * (width + 2)}|-------|")
    for k, v in rows:
        print(f"| {k.ljust(width)} | {v} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
