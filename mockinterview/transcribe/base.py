"""The Transcriber protocol that every engine implements, and shared options."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from ..core.transcript import Transcript

SAMPLE_RATE = 16_000
# Whisper tends to drop "um" and "uh". A short prompt written the way people speak, fillers
# included, makes it keep them, but it also costs words elsewhere, so it is used only for a
# second pass that contributes fillers (assemble.py; benchmarks/transcription.py prints both).
FILLER_PROMPT = "Um, so, uh, I did it."
# Temperature fallback samples at random; a fixed seed makes the same audio give the same text.
SEED = 0


class TranscriptionError(Exception):
    """A transcription failed; the message is fit to show the user."""


class Cancelled(Exception):
    """The user cancelled a transcription."""


@dataclass(frozen=True, slots=True)
class Options:
    beam_size: int = 5
    word_timestamps: bool = True
    keep_fillers: bool = True        # a second, prompted pass contributes the fillers (assemble.py)
    vad: bool = True                 # skip silence, report "no speech" instead of inventing text
    threads: int = 0                 # 0 = engine default (all cores)
    # Retry at higher temperatures when decoding looks poor. Off for the short stretches of
    # incremental transcription: a junk trailing segment would cost up to six decodes.
    fallback: bool = True

    @property
    def temperatures(self) -> tuple[float, ...]:
        return (0.0, 0.2, 0.4, 0.6, 0.8, 1.0) if self.fallback else (0.0,)


# progress(fraction 0..1), returning nothing; cancel() → True to stop as soon as possible
Progress = Callable[[float], None]
CancelCheck = Callable[[], bool]


class Transcriber(Protocol):
    engine_name: str
    model_name: str

    def transcribe(self, audio: np.ndarray, *, prompt: str | None = None, options: Options = Options(),
                   progress: Progress | None = None, cancel: CancelCheck | None = None,
                   fillers_from: Transcript | None = None) -> Transcript:
        """Transcribe 16 kHz mono float32 audio. fillers_from: an earlier transcript of the same
        audio, made with FILLER_PROMPT, to take fillers from instead of a second pass."""
        ...
