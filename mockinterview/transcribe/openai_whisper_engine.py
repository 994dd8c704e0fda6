"""openai-whisper: the reference engine (torch). Install with `pip install mockinterview[openai]`.

It runs on the same weights as faster-whisper: the bundled CTranslate2 model is converted
once into an openai-whisper checkpoint (see convert.py) and cached in the model folder.
"""
from __future__ import annotations

import os
import time

import numpy as np

from ..core.analysis.model import Word
from ..core.transcript import Segment, Transcript
from .base import FILLER_PROMPT, SAMPLE_RATE, Cancelled, CancelCheck, Options, Progress, TranscriptionError
from .hallucination import is_hallucination
from .models import ModelInfo, ModelResolver
from .vad import speech_regions


class OpenAIWhisperEngine:
    engine_name = "openai-whisper"

    def __init__(self, model: ModelInfo, resolver: ModelResolver, threads: int = 0):
        try:
            import torch
            import whisper
            from whisper.model import ModelDimensions, Whisper
        except ImportError:
            raise TranscriptionError("openai-whisper is not installed; install it with: "
                                     "pip install 'mockinterview[openai]'") from None
        self.model_name = model.name
        torch.set_num_threads(threads or (os.cpu_count() or 1))
        ckpt_path = resolver.openai_checkpoint(model)
        ckpt = torch.load(ckpt_path, map_location="cpu", weights_only=True)
        m = Whisper(ModelDimensions(**ckpt["dims"]))
        m.load_state_dict(ckpt["model_state_dict"], strict=False)
        dims = m.dims
        mask = torch.zeros(dims.n_text_layer, dims.n_text_head, dtype=torch.bool)
        for layer, head in ckpt.get("alignment_heads") or []:
            mask[layer, head] = True
        if not mask.any():
            mask[dims.n_text_layer // 2:] = True
        m.register_buffer("alignment_heads", mask.to_sparse(), persistent=False)
        self._model = m.float().eval()
        self._whisper = whisper

    def transcribe(self, audio: np.ndarray, *, prompt: str | None = None, options: Options = Options(),
                   progress: Progress | None = None, cancel: CancelCheck | None = None) -> Transcript:
        import importlib

        wt = importlib.import_module("whisper.transcribe")  # the module, not the function
        t0 = time.perf_counter()
        audio = audio.astype(np.float32, copy=False)
        duration = len(audio) / SAMPLE_RATE
        if options.vad and not speech_regions(audio):
            return Transcript("", [], [], duration, "en", self.engine_name, self.model_name, True,
                              time.perf_counter() - t0)
        initial = " ".join(p for p in ((FILLER_PROMPT if options.keep_fillers else None), prompt) if p) or None
        total = max(1, len(audio) // 160)   # whisper counts progress in 10 ms mel frames

        class _Bar:
            def __init__(self, *a, **k):
                self.n = 0

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                return False

            def update(self, k):
                self.n += k
                if cancel and cancel():
                    raise Cancelled()
                if progress:
                    progress(min(1.0, self.n / total))

        real_tqdm = wt.tqdm.tqdm
        wt.tqdm.tqdm = _Bar
        try:
            result = self._whisper.transcribe(
                self._model, audio, language="en", beam_size=options.beam_size, best_of=options.beam_size,
                word_timestamps=options.word_timestamps, initial_prompt=initial, fp16=False,
                condition_on_previous_text=False, verbose=None, temperature=options.temperatures)
        finally:
            wt.tqdm.tqdm = real_tqdm
        segments, words = [], []
        for seg in result["segments"]:
            if is_hallucination(seg["text"], seg.get("no_speech_prob", 0.0), seg.get("avg_logprob", 0.0),
                                seg.get("compression_ratio", 0.0)):
                continue
            segments.append(Segment(float(seg["start"]), float(seg["end"]), seg["text"].strip()))
            for w in seg.get("words", ()):
                words.append(Word(w["word"].strip(), float(w["start"]), float(w["end"]), float(w["probability"])))
        text = " ".join(s.text for s in segments).strip()
        return Transcript(text, segments, words, duration, result.get("language", "en"), self.engine_name,
                          self.model_name, no_speech=not text, elapsed_s=time.perf_counter() - t0)
