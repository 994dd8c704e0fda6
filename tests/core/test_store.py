import shutil
import sqlite3
from pathlib import Path

import pytest

from mockinterview.core.analysis import analyze
from mockinterview.core.store import SCHEMA_VERSION, Store, StoreError
from mockinterview.core.transcript import Transcript

from ..conftest import ROOT, left_by_a_crash

V1 = ROOT / "tests" / "fixtures" / "db" / "v1.sqlite"
V2 = ROOT / "tests" / "fixtures" / "db" / "v2.sqlite"


def _transcript(text="I fixed the build. We shipped it."):
    return Transcript(text, [], [], 4.0, "en", "faster-whisper", "tiny.en")


def test_new_database_is_current_and_wal(tmp_path):
    s = Store(tmp_path / "m.db")
    assert s.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert s.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert not list(tmp_path.glob("m.db.*backup*"))       # nothing to back up on a new file


def test_answer_lifecycle_and_crash_recovery(tmp_path):
    audio = tmp_path / "a.wav"
    audio.write_bytes(b"RIFF")
    s = Store(tmp_path / "m.db")
    sid = s.new_session()
    aid = s.start_answer(sid, "conflict-01", "Tell me about a conflict.", "conflict", audio)
    assert s.unfinished() == []                            # still this process's own take
    left_by_a_crash(s, aid)
    s.close()
    # the app was killed: the next start finds the take
    s = Store(tmp_path / "m.db")
    [left] = s.unfinished()
    assert left.id == aid and left.audio_path == str(audio) and s.answers() == []
    t = _transcript()
    s.finish_answer(aid, t, analyze(t.text))
    [row] = s.answers()
    assert row.status == "done" and row.verdict == analyze(t.text).ownership.verdict and row.transcript.text == t.text
    assert row.analysis["schema"] == "mockinterview.analysis/1" and row.engine_version
    assert s.answers(competency="conflict") and not s.answers(competency="failure")
    assert s.trend() == [(row.created_at, row.score)]
    s.delete_answer(aid)
    assert s.answer(aid) is None and not audio.exists()


def test_delete_session_removes_answers_and_audio(tmp_path):
    s = Store(tmp_path / "m.db")
    sid = s.new_session()
    files = []
    for i in range(2):
        f = tmp_path / f"{i}.wav"
        f.write_bytes(b"x")
        files.append(f)
        s.finish_answer(s.start_answer(sid, None, "Q", None, f), _transcript(), analyze("We did it."))
    s.delete_session(sid)
    assert s.answers() == [] and not any(f.exists() for f in files)


def test_upgrade_from_v1_fixture_keeps_data_and_backs_up(tmp_path):
    db = tmp_path / "mockinterview.db"
    shutil.copy(V1, db)
    s = Store(db)
    assert s.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    rows = s.answers()
    assert [r.question_id for r in rows] == ["failure-02", "conflict-01"]        # newest first
    assert rows[0].verdict and rows[0].score and rows[0].transcript.model == "tiny.en"
    assert rows[0].competency is None
    [backup] = tmp_path.glob("mockinterview.db.v1-backup-*")
    with sqlite3.connect(backup) as b:
        assert b.execute("PRAGMA user_version").fetchone()[0] == 1
        assert b.execute("SELECT COUNT(*) FROM answers").fetchone()[0] == 2


def test_upgrade_from_v2_fixture_adds_own_questions_and_session_titles(tmp_path):
    db = tmp_path / "mockinterview.db"
    shutil.copy(V2, db)
    s = Store(db)
    assert s.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert [r.competency for r in s.answers()] == ["failure", "conflict"]
    [session] = s.sessions()
    assert (session.title, session.answers) == (None, 2)
    assert s.my_questions() == []
    assert len(list(tmp_path.glob("mockinterview.db.v2-backup-*"))) == 1


def test_own_questions_can_be_added_edited_and_deleted(tmp_path):
    s = Store(tmp_path / "m.db")
    q = s.add_question("  Tell me about   a time you mentored someone. ", "Leadership", "What did they learn?")
    assert q.id.startswith("mine-") and q.text == "Tell me about a time you mentored someone."
    assert q.competency == "leadership" and q.follow_ups == ("What did they learn?",)
    s.update_question(q.id, "Tell me about a time you coached someone.", "teamwork")
    [mine] = s.my_questions()
    assert (mine.id, mine.text, mine.competency, mine.follow_ups) == (q.id, "Tell me about a time you coached someone.",
                                                                   "teamwork", ())
    with pytest.raises(ValueError, match="needs some text"):
        s.add_question("   ", "teamwork")
    with pytest.raises(ValueError, match="not one of your own"):
        s.delete_question("conflict-01")
    aid = s.start_answer(s.new_session(), q.id, mine.text, mine.competency, None)
    s.finish_answer(aid, _transcript(), analyze("I coached him weekly."))
    s.delete_question(q.id)
    assert s.my_questions() == [] and s.answer(aid).question_text == mine.text   # answers keep their question


