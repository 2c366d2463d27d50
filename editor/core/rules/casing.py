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
  `A bientôt`), geographic and historical names (`Afrique du sud`, `océan pacifique`, `moyen âge`), ministries
  (`le ministre de l'intérieur`), `coup d'état`.

No casing fix is automatic: a capital can always be a name the rule does not know.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from editor.core.findings import Finding, Severity, make_finding
from editor.core.rules.base import Context, Rule
from editor.core.rules.typography_data import words

_WORD = r"[^\W\d_]"


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]


def _low(word: str) -> str:
    return word[:1].lower() + word[1:]


def _words_before(text: str, pos: int, limit: int = 40) -> str:
    return text[max(0, pos - limit) : pos]


# --- function words ---------------------------------------------------------------------------------------------

_FUNCTION_WORDS = {
    "fr": words(
        """Et Ou Mais Donc Car Ni Puis Avec Pour Sur Dans Par Chez Sans Sous Vers Entre Contre Après Avant Depuis
        Pendant Selon Qui Que Dont Où Est Sont Était Ont Aux Au Il Elle Ils Elles Se Son Sa Ses Leur Leurs Ce Cette
        Ces Cet En À Un Une Le La Les Du Des De"""
    ),
    "de": words("Und Oder Aber Denn Mit Für Von Zu Auf Bei Nach Aus Ist Sind War Wird Werden Dass Oder"),
}
_PARTICLES = words("Le La Les Du Des De Un Une")
_CAP_WORD_RE = re.compile(r"(?<![\w'’\-])[A-ZÀ-ÖØ-Þ][^\W\d_]*+(?![\w'’\-])")


def _prev_word(text: str, pos: int) -> tuple[str, str]:
    """(the spaces before `pos`, the word before them) within one line."""
    j = pos
    while j > 0 and text[j - 1] in " \t\u00a0" and pos - j < 8:
        j -= 1
    spaces = text[j:pos]
    k = j
    while k > 0 and (text[k - 1].isalnum() or text[k - 1] in "-") and j - k < 40:
        k -= 1
    return spaces, text[k:j]


def _next_word(text: str, pos: int) -> str:
    m = re.compile(r"[ \t\u00a0]{1,3}([^\W_][\w'’\-]*)").match(text, pos)
    return m.group(1) if m else ""


class FunctionWordCapital(Rule):
    id = "casing.function-word"
    severity = Severity.WARNING
    scope = "paragraph"
    languages = frozenset({"fr", "de"})
    description = "a function word capitalised in mid-sentence (Trump Et le président)"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        words = _FUNCTION_WORDS.get(ctx.lang, frozenset())
        for m in _CAP_WORD_RE.finditer(text):
            w = m.group(0)
            if w not in words:
                continue
            s, e = m.span()
            spaces, prev = _prev_word(text, s)
            if not spaces or not prev or s - len(spaces) < 1:
                continue
            before = text[s - len(spaces) - 1]
            if not (before.isalnum() or before == ","):
                continue  # after . : « ( — or a line start: a sentence or a quotation may begin here
            if prev.isupper() and len(prev) > 1:
                continue  # an all-capitals line
            if w in _PARTICLES and prev[:1].isupper():
                continue  # `Jean De la Fontaine`, `Marine Le Pen`
            nxt = _next_word(text, e)
            if not nxt or not nxt[0].islower():
                continue  # `La Haye`, `Ligue Des Champions`, `À 18 h`: a name, a title, a number
            yield make_finding(
                text,
                self.id,
                self.severity,
                s,
                e,
                f"« {w} » is capitalised in mid-sentence",
                (_low(w),),
            )


# --- sentence and heading starts ---------------------------------------------------------------------------------

