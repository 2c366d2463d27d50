"""Find and replace in the Cleaned pane, with regular expressions allowed.

The dialog never edits the text widget itself: every replacement goes through the `apply_edit(start, end, text)`
callback, in code points of the pane's text, so the review model records it as a hand edit (undoable, re-checked,
kept in the change log) and the pane is refreshed by its owner. The text is read with `toRawText()`
(`toPlainText()` would turn no-break spaces into spaces) and positions cross into Qt through `Utf16Index` (Qt
counts an emoji as two units), so matches after an emoji are selected exactly.

Regular expressions run in a separate process (see `regex_search`) with a time budget: a pathological pattern such
as `(a+)+$` is stopped after `timeout` seconds with a message, and the window never freezes. An invalid pattern or
replacement shows a message in the dialog, never a traceback.

How the main window uses it:

    self.find_dialog = FindReplaceDialog(self.cleaned_pane, self._apply_find_edit, parent=self,
                                         apply_edits=self._apply_find_edits)   # apply_edits is optional
    # Ctrl+F:
    self.find_dialog.open_for_selection()

- `apply_edit(start, end, text)`: replace cleaned[start:end] by `text` (code points) through
  `Review.edit(start, end, text)` and refresh the pane synchronously (the dialog reads the pane right after).
- `apply_edits([(start, end, text), ...])` (optional): the same for "Replace all" in one undo step; the list is
  sorted from the end of the text to its start, so each edit leaves the earlier positions valid. Without it,
  "Replace all" calls `apply_edit` once per match, in that order.
- Signal `matchSelected(start, end)` (code points) after a match is selected, to scroll the Raw pane with it.
- Signal `searchFinished(count)` after each search (-1 when it failed); `message()` is the status line's text.
- Shortcuts inside the dialog: Return = next, Shift+Return = previous, F3 / Shift+F3 likewise.
- With `corpus` (see `corpus_find.Corpus`), "In all open articles" searches every open article, one after the
  other in the same time-boxed process, lists every match with its context (`ask_corpus`, replaceable by tests)
  and replaces them all once confirmed, one undo step per article.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.gui.dialogs.corpus_find import AskCorpus, Corpus, CorpusPreviewDialog, CorpusSearch, Match, group_edits
from editor.gui.dialogs.regex_search import Query, Result, Searcher, find_all
from editor.gui.positions import Utf16Index

ApplyEdit = Callable[[int, int, str], None]
ApplyEdits = Callable[[list[tuple[int, int, str]]], None]
Action = Callable[[Result], None]


def pane_text(editor: QPlainTextEdit) -> str:
    """The pane's text exactly as stored (no-break spaces kept), paragraphs separated by newlines."""
    return editor.document().toRawText().replace("\u2029", "\n")


