"""Suggestions checked in their sentence before they are offered, and applying first suggestions in batch.

Why: a suggestion is judged by the text it produces, not by the word it replaces. `vous êtes` → `ils sont` is
right alone and wrong after `que` (`que ils`); `conclusion` is right for `fazit` and wrong at the start of a
heading. So every word-level suggestion is

1. put in context: its elisions, contractions and agreements with the neighbouring words are made
   (`editor.core.french`, `editor.core.agreement`), which may widen the finding to those words;
2. applied to its sentence, and the sentence re-analysed with the paragraph rules: a finding the suggestion
   creates is repaired with that finding's own first suggestion when it lies inside the replacement (`conclusion`
   → `Conclusion`), otherwise the suggestion is dropped — never offered as is;
3. where two findings cover the same words and one's checked suggestion also clears the other (`fazit`: casing
   `Fazit` and glossary `Conclusion`), the two become one finding with that combined suggestion.

`checked_suggestions` is what the engine runs on every analysis; `apply_first_suggestions` is the batch side
(`galley clean --apply`): it applies the first suggestion of the chosen findings with the same checks.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import replace
from functools import lru_cache

from editor.core import french
from editor.core.findings import Finding
from editor.core.i18n import _
from editor.core.rules.base import CheckConfig, Context, Rule

#: Categories whose suggestions replace words (and so can break the grammar around them).
WORD_CATEGORIES = frozenset({"terminology", "register", "foreign", "spelling", "casing", "repetition"})
#: Categories whose findings on the suggestion's own words are Galley's own proposals, not new damage.
_OWN_WORD_CATEGORIES = frozenset({"spelling", "foreign"})
#: What a changed word can break in its sentence: a repeated word, a wrong form again, a capital. (Spelling of
#: the suggestion's own words is Galley's own choice; punctuation, links and markup are not touched by it.)
_RECHECKED = frozenset({"repetition", "terminology", "casing"})
_SENTENCE_END_RE = re.compile(r"[.!?…]\s|\n")
_MAX_SENTENCE = 160
_LETTER_RE = re.compile(r"[^\W\d_]")
_OWN_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
#: (rules with a finding on the replaced words, findings counted by (rule, text), elision/contraction errors)
_Before = tuple[set[str], Counter[tuple[str, str]], set[str]]


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) of the sentence(s) around [start, end): out to a sentence end or a line break, capped at a
    few words beyond the replaced ones (what a changed word can break is near it)."""
    lo = max(0, start - _MAX_SENTENCE)
    s = lo
    for m in _SENTENCE_END_RE.finditer(text, lo, start):
        s = m.end()
    m2 = _SENTENCE_END_RE.search(text, end, min(len(text), end + _MAX_SENTENCE))
    e = m2.start() + 1 if m2 else min(len(text), end + _MAX_SENTENCE)
    return s, max(e, end)


#: (language, configuration) → (the glossary it was read with, sentence → its findings). The findings of a
#: sentence depend only on its text, the language, the configuration and the glossary file, so they are kept across
#: articles (news repeats its phrases, a site its boilerplate), bounded, and dropped when the glossary changes.
_SHARED: dict[tuple[str, CheckConfig], tuple[object, dict[str, list[Finding]]]] = {}
_SHARED_MAX = 5000
_BATCH = 64  # sentences per batch pass


def _shared_findings(lang: str, config: CheckConfig) -> dict[str, list[Finding]]:
    from editor.core.glossary import load

    try:
        glossary: object = load(lang, config.glossary_path)
    except ValueError:  # an unreadable glossary: nothing is shared
        return {}
    key = (lang, config)
    entry = _SHARED.get(key)
    if entry is None or entry[0] is not glossary:
        if len(_SHARED) >= 8:
            _SHARED.clear()
        entry = _SHARED[key] = (glossary, {})
    return entry[1]