def test_sessions_list_only_those_with_answers_newest_first(tmp_path):
    s = Store(tmp_path / "m.db")
    first = s.new_session()
    s.finish_answer(s.start_answer(first, "q", "Q", None, None), _transcript(), analyze("I did it."))
    s.new_session()                                    # nothing answered: not listed
    third = s.new_session("Practice set: leadership")
    for text in ("I led it.", "We did it."):
        s.finish_answer(s.start_answer(third, "q", "Q", None, None), _transcript(), analyze(text))
    rows = s.sessions()
    assert [(r.id, r.title, r.answers) for r in rows] == [(third, "Practice set: leadership", 2), (first, None, 1)]
    assert rows[0].average_score is not None


def test_failed_migration_rolls_back(tmp_path, monkeypatch):
    from mockinterview.core import store as store_mod
    db = tmp_path / "m.db"
    shutil.copy(V1, db)
    monkeypatch.setattr(store_mod, "MIGRATIONS", store_mod.MIGRATIONS[:1] + ["ALTER TABLE answers ADD COLUMN x; BROKEN SQL"])
    monkeypatch.setattr(store_mod, "SCHEMA_VERSION", 2)
    with pytest.raises(StoreError):
        Store(db)
    with sqlite3.connect(db) as c:
        assert c.execute("PRAGMA user_version").fetchone()[0] == 1
        cols = [r[1] for r in c.execute("PRAGMA table_info(answers)")]
        assert "x" not in cols                                     # the half-done migration was undone


def test_newer_schema_is_refused_untouched(tmp_path):
    db = tmp_path / "m.db"
    with sqlite3.connect(db) as c:
        c.execute("PRAGMA user_version = 99")
    with pytest.raises(StoreError, match="newer mockinterview"):
        Store(db)


def test_damaged_database_is_explained_and_kept(tmp_path):
    db = tmp_path / "m.db"
    db.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError, match="damaged") as e:
        Store(db)
    assert (tmp_path / "m.db.damaged").exists() and "Nothing was written to it" in str(e.value)
    assert db.read_bytes().startswith(b"this is not")


def test_locked_database_is_explained(tmp_path):
    db = tmp_path / "m.db"
    Store(db).close()
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        s2 = Store(db)
        s2.db.execute("PRAGMA busy_timeout = 100")
        with pytest.raises(StoreError, match="in use by another program"):
            s2.new_session()
    finally:
        other.execute("ROLLBACK")


V3 = ROOT / "tests" / "fixtures" / "db" / "v3.sqlite"


def test_upgrade_from_v3_fixture_keeps_transcripts_final_and_uncorrected(tmp_path):
    db = tmp_path / "mockinterview.db"
    shutil.copy(V3, db)
    s = Store(db)
    rows = s.answers()
    assert len(rows) == 2 and all(r.stage == "final" and r.corrected_at is None and r.original is None for r in rows)
    assert rows[0].transcript.edits == []                        # transcripts saved before edits existed
    assert s.provisional() == [] and len(list(tmp_path.glob("mockinterview.db.v3-backup-*"))) == 1


def test_provisional_then_final_transcript(tmp_path):
    s = Store(tmp_path / "m.db")
    aid = s.start_answer(s.new_session(), None, "Q", None, tmp_path / "a.wav")
    first = _transcript("We fixed the build.")
    s.finish_answer(aid, first, analyze(first.text), stage="provisional")
    assert [r.id for r in s.provisional()] == [aid] and s.answers()[0].stage == "provisional"
    final = _transcript("I fixed the build.")
    assert s.refine_answer(aid, final, analyze(final.text))
    row = s.answer(aid)
    assert row.stage == "final" and row.transcript.text == "I fixed the build." and row.verdict != "team_only"
    assert s.provisional() == [] and not s.refine_answer(aid, first, analyze(first.text))   # only once


def test_a_correction_keeps_the_engines_transcript_and_can_be_undone(tmp_path):
    s = Store(tmp_path / "m.db")
    aid = s.start_answer(s.new_session(), None, "Q", None, tmp_path / "a.wav")
    heard = _transcript("We fixed the bill.")
    s.finish_answer(aid, heard, analyze(heard.text), stage="provisional")
    s.correct_answer(aid, _transcript("I fixed the build."), analyze("I fixed the build."))
    s.correct_answer(aid, _transcript("I fixed the build myself."), analyze("I fixed the build myself."))
    row = s.answer(aid)
    assert row.transcript.text == "I fixed the build myself." and row.original.text == "We fixed the bill."
    assert row.corrected_at and row.verdict != "team_only" and row.to_json()["corrected"]
    # a final transcript arriving late does not overwrite what the user wrote
    assert not s.refine_answer(aid, _transcript("We fixed the build."), analyze("We fixed the build."))
    restored = s.restore_original(aid, analyze(heard.text))
    row = s.answer(aid)
    assert restored.text == row.transcript.text == "We fixed the bill." and row.original is None
    assert row.corrected_at is None and row.verdict == "team_only"


V6 = ROOT / "tests" / "fixtures" / "db" / "v6.sqlite"


