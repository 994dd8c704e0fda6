"""The microphone check shared by Settings and the welcome: a toggle that records to a throw-away
file, a live level bar and a note saying what was heard (UI only; the Recorder does the work)."""
from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton

from ..audio.devices import RecorderError
from ..audio.recorder import Recorder

HEARS_YOU = "The microphone hears you."
SAY_SOMETHING = "Say something: the bar should move."
NO_SOUND = "No sound from this microphone: is it muted, or is another input selected?"


class MicCheck(QObject):
    """Owns three widgets the dialog lays out as it likes (Settings puts the button beside the
    microphone list): `test` (checkable), `level` and `note`. device(): the microphone's name to
    test, None for the system default; idle: what the note says before anything was found."""

    note_changed = Signal(str)         # the dialog may need room for a longer note

    def __init__(self, backend=None, device: Callable[[], str | None] = lambda: None, idle: str = "",
                 parent=None):
        super().__init__(parent)
        self._backend, self._device, self._idle = backend, device, idle
        self._rec: Recorder | None = None
        self._dir: tempfile.TemporaryDirectory | None = None
        self._found = ""                  # what the check found, said once it has stopped
        self.test = QPushButton("&Test microphone", accessibleName="Test the microphone", checkable=True)
        self.level = QProgressBar(accessibleName="Microphone level", minimum=0, maximum=60, textVisible=False)
        self.level.setValue(0)            # an empty bar, not Qt's "no value" (a screen reader says 0 %)
        self.note = QLabel(idle, wordWrap=True, accessibleName="Microphone test result")
        self.note.setAccessibleDescription(idle)
        self.timer = QTimer(self, interval=100)
        self.timer.timeout.connect(self._show_level)
        self.test.toggled.connect(self._toggle)

    def stop(self) -> None:
        self.test.setChecked(False)

    def forget(self) -> None:
        """Stop, and say nothing about what was found (another microphone was chosen)."""
        self.stop()
        self._say(self._idle)

    def _say(self, text: str) -> None:
        if text == self.note.text():
            return
        self.note.setText(text)
        self.note.setAccessibleDescription(text)     # a screen reader hears the result, not only the name
        self.note_changed.emit(text)

    def _toggle(self, on: bool) -> None:
        """While the check runs, the note says what is heard now; once stopped, what was found."""
        if on:
            self._found = ""
            self._dir = tempfile.TemporaryDirectory(prefix="mockinterview-mic-")
            try:
                self._rec = Recorder(Path(self._dir.name) / "test.wav", device=self._device(), backend=self._backend)
                self._rec.start()
            except RecorderError as exc:
                self._rec = None
                self._found = str(exc)
                self.test.setChecked(False)
                return
            self._say(self._rec.notice or SAY_SOMETHING)
            self.timer.start()
        else:
            self.timer.stop()
            if self._rec is not None:
                self._rec.stop()
                self._rec = None
            if self._dir is not None:
                self._dir.cleanup()
                self._dir = None
            self.level.setValue(0)
            self._say(self._found or self._idle)

    def _show_level(self) -> None:
        rec = self._rec
        if rec is None:
            return
        self.level.setValue(max(0, min(60, int(rec.level_dbfs + 60))))
        if rec.error:
            self._found = rec.error
            self.test.setChecked(False)
        elif rec.silent:
            self._say(NO_SOUND)
            self._found = self._found or "Test stopped: no sound came from this microphone."
        elif rec.level_dbfs > -50:
            self._say(HEARS_YOU)
            self._found = "Test stopped: the microphone heard you."
