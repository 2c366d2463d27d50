"""The window's status bar: language and typography profile, finding counts, whether the work is saved, and the
progress of a running job with its Cancel button."""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar, QWidget

if TYPE_CHECKING:
    from editor.core.review import Item


_PROGRESS_MIN_WIDTH = 160
_PROGRESS_MAX_WIDTH = 480


class StatusBar(QStatusBar):
    cancelRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._analysis_start: tuple[float, int] | None = None  # (when, characters checked) at the first report
        self.lang_label = QLabel(self)
        self.lang_label.setObjectName("langLabel")
        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("countsLabel")
        self.saved_label = QLabel(self)
        self.saved_label.setObjectName("savedLabel")
        for label in (self.lang_label, self.counts_label, self.saved_label):
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("jobProgress")
        self.progress.setFixedWidth(_PROGRESS_MIN_WIDTH)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("cancelJob")
        self.cancel_button.clicked.connect(self.cancelRequested)
        self.cancel_button.hide()
        for widget in (self.progress, self.cancel_button, self.counts_label, self.lang_label, self.saved_label):
            self.addPermanentWidget(widget)

    def busy(self, text: str) -> None:
        """A job started: an indefinite progress bar and Cancel until it ends."""
        self.progress.setRange(0, 0)
        self.progress.setFormat(text)
        self._analysis_start = None
        self.progress.setFixedWidth(_PROGRESS_MIN_WIDTH)
        self._fit_progress()
        self.progress.show()
        self.cancel_button.show()
        self.showMessage(text)

    def idle(self) -> None:
        if not self.progress.isHidden():
            self.progress.hide()
            self.cancel_button.hide()
            self.clearMessage()

    def job_progress(self, kind: str, done: int, total: int) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        if kind == "analyse" and total:
            self.progress.setFormat(self._analysis_format(done, total))
        elif kind == "load":
            self.progress.setFormat(self.tr("Loading… {n}").format(n=done))
        elif kind == "export":
            self.progress.setFormat(self.tr("Exporting %v/%m"))
        self._fit_progress()

    def _fit_progress(self) -> None:
        """Widen the bar to its text (a cut "about 12 s le…" says nothing), never narrower during one job: a bar
        whose width followed each figure would shake the whole status bar."""
        bar = self.progress
        margin = 2 * bar.style().pixelMetric(bar.style().PixelMetric.PM_DefaultFrameWidth) + 16
        wanted = min(_PROGRESS_MAX_WIDTH, bar.fontMetrics().horizontalAdvance(bar.text()) + margin)
        if wanted > bar.width():
            bar.setFixedWidth(wanted)

    def _analysis_format(self, done: int, total: int) -> str:
        """ "Analysing… 40 % · about 12 s left": the time left is the pace so far over what remains to check."""
        now = time.monotonic()
        if self._analysis_start is None or done < self._analysis_start[1]:
            self._analysis_start = (now, done)
        t0, d0 = self._analysis_start
        if done >= total:
            return self.tr("Analysing… finishing")
        if done <= d0 or now - t0 < 0.5:
            return self.tr("Analysing… %p%")
        left = (now - t0) / (done - d0) * (total - done)
        return self.tr("Analysing… %p% · about {s} s left").format(s=max(1, round(left)))

    def show_language(self, lang: str, profile: str, encoding: str | None) -> None:
        suffix = f" · {encoding}" if encoding else ""  # the codec the article was read with
        self.lang_label.setText(
            self.tr("Language: {lang} · Typography: {profile}").format(lang=lang, profile=profile) + suffix
        )

    def show_counts(self, items: Iterable[Item] | None) -> None:
        """Pending, accepted and rejected findings of the article (nothing without a review)."""
        if items is None:
            self.counts_label.setText("")
            return
        counts = {"pending": 0, "accepted": 0, "rejected": 0}
        for it in items:
            s = str(it.status)
            if s in counts:
                counts[s] += 1
        self.show_tally(counts["pending"], counts["accepted"], counts["rejected"])

    def show_tally(self, pending: int, accepted: int, rejected: int) -> None:
        """`show_counts` with the counting done by the caller."""
        self.counts_label.setText(
            self.tr("{p} pending · {a} accepted · {r} rejected").format(p=pending, a=accepted, r=rejected)
        )
