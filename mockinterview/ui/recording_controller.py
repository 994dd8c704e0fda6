"""Coordinates one take on the practice screen: the thinking-time countdown, then recording (start,
stop, pause, cancel, re-record) with the level meter ticking, then the take's first transcript and
analysis in a worker. The core does the work (rehearsal.py); the view only shows."""
from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from ..core.settings import Settings
from ..core.store import Store
from ..pipeline import NoSpeech
from ..rehearsal import Rehearsal
from .practice_view import PracticeView
from .workers import Jobs, explain

STARTING_MIC = "Starting the microphone… start speaking when the timer moves."
RECORDING = "Recording… press Space to stop, Esc to cancel."
NO_SPEECH = "No speech was detected in this take. Check the microphone and try again."


class RecordingController(QObject):
    take_saved = Signal(int)         # a take's first transcript and analysis were saved (answer id)

    def __init__(self, store: Callable[[], Store], engine: Callable[[], object], settings: Callable[[], Settings],
                 backend: Callable[[], object], view: PracticeView, jobs: Jobs, stop_sound: Callable[[], None],
                 user_errors: tuple[type[BaseException], ...], ask, tell, parent=None):
        """stop_sound() silences the question and any playback; ask/tell are the window's dialogs."""
        super().__init__(parent)
        self._store, self._engine, self._settings, self._backend = store, engine, settings, backend
        self.view, self.jobs, self._stop_sound, self._errors = view, jobs, stop_sound, user_errors
        self._ask, self._tell = ask, tell
        self.rehearsal: Rehearsal | None = None
        self.session_id: int | None = None
        self.thinking_until: float | None = None     # monotonic deadline of the thinking-time countdown
        self.timer = QTimer(self, interval=100)
        self.timer.timeout.connect(self._tick)
        self.thinking_timer = QTimer(self, interval=100)
        self.thinking_timer.timeout.connect(self._thinking_tick)
        view.record_clicked.connect(self.toggle)
        view.pause_clicked.connect(self.toggle_pause)
        view.cancel_clicked.connect(self.cancel)
        view.rerecord_clicked.connect(self.rerecord)

    @property
    def busy(self) -> bool:
        return self.rehearsal is not None or self.thinking_until is not None

    def session_deleted(self, session_id: int) -> None:
        if session_id == self.session_id:
            self.session_id = None       # the next take starts a new one

    def new_session(self, title: str | None = None) -> int:
        self.session_id = self._store().new_session(title)
        return self.session_id

    def toggle(self) -> None:
        if self.rehearsal is not None:
            self.stop()
        elif self.thinking_until is not None:
            self.end_thinking(start=True)          # ready before the time is up
        else:
            self.begin()

    # -- thinking time ----------------------------------------------------------------------------
    def begin(self) -> None:
        """Thinking time first, if the user wants it, then recording."""
        if self._settings().thinking_time_s <= 0 or self._engine() is None or self.view.current_question() is None:
            self.start()
            return
        self._stop_sound()
        self.view.reveal()
        self.thinking_until = time.monotonic() + self._settings().thinking_time_s
        self.view.set_thinking(True)
        self.thinking_timer.start()
        self._thinking_tick()

    def _thinking_tick(self) -> None:
        if self.thinking_until is None:
            return
        left = self.thinking_until - time.monotonic()
        if left <= 0:
            self.end_thinking(start=True)
        else:
            self.view.show_thinking(left)

    def end_thinking(self, start: bool) -> None:
        self.thinking_timer.stop()
        self.thinking_until = None
        self.view.set_thinking(False)
        if start:
            self.start()
        else:
            self.view.show_status("Thinking time stopped.")

    # -- recording --------------------------------------------------------------------------------
    def start(self) -> None:
        q = self.view.current_question()
        self._stop_sound()                     # starting to answer interrupts the question
        self.view.reveal()
        if q is None:
            self.view.show_status("Choose a question first (or press Ctrl+R for a random one).")
            return
        engine = self._engine()
        if engine is None:
            return
        try:
            if self.session_id is None:
                self.new_session()
            self.rehearsal = Rehearsal(self._store(), engine, q, self.session_id,
                                       device=self._settings().input_device, backend=self._backend())
            if self.rehearsal.recorder.notice:
                self.view.show_status(self.rehearsal.recorder.notice)
            self.rehearsal.start()
        except self._errors as exc:
            self.rehearsal = None
            self.failed(exc, "")
            return
        self.view.set_recording(True)
        # some sound servers start delivering audio a second or two late: say so until it flows
        self.view.show_status(RECORDING if self.rehearsal.recorder.hearing else STARTING_MIC)
        self.timer.start()

    def _tick(self) -> None:
        r = self.rehearsal
        if r is None:
            return
        rec = r.recorder
        self.view.show_progress(rec.elapsed, rec.level_dbfs)
        if rec.hearing and self.view.status_text() == STARTING_MIC:
            self.view.show_status(RECORDING)
        if rec.error:
            self.stop()
        elif rec.silent:
            self.view.show_status("No sound from the microphone: is it muted, or is another input selected?")

    def toggle_pause(self) -> None:
        if self.rehearsal is None:
            return
        rec = self.rehearsal.recorder
        if rec.paused:
            rec.resume()
            self.view.pause.setText("Pause")
        else:
            rec.pause()
            self.view.pause.setText("Resume")

    def cancel(self) -> None:
        if self.thinking_until is not None:
            self.end_thinking(start=False)
            return
        if self.rehearsal is None:
            return
        self.timer.stop()
        self.rehearsal.discard()
        self.rehearsal = None
        self.view.set_recording(False)
        self.view.show_status("Take cancelled; nothing was kept.")

    def rerecord(self) -> None:
        """Throw this take away (after asking: what was said is lost) and start again at once."""
        if self.rehearsal is None:
            return
        if self._ask("Start this answer again?", "Discard what you have recorded so far and start again?"):
            self.cancel()
            self.start()
            self.view.show_status("Recording again… press Space to stop, Esc to cancel.")

    def stop(self) -> None:
        r = self.rehearsal
        if r is None:
            return
        self.timer.stop()
        take = r.stop()
        self.rehearsal = None
        self.view.set_recording(False)
        self.view.allow_recording(False)
        self.view.show_status("Transcribing the last words…")
        self.jobs.start(r.finish, self._finished, self.failed, self._errors)
        if take.error:                        # disk full, microphone gone: what was recorded is still judged
            self._tell("Recording stopped", take.error)

    def _finished(self, result) -> None:
        """The first review is on screen at once; the final transcript follows from a worker."""
        if result.not_saved:                  # a full disk: say so; the take's audio is kept for recovery
            self.view.allow_recording(True)
            self.view.show_status("Not saved.")
            self._tell("Answer not saved", f"{result.not_saved} The recording is kept and will be offered "
                       "for recovery at the next start.")
            return
        self.take_saved.emit(result.answer_id)

    def failed(self, error: BaseException, details: str) -> None:
        """A worker's failure: a take with no speech is explained plainly; anything else as it is."""
        message = NO_SPEECH if isinstance(error, NoSpeech) else explain(error, details)
        self.fail(message, details)

    def fail(self, message: str, details: str = "") -> None:
        """Something stopped the take (or another piece of work): say so, and be ready again if possible."""
        self.view.set_recording(False)
        self.view.allow_recording(self._engine() is not None)
        self.view.show_status(message)
        self._tell("mockinterview", message, details)
