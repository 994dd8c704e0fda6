"""openai-whisper: the reference engine (torch). Install with `pip install mockinterview[openai]`.

It runs on the same weights as faster-whisper: the bundled CTranslate2 model is converted
once into an openai-whisper checkpoint (see convert.py) and cached in the model folder.
"""
from __future__ import annotations

import os

import numpy as np

from .assemble import RawSegment, RawWord, TwoPassEngine
from .base import SEED, Cancelled, CancelCheck, Options, Progress, TranscriptionError
from .models import ModelInfo, ModelResolver
from .vad import speech_regions


class OpenAIWhisperEngine(TwoPassEngine):
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

    def _silent(self, audio: np.ndarray, options: Options) -> bool:
        # openai-whisper has no voice-activity filter: on silence it would invent text
        return options.vad and not speech_regions(audio)

    def _decode(self, audio: np.ndarray, prompt: str | None, options: Options, progress: Progress | None,
                cancel: CancelCheck | None, share: tuple[float, float]) -> tuple[list[RawSegment], str]:
        """One pass with openai-whisper's own defaults (conditioning on the previous text,
        temperature fallback): what the engine hears when called plainly."""
        import importlib

        import torch

        wt = importlib.import_module("whisper.transcribe")  # the module, not the function
        total = max(1, len(audio) // 160)   # whisper counts progress in 10 ms mel frames
        lo, hi = share

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
                    progress(lo + (hi - lo) * min(1.0, self.n / total))

        torch.manual_seed(SEED)
        real_tqdm = wt.tqdm.tqdm
        wt.tqdm.tqdm = _Bar
        try:
            result = self._whisper.transcribe(
                self._model, audio, language="en", beam_size=options.beam_size, best_of=options.beam_size,
                word_timestamps=options.word_timestamps, initial_prompt=prompt or None, fp16=False,
                verbose=None, temperature=options.temperatures)
        finally:
            wt.tqdm.tqdm = real_tqdm
        segments = [RawSegment(float(s["start"]), float(s["end"]), s["text"],
                               [RawWord(w["word"], float(w["start"]), float(w["end"]), float(w["probability"]))
                                for w in s.get("words", ())])
                    for s in result["segments"]]
        return segments, result.get("language", "en")