_Verdicts = dict[tuple[object, ...], tuple[list[tuple[int, int, str]], bool]]
#: Within `remembering()`: the verdicts the checks reached, by (language, configuration).
_memory: ContextVar[dict[tuple[str, CheckConfig], _Verdicts] | None] = ContextVar(
    "galley_incontext_memory", default=None
)


@contextmanager
def remembering() -> Iterator[None]:
    """Within this block, each check of suggestions in context starts with what the previous ones learnt (the
    cleaner's later passes offer again the findings of the paragraphs they re-check, mostly in sentences an
    earlier pass judged already). Nested blocks share the outer one's memory."""
    if _memory.get() is not None:
        yield
        return
    token = _memory.set({})
    try:
        yield
    finally:
        _memory.reset(token)


@lru_cache(maxsize=64)
def _recheck_rules(lang: str, config: CheckConfig) -> tuple[Rule, ...]:
    """The paragraph rules that judge what a changed word can break, picked once per language and configuration
    (every article of a batch would otherwise pay for choosing among all the rules again)."""
    from editor.core.rules import rules_for

    return tuple(r for r in rules_for(lang, config) if r.scope == "paragraph" and r.category in _RECHECKED)


class _Checker:
    """Re-analyses sentences with the paragraph rules of one language, caching the sentences' findings."""

    def __init__(self, text: str, lang: str, config: CheckConfig) -> None:
        self.text = text
        self.lang = lang
        self.config = replace(config, suggestions=False)
        self.rules: tuple[Rule, ...] = _recheck_rules(lang, self.config)
        self._seen = _shared_findings(lang, self.config)  # sentence → its findings
        self.verdicts: _Verdicts = {}
        memory = _memory.get()
        if memory is not None:
            self.verdicts = memory.setdefault((lang, self.config), self.verdicts)

    def findings(self, sentence: str) -> list[Finding]:
        found = self._seen.get(sentence)
        if found is None:
            ctx = Context(text=sentence, lang=self.lang, config=self.config)
            found = [f for rule in self.rules for f in rule.check(ctx)]
            if len(self._seen) >= _SHARED_MAX:
                self._seen.clear()
            self._seen[sentence] = found
        return found

    def analyse_many(self, sentences: Iterable[str]) -> None:
        """Find the findings of many sentences at once, as the paragraphs of one text.

        Paragraph rules find on a run of paragraphs what they find on each alone (the contract the editor's
        paragraph re-check and the engine's split runs rely on), and part of their cost on a sentence is the fixed
        cost of a pass: measured on the benchmark corpus, one pass over an article's dozen sentences costs about a
        quarter less than a pass per sentence. Sentences holding a line break are left to `findings` (they would
        not be one paragraph), as is any sentence one of whose findings would reach past its end.
        """
        todo = [x for x in dict.fromkeys(sentences) if "\n" not in x and x.strip() and x not in self._seen]
        if len(todo) < 2:
            return
        for k in range(0, len(todo), _BATCH):
            batch = todo[k : k + _BATCH]
            if len(self._seen) + len(batch) > _SHARED_MAX:
                self._seen.clear()
            self._analyse_batch(batch)

    def _analyse_batch(self, batch: list[str]) -> None:
        starts: list[int] = []
        pos = 0
        for x in batch:
            starts.append(pos)
            pos += len(x) + 2
        ctx = Context(text="\n\n".join(batch), lang=self.lang, config=self.config)
        per: list[list[Finding]] = [[] for _ in batch]
        spilt: set[int] = set()
        for rule in self.rules:
            for f in rule.check(ctx):
                i = bisect_right(starts, f.start) - 1
                if f.end > starts[i] + len(batch[i]):
                    spilt.add(i)
                else:
                    per[i].append(f.shifted(-starts[i]) if starts[i] else f)
        for i, x in enumerate(batch):
            if i not in spilt:
                self._seen[x] = per[i]

    def _before(self, s: int, e: int, start: int, end: int) -> _Before:
        """The original sentence's findings: rules on the replaced words, (rule, text) counts, grammar errors."""
        old = self.findings(self.text[s:e])
        oa, ob = start - s, end - s
        old_here = {f.rule for f in old if (f.start < ob and f.end > oa) or f.start == f.end == oa}
        lo, hi = french.window(self.text, start, end)
        old_errors = {self.text[x:y] for x, y, _ in french.errors(self.text, lo, hi)}
        return old_here, Counter((f.rule, f.text) for f in old), old_errors

    def verify(self, start: int, end: int, rep: str) -> str | None:
        """`rep` for text[start:end] as it can be offered (repaired if need be), or None.

        A finding on the replaced words counts as created only if no finding of its rule was there before (a
        link whose text now reads differently is the same link); elsewhere in the sentence, any finding more.
        """
        s, e = _sentence(self.text, start, end)
        before: _Before | None = None  # what the sentence held before: needed only when the candidate has findings
        own = {w.lower() for w in _OWN_WORD_RE.findall(rep)}
        for _attempt in range(3):
            cand = self.text[s:start] + rep + self.text[end:e]
            a, b = start - s, start - s + len(rep)
            found = [f for f in self.findings(cand) if not _ignored(f, own)]
            grammar = _grammar_errors(cand, a, b)
            if not found and not grammar:
                return rep
            if before is None:
                before = self._before(s, e, start, end)
            old_here, old_keys, old_errors = before
            new_keys = Counter((f.rule, f.text) for f in found) - old_keys
            created: list[Finding] = []
            for f in found:
                if f.start < b and f.end > a:
                    if f.rule not in old_here and new_keys.get((f.rule, f.text), 0) > 0:
                        created.append(f)
                elif new_keys.get((f.rule, f.text), 0) > 0:
                    created.append(f)
            created += [g for g in grammar if g.text not in old_errors]
            if not created:
                return rep
            fix = next((f for f in created if f.suggestions and a <= f.start and f.end <= b), None)
            if fix is None:
                return None
            rep = rep[: fix.start - a] + fix.suggestions[0] + rep[fix.end - a :]
        return None


