"""The user's own glossary file: list, add, change and remove its "always replace X by Y" entries.

The file has the schema of `resources/glossary.toml` (`[lang.kind]` tables of `"wrong" = "preferred"` lines), so
the `terminology` rule reads it as it is. Adding one entry appends a small table to the end of the file, keeping
the person's comments and layout; changing or removing entries rewrites the file (atomically) from its parsed
content, which drops comments: there is no well-kept TOML writer among Galley's dependencies that keeps them,
and a glossary edited in the window is the window's to lay out.
"""

from __future__ import annotations

import json
import os
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from editor.core.fileio import os_reason
from editor.core.glossary import GlossaryError, parse
from editor.core.i18n import _

DEFAULT_KIND = "usage"
HEADER = (
    "# Galley: your glossary. Each line says: always replace the left form by the right one.\n"
    '# Same schema as Galley\'s own glossary: [language.kind] tables of "wrong" = "preferred" lines.\n'
)


@dataclass(frozen=True, slots=True)
class UserEntry:
    """One line of the user's glossary: in `lang`, `wrong` is to be replaced by `prefer`."""

    wrong: str
    prefer: str
    lang: str = "fr"
    kind: str = DEFAULT_KIND
    note: str = ""
    # what else the file says of this form (other preferred forms, severity, auto, gender, template), as JSON:
    # kept as written when the window rewrites the file
    extra: str = ""


def _load(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    try:
        with path.open("rb") as f:
            data = tomllib.load(f)
    except OSError as e:
        raise GlossaryError(
            _("cannot read the glossary {path}: {reason}").format(path=path, reason=os_reason(e))
        ) from None
    except tomllib.TOMLDecodeError as e:
        raise GlossaryError(_("the glossary {path} is not valid TOML: {reason}").format(path=path, reason=e)) from None
    parse(data, str(path))  # the same checks as when the rule loads it
    return data


def entries(path: str | Path) -> list[UserEntry]:
    """Every entry of the file, in file order (GlossaryError when it cannot be read)."""
    out: list[UserEntry] = []
    for lang, kinds in _load(Path(path)).items():
        for kind, table in kinds.items():
            for wrong, value in table.items():
                fields = dict(value) if isinstance(value, dict) else {"prefer": value}
                raw = fields.pop("prefer", "")
                note = str(fields.pop("note", ""))
                forms = [raw] if isinstance(raw, str) else list(raw)
                if len(forms) > 1:
                    fields["more"] = forms[1:]
                extra = json.dumps(fields, ensure_ascii=False, sort_keys=True) if fields else ""
                out.append(UserEntry(wrong, str(forms[0]) if forms else "", lang, kind, note, extra))
    return out


def _check(entry: UserEntry) -> None:
    if not entry.wrong.strip() or not entry.prefer.strip():
        raise GlossaryError(_("both the form to replace and its replacement are needed"))
    if any(c in entry.wrong + entry.prefer for c in "\n\r\x00"):
        raise GlossaryError(_("a glossary entry holds one line"))
    parse({entry.lang: {entry.kind: {entry.wrong: entry.prefer}}}, "entry")


def _string(s: str) -> str:
    """A TOML basic string (JSON's escapes are a subset of TOML's)."""
    return json.dumps(s, ensure_ascii=False)


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return _string(str(value))


def _value(entry: UserEntry) -> str:
    fields: dict[str, Any] = json.loads(entry.extra) if entry.extra else {}
    more = fields.pop("more", [])
    if not entry.note and not fields and not more:
        return _string(entry.prefer)
    parts = [f"prefer = {_toml([entry.prefer, *more]) if more else _string(entry.prefer)}"]
    if entry.note:
        parts.append(f"note = {_string(entry.note)}")
    parts += [f"{_string(k)} = {_toml(v)}" for k, v in fields.items()]
    return "{ " + ", ".join(parts) + " }"


def _atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".glossary-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def add(path: str | Path, entry: UserEntry) -> None:
    """Add (or replace) one entry. A new entry is appended, so the file's comments stay."""
    _check(entry)
    p = Path(path)
    current = entries(p)
    if any(e.lang == entry.lang and e.wrong == entry.wrong for e in current):
        save(p, [e for e in current if not (e.lang == entry.lang and e.wrong == entry.wrong)] + [entry])
        return
    old = p.read_text(encoding="utf-8") if p.exists() else HEADER
    sep = "" if not old or old.endswith("\n") else "\n"
    table = f"[{_string(entry.lang)}.{_string(entry.kind)}.{_string(entry.wrong)}]\n"
    body = f"prefer = {_string(entry.prefer)}\n" + (f"note = {_string(entry.note)}\n" if entry.note else "")
    _atomic_write(p, f"{old}{sep}\n{table}{body}")


def save(path: str | Path, new: list[UserEntry]) -> None:
    """Write exactly these entries (the window's glossary editor): one table per language and kind."""
    for e in new:
        _check(e)
    groups: dict[tuple[str, str], list[UserEntry]] = {}
    for e in new:
        groups.setdefault((e.lang, e.kind), []).append(e)
    parts = [HEADER]
    for (lang, kind), group in groups.items():
        parts.append(f"\n[{_string(lang)}.{_string(kind)}]\n")
        parts.extend(f"{_string(e.wrong)} = {_value(e)}\n" for e in group)
    _atomic_write(Path(path), "".join(parts))
