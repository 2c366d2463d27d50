"""French elision and contraction: what a replacement does to the words around it.

Why: a fix that swaps one word for another changes the sound its neighbours meet. `que vous` becomes `que ils`
unless `que` elides (`qu'ils`); `le Nahenvoyé` becomes `le envoyé` unless `le` elides (`l'envoyé`); `de la` +
a masculine noun becomes `de le`, which French contracts (`du`). Every replacement Galley offers goes through
`in_context` so that it arrives with its neighbours already right, and `errors` finds what is still wrong (tests
count them; the context check refuses suggestions that create one).

The rules: le, la, de, que, je, me, te, se, ne, ce (before `est`, `était`...), si (before `il`/`ils` only),
lorsque, puisque elide before a vowel or a mute h; an h aspiré (`la haine`, `le hasard`, from the `haspirater`
data) and a consonantal y (`le yaourt`) keep the full form; an elided form before a consonant gets its full form
back (`l'` takes the gender of the noun, from `editor.core.morphology`); de le → du, de les → des, à le → au,
à les → aux when `le`/`les` is an article (never before an infinitive: `de le faire`); du/au before a vowel
become de l'/à l'.
"""

from __future__ import annotations

import re
from functools import lru_cache

from editor.core import morphology

_VOWELS = frozenset("aàâäeéèêëiîïoôöuùûüœæAÀÂÄEÉÈÊËIÎÏOÔÖUÙÛÜŒÆ")
_NO_ELISION = frozenset({"onze", "onzième", "onzièmes", "oui", "ouistiti", "ouistitis", "uhlan", "uhlans"})
_Y_ELIDES = frozenset({"yeux", "yeuse", "yèble", "ypérite", "yves", "yvelines", "yvette", "yvonne", "yonne"})
# Full form → elided form (without the apostrophe).
_ELIDE = {
    "le": "l",
    "la": "l",
    "de": "d",
    "que": "qu",
    "je": "j",
    "me": "m",
    "te": "t",
    "se": "s",
    "ne": "n",
    "lorsque": "lorsqu",
    "puisque": "puisqu",
}
_CE_BEFORE = frozenset({"est", "était", "étaient", "étais", "eût", "eut", "en"})
_PRONOUN_AFTER_QUE = frozenset({"il", "ils", "elle", "elles", "on", "un", "une", "en"})
_FULL = {"d": "de", "qu": "que", "j": "je", "m": "me", "t": "te", "s": "se", "n": "ne", "c": "ce"}
_FULL.update({"lorsqu": "lorsque", "puisqu": "puisque", "jusqu": "jusque"})
_NOT_ARTICLE_AFTER = frozenset({"lui", "leur", "y", "en"})

_WORD = r"[^\W\d_](?:[^\W\d_]|-(?=[^\W\d_]))*"
_TOKEN_RE = re.compile(rf"({_WORD})(['’]?)")
_SPACE = frozenset(" \u00a0")
_ROMAN_RE = re.compile(r"[IVXLCDM]+(?:e|er|re|ème)s?$")


@lru_cache(maxsize=20_000)
def elides(word: str) -> bool | None:
    """Whether a word makes le/de/que... before it elide: True (vowel, mute h), False (consonant, h aspiré,
    consonantal y), None when the h cannot be told."""
    if not word or not word[0].isalpha():
        return False
    low = word.lower()
    first = low[0]
    if word == "y":
        return True  # the pronoun: n'y, s'y, j'y
    if len(word) == 1 or (word.isupper() and len(word) <= 4) or word[1] == "-" or _ROMAN_RE.match(word):
        return None  # a letter, an acronym, a roman numeral (au IIe siècle): read aloud any which way
    if first in _VOWELS:
        return low not in _NO_ELISION
    if first == "y":
        return low in _Y_ELIDES or (None if word[0].isupper() else False)
    if first == "h":
        if word[0].isupper():
            return None  # a name (l'Himalaya, le Hezbollah): the h depends on the name
        try:
            import haspirater

            verdicts = set(haspirater.lookup(low))
        except (ImportError, ValueError, KeyError, OSError):
            return None
        if verdicts == {True}:
            return False
        if verdicts == {False}:
            return True
        return None
    return False


