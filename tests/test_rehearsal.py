"""One take through the Qt-free Rehearsal: row first, then audio; free practice has no question."""
from mockinterview.core.store import open_default
from mockinterview.rehearsal import FREE_PRACTICE, Rehearsal

from .audio.fakes import FakeBackend


def test_free_practice_take_is_written_before_recording_and_discarded_cleanly(faster_engine, tmp_path):
    store = open_default()
    r = Rehearsal(store, faster_engine, None, store.new_session(), backend=FakeBackend(), audio_path=tmp_path / "a.wav")
    [row] = store.unfinished()                      # the row exists before a sample is recorded
    assert (row.question_id, row.question_text, row.audio_path) == (None, FREE_PRACTICE, str(tmp_path / "a.wav"))
    r.start()
    take = r.stop()
    assert take.path.exists() and take.seconds > 0
    r.discard()
    assert store.answers(include_unfinished=True) == [] and not (tmp_path / "a.wav").exists()
