"""The user corrects what the engine mis-heard: a new transcript from the corrected text.

Words the user left alone keep their times and the engine's confidence, so playback still marks
the spoken word and pauses and pace stay measured. Words the user changed or added are placed in
the time of the words they replace (or at the gap where they were added) and count as certain:
the user vouched for them. The original transcript is kept by the store, not here.
"""
from __future__ import annotations

import difflib
import re

from .analysis.model import Word
from .transcript import Segment, Transcript

MAX_CHARS = 1_000_000          # the same cap as for text answers


class CorrectionError(ValueError):
    """The corrected text cannot be used; the message says why."""


def _norm(word: str) -> str:
    return re.sub(r"[^\w']", "", word.lower().replace("’", "'"))


def correct(transcript: Transcript, new_text: str) -> Transcript:
    text = " ".join(new_text.split())
    if not text:
        raise CorrectionError("The corrected transcript is empty: write what you said, or cancel.")
    if len(text) > MAX_CHARS:
        raise CorrectionError("The corrected transcript is too long.")
    old = transcript.words
    new = text.split(" ")
    words: list[Word] = []
    if old:
        a = [_norm(w.text) for w in old]
        b = [_norm(w) for w in new]
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
            if tag == "equal":
                words += [Word(new[j1 + k], old[i1 + k].start, old[i1 + k].end, old[i1 + k].probability)
                          for k in range(i2 - i1)]
            elif tag in ("replace", "insert"):
                if tag == "replace":
                    start, end = old[i1].start, old[i2 - 1].end
                else:                              # between the neighbours that stayed
                    start = end = old[i1 - 1].end if i1 > 0 else old[0].start
                step = (end - start) / (j2 - j1)
                words += [Word(new[j], start + step * (j - j1), start + step * (j - j1 + 1), 1.0)
                          for j in range(j1, j2)]
    segments = [Segment(words[0].start, words[-1].end, text)] if words else []
    return Transcript(text, segments, words, transcript.duration, transcript.language, transcript.engine,
                      transcript.model, False, transcript.elapsed_s, list(transcript.edits))


def changed_words(original: Transcript, corrected: Transcript) -> int:
    """How many words the correction changed, added or removed."""
    a = [_norm(w) for w in original.text.split()]
    b = [_norm(w) for w in corrected.text.split()]
    n = 0
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag != "equal":
            n += max(i2 - i1, j2 - j1)
    return n
