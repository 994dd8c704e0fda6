"""The user's own questions: the system's text-to-speech through QtTextToSpeech (speech-dispatcher
on Linux, the platform voices elsewhere). Lives on the GUI thread."""
from __future__ import annotations

from collections.abc import Callable

from ..core.questions import Question


class SystemVoice:
    name = "system"

    def __init__(self, engine: str | None = None):
        """engine: a QtTextToSpeech plugin name; None picks the platform's (never the 'mock' one)."""
        self._engine = engine
        self._tts = None
        self._started = False
        self._on_finished: Callable[[], None] | None = None
        self.problem: str | None = None

    def _start(self) -> None:
        """Connect to the system's speech service the first time it is needed, not at launch."""
        if self._started:
            return
        self._started = True
        engine = self._engine
        try:
            from PySide6.QtCore import QLocale
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError:
            self.problem = "Qt's text-to-speech module is not installed"
            return
        if engine is None:
            engine = next((e for e in QTextToSpeech.availableEngines() if e != "mock"), None)
            if engine is None:
                self.problem = "no text-to-speech voice is installed on this system"
                return
        tts = QTextToSpeech(engine)
        if tts.state() == QTextToSpeech.State.Error:
            self.problem = f"the system voice is not working ({tts.errorString() or engine})"
            return
        english = [loc for loc in tts.availableLocales() if loc.language() == QLocale.Language.English]
        if english and tts.locale().language() != QLocale.Language.English:
            tts.setLocale(next((loc for loc in english if loc.territory() == QLocale.Country.UnitedStates),
                               english[0]))
        tts.stateChanged.connect(self._state_changed)
        self._tts = tts

    def can_say(self, question: Question) -> bool:
        self._start()
        return self._tts is not None

    def say(self, question: Question, on_finished: Callable[[], None]) -> None:
        self._on_finished = on_finished
        self._tts.say(question.text)

    def stop(self) -> None:
        if self._tts is not None:
            self._tts.stop()

    def _state_changed(self, state) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech
        if state in (QTextToSpeech.State.Ready, QTextToSpeech.State.Error) and self._on_finished:
            done, self._on_finished = self._on_finished, None
            done()
