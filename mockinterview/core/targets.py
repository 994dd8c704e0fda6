"""What a good answer aims for, in one place: the tips, the Progress bands, the review's aims and the
comparison of takes all read these numbers (before, the pace range was written in two modules).

Each range is (low, high); a low of 0 means "under high".
"""
from __future__ import annotations

PACE_WPM = (120, 170)            # words a minute that read as calm and clear in an interview
FILLERS_PER_100 = (0.0, 3.0)     # um, uh, like… per 100 words
LENGTH_WORDS = (150, 400)        # enough for a situation, the steps and a result; short of a monologue
ANSWER_SECONDS = (60, 150)       # about one to two and a half minutes spoken
SCORE = (3.5, 5.0)               # the ownership score
OWN_SHARE_PERCENT = (60, 100)    # share of the actions told as the candidate's own
STAR_PARTS = (3, 4)              # of situation, task, action, result
MEASURED_PERCENT = (50, 100)     # share of answers whose result carries a number


def aim(band: tuple[float, float], unit: str = "") -> str:
    """'aim 120–170' or 'aim under 3' (with the unit after it, if any)."""
    lo, hi = band
    text = f"aim under {hi:g}" if lo == 0 else f"aim {lo:g}–{hi:g}"
    return f"{text} {unit}".rstrip()


def aim_seconds(band: tuple[int, int] = ANSWER_SECONDS) -> str:
    """'aim 1:00–2:30'."""
    return "aim " + "–".join(f"{s // 60}:{s % 60:02d}" for s in band)


def outside(value: float, band: tuple[float, float]) -> float:
    """How far value lies outside band (0 inside; negative below, positive above)."""
    lo, hi = band
    return 0.0 if lo <= value <= hi else (value - lo if value < lo else value - hi)
