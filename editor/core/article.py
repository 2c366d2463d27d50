"""The article: what Galley analyses, shows in the raw pane and exports."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Article:
    """One article and where it came from.

    `text` is exactly what the raw pane shows and what every finding's offsets index (code points).
    """

    text: str
    title: str | None = None
    url: str | None = None
    lang: str | None = None
    date: str | None = None
    source: str = "<memory>"
    index: int = 0
    encoding: str = "utf-8"
    # 0-based line numbers that could only be decoded with a fallback encoding (never silently mangled).
    fallback_lines: list[int] = field(default_factory=list)
    # Original record for JSON/JSONL sources, so export can carry unknown fields through.
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def label(self) -> str:
        """A short human name: the title, else the source file name with its record index."""
        if self.title:
            return self.title
        name = self.source.rsplit("/", 1)[-1]
        return f"{name}#{self.index}" if self.index else name
