"""Agreement around a replacement: determiners and adjectives follow the new noun, predicates the new subject.

Why: a glossary or translation fix replaces a foreign noun whose gender the surrounding machine-translated words
guessed (`de la US Intelligence Agency`); the French noun decides (`renseignement` is masculine: `du
renseignement américain`). A register fix turns `vous` (which may be a polite singular) into `ils`/`elles`, so
the predicative adjective or participle becomes plural (`vous êtes proche` → `ils sont proches`). Gender and
number come from the French dictionary's morphology (`editor.core.morphology`), or from the glossary entry.

Both functions return the replacement widened to the words they changed; `decided` is False when a determiner
needs a gender nobody knows (the caller says so instead of proposing a wrong form).
"""

from __future__ import annotations

import re

from editor.core import french, morphology

# determiner (lower case) → (family, number); the family's forms are in _FORMS
_DETERMINERS: dict[str, tuple[str, str]] = {
    "le": ("def", "sg"),
    "la": ("def", "sg"),
    "les": ("def", "pl"),
    "un": ("ind", "sg"),
    "une": ("ind", "sg"),
    "du": ("de", "sg"),
    "de la": ("de", "sg"),
    "des": ("de", "pl"),
    "au": ("à", "sg"),
    "à la": ("à", "sg"),
    "aux": ("à", "pl"),
    "ce": ("dem", "sg"),
    "cet": ("dem", "sg"),
    "cette": ("dem", "sg"),
    "ces": ("dem", "pl"),
    "son": ("pos3", "sg"),
    "sa": ("pos3", "sg"),
    "ses": ("pos3", "pl"),
}
_FORMS = {
    "def": {"mas": "le", "fem": "la", "pl": "les"},
    "ind": {"mas": "un", "fem": "une", "pl": "des"},
    "de": {"mas": "de le", "fem": "de la", "pl": "de les"},
    "à": {"mas": "à le", "fem": "à la", "pl": "à les"},
    "dem": {"mas": "ce", "fem": "cette", "pl": "ces"},
    "pos3": {"mas": "son", "fem": "sa", "pl": "ses"},
}
_ELIDED_ARTICLE_RE = re.compile(r"(?:^|(?<=[\s(«“\"]))([lL])['’]$")
_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
_ADVERBS = frozenset({"pas", "plus", "très", "bien", "déjà", "toujours", "aussi", "encore", "trop", "jamais", "si"})
_ETRE = frozenset({"sont", "étaient", "seront", "seraient", "soient", "furent", "fussent"})
_AVOIR = frozenset({"ont", "avaient", "auront", "auraient", "aient", "eurent"})


def _case(form: str, like: str) -> str:
    return form[:1].upper() + form[1:] if like[:1].isupper() else form


def _determiner_before(text: str, start: int) -> tuple[int, str] | None:
    """(start, text) of the determiner right before `start` (one space apart, or `l'` glued to it)."""
    if _ELIDED_ARTICLE_RE.search(text, max(0, start - 3), start):
        return start - 2, text[start - 2 : start]
    if start < 2 or text[start - 1] not in " \u00a0":
        return None
    head = text[max(0, start - 8) : start - 1]
    for det in sorted(_DETERMINERS, key=len, reverse=True):
        if head.lower().endswith(det):
            ds = start - 1 - len(det)
            if ds == 0 or not (text[ds - 1].isalnum() or text[ds - 1] in "'’-"):
                return ds, text[ds : start - 1]
    return None


def _features(rep: str, gender: str | None) -> tuple[str, str] | None:
    words = _WORD_RE.findall(rep)
    if not words:
        return None
    found = morphology.noun_features(words[0])
    if gender in ("mas", "fem"):
        return gender, (found[1] if found else "sg")
    return found