def test_upgrade_from_v6_stores_recordings_relative_to_the_data_folder(tmp_path):
    """Issue 12: a bundle, a moved folder or a restored backup finds its recordings. The migration
    makes paths inside the data folder relative, points a path whose folder was moved by hand at the
    same file in this folder's recordings/, and leaves a recording kept elsewhere as it was."""
    import sqlite3
    data = tmp_path / "data"
    (data / "recordings").mkdir(parents=True)
    db_path = data / "mockinterview.db"
    shutil.copy(V6, db_path)
    inside = data / "recordings" / "a.wav"
    moved = data / "recordings" / "b.wav"                 # once at /old/place/recordings/b.wav
    elsewhere = tmp_path / "kept" / "c.wav"
    for f in (inside, moved, elsewhere):
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_bytes(b"RIFF")
    db = sqlite3.connect(db_path)
    db.execute("INSERT INTO answers(id, session_id, question_text, created_at, status) "
               "VALUES (3, 1, 'Q', '2026-11-02T09:00:00+00:00', 'done')")
    for aid, path in ((1, inside), (2, "/old/place/recordings/b.wav"), (3, elsewhere)):
        db.execute("UPDATE answers SET audio_path=? WHERE id=?", (str(path), aid))
    db.commit()
    db.close()

    s = Store(db_path)
    stored = dict(s.db.execute("SELECT id, audio_path FROM answers").fetchall())
    assert stored == {1: "recordings/a.wav", 2: "recordings/b.wav", 3: str(elsewhere)}
    assert [Path(s.answer(i).audio_path) for i in (1, 2, 3)] == [inside, moved, elsewhere]
    assert s.backups(), "the v6 database was backed up before the upgrade"
    s.close()

    shutil.move(str(data), str(tmp_path / "moved"))        # the whole folder moves: nothing to rewrite
    s = Store(tmp_path / "moved" / "mockinterview.db")
    assert Path(s.answer(1).audio_path) == tmp_path / "moved" / "recordings" / "a.wav"
    assert Path(s.answer(1).audio_path).is_file()


def test_new_recordings_are_kept_relative_and_a_climbing_name_is_refused(tmp_path):
    s = Store(tmp_path / "mockinterview.db")
    sid = s.new_session()
    aid = s.start_answer(sid, None, "Q", None, tmp_path / "recordings" / "x.wav")
    outside = s.start_answer(sid, None, "Q", None, tmp_path.parent / "y.wav")
    raw = dict(s.db.execute("SELECT id, audio_path FROM answers").fetchall())
    assert raw[aid] == "recordings/x.wav" and raw[outside] == str(tmp_path.parent / "y.wav")
    assert s.answer(aid).audio_path == str(tmp_path / "recordings" / "x.wav")
    sentinel = tmp_path.parent / "sentinel.txt"               # what a climbing name would reach
    sentinel.write_text("keep")
    s.db.execute("UPDATE answers SET audio_path=? WHERE id=?", (f"../{sentinel.name}", aid))
    s.db.commit()
    assert s.answer(aid).audio_path is None                   # never a file outside the folder
    s.delete_session(sid)                                     # and deleting does not reach out either
    assert sentinel.read_text() == "keep"


def test_only_recordings_inside_the_data_folder_are_deleted_with_their_answer(tmp_path):
    """A recording saved elsewhere (`record --out FILE`) is the user's own file; an absolute path
    in the database (a crafted backup) must not make Delete remove an arbitrary file."""
    s = Store(tmp_path / "data" / "mockinterview.db")
    own = tmp_path / "data" / "recordings" / "a.wav"
    kept = tmp_path / "elsewhere" / "b.wav"
    for f in (own, kept):
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_bytes(b"RIFF")
    sid = s.new_session()
    a = s.start_answer(sid, None, "Q", None, own)
    b = s.start_answer(sid, None, "Q", None, kept)
    s.delete_answer(a)
    s.delete_answer(b)
    assert not own.exists() and kept.exists()


def test_a_relative_data_folder_and_a_relative_recording_path_find_their_files(tmp_path, monkeypatch):
    """MOCKINTERVIEW_DATA_DIR=data (portable use) and `record --out take.wav` give paths relative to
    the working folder; they were stored as if relative to the data folder (data/data/recordings…)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data" / "recordings").mkdir(parents=True)
    rec = Path("data") / "recordings" / "q.wav"
    out = Path("take.wav")
    for f in (rec, out):
        f.write_bytes(b"RIFF")
    s = Store(Path("data") / "mockinterview.db")
    sid = s.new_session()
    a = s.start_answer(sid, None, "Q", None, rec)
    b = s.start_answer(sid, None, "Q", None, out)
    assert Path(s.answer(a).audio_path).resolve() == rec.resolve() and Path(s.answer(a).audio_path).is_file()
    assert Path(s.answer(b).audio_path).resolve() == out.resolve() and Path(s.answer(b).audio_path).is_file()
    raw = dict(s.db.execute("SELECT id, audio_path FROM answers").fetchall())
    assert raw[a] == "recordings/q.wav"                       # inside: relative to the data folder
