"""One open article as the window holds it: the article, its session id, its review once analysed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from editor.core.article import Article
    from editor.core.review import Review
    from editor.core.urls import Link
    from editor.gui.jobs import Prepared


@dataclass
class Doc:
    """One open article and its review (None until analysed)."""

    article: Article
    aid: int | None = None
    review: Review | None = None
    status: str = "todo"
    raw_links: list[Link] = field(default_factory=list)
    cursor: int = 0
    big: bool = False  # so many findings that serialising the review is a noticeable pause
    changed_source: Article | None = None  # the file's new version when it changed since the session
    prepared: Prepared | None = None  # marks and table rows built by the analysis worker
    # Typing before the review exists (`editor.gui.drafts`): replacements in the Cleaned pane, in order, and what
    # they were typed over (the session's cleaned text when the analysis started).
    draft: list[tuple[int, int, str]] = field(default_factory=list)
    draft_base: str = ""
