"""The Transcriber protocol that every engine implements, and shared options."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from ..core.transcript import Transcript

SAMPLE_RATE = 16_000
# Whisper tends to drop "um" and "uh". A prompt written the way people speak, fillers
# included, makes it keep them (measured by benchmarks/transcription.py: filler recall).
FILLER_PROMPT = "Umm, let me think like, hmm... Okay, here is what I, uh, did."


class TranscriptionError(Exception):
    """A transcription failed; the message is fit to show the user."""


class Cancelled(Exception):
    """The user cancelled a transcription."""


@dataclass(frozen=True, slots=True)
class Options:
    beam_size: int = 5
    word_timestamps: bool = True
    keep_fillers: bool = True
    vad: bool = True                 # skip silence, report "no speech" instead of inventing text
    threads: int = 0                 # 0 = engine default (all cores)


# progress(fraction 0..1), returning nothing; cancel() → True to stop as soon as possible
Progress = Callable[[float], None]
CancelCheck = Callable[[], bool]


class Transcriber(Protocol):
    engine_name: str
    model_name: str

    def transcribe(self, audio: np.ndarray, *, prompt: str | None = None, options: Options = Options(),
                   progress: Progress | None = None, cancel: CancelCheck | None = None) -> Transcript:
        """Transcribe 16 kHz mono float32 audio."""
        ...
