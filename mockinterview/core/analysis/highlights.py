"""Character spans of ownership, team, passive, hedge, filler and metric language."""
from __future__ import annotations

from . import lexicon as L
from .clauses import Clause
from .model import Highlight
from .quantity import metric_spans
from .tokens import Token

TEAM_WORDS = {"we", "our", "us", "ourselves", "we'd", "we've", "we're", "we'll"}


def phrase_matches(toks: list[Token], phrases) -> list[tuple[int, int]]:
    """(first, last+1) token index ranges matching any phrase; longest match wins, no overlaps."""
    out = []
    i = 0
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for p in phrases:
        by_first.setdefault(p[0], []).append(p)
    for plist in by_first.values():
        plist.sort(key=len, reverse=True)
    n = len(toks)
    while i < n:
        hit = None
        for p in by_first.get(toks[i].low, ()):
            if i + len(p) <= n and all(toks[i + k].low == p[k] for k in range(len(p))):
                hit = p
                break
        if hit:
            out.append((i, i + len(hit)))
            i += len(hit)
        else:
            i += 1
    return out


def _like_is_filler(toks: list[Token], i: int) -> bool:
    prev = toks[i - 1].low if i > 0 else "."
    nxt = toks[i + 1].low if i + 1 < len(toks) else "."
    if nxt == "," or prev in (",", ".", "—", "um", "uh", "and", "but", "so", "was", "were", "is", "it's"):
        return prev not in ("feel", "felt", "looks", "look", "looked", "seems", "would", "'d", "things", "stuff", "something")
    return toks[i + 1].is_number if i + 1 < len(toks) else False


def find_highlights(toks: list[Token], clauses: list[Clause]) -> list[Highlight]:
    out: list[Highlight] = []
    covered_team: set[int] = set()
    for c in clauses:
        kind = c.agent
        if kind in ("self", "team", "passive"):
            a = c.verb_start if kind == "passive" else c.start
            b = max(a + 1, c.verb_end)
            out.append(Highlight(toks[a].start, toks[b - 1].end, kind))
            if kind == "team":
                covered_team.update(range(a, b))
    for i, t in enumerate(toks):
        if t.low in TEAM_WORDS and i not in covered_team:
            if t.low == "us" and i > 0 and toks[i - 1].low in ("of",) and i > 1 and toks[i - 2].low in ("one", "each"):
                continue
            out.append(Highlight(t.start, t.end, "team"))
    for a, b in phrase_matches(toks, [p for p in L.HEDGES if p != ("i", "mean")]):
        out.append(Highlight(toks[a].start, toks[b - 1].end, "hedge"))
    for a, b in phrase_matches(toks, L.FILLERS):
        if toks[a].low == "like" and b - a == 1 and not _like_is_filler(toks, a):
            continue
        if toks[a].low == "literally" and b - a == 1:
            continue
        out.append(Highlight(toks[a].start, toks[b - 1].end, "filler"))
    for a, b in metric_spans(toks):
        out.append(Highlight(toks[a].start, toks[b - 1].end, "metric"))
    return out
