"""Play audio (question prompts, the user's own answer) on the default output device."""
from __future__ import annotations

import os
import threading
from pathlib import Path

import numpy as np

from .devices import RecorderError


def audio_length(path: Path) -> float | None:
    """Seconds of audio in a file, read from its header; None if it cannot be read."""
    import soundfile as sf
    try:
        return sf.info(str(path)).duration
    except (OSError, RuntimeError):       # soundfile's errors are RuntimeErrors
        return None


class Player:
    """Plays one clip in PortAudio's callback thread; `position` (seconds) is readable any time."""

    def __init__(self, samples: np.ndarray, rate: int, on_finished=None):
        self.samples = np.ascontiguousarray(samples, dtype=np.float32).reshape(-1)
        self.rate = rate
        self.on_finished = on_finished
        self.finished = threading.Event()
        self._pos = 0
        self._stream = None

    @classmethod
    def from_file(cls, path, on_finished=None) -> "Player":
        import soundfile as sf
        if isinstance(path, (str, os.PathLike)):
            x, rate = sf.read(str(path), dtype="float32", always_2d=False)
        else:                     # a packaged prompt in a zipped install (an importlib.resources Traversable)
            with path.open("rb") as f:
                x, rate = sf.read(f, dtype="float32", always_2d=False)
        if x.ndim == 2:
            x = x.mean(axis=1)
        return cls(x, rate, on_finished)

    @property
    def position(self) -> float:
        return self._pos / self.rate

    @property
    def duration(self) -> float:
        return len(self.samples) / self.rate

    @property
    def playing(self) -> bool:
        return self._stream is not None and self._stream.active

    def seek(self, seconds: float) -> None:
        self._pos = int(max(0.0, min(self.duration, seconds)) * self.rate)

    def start(self) -> None:
        """Play from the current position (stop() then start() pauses and resumes)."""
        if self._stream is not None:
            self.stop()
        self.finished.clear()
        try:
            import sounddevice as sd
        except OSError:
            raise RecorderError("The PortAudio library is missing, so nothing can be played.") from None

        def callback(outdata, frames, _time, _status):
            chunk = self.samples[self._pos:self._pos + frames]
            outdata[: len(chunk), 0] = chunk
            outdata[len(chunk):, 0] = 0
            self._pos += len(chunk)
            if len(chunk) < frames:
                raise sd.CallbackStop()

        def done():
            self.finished.set()
            if self.on_finished:
                self.on_finished()
        try:
            self._stream = sd.OutputStream(samplerate=self.rate, channels=1, dtype="float32", callback=callback,
                                           finished_callback=done)
            self._stream.start()
        except sd.PortAudioError as exc:
            raise RecorderError(f"cannot play audio: {exc}") from None

    def stop(self) -> None:
        if self._stream is not None:
            self._stream.stop()
            self._stream.close()
            self._stream = None
        self.finished.set()
