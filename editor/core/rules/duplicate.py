"""Duplicate: a line or paragraph printed twice (a title repeated, the lede pasted again), near-duplicates included.

Scope (what is compared, so a 200k-word article stays linear):
- exact duplicates: every paragraph against every earlier one, through a hash of its normalised text
  (case-folded, whitespace collapsed); also two identical consecutive lines inside one paragraph;
- near-duplicates (rapidfuzz `ratio` >= 90 on the normalised text, paragraphs of 30+ characters and 5+ words,
  not differing in their digits alone, which marks a template like `Étape 1 : ...`, `Étape 2 : ...`):
  only among candidates: the two paragraphs before, and earlier paragraphs sharing the first three or the last
  three words (at most the 8 latest of each such bucket). Two near-identical paragraphs far apart that share
  neither their opening nor their closing words are not compared.
- the page title followed by the headline (`Title | Le Monde`, then `Title`): the first two paragraphs only.
Only the later copy is reported (for the page title, the copy with the site's name); its suggestion deletes it
with the blank line that separates it.
Dropping an exact copy of the title line (the article's first line printed again as the next paragraph or line,
or a paragraph equal to the title metadata among the first three) is safe and `auto`; every other duplicate is
left for review. Short lines (under 8 words) repeat legitimately far apart (names in two lists, dates, a heading in
a table of contents): they are `info` unless the copy directly follows its original; near-copies are warnings when
long (20+ words) or close by (within two paragraphs, 8+ words), `info` otherwise.
"""

from __future__ import annotations

import re
from collections import defaultdict, deque
from collections.abc import Iterable

from rapidfuzz import fuzz

from editor.core.findings import Finding, Severity, make_finding
from editor.core.i18n import _
from editor.core.rules.base import Context, Rule
from editor.core.rules.boilerplate import classify, load_patterns

_NEAR_THRESHOLD = 90.0
_NEAR_MIN_CHARS = 30
_NEAR_MIN_WORDS = 5
_BUCKET_KEEP = 8
_LONG_WORDS = 8  # an exact copy this long is a warning wherever it is; shorter ones only right after the original
_NEAR_LONG_WORDS = 20  # a near-copy this long is a warning wherever it is; shorter ones only close by
_SITE_SEPARATOR_RE = re.compile(r"\s?[|\-–—·•»]\s")  # `Title | Site`, `Title - Site`
_DIGITS_RE = re.compile(r"\d++")
_NON_LETTERS_RE = re.compile(r"[\W\d_]++")


def _normalise(text: str) -> str:
    return " ".join(text.split()).casefold()


def _substantial(norm: str) -> bool:
    """Worth reporting when repeated: two words, or one long word (not `*`, `—`, `1.`)."""
    letters = len(_NON_LETTERS_RE.sub("", norm))
    return letters >= 4 and (" " in norm or letters >= 10)


