import builtins
import time

import pytest
import soundfile as sf

from mockinterview.audio.devices import InputDevice, RecorderError, SoundDeviceBackend, pick_device
from mockinterview.audio.recorder import Recorder

from .fakes import FakeBackend, disk_full_after, silence


def _wait(cond, timeout=5.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if cond():
            return True
        time.sleep(0.02)
    return False


def test_records_to_disk_and_feeds_16k_audio(tmp_path):
    got = []
    rec = Recorder(tmp_path / "a.wav", backend=FakeBackend(rate=48_000), listener=got.append)
    rec.start()
    assert _wait(lambda: rec.elapsed >= 1.0)
    take = rec.stop()
    assert take.error is None and not take.silent
    x, rate = sf.read(str(take.path))
    assert rate == 48_000 and abs(len(x) / rate - take.seconds) < 1e-6
    fed = sum(len(g) for g in got)
    assert abs(fed / 16_000 - take.seconds) < 0.05          # resampled to 16 kHz
    assert rec.level_dbfs > -20                              # a 0.3-amplitude tone


def test_pause_drops_audio_and_resume_continues(tmp_path):
    rec = Recorder(tmp_path / "p.wav", backend=FakeBackend())
    rec.start()
    assert _wait(lambda: rec.elapsed >= 0.5)
    rec.pause()
    time.sleep(0.1)
    paused_at = rec.elapsed
    time.sleep(0.3)
    assert rec.elapsed - paused_at < 0.15
    rec.resume()
    assert _wait(lambda: rec.elapsed >= paused_at + 0.5)
    assert rec.stop().error is None


def test_no_input_device():
    with pytest.raises(RecorderError, match="No microphone found"):
        Recorder("x.wav", backend=FakeBackend(devices=[]))


def test_missing_portaudio_library(monkeypatch):
    real_import = builtins.__import__

    def fake_import(name, *a, **k):
        if name == "sounddevice":
            raise OSError("PortAudio library not found")
        return real_import(name, *a, **k)
    monkeypatch.setattr(builtins, "__import__", fake_import)
    with pytest.raises(RecorderError, match="PortAudio library is missing"):
        SoundDeviceBackend()


def test_device_disappearing_mid_answer_keeps_the_audio(tmp_path):
    rec = Recorder(tmp_path / "gone.wav", backend=FakeBackend(die_after_s=0.5))
    rec.start()
    assert _wait(lambda: rec.error is not None)
    take = rec.stop()
    assert "stopped delivering audio" in take.error
    assert take.seconds > 0.5
    x, _ = sf.read(str(take.path))
    assert len(x) > 0


def test_full_disk_stops_and_keeps_what_was_written(tmp_path, monkeypatch):
    disk_full_after(monkeypatch, 5)
    rec = Recorder(tmp_path / "full.wav", backend=FakeBackend())
    rec.start()
    assert _wait(lambda: rec.error is not None)
    take = rec.stop()
    assert "disk is full" in take.error
    x, rate = sf.read(str(take.path))
    assert len(x) == 5 * int(rate * 0.1)


def test_silent_input_is_noticed(tmp_path):
    rec = Recorder(tmp_path / "mute.wav", backend=FakeBackend(signal=silence), silence_after_s=1.0)
    rec.start()
    assert _wait(lambda: rec.silent, timeout=4.0)
    take = rec.stop()
    assert take.silent and take.error is None


def test_remembered_device_and_fallback():
    devs = [InputDevice(0, "Built-in", 48_000, 2, True), InputDevice(3, "USB Mic", 44_100, 1, False)]
    assert pick_device(devs, "USB Mic") == (devs[1], None)
    dev, notice = pick_device(devs, "Headset that is gone")
    assert dev == devs[0] and "not available" in notice
    assert pick_device(devs, None) == (devs[0], None)


def test_cannot_create_the_file(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    rec = Recorder(blocker / "sub" / "a.wav", backend=FakeBackend())
    with pytest.raises((RecorderError, OSError)):
        rec.start()
    rec.stop()


def test_a_late_starting_device_is_waited_for_before_recording_is_announced(tmp_path):
    """PulseAudio through ALSA can deliver a capture stream's first audio ~2 s after it starts:
    the CLI says "Recording" (and the window stops saying "Starting the microphone") only then."""
    rec = Recorder(tmp_path / "late.wav", backend=FakeBackend(first_after_s=0.6))
    rec.start()
    assert not rec.hearing
    t0 = time.monotonic()
    assert rec.wait_until_hearing(3.0)
    assert 0.4 < time.monotonic() - t0 < 2.0 and rec.hearing
    rec.stop()
    never = Recorder(tmp_path / "never.wav", backend=FakeBackend(first_after_s=30))
    never.start()
    assert not never.wait_until_hearing(0.3)
    never.stop()


def test_a_take_stops_at_the_length_limit_and_keeps_what_was_recorded(tmp_path, monkeypatch):
    """Audio files over the limit are refused (convert.MAX_AUDIO_S), so a take stops there rather
    than making a recording that could never be analysed. The limit is shortened for the test."""
    import mockinterview.audio.recorder as recorder
    monkeypatch.setattr(recorder, "MAX_AUDIO_S", 1)
    rec = Recorder(tmp_path / "long.wav", backend=FakeBackend())
    rec.start()
    assert _wait(lambda: rec.error is not None, timeout=10)
    take = rec.stop()
    assert "1-minute limit" not in take.error and "limit" in take.error and "kept" in take.error
    assert 0.9 <= take.seconds < 1.5 and sf.info(str(take.path)).duration == pytest.approx(take.seconds, abs=0.05)
