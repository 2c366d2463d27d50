"""The pending count of every article in the article list, including those not opened yet.

Once the articles are loaded, one background job reads their saved reviews from the session and has a child
process count what waits in each (`editor.core.pending`); counts arrive one by one and fill the list. The open
article's count follows its review (`ReviewView.update_counts`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from editor.core.article import Article
    from editor.core.rules.base import CheckConfig
    from editor.core.session import Session
    from editor.gui.main_window import MainWindow

KIND = "counts"


def count_pending(
    todo: Sequence[tuple[int, int | None, Article]],
    session: Session | None,
    config: CheckConfig,
    partial: Callable[[list[tuple[int, int]]], None],
    cancel: threading.Event,
) -> int:
    """Runs in the pool: (index, session id, article) -> pending counts, streamed as [(index, count)]."""
    from editor.core.pending import count_in_process

    entries: list[tuple[int, Article, dict[str, Any] | None]] = []
    for index, aid, article in todo:
        state = None
        if session is not None and aid is not None:
            try:
                state = session.load_review(aid)
            except Exception:  # a damaged saved state: count a fresh analysis, as opening it would
                state = None
        entries.append((index, article, state))
        if cancel.is_set():
            return 0
    count_in_process(entries, config, lambda i, n: partial([(i, n)]), cancel)
    return len(entries)


class PendingCounts(QObject):
    """Keeps the article list's pending counts filled and current."""

    kind = KIND

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        window.loadFinished.connect(lambda _n: self.start())  # every article is read
        window.jobs.partial.connect(self._partial)

    def start(self) -> None:
        """Count every article not analysed yet (in the background)."""
        w = self.w
        todo = [(i, d.aid, d.article) for i, d in enumerate(w.docs) if d.review is None]
        if len(w.docs) < 2 or not todo:
            return
        w.jobs.submit(KIND, count_pending, todo=todo, session=w.keeper.session, config=w.config())

    def _partial(self, kind: str, _job: int, value: object) -> None:
        if kind != KIND or not isinstance(value, list):
            return
        model = self.w.articles.model
        for index, n in value:
            doc = self.w.docs[index] if 0 <= index < len(self.w.docs) else None
            if doc is not None and doc.review is None and n >= 0:
                model.update(index, pending=n)
