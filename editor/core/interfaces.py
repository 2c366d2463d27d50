"""What the core asks of file formats, without importing them: a loader, and export formats.

The core knows no file format (`editor.formats` depends on the core, never the reverse). A front end hands the
core its loader (`Session.open(..., loader=...)`) and its export formats (`export_session(..., formats=...)`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from editor.core.article import Article


class LoadProblem(Protocol):
    """A file or record a loader could not read: where, and the bad line verbatim (kept for corpus export)."""

    @property
    def source(self) -> str: ...

    @property
    def line(self) -> int | None: ...

    @property
    def raw(self) -> str | None: ...


# Reads articles from files: given paths (files or folders) and an optional encoding, yields every article and
# every problem, in order, never raising for bad input (`editor.formats.loaders.iter_paths`).
Loader = Callable[[Iterable[str | os.PathLike[str]], str | None], Iterable[Article | LoadProblem]]


@dataclass(frozen=True, slots=True)
class Rendition:
    """One corrected article as an export format receives it."""

    text: str
    article: Article
    changes: Sequence[dict[str, Any]] = ()
    lang: str | None = None
    status: str | None = None  # where the person is with it: session exports only
    declined: Sequence[dict[str, Any]] | None = None  # findings turned down: session exports only


class ExportFormat(Protocol):
    """One export format (`editor.formats.export.Exporter`): its file suffix and how it writes an article.

    A `corpus` format writes one line per article: an input corpus (JSONL) is written back whole, in its order,
    and the other articles share one file. `keep_line_ends`: the file keeps the article's own line ends (CRLF)."""

    @property
    def suffix(self) -> str: ...

    @property
    def corpus(self) -> bool: ...

    @property
    def keep_line_ends(self) -> bool: ...

    @property
    def render(self) -> Callable[[Rendition], str]: ...
