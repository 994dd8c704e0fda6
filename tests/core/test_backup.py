"""Whole-data backup and restore with a real store, real recordings and real zip files: what is
restored is what was saved, and a damaged, tampered or newer backup is refused with the data
left exactly as it was."""
import hashlib
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from mockinterview.core import paths
from mockinterview.core.analysis import analyze
from mockinterview.core.backup import BackupError, MANIFEST, backup, holds_data, restore, verify
from mockinterview.core.store import DB_NAME, SCHEMA_VERSION, Store
from mockinterview.core.transcript import Transcript

TEXT = "I rewrote the deploy script and cut release time from two hours to ten minutes."


def make_data(folder: Path, n: int = 2, marker: str = "a") -> Store:
    """A data folder with n analysed answers, each with its recording."""
    s = Store(folder / DB_NAME)
    sid = s.new_session("Practice set")
    (folder / "recordings").mkdir(exist_ok=True)
    for i in range(n):
        audio = folder / "recordings" / f"take-{marker}{i}.wav"
        audio.write_bytes(f"RIFF{marker}{i}".encode() * 1000)
        aid = s.start_answer(sid, "q-1", f"Question {marker}{i}", "teamwork", audio)
        s.finish_answer(aid, Transcript(TEXT, [], [], 12.0, "en", "faster-whisper", "tiny.en"), analyze(TEXT))
    return s


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under folder with its hash: 'untouched' means equal. (SQLite's -shm file is left out:
    it is a shared-memory index any reader rewrites, not data.)"""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.name.endswith("-shm")}


def test_backup_then_restore_into_a_fresh_folder_brings_back_answers_and_recordings(tmp_path):
    src = tmp_path / "src"
    s = make_data(src)
    rows = {r.id: r for r in s.answers()}
    fractions = []
    made = backup(src, tmp_path / "b.zip", store=s, progress=fractions.append)
    s.close()
    assert (made.answers, made.recordings) == (2, 2) and fractions[-1] == pytest.approx(1.0)
    with zipfile.ZipFile(made.path) as zf:
        m = json.loads(zf.read(MANIFEST))
        assert m["schema_version"] == SCHEMA_VERSION and set(m["files"]) == set(zf.namelist()) - {MANIFEST}
        for name, f in m["files"].items():
            assert hashlib.sha256(zf.read(name)).hexdigest() == f["sha256"]
    fresh = tmp_path / "fresh"
    done = restore(made.path, fresh)
    assert (done.answers, done.recordings, done.previous) == (2, 2, None)
    back = Store(fresh / DB_NAME)
    for r in back.answers():
        old = rows[r.id]
        assert (r.question_text, r.score, r.analysis) == (old.question_text, old.score, old.analysis)
        assert Path(r.audio_path) == fresh / "recordings" / Path(old.audio_path).name      # rebased
        assert Path(r.audio_path).read_bytes() == Path(old.audio_path).read_bytes()
    assert back.healthy()


def test_the_snapshot_is_consistent_while_the_store_is_open_in_wal(tmp_path):
    src = tmp_path / "src"
    s = make_data(src, n=3)
    assert (src / (DB_NAME + "-wal")).exists()                # committed pages still in the WAL
    backup(src, tmp_path / "b.zip", store=s)
    with zipfile.ZipFile(tmp_path / "b.zip") as zf:
        (tmp_path / "x.db").write_bytes(zf.read(DB_NAME))
    db = sqlite3.connect(tmp_path / "x.db")
    assert db.execute("SELECT count(*) FROM answers").fetchone()[0] == 3
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"      # one self-contained file
    assert all(not Path(p).is_absolute() for (p,) in db.execute("SELECT audio_path FROM answers"))


def test_a_recording_kept_outside_the_data_folder_comes_along(tmp_path):
    src = tmp_path / "src"
    s = make_data(src, n=0)
    outside = tmp_path / "elsewhere.wav"
    outside.write_bytes(b"RIFF-outside")
    aid = s.start_answer(s.new_session(), None, "Q", None, outside)
    s.finish_answer(aid, Transcript(TEXT, [], [], 3.0, "en", "faster-whisper", "tiny.en"), analyze(TEXT))
    backup(src, tmp_path / "b.zip", store=s)
    restore(tmp_path / "b.zip", tmp_path / "fresh")
    row = Store(tmp_path / "fresh" / DB_NAME).answer(aid)
    assert Path(row.audio_path).is_relative_to(tmp_path / "fresh" / "recordings")
    assert Path(row.audio_path).read_bytes() == b"RIFF-outside"


def test_backup_never_overwrites_unasked(tmp_path):
    s = make_data(tmp_path / "src")
    (tmp_path / "b.zip").write_text("keep me")
    with pytest.raises(BackupError, match="already exists"):
        backup(tmp_path / "src", tmp_path / "b.zip", store=s)
    assert (tmp_path / "b.zip").read_text() == "keep me"


def test_restore_over_existing_data_needs_asking_and_keeps_the_old_data(tmp_path):
    src = tmp_path / "src"
    backup(src, tmp_path / "b.zip", store=make_data(src, marker="new"))
    mine = tmp_path / "mine"
    make_data(mine, n=1, marker="old").close()
    before = snapshot(mine)
    with pytest.raises(BackupError, match="already holds"):
        restore(tmp_path / "b.zip", mine)
    assert snapshot(mine) == before
    done = restore(tmp_path / "b.zip", mine, replace=True)
    assert done.previous is not None and done.previous.is_file()
    assert [r.question_text for r in Store(mine / DB_NAME).answers()] == ["Question new1", "Question new0"]
    assert not list(mine.glob(".restore-*")) and not list(mine.glob(".replaced-*"))
    # the data that was replaced restores as it was
    again = tmp_path / "again"
    restore(done.previous, again)
    assert [r.question_text for r in Store(again / DB_NAME).answers()] == ["Question old0"]
    assert (again / "recordings" / "take-old0.wav").read_bytes() == (b"RIFFold0" * 1000)


def _rewrite(src: Path, dest: Path, change) -> None:
    """Copy a backup, letting change(name, data, manifest) alter members (return None to drop one)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w") as zout:
        manifest = json.loads(zin.read(MANIFEST))
        extra = change(None, None, manifest) or []
        for info in zin.infolist():
            if info.filename == MANIFEST:
                continue
            data = change(info.filename, zin.read(info), manifest)
            if data is not None:
                zout.writestr(info.filename, data)
        for name, data in extra:
            zout.writestr(name, data)
        zout.writestr(MANIFEST, json.dumps(manifest))


def _tampered_hash(name, data, manifest):
    if name and name.startswith("recordings/"):
        return data[:-1] + b"X"
    return data if name else None


def _traversal(name, data, manifest):
    if name is None:
        manifest["files"]["recordings/../../evil.txt"] = {"sha256": hashlib.sha256(b"x").hexdigest(), "size": 1}
        return [("recordings/../../evil.txt", b"x")]
    return data


def _absolute(name, data, manifest):
    if name is None:
        manifest["files"]["/tmp/evil.txt"] = {"sha256": hashlib.sha256(b"x").hexdigest(), "size": 1}
        return [("/tmp/evil.txt", b"x")]
    return data


def _newer(name, data, manifest):
    if name is None:
        manifest["schema_version"] = SCHEMA_VERSION + 1
    return data


def _newer_database(name, data, manifest):
    """The manifest says the current schema, but the database inside is newer."""
    if name == DB_NAME:
        p = Path(manifest["_tmp"]) / "n.db"
        p.write_bytes(data)
        with sqlite3.connect(p) as db:
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        data = p.read_bytes()
        manifest["files"][DB_NAME] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
    return data


def _damaged_database(name, data, manifest):
    if name == DB_NAME:
        data = bytearray(data)
        page = 4096
        data[2 * page + 100:2 * page + 600] = b"\xde\xad" * 250      # garbage in a b-tree page
        data = bytes(data)
        manifest["files"][DB_NAME] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
    return data


def _missing_member(name, data, manifest):
    return None if name and name.startswith("recordings/") and name.endswith("0.wav") else data


@pytest.mark.parametrize("change, why", [
    (_tampered_hash, "SHA-256 does not match"),
    (_traversal, "unsafe name"),
    (_absolute, "unsafe name"),
    (_newer, "newer mockinterview"),
    (_newer_database, "newer mockinterview"),
    (_damaged_database, "damaged|cannot be read"),
    (_missing_member, "does not match its manifest"),
])
def test_bad_backups_are_refused_and_nothing_changes(tmp_path, change, why):
    src = tmp_path / "src"
    backup(src, tmp_path / "good.zip", store=make_data(src, n=2, marker="new"))
    manifest_tmp = tmp_path / "work"
    manifest_tmp.mkdir()

    def changed(name, data, manifest):
        manifest.setdefault("_tmp", str(manifest_tmp))
        return change(name, data, manifest)
    _rewrite(tmp_path / "good.zip", tmp_path / "bad.zip", changed)
    mine = tmp_path / "mine"
    make_data(mine, n=1, marker="old").close()
    before = snapshot(mine)
    for target, replace in ((mine, True), (tmp_path / "fresh", False)):
        with pytest.raises(BackupError, match=why):
            restore(tmp_path / "bad.zip", target, replace=replace)
    assert snapshot(mine) == before                                  # not even a backup of it was made
    assert not (tmp_path / "fresh" / DB_NAME).exists() and not (tmp_path / "evil.txt").exists()
    assert not Path("/tmp/evil.txt").exists() or Path("/tmp/evil.txt").read_bytes() != b"x"


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 not really a zip", b"hello"])
def test_a_file_that_is_not_a_backup_is_refused(tmp_path, content):
    (tmp_path / "b.zip").write_bytes(content)
    with pytest.raises(BackupError, match="not a mockinterview backup|damaged"):
        verify(tmp_path / "b.zip")


