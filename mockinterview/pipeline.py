"""Audio → transcript → analysis: the steps shared by the command line and the window."""
from __future__ import annotations

from pathlib import Path

from .core.analysis import Analysis, EmptyAnswer, analyze
from .core.transcript import Transcript


class NoSpeech(EmptyAnswer):
    """The recording holds no speech (silence, a muted microphone, noise)."""


def analyze_transcript(t: Transcript) -> Analysis:
    if t.no_speech or not t.text.strip():
        raise NoSpeech("no speech detected")
    return analyze(t.text, t.words, duration_s=t.duration)


def transcribe_file(path: Path, engine, progress=None, cancel=None, fillers_from: Transcript | None = None) -> Transcript:
    from .audio.convert import load_audio

    audio, _ = load_audio(path)
    return engine.transcribe(audio, progress=progress, cancel=cancel, fillers_from=fillers_from)
