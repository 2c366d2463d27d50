"""Boilerplate: whole lines of page furniture (comment counters, share buttons, cookie and newsletter prompts,
"Lire aussi" teasers, photo-agency credits, advertising labels) left in an article by its scraper.

The patterns are data (`resources/boilerplate.toml`, its schema is documented there). A line is boilerplate only
when all of it, after normalisation, is one entry: a sentence that mentions Facebook or a newsletter is prose and
stays. Removing such a line never changes what the article says, so the fix is automatic (`auto`), and it takes
the line break with it so no blank line is left behind.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from editor.core.findings import Finding, Severity, make_finding
from editor.core.i18n import _
from editor.core.resources import resource
from editor.core.rules.base import Context, Rule

_SPACES_RE = re.compile(r"[\s\u00a0\u202f\u2007]++")
_DIGITS_RE = re.compile(r"\d++")
_LEAD = "•·-–—>»|*‣◦▪►→ \t"
_TRAIL = ":.…›»→|! \t"
_BRACKETS = {"[": "]", "(": ")", "{": "}"}


@dataclass(frozen=True, slots=True)
class Patterns:
    """The compiled contents of a boilerplate TOML file."""

    max_chars: int
    longest: int  # no line longer than this can match anything
    phrases: dict[str, str]  # normalised phrase -> kind
    regex: re.Pattern[str] | None  # one alternation, a named group per TOML group
    kinds: dict[str, tuple[str, int]]  # regex group name -> (kind, max_chars)


def normalise_line(line: str) -> str:
    """The form boilerplate entries are compared in (see the schema in resources/boilerplate.toml)."""
    s = line.strip().lstrip(_LEAD).rstrip(_TRAIL)
    if len(s) >= 2 and _BRACKETS.get(s[0]) == s[-1]:
        s = s[1:-1].strip().rstrip(_TRAIL)
    s = _SPACES_RE.sub(" ", s).replace("’", "'").casefold()
    return _DIGITS_RE.sub("#", s)


@cache
def load_patterns(path: Path | None = None) -> Patterns:
    """Read and compile a boilerplate file (the bundled one by default)."""
    with open(path or resource("boilerplate.toml"), "rb") as f:
        data = tomllib.load(f)
    max_chars = int(data.get("max_chars", 120))
    phrases: dict[str, str] = {}
    alternatives: list[str] = []
    kinds: dict[str, tuple[str, int]] = {}
    longest = max_chars
    for n, group in enumerate(data.get("group", [])):
        kind = str(group.get("kind", "boilerplate"))
        for phrase in group.get("phrases", []):
            phrases[normalise_line(str(phrase))] = kind
        limit = int(group.get("max_chars", max_chars))
        for m, pattern in enumerate(group.get("patterns", [])):
            name = f"g{n}_{m}"
            re.compile(pattern)  # fail early, naming nothing else
            alternatives.append(f"(?P<{name}>{pattern})")
            kinds[name] = (kind, limit)
            longest = max(longest, limit)
    regex = re.compile("|".join(alternatives)) if alternatives else None
    return Patterns(max_chars, longest, phrases, regex, kinds)


def classify(line: str, patterns: Patterns) -> str | None:
    """The kind of boilerplate `line` is, or None when it is not (entirely) boilerplate."""
    if len(line) > patterns.longest * 2:
        return None
    norm = normalise_line(line)
    if not norm or len(norm) > patterns.longest:
        return None
    kind = patterns.phrases.get(norm)
    if kind is not None:
        return kind
    if patterns.regex is None:
        return None
    m = patterns.regex.fullmatch(norm)
    if m is None or m.lastgroup is None:
        return None
    kind, limit = patterns.kinds[m.lastgroup]
    return kind if len(norm) <= limit else None


class BoilerplateLineRule(Rule):
    id = "boilerplate.line"
    severity = Severity.WARNING
    scope = "document"  # a removal takes a line break that may lie outside the line's paragraph
    description = "a whole line of page furniture (share button, comment counter, cookie prompt, teaser, credit)"

    def check(self, ctx: Context) -> Iterable[Finding]:
        text = ctx.text
        patterns = load_patterns()
        # non-blank lines and whether each is boilerplate
        lines: list[tuple[int, int, str | None]] = []
        pos = 0
        n = len(text)
        while pos <= n:
            nl = text.find("\n", pos)
            end = nl if nl >= 0 else n
            if not text[pos:end].isspace() and end > pos:
                lines.append((pos, end, classify(text[pos:end], patterns)))
            if nl < 0:
                break
            pos = nl + 1
        out: list[Finding] = []
        i = 0
        while i < len(lines):
            if lines[i][2] is None:
                i += 1
                continue
            j = i
            while j + 1 < len(lines) and lines[j + 1][2] is not None:
                j += 1
            out.extend(self._run(text, lines, i, j))
            i = j + 1
        return out

    def _run(self, text: str, lines: list[tuple[int, int, str | None]], i: int, j: int) -> Iterable[Finding]:
        """Findings for the consecutive boilerplate lines i..j, spans chosen so that removing all of them leaves
        their neighbours separated by exactly one of the two outer separators (the lighter one)."""
        before = lines[i - 1][1] if i > 0 else None  # end of the line before the run
        after = lines[j + 1][0] if j + 1 < len(lines) else None  # start of the line after the run
        take_leading = before is not None and (
            after is None or text.count("\n", before, lines[i][0]) < text.count("\n", lines[j][1], after)
        )
        for k in range(i, j + 1):
            s, e, kind = lines[k]
            if take_leading:
                start = lines[k - 1][1] if k > 0 else s
                stop = e
            else:
                start = s
                stop = lines[k + 1][0] if k + 1 < len(lines) else e
            msg = _("boilerplate line ({kind}): not part of the article, removed").format(kind=_(kind) if kind else "")
            yield make_finding(text, self.id, Severity.WARNING, start, stop, msg, ("",), auto=True)


RULES = [BoilerplateLineRule()]
