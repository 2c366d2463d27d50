"""Large, realistic damaged French articles for the speed benchmarks.

Sentences come from the clean French news of ../shared/eval when it is there (read at run time, never copied into
the project), else from a small built-in set; about 2 % of the tokens are then damaged the way scraped,
machine-translated copy is (typos, mojibake, spaces before commas, German leftovers, doubled words).

Tests pass `bundled=True`: their article is then the same on every machine, whether or not data lies beside the
repository, so a test cannot pass or fail on what happens to be installed next to it.
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
    "La mairie a décidé de fermer la piscine municipale pendant les travaux de rénovation prévus cet été.",
    "Le tribunal administratif doit rendre sa décision sur le projet d'autoroute avant la fin du mois.",
    "Dans la région, les agriculteurs s'inquiètent du manque de pluie depuis le début du printemps.",
    "L'entreprise a confirmé la suppression de trois cents postes dans son usine du nord du pays.",
    "Les enseignants réclament davantage de moyens pour accueillir les élèves en situation de handicap.",
    "Le festival a attiré plus de cinquante mille spectateurs malgré une météo peu favorable.",
    "Une enquête a été ouverte après l'incendie qui a détruit un entrepôt dans la zone industrielle.",
    "Le conseil régional a voté un budget en hausse pour les transports en commun.",
    "Les chercheurs ont publié une étude sur les effets de la chaleur sur la santé des personnes âgées.",
    "La ligne de train entre les deux villes restera fermée jusqu'à la fin des travaux.",
    "Le club a remporté son troisième match consécutif et remonte à la quatrième place du classement.",
    "Les habitants du quartier ont lancé une pétition contre la construction d'un nouveau centre commercial.",
    "Le préfet a pris un arrêté limitant l'usage de l'eau dans une trentaine de communes.",
    "La banque centrale a maintenu ses taux directeurs inchangés lors de sa dernière réunion.",
    "Selon un sondage publié dimanche, une majorité de Français soutient cette proposition.",
    "Le musée rouvrira ses portes au public en septembre après deux ans de fermeture.",
    "Les pompiers sont intervenus rapidement et aucun blessé n'est à déplorer.",
    "Le maire a promis de consulter les habitants avant toute décision sur l'avenir du site.",
    "Les exportations de vin ont reculé au premier semestre, selon les chiffres des douanes.",
    "Un accord a finalement été trouvé dans la nuit entre la direction et les représentants du personnel.",
    "L'hôpital manque de médecins et plusieurs services ont dû réduire leurs horaires d'ouverture.",
    "Le nombre de demandeurs d'emploi a légèrement baissé au cours du dernier trimestre.",
    "La ministre de la Culture a inauguré jeudi la nouvelle médiathèque de la ville.",
    "Les associations de consommateurs dénoncent une hausse injustifiée des tarifs.",
    "Le procès doit s'ouvrir au printemps prochain devant la cour d'assises.",
    "Les députés examineront le texte en première lecture à partir de la semaine prochaine.",
    "Une délégation étrangère est attendue lundi pour discuter des échanges commerciaux.",
    "Les travaux de la nouvelle ligne de tramway devraient s'achever dans deux ans.",
    "Plusieurs villages restent privés d'électricité après la tempête de la nuit dernière.",
    "Le gouvernement promet une aide exceptionnelle aux éleveurs touchés par la sécheresse.",
]
_GERMAN = ["Kernkraftwerk", "fazit", "Kommentare", "Bundesregierung", "Zusammenarbeit", "allerdings"]


def sentences(bundled: bool = False) -> list[str]:
    """The sentences articles are made of: the built-in ones when `bundled`, else the evaluation data's if any."""
    if bundled:
        return list(_BUILTIN)
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


def article(words: int, seed: int = 1, damage: float = 0.02, *, bundled: bool = False) -> str:
    """A French article of about `words` words in paragraphs of 3-6 sentences, with headings now and then."""
    rng = random.Random(seed)
    pool = sentences(bundled)
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


def corpus_line(i: int, words: int = 600, *, bundled: bool = False) -> str:
    return json.dumps({"title": f"Article {i}", "text": article(words, seed=i, bundled=bundled)}, ensure_ascii=False)


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    sys.stdout.write(article(n))