def _ignored(f: Finding, own: set[str]) -> bool:
    """White space, and the spelling verdicts on the suggestion's own words, are not damage a suggestion makes."""
    return f.rule.startswith("whitespace.") or (f.category in _OWN_WORD_CATEGORIES and f.text.lower() in own)


def _grammar_errors(sentence: str, a: int, b: int) -> list[Finding]:
    """Elision and contraction errors touching the replaced words, as findings (the check refuses them)."""
    from editor.core.findings import Severity, make_finding

    out: list[Finding] = []
    lo, hi = french.window(sentence, a, b)
    for s, e, fix in french.errors(sentence, lo, hi):
        if e >= a and s <= b:
            out.append(
                make_finding(sentence, "casing.elision", Severity.WARNING, s, e, "elision", (fix,) if fix else ())
            )
    return out


def _contextual(text: str, f: Finding, sug: str) -> tuple[int, int, str, bool]:
    """The suggestion with its neighbours made to agree and elide; False when agreement could not be decided."""
    from editor.core import agreement

    s, e, rep, decided = f.start, f.end, sug, True
    if f.category in ("terminology", "foreign"):
        s, e, rep, decided = agreement.agree(text, s, e, rep, f.extra.get("gender"))
    elif f.category == "register":
        s, e, rep = agreement.predicate(text, s, e, rep)
    return (*french.in_context(text, s, e, rep), decided)


#: The replacements a finding's suggestions make in context, and whether one's agreement could not be decided.
_Plan = tuple[list[tuple[int, int, str]], bool]


def _plan(text: str, f: Finding) -> _Plan:
    spans: list[tuple[int, int, str]] = []
    undecided = False
    for sug in f.suggestions:
        if _LETTER_RE.search(sug + f.text):
            s, e, rep, decided = _contextual(text, f, sug)
            if not decided:
                undecided = True
                continue
        else:
            s, e, rep = f.start, f.end, sug
        spans.append((s, e, rep))
    return spans, undecided


