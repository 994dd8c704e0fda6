"""Decode audio files and resample to what Whisper wants (16 kHz mono float32).

Files are read block by block (see decode.py), so memory stays about the size of the result, and
the length is limited: a file longer than MAX_AUDIO_S is refused from its header, before decoding.
"""
from __future__ import annotations

import warnings
from collections.abc import Callable
from pathlib import Path

import numpy as np

from .decode import TARGET_RATE, AvSource, Mono16k, SoundFileSource

SUPPORTED = (".wav", ".flac", ".ogg", ".oga", ".opus", ".mp3")
# An interview answer takes minutes (the app suggests 1 to 2.5); 30 minutes leaves room for a whole
# mock interview in one file while bounding the work: its 16 kHz mono result is 115 MB, and the
# transcription of it already takes minutes. Like the 1 MB cap on text answers, a cap keeps a wrong
# file (an hour-long podcast, a 3-hour WAV) from taking gigabytes and an afternoon.
MAX_AUDIO_S = 30 * 60
# A file may hold a little more than its header says (MP3 and Ogg headers are estimates): allow
# this much over the limit while decoding before giving up.
_OVER_LIMIT_S = 1.0
# Less than this short of what the header promises is rounding (encoder delay, estimated lengths).
_CUT_SHORT_S = 0.25


class AudioFileError(Exception):
    """An audio file cannot be used; the message is fit to show the user."""


class AudioFileWarning(UserWarning):
    """An audio file could be used only in part; the message is fit to show the user."""


def to_mono(x: np.ndarray) -> np.ndarray:
    return x.mean(axis=1) if x.ndim == 2 else x


def resample(x: np.ndarray, rate: int, target: int = TARGET_RATE) -> np.ndarray:
    """Band-limited resampling (libsoxr, high quality), mono float32 out."""
    x = to_mono(np.asarray(x, dtype=np.float32))
    if rate == target or x.size == 0:
        return x.astype(np.float32, copy=False)
    import soxr
    return soxr.resample(x, rate, target, quality="HQ").astype(np.float32, copy=False)


def load_audio(path: Path, warn: Callable[[str], None] | None = None) -> tuple[np.ndarray, float]:
    """Decode a file to 16 kHz mono float32; return (samples, duration in seconds).

    A file that breaks off early (cut short, or damaged part-way) gives what could be read, and
    warn(message) is called saying how much that is; without warn, an AudioFileWarning is issued,
    so that it is never silent."""
    path = _usable(path)
    first: Exception | None = None
    for open_source in (SoundFileSource, AvSource):   # FFmpeg for what libsndfile cannot read
        try:
            source = open_source(path)
        except Exception as exc:
            first = first or exc
            continue
        try:
            if source.seconds is not None and source.seconds > MAX_AUDIO_S:
                raise AudioFileError(_too_long(path, _length(source.seconds)))
            samples, sink, error = _read(path, source)
        finally:
            source.close()
        if samples.size or error is None:
            break
        first = first or error
    else:
        raise AudioFileError(f"{path}: cannot decode audio ({first})") from None
    # A cut-off file is analysed, not refused (for WAV and FLAC alike): what was read is the user's
    # answer, and an analysis of most of it, with a note saying how much, is worth more than none.
    if note := _cut_short(path, sink.seconds_in, source.promised_s, error):
        if warn is None:
            warnings.warn(note, AudioFileWarning, stacklevel=2)
        else:
            warn(note)
    return samples, len(samples) / TARGET_RATE


def check_audio(path: Path) -> None:
    """What can be known of an audio file without decoding it (exists, a supported type, a header
    some decoder reads, within the length limit): checked before the speech model is loaded, so a
    bad file is reported at once instead of after the wait."""
    path = _usable(path)
    first: Exception | None = None
    for open_source in (SoundFileSource, AvSource):
        try:
            source = open_source(path)
        except Exception as exc:
            first = first or exc
            continue
        try:
            if source.seconds is not None and source.seconds > MAX_AUDIO_S:
                raise AudioFileError(_too_long(path, _length(source.seconds)))
        finally:
            source.close()
        return
    raise AudioFileError(f"{path}: cannot decode audio ({first})") from None


def _usable(path: Path) -> Path:
    path = Path(path)
    if not path.exists():
        raise AudioFileError(f"{path}: no such file")
    if path.is_dir():
        raise AudioFileError(f"{path}: is a directory")
    if path.suffix.lower() not in SUPPORTED:
        raise AudioFileError(f"{path}: unsupported audio format {path.suffix or '(none)'}; "
                             f"use {', '.join(s.lstrip('.') for s in SUPPORTED)}")
    return path


def _read(path: Path, source) -> tuple[np.ndarray, Mono16k, Exception | None]:
    """Decode until the end or the first decoding error (returned, with what came before it)."""
    sink = Mono16k(source.rate, source.seconds, int((MAX_AUDIO_S + _OVER_LIMIT_S) * TARGET_RATE))
    error = None
    try:
        for block in source.blocks():
            if not sink.add(block):     # the header understated the length
                raise AudioFileError(_too_long(path, f"over {_length(MAX_AUDIO_S)}"))
    except AudioFileError:
        raise
    except Exception as exc:            # libsndfile and FFmpeg raise their own error types
        error = exc
    return sink.finish(), sink, error


def _cut_short(path: Path, read_s: float, promised_s: float | None, error: Exception | None) -> str | None:
    if error is None and not (promised_s and promised_s - read_s > _CUT_SHORT_S):
        return None
    told = f"its header promises {_length(promised_s)} but only " if promised_s else "only the first "
    return f"{path}: the file is cut short or damaged: {told}{_length(read_s)} could be read; only that part is analysed"


def _too_long(path: Path, how: str) -> str:
    return f"{path}: too long ({how}); the limit is {MAX_AUDIO_S // 60} minutes of audio"


def _length(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:.1f} s"
    s = round(seconds)
    if s < 3600:
        return f"{s // 60} min {s % 60:02d} s"
    return f"{s // 3600} h {s % 3600 // 60:02d} min"
