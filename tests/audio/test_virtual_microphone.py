"""Real recording: PortAudio → PulseAudio virtual microphone, with a fixture answer played into it."""
import json
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

from mockinterview.audio.recorder import Recorder
from mockinterview.core.analysis import analyze
from mockinterview.core.wer import wer
from mockinterview.pipeline import analyze_transcript
from mockinterview.transcribe.incremental import IncrementalTranscriber

from ..conftest import AUDIO, ROOT


def _wait(cond, timeout):
    end = time.monotonic() + timeout
    while time.monotonic() < end and not cond():
        time.sleep(0.05)
    return cond()


def test_record_transcribe_and_judge_a_played_answer(virtual_mic, faster_engine, fixtures_meta, tmp_path):
    ref = fixtures_meta["individual"]["text"]
    inc = IncrementalTranscriber(faster_engine)
    rec = Recorder(tmp_path / "take.wav", listener=inc.feed)
    rec.start()
    assert _wait(lambda: rec.elapsed > 0.2, 10), "no audio from the virtual microphone"
    subprocess.run(["paplay", "--device=mic", str(AUDIO / "individual.flac")], env=virtual_mic, check=True)
    time.sleep(0.7)
    take = rec.stop()
    t0 = time.perf_counter()
    transcript = inc.finish()
    latency = time.perf_counter() - t0
    assert take.error is None and not take.silent
    assert take.seconds > 23
    assert wer(ref, transcript.text) <= 0.15, transcript.text
    assert analyze_transcript(transcript).ownership.verdict == analyze(ref).ownership.verdict
    print(f"latency after stop: {latency:.2f} s")


def test_record_command_end_to_end(virtual_mic, fixtures_meta, tmp_path):
    out = tmp_path / "cli.wav"
    env = dict(os.environ, **virtual_mic)
    proc = subprocess.Popen([sys.executable, "-m", "mockinterview", "record", "--seconds", "14", "--json",
                             "--question", "conflict-01", "--out", str(out)], env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # wait until the command says it is recording (the model loads first)
    seen = b""
    while b"Recording to" not in seen:
        line = proc.stderr.readline()
        assert line, f"record exited early: {seen.decode()}"
        seen += line
    time.sleep(0.3)
    subprocess.run(["paplay", "--device=mic", str(AUDIO / "espeak-individual.flac")], env=virtual_mic, check=True)
    stdout, stderr = proc.communicate(timeout=60)
    stderr = seen + stderr
    assert proc.returncode == 0, stderr.decode()
    d = json.loads(stdout)
    assert d["audio"] == str(out) and out.exists()
    assert wer(fixtures_meta["espeak-individual"]["text"], d["text"]) <= 0.3, d["text"]
    assert d["ownership"]["verdict"] == "individual"
    assert d["duration_s"] > 13 and d["delivery"]["wpm"] > 0
    assert b"feedback ready" in stderr
    history = subprocess.run([sys.executable, "-m", "mockinterview", "history", "--json"], env=env, cwd=ROOT,
                             capture_output=True, text=True)
    [row] = [json.loads(x) for x in history.stdout.splitlines()]
    assert row["question_id"] == "conflict-01" and row["verdict"] == "individual"
    # private by default: the recording and everything in the data folder is the user's only
    data = Path(env["MOCKINTERVIEW_DATA_DIR"])
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    for f in [out, *(p for p in data.rglob("*") if p.is_file())]:
        assert stat.S_IMODE(f.stat().st_mode) & 0o077 == 0, f"{f} is readable by others"
