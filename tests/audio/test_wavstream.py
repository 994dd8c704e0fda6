import numpy as np
import soundfile as sf

from mockinterview.audio.wavstream import WavStreamWriter, repair_wav


def test_file_is_readable_while_still_being_written(tmp_path):
    path = tmp_path / "take.wav"
    w = WavStreamWriter(path, 16_000)
    for _ in range(5):
        w.write(np.full(1600, 0.25, np.float32))
    w.sync()
    # a crash now (no close) must leave a valid file with everything written so far
    x, rate = sf.read(str(path), dtype="float32")
    assert rate == 16_000 and len(x) == 8000
    assert abs(float(x.mean()) - 0.25) < 1e-3
    w.close()


def test_repair_after_a_torn_write(tmp_path):
    path = tmp_path / "take.wav"
    w = WavStreamWriter(path, 16_000)
    w.write(np.zeros(16_000, np.float32))
    w.close()
    with open(path, "ab") as fh:             # half a sample more, and stale sizes in the header
        fh.write(b"\x01")
    seconds = repair_wav(path)
    assert seconds == 1.0
    x, _ = sf.read(str(path))
    assert len(x) == 16_000
