"""Every command of the window as a QAction with its shortcut: menus, the keyboard and tests share them.

The review keys are also "reserved" in the Cleaned pane, so that the text editor's own bindings (Ctrl+Z,
Ctrl+Backspace, Ctrl+Return...) do not swallow them: undo is the review's undo, covering fixes and hand edits.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence


def _tr(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


@dataclass(frozen=True, slots=True)
class Command:
    name: str
    label: str
    keys: tuple[str, ...] = ()
    tip: str = ""


def commands() -> list[Command]:
    """The window's commands, in menu order (labels translated at call time)."""
    return [
        Command("open", _tr("&Open…"), ("Ctrl+O",), _tr("Open files, folders or JSONL corpora")),
        Command("export", _tr("&Export…"), ("Ctrl+E",), _tr("Export the corrected articles of the session")),
        Command("quit", _tr("&Quit"), ("Ctrl+Q",)),
        Command("undo", _tr("&Undo"), ("Ctrl+Z",), _tr("Undo the last fix or hand edit")),
        Command("redo", _tr("&Redo"), ("Ctrl+Shift+Z", "Ctrl+Y"), _tr("Redo")),
        Command("find", _tr("&Find and Replace…"), ("Ctrl+F",)),
        Command(
            "find_all",
            _tr("Find and Replace in A&ll Articles…"),
            ("Ctrl+Shift+F",),
            _tr("Regular expressions over every open article, with a preview of every match"),
        ),
        Command("preferences", _tr("&Preferences…"), ("Ctrl+,",)),
        Command("next", _tr("&Next Finding"), ("F8",), _tr("Go to the next pending finding")),
        Command("previous", _tr("&Previous Finding"), ("Shift+F8",), _tr("Go to the previous pending finding")),
        Command("accept", _tr("&Accept"), ("Ctrl+Return", "Ctrl+Enter"), _tr("Accept the first suggestion")),
        Command("reject", _tr("&Reject"), ("Ctrl+Backspace",), _tr("Keep the text as it is")),
        Command(
            "accept_all",
            _tr("Accept All of This &Rule…"),
            ("Ctrl+Shift+Return", "Ctrl+Shift+Enter"),
            _tr("Accept every pending finding of the same rule, after a confirmation"),
        ),
        Command(
            "bulk",
            _tr("Accept in &Bulk…"),
            ("Ctrl+Shift+B",),
            _tr("Accept every safe finding, or all of a category or rule, here or in every open article"),
        ),
        Command("ignore", _tr("&Ignore Word in Session"), ("Ctrl+I",)),
        Command("dictionary", _tr("Add to Personal &Dictionary"), ("Ctrl+Shift+D",)),
        Command(
            "word_lists", _tr("&Glossary and Ignore List…"), (), _tr("Your glossary and this session's ignore list")
        ),
        Command("revert", _tr("Re&vert Automatic Fix"), ("Ctrl+Shift+R",), _tr("Undo one automatic fix")),
        Command("done", _tr("Mark &Done and Open Next"), ("Ctrl+D",)),
        Command(
            "statistics",
            _tr("&Statistics…"),
            ("Ctrl+Shift+T",),
            _tr("Findings per category, rule and decision, for the article and the session"),
        ),
        Command("keys", _tr("&Keyboard Shortcuts"), ("F1",)),
        Command("about", _tr("&About Galley")),
    ]


@dataclass
class Actions:
    """The window's QActions by command name, plus the Alt+N "accept suggestion N" actions."""

    by_name: dict[str, QAction] = field(default_factory=dict)
    suggestion: list[QAction] = field(default_factory=list)

    def __getitem__(self, name: str) -> QAction:
        return self.by_name[name]

    def all_shortcuts(self) -> list[QKeySequence]:
        seqs: list[QKeySequence] = []
        for action in [*self.by_name.values(), *self.suggestion]:
            seqs.extend(action.shortcuts())
        return seqs


def build_actions(
    parent: QObject, handlers: dict[str, Callable[[], object]], accept_n: Callable[[int], None]
) -> Actions:
    """Create the actions, each triggering its handler; Alt+1…Alt+9 call accept_n(N)."""
    acts = Actions()
    for cmd in commands():
        action = QAction(cmd.label, parent)
        action.setObjectName(f"action_{cmd.name}")
        if cmd.keys:
            action.setShortcuts([QKeySequence(k) for k in cmd.keys])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if cmd.tip:
            action.setStatusTip(cmd.tip)
            action.setToolTip(f"{cmd.tip} ({cmd.keys[0]})" if cmd.keys else cmd.tip)
        handler = handlers.get(cmd.name)
        if handler is not None:
            action.triggered.connect(lambda _checked=False, h=handler: h())
        acts.by_name[cmd.name] = action
    for n in range(1, 10):
        action = QAction(_tr("Accept Suggestion {n}").format(n=n), parent)
        action.setObjectName(f"action_accept_{n}")
        action.setShortcut(QKeySequence(f"Alt+{n}"))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False, k=n: accept_n(k))
        acts.suggestion.append(action)
    return acts


def key_table() -> list[tuple[str, str]]:
    """(keys, what they do) for the Keyboard Shortcuts window and the README."""
    keyed = [c for c in commands() if c.keys]
    rows = [(", ".join(c.keys), c.label.replace("&", "").rstrip("…")) for c in keyed]
    after_accept = next(i for i, c in enumerate(keyed) if c.name == "accept") + 1
    rows.insert(after_accept, ("Alt+1 … Alt+9", _tr("Accept suggestion N")))
    return rows
