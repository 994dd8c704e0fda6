"""Coordinates a practice set (core/practice_set.py keeps its rules): starts it as one session, asks
its questions in turn, keeps it in shape while it runs (choosing another question asks whether to
end the set; only an answer to the set's current question counts for it), ends it early on request,
and shows its summary: every question with its first take's verdict and score, or skipped."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from ..core.practice_set import PracticeSet, pick
from ..core.questions import Question, QuestionBank
from ..core.store import Store
from .practice_set_bar import PracticeSetBar
from .practice_view import PracticeView
from .recording_controller import RecordingController
from .review_view import ReviewView


class PracticeSetController(QObject):
    message = Signal(str)            # for the status bar
    ask_question = Signal()          # the set's next question is on screen: play it if the user wants

    def __init__(self, store: Callable[[], Store], bank: Callable[[], QuestionBank], practice: PracticeView,
                 review: ReviewView, bar: PracticeSetBar, recording: RecordingController, show_practice, ask,
                 parent=None):
        super().__init__(parent)
        self._store, self._bank, self.practice, self.review, self.bar = store, bank, practice, review, bar
        self.recording, self._show_practice, self._ask = recording, show_practice, ask
        self.current: PracticeSet | None = None
        practice.set_clicked.connect(self.start)
        practice.question_changed.connect(self._question_changed)
        review.next_question.connect(self.next)
        bar.end_clicked.connect(self.end)

    def start(self) -> None:
        if self.recording.busy:
            return
        questions = pick(self._bank().questions, self.practice.competency.currentData())
        if not questions:
            self.practice.show_status("There are no questions to practise.")
            return
        self.current = PracticeSet(questions)
        self.recording.new_session(self.current.title)
        self._ask_current()

    def _ask_current(self) -> None:
        self._show_practice()
        self.practice.select(self.current.current.id)
        self.bar.show_progress(self.current.progress())
        self.ask_question.emit()

    def _question_changed(self, q: Question | None) -> None:
        """Another question chosen mid-set: end the set to practise it, or stay on the set's question."""
        s = self.current
        if s is None or q is None or s.allows(q.id):
            return
        if self._ask("End the practice set?", f"You are on question {s.index + 1} of {len(s.questions)} of the "
                     "practice set. End the set to practise this question instead? Your answers so far are kept."):
            self.end()
        else:
            self.practice.select(s.current.id)

    def answer_shown(self, answer_id: int) -> None:
        """A saved answer is on screen: it counts for the set only if it answers the set's question."""
        s = self.current
        row = self._store().answer(answer_id) if s else None
        counted = row is not None and s.record(row.question_id, answer_id, row.verdict, row.score)
        self.review.set_next(s.next_label() if counted else None)

    def next(self) -> None:
        if self.current is None:
            return
        if self.current.advance():
            self._ask_current()
        else:
            self.end()

    def end(self) -> None:
        """Finished or ended early: the summary stays above the screens until closed."""
        if self.current is None:
            return
        if self.recording.busy:
            self.message.emit("Finish or cancel this take first; then End set.")
            return
        summary = self.current.summary()
        self.current, self.recording.session_id = None, None
        self.review.set_next(None)
        self.bar.show_summary(summary.text())
        self._show_practice()
        self.practice.show_status(summary.headline())     # and so in the status bar
