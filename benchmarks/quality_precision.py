"""How often `spelling.unknown-word`'s warnings are right on clean French (not a test).

usage: [EVAL_HALF=tune|check|all] .venv/bin/python benchmarks/quality_precision.py [EVAL_DIR] [--list]

Every clean French text of EVAL_DIR (default ../shared/eval) that the noise report reads as edited prose (UD
French dev sentences in articles of 20, the Sequoia sentences, the web gold snippets; not the rule test cases) is
checked as `galley check --lang fr` does, and each `spelling.unknown-word` warning is counted right (a real error of
the corpus: these texts hold a few typos) or wrong (a false alarm), from the judgements below, made by reading each
warning in its sentence. A warning on a word not judged yet is listed as such: read it, judge it here, re-run.
Severity is meant to say something: a rule stays a warning only if it is right at least 9 times in 10.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import noise  # noqa: E402

from editor.core.engine import analyse_text  # noqa: E402
from editor.core.rules.base import CheckConfig  # noqa: E402

RULE = "spelling.unknown-word"
CORPORA = ("ud", "sequoia", "webgold")

# Real errors of the corpora that the rule reports (the reported span, judged in its sentence).
REAL_ERRORS = frozenset(
    [
        "aseptie",
        "désaisi",
        "tiralleurs",
        "sucessives",
        "ironiquemmnt",
        "tres",
        "refugiés",
        "vétérants",
        "brievement",
        "énérgie",
        "hote",
        "trés",
        "rdanse",
        "professionel",
        "célébres",
        "propablement",
        "déterioré",
        "persecution",
        "maldie",
        "reconciliation",
        "hopital",
        "intaller",
        "combatttre",
        "d'hotes",
        "viacire",
        "généaral",
        "acrchidiacre",
        "embryogénèse",
        "metres",
        "avantgardiste",
        "precautions",
        "possesion",
        "naîveté",
        "annonçé",
        "ca",
        "écographie",
        "distinctionss",
        "créationn",
        "cinématrographique",
        "méditéranéennes",
        "naviguable",
        "égoût",
        "progressite",
        "aujourd hui",
    ]
)
# Correct words the rule has called typos, with why they are right.
FALSE_ALARMS = {
    "gavit": "an Armenian church porch (a rare word one slip from `gravit`)",
    "endorsé": "the anglicism of musicians' endorsements",
    "wah": "the guitar effect (`pédale wah`), an onomatopoeia",
    "abyssi": "a species epithet after its genus (`Pyrococcus abyssi`)",
    "messénienne": "the adjective of `Messénie`",
    "defensive": "English, `defensive end`",
    "universitas": "Latin, in a Latin name",
    "gmina": "a Polish administrative unit",
    "sagre": "a shark (Etmopterus spinax)",
    "genos": "Greek, in an etymology",
}


def warnings(eval_dir: Path, half: str) -> list[tuple[str, str, str]]:
    """(corpus, reported text, excerpt) of every warning of the rule on the chosen half."""
    config = CheckConfig(lang="fr")
    out: list[tuple[str, str, str]] = []
    for corpus, text in noise.clean_texts(eval_dir, half):
        if corpus not in CORPORA:
            continue
        for f in analyse_text(text, "fr", config):
            if f.rule == RULE and f.severity.value in ("warning", "error"):
                a, b = max(0, f.start - 40), min(len(text), f.end + 30)
                excerpt = text[a : f.start] + "⟦" + text[f.start : f.end] + "⟧" + text[f.end : b]
                out.append((corpus, text[f.start : f.end], excerpt.replace("\n", " ")))
    return out


def verdict(span: str) -> str:
    """`right`, `wrong` or `unjudged` for a reported span (`La gmina` is judged on its last word)."""
    for w in (span, span.rsplit(" ", maxsplit=1)[-1]):
        if w in REAL_ERRORS:
            return "right"
        if w in FALSE_ALARMS:
            return "wrong"
    return "unjudged"


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    eval_dir = Path(args[0]) if args else HERE.parent.parent / "shared" / "eval"
    half = os.environ.get("EVAL_HALF", "check")
    found = warnings(eval_dir, half)
    counts = {"right": 0, "wrong": 0, "unjudged": 0}
    for corpus, word, excerpt in found:
        v = verdict(word)
        counts[v] += 1
        if "--list" in sys.argv or v != "right":
            why = f" ({FALSE_ALARMS.get(word.rsplit(' ', maxsplit=1)[-1], '')})" if v == "wrong" else ""
            print(f"{v:8} {corpus:8} `{word}`{why}: {excerpt}")
    judged = counts["right"] + counts["wrong"]
    print(
        f"{RULE} on clean French (EVAL_HALF={half}): {len(found)} warnings, right {counts['right']} of {judged} "
        f"({counts['right'] / max(judged, 1):.0%}), unjudged {counts['unjudged']}"
    )


if __name__ == "__main__":
    main()
