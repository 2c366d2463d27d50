"""Issue 8 through the real window: line ends and separators from open to export, the encoding shown and
changed, fallback lines flagged, and a file deleted or changed while it is open.

Everything goes through MainWindow offscreen: the file is opened with a session, typed into like a keyboard
does, and exported by the window's own export job; the assertions read the exported bytes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QDialog

from tests.gui.conftest import open_and_wait, when_modal
from tests.gui.test_main_window import type_text


def type_at(qtbot: Any, w: Any, position: int, text: str) -> None:
    """Put the cursor at a code-point position of the Cleaned pane and type, as a person does."""
    w.clean.set_cursor_position(position)
    w.clean.setFocus()
    type_text(w.clean, text)
    qtbot.waitUntil(lambda: w.review.cleaned == w.clean.text())


def export_txt(qtbot: Any, w: Any, folder: Path) -> bytes:
    w.export(str(folder), "txt", force=True)
    qtbot.waitUntil(lambda: not w.jobs.is_running("export"), timeout=60_000)
    (out,) = list(folder.iterdir())
    return out.read_bytes()


# ------------------------------------------------------------------------------------------------ line ends
@pytest.mark.parametrize(
    ("name", "raw", "expected"),
    [
        # CRLF and CR files come back with their own line ends.
        (
            "crlf",
            b"Le titre\r\n\r\nUn texte\xc2\xa0: fin.\r\n",
            b"Le titre\r\n\r\nUn texte ajout\xc3\xa9\xc2\xa0: fin.\r\n",
        ),
        ("cr", b"Le titre\r\rUn texte\xc2\xa0: fin.\r", b"Le titre\r\rUn texte ajout\xc3\xa9\xc2\xa0: fin.\r"),
        # Mixed line ends: one convention, the file's most frequent (CRLF wins a tie), never a mixture.
        ("mixed", b"Le titre\r\n\r\nUn texte\xc2\xa0: fin.\rsuite\n", None),
        # U+2028 and U+2029 are characters of the text, not line ends of the file: kept as they were.
        (
            "separators",
            "Le titre\n\nUn texte\u00a0: fin.\u2028ligne\u2029para\n".encode(),
            "Le titre\n\nUn texte ajouté\u00a0: fin.\u2028ligne\u2029para\n".encode(),
        ),
    ],
)
def test_line_ends_separators_and_nbsp_survive_open_edit_export(
    qtbot: Any, window: Any, tmp_path: Path, name: str, raw: bytes, expected: bytes | None
) -> None:
    src = tmp_path / f"{name}.txt"
    src.write_bytes(raw)
    open_and_wait(qtbot, window, [str(src)], str(tmp_path / "s.galley"))
    assert window.review.cleaned == window.clean.text()
    where = window.clean.text().index("texte") + len("texte")
    type_at(qtbot, window, where, " ajouté")
    # What Qt holds is what the review holds (no-break spaces intact: PITFALLS 2).
    assert window.clean.document_text() == window.review.cleaned.replace("\u2029", "\n")
    assert "\u00a0" in window.clean.document_text()
    data = export_txt(qtbot, window, tmp_path / "out")
    if expected is not None:
        assert data == expected
    else:
        assert data == b"Le titre\r\n\r\nUn texte ajout\xc3\xa9\xc2\xa0: fin.\r\nsuite\r\n"


# ------------------------------------------------------------------------------------------------ encodings
def test_encoding_is_shown_and_the_file_can_be_reopened_with_another(qtbot: Any, window: Any, tmp_path: Path) -> None:
    text = "L'été à Noël, la fête coûte 5 € à Zürich.\n\nFin de l'article.\n"
    src = tmp_path / "legacy.txt"
    src.write_bytes(text.encode("iso8859-15"))
    open_and_wait(qtbot, window, [str(src)], str(tmp_path / "s.galley"))
    assert window.review.raw == text
    shown = " ".join(label.text() for label in (window.lang_label, window.counts_label, window.saved_label))
    encoding = window.docs[0].article.encoding
    assert encoding == "iso8859-15"
    assert any(name in shown.lower() for name in ("iso8859-15", "iso-8859-15", "latin-9")), shown

    seen: list[str] = []

    def pick(dialog: QDialog) -> None:
        seen.append(dialog.current_label.text())  # type: ignore[attr-defined]
        seen.append(dialog.combo.currentData())  # type: ignore[attr-defined]
        dialog.combo.setCurrentIndex(dialog.combo.findData("cp1252"))  # type: ignore[attr-defined]
        dialog.accept()

    when_modal(pick)
    window.reopen_with_encoding()
    qtbot.waitUntil(lambda: window.review is not None and window.docs[0].article.encoding == "cp1252", timeout=60_000)
    qtbot.waitUntil(lambda: window.clean.text() == window.review.cleaned, timeout=60_000)
    assert seen == ["Currently read as: iso8859-15", "iso-8859-15"]
    assert window.review.raw == text.replace("€", "¤")  # what cp1252 makes of latin-9's euro byte (0xA4)
    assert "cp1252" in window.lang_label.text()


def test_a_line_that_needed_a_fallback_is_flagged_in_the_editor(qtbot: Any, window: Any, tmp_path: Path) -> None:
    good = "Premier paragraphe en UTF-8 : déjà vu.\n\n"
    src = tmp_path / "stray.txt"
    src.write_bytes(good.encode() + "Ligne cp1252 : été chaud.\n".encode("cp1252") + good.encode())
    open_and_wait(qtbot, window, [str(src)], str(tmp_path / "s.galley"))
    review = window.review
    assert "Ligne cp1252 : été chaud." in review.raw  # read, not mangled
    flagged = [it for it in review.items if it.finding.rule == "encoding.fallback-line"]
    assert len(flagged) == 1
    assert flagged[0].finding.text == "Ligne cp1252 : été chaud."
    assert "cp1252" in flagged[0].finding.message
    # and the window underlines it in both panes
    raw_marks = [(m.start, m.end) for m in window.raw.highlighter.marks if m.item_id == flagged[0].id]
    start = review.raw.index("Ligne")
    assert raw_marks == [(start, start + len("Ligne cp1252 : été chaud."))]


# ------------------------------------------------------------------------------------------------ files that move
def test_a_file_deleted_while_open_keeps_the_work_and_exports(qtbot: Any, window: Any, tmp_path: Path) -> None:
    src = tmp_path / "article.txt"
    src.write_text("Le titre\n\nPoutine , qui parle.\n", encoding="utf-8")
    open_and_wait(qtbot, window, [str(src)], str(tmp_path / "s.galley"))
    src.unlink()
    type_at(qtbot, window, len(window.clean.text()) - 1, " Ajout")
    assert window.review.cleaned.endswith("parle. Ajout\n")
    data = export_txt(qtbot, window, tmp_path / "out")
    assert data.decode().endswith("parle. Ajout\n")
    window.reopen_with_encoding()  # needs the file: a message, no dialog, no crash
    assert "not available" in window.statusBar().currentMessage()
    assert QApplication.activeModalWidget() is None


def test_a_file_changed_while_open_keeps_what_is_on_screen(qtbot: Any, window: Any, tmp_path: Path) -> None:
    src = tmp_path / "article.txt"
    src.write_text("Le titre\n\nUn texte , ici.\n", encoding="utf-8")
    session = str(tmp_path / "s.galley")
    open_and_wait(qtbot, window, [str(src)], session)
    src.write_text("Tout autre chose, réécrite par un autre programme.\n", encoding="utf-8")
    type_at(qtbot, window, 0, "Mon ")
    data = export_txt(qtbot, window, tmp_path / "out")
    assert data.decode().startswith("Mon Le titre")  # the export is what the person sees and edited
    # Opening it again tells the person the file changed, with the work kept.
    from PySide6.QtWidgets import QMessageBox

    open_and_wait(qtbot, window, [str(src)], session)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "sourceChangedBox") is not None)
    box = window.findChild(QMessageBox, "sourceChangedBox")
    assert "changed" in box.text()
    assert window.review.cleaned.startswith("Mon Le titre")
    box.close()


# ------------------------------------------------------------------------------------------------ rich text
TOOLTIP_CHILD = r"""
import json, os, sys, time
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip
from tests.gui.hostile_gui_runner import Watch