class FindReplaceDialog(QDialog):
    """Non-modal find/replace window bound to one QPlainTextEdit."""

    matchSelected = Signal(int, int)
    searchFinished = Signal(int)

    def __init__(
        self,
        editor: QPlainTextEdit,
        apply_edit: ApplyEdit,
        parent: QWidget | None = None,
        apply_edits: ApplyEdits | None = None,
        timeout: float = 2.0,
        corpus: Corpus | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("findReplaceDialog")
        self.setWindowTitle(self.tr("Find and Replace"))
        self.setModal(False)
        self.editor = editor
        self._apply_edit = apply_edit
        self._apply_edits = apply_edits
        self._searcher = Searcher(timeout=timeout)
        self.destroyed.connect(self._searcher.close)  # never leave a search process behind
        self._cache: tuple[Query, str, Result] | None = None
        self._pending: tuple[Query, str, Action] | None = None
        self._poll = QTimer(self)
        self._poll.setInterval(15)
        self._poll.timeout.connect(self._check_search)
        self._corpus = corpus
        self.ask_corpus: AskCorpus = CorpusPreviewDialog.ask
        self._corpus_search = CorpusSearch(self._searcher, self)
        self._corpus_search.finished.connect(self._corpus_done)
        self._corpus_search.progress.connect(
            lambda i, n: self._set_message(self.tr("Searching article {i} of {n}…").format(i=i, n=n))
        )
        self._corpus_replacing = False
        self._corpus_left_out = 0

        self.find_edit = QLineEdit(self)
        self.find_edit.setObjectName("findEdit")
        self.find_edit.setPlaceholderText(self.tr("Text or regular expression"))
        self.find_edit.setClearButtonEnabled(True)
        self.replace_edit = QLineEdit(self)
        self.replace_edit.setObjectName("replaceEdit")
        self.replace_edit.setPlaceholderText(self.tr("Replacement (\\1 or \\g<name> for groups)"))
        self.replace_edit.setClearButtonEnabled(True)
        self.regex_box = QCheckBox(self.tr("Regular e&xpression"), self)
        self.case_box = QCheckBox(self.tr("&Match case"), self)
        self.words_box = QCheckBox(self.tr("&Whole words"), self)
        self.everywhere_box = QCheckBox(self.tr("In all open a&rticles"), self)
        self.everywhere_box.setObjectName("findEverywhere")
        self.everywhere_box.setVisible(corpus is not None)
        self.everywhere_box.setToolTip(self.tr("Next and Replace All list every match of every article first"))
        self.status = QLabel(self)
        self.status.setObjectName("findStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # may quote the pattern: never rich text
        self.status.setWordWrap(True)
        self.status.setMinimumHeight(self.status.fontMetrics().lineSpacing() * 3)
        self.status.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

        self.previous_button = QPushButton(self.tr("&Previous"), self)
        self.next_button = QPushButton(self.tr("&Next"), self)
        self.replace_button = QPushButton(self.tr("&Replace"), self)
        self.replace_all_button = QPushButton(self.tr("Replace &All"), self)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.stop_button = QPushButton(self.tr("&Stop"), self)
        self.stop_button.setObjectName("findStop")
        self.stop_button.hide()
        self.stop_button.clicked.connect(self.stop)
        for button in (self.previous_button, self.replace_button, self.replace_all_button, self.close_button):
            button.setAutoDefault(False)
        self.next_button.setDefault(True)

        form = QFormLayout()
        form.addRow(self.tr("&Find:"), self.find_edit)
        form.addRow(self.tr("Replace &with:"), self.replace_edit)
        options = QHBoxLayout()
        for box in (self.regex_box, self.case_box, self.words_box, self.everywhere_box):
            options.addWidget(box)
        options.addStretch(1)
        buttons = QHBoxLayout()
        for button in (self.previous_button, self.next_button, self.replace_button, self.replace_all_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.stop_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(options)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

        self.next_button.clicked.connect(self.find_next)
        self.previous_button.clicked.connect(self.find_previous)
        self.replace_button.clicked.connect(self.replace_current)
        self.replace_all_button.clicked.connect(self.replace_all)
        self.close_button.clicked.connect(self.close)
        self.find_edit.returnPressed.connect(self.find_next)
        self.find_edit.textChanged.connect(lambda _text: self._set_message(""))
        QShortcut(QKeySequence(Qt.Key.Key_F3), self, self.find_next)
        QShortcut(QKeySequence(Qt.Modifier.SHIFT | Qt.Key.Key_F3), self, self.find_previous)
        QShortcut(QKeySequence(Qt.Modifier.SHIFT | Qt.Key.Key_Return), self, self.find_previous)
        self.resize(520, self.sizeHint().height())

    # Public API ------------------------------------------------------------------------------------------------
    def open_for_selection(self) -> None:
        """Show the dialog, seeded with the pane's selection when it is a short single line."""
        selected = self.editor.textCursor().selectedText()
        if selected and "\u2029" not in selected and len(selected) <= 200:
            self.find_edit.setText(selected)
        self.show()
        self.raise_()
        self.activateWindow()
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    def message(self) -> str:
        return self.status.text()

    def is_searching(self) -> bool:
        return self._pending is not None

    def find_next(self) -> None:
        if self.everywhere:
            self.search_everywhere(replacing=False)
            return
        self._run(self._select_next)

    def find_previous(self) -> None:
        if self.everywhere:
            self.search_everywhere(replacing=False)
            return
        self._run(self._select_previous)

    def replace_current(self) -> None:
        """Replace the selected match (if the selection is one), then go to the next match."""
        if self.everywhere:
            self.search_everywhere(replacing=True)
            return
        self._run(self._replace_selected)

    def replace_all(self) -> None:
        if self.everywhere:
            self.search_everywhere(replacing=True)
            return
        self._run(self._replace_every)

    # Every open article ----------------------------------------------------------------------------------------
    @property
    def everywhere(self) -> bool:
        return self._corpus is not None and self.everywhere_box.isChecked()

    def search_everywhere(self, replacing: bool) -> None:
        """Search every open article; then list the matches (and replace them all when confirmed)."""
        query = self._query()
        if query is None or self._corpus is None:
            self._set_message(self.tr("Type the text to find."))
            return
        try:
            query.compiled()
        except Exception as e:  # re.error, OverflowError, RecursionError on absurd patterns
            self._show_error(str(e))
            return
        self._corpus_replacing = replacing
        self.stop_button.show()
        texts = self._corpus.texts()
        self._corpus_left_out = self._corpus.count() - len(texts)
        self._corpus_search.start(query, texts)

    def stop(self) -> None:
        """Stop a search of every article (Stop button)."""
        self._corpus_search.cancel()

    def _corpus_done(self, matches: list[Match], error: str) -> None:
        self.stop_button.hide()
        if error:
            if error == "cancelled":
                self._set_message(self.tr("Search stopped."))
            elif error.startswith("timeout:"):
                self._set_message(
                    self.tr(
                        "The search took longer than {seconds:g} s in “{article}” and was stopped. "
                        "Simplify the regular expression (nested repetitions such as (a+)+ are slow)."
                    ).format(seconds=self._searcher.timeout, article=error.split(":", 1)[1])
                )
            else:
                self._show_error(error)
                return
            self.searchFinished.emit(-1)
            return
        self.searchFinished.emit(len(matches))
        left_out = ""
        if self._corpus_left_out:
            left_out = " " + self.tr("{m} article(s) not analysed yet (or read-only) were not searched.").format(
                m=self._corpus_left_out
            )
        if not matches or self._corpus is None:
            self._set_message(self.tr("No match.") + left_out)
            return
        articles = len({m.doc for m in matches})
        self._set_message(self.tr("{n} match(es) in {k} article(s).").format(n=len(matches), k=articles) + left_out)
        replace, chosen = self.ask_corpus(self, matches, self._corpus_replacing)
        if replace:
            changed = self._corpus.apply(group_edits(matches), self._corpus_search.searched)
            message = self.tr("Replaced {n} occurrence(s) in {k} article(s); Ctrl+Z undoes them, article by article.")
            self._set_message(message.format(n=len(matches), k=changed) + left_out)
        elif chosen is not None:
            self._corpus.go_to(chosen.doc, chosen.start, chosen.end)

    # Searching -------------------------------------------------------------------------------------------------
    def _query(self) -> Query | None:
        pattern = self.find_edit.text()
        if not pattern:
            return None
        return Query(
            pattern,
            regex=self.regex_box.isChecked(),
            case_sensitive=self.case_box.isChecked(),
            whole_words=self.words_box.isChecked(),
            template=self.replace_edit.text(),
        )

    def _run(self, action: Action) -> None:
        query = self._query()
        if query is None:
            self._set_message(self.tr("Type the text to find."))
            return
        text = pane_text(self.editor)
        if self._cache is not None and self._cache[0] == query and self._cache[1] == text:
            action(self._cache[2])
            return
        if not query.regex:  # a literal pattern is linear: no need for the worker
            self._finish(query, text, find_all(query, text), action)
            return
        try:
            query.compiled()
        except Exception as e:  # re.error, OverflowError, RecursionError on absurd patterns
            self._show_error(str(e))
            return
        self._pending = (query, text, action)
        self._searcher.submit(query, text)
        self._set_message(self.tr("Searching…"))
        self._poll.start()

    def _check_search(self) -> None:
        if self._pending is None:
            self._poll.stop()
            return
        answer = self._searcher.poll()
        if answer is None:
            return
        self._poll.stop()
        query, text, action = self._pending
        self._pending = None
        self._finish(query, text, answer[1], action)

    def _finish(self, query: Query, text: str, result: Result, action: Action) -> None:
        if result.error is not None:
            self._cache = None
            if result.error == "timeout":
                self._set_message(
                    self.tr(
                        "The search took longer than {seconds:g} s and was stopped. "
                        "Simplify the regular expression (nested repetitions such as (a+)+ are slow)."
                    ).format(seconds=self._searcher.timeout)
                )
            else:
                self._show_error(result.error)
            self.searchFinished.emit(-1)
            return
        self._cache = (query, text, result)
        self.searchFinished.emit(len(result.matches))
        action(result)

    def _show_error(self, detail: str) -> None:
        self._set_message(self.tr("Invalid regular expression or replacement: {detail}").format(detail=detail))
        self.searchFinished.emit(-1)

    def _set_message(self, text: str) -> None:
        self.status.setText(text)

    # Actions on results ----------------------------------------------------------------------------------------
    def _selection(self, index: Utf16Index) -> tuple[int, int]:
        cursor = self.editor.textCursor()
        return index.to_code_point(cursor.selectionStart()), index.to_code_point(cursor.selectionEnd())

    def _count_message(self, result: Result, position: int | None = None, wrapped: bool = False) -> str:
        total = len(result.matches)
        if total == 0:
            return self.tr("No match.")
        more = self.tr(" (stopped after {count} matches)").format(count=total) if result.truncated else ""
        if position is None:
            text = self.tr("1 match") if total == 1 else self.tr("{count} matches").format(count=total)
        else:
            text = self.tr("Match {index} of {total}").format(index=position + 1, total=total)
        if wrapped:
            text += " " + self.tr("(search wrapped around)")
        return text + more

    def _select(self, result: Result, i: int, wrapped: bool = False) -> None:
        start, end, _repl = result.matches[i]
        index = Utf16Index(pane_text(self.editor))
        cursor = self.editor.textCursor()
        cursor.setPosition(index.to_utf16(start))
        cursor.setPosition(index.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.ensureCursorVisible()
        self._set_message(self._count_message(result, i, wrapped))
        self.matchSelected.emit(start, end)

    def _select_next(self, result: Result) -> None:
        if not result.matches:
            self._set_message(self._count_message(result))
            return
        _sel_start, sel_end = self._selection(Utf16Index(self._cache[1] if self._cache else ""))
        for i, (start, _end, _r) in enumerate(result.matches):
            if start >= sel_end:
                self._select(result, i)
                return
        self._select(result, 0, wrapped=True)

    def _select_previous(self, result: Result) -> None:
        if not result.matches:
            self._set_message(self._count_message(result))
            return
        sel_start, _sel_end = self._selection(Utf16Index(self._cache[1] if self._cache else ""))
        for i in range(len(result.matches) - 1, -1, -1):
            if result.matches[i][0] < sel_start:
                self._select(result, i)
                return
        self._select(result, len(result.matches) - 1, wrapped=True)

    def _replace_selected(self, result: Result) -> None:
        text = self._cache[1] if self._cache else pane_text(self.editor)
        selection = self._selection(Utf16Index(text))
        for start, end, repl in result.matches:
            if (start, end) == selection:
                replacement = repl or ""
                self._apply_edit(start, end, replacement)
                self._cache = None
                self._place_cursor(start + len(replacement))
                self.find_next()
                return
        self._select_next(result)

    def _replace_every(self, result: Result) -> None:
        if not result.matches:
            self._set_message(self._count_message(result))
            return
        edits = [(start, end, repl or "") for start, end, repl in reversed(result.matches)]
        if self._apply_edits is not None:
            self._apply_edits(edits)
        else:
            for edit in edits:
                self._apply_edit(*edit)
        self._cache = None
        if len(edits) == 1:
            self._set_message(self.tr("Replaced 1 occurrence."))
        else:
            self._set_message(self.tr("Replaced {count} occurrences.").format(count=len(edits)))

    def _place_cursor(self, cp: int) -> None:
        text = pane_text(self.editor)
        cursor = self.editor.textCursor()
        cursor.setPosition(Utf16Index(text).to_utf16(min(cp, len(text))))
        self.editor.setTextCursor(cursor)

    # Lifetime --------------------------------------------------------------------------------------------------
    def hideEvent(self, event: QHideEvent) -> None:
        """Stop the search process when the dialog goes away; it restarts on the next regex search."""
        self._poll.stop()
        self._pending = None
        self._corpus_search.cancel(silent=True)
        self.stop_button.hide()
        self._searcher.close()
        super().hideEvent(event)


def replace_in_text(text: str, edits: Sequence[tuple[int, int, str]]) -> str:
    """Apply edits sorted from the end (what `apply_edits` receives) to a string: for callers and tests."""
    for start, end, repl in edits:
        text = text[:start] + repl + text[end:]
    return text
