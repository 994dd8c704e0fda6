"""The errors whose message is written for the user: shown plainly, never as a traceback."""
from __future__ import annotations


def user_errors() -> tuple[type[Exception], ...]:
    # imported here so that `mockinterview analyze notes.txt` does not load audio libraries up front
    from .audio.convert import AudioFileError
    from .audio.devices import RecorderError
    from .core.analysis import EmptyAnswer
    from .core.analysis.nlp import ParserMissing
    from .core.store import StoreError
    from .core.textinput import InputError
    from .transcribe.base import TranscriptionError
    from .transcribe.models import ModelError
    return (InputError, EmptyAnswer, AudioFileError, RecorderError, TranscriptionError, ModelError, StoreError,
            ParserMissing)
