"""A cheap check that text is English, so non-English answers are flagged, not misjudged."""
from __future__ import annotations

from .lexicon import ENGLISH_FUNCTION_WORDS
from .tokens import Token


def looks_english(toks: list[Token]) -> bool:
    words = [t.low for t in toks if t.is_word]
    if len(words) < 4:
        return all(w.isascii() for w in words)
    share = sum(1 for w in words if w in ENGLISH_FUNCTION_WORDS) / len(words)
    return share >= 0.15
