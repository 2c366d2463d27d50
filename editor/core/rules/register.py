"""Register: second-person pronouns in third-person news narration.

Machine translation from German turns `Sie` ("they", and the polite "you") into `vous`, and `Ihr`/`ihre`
("their") into `votre`/`vos`. In a news report written in the third person, a `vous` outside quotes is
therefore almost always a mistranslated "they". The rule is document-scoped because the evidence that a text is
third-person narration (reporting verbs, few second-person sentences, no interview, no instructions) is a property
of the whole article; a single sentence can only ever earn an `info`.

Severity:
- nothing inside quotes (« », “ ”, „ “, "...") and nothing in `s'il vous plaît`, `rendez-vous`, inversions
  (`pouvez-vous`) and imperatives (`dites-vous`): those are legitimate direct address;
- `info` when the sentence or article looks like direct address (a question, first person, a vocative like
  `Monsieur le Président`, `si vous`, an imperative, an interview, a guide with many `vous`, an advert's offer
  verb, a singular attribute as in `vous n'êtes pas un robot`);
- `warning` only when the article is otherwise third-person narration and the pronoun sits outside quotes.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from editor.core.findings import Finding, Severity, make_finding
from editor.core.i18n import _
from editor.core.rules.base import Context, Rule
from editor.core.text import paragraphs

_OPENERS = {"«": "»", "“": "”", "„": "“", "‹": "›"}


_QUOTE_CHARS_RE = re.compile('["«»“”„‹›]')


def quoted_spans(text: str, paras: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """(start, end) of every quotation, marks included, in one pass.

    French « », English “ ”, German „ “ and straight "..." are recognised; a quote never runs past its paragraph
    (an unclosed « is taken to run to the paragraph's end, as multi-paragraph quotes do; an unclosed straight
    quote is ignored, since a lone `"` is as often an inch mark or markup debris).
    """
    spans: list[tuple[int, int]] = []
    for p_start, p_end in paragraphs(text) if paras is None else paras:
        stack: list[tuple[str, int]] = []  # (expected closer, start)
        straight: int | None = None
        for m in _QUOTE_CHARS_RE.finditer(text, p_start, p_end):
            i = m.start()
            ch = text[i]
            if ch == '"':
                if stack:
                    continue
                if straight is None:
                    straight = i
                else:
                    spans.append((straight, i + 1))
                    straight = None
            elif stack and ch == stack[-1][0]:
                _closer, start = stack.pop()
                if not stack:
                    spans.append((start, i + 1))
            elif ch in _OPENERS:
                if straight is None:
                    stack.append((_OPENERS[ch], i))
            elif ch in "»”›" and stack:
                # a mismatched closer: close the outermost quote rather than lose track
                spans.append((stack[0][1], i + 1))
                stack.clear()
        if stack:
            spans.append((stack[0][1], p_end))
    spans.sort()
    return spans


def inside(spans: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    """Whether `pos` lies inside one of the sorted, non-nested `spans` (`starts` = their start offsets)."""
    i = bisect_right(starts, pos) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


_PRONOUN_RE = re.compile(r"(?i)(?<![\w'’-])(?:vous|votre|vos|vôtres?)(?![\w'’-])")
_MANY = 50  # beyond this many pronouns making 3% of the words, a text is direct address, not narration
_PRONOUNS = {"vous", "votre", "vos", "vôtre", "vôtres"}
_FIRST_PERSON = {"je", "j", "me", "m", "moi", "nous", "notre", "nos", "mon", "ma", "mes", "mien", "mienne"}
_VOCATIVES = {"monsieur", "madame", "messieurs", "mesdames", "mademoiselle", "chers", "chères", "cher", "chère"}
_CONDITIONAL = {"si", "lorsque", "quand", "lorsqu", "dès", "pendant", "avant", "après"}
_PREPOSITIONS = {
    "à",
    "pour",
    "avec",
    "chez",
    "de",
    "sans",
    "entre",
    "contre",
    "par",
    "vers",
    "selon",
    "envers",
    "sur",
    "sous",
    "derrière",
    "devant",
    "comme",
}
# Words whose presence outside quotes says "a reporter is telling what others said or did".
_NARRATION_RE = re.compile(
    r"(?i)\b(?:selon|d'après|a déclaré|ont déclaré|a indiqué|ont indiqué|a affirmé|ont affirmé|a annoncé"
    r"|ont annoncé|a expliqué|a confirmé|a précisé|a souligné|souligne|soulignent|estime|estiment|a ajouté"
    r"|a rappelé|a assuré|a estimé|a dit|a répondu|a mentionné|a constaté|a exigé|a démenti|porte-parole)\b"
)
_NOT_IMPERATIVE = {"chez", "assez", "nez", "rez"}
# A business offering something to its customer (`la Sologne vous propose`, `l'hôtel vous accueille`): adverts and
# service pages speak to their reader. A mistranslated `Sie` (they) is the subject of a verb in the second person
# plural (`vous proposez`), never the object of one in the third person singular; `votre` elsewhere in such a
# sentence is the same address. (`pour prolonger votre visite` alone proves nothing: `ihren Besuch`, their visit,
# gives the same words.)
_SERVICE_RE = re.compile(
    r"(?i)(?<!\w)vous (?:propose|proposent|offre|offrent|invite|invitent|accueille|accueillent|attend|attendent"
    r"|accompagne|accompagnent|conseille|conseillent|garantit|garantissent|souhaite|souhaitent|fait découvrir"
    r"|font découvrir)(?!\w)"
)
# `vous` with a singular attribute (`vérifier que vous n'êtes pas un robot`, `vous êtes une cliente fidèle`)
# speaks to one person: a mistranslated `sie` (they) would take a plural one (`ils ne sont pas des robots`).
_ONE_PERSON_RE = re.compile(
    r"(?i)(?<!\w)vous (?:n['’]|ne )?(?:êtes|étiez|serez|seriez|soyez|restez|devenez)(?: pas| plus| jamais)?"
    r" (?:un|une)(?!\w)"
)
_FIRST_PERSON_RE = re.compile(r"(?i)(?<!\w)(?:je|j['’]|nous|notre|nos|moi|mon|mes|m['’])(?!\w)")
_GENERIC_YOU_RE = re.compile(r"(?i)(?<!\w)(?:si|lorsque|lorsqu['’]|quand|dès que) ?vous(?!\w)")
_EZ_END_RE = re.compile(r"ez(?![\w-])")  # the end of a second-person plural form
_DIALOGUE_RE = re.compile(r"[ \t]*+(?:[—–\-]|[QR][ \u00a0\u202f]?+[:.])")
_SENTENCE_END_RE = re.compile(r"[.!?…\n]")
_WORD_RE = re.compile(r"[^\W\d_]++")

_IRREGULAR_3PL = {
    "êtes": "sont",
    "étiez": "étaient",
    "serez": "seront",
    "seriez": "seraient",
    "soyez": "soient",
    "avez": "ont",
    "aviez": "avaient",
    "aurez": "auront",
    "auriez": "auraient",
    "ayez": "aient",
    "faites": "font",
    "ferez": "feront",
    "dites": "disent",
    "allez": "vont",
    "irez": "iront",
    "pouvez": "peuvent",
    "pourrez": "pourront",
    "voulez": "veulent",
    "voudrez": "voudront",
    "devez": "doivent",
    "devrez": "devront",
    "savez": "savent",
    "saurez": "sauront",
    "verrez": "verront",
    "buvez": "boivent",
    "recevez": "reçoivent",
    "voyez": "voient",
    "croyez": "croient",
}


def third_plural(verb: str) -> str | None:
    """The third-person plural of a second-person plural verb form, where it can be derived safely."""
    low = verb.lower()
    if low in _IRREGULAR_3PL:
        out = _IRREGULAR_3PL[low]
    elif low.endswith("iez"):
        out = low[:-3] + "aient"  # imperfect and conditional: connaissiez → connaissaient
    elif low.endswith(("venez", "tenez")):
        out = low[:-4] + "iennent"  # venez → viennent, obtenez → obtiennent
    elif low.endswith("prenez"):
        out = low[:-2] + "nent"  # prenez → prennent
    elif low.endswith(("ndrez", "oudrez")):
        out = low[:-2] + "ont"  # future: viendrez → viendront, voudrez → voudront
    elif low.endswith("erez") and not low.endswith(("érez", "èrez", "errez")):
        out = low[:-2] + "ont"  # future of -er verbs: parlerez → parleront
    elif low.endswith("ez") and len(low) > 3:
        out = low[:-2] + "ent"  # present: déclarez → déclarent
    else:
        return None
    return out[0].upper() + out[1:] if verb[:1].isupper() else out


def _is_2pl_verb(word: str) -> bool:
    low = word.lower()
    if "'" in low or "’" in low:
        return False
    return low in _IRREGULAR_3PL or (low.endswith("ez") and len(low) > 3) or low.endswith("âtes")


# What follows a verb when it already has its direct object or a completive clause (`rappellent que`, `demandent
# de`, `donnent la parole`): the person before it is then the indirect object, `leur`, not `les`.
_OBJECT_OR_CLAUSE = {
    "que", "qu'", "qu’", "de", "d'", "d’", "le", "la", "les", "l'", "l’", "un", "une", "des", "du", "ce", "cet",
    "cette", "ces", "son", "sa", "ses", "leur", "leurs", "notre", "nos", "plusieurs", "si",
}  # fmt: skip


def _person_is_indirect(text: str, words: list[tuple[int, int]], k: int) -> bool:
    """Whether the object pronoun before the verb words[k] stands for `à eux` (`leur`): the dictionary's
    morphology says the verb is built with an indirect object (`rappeler qqch à qqn`, `répondre à qqn`), and
    either it has no direct construction or its direct object or clause follows it."""
    from editor.core import morphology

    if k >= len(words):
        return False
    s, e = words[k]
    readings = [m for m in morphology.analyse(text[s:e]) if any(p.startswith("v") and "_" in p for p in m.pos)]
    flags = {p.split("_", 1)[1] for m in readings for p in m.pos if p.startswith("v") and "_" in p}
    if not any("n" in f for f in flags):
        return False
    if not any("t" in f for f in flags):
        return True
    if k + 1 >= len(words) or text[e : words[k + 1][0]].strip():
        return False
    after = text[words[k + 1][0] : words[k + 1][1]].lower()
    head = after.split("'", 1)[0].split("’", 1)[0]
    return after in _OBJECT_OR_CLAUSE or (head != after and head + "'" in _OBJECT_OR_CLAUSE)


def _cap(word: str, like: str) -> str:
    return word[0].upper() + word[1:] if like[:1].isupper() else word


@dataclass(slots=True)
class _DocSignals:
    narration: bool
    sentences: int
    second_person_sentences: int
    questions: int


def _is_heading(text: str, start: int, end: int) -> bool:
    """A short line standing alone, without a full stop: a headline or a subheading."""
    line = text[start:end].strip()
    if not line or len(line) > 120 or line[-1] in '.!?…:;,»”"':
        return False
    before_blank = start == 0 or text[max(0, start - 2) : start] == "\n\n" or start == 1
    after_blank = end >= len(text) or text[end : end + 2] == "\n\n" or end + 1 >= len(text)
    return before_blank and after_blank


class SecondPersonRule(Rule):
    id = "register.second-person"
    severity = Severity.WARNING
    scope = "document"
    languages = frozenset({"fr"})
    description = "vous/votre/vos in third-person news narration: a mistranslated German Sie/Ihr (they/their)"

    def check(self, ctx: Context) -> Iterable[Finding]:
        text = ctx.text
        words = ctx.words
        hits = []
        for m in _PRONOUN_RE.finditer(text):
            i = bisect_left(words, (m.start(), -1))
            if i < len(words) and words[i] == m.span():  # a whole word, not part of `rendez-vous`
                hits.append(i)
        if not hits or (len(hits) > _MANY and len(hits) * 100 > len(words) * 3):
            return []  # addressed to its reader throughout (a guide, a letter): no narration to repair
        quoted = ctx.memo("register.quotes", lambda: quoted_spans(text, ctx.paragraphs))
        starts = [s for s, _ in quoted]
        bounds = [m.start() for m in _SENTENCE_END_RE.finditer(text)]
        newlines = [b for b in bounds if text[b] == "\n"]
        lazy: list[_DocSignals] = []  # the article-wide evidence, computed once, and only if a verdict needs it

        def signals() -> _DocSignals:
            if not lazy:
                lazy.append(self._signals(text, words, hits, quoted, starts, bounds))
            return lazy[0]

        out: list[Finding] = []
        by_sentence: dict[int, Severity] = {}  # one verdict per sentence keeps this linear
        skip_next = False
        for n, i in enumerate(hits):
            if skip_next:
                skip_next = False
                continue
            s, e = words[i]
            if inside(quoted, starts, s):
                continue
            word = text[s:e]
            low = word.lower()
            prev = text[words[i - 1][0] : words[i - 1][1]].lower() if i > 0 else ""
            nxt = text[words[i + 1][0] : words[i + 1][1]] if i + 1 < len(words) else ""
            if low == "vous" and prev in {"il", "s'il", "s’il"} and nxt.lower() in {"plaît", "plait"}:
                continue
            k = bisect_left(bounds, s)
            severity = by_sentence.get(k)
            if severity is None:
                severity = by_sentence[k] = self._severity(text, words, i, quoted, starts, bounds, newlines, signals)
            end = e
            if low == "votre":
                suggestions: tuple[str, ...] = (_cap("leur", word),)
                msg = _("« votre » in news narration: a machine translation of German « Ihr » (their)? → « leur »")
            elif low == "vos":
                suggestions = (_cap("leurs", word),)
                msg = _("« vos » in news narration: a machine translation of German « Ihre » (their)? → « leurs »")
            elif low in {"vôtre", "vôtres"}:
                suggestions = (_cap("leur" if low == "vôtre" else "leurs", word),)
                msg = _(
                    "« {word} » in news narration: a machine translation of German « ihr » (theirs)? → « leur »"
                ).format(word=low)
            else:
                suggestions, end, skip = self._vous(text, words, i, prev, nxt)
                skip_next = skip and n + 1 < len(hits) and hits[n + 1] == i + 1
                if suggestions[0] in {"les", "eux"}:
                    msg = (
                        _(
                            "« vous » in news narration: a machine translation of German « Sie » (them)? "
                            "→ « les » or « leur »"
                        )
                        if suggestions[0] == "les"
                        else _("« vous » in news narration: a machine translation of German « Sie » (them)? → « eux »")
                    )
                else:
                    msg = _(
                        "« vous » in news narration: a machine translation of German « Sie » (they)? → « ils/elles »"
                    )
            out.append(make_finding(text, self.id, severity, s, end, msg, suggestions))
        return out

    @staticmethod
    def _vous(
        text: str, words: list[tuple[int, int]], i: int, prev: str, nxt: str
    ) -> tuple[tuple[str, ...], int, bool]:
        """Suggestions for one `vous`, the end of the span they replace, and whether the next `vous` is covered."""
        s, e = words[i]
        word = text[s:e]
        gap_ok = i + 1 < len(words) and text[e : words[i + 1][0]].strip() == ""
        if prev == "vous":
            return ("se",), e, False  # reflexive half of "vous vous êtes"
        if gap_ok and nxt.lower() == "vous" and i + 2 < len(words):
            verb_s, verb_e = words[i + 2]
            verb = text[verb_s:verb_e]
            plural = third_plural(verb) if _is_2pl_verb(verb) else None
            if plural and text[words[i + 1][1] : verb_s].strip() == "":
                return (
                    (f"{_cap('ils', word)} se {plural}", f"{_cap('elles', word)} se {plural}"),
                    verb_e,
                    True,
                )
        if gap_ok and _is_2pl_verb(nxt):
            plural = third_plural(nxt)
            if plural:
                verb_e = words[i + 1][1]
                return (f"{_cap('ils', word)} {plural}", f"{_cap('elles', word)} {plural}"), verb_e, False
            return (_cap("ils", word), _cap("elles", word)), e, False
        apostrophe = next((c for c in "'’" if c in nxt), "")
        if gap_ok and apostrophe:  # "vous n'êtes", "vous l'avez"
            head, tail = nxt.split(apostrophe, 1)
            plural = third_plural(tail) if _is_2pl_verb(tail) and len(head) == 1 else None
            if plural:
                verb = f"{head}{apostrophe}{plural}" if plural[0] in "aeiouhéèêâîôûy" else f"{head}e {plural}"
                return (f"{_cap('ils', word)} {verb}", f"{_cap('elles', word)} {verb}"), words[i + 1][1], False
        if nxt.lower() in {"ne", "y", "en"} or apostrophe:
            return (_cap("ils", word), _cap("elles", word)), e, False
        if prev in _PREPOSITIONS:
            return ("eux", "elles"), e, False
        if gap_ok and _person_is_indirect(text, words, i + 1):
            return ("leur", "les", "ils", "elles"), e, False  # `vous rappellent que` → `leur rappellent que`
        return ("les", "leur", "ils", "elles"), e, False

    @staticmethod
    def _signals(
        text: str,
        words: list[tuple[int, int]],
        hits: list[int],
        quoted: list[tuple[int, int]],
        starts: list[int],
        bounds: list[int],
    ) -> _DocSignals:
        narration = any(not inside(quoted, starts, m.start()) for m in _NARRATION_RE.finditer(text))
        # sentences that hold at least one word
        sentences = 0
        prev = -1
        for b in [*bounds, len(text)]:
            if _WORD_RE.search(text, prev + 1, b):
                sentences += 1
            prev = b
        with_second = {bisect_left(bounds, words[i][0]) for i in hits if not inside(quoted, starts, words[i][0])}
        questions = sum(1 for b in bounds if text[b] == "?" and not inside(quoted, starts, b))

        def sentences_with(matches: Iterable[re.Match[str]]) -> set[int]:
            return {bisect_left(bounds, m.start()) for m in matches if not inside(quoted, starts, m.start())}

        first_person = sentences_with(_FIRST_PERSON_RE.finditer(text))
        instructions = sentences_with(_GENERIC_YOU_RE.finditer(text))
        for m in _EZ_END_RE.finditer(text):  # imperatives: a literal search, then a look at the word
            if len(instructions) >= 2:
                break
            k = bisect_left(words, (m.end(), -1)) - 1
            if k < 0 or words[k][1] != m.end() or inside(quoted, starts, m.start()):
                continue
            ws, we = words[k]
            w = text[ws:we]
            low = w.lower()
            if len(w) <= 3 or low in _NOT_IMPERATIVE or "-" in w or "'" in w or "’" in w:
                continue
            sentence_start = ws == 0 or text[max(0, ws - 2) : ws] in {". ", "! ", "? ", "\n"} or text[ws - 1] == "\n"
            if not (w[0].islower() or sentence_start):
                continue  # a name: Sánchez, Rodriguez
            before = {text[a:b].lower() for a, b in words[max(0, k - 3) : k]}
            if "vous" not in before:
                instructions.add(bisect_left(bounds, ws))
        # a speech, an op-ed, a leaflet or a guide addresses its reader on purpose: its `vous` are not Sie
        address = len(instructions) >= 2 or (len(first_person) >= 2 and len(first_person) * 10 >= sentences)
        return _DocSignals(narration and not address, sentences, len(with_second), questions)

    @staticmethod
    def _severity(
        text: str,
        words: list[tuple[int, int]],
        i: int,
        quoted: list[tuple[int, int]],
        starts: list[int],
        bounds: list[int],
        newlines: list[int],
        signals: Callable[[], _DocSignals],
    ) -> Severity:
        """Warning only when both the sentence and the article read as third-person narration."""
        pos = words[i][0]
        k = bisect_left(bounds, pos)
        s_start = bounds[k - 1] + 1 if k > 0 else 0
        s_end = bounds[k] if k < len(bounds) else len(text)
        if s_end < len(text) and text[s_end] == "?":
            return Severity.INFO  # a question: interviews, rhetorical address
        n = bisect_left(newlines, pos)
        line_start = newlines[n - 1] + 1 if n > 0 else 0
        if _DIALOGUE_RE.match(text, line_start):
            return Severity.INFO  # an interview or a dialogue line: "— Vous avez dit...", "Q : ..."
        line_end = newlines[n] if n < len(newlines) else len(text)
        if _is_heading(text, line_start, line_end):
            return Severity.INFO  # "Ce que vous devez savoir": headlines address their reader
        if _SERVICE_RE.search(text, s_start, s_end):
            return Severity.INFO  # an advert or a service page speaking to its customer
        if _ONE_PERSON_RE.search(text, s_start, s_end):
            return Severity.INFO  # `vous n'êtes pas un robot`: one person addressed, not `sie` (they)
        first = True
        j = bisect_left(words, (s_start, -1))
        recent: list[str] = []  # the last three words, for "vous ne l'avez"
        while j < len(words) and words[j][0] < s_end:
            ws, we = words[j]
            raw = text[ws:we]
            w = raw.lower()
            before, recent = recent, [*recent[-2:], w]
            if not inside(quoted, starts, ws):
                head = w.split("'", 1)[0].split("’", 1)[0]
                if head in _FIRST_PERSON or w in _VOCATIVES:
                    return Severity.INFO
                if (w in _CONDITIONAL or head in _CONDITIONAL) and j + 1 < len(words):
                    nxt = text[words[j + 1][0] : words[j + 1][1]].lower()
                    if nxt == "vous":
                        return Severity.INFO  # "si vous ...": instructions, generic you
                if first and (
                    (w.endswith("ez") and w not in _NOT_IMPERATIVE)
                    or w.startswith("veuillez")
                    or "-vous" in w
                    or "-nous" in w
                ):
                    return Severity.INFO  # imperative at the start of a sentence
                if "-vous" in w:
                    return Severity.INFO
                if (
                    raw[:1].islower()
                    and len(w) > 3
                    and w.endswith("ez")
                    and w not in _NOT_IMPERATIVE
                    and "vous" not in before
                ):
                    return Severity.INFO  # an imperative inside the sentence: "pour en savoir plus, contactez..."
                first = False
            j += 1
        sig = signals()
        interview = sig.questions >= 3 and sig.questions * 5 >= sig.sentences
        guide = sig.second_person_sentences * 3 > sig.sentences
        if not sig.narration or interview or guide:
            return Severity.INFO
        return Severity.WARNING


RULES = [SecondPersonRule()]
