"""faster-whisper (CTranslate2): the default engine; fast on CPUs, no torch."""
from __future__ import annotations

import os
import time

import numpy as np

from ..core.analysis.model import Word
from ..core.transcript import Segment, Transcript
from .base import FILLER_PROMPT, SAMPLE_RATE, Cancelled, CancelCheck, Options, Progress, TranscriptionError
from .hallucination import is_hallucination
from .models import ModelInfo


class FasterWhisperEngine:
    engine_name = "faster-whisper"

    def __init__(self, model: ModelInfo, compute_type: str = "int8", threads: int = 0):
        from faster_whisper import WhisperModel

        self.model_name = model.name
        try:
            self._model = WhisperModel(str(model.path), device="cpu", compute_type=compute_type,
                                       cpu_threads=threads or (os.cpu_count() or 1))
        except (RuntimeError, ValueError) as exc:
            raise TranscriptionError(f"cannot load model {model.name} from {model.path}: {exc}") from None

    def transcribe(self, audio: np.ndarray, *, prompt: str | None = None, options: Options = Options(),
                   progress: Progress | None = None, cancel: CancelCheck | None = None) -> Transcript:
        t0 = time.perf_counter()
        duration = len(audio) / SAMPLE_RATE
        initial = " ".join(p for p in ((FILLER_PROMPT if options.keep_fillers else None), prompt) if p) or None
        segments_iter, info = self._model.transcribe(
            audio.astype(np.float32, copy=False), language="en", beam_size=options.beam_size,
            word_timestamps=options.word_timestamps, vad_filter=options.vad,
            vad_parameters={"min_silence_duration_ms": 500, "speech_pad_ms": 200},
            initial_prompt=initial, condition_on_previous_text=False, suppress_blank=True,
            temperature=list(options.temperatures),
        )
        segments: list[Segment] = []
        words: list[Word] = []
        for seg in segments_iter:
            if cancel and cancel():
                raise Cancelled()
            if progress and duration:
                progress(min(1.0, seg.end / duration))
            if is_hallucination(seg.text, seg.no_speech_prob, seg.avg_logprob, seg.compression_ratio):
                continue
            segments.append(Segment(float(seg.start), float(seg.end), seg.text.strip()))
            for w in seg.words or ():
                words.append(Word(w.word.strip(), float(w.start), float(w.end), float(w.probability)))
        if progress:
            progress(1.0)
        text = " ".join(s.text for s in segments).strip()
        return Transcript(text, segments, words, duration, info.language or "en", self.engine_name,
                          self.model_name, no_speech=not text, elapsed_s=time.perf_counter() - t0)
