"""One take through the Qt-free Rehearsal: row first, then audio; free practice has no question."""
from mockinterview.core.store import open_default
from mockinterview.rehearsal import FREE_PRACTICE, Rehearsal

from .audio.fakes import FakeBackend
from .conftest import left_by_a_crash


def test_free_practice_take_is_written_before_recording_and_discarded_cleanly(faster_engine, tmp_path):
    store = open_default()
    r = Rehearsal(store, faster_engine, None, store.new_session(), backend=FakeBackend(), audio_path=tmp_path / "a.wav")
    [row] = store.answers(include_unfinished=True)  # the row exists before a sample is recorded
    assert store.unfinished() == []                 # but it is this process's take, not a crashed one
    assert (row.question_id, row.question_text, row.audio_path) == (None, FREE_PRACTICE, str(tmp_path / "a.wav"))
    r.start()
    take = r.stop()
    assert take.path.exists() and take.seconds > 0
    r.discard()
    assert store.answers(include_unfinished=True) == [] and not (tmp_path / "a.wav").exists()


def test_a_take_is_saved_with_its_provisional_transcript_then_the_final_one(faster_engine, fixtures_meta, tmp_path):
    import time

    from mockinterview.core.wer import wer
    from mockinterview.pipeline import transcribe_file
    from mockinterview.rehearsal import refine

    from .audio.fakes import playing
    from .conftest import AUDIO
    store = open_default()
    r = Rehearsal(store, faster_engine, None, store.new_session(), backend=FakeBackend(signal=playing(AUDIO / "team.flac")),
                  audio_path=tmp_path / "a.wav")
    r.start()
    while r.recorder.elapsed < 18.5:                        # the fake microphone runs four times faster than life
        time.sleep(0.05)
    r.stop()
    first = r.finish()
    row = store.answer(first.answer_id)
    assert row.stage == "provisional" and row.status == "done" and store.provisional()
    final = refine(store, faster_engine, first.answer_id)
    row = store.answer(first.answer_id)
    assert row.stage == "final" and row.transcript.text == final.transcript.text and not store.provisional()
    assert wer(fixtures_meta["team"]["text"], final.transcript.text) <= 0.1
    assert final.transcript.text == transcribe_file(tmp_path / "a.wav", faster_engine, fillers_from=first.transcript).text
    assert refine(store, faster_engine, first.answer_id) is None        # nothing left to do


def test_a_crashed_long_take_is_recovered_as_well_as_a_normal_one(faster_engine, fixtures_meta, tmp_path):
    """Recovery goes through the same path as any file: a long take keeps its first and last words."""
    import soundfile as sf

    from mockinterview.audio.convert import load_audio
    from mockinterview.core.wer import normalize
    from mockinterview.pipeline import transcribe_file
    from mockinterview.rehearsal import recover

    from .conftest import AUDIO
    audio, _ = load_audio(AUDIO / "long-joe.ogg")
    wav = tmp_path / "crashed.wav"
    sf.write(str(wav), audio, 16_000, subtype="PCM_16")
    store = open_default()
    aid = store.start_answer(store.new_session(), None, "Q", None, wav)      # left 'recording' by a crash
    left_by_a_crash(store, aid)
    result = recover(store, faster_engine, store.unfinished()[0])
    assert result.answer_id == aid and store.answer(aid).stage == "final"
    assert result.transcript.text == transcribe_file(wav, faster_engine).text
    got, want = normalize(result.transcript.text), normalize(fixtures_meta["long-joe"]["text"])
    got = [x for x in got if x not in ("um", "uh")]
    want = [x for x in want if x not in ("um", "uh")]
    assert got[:5] == want[:5] and got[-5:] == want[-5:]