_SENTENCE_LOWER_RE = re.compile(r"(?<=[^\W\d_]{2})\.[ \t]++(?=[a-zà-öø-ÿœ])")
_ABBREV_TAIL_RE = re.compile(r"([^\W\d_]++)$")
_FIRST_LETTER_RE = re.compile(r"[^\s\"'«“„(\[—–\-*•·]")
_SENTENCE_END_RE = re.compile(r"[^\W\d_]{2}[.!?…][ \t]++[\"«“„(]?[A-ZÀ-ÖØ-Þ]")
_CASING_ABBREVIATIONS = words(
    """etc cf ex env av apr janv févr avr juil sept oct nov déc hab vol art chap coll éd trad dir réf fig pp ibid
    op cit suiv resp approx mme mlle mgr prof ste bd vs inc ltd corp jr sr ie eg al mr mrs ms bzw usw vgl ca
    evtl ggf inkl nr str min max sq"""
)


def _starts_lower(text: str, start: int, end: int) -> int | None:
    """Where the first letter of text[start:end] is, when it is a lower-case letter that should be a capital."""
    m = _FIRST_LETTER_RE.search(text, start, min(end, start + 40))
    if m is None:
        return None
    p = m.start()
    ch = text[p]
    if not ch.islower() or not ch.isalpha():
        return None
    word = re.match(r"[\w'’\-.]*", text[p : p + 40])
    token = word.group(0) if word else ""
    if any(c.isupper() for c in token[1:]) or token.startswith(("www", "http")) or "." in token.rstrip("."):
        return None  # iPhone, eBay, www.site.fr
    return p


class SentenceStart(Rule):
    id = "casing.sentence-start"
    severity = Severity.WARNING
    scope = "paragraph"
    description = "a sentence that starts in lower case"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for m in _SENTENCE_LOWER_RE.finditer(text):
            tail = _ABBREV_TAIL_RE.search(text, max(0, m.start() - 12), m.start())
            word = tail.group(1) if tail else ""
            if word.lower() in _CASING_ABBREVIATIONS or word.isupper():
                continue
            p = m.end()
            nxt = re.match(r"[^\W\d_]++", text[p : p + 40])
            if nxt is None or any(c.isupper() for c in nxt.group(0)[1:]):
                continue
            yield make_finding(
                text,
                self.id,
                self.severity,
                p,
                p + len(nxt.group(0)),
                "a sentence starts with a capital",
                (_cap(nxt.group(0)),),
            )
        # a paragraph of several sentences that starts in lower case
        for ps, pe in ctx.paragraphs:
            if text.find("\n", ps, pe) >= 0 and _is_heading_like(text, ps, text.find("\n", ps, pe)):
                continue
            first = _starts_lower(text, ps, pe)
            if first is None or not _SENTENCE_END_RE.search(text, first, pe):
                continue
            nxt = re.match(r"[^\W\d_]++", text[first : first + 40])
            if nxt is None:
                continue
            yield make_finding(
                text,
                self.id,
                self.severity,
                first,
                first + len(nxt.group(0)),
                "a paragraph starts with a capital",
                (_cap(nxt.group(0)),),
            )


def _is_heading_like(text: str, start: int, end: int) -> bool:
    line = text[start:end].strip()
    if not line or len(line) > 90 or line[-1] in '.,;:!?…»"”)':
        return False
    return len(line.split()) <= 12


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
        for ps, pe in paras:
            nl = text.find("\n", ps, pe)
            if nl >= 0 and text[nl:pe].strip():
                continue  # several lines: not a standalone heading
            end = pe if nl < 0 else nl
            if not _is_heading_like(text, ps, end):
                continue
            p = _starts_lower(text, ps, end)
            if p is None:
                continue
            nxt = re.match(r"[^\W\d_]++", text[p : p + 40])
            if nxt is None:
                continue
            yield make_finding(
                text,
                self.id,
                self.severity,
                p,
                p + len(nxt.group(0)),
                "a heading starts with a capital",
                (_cap(nxt.group(0)),),
            )


RULES: list[Rule] = [FunctionWordCapital(), SentenceStart(), HeadingStart()]
