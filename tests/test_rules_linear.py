"""Every rule stays linear on hostile text: 512 kB of runs of spaces, letters, punctuation or URL-like junk
is checked in bounded time, and quadrupling the input (128 kB -> 512 kB) does not blow the time up. Python's
regex engine backtracks, so one nested quantifier can make a rule quadratic or worse on such runs.

Times are compared with each other in the same run (a ratio), never with a fixed number of seconds, except a
very generous ceiling that only a catastrophic (super-linear) pattern can reach. The ratio proves linearity as
well between 128 kB and 512 kB as between 250 kB and 1 MB (x4 input: ~x4 time when linear, ~x16 when
quadratic), at half the cost. The floor and the ceiling are a quarter of what they were at 1 MB: a quadratic rule
takes a quarter of the time at half the size, so it trips them exactly as before.

The two texts have the same shape: the large one is exactly four small ones (same parity of quotes and
brackets, which some rules read before doing any work), and both are timed equally cold, then equally warm:
rules cache verdicts per word, and a warm small run against a cold large one is no ratio. A rule that fails the
ratio is measured once more at 2 MB, so that a one-time step (see below) is not taken for a slope.
"""

from __future__ import annotations

import time

import pytest

from editor.core.rules import all_rules
from editor.core.rules.base import CheckConfig, Context, Rule

PATTERNS = {
    "spaces": " ",
    "spaces-then-comma": " " * 50 + ",",
    "letters": "a",
    "word-runs": "mot ",
    "punctuation": "!?.,;:",
    "dots": ".",
    "urls": "http://",
    "url-ish": "https: /www. a. b/",
    "angle": "<",
    "tag-ish": '< a = "',
    "amp": "&",
    "quotes": "« » \" '",
    "hyphens": "-a",
    "newlines": "\n",
    "blank-lines": "Titre\n\n",
    "repeat-phrase": "Trump, qui a été ",
    "digits": "1.000.",
    "caps": "Et ",
}
SMALL = 128_000
CEILING_SECONDS = 7.5
NOISE_FLOOR = 0.125
MAX_RATIO = 10


def _time(rule: Rule, text: str, lang: str) -> float:
    ctx = Context(text=text, lang=lang, config=CheckConfig(lang=lang, suggestions=False))
    t0 = time.process_time()
    for _ in rule.check(ctx):
        pass
    return time.process_time() - t0


@pytest.mark.slow
@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.id)
def test_rule_is_linear_on_pathological_text(rule: Rule) -> None:
    lang = "fr" if rule.applies_to("fr") else next(lg for lg in ("de", "en") if rule.applies_to(lg))
    _time(rule, "Un texte court, avec des mots.", lang)  # warm-up: dictionaries and caches load lazily
    for name, unit in PATTERNS.items():
        units = SMALL // len(unit) // 2 * 2  # even: four small texts make the large one, parity included
        small, large = unit * units, unit * (4 * units)
        t_large = _time(rule, large, lang)
        assert t_large < CEILING_SECONDS, f"{rule.id} on 512 kB of {name}: {t_large:.1f} s"
        if t_large <= NOISE_FLOOR:  # below that, timer noise and a busy machine dominate the ratio
            continue
        t_small = _time(rule, small, lang)  # cold like the large run above
        if t_large / max(t_small, 1e-3) < MAX_RATIO:  # linear: x4 input gives ~x4 time, quadratic x16
            continue
        # measure again before concluding (other processes share the cores), both warm this time
        t_large = min(_time(rule, large, lang) for _ in range(2))
        t_small = min(_time(rule, small, lang) for _ in range(2))
        if t_large / max(t_small, 1e-3) < MAX_RATIO:
            continue
        # A step between two sizes is not a slope: CPython's regex engine gets several times slower per character once
        # its backtracking stack outgrows a cache (a word of some 300 kB), then stays linear. x4 again from 512 kB
        # tells them apart: a quadratic rule grows x16 there too, a step does not repeat.
        t_huge = min(_time(rule, unit * (16 * units), lang) for _ in range(2))
        if t_huge / max(t_large, 1e-3) >= MAX_RATIO:
            pytest.fail(
                f"{rule.id} on {name}: {t_small:.2f} s for 128 kB -> {t_large:.2f} s for 512 kB "
                f"-> {t_huge:.2f} s for 2 MB"
            )
