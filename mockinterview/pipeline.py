"""Audio → transcript → analysis: the steps shared by the command line and the window."""
from __future__ import annotations

from pathlib import Path

from .core.reanalysis import NoSpeech, analyze_transcript
from .core.transcript import Transcript

__all__ = ["NoSpeech", "analyze_transcript", "transcribe_file"]


def transcribe_file(path: Path, engine, progress=None, cancel=None, fillers_from: Transcript | None = None,
                    warn=None) -> Transcript:
    """warn(message): told when the file is cut short and only part of it could be read."""
    from .audio.convert import load_audio

    audio, _ = load_audio(path, warn=warn)
    return engine.transcribe(audio, progress=progress, cancel=cancel, fillers_from=fillers_from)
