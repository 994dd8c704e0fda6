"""The main window: wires the views to the core, the recorder and the workers."""
from __future__ import annotations

import random
import threading
import time
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QMessageBox, QProgressDialog, QStackedWidget

from ..audio.devices import RecorderError, SoundDeviceBackend
from ..core import paths
from ..core import settings as settings_mod
from ..core.local_time import when
from ..core.practice_set import PracticeSet, pick
from ..core.questions import Question, QuestionBank
from ..core.relocate import RelocateError, holds_data, move_data
from ..core.settings import Settings
from ..core.store import DB_NAME, Store, StoreError
from ..errors import user_errors
from ..rehearsal import Rehearsal, recover
from ..transcribe import ENGINES, Cancelled, ModelResolver, engine_installed, load_preferred
from ..voices import RecordedVoice, VoiceChain
from ..voices.system import SystemVoice
from .analysis_controller import AnalysisController
from .answer_playback import AnswerPlayback
from .history_view import HistoryView
from .practice_view import PracticeView
from .progress_controller import ProgressController
from .progress_view import ProgressView
from .question_dialog import QuestionDialog
from .review_controller import ReviewController
from .review_view import ReviewView
from .settings_dialog import SettingsDialog
from .space_key import ControlsKeepSpace
from .status_progress import StatusProgress
from .workers import Jobs

STARTING_MIC = "Starting the microphone… start speaking when the timer moves."
RECORDING = "Recording… press Space to stop, Esc to cancel."
USER_ERRORS = user_errors() + (OSError,)   # file problems too: their messages are plain enough
SHORTCUTS = [("Space", "start or stop recording (during thinking time: answer now); on a focused button: press it"),
             ("Esc", "cancel the current take or the thinking time"),
             ("Enter", "ask the selected question aloud; open the selected take or answer"),
             ("Ctrl+N", "new question"), ("Ctrl+R", "random question"), ("Ctrl+H", "history"),
             ("Ctrl+G", "progress over time"), ("Alt+Down / Alt+Up", "next / previous word of the transcript"),
             ("Ctrl+Enter", "next question of a practice set"), ("Ctrl+,", "settings"), ("Ctrl+Q", "quit")]


