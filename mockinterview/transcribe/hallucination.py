"""What Whisper invents rather than hears, found in a transcript so it can be taken out with a reason.

Two kinds, each decided on the words themselves, never on a whole 30-s window's scores (faster-whisper
and openai-whisper report avg_logprob, compression ratio and no-speech probability per decoding
window, shared by every segment in it; dropping segments on those dropped whole stretches of
real speech):

- stock phrases that the model says on silence or noise ("Thank you for watching.", a lone
  "you"): a whole segment that is only such a phrase, and that the model itself was unsure of;
- repetition loops: the same phrase over and over, far more often than people repeat themselves.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..core.transcript import Edit

if TYPE_CHECKING:
    from .assemble import RawSegment

_PHRASE = (r"(?:and )?(?:(?:thank you|thanks)(?: (?:so|very) much)?(?: for (?:watching|listening))|"
           r"(?:i'll |we'll |i will )?see you (?:next time|in the next (?:one|video))|"
           r"please (?:like and )?subscribe|don't forget to (?:like and )?subscribe|subtitles by.*|you)")
_STOCK = re.compile(rf"^\W*{_PHRASE}(?:\W+{_PHRASE})*\W*$", re.I)
UNSURE = 0.5                  # mean word probability below which a stock phrase is taken as invented

# A phrase of n words repeated this many times in a row is a loop; loops are cut back to KEEP
# copies. People do repeat themselves ("words, words, words, words"), so the bar is high.
LOOP_MIN_REPEATS = {1: 8, 2: 5}
LOOP_MIN_REPEATS_LONG = 4       # phrases of 3 words or more
LOOP_KEEP = {1: 2}
LOOP_KEEP_LONG = 1
MAX_PHRASE = 30              # words: loops of whole sentences happen too


def _norm(word: str) -> str:
    return re.sub(r"[^a-z0-9']", "", word.lower())


def find_hallucinations(segments: list[RawSegment]) -> tuple[list[RawSegment], list[Edit]]:
    """The segments without stock hallucinations and loops, and an Edit for each removal."""
    edits: list[Edit] = []
    kept = []
    for s in segments:
        if s.words and _STOCK.match(s.text.strip()):
            mean = sum(w.probability for w in s.words) / len(s.words)
            if mean < UNSURE:
                edits.append(Edit("removed", s.start, s.end, s.text.strip(),
                                  f"a stock phrase Whisper says on silence, heard with low confidence ({mean:.2f})"))
                continue
        kept.append(s)
    kept, loop_edits = _cut_loops(kept)
    return kept, edits + loop_edits


def _cut_loops(segments: list[RawSegment]) -> tuple[list[RawSegment], list[Edit]]:
    flat = [(si, w) for si, s in enumerate(segments) for w in s.words]
    if len(flat) < 8:
        return segments, []
    toks = [_norm(w.text) for _, w in flat]
    drop: set[int] = set()
    edits: list[Edit] = []
    i = 0
    while i < len(toks):
        found = None
        for n in range(1, MAX_PHRASE + 1):
            if i + 2 * n > len(toks) or not toks[i]:
                break
            phrase = toks[i:i + n]
            reps = 1
            while toks[i + reps * n: i + (reps + 1) * n] == phrase:
                reps += 1
            need = LOOP_MIN_REPEATS.get(n, LOOP_MIN_REPEATS_LONG)
            if reps >= need:
                found = (n, reps)
                break
        if not found:
            i += 1
            continue
        n, reps = found
        keep = LOOP_KEEP.get(n, LOOP_KEEP_LONG)
        gone = range(i + keep * n, i + reps * n)
        drop.update(gone)
        words = [flat[k][1] for k in gone]
        edits.append(Edit("removed", words[0].start, words[-1].end, "".join(w.text for w in words).strip(),
                          f"a repetition loop: the same {n}-word phrase {reps} times in a row"))
        i += reps * n
    if not drop:
        return segments, []
    out = []
    for si, s in enumerate(segments):
        words = [w for k, (sj, w) in enumerate(flat) if sj == si and k not in drop]
        if not words:
            continue
        seg = type(s)(s.start, s.end, "".join(w.text for w in words), words)
        out.append(seg)
    return out, edits
