"""Coordinates the review of one saved answer: showing it, replacing its provisional transcript
with the final one, and the user's corrections. The view only shows; the store and the core do
the work; slow work (transcribing, analysing) runs in a worker.

The review shows the analysis as stored, the same one History lists. An answer judged by an
earlier engine version is shown as stored too, with a note, while it is analysed again in a worker;
the review then shows the new analysis, which is what History lists from then on."""
from __future__ import annotations

import html
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from ..core.analysis import Analysis, EmptyAnswer
from ..core.analysis.nlp import ParserMissing
from ..core.compare import Comparison, compare, previous_take, take_figures
from ..core.correction import CorrectionError, changed_words, correct
from ..core.reanalysis import analyze_transcript, engine_version, reanalyse
from ..core.store import AnswerRow, Store
from ..rehearsal import refine
from ..transcribe import Cancelled
from .answer_playback import AnswerPlayback
from .review_view import ReviewView
from .workers import Jobs, explain


class ReviewController(QObject):
    shown = Signal(int)              # an answer is on screen (id)
    refined = Signal(int)            # an answer's final transcript was saved (id), shown or not
    message = Signal(str)            # for the status bar
    changed = Signal()               # a correction, a restore or a re-analysis was saved

    def __init__(self, store: Callable[[], Store], view: ReviewView, playback: AnswerPlayback, jobs: Jobs,
                 user_errors: tuple[type[BaseException], ...], ask, tell, parent=None):
        """store() gives the window's current store (it changes when the data folder moves);
        ask(title, text) → bool and tell(title, text) are the window's dialogs."""
        super().__init__(parent)
        self._store, self.view, self.playback, self.jobs = store, view, playback, jobs
        self._errors = user_errors
        self._ask, self._tell = ask, tell
        self.answer_id: int | None = None
        self.row: AnswerRow | None = None
        self._refining: set[int] = set()
        self._reanalysing: set[int] = set()
        self._stop_refining = threading.Event()
        self.saving = False              # a correction or a restore is being analysed in a worker
        self._takes_asked = 0            # which reading of the takes is wanted; older results are dropped
        self._take_analyses: dict[int, Analysis] = {}
        self._take_order: list[int] = []
        view.takes_panel.compare_requested.connect(self.compare_with)
        view.correction_saved.connect(self.save_correction)
        view.restore_requested.connect(self.restore_original)
        view.original_requested.connect(self.show_original)

    @property
    def store(self) -> Store:
        return self._store()

    # -- showing ---------------------------------------------------------------------------------------
    def open(self, answer_id: int, note: str = "") -> bool:
        """Show a saved answer as stored, then its question's takes side by side (read in a worker).
        False if it cannot be shown."""
        row = self.store.answer(answer_id)
        if row is None or row.transcript is None:
            return False
        analysis = row.stored_analysis()
        current = analysis is not None and row.engine_version == engine_version() \
            and analysis.engine_version == row.engine_version
        if not current:
            self._reanalyse(answer_id)
            if analysis is None:
                self.message.emit("This answer's stored analysis cannot be read; it is being analysed again.")
                return False
            note = note or ("Judged by an earlier version of the analysis (as History lists it); it is being "
                            "analysed again from the stored transcript…")
        self.answer_id, self.row = answer_id, row
        length = self.playback.load(Path(row.audio_path) if row.audio_path else None)
        self.view.show_analysis(row.question_text, analysis, row.transcript.words, length)
        self.view.set_transcript_state(row.stage == "provisional", row.corrected_at, note)
        self._read_takes(row)
        self.shown.emit(answer_id)
        return True

    def _reopen(self, note: str = "") -> None:
        if self.answer_id is not None:
            self.open(self.answer_id, note=note)

    # -- the takes of the question, compared ------------------------------------------------------------
    def _read_takes(self, row: AnswerRow) -> None:
        """Read the question's takes and compare the shown one with the one before it, in a worker
        (the comparison parses both answers)."""
        self._takes_asked += 1
        asked, store, shown = self._takes_asked, self.store, row.id

        def work():
            rows = store.answers(question_id=row.question_id) if row.question_id else []
            if not any(r.id == shown for r in rows):
                rows.append(store.answer(shown) or row)
            rows.sort(key=lambda r: (r.created_at, r.id))            # oldest first
            analyses = {r.id: a for r in rows if (a := r.stored_analysis()) is not None}
            order = [r.id for r in rows if r.id in analyses]
            figures = [take_figures(r.id, r.created_at, analyses[r.id]) for r in rows if r.id in analyses]
            other = previous_take(order, shown)
            return figures, analyses, order, other, *_compared(analyses, order, shown, other)

        def done(result) -> None:
            if asked != self._takes_asked:
                return                          # another answer (or a newer reading) is on screen
            figures, self._take_analyses, self._take_order, other, comparison, note = result
            self.view.takes_panel.show_takes(figures, shown, other)
            self.view.takes_panel.show_changes(comparison, note)

        def failed(error: BaseException, details: str) -> None:
            if asked == self._takes_asked:
                self.view.takes_panel.heading.setText(html.escape(f"The takes of this question could not be read "
                                                                  f"({explain(error, details)})."))
        self.view.takes_panel.loading()
        self.jobs.start(work, done, failed, self._errors)

    def compare_with(self, other: int) -> None:
        """Compare the shown take with another of the question's takes (in a worker)."""
        if self.answer_id is None or other not in self._take_analyses:
            return
        self._takes_asked += 1
        asked, shown = self._takes_asked, self.answer_id
        analyses, order = self._take_analyses, self._take_order

        def done(result) -> None:
            if asked == self._takes_asked:
                self.view.takes_panel.show_changes(*result)

        def failed(error: BaseException, details: str) -> None:
            if asked == self._takes_asked:
                self.view.takes_panel.show_changes(None, f"The takes could not be compared ({explain(error, details)}).")
        self.jobs.start(lambda: _compared(analyses, order, shown, other), done, failed, self._errors)

    # -- a newer engine ----------------------------------------------------------------------------------
    def _reanalyse(self, answer_id: int) -> None:
        """Analyse one answer again (it was judged by an earlier engine version) in a worker."""
        if answer_id in self._reanalysing:
            return
        self._reanalysing.add(answer_id)
        store = self.store

        def done(result) -> None:
            self._reanalysing.discard(answer_id)
            if result.updated:
                self.changed.emit()
                self.answers_reanalysed(result.updated)
            elif result.failed:
                self.message.emit(f"This answer could not be analysed again ({result.failed[0][1]}); "
                                  "it keeps its earlier analysis.")

        def failed(error: BaseException, details: str) -> None:
            self._reanalysing.discard(answer_id)
            self.message.emit(f"This answer could not be analysed again ({explain(error, details)}); "
                              "it keeps its earlier analysis.")
        self.jobs.start(lambda: reanalyse(store, ids=[answer_id]), done, failed, self._errors)

    def answers_reanalysed(self, ids) -> None:
        """Saved answers were analysed again: show the new analysis if one of them is on screen."""
        if self.answer_id in ids and not self.view.editing and not self.saving:
            self._reopen("Analysed again with the current version of the analysis.")

    # -- the final transcript --------------------------------------------------------------------------
    def refine(self, answer_id: int, engine) -> None:
        """Make the final transcript of a provisional answer in a worker."""
        if answer_id in self._refining or engine is None:
            return
        self._refining.add(answer_id)
        before = self.store.answer(answer_id)

        def done(result) -> None:
            self._refining.discard(answer_id)
            if result is None:
                note = ""
            else:
                n = changed_words(before.transcript, result.transcript) if before and before.transcript else 0
                note = ("Transcript checked against the whole recording: no words changed." if n == 0 else
                        f"Transcript checked against the whole recording: {n} word{'s' if n != 1 else ''} "
                        "changed from the first one.")
                self.refined.emit(answer_id)
            if answer_id == self.answer_id and not self.view.editing:
                self._reopen(note)

        def failed(error: BaseException, details: str) -> None:
            self._refining.discard(answer_id)
            if self._stop_refining.is_set():
                return
            self.message.emit(f"The final transcript could not be made ({explain(error, details)}); the first one "
                              "is kept and will be checked again at the next start.")
            if answer_id == self.answer_id:
                self.view.set_transcript_state(True, None, "First transcript, made while you spoke (the check "
                                               "against the whole recording failed; it is tried again at the "
                                               "next start).")
        store = self.store
        self.jobs.start(lambda: refine(store, engine, answer_id, cancel=self._stop_refining.is_set),
                        done, failed, self._errors + (Cancelled,))

    def refine_pending(self, engine) -> None:
        """Answers left provisional when the app stopped: make their final transcripts now."""
        for row in self.store.provisional():
            self.refine(row.id, engine)

    def stop(self) -> None:
        """The window closes: stop refining (what is left stays provisional for the next start)."""
        self._stop_refining.set()

    @property
    def busy(self) -> bool:
        return bool(self._refining)

    # -- corrections -----------------------------------------------------------------------------------
    def save_correction(self, text: str) -> None:
        """The corrected transcript is analysed and saved in a worker (the parser takes a moment);
        the editor stays open, read-only, until then."""
        row = self.store.answer(self.answer_id) if self.answer_id is not None else None
        if row is None or row.transcript is None or self.saving:
            return
        store = self.store

        def work():
            corrected = correct(row.transcript, text)
            analysis = analyze_transcript(corrected)
            store.correct_answer(row.id, corrected, analysis)
            return corrected

        def done(corrected) -> None:
            self._saved()
            self.changed.emit()
            n = changed_words(row.original or row.transcript, corrected)
            if row.id == self.answer_id:
                self._reopen(f"You corrected this transcript: {n} word{'s' if n != 1 else ''} differ from what "
                             "the engine heard. The analysis is redone from your text.")
            self.message.emit("Correction saved; the analysis was redone.")

        def failed(error: BaseException, details: str) -> None:
            self._saved()
            self._tell("Correction not saved", explain(error, details))
        self._saving("Redoing the analysis from your text…")
        self.jobs.start(work, done, failed, self._errors + (CorrectionError, EmptyAnswer))

    def restore_original(self) -> None:
        row = self.store.answer(self.answer_id) if self.answer_id is not None else None
        if row is None or row.original is None or self.saving:
            return
        if not self._ask("Restore the original transcript?",
                         "Go back to the transcript as the engine heard it? Your corrections are discarded."):
            return
        store = self.store

        def done(_restored) -> None:
            self._saved()
            self.changed.emit()
            if row.id == self.answer_id:
                self._reopen("The transcript is again as the engine heard it.")

        def failed(error: BaseException, details: str) -> None:
            self._saved()
            self._tell("Original not restored", explain(error, details))
        self._saving("Redoing the analysis from the engine's transcript…")
        self.jobs.start(lambda: store.restore_original(row.id, analyze_transcript(row.original)), done, failed,
                        self._errors)

    def _saving(self, text: str) -> None:
        self.saving = True
        self.view.set_busy(True)
        self.message.emit(text)

    def _saved(self) -> None:
        self.saving = False
        self.view.set_busy(False)

    def show_original(self) -> None:
        row = self.store.answer(self.answer_id) if self.answer_id is not None else None
        if row is None or row.original is None:
            return
        self._tell("The transcript as the engine heard it", row.original.text)


def _compared(analyses: dict[int, Analysis], order: list[int], shown: int,
              other: int | None) -> tuple[Comparison | None, str]:
    """The comparison of two takes, the earlier first (runs in a worker), and a note if there is none."""
    if other is None or shown not in analyses or other not in analyses:
        return None, ""
    earlier, later = sorted((shown, other), key=order.index)
    try:
        return compare(analyses[earlier], analyses[later]), ""
    except ParserMissing as exc:
        return None, f"The takes cannot be compared: {exc}."
