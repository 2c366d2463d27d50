"""What a session holds, as plain immutable values: article records, decisions, statuses and errors.

Kept apart from the store and the `Session` facade so that a reader of the session (the export, `galley session`)
and the code that re-applies decisions can share these types without the SQLite machinery.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol

from editor.core.i18n import _


class SessionError(Exception):
    """A session that cannot be opened or written; the message is for the user and names the file."""


class SessionLocked(SessionError):
    """The session is open in another live Galley process."""

    def __init__(self, path: Path, pid: int | None) -> None:
        message = (
            _("{path}: this session is open in another Galley window (pid {pid})")
            if pid
            else _("{path}: this session is open in another Galley window")
        )
        super().__init__(message.format(path=path, pid=pid))
        self.path = path
        self.pid = pid


class Status(StrEnum):
    """Where the person is with an article."""

    TODO = "todo"
    IN_PROGRESS = "in_progress"
    DONE = "done"


class Action(StrEnum):
    """What the person decided about one finding (automatic fixes kept as they are need no decision)."""

    ACCEPTED = "accepted"
    REJECTED = "rejected"
    IGNORED = "ignored"
    REVERTED = "reverted"  # an automatic fix undone by the person


class StateProvider(Protocol):
    """Anything that can give its review state (the editor passes its `Review`)."""

    def to_state(self) -> dict[str, Any]: ...


StateLike = Mapping[str, Any] | StateProvider | Callable[[], Mapping[str, Any]]


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """One article as the session knows it (no text: `Session.article(id)` rebuilds the full Article)."""

    id: int
    position: int
    source: str
    record_index: int
    line: int | None
    sha256: str
    title: str | None
    url: str | None
    lang: str | None
    status: Status
    added_at: str
    status_at: str | None
    state_at: str | None
    decisions: int = 0

    @property
    def label(self) -> str:
        if self.title:
            return self.title
        name = self.source.replace("\\", "/").rsplit("/", 1)[-1]
        return f"{name}#{self.record_index}" if self.record_index else name


@dataclass(frozen=True, slots=True)
class Decision:
    """One decision about one finding. `start`/`end`/`text` locate the finding in the article's raw text."""

    id: int
    article_id: int
    action: Action
    category: str
    rule: str
    start: int
    end: int
    text: str
    replacement: str | None
    context_before: str = ""
    context_after: str = ""
    auto: bool = False
    item_id: int | None = None
    decided_at: str = ""
    active: bool = True

    def to_json(self) -> dict[str, Any]:
        """The `galley session --format json` shape (a public contract)."""
        return {
            "article": self.article_id,
            "category": self.category,
            "rule": self.rule,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "action": str(self.action),
            "replacement": self.replacement,
        }


@dataclass(frozen=True, slots=True)
class ReapplyResult:
    """What survived re-applying a session's decisions onto a changed source."""

    kept: int
    lost: int
    lost_decisions: tuple[Decision, ...] = ()
    state: dict[str, Any] | None = None


def text_sha256(text: str) -> str:
    """The fingerprint of an article's text, the thing every offset in the session refers to."""
    return hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()
