"""Sentence splitting at sentence-final punctuation, as the text actually has it."""
from __future__ import annotations

import re

# Abbreviations whose period does not end a sentence.
_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "vs", "e.g", "i.e", "etc", "a.m", "p.m", "jr", "sr",
                  "inc", "ltd", "co", "no", "approx", "dept", "prof"}
# Final punctuation, optionally followed by closing quotes or brackets, then space or end.
_END = re.compile(r"(?:[.?!]+|…)[\"'”’)\]]*(?=\s|$)")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) spans of the sentences in text, without outer whitespace.

    Linear in the length of text. Semicolons and inner periods (9 p.m., 4.5) do not split.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        if _is_abbreviation(text, m.start(), m.group()):
            continue
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def _is_abbreviation(text: str, at: int, punct: str) -> bool:
    if not punct.startswith(".") or punct.startswith(".."):
        return False
    word_start = at
    while word_start > 0 and not text[word_start - 1].isspace() and text[word_start - 1] not in "(\"“'‘":
        word_start -= 1
    word = text[word_start:at].lower()
    if word not in _ABBREVIATIONS:
        return False
    # "9 p.m." ends its sentence when a capitalised word follows.
    rest = text[at + len(punct):].lstrip()
    if word in ("a.m", "p.m", "etc") and (not rest or rest[0].isupper()):
        return False
    return True