def _plural(rep: str, gender: str) -> str | None:
    """The noun phrase `rep` in the plural: its head noun and the adjectives up to the first other word."""
    words = list(_WORD_RE.finditer(rep))
    out = rep
    for k, m in enumerate(words):
        w = m.group()
        form = morphology.inflect(w, gender, "pl", ("nom",) if k == 0 else ("adj", "ppas"))
        if form is None:
            if k == 0:
                return None
            break
        delta = len(out) - len(rep)  # what the earlier words grew by
        out = out[: m.start() + delta] + form + out[m.end() + delta :]
    return out


def agree(text: str, start: int, end: int, rep: str, gender: str | None = None) -> tuple[int, int, str, bool]:
    """The replacement of a noun phrase with the determiner before it and the adjective after it agreeing.

    Returns (start, end, replacement, decided). Names (a capitalised head the dictionary does not know) and
    replacements that bring their own article leave the determiner alone.
    """
    words = _WORD_RE.findall(rep)
    if not words or words[0].lower() in _DETERMINERS or words[0].lower() in ("l", "les"):
        return start, end, rep, True
    feats = _features(rep, gender)
    det = _determiner_before(text, start)
    s, e, out = start, end, rep
    if feats is None or feats[0] == "epi":
        unknown_common = feats is None and words[0][:1].islower()
        gendered = det is not None and det[1].lower() not in ("les", "des", "aux", "ces", "ses")
        return start, end, rep, not (unknown_common and gendered)
    g, n = feats
    if det is not None and n == "sg" and _DETERMINERS.get(det[1].lower(), ("", ""))[1] == "pl":
        plural = _plural(rep, g)  # `des Kernkraftwerk vieillissants`: the text says several
        if plural is None:
            return start, end, rep, False
        out, n = plural, "pl"
    if det is not None:
        ds, dtext = det
        low = dtext.lower()
        family = "def" if low in ("l'", "l’") else _DETERMINERS[low][0]
        key = "pl" if n == "pl" else g
        form = _FORMS[family][key]
        if family in ("pos3", "dem") and key == "fem" and french.elides(words[0]):
            form = "son" if family == "pos3" else "cet"
        elif family == "dem" and key == "mas" and french.elides(words[0]):
            form = "cet"
        if form != low:
            s = ds
            out = _case(form, dtext) + " " + out
    m = re.match(r"[ \u00a0]([^\W\d_][\w-]*)", text[end : end + 40])
    if m and morphology.is_adjective(m.group(1)):
        adj = morphology.inflect(m.group(1), g, "pl" if n == "pl" else "sg")
        if adj and adj != m.group(1):
            e = end + m.end()
            out = out + text[end : end + m.start(1)] + adj
    return s, e, out, True


def predicate(text: str, start: int, end: int, rep: str) -> tuple[int, int, str]:
    """A register fix (`vous êtes` → `ils sont`) with the predicative adjective or participle after it plural."""
    words = _WORD_RE.findall(rep)
    if len(words) < 2 or words[0].lower() not in ("ils", "elles"):
        return start, end, rep
    gender = "mas" if words[0].lower() == "ils" else "fem"
    verb = words[-1].lower()
    pos = end
    if verb in _AVOIR:
        m = re.match(r"[ \u00a0]+été(?![\w'’-])", text[pos : pos + 12])
        if not m:
            return start, end, rep
        pos += m.end()
    elif verb not in _ETRE:
        return start, end, rep
    for _ in range(3):
        m = re.match(r"[ \u00a0]+([^\W\d_][\w-]*)(?![\w'’])", text[pos : pos + 40])
        if not m:
            return start, end, rep
        word = m.group(1)
        if word.lower() in _ADVERBS:
            pos += m.end()
            continue
        readings = morphology.analyse(word)
        if not any(r.is_("adj", "ppas") for r in readings) or morphology.is_verb_form(word):
            return start, end, rep
        plural = morphology.inflect(word, gender, "pl")
        if not plural or plural == word:
            return start, end, rep
        new_end = pos + m.end()
        return start, new_end, rep + text[end : pos + m.start(1)] + plural
    return start, end, rep
