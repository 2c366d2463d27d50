"""Language identification: the article's language, and sentences left in another language.

usage: [EVAL_HALF=tune|check|all] .venv/bin/python benchmarks/quality_language.py [EVAL_DIR]

Samples come from the visible evaluation data (../shared/eval) and from the short examples below:
- articles: French (UD French dev sentences, Sequoia documents, French pages of the trafilatura set), German
  (WMT/TED machine-translation output grouped by document, German pages), English (article bodies of the
  readability and scrapinghub sets, the English sources of the MT set), Spanish, Italian, Portuguese, Polish,
  Finnish, Japanese, Korean, Indonesian (pages and bodies labelled with those languages). Pages are turned into
  text with trafilatura. Galley checks French, German and English; any other language must come out as
  unsupported (not in `SUPPORTED`), never as one of the three.
- sentences: one sentence at a time, the same languages, to see how detection holds on short text.
- foreign fragments: French articles into which sentences in German, English, Spanish or Italian are inserted;
  the `foreign.sentence` rule must find the inserted sentences and nothing else; lingua alone, sentence by
  sentence, is measured beside it for comparison.
Labels of the trafilatura pages come from their html `lang` attribute: several pages labelled `en` are German text
(lingua's `en→de` "errors" there are right; read the page before counting one).
The time per article is the median over the article samples once the detector is loaded; the load itself (first
call in a fresh process) is printed apart.
Not part of the test suite.
"""

from __future__ import annotations

import gzip
import json
import random
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import halves  # noqa: E402

from editor.core.engine import analyse_text  # noqa: E402
from editor.core.language import SUPPORTED, detect_language  # noqa: E402
from editor.core.rules.base import CheckConfig  # noqa: E402

HALF = halves.half()
SEED = 16  # fixed: the foreign-fragment articles are the same on every run

# Short examples written for this benchmark (news register; not from the evaluation data).
OWN: dict[str, list[str]] = {
    "es": [
        "El Gobierno aprobó el martes una reforma de las pensiones que entrará en vigor el próximo año.",
        "Los sindicatos convocaron una huelga general para protestar contra los recortes en sanidad.",
        "La alcaldesa de Madrid anunció nuevas medidas para reducir la contaminación en el centro de la ciudad.",
        "Según el último informe del banco central, la inflación bajó al tres por ciento en noviembre.",
        "Miles de personas se manifestaron este domingo en Barcelona para pedir viviendas más baratas.",
    ],
    "it": [
        "Il governo ha approvato ieri sera il decreto sulle bollette, che prevede aiuti per le famiglie.",
        "Secondo i dati dell'Istat, la disoccupazione giovanile è scesa per il terzo mese consecutivo.",
        "Il sindaco di Milano ha presentato il nuovo piano per i trasporti pubblici della città.",
        "La partita è stata rinviata a causa del maltempo che ha colpito tutta la regione.",
        "Gli esperti temono che la siccità possa ridurre il raccolto di grano di un terzo.",
    ],
    "pt": [
        "O presidente anunciou nesta segunda-feira um novo pacote de medidas para conter a inflação.",
        "A greve dos professores já dura três semanas e afeta milhares de alunos em todo o país.",
    ],
    "nl": [
        "De regering heeft dinsdag een nieuw plan gepresenteerd om de woningnood aan te pakken.",
        "Volgens de politie zijn er bij het ongeluk op de snelweg drie mensen gewond geraakt.",
    ],
    "pl": [
        "Rząd przyjął we wtorek projekt ustawy o podwyżkach dla nauczycieli.",
        "Według prognoz synoptyków w weekend temperatura spadnie poniżej zera.",
    ],
    "fr": [
        "Le gouvernement a présenté mardi son projet de loi sur l'énergie, critiqué par l'opposition.",
        "À Marseille, les habitants du quartier attendent toujours la rénovation promise de leurs immeubles.",
        "Selon l'Insee, le chômage a légèrement reculé au troisième trimestre.",
    ],
    "de": [
        "Die Bundesregierung hat am Dienstag ein neues Klimaschutzgesetz beschlossen.",
        "Nach Angaben der Polizei wurden bei dem Unfall auf der Autobahn drei Menschen verletzt.",
        "Der Stadtrat will die Mieten in der Innenstadt stärker begrenzen.",
    ],
    "en": [
        "The government announced on Tuesday a new plan to tackle the housing shortage.",
        "According to the police, three people were injured in the crash on the motorway.",
        "The city council wants to cap rents in the centre more strictly.",
    ],
}