def _verdict_key(text: str, f: Finding) -> tuple[int, tuple[object, ...]]:
    """(where the sentence starts, the key under which `f`'s verdict is remembered in this article)."""
    ss, se = _sentence(text, max(0, f.start - 60), min(len(text), f.end + 60))
    return ss, (text[ss:se], f.start - ss, f.end - ss, f.category, f.suggestions, f.extra.get("gender"))


def _check_one(
    checker: _Checker,
    text: str,
    f: Finding,
    plan: _Plan | None = None,
    where: tuple[int, tuple[object, ...]] | None = None,
) -> Finding:
    """`f` with its suggestions checked in context; widened to the neighbours they change.

    The verdicts are remembered per sentence: the same fix in the same sentence (news repeats its phrases, and a
    scraped page its paragraphs) is checked once.
    """
    ss, key = where or _verdict_key(text, f)
    known = checker.verdicts.get(key)
    if known is None:
        replacements, undecided = plan if plan is not None else _plan(text, f)
        spans = [(s, e, ok) for s, e, rep in replacements if (ok := checker.verify(s, e, rep)) is not None]
        checker.verdicts[key] = ([(s - ss, e - ss, r) for s, e, r in spans], undecided)
    else:
        spans, undecided = [(s + ss, e + ss, r) for s, e, r in known[0]], known[1]
    return _rebuilt(text, f, spans, undecided)


def _prepare(
    checker: _Checker, text: str, todo: list[Finding], keys_of: dict[int, tuple[int, tuple[object, ...]]]
) -> dict[int, _Plan]:
    """Every finding's plan (by `id`), with the sentences their checks will need analysed in a few batch passes:
    first the sentences as each replacement leaves them, then the originals of those where something was found
    (a clean candidate needs no comparison)."""
    plans: dict[int, _Plan] = {}
    keys: set[tuple[object, ...]] = set()
    spots: list[tuple[int, int, str]] = []  # (sentence start, end, the sentence after the replacement)
    for f in todo:
        key = keys_of[id(f)][1]
        if key in keys or key in checker.verdicts:
            continue
        keys.add(key)
        plan = plans[id(f)] = _plan(text, f)
        for s, e, rep in plan[0]:
            ss, se = _sentence(text, s, e)
            spots.append((ss, se, text[ss:s] + rep + text[e:se]))
    checker.analyse_many(cand for _, _, cand in spots)
    checker.analyse_many(text[ss:se] for ss, se, cand in spots if checker._seen.get(cand))
    return plans


def _rebuilt(text: str, f: Finding, spans: list[tuple[int, int, str]], undecided: bool) -> Finding:
    if spans == [(f.start, f.end, x) for x in f.suggestions]:
        return f
    if not spans:
        why = (
            _("the gender of the replacement is unknown: make the words around it agree by hand")
            if undecided
            else _("no suggestion fits this sentence as it is: correct it by hand")
        )
        extra = {**f.extra, "agreement": "unknown"} if undecided else f.extra
        return replace(f, suggestions=(), auto=False, message=f"{f.message} — {why}", extra=extra)
    lo = min(s for s, _, _ in spans)
    hi = max(e for _, e, _ in spans)
    sugs = tuple(dict.fromkeys(text[lo:s] + rep + text[e:hi] for s, e, rep in spans))
    return Finding(f.category, f.rule, f.severity, lo, hi, text[lo:hi], f.message, sugs, f.auto, f.extra)


#: What a split run's worker sends back beside its findings: the verdicts it reached on their suggestions.
Verdicts = _Verdicts


