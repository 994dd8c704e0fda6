"""Play back the user's own recorded answer; reports the position so the review can mark the word."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from ..audio.player import Player, audio_length


class AnswerPlayback(QObject):
    position = Signal(float, float, bool)    # seconds played, length, playing
    problem = Signal(str)                    # a message for the status bar

    def __init__(self, user_errors: tuple[type[BaseException], ...], before_start=None, parent=None):
        """before_start(): called before playing (the window stops a question being spoken)."""
        super().__init__(parent)
        self._errors = user_errors + (RuntimeError,)      # soundfile raises RuntimeError subclasses
        self._before_start = before_start
        self.player: Player | None = None
        self.path: Path | None = None
        self.timer = QTimer(self, interval=50)
        self.timer.timeout.connect(self._tick)

    def load(self, path: Path | None) -> float | None:
        """Use this recording (decoded on first play); returns its length, None if it cannot be played."""
        self.stop()
        self.player = None
        length = audio_length(path) if path else None
        self.path = path if length else None
        return length

    def _ensure(self) -> Player | None:
        if self.player is None and self.path is not None:
            try:
                self.player = Player.from_file(self.path)
            except self._errors as exc:
                self.path = None
                self.problem.emit(f"Your recording cannot be played: {exc}")
        return self.player

    def toggle(self) -> None:
        p = self._ensure()
        if p is None:
            return
        if p.playing:
            p.stop()
        else:
            if p.position >= p.duration - 0.05:          # at the end: play again from the start
                p.seek(0)
            self._start(p)
        self._tick()

    def seek(self, seconds: float) -> None:
        p = self._ensure()
        if p is None:
            return
        p.seek(seconds)
        if not p.playing:
            self._start(p)
        self._tick()

    def stop(self) -> None:
        if self.player is not None and self.player.playing:
            self.player.stop()
            self._tick()

    def _start(self, p: Player) -> None:
        if self._before_start:
            self._before_start()
        try:
            p.start()
        except self._errors as exc:
            self.problem.emit(str(exc))
            return
        self.timer.start()

    def _tick(self) -> None:
        p = self.player
        if p is None:
            return
        self.position.emit(p.position, p.duration, p.playing)
        if not p.playing:
            self.timer.stop()
