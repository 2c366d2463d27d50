"""The finding detail panel: why the selected finding is there and what can be done with it.

It shows the finding's rule, message, the rule's explanation and examples (`editor.core.rules._docs`, the same
documentation as `galley rules ID`), its suggestions with the key that accepts each (Alt+1…), and one button per
action that applies to it. It decides nothing itself: each button emits `actionRequested(name)` or
`suggestionChosen(n)` and the window runs its own command, the one the menus and the keyboard run.
Every text is set as plain text: a finding quotes the article, which may hold markup.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from editor.gui.colors import category_label
from editor.gui.models.findings import severity_label, status_label

if TYPE_CHECKING:
    from editor.core.review import Item
    from editor.core.rules._docs import RuleDoc

MAX_SUGGESTIONS = 9  # Alt+1 … Alt+9
_SOFT_BREAK = re.compile(r"(?<!\n)\n(?!\n)")


@cache
def _rules_by_id() -> dict[str, object]:
    from editor.core.rules import all_rules

    return {r.id: r for r in all_rules()}


def rule_doc(rule_id: str) -> RuleDoc | None:
    """The documentation of a rule in the current language (None for a rule Galley does not know)."""
    from editor.core.rules._docs import RuleDocError, doc_for

    rule = _rules_by_id().get(rule_id)
    if rule is None:
        return None
    try:
        return doc_for(rule)  # type: ignore[arg-type]
    except RuleDocError:
        return None


def _label(parent: QWidget, name: str, bold: bool = False) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    return label


class FindingDetail(QWidget):
    """Shows one finding (or says that none is selected); buttons ask the window to act on it."""

    actionRequested = Signal(str)  # a name of `FindingActions.run`: accept, reject, ignore, ignore_rule, …
    suggestionChosen = Signal(int)  # 1-based, as Alt+N

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findingDetail")
        self.item_id: int | None = None
        inner = QWidget(self)
        self.title = _label(inner, "detailTitle", bold=True)
        self.message = _label(inner, "detailMessage")
        self.explanation = _label(inner, "detailExplanation")
        self.examples = _label(inner, "detailExamples")
        self.suggestions_box = QWidget(inner)
        self.suggestions_layout = QVBoxLayout(self.suggestions_box)
        self.suggestions_layout.setContentsMargins(0, 0, 0, 0)
        self.suggestions_layout.setSpacing(2)
        self.suggestion_buttons: list[QPushButton] = []

        self.buttons: dict[str, QPushButton] = {}
        actions = QWidget(inner)
        grid = QGridLayout(actions)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(3)
        for n, (name, text) in enumerate(self._action_labels().items()):
            button = QPushButton(text, actions)
            button.setObjectName(f"detail_{name}")
            button.clicked.connect(lambda _c=False, a=name: self.actionRequested.emit(a))
            grid.addWidget(button, n // 2, n % 2)
            self.buttons[name] = button

        self.heading_explanation = _label(inner, "detailWhyHeading", bold=True)
        self.heading_explanation.setText(self.tr("Why"))
        self.heading_examples = _label(inner, "detailExamplesHeading", bold=True)
        self.heading_examples.setText(self.tr("Examples"))
        self.heading_suggestions = _label(inner, "detailSuggestionsHeading", bold=True)
        self.heading_suggestions.setText(self.tr("Suggestions"))

        layout = QVBoxLayout(inner)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        for w in (
            self.title,
            self.message,
            self.heading_suggestions,
            self.suggestions_box,
            actions,
            self.heading_explanation,
            self.explanation,
            self.heading_examples,
            self.examples,
        ):
            layout.addWidget(w)
        layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.show_item(None)

    def sizeHint(self) -> QSize:
        fm = self.fontMetrics()
        return QSize(fm.averageCharWidth() * 48, fm.height() * 24)

    def _action_labels(self) -> dict[str, str]:
        return {
            "accept": self.tr("&Accept (Ctrl+Return)"),
            "reject": self.tr("Re&ject (Ctrl+Backspace)"),
            "ignore": self.tr("Ignore this &word (Ctrl+I)"),
            "dictionary": self.tr("Add to &dictionary (Ctrl+Shift+D)"),
            "ignore_rule": self.tr("Ignore this rule in this arti&cle"),
            "rule_off": self.tr("&Turn this rule off"),
            "glossary": self.tr("Add to &glossary…"),
            "accept_all": self.tr("Accept all of this r&ule…"),
            "delete_link": self.tr("De&lete this link"),
            "set_url": self.tr("Set the article's &source URL…"),
            "revert": self.tr("Revert this fi&x (Ctrl+Shift+R)"),
        }

    # ------------------------------------------------------------------------------------------------ content
    def show_item(self, item: Item | None, applicable: frozenset[str] = frozenset()) -> None:
        """Show `item` (None: nothing selected); only the buttons named in `applicable` are shown."""
        self.item_id = item.id if item is not None else None
        for button in self.suggestion_buttons:  # gone at once: a deferred delete can wait for the event loop
            button.hide()
            self.suggestions_layout.removeWidget(button)
            button.deleteLater()
        self.suggestion_buttons = []
        for name, button in self.buttons.items():
            button.setVisible(item is not None and name in applicable)
        if item is None:
            self.title.setText(self.tr("No finding selected"))
            self.message.setText(self.tr("Select a finding in the table or press F8 to go to the next one."))
            for w in (self.explanation, self.examples, self.heading_explanation, self.heading_examples):
                w.hide()
            self.heading_suggestions.hide()
            return
        f = item.finding
        status = str(item.status)
        self.title.setText(
            f"{category_label(f.category)} · {f.rule} · {severity_label(str(f.severity))} · {status_label(status)}"
        )
        message = f.message
        if status in ("auto", "accepted") and item.replacement is not None:
            message += "\n" + self.tr("Changed “{before}” → “{after}”").format(before=f.text, after=item.replacement)
        self.message.setText(message)
        if status == "pending":
            for n, s in enumerate(f.suggestions[:MAX_SUGGESTIONS], start=1):
                shown = f"“{s}”" if s else self.tr("(delete)")
                button = QPushButton(f"Alt+{n}   {shown}".replace("&", "&&"), self.suggestions_box)
                button.setObjectName(f"detailSuggestion{n}")
                button.setStyleSheet("text-align: left; padding: 2px 6px;")
                button.clicked.connect(lambda _c=False, k=n: self.suggestionChosen.emit(k))
                self.suggestions_layout.addWidget(button)
                button.show()
                self.suggestion_buttons.append(button)
        self.heading_suggestions.setVisible(bool(self.suggestion_buttons))
        self._show_doc(rule_doc(f.rule))

    def _show_doc(self, doc: RuleDoc | None) -> None:
        # the documentation wraps its lines; only blank lines separate paragraphs
        explanation = _SOFT_BREAK.sub(" ", doc.explanation) if doc is not None else ""
        self.explanation.setText(explanation)
        self.explanation.setVisible(bool(explanation))
        self.heading_explanation.setVisible(bool(explanation))
        lines: list[str] = []
        for e in doc.examples[:4] if doc is not None else ():
            fix = f" → “{e.suggestion}”" if e.suggestion is not None else ""
            lines.append(f"✗ {e.wrong.strip()}{fix}")
            lines.append(f"✓ {e.right.strip()}")
        self.examples.setText("\n".join(lines))
        self.examples.setVisible(bool(lines))
        self.heading_examples.setVisible(bool(lines))

    def shown_text(self) -> str:
        """Everything the panel says (for tests and screen readers)."""
        parts = [self.title.text(), self.message.text()]
        parts += [b.text() for b in self.suggestion_buttons]
        parts += [w.text() for w in (self.explanation, self.examples) if not w.isHidden()]
        return "\n".join(parts)
