"""The rule registry: every module in this package that defines `RULES` contributes its rules.

Discovery by module keeps categories independent: adding a rule module needs no edit anywhere else.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from editor.core.rules.base import CheckConfig, Context, Rule

__all__ = ["CheckConfig", "Context", "Rule", "all_rules", "rules_for"]


@cache
def all_rules() -> tuple[Rule, ...]:
    """Every registered rule, sorted by id. Ids are unique."""
    found: dict[str, Rule] = {}
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_") or info.name == "base":
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        for rule in getattr(module, "RULES", ()):
            if rule.id in found:
                raise RuntimeError(f"duplicate rule id {rule.id}")
            found[rule.id] = rule
    return tuple(found[k] for k in sorted(found))


def rules_for(lang: str, config: CheckConfig) -> list[Rule]:
    """The rules that run on a text in `lang` under `config`."""
    return [r for r in all_rules() if r.applies_to(lang) and config.wants(r.id)]
