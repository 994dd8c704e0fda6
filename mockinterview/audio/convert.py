"""Decode audio files and resample to what Whisper wants (16 kHz mono float32)."""
from __future__ import annotations

from pathlib import Path

import numpy as np

TARGET_RATE = 16_000
SUPPORTED = (".wav", ".flac", ".ogg", ".oga", ".opus", ".mp3")


class AudioFileError(Exception):
    """An audio file cannot be used; the message is fit to show the user."""


def to_mono(x: np.ndarray) -> np.ndarray:
    return x.mean(axis=1) if x.ndim == 2 else x


def resample(x: np.ndarray, rate: int, target: int = TARGET_RATE) -> np.ndarray:
    """Band-limited resampling (libsoxr, high quality), mono float32 out."""
    x = to_mono(np.asarray(x, dtype=np.float32))
    if rate == target or x.size == 0:
        return x.astype(np.float32, copy=False)
    import soxr
    return soxr.resample(x, rate, target, quality="HQ").astype(np.float32, copy=False)


def load_audio(path: Path) -> tuple[np.ndarray, float]:
    """Decode a file to 16 kHz mono float32; return (samples, duration in seconds)."""
    path = Path(path)
    if not path.exists():
        raise AudioFileError(f"{path}: no such file")
    if path.is_dir():
        raise AudioFileError(f"{path}: is a directory")
    if path.suffix.lower() not in SUPPORTED:
        raise AudioFileError(f"{path}: unsupported audio format {path.suffix or '(none)'}; "
                             f"use {', '.join(s.lstrip('.') for s in SUPPORTED)}")
    try:
        import soundfile as sf
        x, rate = sf.read(str(path), dtype="float32", always_2d=False)
    except Exception as first:  # libsndfile cannot read it: try FFmpeg through PyAV (mp3 on old libsndfile)
        try:
            x, rate = _decode_with_av(path)
        except Exception:
            raise AudioFileError(f"{path}: cannot decode audio ({first})") from None
    x = resample(x, rate)
    return x, len(x) / TARGET_RATE


def _decode_with_av(path: Path) -> tuple[np.ndarray, int]:
    import av

    with av.open(str(path)) as container:
        stream = container.streams.audio[0]
        resampler = av.AudioResampler(format="flt", layout="mono", rate=TARGET_RATE)
        chunks = []
        for frame in container.decode(stream):
            for out in resampler.resample(frame):
                chunks.append(out.to_ndarray().reshape(-1))
    if not chunks:
        raise AudioFileError(f"{path}: no audio in file")
    return np.concatenate(chunks).astype(np.float32), TARGET_RATE