corpus, session, canary = sys.argv[1:4]
watch = Watch([canary])
app = QApplication([])
from editor.gui.main_window import MainWindow
from editor.gui.settings import Settings

w = MainWindow(Settings())
w.show()
w.open_paths([corpus], session)
t0 = time.monotonic()
while time.monotonic() - t0 < 30 and (w.jobs.is_running("load") or len(w.docs) < 3):
    app.processEvents()
    time.sleep(0.01)
from PySide6.QtWidgets import QListView

view = w.articles.findChild(QListView, "articleView")
shown = []
for row in range(3):
    rect = view.visualRect(view.model().index(row, 0))
    event = QHelpEvent(QEvent.Type.ToolTip, rect.center(), view.viewport().mapToGlobal(rect.center()))
    QApplication.sendEvent(view.viewport(), event)
    for _ in range(20):
        app.processEvents()
        time.sleep(0.005)
    shown.append(QToolTip.text() if QToolTip.isVisible() else "")
print(json.dumps({"docs": len(w.docs), "shown": shown, "touched": watch.touched()}))
os._exit(0)
"""


def test_titles_with_markup_show_as_text_in_tooltips_and_load_nothing(tmp_path: Path) -> None:
    """PITFALLS 4: a tooltip that looks like HTML is rendered as rich text, and an <img> in an article's title
    would make Qt read /dev/zero (abort) or a named pipe (freeze). Hovering every article must show the title as
    text and open nothing. Runs in a child process: the failure mode is a dead or frozen process."""
    import json
    import os
    import subprocess
    import sys

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    canary = tmp_path / "canary.png"
    canary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    titles = ['<img src="/dev/zero"> Un', f'<img src="{fifo}"> Deux', f'<b>Trois</b><img src="{canary}">']
    records = [
        {"title": t, "text": f"Un texte en français numéro {n}, assez long pour compter.\n"}
        for n, t in enumerate(titles)
    ]
    corpus = tmp_path / "corpus.json"
    corpus.write_text(json.dumps(records), encoding="utf-8")
    repo = Path(__file__).resolve().parents[2]
    r = subprocess.run(
        [sys.executable, "-c", TOOLTIP_CHILD, str(corpus), str(tmp_path / "s.galley"), str(canary)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=repo,
        env=dict(os.environ, PYTHONPATH=str(repo), QT_QPA_PLATFORM="offscreen"),
    )
    assert r.returncode == 0, r.stderr[-2000:]
    report = json.loads(r.stdout.strip().splitlines()[-1])
    assert report["docs"] == 3
    assert report["touched"] == []
    for title, shown in zip(titles, report["shown"], strict=True):
        assert shown, "no tooltip shown"
        from html import escape

        assert escape(title) in shown  # the markup is shown as text, not rendered


def test_link_text_with_markup_shows_as_text_in_the_links_tooltip(qtbot: Any, window: Any, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt

    src = tmp_path / "links.txt"
    src.write_text(
        'Le titre\n\nVoir https://exemple.fr/a<img src="/dev/zero"> et https: /2025/12/b<b>x</b> ici.\n',
        encoding="utf-8",
    )
    open_and_wait(qtbot, window, [str(src)], str(tmp_path / "s.galley"))
    model = window.links_panel.model
    assert model.rowCount() >= 1
    for row in range(model.rowCount()):
        tip = model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole)
        text = model.rows()[row].text
        if "<" in text:
            assert "<img" not in tip and "<b>" not in tip, tip  # escaped: Qt shows it, never renders it
