"""The first-start welcome: shown once after the first window, again from Help → Welcome; "start"
asks a first question. Seeing it is remembered in the settings."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from .settings_controller import SettingsController
from .welcome_dialog import FIRST_QUESTION, WelcomeDialog


class WelcomeController(QObject):
    def __init__(self, prefs: SettingsController, backend: Callable[[], object], busy: Callable[[], bool],
                 show_practice: Callable[[], None], questions, window, parent=None):
        super().__init__(parent)
        self._prefs, self._backend, self._busy = prefs, backend, busy
        self._show_practice, self._questions, self._window = show_practice, questions, window
        self.dialog: WelcomeDialog | None = None

    def open(self) -> None:
        if self._busy():
            return                           # its microphone check would compete with the take
        self.dialog = WelcomeDialog(self._backend(), self._prefs.settings.input_device, parent=self._window)
        self.dialog.start_first_question.connect(self._first_question)
        self.dialog.finished.connect(self._seen)
        self.dialog.open()                   # window-modal, without a nested event loop

    def open_first_time(self) -> None:
        if not self._prefs.settings.welcome_shown:
            self.open()

    def _seen(self, _result: int = 0) -> None:
        if not self._prefs.settings.welcome_shown:
            self._prefs.settings.welcome_shown = True
            self._prefs.save()

    def _first_question(self) -> None:
        self._show_practice()
        if not self._questions.view.select(FIRST_QUESTION):
            self._questions.random()         # a bank without it: any question (asked aloud if voice is on)
        elif self._prefs.settings.voice:
            self._questions.play()
