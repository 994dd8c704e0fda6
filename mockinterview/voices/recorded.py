"""Built-in questions: natural-voice recordings in assets/prompts, played with PortAudio."""
from __future__ import annotations

from collections.abc import Callable

from ..audio.player import Player
from ..core.questions import Question, prompt_audio


class RecordedVoice:
    name = "recorded"

    def __init__(self):
        self._player: Player | None = None

    def can_say(self, question: Question) -> bool:
        return prompt_audio(question) is not None

    def say(self, question: Question, on_finished: Callable[[], None]) -> None:
        path = prompt_audio(question)
        if path is None:
            raise ValueError(f"no recording for {question.id}")
        self._player = Player.from_file(path, on_finished=on_finished)
        self._player.start()

    def stop(self) -> None:
        if self._player is not None:
            self._player.stop()
            self._player = None
