"""Word error rate between a reference and a transcript, after light normalisation."""
from __future__ import annotations

import re

_ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen " \
        "sixteen seventeen eighteen nineteen".split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
FILLERS = {"um", "uh", "umm", "uhm", "erm", "er", "hmm", "mm"}
_SPOKEN = {"mr": "mister", "mrs": "missus", "dr": "doctor"}     # written forms of spoken words


def _int_words(n: int) -> list[str]:
    if n < 20:
        return [_ONES[n]]
    if n < 100:
        return [_TENS[n // 10]] + ([_ONES[n % 10]] if n % 10 else [])
    if n < 1000:
        return [_ONES[n // 100], "hundred"] + (_int_words(n % 100) if n % 100 else [])
    if n < 1_000_000:
        return _int_words(n // 1000) + ["thousand"] + (_int_words(n % 1000) if n % 1000 else [])
    return [str(n)]


def normalize(text: str) -> list[str]:
    t = text.lower().replace("%", " percent").replace("’", "'")
    t = re.sub(r"\$(\d[\d,]*)", r"\1 dollars", t)
    t = re.sub(r"(\d),(\d{3})", r"\1\2", t)
    out = []
    for w in re.findall(r"[a-z0-9']+", t):
        if w.isdigit():
            out.extend(_int_words(int(w)))
        else:
            w = w.strip("'")
            out.append(_SPOKEN.get(w, w))
    return [w for w in out if w]


def wer(reference: str, hypothesis: str, ignore_fillers: bool = True) -> float:
    ref, hyp = normalize(reference), normalize(hypothesis)
    if ignore_fillers:
        ref = [w for w in ref if w not in FILLERS]
        hyp = [w for w in hyp if w not in FILLERS]
    if not ref:
        return 0.0 if not hyp else 1.0
    prev = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        cur = [i] + [0] * len(hyp)
        for j, h in enumerate(hyp, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (r != h))
        prev = cur
    return prev[-1] / len(ref)


def filler_count(text: str) -> int:
    return sum(1 for w in normalize(text) if w in FILLERS)
