"""A provisional transcript while the user is still speaking, so feedback is ready at once after Stop.

Audio (16 kHz mono) is fed in as it is recorded. A background thread watches the audio not yet
transcribed; when a stretch of speech ends at a pause (Silero VAD), that stretch is cut in the
middle of the pause and transcribed. After Stop only the tail since the last cut is left.

The result is provisional. Cut into stretches, the answer loses the context the engine has when
it hears the whole recording: measured on real and spoken answers (benchmarks/transcription.py
--fidelity), stretches were 1–3 points of WER worse on average than the engine called plainly on
the same file, and up to 16 points on single files. So the transcript that is kept comes from
one plain pass over the whole recording after Stop (TwoPassEngine.transcribe with fillers_from=
this transcript). Stretches are therefore decoded once, with the filler prompt: they give
the quick first review and the fillers for the final transcript.

Measured choices: no temperature fallback for stretches (a junk trailing segment cost up to six
decodes), and no previous text as a prompt (with tiny.en that context made decoding loop, "see
you in the next video…", and the junk spread through later prompts). Plain threads, no Qt: the
GUI wraps this in a worker that emits signals.
"""
from __future__ import annotations

import threading
import time

import numpy as np

from ..core.transcript import Transcript, join
from .base import FILLER_PROMPT, SAMPLE_RATE, Cancelled, Options, Transcriber
from .vad import speech_regions

# One pass per stretch, with the filler prompt (see above).
STRETCH_OPTIONS = Options(keep_fillers=False)


class IncrementalTranscriber:
    def __init__(self, engine: Transcriber, options: Options = STRETCH_OPTIONS, min_chunk_s: float = 3.0,
                 max_chunk_s: float = 20.0, pause_s: float = 0.25, check_every_s: float = 0.1,
                 threaded: bool = True, min_pause_cut_s: float = 1.0):
        """threaded=False: no worker thread; feed() does the work itself as soon as it is due, as a
        worker that always keeps up would (benchmarks and tests replay recordings this way).
        min_pause_cut_s: how much pending speech a pause the speaker is making right now needs
        before it is cut there."""
        self.engine = engine
        self.options = options
        self.min_chunk = int(min_chunk_s * SAMPLE_RATE)
        self.min_pause_cut = int(min_pause_cut_s * SAMPLE_RATE)
        self.max_chunk = int(max_chunk_s * SAMPLE_RATE)
        self.pause_ms = int(pause_s * 1000)
        self.check_every = int(check_every_s * SAMPLE_RATE)
        self._buf = np.zeros(SAMPLE_RATE * 60, np.float32)   # grows by doubling: linear cost overall
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
        # (chunk start s, chunk end s, compute s) per transcribed stretch, and the finish() breakdown
        self.chunks: list[tuple[float, float, float]] = []
        self.finish_stats: dict[str, float] = {}
        self._thread = None
        if threaded:
            self._thread = threading.Thread(target=self._run, name="incremental-transcriber", daemon=True)
            self._thread.start()

    # -- feeding (any thread) ------------------------------------------------------------------
    def feed(self, samples: np.ndarray) -> None:
        x = np.asarray(samples, dtype=np.float32).reshape(-1)
        with self._lock:
            need = self._total + len(x)
            if need > len(self._buf):
                grown = np.zeros(max(need, 2 * len(self._buf)), np.float32)
                grown[: self._total] = self._buf[: self._total]
                self._buf = grown
            self._buf[self._total:need] = x
            self._total = need
        if self._total - self._last_checked >= self.check_every:
            if self._thread is None:
                self._step()
            else:
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
        t0 = time.perf_counter()
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join()
        if self.error:
            raise self.error
        t1 = time.perf_counter()
        audio = self._consolidate()
        tail = audio[self._committed:]
        if tail.size:
            self._transcribe(tail, self._committed)      # it skips a tail without speech
        self.finish_stats = {"wait_for_worker_s": t1 - t0, "tail_s": len(tail) / SAMPLE_RATE,
                             "tail_compute_s": time.perf_counter() - t1}
        duration = len(audio) / SAMPLE_RATE
        if not self._parts:
            return Transcript("", [], [], duration, "en", self.engine.engine_name, self.engine.model_name, True)
        return join(self._parts, duration)

    # -- worker ---------------------------------------------------------------------------------
    def _consolidate(self) -> np.ndarray:
        """The audio so far (a view: samples already written never change)."""
        with self._lock:
            return self._buf[: self._total]

    def _run(self) -> None:
        try:
            while not self._stop.is_set():
                self._wake.wait(0.5)
                self._wake.clear()
                if self._stop.is_set():
                    break
                self.busy = True
                self._step()
                self.busy = False
        except Cancelled:
            pass
        except BaseException as exc:  # surfaced by finish()
            self.error = exc

    def _step(self) -> None:
        """Look at the audio not yet transcribed; transcribe the stretch before a pause, if any."""
        audio = self._consolidate()
        self._last_checked = len(audio)
        cut, speech = self._find_cut(audio)
        if cut is not None:
            if speech:                     # VAD just found speech in it: no need to look again
                self._transcribe(audio[self._committed:cut], self._committed, check_speech=False)
            self._committed = cut

    def _find_cut(self, audio: np.ndarray) -> tuple[int | None, bool]:
        """Where to cut the pending audio (None: not yet), and whether the part before it holds speech."""
        pending = audio[self._committed:]
        if len(pending) < self.min_chunk:
            return None, False
        regions = speech_regions(pending, min_silence_ms=self.pause_ms)
        if not regions:
            # nothing but silence so far: skip it without transcribing
            return (self._committed + len(pending) - SAMPLE_RATE // 2 if len(pending) > self.min_chunk else None), False
        gaps = [(a_end, b_start) for (_, a_end), (b_start, _) in zip(regions, regions[1:])]
        last_end = regions[-1][1]
        if len(pending) - last_end >= self.pause_ms * SAMPLE_RATE // 1000:
            gaps.append((last_end, len(pending)))          # the speaker is pausing right now
        gaps = [(a, b) for a, b in gaps if a >= self.min_chunk or (b == len(pending) and a >= self.min_pause_cut)]
        if gaps:
            a, b = gaps[-1]
            return self._committed + (a + b) // 2, True
        if len(pending) >= self.max_chunk:
            cut = self._quietest(pending[-5 * SAMPLE_RATE:]) + len(pending) - 5 * SAMPLE_RATE
            return self._committed + cut, any(start < cut for start, _ in regions)
        return None, False

    @staticmethod
    def _quietest(x: np.ndarray) -> int:
        frame = SAMPLE_RATE // 50
        n = len(x) // frame
        energy = (x[: n * frame].reshape(n, frame) ** 2).mean(axis=1)
        return int(np.argmin(energy)) * frame + frame // 2

    def _transcribe(self, chunk: np.ndarray, offset: int, check_speech: bool = True) -> None:
        if check_speech and not speech_regions(chunk, min_silence_ms=self.pause_ms):
            return
        started = time.perf_counter()
        t = self.engine.transcribe(chunk, prompt=FILLER_PROMPT, options=self.options,
                                   cancel=lambda: self._cancelled)
        self.chunks.append((offset / SAMPLE_RATE, (offset + len(chunk)) / SAMPLE_RATE, time.perf_counter() - started))
        shifted = t.shifted(offset / SAMPLE_RATE)
        with self._lock:
            self._parts.append(shifted)
