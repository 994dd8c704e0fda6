"""Record one answer: PortAudio callback → queue → writer thread → WAV on disk.

The audio callback only copies the block into a queue. A writer thread streams blocks to a
WAV file as they arrive (synced about once a second), keeps the input level and elapsed time,
notices a silent (muted) input, and feeds 16 kHz mono audio to an optional listener (the
incremental transcriber). Faults keep what was recorded and set `error`.
"""
from __future__ import annotations

import errno
import math
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .convert import MAX_AUDIO_S, TARGET_RATE
from .devices import AudioBackend, InputDevice, RecorderError, SoundDeviceBackend, pick_device
from .wavstream import WavStreamWriter

SILENCE_DBFS = -60.0


@dataclass(frozen=True, slots=True)
class Take:
    path: Path
    seconds: float
    rate: int
    device: str
    error: str | None        # why recording ended early, if it did
    silent: bool             # the input never rose above silence


class Recorder:
    def __init__(self, path: Path, *, device: str | None = None, backend: AudioBackend | None = None,
                 listener: Callable[[np.ndarray], None] | None = None, silence_after_s: float = 3.0,
                 block_s: float = 0.1, stall_after_s: float = 2.0):
        self.path = Path(path)
        self.backend = backend or SoundDeviceBackend()
        self.device, self.notice = pick_device(self.backend.input_devices(), device)
        self.listener = listener
        self.silence_after_s = silence_after_s
        self.stall_after_s = stall_after_s
        self.block_s = block_s
        self.level_dbfs = -120.0
        self.error: str | None = None
        self.silent = False                     # set once silence has lasted silence_after_s
        self._peak_seen = -120.0
        self._q: queue.Queue = queue.Queue()
        self._paused = threading.Event()
        self._stopping = threading.Event()
        self._hearing = threading.Event()         # set by the first block of audio
        self._writer: WavStreamWriter | None = None
        self._thread: threading.Thread | None = None
        self._stream = None
        self._rate = 0
        self._resampler = None

    # -- control --------------------------------------------------------------------------------
    def start(self) -> None:
        self._rate, self._stream = self._open(self.device)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._writer = WavStreamWriter(self.path, self._rate, 1)
        except OSError as exc:
            self._stream.close()
            raise RecorderError(f"cannot write the recording to {self.path}: {exc.strerror or exc}") from None
        if self.listener and self._rate != TARGET_RATE:
            import soxr
            self._resampler = soxr.ResampleStream(self._rate, TARGET_RATE, 1, dtype="float32", quality="HQ")
        self._thread = threading.Thread(target=self._write_loop, name="recorder-writer", daemon=True)
        self._thread.start()
        self._stream.start()

    def pause(self) -> None:
        self._paused.set()

    def resume(self) -> None:
        self._paused.clear()

    @property
    def paused(self) -> bool:
        return self._paused.is_set()

    @property
    def elapsed(self) -> float:
        return self._writer.seconds if self._writer else 0.0

    def stop(self) -> Take:
        """Stop, flush everything to disk and return the take (also after a fault)."""
        self._stopping.set()
        if self._stream is not None:
            try:
                self._stream.stop()
            except Exception:
                pass            # a vanished device cannot be stopped; the file is what matters
            try:
                self._stream.close()
            except Exception:
                pass
        if self._thread:
            self._thread.join()
        if self._writer:
            try:
                self._writer.close()
            except OSError as exc:
                self.error = self.error or self._disk_message(exc)
        return Take(self.path, self.elapsed, self._rate, self.device.name, self.error,
                    self._peak_seen <= SILENCE_DBFS)

    # -- internals ------------------------------------------------------------------------------
    def _open(self, device: InputDevice):
        blocksize = 0
        last: Exception | None = None
        for rate in dict.fromkeys((device.default_rate, 48_000, 44_100, 16_000)):
            blocksize = int(rate * self.block_s)
            try:
                return rate, self.backend.open_input(device, rate, 1, blocksize, self._callback, self._finished)
            except RecorderError as exc:
                last = exc
        raise last or RecorderError(f"cannot open microphone {device.name!r}")

    @property
    def hearing(self) -> bool:
        """Whether audio has started to flow from the device."""
        return self._hearing.is_set()

    def wait_until_hearing(self, timeout: float = 3.0) -> bool:
        """Block until the device delivers its first audio (or timeout). Some sound servers start a
        capture stream with a delay (PulseAudio through ALSA: up to ~2 s): a user told "recording"
        before audio flows would lose their first words."""
        return self._hearing.wait(timeout)

    def _callback(self, indata, frames: int) -> None:
        # Runs on PortAudio's thread: copy and hand over, nothing else.
        self._hearing.set()
        if not self._paused.is_set():
            self._q.put(np.array(indata, dtype=np.float32, copy=True))

    def _finished(self) -> None:
        if not self._stopping.is_set():
            self.error = self.error or "The microphone stopped delivering audio (was it unplugged?). What was recorded is kept."
            self._q.put(None)

    def _write_loop(self) -> None:
        last_block = time.monotonic()
        got_any = False
        while True:
            try:
                block = self._q.get(timeout=0.2)
            except queue.Empty:
                if self._stopping.is_set():
                    break
                # the first block may take a while (a sound server waking up); later gaps mean trouble
                limit = self.stall_after_s if got_any else max(5.0, self.stall_after_s)
                if not self._paused.is_set() and time.monotonic() - last_block > limit:
                    self.error = self.error or ("The microphone stopped delivering audio (was it unplugged?). "
                                                "What was recorded is kept.")
                    break
                continue
            if block is None or not self._handle(block):
                break
            last_block = time.monotonic()
            got_any = True
        # drain what is queued so nothing recorded is lost on a clean stop
        while self.error is None:
            try:
                block = self._q.get_nowait()
            except queue.Empty:
                break
            if block is None or not self._handle(block):
                break
        if self.listener and self._resampler:
            tail = self._resampler.resample_chunk(np.zeros(0, np.float32), last=True)
            if tail.size:
                self.listener(tail)
        self._resampler = None     # free libsoxr now, not at interpreter exit (nanobind warns then)

    def _handle(self, block: np.ndarray) -> bool:
        """Write one block, update level and silence, feed the listener. False after a disk fault or
        at the length limit (a longer take could not be analysed: audio files are capped the same way)."""
        if self.elapsed >= MAX_AUDIO_S:
            self.error = f"Recording stopped at the length limit ({MAX_AUDIO_S / 60:g} minutes); what was recorded is kept."
            return False
        mono = block.mean(axis=1) if block.ndim == 2 else block
        try:
            self._writer.write(mono)
        except OSError as exc:
            self.error = self._disk_message(exc)
            return False
        rms = float(np.sqrt(np.mean(mono * mono))) if mono.size else 0.0
        self.level_dbfs = 20 * math.log10(rms) if rms > 1e-6 else -120.0
        self._peak_seen = max(self._peak_seen, self.level_dbfs)
        if not self.silent and self._peak_seen <= SILENCE_DBFS and self.elapsed >= self.silence_after_s:
            self.silent = True
        elif self.silent and self.level_dbfs > SILENCE_DBFS:
            self.silent = False
        if self.listener:
            out = self._resampler.resample_chunk(mono) if self._resampler else mono
            if out.size:
                self.listener(out)
        return True

    def _disk_message(self, exc: OSError) -> str:
        kept = f"{self.elapsed:.0f} s"
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return f"The disk is full: recording stopped. The first {kept} are kept in {self.path}."
        return f"Cannot write the recording ({exc.strerror or exc}): stopped. The first {kept} are kept in {self.path}."
