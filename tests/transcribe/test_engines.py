"""Both engines on real speech with the real bundled tiny.en weights."""
import pytest

from mockinterview.audio.convert import load_audio
from mockinterview.core.wer import filler_count, wer
from mockinterview.transcribe import Cancelled

from ..conftest import AUDIO


@pytest.fixture(params=["faster", "openai"])
def engine(request):
    return request.getfixturevalue(f"{request.param}_engine")


def test_transcribes_natural_speech_with_word_times(engine, fixtures_meta):
    audio, seconds = load_audio(AUDIO / "individual.flac")
    t = engine.transcribe(audio)
    assert not t.no_speech
    assert wer(fixtures_meta["individual"]["text"], t.text) <= 0.10
    assert t.duration == pytest.approx(seconds, abs=0.01)
    assert t.engine == engine.engine_name and t.model == "tiny.en" and t.language == "en"
    starts = [w.start for w in t.words]
    assert starts == sorted(starts) and len(t.words) >= 60
    assert all(0 <= w.start <= w.end <= seconds + 0.5 and 0 <= w.probability <= 1 for w in t.words)


def test_keeps_fillers(engine, fixtures_meta):
    audio, _ = load_audio(AUDIO / "fillers.flac")
    t = engine.transcribe(audio)
    expected = filler_count(fixtures_meta["fillers"]["text"])
    assert filler_count(t.text) >= expected - 2, t.text


def test_silence_is_no_speech_not_invented_text(engine):
    audio, _ = load_audio(AUDIO / "silence.flac")
    t = engine.transcribe(audio)
    assert t.no_speech and t.text == "" and t.words == []


def test_robotic_voice(engine, fixtures_meta):
    audio, _ = load_audio(AUDIO / "espeak-individual.flac")
    t = engine.transcribe(audio)
    assert wer(fixtures_meta["espeak-individual"]["text"], t.text) <= 0.25


def test_progress_and_cancel(engine):
    audio, _ = load_audio(AUDIO / "team.flac")
    seen = []
    engine.transcribe(audio, progress=seen.append)
    assert seen and seen[-1] == 1.0 and all(0 <= f <= 1 for f in seen)
    with pytest.raises(Cancelled):
        engine.transcribe(audio, cancel=lambda: True)


def test_openai_checkpoint_is_converted_once(resolver, openai_engine):
    info = resolver.resolve()
    ckpt = resolver.openai_checkpoint(info)
    mtime = ckpt.stat().st_mtime_ns
    assert resolver.openai_checkpoint(info) == ckpt and ckpt.stat().st_mtime_ns == mtime
