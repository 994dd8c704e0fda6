"""Transcribe while the user is still speaking, so little is left to do after Stop.

Audio (16 kHz mono) is fed in as it is recorded. A background thread watches the audio not yet
transcribed; when a stretch of speech ends at a pause (Silero VAD), that stretch is cut in the
middle of the pause and transcribed, with the text so far as the prompt for context. After
Stop only the tail since the last cut is left. Plain threads, no Qt: the GUI wraps this in a
worker that emits signals.
"""
from __future__ import annotations

import threading
import time

import numpy as np

from ..core.transcript import Transcript, join
from .base import SAMPLE_RATE, Cancelled, Options, Transcriber
from .vad import speech_regions

PROMPT_CHARS = 200


class IncrementalTranscriber:
    def __init__(self, engine: Transcriber, options: Options = Options(), min_chunk_s: float = 3.0,
                 max_chunk_s: float = 20.0, pause_s: float = 0.25, check_every_s: float = 0.1):
        self.engine = engine
        self.options = options
        self.min_chunk = int(min_chunk_s * SAMPLE_RATE)
        self.max_chunk = int(max_chunk_s * SAMPLE_RATE)
        self.pause_ms = int(pause_s * 1000)
        self.check_every = int(check_every_s * SAMPLE_RATE)
        self._blocks: list[np.ndarray] = []
        self._audio = np.zeros(0, np.float32)
        self._total = 0
        self._committed = 0                 # samples already transcribed
        self._parts: list[Transcript] = []
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._idle = threading.Event()
        self._idle.set()
        self._stop = threading.Event()
        self._cancelled = False
        self._last_checked = 0
        self.error: BaseException | None = None
        self.busy = False
        self._thread = threading.Thread(target=self._run, name="incremental-transcriber", daemon=True)
        self._thread.start()

    # -- feeding (any thread) ------------------------------------------------------------------
    def feed(self, samples: np.ndarray) -> None:
        with self._lock:
            self._blocks.append(np.asarray(samples, dtype=np.float32).reshape(-1))
            self._total += len(samples)
        if self._total - self._last_checked >= self.check_every:
            self._wake.set()

    @property
    def text_so_far(self) -> str:
        with self._lock:
            return " ".join(p.text for p in self._parts if p.text).strip()

    @property
    def seconds_transcribed(self) -> float:
        return self._committed / SAMPLE_RATE

    def cancel(self) -> None:
        self._cancelled = True
        self._stop.set()
        self._wake.set()

    def finish(self) -> Transcript:
        """After Stop: wait for work in flight, transcribe the tail, return the whole transcript."""
        self._stop.set()
        self._wake.set()
        self._thread.join()
        if self.error:
            raise self.error
        audio = self._consolidate()
        tail = audio[self._committed:]
        if tail.size and speech_regions(tail):
            self._transcribe(tail, self._committed)
        duration = len(audio) / SAMPLE_RATE
        if not self._parts:
            return Transcript("", [], [], duration, "en", self.engine.engine_name, self.engine.model_name, True)
        return join(self._parts, duration)

    # -- worker ---------------------------------------------------------------------------------
    def _consolidate(self) -> np.ndarray:
        with self._lock:
            if self._blocks:
                self._audio = np.concatenate([self._audio, *self._blocks])
                self._blocks = []
            return self._audio

    def _run(self) -> None:
        try:
            while not self._stop.is_set():
                self._wake.wait(0.5)
                self._wake.clear()
                if self._stop.is_set():
                    break
                audio = self._consolidate()
                self._last_checked = len(audio)
                self.busy = True
                cut = self._find_cut(audio)
                if cut is not None:
                    self._transcribe(audio[self._committed:cut], self._committed)
                    self._committed = cut
                self.busy = False
        except Cancelled:
            pass
        except BaseException as exc:  # surfaced by finish()
            self.error = exc

    def _find_cut(self, audio: np.ndarray) -> int | None:
        pending = audio[self._committed:]
        if len(pending) < self.min_chunk:
            return None
        regions = speech_regions(pending, min_silence_ms=self.pause_ms)
        if not regions:
            # nothing but silence so far: skip it without transcribing
            return self._committed + len(pending) - SAMPLE_RATE // 2 if len(pending) > self.min_chunk else None
        gaps = [(a_end, b_start) for (_, a_end), (b_start, _) in zip(regions, regions[1:])]
        last_end = regions[-1][1]
        if len(pending) - last_end >= self.pause_ms * SAMPLE_RATE // 1000:
            gaps.append((last_end, len(pending)))          # the speaker is pausing right now
        gaps = [(a, b) for a, b in gaps if a >= self.min_chunk or (b == len(pending) and a >= SAMPLE_RATE)]
        if gaps:
            a, b = gaps[-1]
            return self._committed + (a + b) // 2
        if len(pending) >= self.max_chunk:
            return self._committed + self._quietest(pending[-5 * SAMPLE_RATE:]) + len(pending) - 5 * SAMPLE_RATE
        return None

    @staticmethod
    def _quietest(x: np.ndarray) -> int:
        frame = SAMPLE_RATE // 50
        n = len(x) // frame
        energy = (x[: n * frame].reshape(n, frame) ** 2).mean(axis=1)
        return int(np.argmin(energy)) * frame + frame // 2

    def _transcribe(self, chunk: np.ndarray, offset: int) -> None:
        # Trailing silence invites Whisper to invent a sign-off: keep only a short pad after speech.
        regions = speech_regions(chunk, min_silence_ms=self.pause_ms)
        if not regions:
            return
        chunk = chunk[: min(len(chunk), regions[-1][1] + SAMPLE_RATE // 5)]
        prompt = self.text_so_far[-PROMPT_CHARS:] or None
        t = self.engine.transcribe(chunk, prompt=prompt, options=self.options,
                                   cancel=lambda: self._cancelled)
        shifted = t.shifted(offset / SAMPLE_RATE)
        with self._lock:
            self._parts.append(shifted)
