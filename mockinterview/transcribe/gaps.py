"""Speech the engine skipped: find it, so it can be transcribed again on its own.

Whisper decodes 30-s windows. Now and then a window's text stops early: the decoder ends the
window with a timestamp that swallows the rest of the speech, and word alignment then stretches
the last word over seconds of talk it has no text for ("…passed the practical, and do a" for 13 s
of speech, measured on tests/fixtures/audio/long-espeak.ogg; the engine called plainly loses the
same words). Two signs give such a stretch away, both checked against the voice-activity
detector: speech with no word in it, and a word far longer than any spoken word.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .base import SAMPLE_RATE
from .vad import speech_regions

MIN_GAP_S = 1.0         # this much speech with no word in it is a gap (a pause plus a breath is less)
MAX_WORD_S = 2.0        # a "word" longer than this covers speech it has no text for (faster-whisper's
                        # own hallucination check treats words over 2 s as anomalous)
COVER_S = 0.25          # a word covers this much around it (alignment is not exact)


def find_gaps(audio: np.ndarray, words: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    """(start, end) seconds of speech that the words (start, end) do not account for, merged."""
    suspects: list[tuple[float, float]] = [(s, e) for s, e in words if e - s > MAX_WORD_S]
    covered = sorted((s - COVER_S, e + COVER_S) for s, e in words if e - s <= MAX_WORD_S)
    for a, b in speech_regions(audio, min_silence_ms=300):
        t0, t1 = a / SAMPLE_RATE, b / SAMPLE_RATE
        cursor = t0
        for s, e in covered:
            if e <= cursor or s >= t1:
                continue
            if s - cursor >= MIN_GAP_S:
                suspects.append((cursor, s))
            cursor = max(cursor, e)
        if t1 - cursor >= MIN_GAP_S:
            suspects.append((cursor, t1))
    merged: list[tuple[float, float]] = []
    for s, e in sorted(suspects):
        if merged and s <= merged[-1][1] + 0.5:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged
