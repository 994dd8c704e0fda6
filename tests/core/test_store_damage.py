"""Damaged, emptied, full and read-only storage, with real SQLite files damaged the way disks do it.

A damaged database is refused before anything is written to it; its preserved copy is made once
and never overwritten; a full disk at COMMIT is a message, not a traceback; a read-only folder
still lets the history be read. The full and read-only cases mount a real small filesystem (tmpfs,
as root, like CI); SQLite's own page limit is tested as well.
"""
import contextlib
import hashlib
import os
import sqlite3
import subprocess

import pytest

from mockinterview.core.analysis import analyze
from mockinterview.core.store import DiskFull, Store, StoreError
from mockinterview.core.transcript import Transcript

from ..conftest import left_by_a_crash


def _transcript(text="I fixed the build. We shipped it."):
    return Transcript(text, [], [], 4.0, "en", "faster-whisper", "tiny.en")


def _history(path, answers=40):
    s = Store(path)
    sid = s.new_session()
    for i in range(answers):
        aid = s.start_answer(sid, f"q-{i}", "Tell me about a conflict. " * 20, "conflict", path.parent / f"{i}.wav")
        t = _transcript(f"I rewrote the rota number {i}. " * 30)
        s.finish_answer(aid, t, analyze(t.text))
    s.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    s.close()


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _damage_a_data_page(path, page=4):
    size = sqlite3.connect(path).execute("PRAGMA page_size").fetchone()[0]
    with open(path, "r+b") as fh:
        fh.seek(size * (page - 1) + 8)
        fh.write(os.urandom(size - 16))


def test_garbage_in_a_data_page_is_refused_and_nothing_is_written(tmp_path):
    db = tmp_path / "mockinterview.db"
    _history(db)
    _damage_a_data_page(db)
    before = _digest(db)
    with pytest.raises(StoreError, match="damaged") as e:
        Store(db)
    assert "Nothing was written to it" in str(e.value) and "recordings" in str(e.value)
    assert _digest(db) == before                               # not even a session row
    assert not (tmp_path / "mockinterview.db-wal").exists() or (tmp_path / "mockinterview.db-wal").stat().st_size == 0
    kept = tmp_path / "mockinterview.db.damaged"
    assert _digest(kept) == before


def test_the_preserved_copy_is_made_once_and_never_overwritten(tmp_path):
    db = tmp_path / "mockinterview.db"
    _history(db)
    _damage_a_data_page(db, page=4)
    for _ in range(3):                                         # each `record` or start tries again
        with pytest.raises(StoreError):
            Store(db)
    first = tmp_path / "mockinterview.db.damaged"
    original = _digest(first)
    copies = [p.name for p in tmp_path.glob("*.damaged*") if not p.name.endswith("-wal")]
    assert copies == ["mockinterview.db.damaged"]
    _damage_a_data_page(db, page=5)                            # damaged further: a new copy, the first kept
    with pytest.raises(StoreError):
        Store(db)
    assert _digest(first) == original
    assert (tmp_path / "mockinterview.db.damaged-2").exists()


def test_the_message_names_the_backup_to_restore_from(tmp_path):
    db = tmp_path / "mockinterview.db"
    _history(db, answers=3)
    backup = tmp_path / "mockinterview.db.v3-backup-20260101-120000"
    backup.write_bytes(db.read_bytes())
    db.write_bytes(b"not a database" * 300)
    with pytest.raises(StoreError, match="copy the newest backup") as e:
        Store(db)
    assert str(backup) in str(e.value)


def test_an_emptied_database_beside_recordings_is_not_silently_recreated(tmp_path):
    db = tmp_path / "mockinterview.db"
    (tmp_path / "recordings").mkdir()
    (tmp_path / "recordings" / "answer-1.wav").write_bytes(b"RIFF....")
    db.write_bytes(b"")
    with pytest.raises(StoreError, match="0 bytes"):
        Store(db)
    assert db.stat().st_size == 0                              # left as found


def test_an_empty_database_with_no_recordings_is_a_new_history(tmp_path):
    db = tmp_path / "mockinterview.db"
    db.write_bytes(b"")
    assert Store(db).answers() == []


def test_damage_found_by_a_query_later_is_a_message_not_a_traceback(tmp_path):
    db = tmp_path / "mockinterview.db"
    _history(db)
    s = Store(db)                                              # healthy at start
    _damage_a_data_page(db)
    s.db.execute("PRAGMA cache_size = 0")
    with pytest.raises(StoreError):
        for _ in range(3):
            s.answers()
            s.db.execute("PRAGMA shrink_memory")


def test_a_full_database_at_commit_is_a_message_and_keeps_what_was_saved(tmp_path):
    db = tmp_path / "mockinterview.db"
    _history(db, answers=2)
    s = Store(db)
    pages = s.db.execute("PRAGMA page_count").fetchone()[0]
    s.db.execute(f"PRAGMA max_page_count = {pages + 1}")       # SQLite's own "database or disk is full"
    sid = s.new_session()
    aid = s.start_answer(sid, "q", "Tell me about a deadline.", "deadline", tmp_path / "x.wav")
    big = _transcript("I negotiated the new contract terms with the supplier. " * 400)
    with pytest.raises(DiskFull, match="full"):
        s.finish_answer(aid, big, analyze(big.text))
    assert len(s.answers()) == 2                               # the earlier answers are intact


@contextlib.contextmanager
def _small_fs(where, size="400k"):
    where.mkdir()
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], capture_output=True)
    if r.returncode != 0:
        # not a skip: a real full disk is what this test is for (CI machines run it as root, like here)
        pytest.fail(f"cannot mount a small filesystem (tmpfs) here, which this test needs: {r.stderr.decode().strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def test_a_really_full_disk_while_saving_is_a_message(tmp_path):
    with _small_fs(tmp_path / "fs", "600k") as fs:
        db = fs / "mockinterview.db"
        s = Store(db)
        sid = s.new_session()
        aid = s.start_answer(sid, "q", "Q", "c", fs / "x.wav")
        filler = fs / "filler"
        with contextlib.suppress(OSError):                     # the rest of the disk fills up meanwhile
            with open(filler, "wb") as fh:
                while True:
                    fh.write(b"\0" * 4096)
                    fh.flush()
        big = _transcript("I rebuilt the whole onboarding flow for new starters. " * 2000)
        with pytest.raises(StoreError, match="full|could not be read or written"):
            s.finish_answer(aid, big, analyze(big.text))
        filler.unlink()
        left_by_a_crash(s, aid)
        s.close()
        assert Store(db).unfinished()[0].id == aid             # the take is still there to recover


def test_a_read_only_folder_still_shows_the_history(tmp_path):
    with _small_fs(tmp_path / "fs", "2m") as fs:
        db = fs / "mockinterview.db"
        _history(db, answers=3)
        r = subprocess.run(["mount", "-o", "remount,ro", str(fs)], capture_output=True)
        if r.returncode != 0:
            pytest.fail(f"cannot remount the test filesystem read-only: {r.stderr.decode().strip()}")
        s = Store(db)
        assert s.read_only and len(s.answers()) == 3
        with pytest.raises(StoreError, match="read-only"):
            s.new_session()