def _records(eval_dir: Path, name: str) -> list[dict[str, object]]:
    path = eval_dir / f"{name}.jsonl"
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as f:
        return [r for r in map(json.loads, f) if halves.in_half(r)]


def _page_text(eval_dir: Path, r: dict[str, object]) -> str:
    import trafilatura

    html = gzip.decompress((eval_dir / str(r["html_path"])).read_bytes())
    return trafilatura.extract(html) or ""


def article_samples(eval_dir: Path) -> list[tuple[str, str]]:
    """(language, text) of every article sample."""
    out: list[tuple[str, str]] = []
    ud = [str(r["text"]) for r in _records(eval_dir, "fr_dev_ud")]
    out += [("fr", " ".join(ud[i : i + 20])) for i in range(0, len(ud) - 19, 20)][:60]
    docs: dict[str, list[str]] = {}
    for r in _records(eval_dir, "fr_clean_sequoia"):
        docs.setdefault(str(r.get("doc_source")), []).append(str(r["text"]))
    out += [("fr", " ".join(s[:20])) for s in docs.values() if len(s) >= 3]
    mt_de: dict[str, dict[str, str]] = {}
    mt_en: dict[str, dict[str, str]] = {}
    for r in _records(eval_dir, "mt_mqm_en_de_google"):
        doc = f"{r['corpus']}/{r['doc']}"
        mt_de.setdefault(doc, {})[str(r["seg"])] = str(r["target_de"])
        mt_en.setdefault(doc, {})[str(r["seg"])] = str(r["source_en"])
    out += [("de", " ".join(list(segs.values())[:20])) for segs in mt_de.values()]
    out += [("en", " ".join(list(segs.values())[:20])) for segs in mt_en.values()]
    for name, key in (("article_body_readability", "expected_text"), ("article_body_scrapinghub", "article_body")):
        out += [(str(r["lang"]), str(r[key])) for r in _records(eval_dir, name) if r.get(key)]
    pages = [r for r in _records(eval_dir, "boilerplate_trafilatura") if r.get("lang") not in (None, "la")]
    by_lang: Counter[str] = Counter()
    for r in pages:  # every page in a language other than German, and the first 30 German ones
        lang = str(r["lang"])
        if lang == "de" and by_lang[lang] >= 30:
            continue
        by_lang[lang] += 1
        text = _page_text(eval_dir, r)
        if len(text) >= 200:
            out.append((lang, text))
    out += [(lang, " ".join(sents)) for lang, sents in OWN.items()]
    return out


def sentence_samples(eval_dir: Path) -> list[tuple[str, str]]:
    """(language, sentence): single sentences of at least five words."""
    rng = random.Random(SEED)
    out: list[tuple[str, str]] = []
    fr = [str(r["text"]) for r in _records(eval_dir, "fr_dev_ud")]
    out += [("fr", s) for s in rng.sample(fr, min(200, len(fr)))]
    mt = _records(eval_dir, "mt_mqm_en_de_google")
    de = sorted({str(r["target_de"]) for r in mt})
    en = sorted({str(r["source_en"]) for r in mt})
    out += [("de", s) for s in rng.sample(de, min(200, len(de)))]
    out += [("en", s) for s in rng.sample(en, min(200, len(en)))]
    out += [(lang, s) for lang, sents in OWN.items() for s in sents]
    return [(lang, s) for lang, s in out if len(s.split()) >= 5]


def _outcome(truth: str, got: str) -> bool:
    """Right language for fr/de/en; for any other language, right when it is not called fr, de or en."""
    return got == truth if truth in SUPPORTED else got not in SUPPORTED


def _accuracy(samples: list[tuple[str, str]]) -> tuple[list[tuple[str, str]], list[float]]:
    good: Counter[str] = Counter()
    total: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    times: list[float] = []
    for truth, text in samples:
        t0 = time.perf_counter()
        got = detect_language(text)
        times.append(time.perf_counter() - t0)
        group = truth if truth in ("fr", "de", "en", "es", "it") else "other"
        total[group] += 1
        if _outcome(truth, got):
            good[group] += 1
        else:
            wrong[f"{truth}→{got}"] += 1
    rows = [(g, f"{good[g]}/{total[g]} ({100 * good[g] / total[g]:.0f}%)") for g in sorted(total)]
    rows.append(("all", f"{sum(good.values())}/{sum(total.values())}"))
    if wrong:
        rows.append(("errors", ", ".join(f"{k} ×{v}" for k, v in wrong.most_common(8))))
    return rows, times


