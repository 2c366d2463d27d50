"""Casing: capitals where French (or German, English) puts none, and lower case where a capital belongs.

What machine translation and scraping do to capitals, and what Galley finds:
- a function word capitalised mid-sentence (`Trump Et le président`): German capitalises nouns, English title
  case capitalises everything, and MT copies either into French. Only flagged when the next word is in lower case,
  so names and titles (`Marine Le Pen`, `La Haye`, `Ligue Des Champions`) are left alone; name particles
  (`Le`, `La`, `De`, `Du`, `Des`) also need a lower-case word before them.
- a heading or sentence that starts in lower case (`le rôle du Kremlin`): a standalone short line between
  paragraphs is a heading (document scope: a lone snippet of text may well be an excerpt cut mid-sentence, so a
  single paragraph never counts as a heading); inside a paragraph, a lower-case word after a full stop, and a
  paragraph that starts in lower case although it holds several sentences.
- German noun capitals in French (`la Chancelière`): a capitalised common noun right after a lower-case
  determiner, when the French dictionary knows the word in lower case and not only as a name. Institutions, places,
  celestial bodies and titles that French capitalises (`l'État`, `la Maison Blanche`, `le Sénat`, `la Terre`,
  `le Premier ministre`) and anything followed by another capitalised word are left alone. `info`: only a person
  can tell a capitalised institution from a German noun.
- French conventions the best checkers (Grammalecte, LanguageTool) apply: months and languages in lower case
  (`le 1er Mars`, `en Russe`), nationalities as nouns capitalised (`des parisiens`), accented capitals (`l'Etat`,
  `A bientôt`), geographic and historical names (`Afrique du sud`, `océan pacifique`, `moyen âge`), `coup d'état`.
  Ministries and the world wars (`le ministre de l'intérieur`, `la seconde guerre mondiale`) are written in lower
  case by the Journal officiel and Le Monde: a convention of the article, weighed like typography's house styles.
- A lower-case line after a paragraph that ends with a colon is a list item, not a heading.

No casing fix is automatic: a capital can always be a name the rule does not know.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache
from itertools import islice
from pathlib import Path

from editor.core.findings import Finding, Severity, make_finding
from editor.core.i18n import N_, _
from editor.core.rules._typography_base import (
    MAX_PER_PARAGRAPH,
    Convention,
    ConventionRule,
    Occurrence,
    ParagraphRule,
    words,
)
from editor.core.rules.base import Context, Rule

_LOWER_WORD_RE = re.compile(r"[^\W\d_]++")


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]


def _low(word: str) -> str:
    return word[:1].lower() + word[1:]


# --- function words ---------------------------------------------------------------------------------------------

_FUNCTION_WORDS = {
    "fr": words(
        """Et Ou Mais Donc Car Ni Puis Avec Pour Sur Dans Par Chez Sans Sous Vers Entre Contre Après Avant Depuis
        Pendant Selon Qui Que Dont Où Est Sont Était Ont Aux Au Il Elle Ils Elles Se Son Sa Ses Leur Leurs Ce Cette
        Ces Cet En À Un Une Le La Les Du Des De"""
    ),
    "de": words("Und Oder Aber Denn Mit Für Von Zu Auf Bei Nach Aus Ist Sind War Wird Werden Dass"),
}
_PARTICLES = words("Le La Les Du Des De Un Une")
_ARTICLES = words("Le La Les Un Une Des Du")
_WORK_NOUNS = words(
    """livre livres film films roman romans journal ouvrage essai album titre chanson émission série pièce
    spectacle revue magazine quotidien hebdomadaire mensuel opéra tableau exposition documentaire rubrique
    collection saga bd téléfilm feuilleton disque single poème recueil thèse rapport éditions édition œuvre
    nouvelle morceau tube ballet manga sculpture photographie slogan devise jeu"""
)
_FRENCH_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzàâäçéèêëîïôöùûüÿæœ'’-")
# Patterns open with what they consume and check the character before afterwards (`X(?<!CX)` is `(?<!C)X`): the
# regex engine then skips to candidate characters at C speed instead of trying a look-behind at every position.
_CAP_WORD_RE = re.compile(r"[A-ZÀ-ÖØ-Þ](?<![\w'’\-][A-ZÀ-ÖØ-Þ])[^\W\d_]*+(?![\w'’\-])(?=[ \t\u00a0]{1,3}[a-zà-öø-ÿœ])")
_NEXT_WORD_RE = re.compile(r"[ \t\u00a0]{1,3}([^\W_][\w'’\-]*+)")


def _prev_word(text: str, pos: int, floor: int) -> tuple[str, str]:
    """(the spaces before `pos`, the word before them), looking no further back than `floor`."""
    j = pos
    while j > floor and text[j - 1] in " \t\u00a0" and pos - j < 8:
        j -= 1
    k = j
    while k > floor and (text[k - 1].isalnum() or text[k - 1] == "-") and j - k < 40:
        k -= 1
    return text[j:pos], text[k:j]


def _next_word(text: str, pos: int, end: int) -> str:
    m = _NEXT_WORD_RE.match(text, pos, end)
    return m.group(1) if m else ""


class FunctionWordCapital(ParagraphRule):
    """A conjunction, preposition or pronoun capitalised mid-sentence is a warning; a capitalised article (`Le`,
    `Une`) is `info`, since it opens a title of a work as often as it is damage (French titles capitalise only
    their first word, and nothing marks them in plain text)."""

    id = "casing.function-word"
    severity = Severity.WARNING
    languages = frozenset({"fr", "de"})
    description = "a function word capitalised in mid-sentence (Trump Et le président)"

    def scan(self, ctx: Context, start: int, end: int) -> Iterator[Finding]:
        text = ctx.text
        fwords = _FUNCTION_WORDS.get(ctx.lang, frozenset())
        for m in _CAP_WORD_RE.finditer(text, start, end):
            w = m.group(0)
            if w not in fwords:
                continue
            s, e = m.span()
            spaces, prev = _prev_word(text, s, start)
            if not spaces or not prev:
                continue
            before = text[s - len(spaces) - 1]
            if not (before.isalnum() or before == ","):
                continue  # after . : « ( — or a line start: a sentence or a quotation may begin here
            if prev.isupper() and len(prev) > 1:
                continue  # an all-capitals line
            if w in _PARTICLES and prev[:1].isupper():
                continue  # `Jean De la Fontaine`, `Marine Le Pen`
            low = prev.lower()
            if low in _WORK_NOUNS or (low[-1:] in "sx" and low[:-1] in _WORK_NOUNS):
                continue  # `le livre La manipulation`, `les albums Un homme`: a title starts with a capital
            nxt = _next_word(text, e, end)
            if not nxt or not nxt[0].islower():
                continue  # `La Haye`, `Ligue Des Champions`, `À 18 h`: a name, a title, a number
            if any(c not in _FRENCH_LETTERS for c in nxt.lower()):
                continue  # `La cerámica de Azaila`: a title in another language
            # French capitalises only the first word of a title (`il a lu Le petit prince`): a capitalised article
            # is as often a title nobody marked as a machine-translation capital, so it is only a hint
            sev = Severity.INFO if w in _ARTICLES else self.severity
            yield make_finding(
                text, self.id, sev, s, e, _("« {word} » is capitalised in mid-sentence").format(word=w), (_low(w),)
            )


# --- sentence and heading starts ---------------------------------------------------------------------------------

_SENTENCE_LOWER_RE = re.compile(r"\.(?<=[^\W\d_]{2}\.)[ \t]++(?=[a-zà-öø-ÿœ])")
_ABBREV_TAIL_RE = re.compile(r"[^\W\d_]++$")
_FIRST_LETTER_RE = re.compile(r"[^\s\"'«“„(\[—–\-*•·]")
_SENTENCE_END_RE = re.compile(r"[^\W\d_]{2}[.!?…][ \t]++[\"«“„(]?[A-ZÀ-ÖØ-Þ]")
_TOKEN_RE = re.compile(r"[\w'’\-.]*+")
_CASING_ABBREVIATIONS = words(
    """etc cf ex env av apr janv févr avr juil sept oct nov déc hab vol art chap coll éd trad dir réf fig pp ibid
    op cit suiv resp approx mme mlle mgr prof ste bd vs inc ltd corp jr sr ie eg al mr mrs ms bzw usw vgl ca
    evtl ggf inkl nr str min max sq sog bspw ggü zzgl abzgl insb ehem gem lt mind ugs urspr zw bzgl tel abs mio mrd
    jh incl esp dept ed eds ch sec no nos tél mm cm km kg supra infra vv"""
)


def _starts_lower(text: str, start: int, end: int) -> tuple[int, str] | None:
    """The first word of text[start:end] when it starts with a lower-case letter that should be a capital."""
    m = _FIRST_LETTER_RE.search(text, start, min(end, start + 40))
    if m is None:
        return None
    p = m.start()
    ch = text[p]
    if not (ch.isalpha() and ch.islower()):
        return None
    lead = text[start:p].strip()
    if lead[:1] in ("-", "*", "•", "·") or lead.endswith(("(", "[")):
        return None  # a list item, or a parenthesis: lower case is normal there
    tok = _TOKEN_RE.match(text, p, end)
    token = tok.group(0) if tok else ""
    if any(c.isupper() for c in token[1:]) or token.startswith(("www", "http")) or "." in token.rstrip("."):
        return None  # iPhone, eBay, www.site.fr
    w = _LOWER_WORD_RE.match(text, p, end)
    return (p, w.group(0)) if w else None


def _is_heading_like(text: str, start: int, end: int) -> bool:
    line = text[start:end].strip()
    if not line or len(line) > 90 or line[-1] in '.,;:!?…»"”)':
        return False
    return len(line.split()) <= 12


_TLDS = words("fr de com org net eu ch be ca uk io info html htm php asp gov edu int lu at it es")
_URL_HINT_RE = re.compile(r"www|https?:|/|@")


def _in_broken_address(text: str, dot: int, word_end: int, start: int, end: int) -> bool:
    """Whether the `. word` at `dot` belongs to a web address split by spaces (`www. energie-europe. fr`)."""
    if text[dot + 1 : word_end].strip().lower() in _TLDS and (word_end >= end or not text[word_end].isalpha()):
        return True
    left = max(text.rfind(" ", start, dot), text.rfind("\n", start, dot), start - 1) + 1
    if _URL_HINT_RE.search(text, left, dot):
        return True
    before = text[max(start, left - 12) : left]
    return "www" in before or "http" in before


class SentenceStart(ParagraphRule):
    id = "casing.sentence-start"
    severity = Severity.WARNING
    description = "a sentence that starts in lower case"

    def scan(self, ctx: Context, start: int, end: int) -> Iterator[Finding]:
        text = ctx.text
        # a paragraph of several sentences that starts in lower case (one sentence alone may be an excerpt)
        first = None if text[start].isupper() else _starts_lower(text, start, end)
        if first is not None and _SENTENCE_END_RE.search(text, first[0], end):
            p, w = first
            yield make_finding(
                text, self.id, self.severity, p, p + len(w), _("a paragraph starts with a capital"), (_cap(w),)
            )
        for m in _SENTENCE_LOWER_RE.finditer(text, start, end):
            tail = _ABBREV_TAIL_RE.search(text, max(start, m.start() - 12), m.start())
            word = tail.group(0) if tail else ""
            if word.lower() in _CASING_ABBREVIATIONS or word.isupper():
                continue
            p = m.end()
            nxt = _LOWER_WORD_RE.match(text, p, end)
            if nxt is None or any(c.isupper() for c in nxt.group(0)[1:]):
                continue
            w = nxt.group(0)
            if _in_broken_address(text, m.start(), p + len(w), start, end):
                continue  # `www. site. fr`: a link that machine translation split, for the link rules
            yield make_finding(
                text, self.id, self.severity, p, p + len(w), _("a sentence starts with a capital"), (_cap(w),)
            )


class HeadingStart(Rule):
    id = "casing.heading-start"
    severity = Severity.WARNING
    scope = "document"
    description = "a heading that starts in lower case"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        paras = ctx.paragraphs
        if len(paras) < 2:
            return  # a lone line may be an excerpt: nothing says it is a heading
        yield from islice(self._headings(text, paras), MAX_PER_PARAGRAPH)

    def _headings(self, text: str, paras: list[tuple[int, int]]) -> Iterator[Finding]:
        for n, (ps, pe) in enumerate(paras):
            if n and text[paras[n - 1][0] : paras[n - 1][1]].rstrip().endswith((":", ";", ",")):
                continue  # a list item or the rest of a sentence a colon introduced: lower case is right there
            nl = text.find("\n", ps, pe)
            if nl >= 0 and text[nl:pe].strip():
                continue  # several lines: not a standalone heading
            stop = pe if nl < 0 else nl
            if not _is_heading_like(text, ps, stop):
                continue
            first = _starts_lower(text, ps, stop)
            if first is None:
                continue
            p, w = first
            yield make_finding(
                text, self.id, self.severity, p, p + len(w), _("a heading starts with a capital"), (_cap(w),)
            )


# --- French conventions: months, languages, nationalities, accented capitals, names ------------------------------

_MONTHS = "Janvier|Février|Mars|Avril|Mai|Juin|Juillet|Août|Septembre|Octobre|Novembre|Décembre"
_MONTH_RE = re.compile(r"(?<![\w])(1er|1ᵉʳ|[Pp]remier|\d{1,2})[ \u00a0]++(" + _MONTHS + r")(?![\w])([ \u00a0]\d)?")
_MONTH_NAMES = tuple(_MONTHS.split("|"))
_HOLIDAYS = {("14", "Juillet"), ("1er", "Mai"), ("1ᵉʳ", "Mai"), ("8", "Mai"), ("11", "Novembre")}

_LANGUAGES = (
    "Anglais|Français|Allemand|Russe|Italien|Espagnol|Chinois|Japonais|Arabe|Portugais|Néerlandais|Polonais|"
    "Ukrainien|Turc|Grec|Hébreu|Persan|Coréen|Suédois|Latin|Mandarin|Hindi|Breton|Basque|Catalan|Corse|Occitan"
)
_LANGUAGE_NAME_RE = re.compile(_LANGUAGES)
_LANGUAGE_RE = re.compile(
    r"(?<![\w'’])(?:(?:en|parle|parlent|parler|parlait|parlez|parlons)[ \u00a0]++"
    r"|(?:cours|professeur|professeure|prof|leçons?|classe|dictionnaire|traduction|version|mots|notions)"
    r"[ \u00a0]++d['’])(" + _LANGUAGES + r")(?![\w'’\-])"
)


def _gentile_forms() -> frozenset[str]:
    stems = words(
        """français anglais allemand américain russe ukrainien italien espagnol portugais belge suisse canadien
        québécois chinois japonais coréen indien israélien palestinien iranien irakien syrien libanais turc grec
        polonais africain asiatique parisien marseillais lyonnais breton corse alsacien britannique écossais
        irlandais néerlandais hollandais autrichien hongrois roumain suédois norvégien danois finlandais mexicain
        brésilien argentin algérien marocain tunisien sénégalais malien égyptien saoudien australien vietnamien
        afghan pakistanais berlinois londonien serbe croate bulgare tchèque slovaque arménien géorgien kurde
        nigérian congolais ivoirien camerounais haïtien cubain chilien colombien péruvien vénézuélien jordanien
        yéménite qatari koweïtien émirati lituanien letton estonien biélorusse moldave kazakh ouzbek mongol
        thaïlandais indonésien philippin malaisien birman cambodgien tibétain européen"""
    )
    forms: set[str] = set()
    for st in stems:
        if st.endswith("s"):
            forms.update({st, st + "e", st + "es"})
        elif st.endswith("en"):
            forms.update({st + "s", st + "ne", st + "nes"})
        elif st.endswith("e"):
            forms.add(st + "s")
        elif st == "turc":
            forms.update({"turcs", "turque", "turques"})
        elif st == "grec":
            forms.update({"grecs", "grecque", "grecques"})
        else:
            forms.update({st + "s", st + "e", st + "es"})
        if not st.endswith("s"):
            forms.add(st)
    forms.discard("européennes")  # `les européennes`: the European elections
    return frozenset(forms)


GENTILES = _gentile_forms()
_PLURAL_DETERMINER_RE = re.compile(
    r"(?<![\w'’])(?:des|les|ces|aux|deux|trois|quatre|cinq|six|plusieurs|nombreux|nombreuses|quelques|"
    r"(?:beaucoup|peu|milliers|millions|centaines|dizaines|nombre|majorité|plupart|trop|tant) de)"
    r"[ \u00a0]++([a-zà-öø-ÿ][a-zà-öø-ÿ\-]*+)(?![\w'’])",
    re.IGNORECASE,
)

_ACCENT_CAPITAL_RE = re.compile(r"E(?<![\w\-]E)[a-zà-ÿ][\w\-]*+(?![\w'’])")
_A_GRAVE_RE = re.compile(r"(?:^|(?<=[.!?…»\n—–]\s)|(?<=^[ \t\u00a0—–-])|(?<=[«\"“(—–][ \u00a0]))A(?= )", re.MULTILINE)
_A_GRAVE_NEXT = words(
    """la le l les partir bientôt travers cause propos part peine moins noter savoir nouveau son sa ses leur leurs
    mon ma mes ce cet cette ces quelques chaque tout toute tous toutes demain midi minuit côté force mesure
    plus vrai titre défaut condition présent jamais long court terme l’heure l'heure nous vous eux elle lui
    gauche droite priori posteriori ce"""
)

_PROPER_PATTERNS: list[tuple[re.Pattern[str], str, int]] = [
    # (pattern, message, group to fix) — the fix capitalises (or lower-cases) every word of the group
    (
        re.compile(
            r"(?<![\w])(?:Afrique|Amérique|Corée|Europe|Asie|Irlande|Caroline|Dakota|Soudan|Ossétie|Pôle|pôle|"
            r"[Mm]er|Cap|Rhin|Sahara|Italie|Chypre) d(?:u|e l['’]) ?(nord|sud|est|ouest)(?![\w\-])"
        ),
        N_("a geographic name takes a capital"),
        1,
    ),
    (
        re.compile(r"(?<![\w])[Oo]céan (pacifique|atlantique|indien|arctique|antarctique|austral)(?![\w])"),
        N_("an ocean's name takes a capital"),
        1,
    ),
    (
        re.compile(
            r"(?<![\w])[Mm]er (méditerranée|baltique|caspienne|noire|égée|adriatique|ionienne|tyrrhénienne|"
            r"caraïbe|d['’]azov|d['’]irlande|jaune|morte)(?![\w])"
        ),
        N_("a sea's name takes a capital"),
        1,
    ),
    (re.compile(r"(?<![\w])(moyen[ \-]âge|moyen[ \-]age|Moyen[ \-]age|Moyen âge)(?![\w])"), N_("le Moyen Âge"), 1),
    (
        re.compile(r"(?<![\w])(homo) (?:sapiens|erectus|habilis|neanderthalensis|ergaster)(?![\w])"),
        N_("Homo sapiens"),
        1,
    ),
    (
        re.compile(
            r"(?<![\w])(?:coups?|secrets?|chefs?|hommes?|femmes?|raison|affaires?|crimes?|conseil|"
            r"conseillers?|ministres?|secrétaires?|secrétariat|appareil|sommet|sûreté|religion|mensonges?)"
            r" d['’](état|etat|Etat)(s?)(?![\w])"
        ),
        N_("l’État (the nation) takes a capital"),
        1,
    ),
]
_INSTITUTIONS = (
    "union européenne|union soviétique|nations unies|assemblée nationale|banque centrale européenne|"
    "cour de cassation|conseil constitutionnel|conseil d['’]état|parlement européen|commission européenne|"
    "conseil européen|fonds monétaire international|organisation mondiale de la santé|révolution française|"
    "cour pénale internationale|cour suprême|sécurité sociale"
)
_INSTITUTION_RE = re.compile(r"(?<![\w\-])(" + _INSTITUTIONS + r")(?![\w\-])")
_DAYS = "Lundi|Mardi|Mercredi|Jeudi|Vendredi|Samedi|Dimanche"
_DAY_NAMES = tuple(_DAYS.split("|"))
_DAY_RE = re.compile(r"(?<=[a-zà-öø-ÿ,] )(" + _DAYS + r")(?![\w'’\-])(?! [A-ZÀ-ÖØ-Þ])")
_LOWER_PATTERNS: list[tuple[re.Pattern[str], str, int]] = [
    (re.compile(r"(?<![\w])hémisphères? (Nord|Sud)(?![\w])"), N_("hémisphère nord: no capital"), 1),
]


class MonthCapital(ParagraphRule):
    id = "casing.month"
    severity = Severity.WARNING
    languages = frozenset({"fr"})
    description = "French months and days take no capital (le 1er mars, ce lundi)"

    def scan(self, ctx: Context, start: int, end: int) -> Iterator[Finding]:
        text = ctx.text
        chunk = text[start:end]
        months = any(name in chunk for name in _MONTH_NAMES)
        days = any(name in chunk for name in _DAY_NAMES)
        for m in _MONTH_RE.finditer(text, start, end) if months else ():
            day, month, year = m.groups()
            if (day, month) in _HOLIDAYS and not year:
                continue  # `le 14 Juillet`, `le 1er Mai`: the holidays are names
            s, e = m.span(2)
            yield make_finding(text, self.id, self.severity, s, e, _("French months take no capital"), (_low(month),))
        for m in _DAY_RE.finditer(text, start, end) if days else ():
            _start, prev = _prev_word(text, m.start(), start)
            if not prev[:1].islower():
                continue
            s, e = m.span()
            yield make_finding(
                text, self.id, self.severity, s, e, _("French days take no capital"), (_low(m.group(0)),)
            )


class LanguageCapital(ParagraphRule):
    id = "casing.language"
    severity = Severity.WARNING
    languages = frozenset({"fr"})
    description = "language names take no capital in French (en russe)"

    def scan(self, ctx: Context, start: int, end: int) -> Iterator[Finding]:
        text = ctx.text
        if _LANGUAGE_NAME_RE.search(text, start, end) is None:
            return  # no capitalised language name: the pattern (which opens with a look-behind) cannot match
        for m in _LANGUAGE_RE.finditer(text, start, end):
            s, e = m.span(1)
            yield make_finding(
                text, self.id, self.severity, s, e, _("language names take no capital in French"), (_low(m.group(1)),)
            )


class NationalityCapital(ParagraphRule):
    id = "casing.nationality"
    severity = Severity.WARNING
    languages = frozenset({"fr"})
    description = "inhabitants take a capital in French (des Parisiens)"

    def scan(self, ctx: Context, start: int, end: int) -> Iterator[Finding]:
        text = ctx.text
        for m in _PLURAL_DETERMINER_RE.finditer(text, start, end):
            w = m.group(1)
            if w not in GENTILES or not w.endswith("s"):
                continue
            s, e = m.span(1)
            yield make_finding(
                text, self.id, self.severity, s, e, _("a nationality used as a noun takes a capital"), (_cap(w),)
            )


class AccentedCapital(ParagraphRule):
    id = "casing.accented-capital"
    severity = Severity.INFO
    languages = frozenset({"fr"})
    description = "capitals keep their accents in French (l’État, À bientôt)"

    def scan(self, ctx: Context, start: int, end: int) -> Iterator[Finding]:
        text = ctx.text
        msg = _("French capitals keep their accents")
        spell = _spell(ctx)
        if spell is not None:
            for m in _ACCENT_CAPITAL_RE.finditer(text, start, end):
                w = m.group(0)
                if len(w) < 4 or spell(w):
                    continue
                for acc in ("É", "È", "Ê"):
                    cand = acc + w[1:]
                    if spell(cand):
                        yield make_finding(text, self.id, self.severity, m.start(), m.end(), msg, (cand,))
                        break
        for m in _A_GRAVE_RE.finditer(text, start, end):
            nxt = _next_word(text, m.end(), end)
            if nxt.lower() in _A_GRAVE_NEXT or (nxt.isdigit() and len(nxt) <= 2) or nxt.startswith(("n’", "n'")):
                yield make_finding(text, self.id, self.severity, m.start(), m.end(), msg, ("À",))


# The words each pattern needs (lower-cased): a paragraph without them skips that pattern's regex scan.
_PROPER_GATES = (
    ("du nord", "du sud", "de l'est", "de l’est", "de l'ouest", "de l’ouest", "du est", "du ouest", "de l' ", "de l’ "),
    ("océan",),
    ("mer ",),
    ("moyen",),
    ("homo ",),
    ("état",),
)
_INSTITUTION_GATE = (
    "union",
    "unies",
    "assemblée",
    "banque",
    "cour ",
    "conseil",
    "parlement",
    "commission",
    "fonds",
    "organisation",
    "révolution",
    "sécurité",
)


_MINISTRY_RE = re.compile(
    r"(?<![\w])(?:[Mm]inistres?|[Mm]inistères?|[Ss]ecrétaires? d['’]État)"
    r" (?:de l['’]|de la |du |des )"
    r"((?i:intérieur|économie|éducation|agriculture|environnement|industrie|écologie|enseignement|emploi|"
    r"énergie|outre-mer|justice|défense|santé|culture|recherche|jeunesse|communication|famille|"
    r"travail|commerce|budget|logement|tourisme|numérique|sport|patrimoine|finances|armées|sports|"
    r"transports|solidarités|affaires (?:étrangères|sociales|européennes|économiques)))(?![\w])"
)
_WORLD_WAR_RE = re.compile(r"(?<![\w\-])((?i:première|seconde|deuxième) (?i:guerre) mondiale)(?![\w\-])")


def _ministry_or_war(text: str, start: int, end: int, low: str) -> Iterator[Occurrence]:
    """Ministries (`ministre de l'Intérieur`) and the world wars (`Seconde Guerre mondiale`): the Imprimerie
    nationale capitalises them, the Journal officiel's typographic charter and Le Monde write them in lower case
    (`ministre de l'intérieur`, `la seconde guerre mondiale`), so each is a convention of the article."""
    if "ministr" in low or "secrétaire" in low:
        msg = _("the Imprimerie nationale capitalises a ministry's name (the Journal officiel and Le Monde do not)")
        for m in _MINISTRY_RE.finditer(text, start, end):
            s, e = m.span(1)
            name = m.group(1)
            variant = "capital" if name[0].isupper() else "lower"
            yield Occurrence("ministry", variant, s, e, {"capital": _cap(name), "lower": _low(name)}, msg)
    if "guerre" in low:
        msg = _("the Imprimerie nationale writes « Seconde Guerre mondiale » (Le Monde writes it in lower case)")
        for m in _WORLD_WAR_RE.finditer(text, start, end):
            s, e = m.span(1)
            name = m.group(1)
            first, _war, rest = name.split(" ", 2)
            forms = {
                "capital": f"{_cap(first)} Guerre {rest}",
                "lower": name.lower(),
                "first": f"{_cap(first)} guerre {rest}",
            }
            variant = next((v for v, form in forms.items() if form == name), "first")
            yield Occurrence("war", variant, s, e, forms, msg)


class ProperNameCapital(ConventionRule):
    """Names of places, periods and institutions with a fixed French form. Ministries and the world wars are a
    convention French newspapers differ on (`ministre de l'intérieur` in Le Monde and the Journal officiel): a
    lower-case one is `info` alone, a warning where the article capitalises them otherwise, and one `info` for an
    article that writes them in lower case throughout."""

    id = "casing.proper-name"
    severity = Severity.WARNING
    languages = frozenset({"fr"})
    description = "names of places, periods, ministries and the State (Afrique du Sud, Moyen Âge, coup d’État)"

    def conventions(self, ctx: Context) -> dict[str, Convention]:
        return {
            "ministry": Convention(
                "capital",
                {
                    "capital": _("ministries with a capital (ministre de l'Intérieur)"),
                    "lower": _("ministries in lower case (ministre de l'intérieur)"),
                },
            ),
            "war": Convention(
                "capital",
                {
                    "capital": "Seconde Guerre mondiale",
                    "lower": "seconde guerre mondiale",
                    "first": "Seconde guerre mondiale",
                },
            ),
        }

    def observe(self, ctx: Context, start: int, end: int) -> Iterator[Finding | Occurrence]:
        text = ctx.text
        low = text[start:end].lower()
        yield from _ministry_or_war(text, start, end, low)
        for (pattern, msg, group), gate in zip(_PROPER_PATTERNS, _PROPER_GATES, strict=True):
            if not any(word in low for word in gate):
                continue  # a C-speed look for the words the pattern needs saves its regex scan
            for m in pattern.finditer(text, start, end):
                s, e = m.span(group)
                old = m.group(group)
                if msg == "le Moyen Âge":
                    new = "Moyen Âge"
                elif old == "état":
                    new = "État"
                else:
                    new = _cap(old)
                if new != old:
                    yield make_finding(text, self.id, self.severity, s, e, _(msg), (new,))
        institutions = any(word in low for word in _INSTITUTION_GATE)
        for m in _INSTITUTION_RE.finditer(text, start, end) if institutions else ():
            s, e = m.span()
            name = m.group(0)
            fixed = _cap(name).replace("d'état", "d'État").replace("d’état", "d’État")
            yield make_finding(
                text, self.id, self.severity, s, e, _("the name of an institution takes a capital"), (fixed,)
            )
        for pattern, msg, group in _LOWER_PATTERNS if "hémisph" in low else ():
            for m in pattern.finditer(text, start, end):
                s, e = m.span(group)
                yield make_finding(text, self.id, self.severity, s, e, _(msg), (m.group(group).lower(),))


# --- German noun capitals in French -------------------------------------------------------------------------------

_DETERMINER_CAP_RE = re.compile(
    r"(?<![\w'’\-])(?:le|la|les|un|une|des|du|au|aux|ce|cet|cette|ces|son|sa|ses|leur|leurs|notre|nos|votre|vos|"
    r"mon|ma|mes|l['’]|d['’])[ \u00a0]?(?<=[ \u00a0'’])([A-ZÀ-ÖØ-Þ][a-zà-öø-ÿœ]{3,}+)(?![\w'’\-])"
)
# Nouns French does capitalise after an article: institutions, bodies, places, periods, titles, holy names.
_CAPITALISED_NOUNS = words(
    """État États Église Assemblée Sénat Parlement Conseil Commission Cour Union Nations Bourse Terre Lune Soleil
    Nord Sud Est Ouest Occident Orient Code Constitution République Élysée Premier Première Résistance Révolution
    Renaissance Antiquité Libération Parti Front Rassemblement Mouvement Trésor Banque Fonds Organisation Agence
    Office Haute Sécurité Défense Justice Intérieur Affaires Culture Santé Éducation Armées Marine Armée Ligue
    Coupe Championnat Jeux Tour Grand Grande Prix Conférence Forum Sommet Traité Accord Pacte Mondial Euro Maison
    Palais Quai Pentagone Capitole Congrès Chambre Ciel Enfer Paradis Dieu Seigneur Vierge Ténèbres Golfe Manche
    Océan Pacifique Atlantique Méditerranée Arctique Antarctique Alpes Massif Mont Lac Canal Hexagone Métropole
    Continent Monde Figaro Parisien Point Express Croix Humanité Tribune Échos Républicain Provence Dépêche Nouvel
    Matin Temps Soir Poste Gare Opéra Louvre Panthéon Sorbonne Toussaint Noël Pâques Ramadan Fête Saint Sainte
    Président Présidente Pape Roi Reine Prince Princesse Général Père Mère Prophète Une Kremlin Vatican Moyen
    Empire Ancien Régime Restauration Commune Directoire Consulat Bible Coran Torah Évangile Écriture Ordre Barreau
    Académie Institut Université Musée Bibliothèque Archives Observatoire Centre Société Compagnie Groupe Fédération
    Association Syndicat Confédération Gouvernement Administration Préfecture Mairie Région Département Conseiller
    Ministère Ministre Secrétariat Direction Inspection Parquet Tribunal Cassation Autorité Haut Bureau Comité
    Agglomération Métro Orchestre Festival Salon Exposition Biennale Mondiaux Olympiques Paralympiques Europe
    Orient Levant Maghreb Sahel Caraïbes Antilles Outre-mer Net Web Internet Toile Big Bang Shoah Holocauste
    Libérateur Chancellerie Reich Bundestag Bundesrat Landtag Sécu Smic Samu Bac Brevet Loto Cac Nasdaq"""
)
_GENTILE_SUFFIXES = (
    "ien",
    "ienne",
    "iens",
    "iennes",
    "ais",
    "aise",
    "aises",
    "ois",
    "oise",
    "oises",
    "ain",
    "aine",
    "ains",
    "aines",
)


def _spell(ctx: Context) -> Callable[[str], bool] | None:
    """The French dictionary's `check`, or None where enchant is missing (the rule then stays silent)."""

    def build() -> Callable[[str], bool] | None:
        try:
            from editor.core.spelling import SpellUnavailable, service

            svc = service("fr")
            svc.ensure()
        except (ImportError, SpellUnavailable):
            return None
        return svc.check

    return ctx.memo("casing.spell.fr", build)