class MainWindow(QMainWindow):
    engine_ready = Signal()
    answer_ready = Signal(int)         # emitted when a take's analysis has been saved and shown
    answer_refined = Signal(int)       # an answer's final transcript (from the whole recording) was saved
    prompt_finished = Signal()         # the spoken question has been played to the end
    progress_changed = Signal(int)     # percent done of a long task, emitted from its worker

    def __init__(self, store: Store, bank: QuestionBank, settings: Settings, load_engine, backend=None,
                 tts_engine: str | None = None):
        super().__init__()
        self.setWindowTitle("mockinterview")
        self.resize(1100, 720)
        self.store, self.settings = store, settings
        self._builtin = bank
        self.bank = QuestionBank(bank.questions + store.my_questions(), bank.problems)
        self.practice_set: PracticeSet | None = None     # a practice set in progress
        self.question_dialog: QuestionDialog | None = None
        self._load_engine, self._backend = load_engine, backend
        self.engine = None
        self._load_generation = 0
        self._recovery_offered = False
        self.settings_dialog: SettingsDialog | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.jobs = Jobs(self)
        self.session_id: int | None = None
        self.rehearsal: Rehearsal | None = None
        self.current_question = None

        self.practice = PracticeView(self.bank.questions)
        self.review = ReviewView()
        self.history = HistoryView(bank.competencies())
        self.progress_view = ProgressView(bank.competencies())
        self.stack = QStackedWidget()
        for view in (self.practice, self.review, self.history, self.progress_view):
            self.stack.addWidget(view)
        self.setCentralWidget(self.stack)
        self._menus()
        self.timer = QTimer(self, interval=100)
        self.timer.timeout.connect(self._tick)
        self.thinking_until: float | None = None     # monotonic deadline of the thinking-time countdown
        self.thinking_timer = QTimer(self, interval=100)
        self.thinking_timer.timeout.connect(self._thinking_tick)

        self.practice.record_clicked.connect(self.toggle_recording)
        self.practice.pause_clicked.connect(self.toggle_pause)
        self.practice.cancel_clicked.connect(self.cancel_take)
        self.practice.rerecord_clicked.connect(self.rerecord)
        self.practice.random.clicked.connect(self.random_question)
        self.practice.play_clicked.connect(self.play_question)
        self.practice.set_clicked.connect(self.start_practice_set)
        self.practice.add_clicked.connect(self.add_question)
        self.practice.edit_clicked.connect(self.edit_question)
        self.practice.delete_clicked.connect(self.delete_question)
        self.review.next_question.connect(self.next_in_set)
        self.practice.cancel_load.clicked.connect(self.cancel_loading)
        self.practice.load_model.clicked.connect(self._start_loading)
        self.practice.hide_text = settings.hide_question_until_spoken and settings.voice
        self.system_voice = SystemVoice(tts_engine)
        self.voices = VoiceChain([RecordedVoice(), self.system_voice])
        self.practice.question_changed.connect(self._question_changed)
        self.review.try_again.connect(self.try_again)
        self.review.back.connect(self.show_practice)
        self.review.open_take.connect(self.open_answer)
        self.playback = AnswerPlayback(USER_ERRORS, before_start=self.voices.stop, parent=self)
        self.reviews = ReviewController(lambda: self.store, self.review, self.playback, self.jobs, USER_ERRORS,
                                        ask=lambda title, text: self.ask(title, text),
                                        tell=lambda title, text: self.tell(title, text, info=True), parent=self)
        self.reviews.refined.connect(self.answer_refined)
        self.reviews.message.connect(self.statusBar().showMessage)
        self.playback.position.connect(self.review.show_position)
        self.playback.problem.connect(self.statusBar().showMessage)
        self.review.play_toggled.connect(self.playback.toggle)
        self.review.seek_requested.connect(self.playback.seek)
        self.background = StatusProgress()
        self.statusBar().addPermanentWidget(self.background)
        self.analyses = AnalysisController(lambda: self.store, self.jobs, self.background, USER_ERRORS, parent=self)
        self.progress = ProgressController(lambda: self.store, self.jobs, self.progress_view, USER_ERRORS,
                                           self._failed, parent=self)
        self.analyses.message.connect(self.statusBar().showMessage)
        self.analyses.parser_failed.connect(self._parser_failed)
        self.analyses.reanalysed.connect(self._answers_reanalysed)
        self.history.open_answer.connect(self.open_answer)
        self.history.delete_answer.connect(self.delete_answer)
        self.history.delete_session.connect(self.delete_session)
        self.history.filter_changed.connect(lambda _c: self.show_history())
        self.prompt_finished.connect(self._prompt_done, Qt.QueuedConnection)
        self.practice.status_changed.connect(lambda text: self._page_status(self.practice, text))
        self.stack.currentChanged.connect(lambda _i: self._page_status(self.stack.currentWidget()))
        QShortcut(QKeySequence(Qt.Key_Space), self, self._space).setAutoRepeat(False)   # held: one press
        self.installEventFilter(ControlsKeepSpace(self, (self.practice.record,)))   # unless a control takes it
        QShortcut(QKeySequence(Qt.Key_Escape), self, self.cancel_take)
        QShortcut(QKeySequence("Ctrl+Return"), self, self._next_key)
        QTimer.singleShot(0, self._start_loading)

    # -- set-up -----------------------------------------------------------------------------------
    def _menus(self) -> None:
        file = self.menuBar().addMenu("&File")
        for text, key, slot in (("&New question", "Ctrl+N", self.show_practice),
                                ("&Random question", "Ctrl+R", self.random_question),
                                ("&History", "Ctrl+H", self.show_history),
                                ("&Progress", "Ctrl+G", self.show_progress),
                                ("Re-&analyse saved answers", None, lambda: self.analyses.reanalyse(on_demand=True)),
                                ("&Settings…", "Ctrl+,", self.open_settings), ("&Quit", "Ctrl+Q", self.close)):
            act = QAction(text, self, shortcut=QKeySequence(key)) if key else QAction(text, self)
            act.triggered.connect(slot)
            file.addAction(act)
            self.addAction(act)          # shortcuts work whether or not the menu bar has focus
        help_menu = self.menuBar().addMenu("&Help")
        keys = QAction("&Keyboard shortcuts", self)
        keys.triggered.connect(lambda: self.tell("Keyboard shortcuts", "\n".join(f"{k}: {d}" for k, d in SHORTCUTS),
                                                 info=True))
        help_menu.addAction(keys)

    def _start_loading(self) -> None:
        """Load the chosen engine and model in a worker; a newer load or Cancel makes older results stale."""
        self._load_generation += 1
        gen, s = self._load_generation, self.settings
        self.engine = None
        self._set_ready(False, f"Loading the speech model ({s.engine} {s.model})…")
        self.practice.set_loading(True)
        self.jobs.start(lambda: load_preferred(s.engine, s.model, self._load_engine),
                        lambda res: self._engine_loaded(gen, *res),
                        lambda msg, det: self._engine_failed(gen, msg, det), USER_ERRORS)

    def cancel_loading(self) -> None:
        self._load_generation += 1          # the worker finishes in the background; its result is dropped
        self.analyses.start()
        self.practice.set_loading(False, offer_retry=True)
        self._set_ready(False, "Loading the speech model was cancelled. Press “Load speech model” to try again.")

    def _engine_loaded(self, gen: int, engine, notice: str | None) -> None:
        if gen != self._load_generation:
            return
        # then the English parser, and the saved answers an earlier engine judged (in workers; once only).
        # One load after the other: each holds Python's lock in native code for a moment, and together
        # they stall the window longer.
        self.analyses.start()
        self.engine = engine
        self.practice.set_loading(False)
        self._set_ready(True, f"Ready: {engine.engine_name} {engine.model_name}. Press Space to record.")
        if notice:
            self.statusBar().showMessage(notice)
        self.engine_ready.emit()
        if not self._recovery_offered:
            self._recovery_offered = True
            self.reviews.refine_pending(engine)      # answers left provisional when the app last stopped
            self._offer_recovery()

    def _engine_failed(self, gen: int, message: str, details: str) -> None:
        if gen != self._load_generation:
            return
        self.analyses.start()
        self.practice.set_loading(False, offer_retry=True)
        self._set_ready(False, f"The speech model could not be loaded: {message}")
        self.tell("Speech model missing", message, details)

    def _parser_failed(self, message: str, details: str) -> None:
        """The English parser cannot be loaded: answers can be recorded (and are kept) but not judged."""
        self.statusBar().showMessage("Answers cannot be judged: the English parser is missing.")
        self.tell("The English parser is missing",
                  f"Your answers cannot be judged until this is fixed: {message}.\n\nYour recordings are still kept, "
                  "and offered again at the next start.", details)

    def _answers_reanalysed(self, result) -> None:
        """Saved answers were judged again: History and the review show the new figures."""
        if self.stack.currentWidget() is self.history:
            self.show_history()
        elif self.stack.currentWidget() is self.progress_view:
            self.progress.refresh()
        self.reviews.answers_reanalysed(result.updated)

    def _set_ready(self, ready: bool, message: str, event: bool = False) -> None:
        """message: the state (said again when another question is chosen), or with event what just happened."""
        self.practice.allow_recording(ready)
        (self.practice.show_status if event else self.practice.show_state)(message)

    def _page_status(self, page, text: str | None = None) -> None:
        """The status bar says what the screen on show is doing (another screen's messages wait)."""
        if page is self.stack.currentWidget():
            self.statusBar().showMessage(page.status_text() if text is None else text)

    def _offer_recovery(self, rows=None) -> None:
        """Offer the takes a crash left behind, one after another."""
        rows = self.store.unfinished() if rows is None else rows
        if not rows:
            return
        row, rest = rows[0], rows[1:]
        if not self.ask("Recover an interrupted answer?",
                        f"A recording of “{row.question_text}” from {when(row.created_at)} "
                        "was interrupted. Transcribe and keep it?"):
            self._offer_recovery(rest)
            return

        def done(res) -> None:
            self._show_result(res.answer_id)
            self._offer_recovery(rest)

        def failed(message: str, details: str, cancelled: bool) -> None:
            if cancelled:
                self.statusBar().showMessage("Recovery postponed: the recording is kept and will be offered "
                                             "again at the next start.")
            else:
                self._failed(message, details)
            self._offer_recovery(rest)
        self.run_with_progress("Transcribing the interrupted answer…",
                               lambda progress, cancel: recover(self.store, self.engine, row, progress, cancel),
                               done, failed)

    def run_with_progress(self, title: str, fn, on_done, on_failed) -> QProgressDialog:
        """Run fn(progress(fraction), cancelled()) in a worker behind a window-modal progress dialog
        with Cancel. on_failed(message, details, cancelled)."""
        flag = threading.Event()
        dialog = QProgressDialog(title, "Cancel", 0, 100, self)
        dialog.setWindowModality(Qt.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setAccessibleName(title)
        dialog.canceled.connect(flag.set)
        self.progress_changed.connect(dialog.setValue)      # queued: emitted from the worker
        self.progress_dialog = dialog

        def close() -> None:
            self.progress_changed.disconnect(dialog.setValue)
            dialog.close()
            dialog.deleteLater()
            self.progress_dialog = None
        self.jobs.start(lambda: fn(lambda f: self.progress_changed.emit(int(f * 100)), flag.is_set),
                        lambda res: (close(), on_done(res)),
                        lambda msg, det: (close(), on_failed(msg, det, flag.is_set())),
                        USER_ERRORS + (Cancelled, RelocateError))
        dialog.show()
        return dialog

    # -- the user's own questions -------------------------------------------------------------------------
    def _refresh_questions(self, select: str | None = None) -> None:
        self.bank = QuestionBank(self._builtin.questions + self.store.my_questions(), self._builtin.problems)
        self.practice.set_questions(self.bank.questions, select)

    def add_question(self) -> None:
        self._question_dialog(None)

    def edit_question(self) -> None:
        q = self.practice.current_question()
        if q is not None and q.mine:
            self._question_dialog(q)

    def _question_dialog(self, q: Question | None) -> None:
        if self.rehearsal is not None:
            return
        d = self.question_dialog = QuestionDialog(self.bank.competencies(), q, parent=self)
        d.accepted.connect(lambda: self._save_question(d, q))
        d.open()

    def _save_question(self, d: QuestionDialog, q: Question | None) -> None:
        text, competency, follow_up = d.values()
        try:
            if q is None:
                qid = self.store.add_question(text, competency, follow_up).id
            else:
                self.store.update_question(q.id, text, competency, follow_up)
                qid = q.id
        except (ValueError, StoreError) as exc:
            self.tell("Question not saved", str(exc))
            return
        self._refresh_questions(select=qid)

    def delete_question(self) -> None:
        q = self.practice.current_question()
        if q is None or not q.mine or self.rehearsal is not None:
            return
        if self.ask("Delete your question?", f"Delete “{q.text}”? Your answers to it stay in the history."):
            self.store.delete_question(q.id)
            self._refresh_questions()

    # -- practice sets -----------------------------------------------------------------------------------
    def start_practice_set(self) -> None:
        if self.rehearsal is not None or self.thinking_until is not None:
            return
        questions = pick(self.bank.questions, self.practice.competency.currentData())
        if not questions:
            self.practice.show_status("There are no questions to practise.")
            return
        self.practice_set = PracticeSet(questions)
        self.session_id = self.store.new_session(self.practice_set.title)
        self._ask_set_question()

    def _ask_set_question(self) -> None:
        self.show_practice()
        self.practice.select(self.practice_set.current.id)
        self.practice.set_progress.setText(self.practice_set.progress())
        if self.settings.voice:
            self.play_question()

    def next_in_set(self) -> None:
        if self.practice_set is None:
            return
        if self.practice_set.advance():
            self._ask_set_question()
            return
        scores = [r.score for r in self.store.answers() if r.session_id == self.session_id and r.score is not None]
        summary = self.practice_set.summary(scores)
        self.practice_set, self.session_id = None, None
        self.review.set_next(None)
        self.show_practice()
        self.practice.set_progress.setText(summary)

    # -- settings ---------------------------------------------------------------------------------------
    def open_settings(self) -> None:
        if self.rehearsal is not None or self.thinking_until is not None:
            return
        try:
            devices = (self._backend or SoundDeviceBackend()).input_devices()
        except RecorderError:
            devices = []
        self.settings_dialog = SettingsDialog(
            self.settings, devices=devices, engines=[(n, engine_installed(n)) for n in ENGINES],
            models=[m.name for m in ModelResolver().available()], data_dir=paths.data_dir(),
            data_dir_fixed=paths.data_dir_is_fixed(), backend=self._backend, parent=self)
        self.settings_dialog.accepted.connect(lambda: self.apply_settings(self.settings_dialog.chosen()))
        self.settings_dialog.open()          # window-modal, without a nested event loop

    def apply_settings(self, new: Settings) -> None:
        old = self.settings
        wanted_dir, new.data_dir = new.data_dir, old.data_dir     # changed only once the data is there
        self.settings = new
        self.practice.hide_text = new.hide_question_until_spoken and new.voice   # silent: nothing to wait for
        self._save_settings()
        if (new.engine, new.model) != (old.engine, old.model):
            self._start_loading()
        if wanted_dir != old.data_dir and wanted_dir:
            self._change_data_dir(Path(wanted_dir).expanduser())

    def _save_settings(self) -> None:
        try:
            settings_mod.save(self.settings)
        except OSError as exc:
            self.tell("Settings not saved", f"Your settings could not be saved: {exc}")

    def _change_data_dir(self, target: Path) -> None:
        """Move the data to target (in a worker, with progress), or switch to a folder that already has some."""
        current = self.store.path.parent
        if target.resolve() == current.resolve():
            self.settings.data_dir = str(target)
            self._save_settings()
            return
        if self.jobs.busy:
            self.tell("Data folder not changed", "Wait until the current answer has been transcribed (or the saved "
                                                 "answers re-analysed: Stop in the status bar).")
            return
        if holds_data(target):
            if self.ask("Use the data in that folder?", f"{target} already holds mockinterview data. Switch to "
                                                        f"it? Your current data stays in {current}."):
                self._use_data_dir(current, target, None)
            return
        if not self.ask("Move your data?", f"Move your answers and recordings from {current} to {target}?"):
            return
        self.store.close()                    # nothing else touches it: the progress dialog is window-modal

        def failed(message: str, details: str, _cancelled: bool) -> None:
            self.store = Store(current / DB_NAME)
            self.tell("Data folder not changed", message, details)
        self.run_with_progress(f"Moving your data to {target}…",
                               lambda progress, cancel: move_data(current, target, progress, cancel),
                               lambda moved: self._use_data_dir(current, target, moved), failed)

    def _use_data_dir(self, current: Path, target: Path, moved) -> None:
        try:
            self.store.close()
            self.store = Store(target / DB_NAME)
        except StoreError as exc:
            self.store = Store(current / DB_NAME)
            self.tell("Data folder not changed", str(exc))
            return
        self.settings.data_dir = str(target)
        self._save_settings()
        self.session_id = None
        self._refresh_questions()
        if self.analyses.parser == "ready":
            self.analyses.reanalyse()          # a folder from another install may hold older answers
        self.statusBar().showMessage(f"Your data is now kept in {target}"
                                     + (f" ({moved.answers} answers moved)." if moved else "."))

    # -- dialogs (tests replace these) -------------------------------------------------------------
    def ask(self, title: str, text: str) -> bool:
        return QMessageBox.question(self, title, text) == QMessageBox.Yes

    def tell(self, title: str, text: str, details: str = "", info: bool = False) -> None:
        box = QMessageBox(QMessageBox.Information if info else QMessageBox.Warning, title, text, parent=self)
        if details:
            box.setDetailedText(details)
        box.exec()

    def _failed(self, message: str, details: str) -> None:
        self.practice.set_recording(False)
        self._set_ready(self.engine is not None, message, event=True)
        self.tell("mockinterview", message, details)

    # -- practice -----------------------------------------------------------------------------------
    def _question_changed(self, q) -> None:
        self.current_question = q
        if q is not None and self.practice.hide_text and self.voices.voice_for(q) is None:
            self.practice.reveal()            # nothing can speak it, so nothing would reveal it later

    def random_question(self) -> None:
        self.show_practice()
        if self.practice.list.count():
            self.practice.list.setCurrentRow(random.randrange(self.practice.list.count()))
            if self.settings.voice:
                self.play_question()


    def play_question(self) -> None:
        """Ask the question aloud, as an interviewer would: its recording, else the system voice."""
        q = self.practice.current_question()
        if q is None or self.rehearsal is not None:
            return
        self.playback.stop()
        try:
            voice = self.voices.say(q, self.prompt_finished.emit)
        except USER_ERRORS as exc:
            self.practice.reveal()
            self.practice.show_status(f"The question cannot be played ({exc}); read it on screen.")
            return
        if voice is None:
            self.practice.reveal()
            why = self.system_voice.problem or "no voice is available"
            self.practice.show_status(f"This question cannot be spoken ({why}); read it on screen.")

    def _prompt_done(self) -> None:
        self.practice.reveal()

    def _space(self) -> None:
        if self.stack.currentWidget() is self.practice:
            self.toggle_recording()
        elif self.stack.currentWidget() is self.review:
            self.try_again()

    def _next_key(self) -> None:
        if self.stack.currentWidget() is self.review and self.review.next_button.isVisible():
            self.next_in_set()

    def toggle_recording(self) -> None:
        if self.rehearsal is not None:
            self.stop_take()
        elif self.thinking_until is not None:
            self.end_thinking(start=True)          # ready before the time is up
        else:
            self.begin_answer()

    def begin_answer(self) -> None:
        """Thinking time first, if the user wants it, then recording."""
        if self.settings.thinking_time_s <= 0 or self.engine is None or self.practice.current_question() is None:
            self.start_take()
            return
        self.voices.stop()
        self.practice.reveal()
        self.playback.stop()
        self.thinking_until = time.monotonic() + self.settings.thinking_time_s
        self.practice.set_thinking(True)
        self.thinking_timer.start()
        self._thinking_tick()

    def _thinking_tick(self) -> None:
        if self.thinking_until is None:
            return
        left = self.thinking_until - time.monotonic()
        if left <= 0:
            self.end_thinking(start=True)
        else:
            self.practice.show_thinking(left)

    def end_thinking(self, start: bool) -> None:
        self.thinking_timer.stop()
        self.thinking_until = None
        self.practice.set_thinking(False)
        if start:
            self.start_take()
        else:
            self.practice.show_status("Thinking time stopped.")

    def start_take(self) -> None:
        q = self.practice.current_question()
        self.playback.stop()
        self.voices.stop()                     # starting to answer interrupts the question
        self.practice.reveal()
        if q is None:
            self.practice.show_status("Choose a question first (or press Ctrl+R for a random one).")
            return
        if self.engine is None:
            return
        try:
            if self.session_id is None:
                self.session_id = self.store.new_session()
            self.rehearsal = Rehearsal(self.store, self.engine, q, self.session_id,
                                       device=self.settings.input_device, backend=self._backend)
            if self.rehearsal.recorder.notice:
                self.practice.show_status(self.rehearsal.recorder.notice)
            self.rehearsal.start()
        except USER_ERRORS as exc:
            self.rehearsal = None
            self._failed(str(exc), "")
            return
        self.current_question = q
        self.practice.set_recording(True)
        # some sound servers start delivering audio a second or two late: say so until it flows
        self.practice.show_status(RECORDING if self.rehearsal.recorder.hearing else STARTING_MIC)
        self.timer.start()

    def _tick(self) -> None:
        r = self.rehearsal
        if r is None:
            return
        rec = r.recorder
        self.practice.show_progress(rec.elapsed, rec.level_dbfs)
        if rec.hearing and self.practice.status_text() == STARTING_MIC:
            self.practice.show_status(RECORDING)
        if rec.error:
            self.stop_take()
        elif rec.silent:
            self.practice.show_status("No sound from the microphone: is it muted, or is another input selected?")

    def toggle_pause(self) -> None:
        if self.rehearsal is None:
            return
        rec = self.rehearsal.recorder
        if rec.paused:
            rec.resume()
            self.practice.pause.setText("Pause")
        else:
            rec.pause()
            self.practice.pause.setText("Resume")

    def cancel_take(self) -> None:
        if self.thinking_until is not None:
            self.end_thinking(start=False)
            return
        if self.rehearsal is None:
            return
        self.timer.stop()
        self.rehearsal.discard()
        self.rehearsal = None
        self.practice.set_recording(False)
        self.practice.show_status("Take cancelled; nothing was kept.")

    def rerecord(self) -> None:
        """Throw this take away (after asking) and start again at once."""
        if self.rehearsal is None:
            return
        if self.ask("Start this answer again?", "Discard what you have recorded so far and start again?"):
            self.cancel_take()
            self.start_take()
            self.practice.show_status("Recording again… press Space to stop, Esc to cancel.")

    def stop_take(self) -> None:
        r = self.rehearsal
        if r is None:
            return
        self.timer.stop()
        take = r.stop()
        self.rehearsal = None
        self.practice.set_recording(False)
        self.practice.allow_recording(False)
        self.practice.show_status("Transcribing the last words…")
        self.jobs.start(r.finish, self._take_finished, self._take_failed, USER_ERRORS)
        if take.error:                        # disk full, microphone gone: what was recorded is still judged
            self.tell("Recording stopped", take.error)

    def _take_finished(self, result) -> None:
        """The first review is on screen at once; the final transcript follows from a worker."""
        if result.not_saved:                  # a full disk: say so; the take's audio is kept for recovery
            self._set_ready(True, "Not saved.", event=True)
            self.tell("Answer not saved", f"{result.not_saved} The recording is kept and will be offered "
                      "for recovery at the next start.")
            return
        self._show_result(result.answer_id)
        self.reviews.refine(result.answer_id, self.engine)

    def _take_failed(self, message: str, details: str) -> None:
        if message == "no speech detected":
            message = "No speech was detected in this take. Check the microphone and try again."
        self._failed(message, details)

    def try_again(self) -> None:
        if self.current_question is not None:
            if self.ask("Record a new take?", "Record a new take of this question? This take stays in your history."):
                self.show_practice()
                self.practice.select(self.current_question.id)
                self.begin_answer()

    # -- review and history ---------------------------------------------------------------------------
    def _show_result(self, answer_id: int) -> None:
        self._set_ready(True, "Ready. Press Space to record.")
        self.open_answer(answer_id)
        if self.practice_set is not None:
            self.review.set_next(self.practice_set.next_label())
        self.answer_ready.emit(answer_id)

    def open_answer(self, answer_id: int) -> None:
        row = self.store.answer(answer_id)
        if row is None:
            return
        self.current_question = self.bank.get(row.question_id) if row.question_id else None
        self.review.set_next(None)
        if self.reviews.open(answer_id, self._takes_of):
            self.stack.setCurrentWidget(self.review)

    def _takes_of(self, row) -> list[tuple[int, str, float | None]]:
        return [(r.id, r.created_at, r.score) for r in self.store.answers(question_id=row.question_id)] \
            if row.question_id else []

    def show_practice(self) -> None:
        self.playback.stop()
        if self.rehearsal is None:
            self.stack.setCurrentWidget(self.practice)

    def show_progress(self) -> None:
        """Each measure over time (figures read in a worker); not while a take is on."""
        if self.rehearsal is not None or self.thinking_until is not None:
            return
        self.playback.stop()
        self.stack.setCurrentWidget(self.progress_view)
        self.progress.refresh()

    def show_history(self) -> None:
        if self.rehearsal is not None or self.thinking_until is not None:
            return
        self.playback.stop()
        competency = self.history.filter.currentData()
        rows = self.store.answers(competency=competency)
        self.history.show_rows(rows, self.store.sessions(), [s for _, s in self.store.trend(competency)])
        self.stack.setCurrentWidget(self.history)

    def delete_answer(self, answer_id: int) -> None:
        row = self.store.answer(answer_id)
        if row and self.ask("Delete this answer?", f"Delete your answer to “{row.question_text}” and its recording? "
                                                   "This cannot be undone."):
            self.store.delete_answer(answer_id)
            self.show_history()

    def delete_session(self, session_id: int) -> None:
        row = next((s for s in self.store.sessions() if s.id == session_id), None)
        if row and self.ask("Delete this session?", f"Delete the session of {when(row.started_at)} "
                                                    f"with its {row.answers} answer(s) and their recordings? "
                                                    "This cannot be undone."):
            self.store.delete_session(session_id)
            if session_id == self.session_id:
                self.session_id = None
            self.show_history()

    def closeEvent(self, event) -> None:
        self.reviews.stop()                    # an unfinished final transcript is made at the next start
        self.analyses.stop()                   # so is an unfinished re-analysis
        self.voices.stop()
        self.playback.stop()
        if self.rehearsal is not None:
            self.stop_take()
        self.jobs.wait_all()
        super().closeEvent(event)
