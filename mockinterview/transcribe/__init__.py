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
DEFAULT_ENGINE, DEFAULT_MODEL = "faster-whisper", "tiny.en"
_MODULES = {"faster-whisper": "faster_whisper", "openai-whisper": "whisper"}


def engine_installed(name: str) -> bool:
    """Whether the engine's package is installed (without importing it: that takes seconds)."""
    from importlib.util import find_spec
    return name in ENGINES and find_spec(_MODULES[name]) is not None


def load_engine(engine: str = "faster-whisper", model: str | None = None,
                resolver: ModelResolver | None = None, threads: int = 0) -> Transcriber:
    if engine not in ENGINES:
        raise TranscriptionError(f"unknown engine {engine!r}; choose from {', '.join(ENGINES)}")
    resolver = resolver or ModelResolver()
    return ENGINES[engine](resolver.resolve(model), resolver, threads)


def load_preferred(engine: str, model: str, load=None) -> tuple[Transcriber, str | None]:
    """The chosen engine and model, or, if they are gone, the default ones with a notice."""
    load = load or load_engine
    try:
        return load(engine, model), None
    except (ModelError, TranscriptionError) as exc:
        if (engine, model) == (DEFAULT_ENGINE, DEFAULT_MODEL):
            raise
        fallback = load(DEFAULT_ENGINE, DEFAULT_MODEL)
        return fallback, f"{engine} {model} could not be loaded ({exc}); using {DEFAULT_ENGINE} {DEFAULT_MODEL}."


__all__ = ["ENGINES", "DEFAULT_ENGINE", "DEFAULT_MODEL", "engine_installed", "load_preferred", "load_engine", "Cancelled", "Options", "Transcriber", "TranscriptionError",
           "ModelError", "ModelInfo", "ModelResolver"]
