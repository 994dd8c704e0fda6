import time

import numpy as np

from mockinterview.audio.convert import load_audio
from mockinterview.core.wer import wer
from mockinterview.transcribe.incremental import IncrementalTranscriber

from ..conftest import AUDIO


def _feed_keeping_up(inc, audio, block=4000):
    """Feed as if in real time with a worker that keeps up: wait for it after each block."""
    for i in range(0, len(audio), block):
        inc.feed(audio[i:i + block])
        time.sleep(0.005)
        while inc.busy:
            time.sleep(0.005)


def test_incremental_is_as_good_as_one_shot(faster_engine, fixtures_meta):
    # A regression guard on 80 s of speech, allowing for a word or two of tiny.en noise; the
    # 1-point criterion is measured on 30 s to 5 min answers by benchmarks/transcription.py.
    names = ["individual", "team", "fillers", "pauses"]
    gap = np.zeros(8000, np.float32)
    audio = np.concatenate([x for n in names for x in (load_audio(AUDIO / f"{n}.flac")[0], gap)])
    ref = " ".join(fixtures_meta[n]["text"] for n in names)
    one = faster_engine.transcribe(audio)
    inc = IncrementalTranscriber(faster_engine)
    _feed_keeping_up(inc, audio)
    assert inc.seconds_transcribed > 60          # most of it was done while "speaking"
    t = inc.finish()
    assert wer(ref, t.text) <= wer(ref, one.text) + 0.02
    assert t.duration == len(audio) / 16000
    starts = [w.start for w in t.words]
    assert starts == sorted(starts) and starts[-1] > 70     # times are absolute, not per chunk


def test_silence_only_gives_no_speech(faster_engine):
    inc = IncrementalTranscriber(faster_engine)
    _feed_keeping_up(inc, load_audio(AUDIO / "silence.flac")[0])
    t = inc.finish()
    assert t.no_speech and t.text == ""


def test_cancel_stops_the_worker(faster_engine):
    inc = IncrementalTranscriber(faster_engine)
    inc.feed(load_audio(AUDIO / "team.flac")[0])
    inc.cancel()
    inc._thread.join(timeout=10)
    assert not inc._thread.is_alive()
