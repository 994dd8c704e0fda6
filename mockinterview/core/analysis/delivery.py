"""Delivery figures: length, fillers, hedges and, with word times, pace and long pauses."""
from __future__ import annotations

import math
from collections.abc import Sequence

from .model import Delivery, Highlight, Word

LONG_PAUSE_S = 2.0
# Below this much speech a words-a-minute figure is noise, or a degenerate timing (every word at the
# same instant): no pace is given rather than an absurd or infinite one.
MIN_PACE_S = 1.0


def measure(word_count: int, highlights: list[Highlight], words: Sequence[Word] | None) -> Delivery:
    fillers = sum(1 for h in highlights if h.kind == "filler")
    hedges = sum(1 for h in highlights if h.kind == "hedge")
    per100 = round(100.0 * fillers / word_count, 1) if word_count else 0.0
    wpm = pauses = duration = None
    if words:
        span = words[-1].end - words[0].start
        duration = max(0.0, span) if math.isfinite(span) else None      # NaN or infinite times: unknown
        if duration is not None and duration >= MIN_PACE_S:
            wpm = round(len(words) / (duration / 60.0), 1)
        pauses = sum(1 for a, b in zip(words, words[1:])
                     if math.isfinite(b.start - a.end) and b.start - a.end > LONG_PAUSE_S)
    return Delivery(word_count, wpm, per100, hedges, pauses, duration, fillers)