def _case(form: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return form.upper()
    return form[:1].upper() + form[1:] if like[:1].isupper() else form


def article_for(word: str) -> str | None:
    """`le` or `la` for the noun or adjective `word` (what `l'` stood for), None when its gender is unknown."""
    genders = {m.gender for m in morphology.analyse(word) if m.is_("nom", "adj") and m.gender in ("mas", "fem")}
    if len(genders) != 1:
        return None
    return "le" if genders.pop() == "mas" else "la"


Fix = tuple[int, int, str | None]  # (start, end, replacement; None when the right form cannot be decided)


def _tokens(text: str, lo: int, hi: int) -> list[tuple[int, int, str, str]]:
    """(start, end, word, apostrophe) of each word between lo and hi; end excludes the apostrophe."""
    return [(m.start(1), m.end(1), m.group(1), m.group(2)) for m in _TOKEN_RE.finditer(text, lo, hi)]


def _gap(text: str, a: int, b: int) -> bool:
    """Whether text[a:b] is one run of plain spaces (what separates two words of one phrase)."""
    return 0 < b - a <= 3 and all(c in _SPACE for c in text[a:b])


def _elision_fix(text: str, tok: tuple[int, int, str, str], nxt: tuple[int, int, str, str], ap: str) -> Fix | None:
    s, e, word, apo = tok
    ns, _ne, nword, _napo = nxt
    low = word.lower()
    if apo:  # an elided form: is the next word still one that elides it?
        if ns != e + 1 or low not in (*_FULL, "l") or not word.islower():
            return None  # capitalised: a name such as M'hamed as often as a sentence start
        if low == "s" and nword.lower() in ("elle", "elles", "on"):
            return (s, ns, _case("si", word) + " ")  # only `il`/`ils` elide `si`
        if elides(nword) is not False:
            return None
        if low == "l":
            full = article_for(nword)
            return (s, ns, _case(full, word) + " " if full else None)
        return (s, ns, _case(_FULL[low], word) + " ")
    if not _gap(text, e, ns):
        return None
    nlow = nword.lower()
    target: str | None = None
    if low in _ELIDE:
        if low in ("lorsque", "puisque") and nlow not in _PRONOUN_AFTER_QUE:
            return None
        if elides(nword):
            target = _ELIDE[low]
    elif low == "ce" and nlow in _CE_BEFORE:
        target = "c"
    elif low == "si" and nlow in ("il", "ils"):
        target = "s"
    elif low in ("du", "au") and elides(nword) and not morphology.is_infinitive(nword):
        return (s, ns, _case("de" if low == "du" else "à", word) + " l" + ap)
    if target is None:
        return None
    return (s, ns, _case(target, word) + ap)


def _contraction_fix(toks: list[tuple[int, int, str, str]], i: int, text: str) -> Fix | None:
    """`de le X` → `du X`, `à les X` → `aux X` (when le/les is an article, not a pronoun before a verb)."""
    if i + 2 >= len(toks):
        return None
    (s, e, word, apo), (ms, me, mid, mapo), (ns, _ne, nword, _) = toks[i], toks[i + 1], toks[i + 2]
    low, mlow = word.lower(), mid.lower()
    if apo or mapo or low not in ("de", "à") or mlow not in ("le", "les"):
        return None
    if not (_gap(text, e, ms) and _gap(text, me, ns)):
        return None
    if mlow == "le" and elides(nword):
        return None  # `de l'…`: the elision fix handles it
    if nword.lower() in _NOT_ARTICLE_AFTER or morphology.is_infinitive(nword):
        return None
    form = {("de", "le"): "du", ("de", "les"): "des", ("à", "le"): "au", ("à", "les"): "aux"}[(low, mlow)]
    return (s, me, _case(form, word))


def errors(text: str, lo: int = 0, hi: int | None = None, apostrophe: str = "'") -> list[Fix]:
    """Every missing or wrong elision and contraction in text[lo:hi], as (start, end, fixed text) in order.

    The fixed text is None where the right form cannot be decided (`l'` before a word of unknown gender).
    Fixes never overlap: where two would, the first wins and the second is found on the next pass.
    """
    hi = len(text) if hi is None else hi
    toks = _tokens(text, lo, hi)
    out: list[Fix] = []
    last_end = -1
    for i, tok in enumerate(toks):
        if tok[0] < last_end:
            continue
        fix = _contraction_fix(toks, i, text)
        if fix is None and i + 1 < len(toks):
            fix = _elision_fix(text, tok, toks[i + 1], apostrophe)
        if fix is not None:
            out.append(fix)
            last_end = fix[1]
    return out


def apostrophe_of(text: str) -> str:
    """The apostrophe a text uses (typographic ’ or straight '), for the elisions Galley writes into it."""
    return "’" if text.count("’") > text.count("'") else "'"


def normalise(phrase: str, focus: tuple[int, int] | None = None, apostrophe: str = "'") -> str:
    """`phrase` with its elisions and contractions made right (only those touching `focus`, when given)."""
    a, b = focus if focus is not None else (0, len(phrase))
    for _ in range(4):  # each pass fixes non-overlapping pairs; a contraction may enable an elision
        changed = False
        for s, e, new in reversed(errors(phrase, apostrophe=apostrophe)):
            if new is None or e < a - 1 or s > b + 1:
                continue
            phrase = phrase[:s] + new + phrase[e:]
            delta = len(new) - (e - s)
            if s <= b:
                b += delta
            changed = True
        if not changed:
            break
    return phrase


def _word_start(text: str, pos: int) -> int:
    while pos > 0 and (text[pos - 1].isalpha() or text[pos - 1] in "'’-"):
        pos -= 1
    return pos


def _word_end(text: str, pos: int) -> int:
    n = len(text)
    while pos < n and (text[pos].isalpha() or text[pos] in "'’-"):
        pos += 1
    return pos


def window(text: str, start: int, end: int, before: int = 2, after: int = 2) -> tuple[int, int]:
    """(start, end) of `before` words before `start` and `after` words after `end`, within the line."""
    ws = start
    for _ in range(before):
        p = ws
        while p > 0 and text[p - 1] in _SPACE:
            p -= 1
        q = _word_start(text, p)
        if q == p:
            break
        ws = q
    we = end
    for _ in range(after):
        p = we
        while p < len(text) and text[p] in _SPACE:
            p += 1
        q = _word_end(text, p)
        if q == p:
            break
        we = q
    return ws, we


def in_context(text: str, start: int, end: int, replacement: str) -> tuple[int, int, str]:
    """The replacement of text[start:end] widened to the neighbours its elisions and contractions change.

    Returns (start, end, replacement) in `text` coordinates: the span grows to whole neighbouring words when one
    of them must change (`que` + `vous êtes` → `ils sont` gives the span of `que vous êtes` and `qu'ils sont`).
    """
    ws, we = window(text, start, end)
    old = text[ws:we]
    new = text[ws:start] + replacement + text[end:we]
    a = start - ws
    local = old + replacement
    if not ("'" in local or "’" in local):
        local = text[max(0, start - 2000) : end + 2000]  # the nearby text, never the whole (cost per finding)
    apostrophe = apostrophe_of(local)
    fixed = normalise(new, (a, a + len(replacement)), apostrophe)
    if fixed == new:
        return start, end, replacement
    p = 0
    limit = min(start - ws, len(fixed))
    while p < limit and old[p] == fixed[p]:
        p += 1
    q = 0
    limit = min(we - end, len(fixed) - p)
    while q < limit and old[len(old) - 1 - q] == fixed[len(fixed) - 1 - q]:
        q += 1
    p = _word_start(old, p)
    q_old = _word_end(old, len(old) - q)
    q = len(old) - q_old
    return ws + p, we - q, fixed[p : len(fixed) - q]
