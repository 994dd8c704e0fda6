"""From an engine's decoding passes to the app's Transcript, changing nothing silently.

Every engine decodes the audio plainly (the engine's own defaults: the words it hears best) and,
when fillers are kept, a second time with a short prompt written the way people speak. Whisper
leaves out most "um"s and "uh"s unless prompted, but the prompt also costs words elsewhere
(measured in benchmarks/transcription.py: it invented endings such as "…all. Thanks. as well."
and dropped words mid-answer). So the words come from the plain pass, and the filler pass
contributes only fillers, inserted where the two passes agree on the words around them.

Then stock hallucinations and repetition loops are taken out (hallucination.py). Every filler
added and every stretch removed is kept in Transcript.edits with its time and reason, and
removals are logged.
"""
from __future__ import annotations

import difflib
import logging
import re
import time
from dataclasses import dataclass, field

import numpy as np

from ..core.analysis.model import Word
from ..core.transcript import Edit, Segment, Transcript
from ..core.wer import FILLERS
from .base import FILLER_PROMPT, SAMPLE_RATE, CancelCheck, Options, Progress
from .gaps import find_gaps
from .hallucination import find_hallucinations

log = logging.getLogger("mockinterview.transcribe")


@dataclass(slots=True)
class RawWord:
    text: str                     # as the engine gives it: leading space and punctuation included
    start: float
    end: float
    probability: float


@dataclass(slots=True)
class RawSegment:
    start: float
    end: float
    text: str
    words: list[RawWord] = field(default_factory=list)


def norm(word: str) -> str:
    return re.sub(r"[^a-z0-9']", "", word.lower())


def is_filler(word: str) -> bool:
    return norm(word) in FILLERS


def merge_fillers(plain: list[RawSegment], prompted: list[RawSegment]) -> tuple[list[RawSegment], list[Edit]]:
    """The plain pass with the fillers that only the filler pass heard. A filler is taken where
    the word sequences of both passes align around it (difflib, by normalised word), and only if
    its time lies between the plain words on either side of it."""
    flat = [(si, w) for si, s in enumerate(plain) for w in s.words]
    other = [w for s in prompted for w in s.words]
    if not flat or not other:
        return plain, []
    a = [norm(w.text) for _, w in flat]
    b = [norm(w.text) for w in other]
    inserts: list[tuple[int, RawWord]] = []          # (insert before this plain word index, filler)
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "insert" and all(b[j] in FILLERS for j in range(j1, j2)):
            inserts += [(i1, other[j]) for j in range(j1, j2)]
        elif tag == "replace":                        # fillers at the edges of a stretch heard differently
            js = list(range(j1, j2))
            while js and b[js[0]] in FILLERS:
                inserts.append((i1, other[js.pop(0)]))
            tail = []
            while js and b[js[-1]] in FILLERS:
                tail.insert(0, (i2, other[js.pop()]))
            inserts += tail
    edits: list[Edit] = []
    placed: dict[int, list[RawWord]] = {}
    for i, f in inserts:
        before = flat[i - 1][1] if i > 0 else None
        after = flat[i][1] if i < len(flat) else None
        if (before and f.start < before.start - 0.3) or (after and f.end > after.end + 0.3):
            continue                                  # the passes disagree on where it was said
        placed.setdefault(i, []).append(f)
    if not placed:
        return plain, []
    out = [RawSegment(s.start, s.end, s.text, []) for s in plain]
    for i, (si, w) in enumerate(flat + [(None, None)]):
        for f in placed.get(i, ()):
            target = si if si is not None else flat[-1][0]
            prev = out[target].words[-1] if out[target].words else (
                flat[i - 1][1] if i > 0 else None)
            starts_sentence = prev is None or prev.text.rstrip().endswith((".", "?", "!"))
            word = f.text.strip()
            word = word[:1].upper() + word[1:] if starts_sentence else word.lower()
            if not word.endswith((",", ".", "?", "!")):
                word += ","
            out[target].words.append(RawWord(" " + word, f.start, f.end, f.probability))
            edits.append(Edit("added", f.start, f.end, norm(word),
                              "a filler heard when the engine was prompted to keep fillers"))
        if w is not None:
            out[si].words.append(w)
    for s in out:
        s.text = "".join(w.text for w in s.words)
        if s.words:
            s.start, s.end = min(s.start, s.words[0].start), max(s.end, s.words[-1].end)
    return out, edits


