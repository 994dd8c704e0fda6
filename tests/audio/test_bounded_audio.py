"""Audio files given by the user: memory stays about the size of the 16 kHz result, files past the
length limit are refused from their header, and a cut-off WAV is treated like a cut-off FLAC."""
import re
import struct
import time
import tracemalloc
import warnings

import numpy as np
import pytest
import soundfile as sf

from mockinterview.audio import convert
from mockinterview.audio.convert import MAX_AUDIO_S, AudioFileError, AudioFileWarning, load_audio
from mockinterview.audio.decode import Mono16k
from mockinterview.audio.wavheader import promised_frames
from mockinterview.errors import user_errors

RATE = 44_100


def _stereo(seconds: float, rate: int = RATE) -> np.ndarray:
    t = np.arange(int(seconds * rate), dtype=np.float32) / rate
    return np.stack([0.3 * np.sin(2 * np.pi * 440 * t), 0.2 * np.sin(2 * np.pi * 660 * t)], axis=1)


def _sparse_wav(path, seconds: int, rate: int = RATE, channels: int = 2) -> None:
    """A real WAV of silence whose body is a hole in the file: hours of audio, no disk used."""
    data = seconds * rate * channels * 2
    with open(path, "wb") as fh:
        fh.write(b"RIFF" + struct.pack("<I", 36 + data) + b"WAVE"
                 + b"fmt " + struct.pack("<IHHIIHH", 16, 1, channels, rate, rate * channels * 2, channels * 2, 16)
                 + b"data" + struct.pack("<I", data))
        fh.truncate(44 + data)


def test_a_three_hour_wav_is_refused_from_its_header_before_decoding(tmp_path):
    path = tmp_path / "three-hours.wav"
    _sparse_wav(path, 3 * 3600)
    assert sf.info(str(path)).duration == 3 * 3600
    tracemalloc.start()
    t0 = time.monotonic()
    try:
        with pytest.raises(AudioFileError) as caught:
            load_audio(path)
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert time.monotonic() - t0 < 2.0               # decoding it would take about a minute
    assert peak < 2e6                                # and 6 GB
    message = str(caught.value)
    assert message == f"{path}: too long (3 h 00 min); the limit is 30 minutes of audio"
    assert "\n" not in message and isinstance(caught.value, user_errors())


def test_the_length_limit_is_checked_before_the_engine_sees_anything(tmp_path):
    from mockinterview.pipeline import transcribe_file

    class Engine:
        def transcribe(self, *args, **kwargs):
            raise AssertionError("a file over the limit must not be transcribed")

    path = tmp_path / "long.wav"
    _sparse_wav(path, MAX_AUDIO_S + 60, rate=16_000, channels=1)
    with pytest.raises(AudioFileError, match=r"too long \(31 min 00 s\); the limit is 30 minutes"):
        transcribe_file(path, Engine())


def test_the_limit_itself_is_allowed(tmp_path, monkeypatch):
    monkeypatch.setattr(convert, "MAX_AUDIO_S", 2)
    sf.write(str(tmp_path / "at.flac"), _stereo(2.0), RATE)
    sf.write(str(tmp_path / "over.flac"), _stereo(2.1), RATE)
    audio, seconds = load_audio(tmp_path / "at.flac")
    assert seconds == pytest.approx(2.0, abs=1e-3)
    with pytest.raises(AudioFileError, match=r"too long \(2\.1 s\); the limit is"):
        load_audio(tmp_path / "over.flac")


def test_a_two_minute_stereo_file_is_converted_in_bounded_memory(tmp_path):
    path = tmp_path / "two-minutes.wav"
    sf.write(str(path), _stereo(120.0), RATE, subtype="PCM_16")
    tracemalloc.start()
    try:
        audio, seconds = load_audio(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert seconds == pytest.approx(120.0, abs=1e-3) and audio.dtype == np.float32 and audio.ndim == 1
    whole_file = 120 * RATE * 2 * 4            # the file as float32 at its own rate: 42 MB
    # tracemalloc sees every numpy array (what whole-file decoding fills: 64 MB at its peak); the
    # result itself is 7.7 MB
    assert peak < 1.25 * audio.nbytes + 4e6 < whole_file / 3
    # block by block gives the same samples as decoding the file whole
    x, rate = sf.read(str(path), dtype="float32")
    assert np.abs(audio - convert.resample(x, rate)).max() < 1e-6


def _cut_in_half(path):
    data = path.read_bytes()
    path.write_bytes(data[:len(data) // 2])


@pytest.mark.parametrize("fmt", ["WAV", "FLAC"])
def test_a_cut_off_wav_is_treated_like_a_cut_off_flac(tmp_path, fmt):
    path = tmp_path / f"answer.{fmt.lower()}"
    sf.write(str(path), _stereo(10.0), RATE, format=fmt)
    with warnings.catch_warnings():
        warnings.simplefilter("error")              # a whole file gives no warning
        assert load_audio(path)[1] == pytest.approx(10.0, abs=1e-3)
    _cut_in_half(path)
    notes = []
    audio, seconds = load_audio(path, warn=notes.append)
    # both are analysed: what could be read (FLAC packs the first half of the time into more or
    # fewer than half the bytes), and one note says how much that is
    assert 3.0 < seconds < 9.0 and len(notes) == 1
    m = re.fullmatch(re.escape(f"{path}: the file is cut short or damaged: its header promises 10.0 s but only ")
                     + r"(\d+\.\d) s could be read; only that part is analysed", notes[0])
    assert m and float(m.group(1)) == pytest.approx(seconds, abs=0.05)
    with pytest.warns(AudioFileWarning, match="cut short or damaged"):     # never silent
        load_audio(path)


def test_a_streamed_wav_without_sizes_is_not_called_cut_short(tmp_path):
    path = tmp_path / "streamed.wav"
    sf.write(str(path), _stereo(1.0), RATE, subtype="PCM_16")
    with open(path, "r+b") as fh:                    # what a writer that never finished leaves
        fh.seek(4)
        fh.write(struct.pack("<I", 0xFFFFFFFF))
        fh.seek(40)
        fh.write(struct.pack("<I", 0xFFFFFFFF))
    assert promised_frames(path) is None
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert load_audio(path)[1] == pytest.approx(1.0, abs=1e-3)


def test_the_header_is_read_past_other_chunks(tmp_path):
    path = tmp_path / "chunks.wav"
    fmt = struct.pack("<IHHIIHH", 16, 1, 2, RATE, RATE * 4, 4, 16)
    body = b"WAVE" + b"fmt " + fmt + b"LIST" + struct.pack("<I", 3) + b"abc\x00" + b"data" + struct.pack("<I", 400)
    path.write_bytes(b"RIFF" + struct.pack("<I", len(body) + 400) + body + bytes(400))
    assert promised_frames(path) == 100


def test_a_header_that_understates_the_length_cannot_pass_the_limit():
    sink = Mono16k(RATE, expected_s=0.5, max_samples=16_000)
    block = np.zeros((RATE // 2, 2), np.float32)
    assert sink.add(block) and sink.add(block)
    assert not sink.add(block) and sink.full
    assert len(sink.finish()) == 16_000