def precheck(
    text: str, findings: Sequence[Finding], lang: str, config: CheckConfig, memory: Verdicts | None = None
) -> Verdicts:
    """The verdicts `checked_suggestions` would reach on `findings` in `text`, for another process to reuse.

    Why: a long article's paragraph rules run in worker processes, but its suggestions were checked afterwards,
    in the parent alone (a quarter of a big article's time, on one core). A worker checks the suggestions of its
    own chunk's findings instead, and the parent starts from those verdicts (`known`): what each finding is
    offered with does not change, only which process judged it. `memory` keeps the verdicts across the calls of
    one process (news repeats its sentences from chunk to chunk); only those on `findings` are returned.
    """
    if lang != "fr":
        return {}
    findings = drop_own_words(findings, lang, config)
    todo = [f for f in findings if f.suggestions and f.category in WORD_CATEGORIES]
    if not todo:
        return {}
    checker = _Checker(text, lang, config)
    # Verdicts the process remembers already (a worker forked within `remembering()`: its parent remembers them
    # too) are not reached again.
    remembered = checker.verdicts
    checker.verdicts = {} if memory is None else memory
    keys_of = {id(f): _verdict_key(text, f) for f in todo}
    if remembered:
        todo = [f for f in todo if keys_of[id(f)][1] not in remembered]
    plans = _prepare(checker, text, todo, keys_of)
    for f in todo:
        _check_one(checker, text, f, plans.get(id(f)), keys_of[id(f)])
    return {key: checker.verdicts[key] for key in (keys_of[id(f)][1] for f in todo)}


def checked_suggestions(
    text: str,
    findings: Sequence[Finding],
    lang: str,
    config: CheckConfig,
    settled: Collection[int] = (),
    known: Verdicts | None = None,
) -> list[Finding]:
    """`findings` with every word-level suggestion checked in its sentence (see the module's docstring).

    French only (the elision and agreement rules are French); other languages come back unchanged. Findings
    whose suggestions all fail keep their message, say so, and lose `auto`. The result is sorted by position.
    `settled` holds the `id()` of findings already checked in this same sentence (the cleaner moves those of
    untouched paragraphs): checking them again would cost as much as the first time and change nothing.
    `known` holds verdicts reached on this same text already (by `precheck`, in a worker process).
    """
    if lang != "fr" or not any(f.suggestions and f.category in WORD_CATEGORIES for f in findings):
        return list(findings)
    checker = _Checker(text, lang, config)
    for key, verdict in (known or {}).items():
        checker.verdicts.setdefault(key, verdict)
    todo = [f for f in findings if f.suggestions and f.category in WORD_CATEGORIES and id(f) not in settled]
    keys_of = {id(f): _verdict_key(text, f) for f in todo}  # where each one's sentence starts, and its key
    plans = _prepare(checker, text, todo, keys_of)
    out = [_check_one(checker, text, f, plans.get(id(f)), keys_of[id(f)]) if id(f) in keys_of else f for f in findings]
    return _merge(out)


def _case_only(f: Finding) -> bool:
    """A finding whose first suggestion only changes letter case (`fazit` → `Fazit`): it composes with any other
    fix of the same words."""
    return bool(f.suggestions) and f.suggestions[0] != f.text and f.suggestions[0].lower() == f.text.lower()


def _with_case_of(model: str, original: str, suggestion: str) -> str:
    """`suggestion` with the case change that `original` → `model` made (capital first letter, or all capitals)."""
    if model.isupper() and len(model) > 1 and not original.isupper():
        return suggestion.upper()
    if model[:1].isupper() and not original[:1].isupper():
        return suggestion[:1].upper() + suggestion[1:]
    if model[:1].islower() and original[:1].isupper():
        return suggestion[:1].lower() + suggestion[1:]
    return suggestion