def _foreign_fragments(eval_dir: Path) -> list[tuple[str, str]]:
    """Recall of inserted foreign sentences and false alarms on the French ones, by the foreign.sentence rule."""
    fr = [str(r["text"]) for r in _records(eval_dir, "fr_dev_ud") if len(str(r["text"]).split()) >= 6]
    sentences = sentence_samples(eval_dir)
    foreign = [x for want in ("de", "en") for x in [(lang, s) for lang, s in sentences if lang == want][:60]]
    foreign += [(lang, s) for lang in ("es", "it") for s in OWN[lang]]
    config = CheckConfig(lang="fr", enabled=("foreign.sentence",), suggestions=False)
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    false_alarms = fr_total = 0
    for k, (lang, sentence) in enumerate(foreign):
        start = (k * 9) % max(len(fr) - 8, 1)
        before, after = fr[start : start + 4], fr[start + 4 : start + 8]
        text = " ".join(before) + " "
        s = len(text)
        text += sentence + " " + " ".join(after)
        e = s + len(sentence)
        findings = analyse_text(text, "fr", config)
        total[lang] += 1
        found[lang] += any(f.start < e and f.end > s for f in findings)
        false_alarms += sum(1 for f in findings if f.end <= s or f.start >= e)
        fr_total += len(before) + len(after)
    rows = [(f"found, {lang}", f"{found[lang]}/{total[lang]}") for lang in sorted(total)]
    rows.append(("French sentences flagged", f"{false_alarms}/{fr_total}"))
    rows += [(f"lingua alone, sentence by sentence, {k}", v) for k, v in _lingua_fragments(fr, foreign)]
    return rows


def _lingua_fragments(fr: list[str], foreign: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The same sentences judged one by one by lingua (every n-gram size), flagged when not French."""
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, c.upper()) for c in ("fr", "de", "en", "es", "it")]
    detector = LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()

    def lang(sentence: str) -> str:
        found = detector.detect_language_of(sentence)
        return found.iso_code_639_1.name.lower() if found else ""

    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for truth, sentence in foreign:
        total[truth] += 1
        found[truth] += lang(sentence) == truth
    french = [fr[(k * 9) % max(len(fr) - 8, 1) + i] for k in range(len(foreign)) for i in range(8)]
    flagged = sum(lang(s) != "fr" for s in french)
    rows = [(f"found and named, {k}", f"{found[k]}/{total[k]}") for k in sorted(total)]
    rows.append(("French sentences flagged", f"{flagged}/{len(french)}"))
    return rows


def _load_time() -> str:
    code = (
        "import time; from editor.core.language import detect_language as d; t=time.perf_counter(); "
        "d('Le gouvernement a annoncé mardi une réforme des retraites.'); print(time.perf_counter()-t)"
    )
    runs = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=HERE.parent).stdout)
        for _ in range(3)
    ]
    return f"{1000 * statistics.median(runs):.0f} ms"


def measure(eval_dir: Path) -> list[tuple[str, str]]:
    """Rows for `benchmarks/quality.py` (same figures as `main`, without the load time)."""
    articles, _ = _accuracy(article_samples(eval_dir))
    sentences, _ = _accuracy(sentence_samples(eval_dir))
    return (
        [(f"{HALF} half, articles, {name}", value) for name, value in articles]
        + [(f"{HALF} half, sentences, {name}", value) for name, value in sentences]
        + [
            (f"{HALF} half, foreign fragments in French articles, {name}", v)
            for name, v in _foreign_fragments(eval_dir)
        ]
    )


def main() -> None:
    eval_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent.parent / "shared" / "eval"
    print(f"half: {HALF}")
    articles = article_samples(eval_dir)
    rows, times = _accuracy(articles)
    for name, value in rows:
        print(f"articles, {name}: {value}")
    print(f"articles, median time per article: {1000 * statistics.median(times):.2f} ms")
    rows, _ = _accuracy(sentence_samples(eval_dir))
    for name, value in rows:
        print(f"sentences, {name}: {value}")
    for name, value in _foreign_fragments(eval_dir):
        print(f"foreign fragments in French articles, {name}: {value}")
    print(f"first call in a fresh process (load): {_load_time()}")


if __name__ == "__main__":
    main()
