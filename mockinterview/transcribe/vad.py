"""Voice-activity detection (Silero VAD, shipped with faster-whisper), shared by all engines."""
from __future__ import annotations

import numpy as np

from .base import SAMPLE_RATE


def speech_regions(audio: np.ndarray, min_silence_ms: int = 500, threshold: float = 0.5) -> list[tuple[int, int]]:
    """(start, end) sample ranges that contain speech."""
    if audio.size < SAMPLE_RATE // 10:
        return []
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    opts = VadOptions(threshold=threshold, min_silence_duration_ms=min_silence_ms, speech_pad_ms=200)
    return [(t["start"], t["end"]) for t in get_speech_timestamps(audio.astype(np.float32, copy=False), opts)]
