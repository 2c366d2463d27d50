"""What can be done with one finding beyond accept and reject, and which of those actions apply to it.

Menus (panes, table) and the detail panel both ask `applicable(item)`, so a right-click never offers what the
panel hides: no "add to dictionary" on a URL or a phrase, no "accept all" where no finding of the rule has a
suggestion, "delete this link" and "set the article's source URL" only for links that lost their host. The
actions themselves run here: ignore a rule in this article (kept in the review, so in the session), turn a rule
off (kept in the preferences), add "always replace X by Y" to the user's glossary (created in the configuration
folder when the preferences name none), delete a link, set the article's source URL and re-check its links.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QDockWidget, QInputDialog, QLineEdit, QWidget

from editor.core.glossary import GlossaryError
from editor.core.text import WORD_RE
from editor.gui.widgets.finding_detail import FindingDetail

if TYPE_CHECKING:
    from editor.core.review import Item
    from editor.core.user_glossary import UserEntry
    from editor.gui.main_window import MainWindow

MISSING_HOST = "link.missing-host"


def _tr(text: str) -> str:
    return QCoreApplication.translate("FindingActions", text)


# (parent, wrong, first suggestion) -> ((wrong, preferred), accepted)
AskGlossary = Callable[[QWidget, str, str], tuple[tuple[str, str], bool]]
# (parent, current url) -> (url, accepted)
AskUrl = Callable[[QWidget, str], tuple[str, bool]]
# (parent, glossary entries, ignored words, glossary file) -> ((entries, words), accepted)
AskWordLists = Callable[[QWidget, "list[UserEntry]", list[str], str], "tuple[tuple[list[UserEntry], list[str]], bool]"]


def ask_glossary_entry(parent: QWidget, wrong: str, prefer: str) -> tuple[tuple[str, str], bool]:
    from editor.gui.dialogs.glossary_entry import GlossaryEntryDialog

    return GlossaryEntryDialog.ask(parent, wrong, prefer)


def ask_source_url(parent: QWidget, current: str) -> tuple[str, bool]:
    text, ok = QInputDialog.getText(
        parent,
        _tr("Article's source URL"),
        _tr("The address the article was published at (host-less links are rebuilt with its site):"),
        QLineEdit.EchoMode.Normal,
        current or "https://",
    )
    return text.strip(), bool(ok)


def ask_word_lists(
    parent: QWidget, entries: list[UserEntry], ignored: list[str], path: str
) -> tuple[tuple[list[UserEntry], list[str]], bool]:
    from editor.gui.dialogs.word_lists import WordListsDialog

    return WordListsDialog.edit(parent, entries, ignored, path)


def is_one_word(text: str) -> bool:
    """A single dictionary word: not a URL, not a phrase, not punctuation."""
    m = WORD_RE.fullmatch(text.strip())
    return m is not None and "://" not in text


class FindingActions(QObject):
    """The actions of one finding that the window's menus and detail panel share."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        self.ask_glossary: AskGlossary = ask_glossary_entry
        self.ask_url: AskUrl = ask_source_url
        self.ask_word_lists: AskWordLists = ask_word_lists

    def build_dock(self) -> QDockWidget:
        """The detail panel in a dock of its own (beside the findings table), wired to the window's commands."""
        w = self.w
        self.detail = FindingDetail(w)
        self.detail.actionRequested.connect(self.run)
        self.detail.suggestionChosen.connect(w.accept_suggestion)
        dock = QDockWidget(self.tr("Finding"), w)
        dock.setObjectName("detailDock")
        dock.setWidget(self.detail)
        w.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        w.splitDockWidget(w.findings_dock, dock, Qt.Orientation.Horizontal)  # beside the table it explains
        return dock

    def show(self, item: Item | None) -> None:
        """The detail panel follows the current finding."""
        self.detail.show_item(item, self.applicable(item))

    def run(self, name: str) -> None:
        """One action of the detail panel or of a menu, on the current finding."""
        w = self.w
        item = w.item(w.current_item)
        commands: dict[str, Callable[[], None]] = {
            "accept": lambda: w.accept_suggestion(1),
            "reject": w.reject,
            "ignore": w.ignore_word,
            "dictionary": w.add_to_dictionary,
            "accept_all": w.accept_all,
            "revert": w.revert,
            "ignore_rule": lambda: self.ignore_rule(item),
            "rule_off": lambda: self.rule_off(item),
            "glossary": lambda: self.add_to_glossary(item),
            "delete_link": lambda: self.delete_link(item),
            "set_url": lambda: self.set_source_url(item),
        }
        command = commands.get(name)
        if command is not None:
            command()

    # ------------------------------------------------------------------------------------------------ what applies
    def applicable(self, item: Item | None) -> frozenset[str]:
        if item is None or self.w.review is None:
            return frozenset()
        f = item.finding
        status = str(item.status)
        if status in ("auto", "accepted"):
            return frozenset({"revert"})
        if status != "pending":
            return frozenset()
        out = {"reject", "ignore_rule", "rule_off"}
        text = f.text.strip()
        if f.suggestions:
            out.add("accept")
        if text and f.category != "link":
            out.add("ignore")
        if is_one_word(text) and f.category in ("spelling", "foreign", "terminology"):
            out.add("dictionary")
        others = [it for it in self.w.review.pending() if it.finding.rule == f.rule and it.finding.suggestions]
        if len(others) > 1:
            out.add("accept_all")
        if text and WORD_RE.search(text) and f.category != "link" and "://" not in text:
            out.add("glossary")
        if f.rule == MISSING_HOST:
            out |= {"delete_link", "set_url"}
        return frozenset(out)

    # ------------------------------------------------------------------------------------------------ actions
    def ignore_rule(self, item: Item | None) -> None:
        """Ignore the finding's rule in this article only: kept in the review's saved state (the session)."""
        review = self.w.review
        if item is None or review is None or self.w.reviews.refused():
            return
        rule = item.finding.rule
        ids = review.ignore_rule(rule)
        self.w.reviews.commit_decision(item)
        self._say(self.tr("{rule} ignored in this article ({n} finding(s))").format(rule=rule, n=len(ids)))

    def rule_off(self, item: Item | None) -> None:
        """Turn the rule off everywhere, in the preferences; the open articles are analysed again."""
        if item is None:
            return
        rule = item.finding.rule
        prefs = self.w.prefs
        if rule in prefs.disabled_rules:
            return
        new = replace(prefs, disabled_rules=(*prefs.disabled_rules, rule))
        self.w.apply_preferences(new)
        self._say(self.tr("{rule} turned off (Preferences, Checking, to turn it back on)").format(rule=rule))

    def add_to_glossary(self, item: Item | None) -> None:
        """Ask "always replace X by Y" (Y: the first suggestion) and write it to the user's glossary file."""
        from editor.core import user_glossary
        from editor.gui.settings import user_glossary_path

        if item is None:
            return
        f = item.finding
        (wrong, prefer), ok = self.ask_glossary(self.w, f.text.strip(), f.suggestions[0] if f.suggestions else "")
        if not ok:
            return
        prefs = self.w.prefs
        path = prefs.glossary_path or str(user_glossary_path())
        lang = self.w.review.lang if self.w.review is not None and self.w.review.lang in ("fr", "de", "en") else "fr"
        try:
            user_glossary.add(path, user_glossary.UserEntry(wrong, prefer, lang=lang))
        except (GlossaryError, OSError) as e:
            self._say(self.tr("The glossary could not be saved: {error}").format(error=str(e)), 8000)
            return
        if not prefs.glossary_path:
            self.w.settings.save_preferences(replace(prefs, glossary_path=path))
            self.w.prefs = self.w.settings.load_preferences()
        self._say(
            self.tr("Glossary: always replace “{wrong}” by “{prefer}” ({path})").format(
                wrong=wrong, prefer=prefer, path=path
            )
        )
        self._recheck_occurrences(wrong)

    def _recheck_occurrences(self, text: str, start: bool = True) -> None:
        """Check again the paragraphs of the open article that hold `text` (a glossary entry changed there)."""
        review = self.w.review
        if review is None or not text:
            return
        at = review.cleaned.find(text)
        while at >= 0:
            review.mark_for_recheck(at, at + len(text))
            at = review.cleaned.find(text, at + len(text))
        if start:
            self.w.reviews.start_recheck()

    def delete_link(self, item: Item | None) -> None:
        if item is None or str(item.status) != "pending" or self.w.review is None or self.w.reviews.refused():
            return
        self.w.review.accept(item.id, "")
        self.w.reviews.commit_decision(item)

    def set_source_url(self, item: Item | None) -> None:
        """Ask the article's source URL, then re-check its links so that host-less ones can be rebuilt."""
        doc = self.w.doc()
        review = self.w.review
        if doc is None or review is None or self.w.reviews.refused():
            return
        url, ok = self.ask_url(self.w, doc.article.url or "")
        if not ok or not url:
            return
        if "://" not in url or not url.split("://", 1)[1].strip("/"):
            self._say(self.tr("Not a web address: {url}").format(url=url), 6000)
            return
        # host-less links can now be rebuilt with the URL's host: the paragraphs of link findings are checked again
        review.article = doc.article = replace(review.article, url=url)
        for it in review.items:
            if it.category == "link":
                review.mark_for_recheck(it.start, it.end)
        self.w.reviews.start_recheck()
        self._say(self.tr("Source URL set: links are checked again with {url}").format(url=url))

    # ------------------------------------------------------------------------------------------------ word lists
    def edit_word_lists(self) -> None:
        """View and change the user's glossary and the session's ignore list; what changed is written (file,
        session) and re-checked in the open articles."""
        from editor.core import user_glossary
        from editor.gui.settings import user_glossary_path

        w = self.w
        path = w.prefs.glossary_path or str(user_glossary_path())
        try:
            entries = user_glossary.entries(path)
        except GlossaryError as e:
            self._say(str(e), 10000)
            return
        ignored = w.keeper.ignored_words()
        (new_entries, new_words), ok = self.ask_word_lists(w, entries, ignored, path)
        if not ok or w.reviews.refused():
            return
        if new_entries != entries:
            try:
                user_glossary.save(path, new_entries)
            except (GlossaryError, OSError) as e:
                self._say(self.tr("The glossary could not be saved: {error}").format(error=str(e)), 8000)
            else:
                if not w.prefs.glossary_path:
                    w.settings.save_preferences(replace(w.prefs, glossary_path=path))
                    w.prefs = w.settings.load_preferences()
                changed = {e.wrong for e in set(entries) ^ set(new_entries)}
                for wrong in changed:
                    self._recheck_occurrences(wrong, start=False)
        self._apply_ignore_list(set(ignored), set(new_words))
        w.reviews.start_recheck()

    def _apply_ignore_list(self, old: set[str], new: set[str]) -> None:
        w = self.w
        session = w.keeper.session
        for word in sorted(new - old):
            w.keeper.ignore_word(word)
        for word in sorted(old - new):
            if session is not None:
                try:
                    session.unignore_word(word)
                except Exception as e:  # the session reports its own write errors; show them, never crash
                    self._say(str(e), 8000)
        for doc in w.docs:
            if doc.review is None:
                continue
            for word in sorted(new - old):
                doc.review.ignore_word(word)
            for word in sorted(old - new):
                doc.review.unignore_word(word)
            if new != old:
                w.keeper.commit(doc)
        if new != old:
            w.reviews.redrawNeeded.emit()
            w.update_actions()

    def _say(self, text: str, ms: int = 5000) -> None:
        self.w.statusBar().showMessage(text, ms)
