import json
import subprocess
import sys

import pytest

from .conftest import AUDIO, ROOT


def run(*args):
    return subprocess.run([sys.executable, "-m", "mockinterview", *args], capture_output=True, text=True, cwd=ROOT)


def test_analyze_audio_json_has_times_and_pace():
    r = run("analyze", "--json", str(AUDIO / "pauses.flac"))
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["duration_s"] == pytest.approx(21.8, abs=0.1)
    assert d["delivery"]["wpm"] > 60 and d["delivery"]["long_pauses"] >= 3
    for s in d["sentences"]:
        assert s["t_start"] <= s["t_end"]
    assert d["ownership"]["verdict"] == "individual"


def test_analyze_audio_with_the_openai_engine():
    r = run("analyze", "--engine", "openai-whisper", str(AUDIO / "team.flac"))
    assert r.returncode == 0, r.stderr
    assert "Team only" in r.stdout and "words/min" in r.stdout


@pytest.mark.parametrize("name,content,expect", [
    ("answer.m4a", b"\x00\x00\x00 ftypM4A ", "unsupported file type .m4a"),
    ("broken.wav", b"RIFF\x00\x00not really a wav", "cannot decode audio"),
])
def test_bad_audio_files(tmp_path, name, content, expect):
    p = tmp_path / name
    p.write_bytes(content)
    r = run("analyze", str(p))
    assert r.returncode == 1 and expect in r.stderr and "Traceback" not in r.stderr


def test_silence_reports_no_speech():
    r = run("analyze", str(AUDIO / "silence.flac"))
    assert r.returncode == 1 and "no speech detected" in r.stderr


def test_unknown_engine():
    r = run("analyze", "--engine", "vosk", str(AUDIO / "team.flac"))
    assert r.returncode == 1 and "unknown engine" in r.stderr and "Traceback" not in r.stderr


@pytest.mark.parametrize("fmt,subtype,suffix", [("OGG", "VORBIS", ".ogg"), ("MP3", "MPEG_LAYER_III", ".mp3"),
                                                 ("WAV", "PCM_16", ".wav")])
def test_other_audio_formats(tmp_path, fmt, subtype, suffix):
    import soundfile as sf
    x, rate = sf.read(str(AUDIO / "espeak-individual.flac"))
    p = tmp_path / f"answer{suffix}"
    sf.write(str(p), x, rate, format=fmt, subtype=subtype)
    r = run("analyze", "--json", str(p))
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert "pricing section" in d["text"] and d["duration_s"] == pytest.approx(10.2, abs=0.3)


def test_record_refuses_an_unknown_question_before_recording(tmp_path):
    out = tmp_path / "never.wav"
    r = subprocess.run([sys.executable, "-m", "mockinterview", "record", "--question", "no-such-question",
                        "--seconds", "1", "--out", str(out)], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 1 and "no question 'no-such-question'" in r.stderr and not out.exists()


def test_a_too_long_file_is_refused_before_the_model_loads(tmp_path):
    import soundfile as sf
    path = tmp_path / "three-hours.wav"
    with sf.SoundFile(str(path), "w", 44_100, 2, "PCM_16") as f:
        f.write(__import__("numpy").zeros((44_100, 2), dtype="int16"))
    with open(path, "r+b") as fh:                      # a header promising three hours (sparse body)
        import struct
        frames = 3 * 3600 * 44_100
        fh.seek(4); fh.write(struct.pack("<I", 36 + frames * 4))
        fh.seek(40); fh.write(struct.pack("<I", frames * 4))
        fh.truncate(44 + frames * 4)
    r = run("analyze", str(path))
    assert r.returncode == 1 and "too long" in r.stderr and "limit is 30 minutes" in r.stderr
    assert "loading" not in r.stderr                   # said at once, not after the model loaded


def test_a_cut_short_recording_is_analysed_with_a_note(tmp_path):
    import soundfile as sf
    x, rate = sf.read(str(AUDIO / "team.flac"), dtype="int16")
    path = tmp_path / "cut.wav"
    sf.write(str(path), x, rate, subtype="PCM_16")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])             # the copy broke off half-way
    r = run("analyze", "--json", str(path))
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert any("cut short" in w for w in d["warnings"]) and d["text"]
