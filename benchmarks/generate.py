"""Large, realistic damaged French articles for the speed benchmarks.

Sentences come from the clean French news of ../shared/eval when it is there (read at run time, never copied into
the project), else from a small built-in set; about 2 % of the tokens are then damaged the way scraped,
machine-translated copy is (typos, mojibake, spaces before commas, German leftovers, doubled words).
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"
_BUILTIN = [
    "Le gouvernement a présenté mardi un projet de loi sur la réforme des retraites.",
    "Selon les syndicats, la mobilisation devrait se poursuivre dans les prochaines semaines.",
    "Le ministre de l'Économie a annoncé une baisse des prévisions de croissance pour l'année prochaine.",
    "Les négociations entre les deux pays ont repris à Genève après une longue interruption.",
    "La Commission européenne souhaite renforcer les contrôles aux frontières extérieures de l'Union.",
    "Plusieurs milliers de personnes ont manifesté samedi dans le centre de la capitale.",
    "Le président a reçu à l'Élysée les représentants des collectivités territoriales.",
    "Les prix de l'énergie ont fortement augmenté au cours du dernier trimestre.",
    "Cette décision intervient après plusieurs mois de discussions entre les partenaires sociaux.",
    "Les experts estiment que la situation pourrait encore se dégrader d'ici la fin de l'année.",
]
_GERMAN = ["Kernkraftwerk", "fazit", "Kommentare", "Bundesregierung", "Zusammenarbeit", "allerdings"]


def sentences() -> list[str]:
    out: list[str] = []
    for name in ("fr_clean_sequoia.jsonl", "fr_clean_webgold.jsonl"):
        p = EVAL / name
        if p.exists():
            with open(p, encoding="utf-8") as f:
                out.extend(json.loads(line)["text"].strip() for line in f if line.strip())
    return [s for s in out if len(s.split()) >= 5] or _BUILTIN


def _damage(word: str, rng: random.Random) -> str:
    kind = rng.randrange(6)
    if kind == 0 and len(word) > 3:  # a typo: swap two letters
        i = rng.randrange(len(word) - 1)
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == 1:  # mojibake
        return word.encode("utf-8").decode("cp1252", errors="replace") if not word.isascii() else word + "Ã©"
    if kind == 2:
        return word + " ,"
    if kind == 3:
        return rng.choice(_GERMAN)
    if kind == 4:
        return f"{word} {word}"
    return word.upper() if len(word) > 3 else word


def article(words: int, seed: int = 1, damage: float = 0.02) -> str:
    """A French article of about `words` words in paragraphs of 3-6 sentences, with headings now and then."""
    rng = random.Random(seed)
    pool = sentences()
    paras: list[str] = ["Un titre d'article pour la mesure", ""]
    count = 0
    while count < words:
        if rng.random() < 0.1:
            paras += ["Un intertitre de section", ""]
        sents = []
        for _ in range(rng.randint(3, 6)):
            toks = rng.choice(pool).split(" ")
            toks = [_damage(t, rng) if rng.random() < damage else t for t in toks]
            count += len(toks)
            sents.append(" ".join(toks))
        paras += [" ".join(sents), ""]
    return "\n".join(paras)


def corpus_line(i: int, words: int = 600) -> str:
    return json.dumps({"title": f"Article {i}", "text": article(words, seed=i)}, ensure_ascii=False)


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    sys.stdout.write(article(n))
