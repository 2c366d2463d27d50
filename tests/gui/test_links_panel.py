"""The links panel: states a person can trust, selection into the panes, and the opt-in online check."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from pytestqt.qtbot import QtBot

from editor.core.article import Article
from editor.core.review import Review
from editor.core.rules import link as link_rules
from editor.core.rules.base import CheckConfig, Context
from editor.core.urls import find_links
from editor.gui.colors import CATEGORY_COLORS
from editor.gui.models.links import LinksModel, LinkState, link_rows
from editor.gui.widgets.links import LinksPanel

SOURCE = "https://www.energie-europe.fr/2025/11/28/accord.html"
TEXT = (
    "Voir 🇪🇺 https://example.org/rapport et le lien https: /2025/11/energie/accord-accord/index.html "
    "puis www. energie-europe. fr ou l'adresse <javascript:alert(1)> pour finir.\n\n"
    "Lire aussi : https://example.org/archives"
)


def _review(text: str = TEXT, url: str | None = SOURCE) -> tuple[Article, Review]:
    article = Article(text=text, url=url, lang="fr")
    ctx = Context(text, "fr", CheckConfig(lang="fr"), source_url=url)
    findings = [f for rule in link_rules.RULES for f in rule.check(ctx)]
    return article, Review.open(article, CheckConfig(lang="fr"), findings)


def _item(review: Review, rule: str):  # type: ignore[no-untyped-def]
    return next(it for it in review.items if it.finding.rule == rule)


def _state(rows, fragment: str) -> LinkState:  # type: ignore[no-untyped-def]
    return next(r.state for r in rows if fragment in r.text)


def test_states_follow_the_review(qtbot: QtBot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    article, review = _review()
    links = find_links(article.text, article.url)
    panel = LinksPanel()
    qtbot.addWidget(panel)
    panel.set_links(links, review)
    qtmodeltester.check(panel.model)
    rows = panel.rows()
    assert _state(rows, "example.org/rapport") == LinkState.OK
    assert _state(rows, "https: /2025") == LinkState.MALFORMED
    assert _state(rows, "www. energie") == LinkState.MALFORMED
    missing = next(r for r in rows if "https: /2025" in r.text)
    assert missing.target.startswith("https://www.energie-europe.fr/2025/11/energie/")  # the suggested repair
    for r in rows:  # spans are raw-text code points, even after the emoji
        assert TEXT[r.start : r.end] == r.text

    # Accepting the repair makes the link "repaired" and shows what it now reads.
    review.accept(_item(review, "link.missing-host").id)
    spaced = _item(review, "link.spaced")
    review.accept(spaced.id, "")  # the person deletes this one
    panel.refresh(review)
    qtmodeltester.check(panel.model)
    rows = panel.rows()
    repaired = next(r for r in rows if "https: /2025" in r.text)
    assert repaired.state == LinkState.REPAIRED
    assert repaired.target in review.cleaned and repaired.target.startswith("https://www.energie-europe.fr/")
    assert _state(rows, "www. energie") == LinkState.REMOVED
    assert _state(rows, "example.org/rapport") == LinkState.OK
    labels = [panel.model.index(i, LinksModel.STATE).data() for i in range(panel.model.rowCount())]
    assert "repaired" in labels and "removed" in labels

    # Undo brings the states back.
    review.undo()
    review.undo()
    panel.refresh(review)
    assert _state(panel.rows(), "https: /2025") == LinkState.MALFORMED


def test_links_removed_with_their_line_are_removed(qtbot: QtBot) -> None:
    article, review = _review()
    line = TEXT.index("Lire aussi")
    review.edit(review.raw_to_clean(line), len(review.cleaned), "")
    rows = link_rows(find_links(article.text, article.url), review)
    assert _state(rows, "example.org/archives") == LinkState.REMOVED
    assert _state(rows, "example.org/rapport") == LinkState.OK


def test_without_review_links_are_ok_or_malformed(qtbot: QtBot) -> None:
    rows = link_rows(find_links(TEXT, SOURCE))
    assert {r.state for r in rows} == {LinkState.OK, LinkState.MALFORMED}


def test_selecting_and_activating_a_row_give_raw_spans(qtbot: QtBot) -> None:
    article, review = _review()
    panel = LinksPanel()
    qtbot.addWidget(panel)
    panel.set_links(find_links(article.text, article.url), review)
    panel.show()
    row = next(i for i, r in enumerate(panel.rows()) if "www. energie" in r.text)
    index = panel.proxy.index(row, LinksModel.LINK)
    with qtbot.waitSignal(panel.linkSelected) as selected:
        panel.view.setCurrentIndex(index)
    assert selected.args[0].text == "www. energie-europe. fr"
    with qtbot.waitSignal(panel.linkActivated) as activated:
        panel.view.activated.emit(index)
    start, end = activated.args
    assert TEXT[start:end] == "www. energie-europe. fr"


def test_rows_show_plain_text(qtbot: QtBot) -> None:
    text = 'Voir <img src="/dev/zero"> https://example.org/<b>gras</b> ici'
    panel = LinksPanel()
    qtbot.addWidget(panel)
    panel.set_links(find_links(text))
    panel.show()
    shown = [panel.model.index(i, LinksModel.LINK).data() for i in range(panel.model.rowCount())]
    assert all("<" not in s or s in text for s in shown)
    assert panel.summary.textFormat() == Qt.TextFormat.PlainText


def test_state_colours_follow_dark_mode(qtbot: QtBot) -> None:
    panel = LinksPanel()
    qtbot.addWidget(panel)
    panel.set_links(find_links(TEXT, SOURCE))
    ok_row = next(i for i, r in enumerate(panel.rows()) if r.state == LinkState.OK)
    light = panel.model.index(ok_row, LinksModel.STATE).data(Qt.ItemDataRole.DecorationRole)
    dark = QPalette()
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.Window, QColor("#2d2d2d"))
    panel.setPalette(dark)
    colour = panel.model.index(ok_row, LinksModel.STATE).data(Qt.ItemDataRole.DecorationRole)
    assert isinstance(colour, QColor) and colour != light
    assert colour.name() == CATEGORY_COLORS["typography"].dark


# Online check against a real HTTP server on 127.0.0.1 (never any other host) ----------------------------------
class _Handler(BaseHTTPRequestHandler):
    asked: list[tuple[str, str]] = []  # noqa: RUF012

    def _answer(self) -> None:
        _Handler.asked.append((self.command, self.path))
        code = {"/ok": 200, "/gone": 404}.get(self.path, 500)
        self.send_response(code)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_HEAD = _answer
    do_GET = _answer

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def local_server() -> Iterator[str]:
    from editor.core import online

    online.clear_cache()
    _Handler.asked = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        online.clear_cache()


def test_online_check_is_off_by_default_and_marks_dead_links(qtbot: QtBot, local_server: str) -> None:
    text = f"Le rapport 🇪🇺 {local_server}/ok et l'annexe {local_server}/gone sont cités."
    _article, review = _review(text, None)
    panel = LinksPanel()
    qtbot.addWidget(panel)
    panel.set_links(find_links(text), review)
    assert not panel.check_action.isChecked()
    assert _Handler.asked == []  # nothing asked until the person switches it on
    assert {r.state for r in panel.rows()} == {LinkState.OK}

    with qtbot.waitSignal(panel.onlineCheckFinished, timeout=20_000) as done:
        panel.check_action.setChecked(True)
    assert done.args == [1]
    rows = panel.rows()
    assert _state(rows, "/gone") == LinkState.DEAD
    assert "404" in next(r.detail for r in rows if "/gone" in r.text)
    assert _state(rows, "/ok") == LinkState.OK
    asked = {path for _method, path in _Handler.asked}
    assert asked == {"/ok", "/gone"}

    # Off hides the results; on again shows them without asking the server again.
    panel.check_action.setChecked(False)
    assert {r.state for r in panel.rows()} == {LinkState.OK}
    count = len(_Handler.asked)
    panel.check_action.setChecked(True)
    assert _state(panel.rows(), "/gone") == LinkState.DEAD
    assert len(_Handler.asked) == count
    panel.shutdown()


def test_a_failing_online_check_is_reported_not_raised(qtbot: QtBot) -> None:
    def broken(article: object) -> list[object]:
        raise OSError("network is down")

    article, review = _review("Voir http://127.0.0.1:9/x ici.", None)
    panel = LinksPanel(checker=broken)
    qtbot.addWidget(panel)
    panel.set_links(find_links(article.text), review)
    with qtbot.waitSignal(panel.onlineCheckFinished, timeout=10_000) as done:
        panel.check_action.setChecked(True)
    assert done.args == [-1]
    assert "network is down" in panel.summary.text()
    panel.shutdown()


def test_selected_link_is_shown_in_full_in_a_narrow_dock(qtbot: QtBot) -> None:
    article, review = _review()
    panel = LinksPanel()
    qtbot.addWidget(panel)
    panel.set_links(find_links(article.text, article.url), review)
    panel.resize(260, 400)
    panel.show()
    assert panel.view.isColumnHidden(LinksModel.TARGET) and panel.view.isColumnHidden(LinksModel.DETAIL)
    row = next(i for i, r in enumerate(panel.rows()) if "https: /2025" in r.text)
    panel.view.setCurrentIndex(panel.proxy.index(row, LinksModel.LINK))
    shown = panel.details.text()
    assert "https: /2025/11/energie/accord-accord/index.html" in shown
    assert "Becomes: https://www.energie-europe.fr/2025/11/energie/" in shown
    panel.resize(900, 400)
    assert not panel.view.isColumnHidden(LinksModel.TARGET) and not panel.view.isColumnHidden(LinksModel.DETAIL)
