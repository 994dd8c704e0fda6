"""Split an analysed transcript into runs of text with one style each (for any renderer)."""
from __future__ import annotations

from dataclasses import dataclass

from .model import Analysis

# When highlights overlap, the first kind listed wins the character.
PRIORITY = ("self", "passive", "team", "metric", "hedge", "filler")


@dataclass(frozen=True, slots=True)
class Run:
    start: int
    end: int
    sentence: int | None      # index into analysis.sentences, None between sentences
    kind: str | None          # the winning highlight kind, if any


def runs(a: Analysis) -> list[Run]:
    n = len(a.text)
    kind: list[str | None] = [None] * n
    rank = {k: i for i, k in enumerate(PRIORITY)}
    for h in sorted(a.highlights, key=lambda h: -rank[h.kind]):
        for i in range(max(0, h.start), min(n, h.end)):
            kind[i] = h.kind
    sent: list[int | None] = [None] * n
    for idx, s in enumerate(a.sentences):
        for i in range(s.start, s.end):
            sent[i] = idx
    out: list[Run] = []
    start = 0
    for i in range(1, n + 1):
        if i == n or kind[i] != kind[start] or sent[i] != sent[start]:
            out.append(Run(start, i, sent[start], kind[start]))
            start = i
    return out
