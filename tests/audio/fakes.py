"""A fake PortAudio backend for faults a real device cannot produce on cue."""
import threading
import time

import numpy as np

from mockinterview.audio.devices import InputDevice


class FakeStream:
    def __init__(self, rate, blocksize, callback, on_finished, signal, die_after_s=None, first_after_s=0.0):
        self.rate, self.blocksize = rate, blocksize
        self.first_after_s = first_after_s          # a sound server that starts delivering late
        self.callback, self.on_finished = callback, on_finished
        self.signal, self.die_after_s = signal, die_after_s
        self.active = False
        self._stop = threading.Event()

    def start(self):
        self.active = True
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self):
        if self._stop.wait(self.first_after_s):
            return
        t0 = time.monotonic()
        n = 0
        while not self._stop.is_set():
            if self.die_after_s is not None and time.monotonic() - t0 >= self.die_after_s:
                self.active = False
                self.on_finished()            # what PortAudio does when a device vanishes
                return
            block = self.signal(n, self.blocksize, self.rate).reshape(-1, 1)
            self.callback(block, self.blocksize)
            n += self.blocksize
            time.sleep(self.blocksize / self.rate / 4)   # faster than real time

    def stop(self):
        self._stop.set()
        self.active = False

    def close(self):
        self._stop.set()


def tone(n, size, rate):
    t = (np.arange(size) + n) / rate
    return (0.3 * np.sin(2 * np.pi * 220 * t)).astype(np.float32)


def silence(n, size, rate):
    return np.zeros(size, np.float32)


class FakeBackend:
    def __init__(self, devices=None, signal=tone, die_after_s=None, rate=48_000, first_after_s=0.0):
        self.devices = devices if devices is not None else [InputDevice(0, "Fake Mic", rate, 1, True)]
        self.signal, self.die_after_s = signal, die_after_s
        self.first_after_s = first_after_s
        self.stream = None

    def input_devices(self):
        return list(self.devices)

    def open_input(self, device, rate, channels, blocksize, callback, on_finished):
        self.stream = FakeStream(rate, blocksize, callback, on_finished, self.signal, self.die_after_s,
                                 self.first_after_s)
        return self.stream


def disk_full_after(monkeypatch, blocks: int) -> None:
    """The recorder's WAV writer fails with ENOSPC after this many blocks, as on a full disk."""
    import errno

    from mockinterview.audio import recorder as recorder_mod
    real_write, calls = recorder_mod.WavStreamWriter.write, {"n": 0}

    def write(self, block):
        calls["n"] += 1
        if calls["n"] > blocks:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_write(self, block)
    monkeypatch.setattr(recorder_mod.WavStreamWriter, "write", write)


def playing(path):
    """A microphone that hears the recording at path, then silence (a signal for FakeBackend)."""
    from mockinterview.audio.convert import load_audio, resample
    audio16, _ = load_audio(path)
    cache = {}

    def signal(n, size, rate):
        if rate not in cache:
            cache[rate] = resample(audio16, 16_000, rate)
        out = np.zeros(size, np.float32)
        part = cache[rate][n:n + size]
        out[:len(part)] = part
        return out
    return signal
