"""Coordinates the questions on the practice screen: the bank with the user's own questions (add, edit,
delete in a dialog), a random question, and asking the chosen one aloud as an interviewer would (its
recording, else the system voice; the text is revealed once it has been spoken, if the user wants)."""
from __future__ import annotations

import random
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal

from ..core.questions import Question, QuestionBank
from ..core.settings import Settings
from ..core.store import Store, StoreError
from ..voices import RecordedVoice, VoiceChain
from ..voices.system import SystemVoice
from .practice_view import PracticeView
from .question_dialog import QuestionDialog


class QuestionController(QObject):
    prompt_finished = Signal()       # the spoken question has been played to the end (from the player's thread)

    def __init__(self, store: Callable[[], Store], builtin: QuestionBank, view: PracticeView,
                 settings: Callable[[], Settings], busy: Callable[[], bool], stop_playback: Callable[[], None],
                 user_errors: tuple[type[BaseException], ...], ask, tell, tts_engine: str | None = None,
                 parent=None):
        super().__init__(parent)
        self._store, self._builtin, self.view, self._settings, self._busy = store, builtin, view, settings, busy
        self._stop_playback, self._errors, self._ask, self._tell = stop_playback, user_errors, ask, tell
        self.bank = QuestionBank(builtin.questions + store().my_questions(), builtin.problems)
        self.system_voice = SystemVoice(tts_engine)
        self.voices = VoiceChain([RecordedVoice(), self.system_voice])
        self.dialog: QuestionDialog | None = None
        view.set_questions(self.bank.questions)
        view.hide_text = settings().hide_question_until_spoken and settings().voice
        view.play_clicked.connect(self.play)
        view.random.clicked.connect(self.random)
        view.add_clicked.connect(lambda: self._open_dialog(None))
        view.edit_clicked.connect(self.edit)
        view.delete_clicked.connect(self.delete)
        view.question_changed.connect(self._question_changed)
        self.prompt_finished.connect(view.reveal, Qt.QueuedConnection)

    def settings_changed(self) -> None:
        s = self._settings()
        self.view.hide_text = s.hide_question_until_spoken and s.voice   # silent: nothing to wait for

    # -- the user's own questions -------------------------------------------------------------------------
    def refresh(self, select: str | None = None) -> None:
        self.bank = QuestionBank(self._builtin.questions + self._store().my_questions(), self._builtin.problems)
        self.view.set_questions(self.bank.questions, select)

    def edit(self) -> None:
        q = self.view.current_question()
        if q is not None and q.mine:
            self._open_dialog(q)

    def _open_dialog(self, q: Question | None) -> None:
        if self._busy():
            return
        d = self.dialog = QuestionDialog(self.bank.competencies(), q, parent=self.view.window())
        d.accepted.connect(lambda: self._save(d, q))
        d.open()

    def _save(self, d: QuestionDialog, q: Question | None) -> None:
        text, competency, follow_up = d.values()
        try:
            if q is None:
                qid = self._store().add_question(text, competency, follow_up).id
            else:
                self._store().update_question(q.id, text, competency, follow_up)
                qid = q.id
        except (ValueError, StoreError) as exc:
            self._tell("Question not saved", str(exc))
            return
        self.refresh(select=qid)

    def delete(self) -> None:
        q = self.view.current_question()
        if q is None or not q.mine or self._busy():
            return
        if self._ask("Delete your question?", f"Delete “{q.text}”? Your answers to it stay in the history."):
            self._store().delete_question(q.id)
            self.refresh()

    # -- asking ---------------------------------------------------------------------------------------------
    def _question_changed(self, q) -> None:
        if q is not None and self.view.hide_text and self.voices.voice_for(q) is None:
            self.view.reveal()            # nothing can speak it, so nothing would reveal it later

    def random(self) -> None:
        if self.view.list.count():
            self.view.list.setCurrentRow(random.randrange(self.view.list.count()))
            if self._settings().voice:
                self.play()

    def play(self) -> None:
        """Ask the question aloud, as an interviewer would: its recording, else the system voice."""
        q = self.view.current_question()
        if q is None or self._busy():
            return
        self._stop_playback()
        try:
            voice = self.voices.say(q, self.prompt_finished.emit)
        except self._errors as exc:
            self.view.reveal()
            self.view.show_status(f"The question cannot be played ({exc}); read it on screen.")
            return
        if voice is None:
            self.view.reveal()
            why = self.system_voice.problem or "no voice is available"
            self.view.show_status(f"This question cannot be spoken ({why}); read it on screen.")