_DIC_DIRS = ("/usr/share/hunspell", "/usr/share/myspell", "/usr/share/myspell/dicts", "/usr/local/share/hunspell")


@cache
def proper_nouns(tag: str = "fr_FR") -> frozenset[str]:
    """Capitalised entries of the hunspell dictionary: the names it knows (`Japon`, `Kremlin`, `Loire`).

    enchant's `check` accepts any common noun with a capital (`Japon` as well as `japon`, a porcelain), so the
    names come from the dictionary file itself; where it cannot be found the set is empty and the rule is silent.
    """
    for folder in _DIC_DIRS:
        path = Path(folder) / f"{tag}.dic"
        try:
            with path.open(encoding="utf-8", errors="replace") as f:
                return frozenset(
                    w for w in (line.split("/", 1)[0].strip() for line in f) if w[:1].isupper() and not w.isupper()
                )
        except OSError:
            continue
    return frozenset()


class GermanNounCapital(ParagraphRule):
    id = "casing.noun-capital"
    severity = Severity.INFO
    languages = frozenset({"fr"})
    description = "a common noun capitalised after an article, as German does (la Chancelière)"

    def scan(self, ctx: Context, start: int, end: int) -> Iterator[Finding]:
        text = ctx.text
        spell = _spell(ctx)
        names = proper_nouns()
        if spell is None or not names:
            return
        for m in _DETERMINER_CAP_RE.finditer(text, start, end):
            w = m.group(1)
            s, e = m.span(1)
            if (
                w in names
                or w in _CAPITALISED_NOUNS
                or w in GENTILES
                or _low(w) in GENTILES
                or w.lower().endswith(_GENTILE_SUFFIXES)
            ):
                continue
            nxt = _next_word(text, e, end)
            if not nxt[:1].islower():
                # `la Maison Blanche`, `les Îles Britanniques`: a name of several words; `une Mustang.`, `le Yang ;`:
                # a name at the end of a clause is far more often a brand or a title than a German noun
                continue
            if nxt in ("de", "du", "des", "d’", "d'") or nxt.startswith(("d'", "d’")):
                after = _next_word(text, e + 1 + len(nxt), end)
                if after[:1].isupper() or after in ("la", "l'", "l’"):
                    continue  # `la Banque de France`, `le Conseil de l'Europe`
            if text[m.start()].isupper():
                continue  # `Le Monde`, `La Poste`: a capitalised article starts a name
            _start, before = _prev_word(text, m.start(), start)
            if before.lower() in _WORK_NOUNS:
                continue  # `les éditions du Seuil`, `le journal la Croix`: a title or a publisher
            low = _low(w)
            if not spell(low):
                continue  # not a French common noun: a name, or a foreign word for another rule
            yield make_finding(
                text,
                self.id,
                self.severity,
                s,
                e,
                _("« {word} » is a common noun: French does not capitalise it (unless it names an institution)").format(
                    word=w
                ),
                (low,),
            )


RULES: list[Rule] = [
    FunctionWordCapital(),
    SentenceStart(),
    HeadingStart(),
    MonthCapital(),
    LanguageCapital(),
    NationalityCapital(),
    AccentedCapital(),
    ProperNameCapital(),
    GermanNounCapital(),
]