def _merge(findings: list[Finding]) -> list[Finding]:
    """Findings on the same words that compose become one: a case fix folds into the other fix's suggestions
    (`fazit`: casing `Fazit` + glossary `conclusion` → one finding `Conclusion`); two fixes whose checked first
    suggestions agree become one."""
    by_span: dict[tuple[int, int], list[int]] = {}
    for i, f in enumerate(findings):
        if f.suggestions and f.category in WORD_CATEGORIES and f.end > f.start:
            by_span.setdefault((f.start, f.end), []).append(i)
    drop: set[int] = set()
    merged: dict[int, Finding] = {}
    for group in by_span.values():
        if len(group) < 2:
            continue
        cases = [i for i in group if _case_only(findings[i])]
        others = [i for i in group if i not in cases]
        for keep in others or cases[:1]:
            f = merged.get(keep, findings[keep])
            folded: list[str] = []
            for j in group:
                g = findings[j]
                if j == keep or j in drop or keep in drop:
                    continue
                if j in cases:
                    sugs = tuple(dict.fromkeys(_with_case_of(g.suggestions[0], g.text, x) for x in f.suggestions))
                    f = replace(f, suggestions=sugs)
                elif g.suggestions[0] != f.suggestions[0]:
                    continue
                drop.add(j)
                folded.append(g.rule)
            if folded:
                also = ", ".join(sorted(set(folded)))
                message = _("{message} (also corrects {rules})").format(message=f.message, rules=also)
                f = replace(f, message=message, extra={**f.extra, "also": also})
            merged[keep] = f
    if not drop and not merged:
        return findings
    return [merged.get(i, f) for i, f in enumerate(findings) if i not in drop]


def drop_own_words(findings: Sequence[Finding], lang: str, config: CheckConfig) -> list[Finding]:
    """Findings without the unknown-word verdicts on words Galley itself proposes (glossary targets such as
    `Zaporijjia`, `Zelensky`): a word Galley writes must not be reported by the next check."""
    from editor.core.glossary import load

    try:
        known = load(lang, config.glossary_path).targets
    except ValueError:
        return list(findings)
    if not known:
        return list(findings)
    return [f for f in findings if not (f.category in _OWN_WORD_CATEGORIES and f.text in known)]


def _chosen(f: Finding, prefixes: Iterable[str]) -> bool:
    return any(p in ("all", f.rule) or f.rule.startswith(p.rstrip(".") + ".") for p in prefixes)


def apply_first_suggestions(
    text: str,
    findings: Sequence[Finding],
    prefixes: Iterable[str],
    lang: str,
    config: CheckConfig | None = None,
) -> tuple[str, list[Finding]]:
    """`text` with the first suggestion of every finding whose rule id starts with one of `prefixes` ("all" for
    every rule) applied, and the findings applied (in `text` coordinates).

    `findings` should come from the engine (whose suggestions are already checked in context). Overlapping
    findings: the earlier wins. Findings whose agreement could not be decided are skipped. Each replacement is put
    in context again against the text as already corrected to its right, so neighbouring fixes elide together.
    """
    prefixes = tuple(prefixes)
    chosen: list[Finding] = []
    last_end = -1
    for f in sorted(findings, key=lambda f: (f.start, -f.end)):
        if not f.suggestions or not _chosen(f, prefixes) or f.extra.get("agreement") == "unknown":
            continue
        if f.start < last_end or (f.start == f.end and f.start == last_end):
            continue
        chosen.append(f)
        last_end = f.end
    parts: list[str] = []
    regions: list[tuple[int, int]] = []  # the replacements, in the corrected text's coordinates
    pos = 0
    length = 0
    for f in chosen:
        parts.append(text[pos : f.start])
        length += f.start - pos
        rep = f.suggestions[0]
        parts.append(rep)
        if f.category in WORD_CATEGORIES:
            regions.append((length, length + len(rep)))
        length += len(rep)
        pos = f.end
    parts.append(text[pos:])
    out = "".join(parts)
    if lang == "fr" and regions:
        out = _settle(out, regions)
    return out, chosen


def _settle(text: str, regions: list[tuple[int, int]]) -> str:
    """Elisions and contractions made right where two replacements (or one and its neighbour) now meet."""
    fixes = []
    k = 0
    apostrophe = french.apostrophe_of(text)
    for s, e, new in french.errors(text, apostrophe=apostrophe):
        while k < len(regions) and regions[k][1] < s:
            k += 1
        if new is not None and k < len(regions) and regions[k][0] <= e:
            fixes.append((s, e, new))
    for s, e, new in reversed(fixes):
        text = text[:s] + new + text[e:]
    return text
