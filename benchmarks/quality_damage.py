"""Damage benchmark (not a test): the damage of scraped machine-translated news, injected into clean French.

Clean sentences (`../shared/eval/fr_dev_ud.jsonl`, `fr_clean_sequoia.jsonl`) each receive one damage of the
kinds the bundled sample shows, from this file's own word lists and a fixed random seed: German words and
compounds left by machine translation, German-form Russian/Ukrainian names, glossary names (`Selenskyj`), the
`vous` register slip, doubled words, stutters (`gouv-gouvernement`), HTML entities (also doubly escaped), mojibake,
a space before a comma or full stop, and casing slips. A fixed hash of each record's id puts it in the *tune* or the
*check* half (tune on one, report the other).

Per kind, on the chosen half: found (a finding overlaps the damage), right category, and whether accepting the
first suggestion of that finding gives back the original sentence exactly; for German words also whether a correct
French translation is among the suggestions. Then, when `galley clean` has `--apply`, the damaged sentences are
cleaned with `--apply all` and the report gives the share of damaged words restored and the count of elision or
contraction errors (and agreement findings) that the fixes introduced.

usage: .venv/bin/python benchmarks/quality_damage.py [eval_dir] [--half tune|check|all] [--per-kind N] [--show K]
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import random
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import halves  # noqa: E402

from editor.core.engine import analyse_text  # noqa: E402
from editor.core.findings import Finding  # noqa: E402
from editor.core.rules.base import CheckConfig  # noqa: E402

SEED = 11
GALLEY = Path(os.environ.get("GALLEY", REPO / ".venv" / "bin" / "galley"))

# French (singular, plural) → German (singular, plural), with other correct French translations
GERMAN_WORDS: list[tuple[str, str, str, str, tuple[str, ...]]] = [
    ("gouvernement", "gouvernements", "Regierung", "Regierungen", ()),
    ("guerre", "guerres", "Krieg", "Kriege", ()),
    ("ville", "villes", "Stadt", "Städte", ("cité",)),
    ("président", "présidents", "Präsident", "Präsidenten", ()),
    ("élection", "élections", "Wahl", "Wahlen", ("vote", "scrutin")),
    ("débat", "débats", "Debatte", "Debatten", ()),
    ("journal", "journaux", "Zeitung", "Zeitungen", ()),
    ("semaine", "semaines", "Woche", "Wochen", ()),
    ("enfant", "enfants", "Kind", "Kinder", ()),
    ("maison", "maisons", "Haus", "Häuser", ()),
    ("entreprise", "entreprises", "Unternehmen", "Unternehmen", ("société", "firme")),
    ("église", "églises", "Kirche", "Kirchen", ()),
    ("école", "écoles", "Schule", "Schulen", ()),
    ("livre", "livres", "Buch", "Bücher", ()),
    ("famille", "familles", "Familie", "Familien", ()),
    ("femme", "femmes", "Frau", "Frauen", ()),
    ("homme", "hommes", "Mann", "Männer", ()),
    ("parti", "partis", "Partei", "Parteien", ()),
    ("loi", "lois", "Gesetz", "Gesetze", ()),
    ("prix", "prix", "Preis", "Preise", ()),
    ("rue", "rues", "Straße", "Straßen", ("route",)),
    ("frontière", "frontières", "Grenze", "Grenzen", ()),
    ("sécurité", "sécurités", "Sicherheit", "Sicherheiten", ()),
    ("liberté", "libertés", "Freiheit", "Freiheiten", ()),
    ("santé", "santés", "Gesundheit", "Gesundheiten", ()),
    ("société", "sociétés", "Gesellschaft", "Gesellschaften", ("entreprise",)),
    ("histoire", "histoires", "Geschichte", "Geschichten", ()),
    ("hôpital", "hôpitaux", "Krankenhaus", "Krankenhäuser", ()),
    ("aéroport", "aéroports", "Flughafen", "Flughäfen", ()),
    ("gare", "gares", "Bahnhof", "Bahnhöfe", ()),
    ("bibliothèque", "bibliothèques", "Bibliothek", "Bibliotheken", ()),
    ("maire", "maires", "Bürgermeister", "Bürgermeister", ("bourgmestre",)),
    ("commune", "communes", "Gemeinde", "Gemeinden", ()),
    ("monde", "mondes", "Welt", "Welten", ()),
    ("vie", "vies", "Leben", "Leben", ()),
    ("jour", "jours", "Tag", "Tage", ("journée",)),
    ("nuit", "nuits", "Nacht", "Nächte", ()),
    ("mois", "mois", "Monat", "Monate", ()),
    ("heure", "heures", "Stunde", "Stunden", ()),
    ("question", "questions", "Frage", "Fragen", ()),
    ("réponse", "réponses", "Antwort", "Antworten", ()),
    ("exemple", "exemples", "Beispiel", "Beispiele", ()),
    ("économie", "économies", "Wirtschaft", "Wirtschaften", ()),
    ("accord", "accords", "Abkommen", "Abkommen", ("convention", "traité")),
    ("traité", "traités", "Vertrag", "Verträge", ("contrat",)),
    ("paix", "paix", "Frieden", "Frieden", ()),
    ("tribunal", "tribunaux", "Gericht", "Gerichte", ("cour",)),
    ("juge", "juges", "Richter", "Richter", ()),
    ("police", "polices", "Polizei", "Polizeien", ()),
    ("voisin", "voisins", "Nachbar", "Nachbarn", ()),
    ("ami", "amis", "Freund", "Freunde", ()),
    ("peuple", "peuples", "Volk", "Völker", ()),
    ("langue", "langues", "Sprache", "Sprachen", ("langage",)),
    ("mot", "mots", "Wort", "Wörter", ()),
    ("pont", "ponts", "Brücke", "Brücken", ()),
    ("château", "châteaux", "Schloss", "Schlösser", ()),
    ("forêt", "forêts", "Wald", "Wälder", ()),
    ("fleuve", "fleuves", "Fluss", "Flüsse", ("rivière",)),
    ("île", "îles", "Insel", "Inseln", ()),
    ("arbre", "arbres", "Baum", "Bäume", ()),
    ("fin", "fins", "Ende", "Enden", ()),
    ("début", "débuts", "Anfang", "Anfänge", ("commencement",)),
    ("réunion", "réunions", "Sitzung", "Sitzungen", ("séance",)),
    ("sommet", "sommets", "Gipfel", "Gipfel", ()),
    ("décision", "décisions", "Entscheidung", "Entscheidungen", ()),
    ("dette", "dettes", "Schuld", "Schulden", ()),
    ("impôt", "impôts", "Steuer", "Steuern", ("taxe",)),
    ("budget", "budgets", "Haushalt", "Haushalte", ()),
    ("siècle", "siècles", "Jahrhundert", "Jahrhunderte", ()),
    ("pays", "pays", "Land", "Länder", ("État",)),
    ("travail", "travaux", "Arbeit", "Arbeiten", ()),
    ("chanson", "chansons", "Lied", "Lieder", ()),
    ("joueur", "joueurs", "Spieler", "Spieler", ()),
    ("équipe", "équipes", "Mannschaft", "Mannschaften", ()),
    ("victoire", "victoires", "Sieg", "Siege", ()),
    ("chambre", "chambres", "Zimmer", "Zimmer", ("pièce",)),
    ("argent", "argents", "Geld", "Gelder", ()),
    ("eau", "eaux", "Wasser", "Wasser", ()),
    ("village", "villages", "Dorf", "Dörfer", ()),
]
# compounds: French phrase (singular, plural) → German compound (singular, plural)
GERMAN_COMPOUNDS: list[tuple[str, str, str, str, tuple[str, ...]]] = [
    ("centrale nucléaire", "centrales nucléaires", "Kernkraftwerk", "Kernkraftwerke", ("centrale atomique",)),
    ("panne de courant", "pannes de courant", "Stromausfall", "Stromausfälle", ("coupure de courant", "blackout")),
    ("campagne électorale", "campagnes électorales", "Wahlkampf", "Wahlkämpfe", ()),
    ("conférence de presse", "conférences de presse", "Pressekonferenz", "Pressekonferenzen", ()),
    ("droits de l'homme", "droits de l'homme", "Menschenrechte", "Menschenrechte", ()),
    ("conseil municipal", "conseils municipaux", "Stadtrat", "Stadträte", ()),
    ("hôtel de ville", "hôtels de ville", "Rathaus", "Rathäuser", ("mairie",)),
    ("chemin de fer", "chemins de fer", "Eisenbahn", "Eisenbahnen", ()),
    ("gare routière", "gares routières", "Busbahnhof", "Busbahnhöfe", ()),
    ("film documentaire", "films documentaires", "Dokumentarfilm", "Dokumentarfilme", ("documentaire",)),
    ("maison d'édition", "maisons d'édition", "Verlag", "Verlage", ()),
    ("ministre de la Défense", "ministres de la Défense", "Verteidigungsminister", "Verteidigungsminister", ()),
    ("gouvernement fédéral", "gouvernements fédéraux", "Bundesregierung", "Bundesregierungen", ()),
    ("guerre mondiale", "guerres mondiales", "Weltkrieg", "Weltkriege", ()),
    ("chef d'État", "chefs d'État", "Staatschef", "Staatschefs", ("chef de l'État",)),
    ("office de tourisme", "offices de tourisme", "Fremdenverkehrsamt", "Fremdenverkehrsämter", ()),
    ("club de football", "clubs de football", "Fußballverein", "Fußballvereine", ()),
    ("équipe nationale", "équipes nationales", "Nationalmannschaft", "Nationalmannschaften", ()),
    ("code pénal", "codes pénaux", "Strafgesetzbuch", "Strafgesetzbücher", ()),
    ("salle de bain", "salles de bain", "Badezimmer", "Badezimmer", ("salle de bains",)),
    ("chancellerie", "chancelleries", "Kanzleramt", "Kanzlerämter", ()),
    ("débat budgétaire", "débats budgétaires", "Haushaltsdebatte", "Haushaltsdebatten", ()),
]
# French form → German-form transliteration of Russian and Ukrainian names (not in the glossary)
GERMAN_NAMES = [
    ("Volgograd", "Wolgograd"),
    ("Iekaterinbourg", "Jekaterinburg"),
    ("Dostoïevski", "Dostojewski"),
    ("Tchaïkovski", "Tschaikowski"),
    ("Chostakovitch", "Schostakowitsch"),
    ("Khrouchtchev", "Chruschtschow"),
    ("Joukov", "Schukow"),
    ("Tolstoï", "Tolstoj"),
    ("Tchekhov", "Tschechow"),
    ("Rostov", "Rostow"),
    ("Novossibirsk", "Nowosibirsk"),
    ("Vladivostok", "Wladiwostok"),
    ("Iaroslavl", "Jaroslawl"),
    ("Koursk", "Kursk"),
    ("Saratov", "Saratow"),
    ("Oulianovsk", "Uljanowsk"),
    ("Timochenko", "Timoschenko"),
    ("Prokofiev", "Prokofjew"),
    ("Moussorgski", "Mussorgski"),
    ("Boulgakov", "Bulgakow"),
    ("Nabokov", "Nabokow"),
    ("Brejnev", "Breschnew"),
    ("Andropov", "Andropow"),
    ("Tchernenko", "Tschernenko"),
    ("Molotov", "Molotow"),
    ("Tcheliabinsk", "Tscheljabinsk"),
    ("Krasnoïarsk", "Krasnojarsk"),
    ("Kazan", "Kasan"),
    ("Voronej", "Woronesch"),
    ("Volga", "Wolga"),
    ("Iakoutsk", "Jakutsk"),
    ("Lviv", "Lwiw"),
    ("Mourmansk", "Murmansk"),
    ("Sotchi", "Sotschi"),
    ("Irkoutsk", "Irkutsk"),
    ("Mikhaïl", "Michail"),
    ("Vassili", "Wassili"),
    ("Ivan", "Iwan"),
    ("Viatcheslav", "Wjatscheslaw"),
    ("Vadim", "Wadim"),
]
GLOSSARY_NAMES = [
    ("Zelensky", "Selenskyj"),
    ("Volodymyr", "Wolodymyr"),
    ("Sébastopol", "Sewastopol"),
    ("Riyad", "Riad"),
    ("Kyiv", "Kiew"),
    ("Kharkiv", "Charkiw"),
    ("Zaporijjia", "Saporischschja"),
    ("Donetsk", "Donezk"),
    ("Marioupol", "Mariupol"),
    ("Kherson", "Cherson"),
    ("Eltsine", "Jelzin"),
    ("Choïgou", "Schoigu"),
    ("Loukachenko", "Lukaschenko"),
    ("Moscou", "Moskau"),
    ("Navalny", "Nawalny"),
    ("Lavrov", "Lawrow"),
    ("Medvedev", "Medwedew"),
    ("Gorbatchev", "Gorbatschow"),
]
# `ils` + verb → the `vous` form machine translation produced
REGISTER = {
    "sont": "êtes",
    "ont": "avez",
    "étaient": "étiez",
    "avaient": "aviez",
    "peuvent": "pouvez",
    "doivent": "devez",
    "veulent": "voulez",
    "vont": "allez",
    "font": "faites",
    "disent": "dites",
    "seront": "serez",
    "auront": "aurez",
}
DOUBLED = ("le", "la", "les", "de", "des", "et", "à", "en", "que", "un", "une", "du", "pour", "dans")
ENTITIES = {"é": "eacute", "è": "egrave", "à": "agrave", "ê": "ecirc", "ç": "ccedil", "ô": "ocirc", "â": "acirc"}

# kind → the categories whose findings are the right diagnosis
CATEGORIES = {
    "german word": {"foreign", "terminology"},
    "german compound": {"foreign", "terminology"},
    "german-form name": {"foreign", "spelling", "terminology"},
    "glossary name": {"terminology"},
    "vous register": {"register"},
    "doubled word": {"repetition"},
    "stutter": {"repetition"},
    "html entity": {"encoding"},
    "mojibake": {"encoding"},
    "space before , or .": {"typography"},
    "casing": {"casing"},
}
WORD_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@dataclass
class Damage:
    kind: str
    rid: str
    original: str
    damaged: str
    start: int  # the damaged span in `damaged`
    end: int
    accepted: tuple[str, ...] = ()  # other correct replacements of the span (translations)


@dataclass
class Tally:
    n: int = 0
    found: int = 0
    category: int = 0
    restored: int = 0
    translation: int = 0
    misses: list[str] = field(default_factory=list)


def half_of(rid: str) -> str:
    """The same fixed hash as the shared scorer: one half to tune on, the other to report."""
    return halves.half_of({"id": rid})


def records(eval_dir: Path) -> list[tuple[str, str, list[list[str]] | None]]:
    out = []
    for name in ("fr_dev_ud.jsonl", "fr_clean_sequoia.jsonl"):
        with (eval_dir / name).open(encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    r = json.loads(line)
                    out.append((str(r["id"]), r["text"], r.get("tokens")))
    return out


def _cap(word: str, like: str) -> str:
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


def _replace(text: str, s: int, e: int, new: str, kind: str, rid: str, acc: tuple[str, ...] = ()) -> Damage:
    return Damage(kind, rid, text, text[:s] + new + text[e:], s, s + len(new), acc)


def german_word(rng: random.Random, rid: str, text: str, table: list, kind: str) -> Damage | None:  # type: ignore[type-arg]
    hits = []
    for fr_sg, fr_pl, de_sg, de_pl, extra in table:
        for fr, de, plural in ((fr_pl, de_pl, True), (fr_sg, de_sg, False)):
            for m in re.finditer(rf"(?<![\w'’-]){re.escape(fr)}(?![\w'’-])", text, flags=re.IGNORECASE):
                if m.group()[1:] != fr[1:]:
                    continue
                acc = tuple(dict.fromkeys([fr, *(pluralise_simple(x) if plural else x for x in extra)]))
                hits.append((m.start(), m.end(), de, acc))
            if fr_pl == fr_sg:
                break
    if not hits:
        return None
    s, e, de, acc = rng.choice(sorted(set(hits)))
    return _replace(text, s, e, de, kind, rid, tuple(_cap(a, text[s:e]) for a in acc))


def pluralise_simple(phrase: str) -> str:
    head, _, rest = phrase.partition(" ")
    head = head if head.endswith(("s", "x")) else head[:-2] + "aux" if head.endswith("al") else head + "s"
    return f"{head} {rest}".strip()


def _propn_slot(rng: random.Random, text: str, tokens: list[list[str]] | None) -> tuple[int, int] | None:
    """A one-word proper noun inside the sentence (not its first word), to hold a name."""
    if not tokens:
        return None
    forms = [t[0] for t in tokens]
    slots = []
    for i, t in enumerate(tokens):
        if t[1] != "PROPN" or i == 0 or not t[0].isalpha() or not t[0][:1].isupper():
            continue
        if (i + 1 < len(tokens) and tokens[i + 1][1] == "PROPN") or tokens[i - 1][1] in ("PROPN", "DET"):
            continue  # part of a longer name, or a name with an article (`la Ligue`): another name would not fit
        if "DET" in tokens[i - 1][1] or tokens[i - 1][0].endswith(("'", "’")):
            continue
        slots.append(forms[i])
    rng.shuffle(slots)
    for form in slots:
        m = re.search(rf"(?<=[ («\"'’]){re.escape(form)}(?![\w-])", text)
        if m:
            return m.start(), m.end()
    return None


def name_damage(rng: random.Random, rid: str, text: str, tokens: list | None, pairs: list, kind: str) -> Damage | None:  # type: ignore[type-arg]
    slot = _propn_slot(rng, text, tokens)
    if slot is None:
        return None
    fr, de = rng.choice(pairs)
    clean = text[: slot[0]] + fr + text[slot[1] :]
    return _replace(clean, slot[0], slot[0] + len(fr), de, kind, rid)


def register(rng: random.Random, rid: str, text: str) -> Damage | None:
    hits = [
        m
        for m in re.finditer(r"(?<![\w'’])(qu['’])?(ils|Ils) (\w+)", text)
        if m.group(3) in REGISTER and not text[m.end() :].startswith("-")
    ]
    if not hits:
        return None
    m = rng.choice(hits)
    que = "que " if m.group(1) else ""
    pron = "Vous" if m.group(2) == "Ils" else "vous"
    new = f"{que}{pron} {REGISTER[m.group(3)]}"
    return _replace(text, m.start(), m.end(), new, "vous register", rid)


def doubled(rng: random.Random, rid: str, text: str) -> Damage | None:
    hits = [m for m in re.finditer(r"(?<![\w'’-])(\w+)(?= )", text) if m.group(1) in DOUBLED]
    if not hits:
        return None
    m = rng.choice(hits)
    return _replace(text, m.start(), m.end(), f"{m.group()} {m.group()}", "doubled word", rid)


def stutter(rng: random.Random, rid: str, text: str) -> Damage | None:
    hits = [m for m in re.finditer(r"(?<![\w'’-])[a-zéèêàâôîûç]{7,}(?![\w'’-])", text)]
    if not hits:
        return None
    m = rng.choice(hits)
    cut = rng.randint(3, min(5, len(m.group()) - 3))
    return _replace(text, m.start(), m.end(), f"{m.group()[:cut]}-{m.group()}", "stutter", rid)


def entity(rng: random.Random, rid: str, text: str) -> Damage | None:
    hits = [m for m in WORD_RE.finditer(text) if any(c in ENTITIES for c in m.group())]
    if not hits:
        return None
    m = rng.choice(hits)
    word = m.group()
    i = next(i for i, c in enumerate(word) if c in ENTITIES)
    amp = "&amp;" if rng.random() < 0.5 else "&"
    new = word[:i] + f"{amp}{ENTITIES[word[i]]};" + word[i + 1 :]
    return _replace(text, m.start(), m.end(), new, "html entity", rid)


def mojibake(rng: random.Random, rid: str, text: str) -> Damage | None:
    hits = [m for m in WORD_RE.finditer(text) if any(ord(c) > 127 for c in m.group())]
    if not hits:
        return None
    m = rng.choice(hits)
    try:
        new = m.group().encode("utf-8").decode("cp1252")
    except UnicodeDecodeError:
        return None
    return _replace(text, m.start(), m.end(), new, "mojibake", rid)


def spacing(rng: random.Random, rid: str, text: str) -> Damage | None:
    hits = [m for m in re.finditer(r"(?<=[^\W\d_])[,.](?= |$)", text)]
    if not hits:
        return None
    m = rng.choice(hits)
    return _replace(text, m.start(), m.end(), f" {m.group()}", "space before , or .", rid)


def casing(rng: random.Random, rid: str, text: str, before: str) -> Damage | None:
    """`Trump Et …` (a capitalised function word), or a sentence that starts in lower case after another one (the
    casing rule leaves a lone sentence alone: it may be an excerpt)."""
    mids = [m for m in re.finditer(r"(?<=[^\W\d_] )(et|ou|mais|avec|pour)(?= [^\W\d_])", text)]
    if rng.random() < 0.5 and mids:
        m = rng.choice(mids)
        return _replace(text, m.start(), m.end(), m.group().capitalize(), "casing", rid)
    m2 = re.match(r"[A-ZÉÈÀÇ][a-zéèêàâôîûç]+(?= )", text)
    if m2 and len(m2.group()) > 1:
        off = len(before) + 1
        return _replace(f"{before} {text}", off, off + m2.end(), m2.group().lower(), "casing", rid)
    return None


def inject(eval_dir: Path) -> list[Damage]:
    """One damage per sentence, kinds taken in turn so that each gets its share of the sentences that allow it."""
    rng = random.Random(SEED)
    makers: list[tuple[str, Callable[[str, str, list | None], Damage | None]]] = [  # type: ignore[type-arg]
        ("german word", lambda i, t, k: german_word(rng, i, t, GERMAN_WORDS, "german word")),
        ("german compound", lambda i, t, k: german_word(rng, i, t, GERMAN_COMPOUNDS, "german compound")),
        ("german-form name", lambda i, t, k: name_damage(rng, i, t, k, GERMAN_NAMES, "german-form name")),
        ("glossary name", lambda i, t, k: name_damage(rng, i, t, k, GLOSSARY_NAMES, "glossary name")),
        ("vous register", lambda i, t, k: register(rng, i, t)),
        ("doubled word", lambda i, t, k: doubled(rng, i, t)),
        ("stutter", lambda i, t, k: stutter(rng, i, t)),
        ("html entity", lambda i, t, k: entity(rng, i, t)),
        ("mojibake", lambda i, t, k: mojibake(rng, i, t)),
        ("space before , or .", lambda i, t, k: spacing(rng, i, t)),
        ("casing", lambda i, t, k: casing(rng, i, t, rng.choice(leads))),
    ]
    recs = records(eval_dir)
    rng.shuffle(recs)
    leads = [t for _i, t, _k in recs if 20 < len(t) < 120 and t.endswith(".") and t[:1].isupper()][:200]
    counts: Counter[str] = Counter()
    out = []
    for rid, text, tokens in recs:
        if len(text) > 400 or "\n" in text:
            continue
        # the kind with the fewest sentences so far that can damage this one
        for kind, make in sorted(makers, key=lambda km: (counts[km[0]], km[0])):
            d = make(rid, text, tokens)
            if d is not None and d.damaged != d.original:
                counts[kind] += 1
                out.append(d)
                break
    return out


def _pick(findings: list[Finding], d: Damage) -> tuple[bool, Finding | None]:
    over = [f for f in findings if f.start < d.end and f.end > d.start]
    if not over:
        return False, None
    right = [f for f in over if f.category in CATEGORIES[d.kind]]
    ranked = sorted(right or over, key=lambda f: (not f.suggestions, f.start, -(f.end - f.start)))
    return True, ranked[0] if right else None


def score(damages: list[Damage], show: int) -> dict[str, Tally]:
    tallies: dict[str, Tally] = defaultdict(Tally)
    config = CheckConfig(lang="fr")
    for d in damages:
        t = tallies[d.kind]
        t.n += 1
        found, f = _pick(analyse_text(d.damaged, "fr", config), d)
        t.found += found
        if f is None:
            if len(t.misses) < show:
                t.misses.append(f"{'no finding' if not found else 'wrong category'}: {d.damaged[d.start : d.end]}")
            continue
        t.category += 1
        applied = [d.damaged[: f.start] + s + d.damaged[f.end :] for s in f.suggestions]
        if applied and applied[0] == d.original:
            t.restored += 1
        elif len(t.misses) < show:
            wanted = d.original[max(0, d.start - 2) : d.end + 8]
            t.misses.append(f"{d.damaged[f.start : f.end]!r} → {f.suggestions[:3]} (wanted {wanted!r})")
        if d.kind.startswith("german "):
            good = {a.lower() for a in d.accepted}
            if any(a == d.original for a in applied) or any(s.lower() in good for s in f.suggestions):
                t.translation += 1
    return tallies


# ---------------------------------------------------------------------------------------------------------------
# After `galley clean --apply all`

ELISION_RE = re.compile(
    r"(?<![\w'’-])(?:[Ll]e|[Ll]a|[Dd]e|[Qq]ue|[Jj]e|[Nn]e|[Ss]e|[Cc]e|[Mm]e|[Tt]e)"
    r" (?=[aeiouyàâéèêëîïôûœAEIOUÉÈÊÀÂÎÔ])|(?<![\w'’-])[Ss]i (?=ils?\b)"
    r"|(?<![\w'’-])(?:[Dd]e|[Àà]) (?=les?\b)"
)


def elision_errors(text: str) -> int:
    """Missed elisions and contractions (`que ils`, `le envoyé`, `de le`, `à les`); words that keep their article
    before a vowel sound (`le onze`, `le oui`, `de un à…`) are rare enough in these sentences to count by hand."""
    return len(ELISION_RE.findall(text))


def has_apply() -> bool:
    try:
        out = subprocess.run([str(GALLEY), "clean", "--help"], capture_output=True, text=True, timeout=60).stdout
    except (OSError, subprocess.TimeoutExpired):
        return False
    return "--apply" in out


def words(text: str) -> list[str]:
    """Whitespace-separated tokens, so `Poutine ,` against `Poutine,` and `S&eacute;nat` count as damaged words."""
    return text.split()


def applied_scores(damages: list[Damage]) -> list[tuple[str, str]] | None:
    """Clean every damaged sentence with `--apply all`; compare word by word with the original."""
    if not has_apply():
        return None
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for i, d in enumerate(damages):
            (folder / f"{i:05d}.txt").write_text(d.damaged + "\n", encoding="utf-8")
        out = folder / "out"
        paths = sorted(str(p) for p in folder.glob("*.txt"))
        subprocess.run(
            [str(GALLEY), "clean", "--lang", "fr", "--apply", "all", "--output-dir", str(out), "--force", *paths],
            capture_output=True,
            text=True,
            timeout=3600,
        )
        cleaned = {p.stem: p.read_text(encoding="utf-8").rstrip("\n") for p in out.glob("*")}
    damaged_words = restored_words = introduced = agreement = collateral = 0
    examples: list[str] = []  # a few elision errors, then the gender clashes
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for i, d in enumerate(damages):
        got = cleaned.get(f"{i:05d}")
        if got is None:
            continue
        wrong, fixed, other = restored(words(d.original), words(d.damaged), words(got))
        collateral += other
        damaged_words += wrong
        restored_words += fixed
        by_kind[d.kind][0] += wrong
        by_kind[d.kind][1] += fixed
        # errors already in the original or in the damaged input are not the fixes' doing
        new_elisions = max(0, elision_errors(got) - max(elision_errors(d.original), elision_errors(d.damaged)))
        new_clashes = max(0, agreement_errors(got) - max(agreement_errors(d.original), agreement_errors(d.damaged)))
        introduced += new_elisions
        agreement += new_clashes
        if (new_elisions and len(examples) < 4) or (new_clashes and len(examples) < 8):
            examples.append(f"{d.kind}: {got}")
    rows = [
        ("after `galley clean --apply all`: damaged words restored", _pct(restored_words, damaged_words)),
        *((f"  … {k}", _pct(v[1], v[0])) for k, v in sorted(by_kind.items())),
        ("words changed by the fixes outside the damage", str(collateral)),
        ("elision/contraction errors introduced by the fixes (must be 0)", str(introduced)),
        ("determiner–noun gender clashes introduced by the fixes (must be 0)", str(agreement)),
        *(("  e.g.", e) for e in examples),
    ]
    return rows


_DETERMINER_RE = re.compile(r"(?<![\w'’-])([Ll]e|[Ll]a|[Uu]n|[Uu]ne|[Dd]u|[Aa]u|[Cc]e|[Cc]ette) ([^\W\d_]+)(?![\w'’-])")
_DET_GENDER = {
    "le": "mas",
    "un": "mas",
    "du": "mas",
    "au": "mas",
    "ce": "mas",
    "la": "fem",
    "une": "fem",
    "cette": "fem",
}


def agreement_errors(text: str) -> int:
    """Determiners whose gender clashes with the noun after them, by the French dictionary's genders (`le panne`);
    only nouns the dictionary gives one gender count, so `le premier`, `la plupart` and epicene nouns stay out."""
    from editor.core.translate import french_gender

    count = 0
    for m in _DETERMINER_RE.finditer(text):
        gender = french_gender(m.group(2))
        if gender and gender != _DET_GENDER[m.group(1).lower()]:
            count += 1
    return count


def restored(orig: list[str], damaged: list[str], cleaned: list[str]) -> tuple[int, int, int]:
    """(damaged words, of them restored, other words the cleaning changed): a damaged place counts as restored
    when the cleaned text aligns with the original there, whatever happened elsewhere in the sentence."""
    regions = [
        (i1, i2, max(i2 - i1, j2 - j1))
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=orig, b=damaged, autojunk=False).get_opcodes()
        if op != "equal"
    ]
    bad: set[int] = set()  # original positions (and gaps before them, as -1 - i) the cleaned text differs at
    for op, i1, i2, _j1, _j2 in difflib.SequenceMatcher(a=orig, b=cleaned, autojunk=False).get_opcodes():
        if op in ("replace", "delete"):
            bad.update(range(i1, i2))
        if op in ("replace", "insert"):
            bad.add(-1 - i1)
    wrong = fixed = 0
    touched: set[int] = set()
    for i1, i2, size in regions:
        places = {*range(i1, i2), -1 - i1, -1 - i2}
        touched |= places
        wrong += size
        fixed += size if not (places & bad) else 0
    return wrong, fixed, len({b for b in bad if b >= 0} - touched)


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.0f} % ({a}/{b})" if b else "–"


def report(tallies: dict[str, Tally], half: str) -> list[str]:
    lines = [
        f"Damage benchmark, {half} half (seed {SEED}; one damage per sentence of fr_dev_ud + fr_clean_sequoia)",
        "",
        "| kind | n | found | right category | first suggestion restores the original "
        "| translation among suggestions |",
        "|---|---|---|---|---|---|",
    ]
    total = Tally()
    for kind in CATEGORIES:
        t = tallies.get(kind)
        if t is None:
            continue
        tr = _pct(t.translation, t.n) if kind.startswith("german ") and "name" not in kind else ""
        cells = (str(t.n), _pct(t.found, t.n), _pct(t.category, t.n), _pct(t.restored, t.n), tr)
        lines.append(f"| {kind} | " + " | ".join(cells) + " |")
        total.n += t.n
        total.found += t.found
        total.category += t.category
        total.restored += t.restored
    lines.append(
        f"| **all** | {total.n} | {_pct(total.found, total.n)} | {_pct(total.category, total.n)} | "
        f"**{_pct(total.restored, total.n)}** | |"
    )
    return lines


def chosen_damages(eval_dir: Path, half: str, per_kind: int) -> list[Damage]:
    damages = [d for d in inject(eval_dir) if half == "all" or half_of(d.rid) == half]
    kept: Counter[str] = Counter()
    chosen = []
    for d in damages:
        if kept[d.kind] < per_kind:
            kept[d.kind] += 1
            chosen.append(d)
    return chosen


def measure(eval_dir: Path) -> list[tuple[str, str]]:
    """Rows for `benchmarks/quality.py`: the check half (or EVAL_HALF), with the `--apply all` part when it exists."""
    half = os.environ.get("EVAL_HALF", "check")
    chosen = chosen_damages(eval_dir, half, 120)
    tallies = score(chosen, 0)
    rows = []
    for kind, t in sorted(tallies.items()):
        german = kind in ("german word", "german compound")
        extra = f"; translation among suggestions {_pct(t.translation, t.n)}" if german else ""
        rows.append(
            (
                f"{half} half, {kind}: found / first suggestion restores",
                f"{_pct(t.found, t.n)} / {_pct(t.restored, t.n)}{extra}",
            )
        )
    n = sum(t.n for t in tallies.values())
    rows.append(
        (f"{half} half, all kinds: first suggestion restores", _pct(sum(t.restored for t in tallies.values()), n))
    )
    return rows + (applied_scores(chosen) or [("after `galley clean --apply all`", "skipped: no --apply yet")])


def main(argv: Iterable[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("eval_dir", nargs="?", default=str(REPO.parent / "shared" / "eval"))
    ap.add_argument("--half", choices=("tune", "check", "all"), default="check")
    ap.add_argument("--per-kind", type=int, default=120, help="damaged sentences per kind and half (default 120)")
    ap.add_argument("--show", type=int, default=0, help="print up to K misses per kind (tune half only, please)")
    ap.add_argument("--no-apply", action="store_true", help="skip the `galley clean --apply all` part")
    args = ap.parse_args(list(argv) if argv is not None else None)
    eval_dir = Path(args.eval_dir)
    if not (eval_dir / "fr_dev_ud.jsonl").is_file():
        print(f"no evaluation data in {eval_dir}", file=sys.stderr)
        return 2
    chosen = chosen_damages(eval_dir, args.half, args.per_kind)
    tallies = score(chosen, args.show)
    print("\n".join(report(tallies, args.half)))
    if args.show:
        for kind, t in tallies.items():
            for miss in t.misses:
                print(f"  [{kind}] {miss}")
    if not args.no_apply:
        rows = applied_scores(chosen)
        print()
        if rows is None:
            print("`galley clean --apply` does not exist yet: the after-apply figures are skipped.")
        else:
            for name, value in rows:
                print(f"- {name}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
