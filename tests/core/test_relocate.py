"""Moving the data folder: copy, check, then remove; any failure leaves the old folder in use."""
import pytest

from mockinterview.core.analysis import analyze
from mockinterview.core.relocate import RelocateError, holds_data, move_data
from mockinterview.core.store import DB_NAME, Store
from mockinterview.core.transcript import Transcript


def _fill(folder):
    store = Store(folder / DB_NAME)
    audio = folder / "recordings" / "q-1.wav"
    audio.parent.mkdir(parents=True)
    audio.write_bytes(b"RIFF" + b"\0" * 100)
    aid = store.start_answer(store.new_session(), "q", "Tell me.", "teamwork", audio)
    t = Transcript("I fixed it.", [], [], 2.0, "en", "faster-whisper", "tiny.en")
    store.finish_answer(aid, t, analyze(t.text))
    (folder / "models" / "base.en").mkdir(parents=True)
    (folder / "models" / "base.en" / "model.bin").write_bytes(b"m" * 10)
    store.close()
    return aid


def test_move_copies_everything_points_answers_at_the_new_files_and_removes_the_old(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    aid = _fill(old)
    moved = move_data(old, new)
    assert (moved.answers, moved.files) == (1, 2)
    assert not holds_data(old) and not (old / "recordings").exists() and not (old / "models").exists()
    store = Store(new / DB_NAME)
    row = store.answer(aid)
    assert row.audio_path == str((new / "recordings" / "q-1.wav").resolve()) and (new / "models/base.en/model.bin").exists()
    assert row.score is not None


def test_refuses_a_folder_with_data_or_inside_the_old_one(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    _fill(old)
    Store(new / DB_NAME).close()
    with pytest.raises(RelocateError, match="already holds"):
        move_data(old, new)
    with pytest.raises(RelocateError, match="inside"):
        move_data(old, old / "sub")
    assert holds_data(old) and (old / "recordings" / "q-1.wav").exists()


def test_a_failed_copy_keeps_the_old_folder_and_leaves_no_half_copy(tmp_path, monkeypatch):
    import shutil
    old, new = tmp_path / "old", tmp_path / "new"
    _fill(old)

    def disk_full(*_a, **_k):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(shutil, "copy2", disk_full)
    with pytest.raises(RelocateError, match="No space left"):
        move_data(old, new)
    assert holds_data(old) and (old / "recordings" / "q-1.wav").exists() and not holds_data(new)


def test_progress_is_reported_and_cancel_leaves_everything_in_place(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    _fill(old)
    seen = []
    with pytest.raises(RelocateError, match="cancelled"):
        move_data(old, new, progress=seen.append, cancel=lambda: len(seen) >= 1)
    assert len(seen) == 1 and holds_data(old) and not holds_data(new) and not (new / "recordings").exists()
    move_data(old, new, progress=seen.append)
    assert seen[-1] == 1.0 and holds_data(new)
