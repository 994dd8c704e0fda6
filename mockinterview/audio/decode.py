"""Audio files read block by block into 16 kHz mono float32.

Each block is mixed to mono and resampled as it arrives, straight into the result, so memory stays
about the size of the result: a whole file at its own rate and channel count (a stereo 44.1 kHz
float32 file takes 5.5 times the 16 kHz mono result) is never held.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np

TARGET_RATE = 16_000
# Small blocks: libsndfile drops the whole block in which a damaged FLAC loses sync, so the
# block size bounds what a cut-off file loses (16384 frames: 0.37 s at 44.1 kHz).
BLOCK_FRAMES = 16_384


class SoundFileSource:
    """A file libsndfile can open (WAV, FLAC, Ogg, MP3 with libsndfile >= 1.1)."""

    def __init__(self, path: Path):
        import soundfile as sf
        from .wavheader import promised_frames

        self._file = sf.SoundFile(str(path))
        self.rate = self._file.samplerate
        self.seconds: float | None = self._file.frames / self.rate      # what is there to read
        promised = promised_frames(path) if self._file.format == "WAV" else None
        self.promised_s: float | None = max(promised / self.rate, self.seconds) if promised else self.seconds

    def blocks(self) -> Iterator[np.ndarray]:
        buf = np.empty((BLOCK_FRAMES, self._file.channels), np.float32)
        while len(block := self._file.read(out=buf)):
            yield block

    def close(self) -> None:
        self._file.close()


class AvSource:
    """Anything else FFmpeg can decode (through PyAV); FFmpeg mixes and resamples to 16 kHz mono."""

    def __init__(self, path: Path):
        import av

        self._container = av.open(str(path))
        try:
            self._stream = self._container.streams.audio[0]
        except IndexError:
            self._container.close()
            raise ValueError("no audio stream in the file") from None
        self.rate = TARGET_RATE
        duration = self._container.duration            # microseconds, from the header; None if unknown
        self.seconds = self.promised_s = duration / 1e6 if duration else None

    def blocks(self) -> Iterator[np.ndarray]:
        import av

        resampler = av.AudioResampler(format="flt", layout="mono", rate=TARGET_RATE)
        for frame in self._container.decode(self._stream):
            for out in resampler.resample(frame):
                yield out.to_ndarray().reshape(-1)
        for out in resampler.resample(None):          # what the resampler still holds
            yield out.to_ndarray().reshape(-1)

    def close(self) -> None:
        self._container.close()


class Mono16k:
    """Collects blocks at the source rate as one 16 kHz mono float32 array, never longer than
    max_samples (a header can understate the length: the limit holds all the same)."""

    def __init__(self, rate: int, expected_s: float | None, max_samples: int):
        self.frames_in = 0
        self.full = False                  # max_samples reached: the rest was not read
        self._max = max_samples
        self._soxr = None
        if rate != TARGET_RATE:
            import soxr
            self._soxr = soxr.ResampleStream(rate, TARGET_RATE, 1, dtype="float32", quality="HQ")
        self._rate = rate
        # allocated once at the size the header gives, so nothing is copied while it fills
        size = int(np.ceil((expected_s or 0) * TARGET_RATE)) + 1024
        self._buf = np.empty(min(size, max_samples), np.float32)
        self._n = 0

    def add(self, block: np.ndarray) -> bool:
        """Take one block, (frames,) or (frames, channels); False once the limit is reached."""
        self.frames_in += len(block)
        mono = block.mean(axis=1, dtype=np.float32) if block.ndim == 2 else block
        return self._put(self._soxr.resample_chunk(mono) if self._soxr else mono)

    def finish(self) -> np.ndarray:
        if self._soxr is not None:
            self._put(self._soxr.resample_chunk(np.zeros(0, np.float32), last=True))
            self._soxr = None
        if self._n < 0.9 * len(self._buf):   # the header promised more than was there: give the room back
            return self._buf[:self._n].copy()
        return self._buf[:self._n]

    @property
    def seconds_in(self) -> float:
        return self.frames_in / self._rate

    def _put(self, x: np.ndarray) -> bool:
        if self._n + len(x) > len(self._buf):
            if len(self._buf) >= self._max:
                x = x[:self._max - self._n]
                self.full = True
            else:
                grown = np.empty(min(self._max, max(2 * len(self._buf), self._n + len(x))), np.float32)
                grown[:self._n] = self._buf[:self._n]
                self._buf = grown
                return self._put(x)
        self._buf[self._n:self._n + len(x)] = x
        self._n += len(x)
        return not self.full
