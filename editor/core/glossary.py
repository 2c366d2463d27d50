"""Loading the terminology glossary (TOML): the bundled one, with the user's own on top.

The schema is documented at the top of `resources/glossary.toml`. A glossary is compiled into a dict keyed by
the first word of each entry (folded to lower case), so the `terminology` rule finds every entry with one dict
look-up per word of the text, however large the glossary: one linear pass, no giant regex.
"""

from __future__ import annotations

import threading
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from editor.core.fileio import os_reason
from editor.core.findings import Severity
from editor.core.i18n import N_, _
from editor.core.resources import resource
from editor.core.text import WORD_RE

KIND_MESSAGES = {
    "transliteration": N_("spelt the foreign way"),
    "untranslated": N_("left untranslated"),
    "calque": N_("a machine-translation calque"),
    "spelling": N_("a common misspelling"),
    "usage": N_("not the usual form"),
}


class GlossaryError(ValueError):
    """A glossary file that cannot be read; the message names the file and the problem."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One wrong form (as words) and what to write instead."""

    wrong: str
    words: tuple[str, ...]  # the wrong form split like the text is (WORD_RE)
    prefer: tuple[str, ...]
    kind: str
    note: str
    severity: Severity
    auto: bool
    exact_case: bool  # written with capitals: match that spelling (and ALL CAPS) only
    gender: str = ""  # "mas" or "fem": the preferred form's gender, where the dictionary cannot tell
    template: str = ""  # word order after a name: "centrale nucléaire de {name}" for `Zaporozhye Kernkraftwerk`

    def message(self, matched: str | None = None) -> str:
        """What the finding says; `matched` is the text as written in the article (its case, its spaces)."""
        wrong = matched or self.wrong
        why = _(KIND_MESSAGES[self.kind]) if self.kind in KIND_MESSAGES else self.kind
        if self.prefer:
            text = _("“{wrong}” is {why}: write “{prefer}”").format(wrong=wrong, why=why, prefer=self.prefer[0])
        else:
            text = _("“{wrong}”: {why}").format(wrong=wrong, why=why)
        return _("{message} ({note})").format(message=text, note=_(self.note)) if self.note else text


@dataclass(frozen=True, slots=True)
class Glossary:
    """Entries of one language, indexed by the lower-cased first word; longest entries first in each bucket."""

    lang: str
    index: dict[str, tuple[Entry, ...]]
    targets: frozenset[str] = frozenset()  # every word of every preferred form: words Galley itself writes

    def __len__(self) -> int:
        return sum(len(v) for v in self.index.values())


def _entry(wrong: str, value: Any, kind: str, where: str) -> Entry:
    note, severity, auto, gender, template = "", Severity.WARNING, False, "", ""
    if isinstance(value, str):
        prefer: list[Any] = [value]
    elif isinstance(value, list):
        prefer = value
    elif isinstance(value, dict):
        raw = value.get("prefer", [])
        prefer = [raw] if isinstance(raw, str) else list(raw)
        note = str(value.get("note", ""))
        try:
            severity = Severity(str(value.get("severity", "warning")))
        except ValueError:
            raise GlossaryError(
                _("{where}: severity of “{wrong}” must be error, warning or info").format(where=where, wrong=wrong)
            ) from None
        auto = bool(value.get("auto", False))
        gender = str(value.get("gender", ""))
        if gender not in ("", "mas", "fem"):
            raise GlossaryError(_("{where}: gender of “{wrong}” must be mas or fem").format(where=where, wrong=wrong))
        template = str(value.get("template", ""))
        if template and "{name}" not in template:
            raise GlossaryError(
                _("{where}: the template of “{wrong}” must contain {name}").format(
                    where=where, wrong=wrong, name="{name}"
                )
            )
    else:
        raise GlossaryError(
            _("{where}: “{wrong}” must map to a string, a list or a table").format(where=where, wrong=wrong)
        )
    if not all(isinstance(p, str) for p in prefer):
        raise GlossaryError(
            _("{where}: the preferred forms of “{wrong}” must be strings").format(where=where, wrong=wrong)
        )
    words = tuple(m.group() for m in WORD_RE.finditer(wrong))
    if not words:
        raise GlossaryError(_("{where}: “{wrong}” contains no word").format(where=where, wrong=wrong))
    exact = any(c.isupper() for c in wrong)
    return Entry(wrong, words, tuple(prefer), kind, note, severity, auto, exact, gender, template)


def parse(data: dict[str, Any], where: str) -> dict[str, dict[str, Entry]]:
    """lang → wrong form → entry, from a parsed TOML document."""
    out: dict[str, dict[str, Entry]] = {}
    for lang, kinds in data.items():
        if not isinstance(kinds, dict):
            raise GlossaryError(
                _("{where}: [{lang}] must be a table of kinds, e.g. [{lang}.transliteration]").format(
                    where=where, lang=lang
                )
            )
        for kind, entries in kinds.items():
            if not isinstance(entries, dict):
                raise GlossaryError(
                    _("{where}: [{lang}.{kind}] must be a table of “wrong” = “preferred” lines").format(
                        where=where, lang=lang, kind=kind
                    )
                )
            for wrong, value in entries.items():
                out.setdefault(lang, {})[wrong] = _entry(wrong, value, kind, where)
    return out


def read(path: Path) -> dict[str, dict[str, Entry]]:
    try:
        with path.open("rb") as f:
            data = tomllib.load(f)
    except OSError as exc:
        raise GlossaryError(
            _("cannot read the glossary {path}: {reason}").format(path=path, reason=os_reason(exc))
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise GlossaryError(
            _("the glossary {path} is not valid TOML: {reason}").format(path=path, reason=exc)
        ) from None
    return parse(data, str(path))


_lock = threading.Lock()
_loaded: dict[tuple[str, str | None, float], Glossary] = {}


def load(lang: str, user_path: str | None = None) -> Glossary:
    """The compiled glossary for `lang`: bundled entries, then the user's (which win). Cached per file mtime."""
    mtime = 0.0
    if user_path:
        try:
            mtime = Path(user_path).stat().st_mtime
        except OSError:
            mtime = -1.0
    key = (lang, user_path, mtime)
    g = _loaded.get(key)
    if g is not None:
        return g
    with _lock:
        entries = dict(read(resource("glossary.toml")).get(lang, {}))
        if user_path:
            entries.update(read(Path(user_path)).get(lang, {}))
        index: dict[str, list[Entry]] = {}
        for e in entries.values():
            if e.prefer and e.wrong in e.prefer:
                continue  # an entry that prefers itself documents usage; nothing to flag
            index.setdefault(e.words[0].lower(), []).append(e)
        targets = frozenset(w for e in entries.values() for p in e.prefer for w in WORD_RE.findall(p))
        g = Glossary(lang, {k: tuple(sorted(v, key=lambda e: -len(e.words))) for k, v in index.items()}, targets)
        _loaded[key] = g
    return g