def test_a_truncated_backup_is_refused(tmp_path):
    src = tmp_path / "src"
    backup(src, tmp_path / "b.zip", store=make_data(src))
    data = (tmp_path / "b.zip").read_bytes()
    (tmp_path / "cut.zip").write_bytes(data[: len(data) // 2])
    with pytest.raises(BackupError):
        restore(tmp_path / "cut.zip", tmp_path / "fresh")
    assert not holds_data(tmp_path / "fresh")


def test_cancelling_leaves_everything_as_it_was(tmp_path):
    src = tmp_path / "src"
    s = make_data(src)
    with pytest.raises(BackupError, match="cancelled"):
        backup(src, tmp_path / "b.zip", store=s, cancel=lambda: True)
    assert not (tmp_path / "b.zip").exists() and not list(tmp_path.glob(".mockinterview-backup-*"))
    backup(src, tmp_path / "b.zip", store=s)
    s.close()
    mine = tmp_path / "mine"
    make_data(mine, n=1, marker="old").close()
    before = snapshot(mine)
    calls = []
    with pytest.raises(BackupError, match="cancelled"):
        restore(tmp_path / "b.zip", mine, replace=True, cancel=lambda: calls.append(1) or len(calls) > 3)
    assert snapshot(mine) == before


def test_restore_uses_the_data_folder_the_app_uses(tmp_path):
    """The default folder (MOCKINTERVIEW_DATA_DIR in tests) is where restore puts things."""
    src = tmp_path / "src"
    backup(src, tmp_path / "b.zip", store=make_data(src))
    restore(tmp_path / "b.zip", paths.data_dir())
    assert len(Store(paths.data_dir() / DB_NAME).answers()) == 2


def test_a_database_path_outside_the_folder_is_dropped_on_restore(tmp_path):
    """A crafted backup whose database names /some/file as a recording: after the restore, playing
    or deleting that answer must not reach the file."""
    src = tmp_path / "src"
    backup(src, tmp_path / "good.zip", store=make_data(src, n=1))
    victim = tmp_path / "victim.txt"
    victim.write_text("keep")
    work = tmp_path / "work"
    work.mkdir()

    def point_outside(name, data, manifest):
        if name == DB_NAME:
            p = work / "x.db"
            p.write_bytes(data)
            with sqlite3.connect(p) as db:
                db.execute("UPDATE answers SET audio_path=?", (str(victim),))
            data = p.read_bytes()
            manifest["files"][DB_NAME] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
        return data
    _rewrite(tmp_path / "good.zip", tmp_path / "crafted.zip", point_outside)
    restore(tmp_path / "crafted.zip", tmp_path / "fresh")
    s = Store(tmp_path / "fresh" / DB_NAME)
    row = s.answers()[0]
    assert row.audio_path is None
    s.delete_answer(row.id)
    assert victim.read_text() == "keep"


def test_a_password_protected_zip_is_refused_plainly(tmp_path):
    """zipfile raises RuntimeError for an encrypted member: it reached the user as a traceback."""
    src = tmp_path / "src"
    backup(src, tmp_path / "good.zip", store=make_data(src, n=1))
    raw = bytearray((tmp_path / "good.zip").read_bytes())
    # set the "encrypted" flag (general purpose bit 0) on every local and central header
    for sig, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        i = raw.find(sig)
        while i != -1:
            raw[i + offset] |= 0x01
            i = raw.find(sig, i + 4)
    (tmp_path / "locked.zip").write_bytes(bytes(raw))
    with pytest.raises(BackupError, match="password|encrypted"):
        verify(tmp_path / "locked.zip")
    with pytest.raises(BackupError):
        restore(tmp_path / "locked.zip", tmp_path / "fresh")
    assert not holds_data(tmp_path / "fresh")
