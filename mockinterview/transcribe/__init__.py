"""Local speech-to-text: one Transcriber protocol, one small class per engine."""
from __future__ import annotations

from .base import Cancelled, Options, Transcriber, TranscriptionError
from .models import ModelError, ModelInfo, ModelResolver


def _faster(model: ModelInfo, resolver: ModelResolver, threads: int) -> Transcriber:
    from .faster_whisper_engine import FasterWhisperEngine
    return FasterWhisperEngine(model, threads=threads)


def _openai(model: ModelInfo, resolver: ModelResolver, threads: int) -> Transcriber:
    from .openai_whisper_engine import OpenAIWhisperEngine
    return OpenAIWhisperEngine(model, resolver, threads=threads)


# name → factory; the default engine comes first
ENGINES = {"faster-whisper": _faster, "openai-whisper": _openai}


def load_engine(engine: str = "faster-whisper", model: str | None = None,
                resolver: ModelResolver | None = None, threads: int = 0) -> Transcriber:
    if engine not in ENGINES:
        raise TranscriptionError(f"unknown engine {engine!r}; choose from {', '.join(ENGINES)}")
    resolver = resolver or ModelResolver()
    return ENGINES[engine](resolver.resolve(model), resolver, threads)


__all__ = ["ENGINES", "load_engine", "Cancelled", "Options", "Transcriber", "TranscriptionError",
           "ModelError", "ModelInfo", "ModelResolver"]
