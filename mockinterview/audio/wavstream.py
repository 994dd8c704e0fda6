"""A WAV file written as audio arrives: the header is kept valid and data reaches the disk
about once a second, so a crash or power cut loses at most about a second."""
from __future__ import annotations

import os
import struct
import time
import wave
from pathlib import Path

import numpy as np


class WavStreamWriter:
    def __init__(self, path: Path, rate: int, channels: int = 1, sync_every_s: float = 1.0):
        self.path = Path(path)
        self.rate, self.channels = rate, channels
        self._fh = open(self.path, "wb")
        self._wav = wave.open(self._fh, "wb")
        self._wav.setnchannels(channels)
        self._wav.setsampwidth(2)
        self._wav.setframerate(rate)
        self.frames = 0
        self._sync_every = sync_every_s
        self._last_sync = time.monotonic()

    def write(self, block: np.ndarray) -> None:
        """Append float32 samples (-1..1); shape (n,) or (n, channels)."""
        pcm = (np.clip(block, -1.0, 1.0) * 32767.0).astype("<i2")
        # wave patches the header's sizes on every write, so the file is always readable
        self._wav.writeframes(pcm.tobytes())
        self.frames += len(block)
        now = time.monotonic()
        if now - self._last_sync >= self._sync_every:
            self.sync()
            self._last_sync = now

    def sync(self) -> None:
        self._fh.flush()
        os.fsync(self._fh.fileno())

    @property
    def seconds(self) -> float:
        return self.frames / self.rate

    def close(self) -> None:
        if self._fh.closed:
            return
        try:
            self._wav.close()          # writes the final header
        finally:
            if not self._fh.closed:
                self._fh.flush()
                os.fsync(self._fh.fileno())
                self._fh.close()


def repair_wav(path: Path) -> float:
    """Make a WAV left by a crash readable: fix its sizes from the file length. Returns seconds."""
    path = Path(path)
    with open(path, "r+b") as fh:
        head = fh.read(44)
        if len(head) < 44 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
            raise ValueError(f"{path} is not a WAV file")
        channels, rate = struct.unpack_from("<HI", head, 22)
        bits = struct.unpack_from("<H", head, 34)[0]
        size = fh.seek(0, os.SEEK_END)
        frame = channels * bits // 8
        data = (size - 44) // frame * frame
        fh.truncate(44 + data)
        fh.seek(4)
        fh.write(struct.pack("<I", 36 + data))
        fh.seek(40)
        fh.write(struct.pack("<I", data))
    return data / frame / rate
