"""Every word the engine hears reaches the app's transcript: real recordings and long answers,
through the one-shot path (files, recovery) and the recorded path (provisional while speaking,
then the final transcript from the whole recording)."""
import json

import pytest

from mockinterview.audio.convert import load_audio
from mockinterview.core.wer import FILLERS, normalize
from mockinterview.pipeline import transcribe_file
from mockinterview.transcribe.incremental import IncrementalTranscriber

from ..conftest import AUDIO, SHARED

SPEECH = SHARED / "speech"
REAL = ["mfa_acoustic_corpus.flac", "ls_1089-134686-0000_0002.flac", "librivox_sense_and_sensibility_ch1.flac",
        "jfk_inaugural.flac"]
LONG = ["long-joe", "long-espeak"]


def _reference(name: str) -> tuple[object, str]:
    if name in LONG:
        meta = json.loads((AUDIO / "fixtures.json").read_text(encoding="utf-8"))[name]
        return AUDIO / meta["file"], meta["text"]
    entry = next(e for e in json.loads((SPEECH / "manifest.json").read_text(encoding="utf-8")) if e["file"] == name)
    return SPEECH / name, entry["reference"]


def _words(text: str) -> list[str]:
    return [w for w in normalize(text) if w not in FILLERS]


def recorded(engine, audio):
    """The window's path: provisional transcript while speaking (a worker that keeps up), then the final one."""
    inc = IncrementalTranscriber(engine, threaded=False)
    for i in range(0, len(audio), 1600):
        inc.feed(audio[i:i + 1600])
    provisional = inc.finish()
    return provisional, engine.transcribe(audio, fillers_from=provisional)


@pytest.mark.parametrize("name", REAL + LONG)
def test_first_and_last_words_survive_both_paths(faster_engine, name):
    path, ref = _reference(name)
    audio, seconds = load_audio(path)
    if name in LONG:
        assert seconds >= 80
    want = _words(ref)
    one_shot = transcribe_file(path, faster_engine)
    provisional, final = recorded(faster_engine, audio)
    for label, t in (("one-shot", one_shot), ("recorded", final), ("provisional", provisional)):
        got = _words(t.text)
        assert got[:5] == want[:5], (label, got[:8])
        assert got[-5:] == want[-5:], (label, got[-8:])


def test_one_shot_keeps_every_word_the_engine_hears_plainly(faster_engine):
    """The app's words are the engine's own (called plainly: its defaults, VAD, beam 5, word times),
    plus the fillers it keeps on purpose; the same file gives the same text every time."""
    from faster_whisper import WhisperModel

    from mockinterview.transcribe.models import ModelResolver
    plain_model = WhisperModel(str(ModelResolver().resolve().path), device="cpu", compute_type="int8")
    for name in REAL:
        audio, _ = load_audio(SPEECH / name)
        segs, _ = plain_model.transcribe(audio, language="en", beam_size=5, word_timestamps=True, vad_filter=True)
        plain = " ".join(s.text.strip() for s in segs)
        app = faster_engine.transcribe(audio)
        assert _words(app.text) == _words(plain), name
    assert faster_engine.transcribe(audio).text == app.text, "the same file gave another text"


def test_fillers_are_kept_and_every_change_is_listed(faster_engine):
    """The real speaker of the MFA clip says "um" twice and "uh" once; the plain engine leaves them out."""
    audio, _ = load_audio(SPEECH / "mfa_acoustic_corpus.flac")
    t = faster_engine.transcribe(audio)
    fillers = [w for w in normalize(t.text) if w in FILLERS]
    assert len(fillers) >= 2, t.text
    added = [e for e in t.edits if e.kind == "added"]
    assert len(added) == len(fillers) and all(e.text in FILLERS and e.start <= e.end for e in added)


def test_speech_the_engine_skipped_is_transcribed_again(faster_engine):
    """On long-espeak.ogg the engine's window ends early and stretches one word over 13 s of speech
    (the plain call loses the answer's last two sentences); the app hears them and says so."""
    path, ref = _reference("long-espeak")
    t = faster_engine.transcribe(load_audio(path)[0])
    assert _words(t.text)[-6:] == _words(ref)[-6:]
    [repair] = [e for e in t.edits if "skipped" in e.reason]
    assert repair.kind == "added" and repair.end > 75 and "department" in repair.text


def test_the_openai_engine_keeps_the_ending_too(openai_engine):
    """The clip whose last three words the app used to lose ("…here and there the")."""
    path, ref = _reference("ls_1089-134686-0000_0002.flac")
    audio, _ = load_audio(path)
    t = openai_engine.transcribe(audio)
    got, want = _words(t.text), _words(ref)
    assert got[:5] == want[:5] and got[-5:] == want[-5:], t.text
    assert openai_engine.transcribe(audio).text == t.text, "the same file gave another text"
