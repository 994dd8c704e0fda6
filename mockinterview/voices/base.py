"""The Voice protocol and a chain that asks the first voice able to say a question."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from ..core.questions import Question


class Voice(Protocol):
    name: str

    def can_say(self, question: Question) -> bool: ...

    def say(self, question: Question, on_finished: Callable[[], None]) -> None:
        """Start speaking and return; on_finished is called (from any thread) when done or stopped."""

    def stop(self) -> None: ...


class VoiceChain:
    """Built-in questions have natural recordings; the user's own fall back to the system voice."""

    def __init__(self, voices: Sequence[Voice]):
        self.voices = list(voices)
        self._speaking: Voice | None = None

    def voice_for(self, question: Question) -> Voice | None:
        return next((v for v in self.voices if v.can_say(question)), None)

    def say(self, question: Question, on_finished: Callable[[], None]) -> Voice | None:
        """Start the first voice that can say the question; None if none can (show it instead)."""
        self.stop()
        voice = self.voice_for(question)
        if voice is not None:
            voice.say(question, on_finished)
            self._speaking = voice
        return voice

    def stop(self) -> None:
        if self._speaking is not None:
            self._speaking.stop()
            self._speaking = None
