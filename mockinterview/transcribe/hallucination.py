"""Whisper invents text on silence, noise and trailing pauses ("Thank you for watching.").
Drop segments that look like that: a stock phrase the model itself was unsure about, or
anything with high no-speech probability and low confidence."""
from __future__ import annotations

import re

_PHRASE = (r"(?:and )?(?:(?:thank you|thanks)(?: (?:so|very) much)?(?: for (?:watching|listening))?|bye(?:[- ]bye)?|"
           r"(?:i'll |we'll |i will )?see you(?: (?:next time|in the next (?:one|video)|soon|later))?|"
           r"please (?:like and )?subscribe|don't forget to subscribe|subtitles by.*)")
_STOCK = re.compile(rf"^\W*(?:{_PHRASE}|you|so|um|uh|okay|\.+|♪+)(?:\W+{_PHRASE})*\W*$", re.I)


def is_hallucination(text: str, no_speech_prob: float, avg_logprob: float, compression_ratio: float = 0.0) -> bool:
    t = text.strip()
    if not t:
        return True
    if compression_ratio > 2.4:
        return True                     # a repetition loop ("see you, see you, see you…")
    if no_speech_prob > 0.6 and avg_logprob < -0.7:
        return True
    return bool(_STOCK.match(t)) and (no_speech_prob > 0.2 or avg_logprob < -0.5)