def fill_gaps(plain: list[RawSegment], audio: np.ndarray, decode) -> tuple[list[RawSegment], list[Edit]]:
    """Speech the pass skipped (gaps.py), transcribed again on its own: from the start of the
    segment where the gap begins to the gap's end. The new words replace the old ones there only
    if they are more (the engine heard something it had left out). decode(audio) → segments."""
    flat = [w for s in plain for w in s.words]
    if not flat:
        return plain, []
    edits: list[Edit] = []
    for g0, g1 in find_gaps(audio, [(w.start, w.end) for w in flat]):
        r0 = max((s.start for s in plain if s.start <= g0), default=max(0.0, g0 - 1.0))
        r0 = max(0.0, min(r0, g0))
        a0, a1 = max(0.0, r0 - 0.2), min(len(audio) / SAMPLE_RATE, g1 + 0.5)
        again = decode(audio[int(a0 * SAMPLE_RATE):int(a1 * SAMPLE_RATE)])
        mid = lambda w: (w.start + w.end) / 2        # noqa: E731
        new = [RawSegment(s.start + a0, s.end + a0, "", [RawWord(w.text, w.start + a0, w.end + a0, w.probability)
                                                          for w in s.words if r0 <= mid(w) + a0 <= g1])
               for s in again]
        new = [s for s in new if s.words]
        old = [w for s in plain for w in s.words if r0 <= mid(w) <= g1]
        n_new = sum(len(s.words) for s in new)
        if n_new <= len(old):
            continue
        kept = []
        for s in plain:
            words = [w for w in s.words if not r0 <= mid(w) <= g1]
            if words:
                kept.append(RawSegment(min(s.start, words[0].start), words[-1].end if words[-1].end < s.end else s.end,
                                       "".join(w.text for w in words), words))
        for s in new:
            s.text = "".join(w.text for w in s.words)
            s.start, s.end = s.words[0].start, s.words[-1].end
        plain = sorted(kept + new, key=lambda s: s.start)
        edits.append(Edit("added", r0, g1, "".join(w.text for s in new for w in s.words).strip(),
                          f"speech the first pass skipped ({g1 - g0:.1f} s with no words heard in it), "
                          f"transcribed again on its own; it replaced: “{''.join(w.text for w in old).strip()}”"))
    return plain, edits


def assemble(plain: list[RawSegment], prompted: list[RawSegment] | None, *, duration: float, language: str,
             engine: str, model: str, elapsed_s: float, repaired: list[Edit] = ()) -> Transcript:
    segments, edits = merge_fillers(plain, prompted) if prompted is not None else (plain, [])
    edits = list(repaired) + edits
    segments, removed = find_hallucinations(segments)
    for e in removed:
        log.info("removed %r at %.1f–%.1f s: %s", e.text, e.start, e.end, e.reason)
    edits = sorted(edits + removed, key=lambda e: (e.start, e.end))
    out_segments = [Segment(float(s.start), float(s.end), s.text.strip()) for s in segments if s.text.strip()]
    words = [Word(w.text.strip(), float(w.start), float(w.end), float(w.probability))
             for s in segments for w in s.words if w.text.strip()]
    text = " ".join(s.text for s in out_segments).strip()
    return Transcript(text, out_segments, words, duration, language or "en", engine, model,
                      no_speech=not text, elapsed_s=elapsed_s, edits=edits)


class TwoPassEngine:
    """What both engines share: the plain pass, the filler pass, and assembling them. An engine
    provides engine_name, model_name and _decode(); it may override _silent()."""
    engine_name: str
    model_name: str

    def transcribe(self, audio: np.ndarray, *, prompt: str | None = None, options: Options = Options(),
                   progress: Progress | None = None, cancel: CancelCheck | None = None,
                   fillers_from: Transcript | None = None) -> Transcript:
        """fillers_from: a transcript of the same audio that was made with the filler prompt (the
        provisional one made while recording): its fillers are used instead of a second pass."""
        t0 = time.perf_counter()
        audio = audio.astype(np.float32, copy=False)
        duration = len(audio) / SAMPLE_RATE
        if self._silent(audio, options):
            return Transcript("", [], [], duration, "en", self.engine_name, self.model_name, True,
                              time.perf_counter() - t0)
        two = options.keep_fillers and options.word_timestamps and fillers_from is None
        plain, language = self._decode(audio, prompt, options, progress, cancel, (0.0, 0.5 if two else 1.0))
        plain, repaired = fill_gaps(plain, audio, lambda part: self._decode(part, prompt, options, None, cancel,
                                                                            (0.0, 1.0))[0])
        prompted = None
        if two and plain:
            filler_prompt = " ".join(p for p in (FILLER_PROMPT, prompt) if p)
            prompted, _ = self._decode(audio, filler_prompt, options, progress, cancel, (0.5, 1.0))
        elif fillers_from is not None and options.keep_fillers:
            prompted = [RawSegment(w.start, w.end, " " + w.text, [RawWord(" " + w.text, w.start, w.end, w.probability)])
                        for w in fillers_from.words]
        if progress:
            progress(1.0)
        return assemble(plain, prompted, duration=duration, language=language, engine=self.engine_name,
                        model=self.model_name, elapsed_s=time.perf_counter() - t0, repaired=repaired)

    def _silent(self, audio: np.ndarray, options: Options) -> bool:
        return False

    def _decode(self, audio: np.ndarray, prompt: str | None, options: Options, progress: Progress | None,
                cancel: CancelCheck | None, share: tuple[float, float]) -> tuple[list[RawSegment], str]:
        """One decoding pass; progress is reported within share = (from, to)."""
        raise NotImplementedError
