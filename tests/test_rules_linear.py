"""Every rule stays linear on hostile text: 1 MB of runs of spaces, letters, punctuation or URL-like junk
is checked in bounded time, and quadrupling the input does not blow the time up (PITFALLS 15).

Times are compared with each other in the same run (a ratio), never with a fixed number of seconds, except a
very generous ceiling that only a catastrophic (super-linear) pattern can reach.
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
MB = 1_000_000
CEILING_SECONDS = 30.0


def _time(rule: Rule, text: str, lang: str) -> float:
    ctx = Context(text=text, lang=lang, config=CheckConfig(lang=lang, suggestions=False))
    t0 = time.perf_counter()
    for _ in rule.check(ctx):
        pass
    return time.perf_counter() - t0


@pytest.mark.slow
@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.id)
def test_rule_is_linear_on_pathological_text(rule: Rule) -> None:
    lang = "fr" if rule.applies_to("fr") else next(lg for lg in ("de", "en") if rule.applies_to(lg))
    for name, unit in PATTERNS.items():
        small = unit * (MB // 4 // len(unit))
        large = unit * (MB // len(unit))
        t_small = _time(rule, small, lang)
        t_large = _time(rule, large, lang)
        assert t_large < CEILING_SECONDS, f"{rule.id} on 1 MB of {name}: {t_large:.1f} s"
        if t_large > 0.2:  # below that, timer noise dominates the ratio
            assert t_large / max(t_small, 1e-3) < 12, f"{rule.id} on {name}: {t_small:.2f} s -> {t_large:.2f} s"
