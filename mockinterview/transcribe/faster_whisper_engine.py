"""faster-whisper (CTranslate2): the default engine; fast on CPUs, no torch."""
from __future__ import annotations

import os

import numpy as np

from .assemble import RawSegment, RawWord, TwoPassEngine
from .base import SAMPLE_RATE, SEED, Cancelled, CancelCheck, Options, Progress, TranscriptionError
from .models import ModelInfo


class FasterWhisperEngine(TwoPassEngine):
    engine_name = "faster-whisper"

    def __init__(self, model: ModelInfo, compute_type: str = "int8", threads: int = 0):
        from faster_whisper import WhisperModel

        self.model_name = model.name
        try:
            self._model = WhisperModel(str(model.path), device="cpu", compute_type=compute_type,
                                       cpu_threads=threads or (os.cpu_count() or 1))
        except (RuntimeError, ValueError) as exc:
            raise TranscriptionError(f"cannot load model {model.name} from {model.path}: {exc}") from None

    def _decode(self, audio: np.ndarray, prompt: str | None, options: Options, progress: Progress | None,
                cancel: CancelCheck | None, share: tuple[float, float]) -> tuple[list[RawSegment], str]:
        """One pass with faster-whisper's own defaults (VAD, conditioning on the previous text,
        temperature fallback): what the engine hears when called plainly."""
        import ctranslate2

        ctranslate2.set_random_seed(SEED)
        duration = len(audio) / SAMPLE_RATE
        segments_iter, info = self._model.transcribe(
            audio, language="en", beam_size=options.beam_size, word_timestamps=options.word_timestamps,
            vad_filter=options.vad, initial_prompt=prompt or None, temperature=list(options.temperatures))
        out: list[RawSegment] = []
        lo, hi = share
        for seg in segments_iter:
            if cancel and cancel():
                raise Cancelled()
            if progress and duration:
                progress(lo + (hi - lo) * min(1.0, seg.end / duration))
            out.append(RawSegment(float(seg.start), float(seg.end), seg.text,
                                  [RawWord(w.word, float(w.start), float(w.end), float(w.probability))
                                   for w in seg.words or ()]))
        return out, info.language or "en"
