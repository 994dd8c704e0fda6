"""The transcript's highlights as a screen reader hears them: each marked stretch with who acts in it.

The review draws them in colour and shape; these are the same stretches (the runs the renderer
draws, see runs.py) in words, so stepping through them can announce "you acted: I designed" or
"someone else: my manager rewrote the plan". Fillers are left out: they are counted in the delivery
figures, and stepping through every "um" would bury the clauses.
"""
from __future__ import annotations

from dataclasses import dataclass

from .model import Analysis
from .runs import runs

MARK_WORDS = {"self": "you acted", "team": "team only", "other": "someone else", "passive": "hidden agent",
              "hedge": "hedge", "metric": "number"}
_PLURAL = {"self": "of your own actions", "team": "team only", "other": "someone else", "passive": "hidden agent",
           "hedge": "hedges", "metric": "numbers"}
SENTENCE_WORDS = 16             # a longer sentence is cut in what is read out with a mark


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    kind: str                   # a key of MARK_WORDS
    sentence: int


def marks(a: Analysis) -> list[Mark]:
    """The marked stretches in text order; a sentence where someone else acts is one mark."""
    out: list[Mark] = []
    for r in runs(a):
        if r.sentence is None:
            continue
        kind = r.kind if r.kind in MARK_WORDS else None
        if kind is None and r.kind is None and a.sentences[r.sentence].agent == "other":
            kind = "other"
        if kind is None or not a.text[r.start:r.end].strip():
            continue
        same = [i for i, m in enumerate(out) if m.kind == kind == "other" and m.sentence == r.sentence]
        if same:                # the rest of the same sentence, after a hedge or a number inside it
            m = out[same[0]]
            out[same[0]] = Mark(m.start, r.end, kind, m.sentence)
        else:
            out.append(Mark(r.start, r.end, kind, r.sentence))
    return sorted(out, key=lambda m: m.start)


def _short(text: str, words: int = SENTENCE_WORDS) -> str:
    parts = text.split()
    return " ".join(parts) if len(parts) <= words else " ".join(parts[:words]) + "…"


def describe(a: Analysis, m: Mark) -> str:
    """'you acted: I designed (in: I designed the schema for the billing service.)'."""
    words = " ".join(a.text[m.start:m.end].split())
    sentence = a.sentences[m.sentence].text
    said = f"{MARK_WORDS[m.kind]}: {words}"
    if m.kind != "other" and " ".join(sentence.split()) != words:     # "other" is its sentence already
        said += f" (in: {_short(sentence)})"
    return said


def summary(a: Analysis, found: list[Mark] | None = None, listed: int = 12) -> str:
    """How many marks of each kind, then the first few in words."""
    found = marks(a) if found is None else found
    if not found:
        return "Nothing in this answer is highlighted."
    counts = [f"{sum(m.kind == k for m in found)} {_PLURAL[k]}" for k in MARK_WORDS if any(m.kind == k for m in found)]
    head = f"Highlights: {', '.join(counts)}. Alt+Shift+Down and Alt+Shift+Up step through them."
    items = "; ".join(f"{MARK_WORDS[m.kind]}: {' '.join(a.text[m.start:m.end].split())}" for m in found[:listed])
    more = f"; and {len(found) - listed} more" if len(found) > listed else ""
    return f"{head} {items}{more}."