class _Duplicates:
    """One pass that finds every kind of duplicate; the rules below each report their own kind."""

    id = "duplicate.paragraph"

    def find(self, ctx: Context) -> list[Finding]:
        text = ctx.text
        paras = ctx.paragraphs
        out: list[Finding] = []
        title_norm = _normalise(ctx.title) if ctx.title else None
        first_line = ""
        if paras:
            s0, e0 = paras[0]
            nl = text.find("\n", s0, e0)
            first_line = _normalise(text[s0 : nl if nl >= 0 else e0])
        boilerplate_patterns = load_patterns()
        site_title = self._site_title(text, paras)
        out.extend(site_title)
        seen: dict[str, int] = {}
        norms: list[str] = []
        heads: defaultdict[tuple[str, ...], deque[int]] = defaultdict(lambda: deque(maxlen=_BUCKET_KEEP))
        tails: defaultdict[tuple[str, ...], deque[int]] = defaultdict(lambda: deque(maxlen=_BUCKET_KEEP))
        for i, (s, e) in enumerate(paras):
            norm = _normalise(text[s:e])
            norms.append(norm)
            out.extend(self._lines(ctx, s, e, i == 0, first_line, title_norm))
            if not _substantial(norm):
                continue
            if (
                len(norm) <= boilerplate_patterns.longest
                and "\n" not in text[s:e].strip()
                and classify(text[s:e], boilerplate_patterns) is not None
            ):
                continue  # `Partager sur Facebook` twice: the boilerplate rule removes both
            span = self._removal_span(text, paras, i)
            if norm in seen:
                j = seen[norm]
                single_line = "\n" not in text[s:e].strip()
                is_title = single_line and (
                    (i == 1 and j == 0 and norm == first_line)
                    or (title_norm is not None and norm == title_norm and i <= 2)
                )
                rule = "duplicate.title" if is_title else self.id
                # short lines repeat legitimately far apart (names in two lists, dates, a heading in a table of
                # contents); a long paragraph, or a copy right after its original, is damage
                long_enough = len(norm.split()) >= _LONG_WORDS
                severity = Severity.WARNING if is_title or long_enough or i == j + 1 else Severity.INFO
                out.append(
                    make_finding(
                        text,
                        rule,
                        severity,
                        span[0],
                        span[1],
                        (
                            _("this repeats the title word for word: remove the copy")
                            if is_title
                            else _("this repeats paragraph {number} word for word: remove the copy").format(
                                number=j + 1
                            )
                        ),
                        ("",),
                        auto=is_title,
                        original=j,
                    )
                )
                continue
            seen[norm] = i
            words = norm.split()
            if len(norm) >= _NEAR_MIN_CHARS and len(words) >= _NEAR_MIN_WORDS:
                head, tail = tuple(words[:3]), tuple(words[-3:])
                candidates = {i - 1, i - 2, *heads[head], *tails[tail]} - ({0} if site_title and i == 1 else set())
                best, best_j = 0.0, -1
                for j in sorted(c for c in candidates if c >= 0):
                    other = norms[j]
                    if min(len(other), len(norm)) < 0.8 * max(len(other), len(norm)):
                        continue
                    score = fuzz.ratio(norm, other, score_cutoff=_NEAR_THRESHOLD)
                    if score and _DIGITS_RE.sub("", norm) == _DIGITS_RE.sub("", other):
                        continue  # a template (`Étape 1 : ...`, `Étape 2 : ...`), not a copy
                    if score > best:
                        best, best_j = score, j
                if best_j >= 0:
                    near = len(words) >= _NEAR_LONG_WORDS or (i - best_j <= 2 and len(words) >= _LONG_WORDS)
                    out.append(
                        make_finding(
                            text,
                            "duplicate.near-paragraph",
                            Severity.WARNING if near else Severity.INFO,
                            span[0],
                            span[1],
                            _(
                                "this is nearly the same as paragraph {number} ({percent}% alike): keep one of them"
                            ).format(number=best_j + 1, percent=f"{best:.0f}"),
                            ("",),
                            original=best_j,
                        )
                    )
                heads[head].append(i)
                tails[tail].append(i)
        return out

    def _site_title(self, text: str, paras: list[tuple[int, int]]) -> list[Finding]:
        """`Title | Le Monde` then `Title`: the page title and the headline, the same but for the site's name.
        The copy carrying the site name is the one to drop (a review: it is not an exact duplicate)."""
        if len(paras) < 2:
            return []
        (s0, e0), (s1, e1) = paras[0], paras[1]
        a, b = text[s0:e0].strip(), text[s1:e1].strip()
        if "\n" in a or "\n" in b or not a or not b or a == b:
            return []
        long_i, short, longer = (0, b, a) if len(a) > len(b) else (1, a, b)
        if not longer.startswith(short) or len(short.split()) < 3:
            return []
        rest = longer[len(short) :]
        if not _SITE_SEPARATOR_RE.match(rest) or len(rest) > 60:
            return []
        start, end = self._removal_span(text, paras, long_i)
        return [
            make_finding(
                text,
                "duplicate.near-paragraph",
                Severity.WARNING,
                start,
                end,
                _("the title printed twice, once with the site's name: keep the headline alone"),
                ("",),
                original=1 - long_i,
            )
        ]

    @staticmethod
    def _removal_span(text: str, paras: list[tuple[int, int]], i: int) -> tuple[int, int]:
        """The paragraph with the separator after it (or before it, for the last one), so deleting it leaves
        exactly one blank line between its neighbours."""
        s, e = paras[i]
        if i + 1 < len(paras):
            return s, paras[i + 1][0]
        if i > 0:
            return paras[i - 1][1], e
        return s, e

    def _lines(
        self, ctx: Context, s: int, e: int, first_para: bool, first_line: str, title_norm: str | None
    ) -> Iterable[Finding]:
        """Two identical consecutive lines inside one paragraph (`Title\\nTitle`)."""
        text = ctx.text
        if text.find("\n", s, e) < 0:
            return
        prev_norm = None
        prev_end = s
        line_no = 0
        pos = s
        while pos <= e:
            nl = text.find("\n", pos, e)
            end = nl if nl >= 0 else e
            norm = _normalise(text[pos:end])
            if norm and norm == prev_norm and _substantial(norm):
                is_title = (first_para and line_no == 1 and norm == first_line) or norm == title_norm
                # the copy with the line break before it
                yield make_finding(
                    text,
                    "duplicate.title" if is_title else "duplicate.line",
                    Severity.WARNING,
                    prev_end,
                    end,
                    _("this line repeats the title: remove the copy")
                    if is_title
                    else _("this line repeats the line before: remove the copy"),
                    ("",),
                    auto=is_title,
                )
            prev_norm, prev_end = norm, end
            line_no += 1
            if nl < 0:
                break
            pos = nl + 1


_FINDER = _Duplicates()


class _DuplicateKind(Rule):
    scope = "document"

    def check(self, ctx: Context) -> Iterable[Finding]:
        return [f for f in ctx.memo("duplicate.all", lambda: _FINDER.find(ctx)) if f.rule == self.id]


class DuplicateParagraphRule(_DuplicateKind):
    id = "duplicate.paragraph"
    severity = Severity.WARNING
    description = "a paragraph printed twice, word for word"


class DuplicateTitleRule(_DuplicateKind):
    id = "duplicate.title"
    severity = Severity.WARNING
    description = "the title line printed again: the copy is dropped automatically"


class DuplicateLineRule(_DuplicateKind):
    id = "duplicate.line"
    severity = Severity.WARNING
    description = "a line printed twice in a row inside a paragraph"


class NearDuplicateRule(_DuplicateKind):
    id = "duplicate.near-paragraph"
    severity = Severity.WARNING
    description = "a paragraph nearly identical to an earlier one (rapidfuzz ratio >= 90)"


RULES = [DuplicateParagraphRule(), DuplicateTitleRule(), DuplicateLineRule(), NearDuplicateRule()]
