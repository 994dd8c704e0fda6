"""Whisper invents text on silence and noise ("Thank you.", "you"). Drop such segments."""
from __future__ import annotations

import re

_TYPICAL = re.compile(r"^\W*(thank you|thanks for watching|you|bye|so|um|uh|\.+|♪+)\W*$", re.I)


def is_hallucination(text: str, no_speech_prob: float, avg_logprob: float) -> bool:
    t = text.strip()
    if not t:
        return True
    if no_speech_prob > 0.6 and avg_logprob < -0.7:
        return True
    # the classic outputs on silence, when the model itself was unsure
    return bool(_TYPICAL.match(t)) and (no_speech_prob > 0.3 or avg_logprob < -0.8)
