"""Where each timed word of a transcript sits in its text, and which word is spoken at a time."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Sequence

from .model import Word

_STRIP = ".,!?;:\"'"
# Words the engine heard with less confidence than this are marked as doubtful (the review
# underlines them, tips do not quote them). Chosen on spoken answers: see benchmarks/doubtful_words.py.
DOUBTFUL_BELOW = 0.5


@dataclass(frozen=True, slots=True)
class WordSpan:
    start: int          # character offsets into the text
    end: int
    word: Word


def word_spans(text: str, words: Sequence[Word]) -> list[WordSpan]:
    """Walk the text and the timed words in order; words that cannot be found are skipped."""
    low = text.lower()
    pos = 0
    out: list[WordSpan] = []
    for w in words:
        token = w.text.strip().lower().strip(_STRIP)
        if not token:
            continue
        at = low.find(token, pos)
        if at < 0 or at - pos > 200:     # far ahead means a mismatch, not a skipped stretch
            continue
        out.append(WordSpan(at, at + len(token), w))
        pos = at + len(token)
    return out


def word_at(starts: Sequence[float], t: float) -> int | None:
    """Index of the word being spoken at time t (the last one started), None before the first.
    starts: the words' start times in order (computed once, asked many times during playback)."""
    i = bisect_right(starts, t) - 1
    return i if i >= 0 else None


def doubtful_words(spans: Sequence[WordSpan], below: float = DOUBTFUL_BELOW) -> set[int]:
    """Indexes (into spans) of the words the engine was unsure of."""
    return {i for i, sp in enumerate(spans) if sp.word.probability < below}


def mostly_doubtful(spans: Sequence[WordSpan], start: int, end: int, below: float = DOUBTFUL_BELOW) -> bool:
    """Whether most timed words in text[start:end] are doubtful (a quote the user may not have said)."""
    inside = [sp for sp in spans if sp.start >= start and sp.end <= end]
    return bool(inside) and sum(sp.word.probability < below for sp in inside) * 2 > len(inside)
