"""Sessions and answers in SQLite (stdlib sqlite3): WAL, versioned migrations, backups.

Schema versions live in MIGRATIONS; `PRAGMA user_version` says which have run. Each migration
runs in one transaction, and before any migration of an existing database a copy is written
next to it (`mockinterview.db.v<old>-backup-<time>`). One Store object owns the connection.

An answer's status is 'recording' from the start of a take (so a crash leaves a row to
recover), 'done' once analysed, or 'no_speech' when the take held no speech (audio kept).
A recorded answer is first saved with the provisional transcript made while it was spoken
(transcript_stage 'provisional'), then with the final one from the whole recording ('final').
When the user corrects the transcript, the engine's one is kept in original_transcript_json.
Each analysis is kept with the engine version that made it; when the engine changes, stale() and
save_reanalysis() let core/reanalysis.py redo them from the stored transcripts.
"""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import threading
from collections.abc import Callable
from functools import wraps
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from .analysis import Analysis
from .folder_lock import FolderLock
from .paths import RECORDINGS
from .questions import MY_PREFIX, Question
from .transcript import Transcript

def _relative_recordings(db: sqlite3.Connection, folder: Path) -> None:
    """v7: recordings inside the data folder are stored relative to it, so a moved folder, a restored
    backup or a bundle with another home still finds them. An absolute path whose file is gone but
    whose name is in this folder's recordings/ (the folder was moved by hand) is pointed there."""
    for aid, audio in db.execute("SELECT id, audio_path FROM answers WHERE audio_path IS NOT NULL").fetchall():
        rel = _inside(Path(audio), folder)
        if rel is None and Path(audio).is_absolute() and not Path(audio).exists() \
                and (folder / RECORDINGS / Path(audio).name).is_file():
            rel = f"{RECORDINGS}/{Path(audio).name}"
        if rel is not None and rel != audio:
            db.execute("UPDATE answers SET audio_path=? WHERE id=?", (rel, aid))


MIGRATIONS: list[str | Callable[[sqlite3.Connection, Path], None]] = [
    # v1: sessions and answers
    """
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL
    );
    CREATE TABLE answers (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        question_id TEXT,
        question_text TEXT NOT NULL,
        created_at TEXT NOT NULL,
        audio_path TEXT,
        status TEXT NOT NULL DEFAULT 'done',
        transcript_json TEXT,
        analysis_json TEXT,
        engine TEXT,
        model TEXT,
        verdict TEXT,
        score REAL,
        duration_s REAL
    );
    """,
    # v2: competency for filtering, the analysis engine's version for re-analysis, an index
    """
    ALTER TABLE answers ADD COLUMN competency TEXT;
    ALTER TABLE answers ADD COLUMN engine_version TEXT;
    CREATE INDEX answers_by_time ON answers(created_at);
    CREATE INDEX answers_by_question ON answers(question_id);
    """,
    # v3: the user's own questions; a title for sessions (e.g. a practice set)
    """
    ALTER TABLE sessions ADD COLUMN title TEXT;
    CREATE TABLE my_questions (
        id INTEGER PRIMARY KEY,
        text TEXT NOT NULL,
        competency TEXT NOT NULL,
        follow_up TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    """,
    # v4: provisional and final transcripts; the user's corrections, with the engine's original kept
    """
    ALTER TABLE answers ADD COLUMN transcript_stage TEXT NOT NULL DEFAULT 'final';
    ALTER TABLE answers ADD COLUMN original_transcript_json TEXT;
    ALTER TABLE answers ADD COLUMN corrected_at TEXT;
    """,
    # v5: who is recording a take (process and host) and when it last said it was alive, so only a
    # take whose owner is gone is offered for recovery
    """
    ALTER TABLE answers ADD COLUMN owner_pid INTEGER;
    ALTER TABLE answers ADD COLUMN owner_host TEXT;
    ALTER TABLE answers ADD COLUMN heartbeat_at TEXT;
    """,
    # v6: the figures the Progress view charts, as columns (so 2,000 answers are read without parsing
    # any JSON), filled from each stored analysis
    """
    ALTER TABLE answers ADD COLUMN own_share REAL;
    ALTER TABLE answers ADD COLUMN star_parts INTEGER;
    ALTER TABLE answers ADD COLUMN measured INTEGER;
    ALTER TABLE answers ADD COLUMN fillers_per_100 REAL;
    ALTER TABLE answers ADD COLUMN wpm REAL;
    ALTER TABLE answers ADD COLUMN words INTEGER;
    UPDATE answers SET
        own_share = CASE WHEN json_extract(analysis_json, '$.ownership.self_actions')
                              + json_extract(analysis_json, '$.ownership.team_actions') > 0
                         THEN 1.0 * json_extract(analysis_json, '$.ownership.self_actions')
                              / (json_extract(analysis_json, '$.ownership.self_actions')
                                 + json_extract(analysis_json, '$.ownership.team_actions')) END,
        star_parts = json_extract(analysis_json, '$.star.situation') + json_extract(analysis_json, '$.star.task')
                     + json_extract(analysis_json, '$.star.action') + json_extract(analysis_json, '$.star.result'),
        measured = json_extract(analysis_json, '$.star.result_quantified'),
        fillers_per_100 = json_extract(analysis_json, '$.delivery.fillers_per_100_words'),
        wpm = json_extract(analysis_json, '$.delivery.wpm'),
        words = json_extract(analysis_json, '$.delivery.words')
    WHERE analysis_json IS NOT NULL AND json_valid(analysis_json);
    CREATE INDEX answers_by_competency ON answers(competency, created_at);
    """,
    # v7: recordings named relative to the data folder (Python: the folder is known only at run time)
    _relative_recordings,
]

# A recording process writes its heartbeat every HEARTBEAT_S; a take whose heartbeat is older than
# STALE_S (or whose process on this machine is gone) has lost its owner.
HEARTBEAT_S = 5.0
STALE_S = 30.0
REUSED_PID_S = 3600.0

SCHEMA_VERSION = len(MIGRATIONS)
DB_NAME = "mockinterview.db"


def _inside(path: Path, folder: Path) -> str | None:
    """path as a POSIX path relative to folder when it lies inside it (else None)."""
    if not path.is_absolute():
        return path.as_posix() if ".." not in path.parts else None
    try:
        return path.resolve().relative_to(folder.resolve()).as_posix()
    except (ValueError, OSError):
        return None


class StoreError(Exception):
    """The database cannot be used; the message says why and what was kept."""


class DiskFull(StoreError):
    """Nothing could be saved because the disk is full; what was already saved is intact."""


def _host() -> str:
    import socket
    return socket.gethostname()


def _orphaned(pid: int | None, host: str | None, heartbeat: str | None) -> bool:
    """A take's owner is gone: no owner recorded (an older version's take), its process on this
    machine no longer exists, or it has not said it was alive for STALE_S (another machine sharing
    the folder, or a reused process id)."""
    if pid is None or heartbeat is None:
        return True
    try:
        age = (datetime.now(timezone.utc) - datetime.fromisoformat(heartbeat)).total_seconds()
    except ValueError:
        return True
    if host != _host():
        return age > STALE_S
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        pass
    # the process exists; after an hour of silence its id has been given to another program
    return age > REUSED_PID_S


def _same_bytes(a: Path, b: Path) -> bool:
    if a.stat().st_size != b.stat().st_size:
        return False
    with open(a, "rb") as fa, open(b, "rb") as fb:
        while True:
            x, y = fa.read(1 << 20), fb.read(1 << 20)
            if x != y:
                return False
            if not x:
                return True


@dataclass(frozen=True, slots=True)
class SessionRow:
    id: int
    started_at: str
    title: str | None
    answers: int
    average_score: float | None


@dataclass(slots=True)
class AnswerRow:
    id: int
    session_id: int
    question_id: str | None
    question_text: str
    competency: str | None
    created_at: str
    audio_path: str | None
    status: str
    verdict: str | None
    score: float | None
    duration_s: float | None
    engine: str | None
    model: str | None
    engine_version: str | None
    transcript: Transcript | None
    analysis: dict | None            # the mockinterview.analysis/1 JSON
    stage: str = "final"             # 'provisional' until the whole recording has been transcribed
    corrected_at: str | None = None  # when the user last corrected the transcript
    original: Transcript | None = None   # the engine's transcript, kept when the user corrected it

    def stored_analysis(self) -> Analysis | None:
        """The analysis as stored with the answer (None if there is none, or it cannot be read: a
        damaged or foreign row must not stop a review, an export or a report of the others)."""
        try:
            return Analysis.from_json_dict(self.analysis) if self.analysis else None
        except (KeyError, TypeError, ValueError, AttributeError):
            return None

    def to_json(self) -> dict:
        return {"id": self.id, "session_id": self.session_id, "question_id": self.question_id,
                "question": self.question_text, "competency": self.competency, "created_at": self.created_at,
                "status": self.status, "verdict": self.verdict, "score": self.score,
                "duration_s": self.duration_s, "audio_path": self.audio_path, "engine": self.engine,
                "model": self.model, "transcript_stage": self.stage, "corrected": self.corrected_at is not None,
                "corrected_at": self.corrected_at}


@dataclass(frozen=True, slots=True)
class StoredTranscript:
    """An answer's transcript as stored, to be analysed again."""
    answer_id: int
    transcript: Transcript
    token: str                       # the stored form: a new analysis is saved only if it is unchanged


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _locked(method):
    """One connection, used from the GUI thread and from workers: one call at a time. A database
    error on the way (a damaged page, a full disk) becomes a StoreError that says what to do."""
    @wraps(method)
    def call(self, *args, **kwargs):
        with self._lock:
            try:
                return method(self, *args, **kwargs)
            except sqlite3.DatabaseError as exc:
                raise self._explain(exc) from None
    return call


class Store:
    def __init__(self, path: Path):
        self.path = Path(path)
        self._lock = threading.RLock()
        self.read_only = False            # True when the folder cannot be written: history can still be read
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"The data folder {self.path.parent} cannot be created ({exc.strerror}). "
                             "Choose another data folder in Settings, or set MOCKINTERVIEW_DATA_DIR.") from None
        self._folder_lock = FolderLock(self.path.parent)
        self._folder_lock.share()         # a restore elsewhere waits while this store is open
        self._refuse_emptied()
        self._check_health()              # read-only, before anything could write to a damaged file
        try:
            self.db = self._connect()
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise self._explain(exc) from None

    def _connect(self) -> sqlite3.Connection:
        try:
            db = sqlite3.connect(self.path, timeout=5.0, isolation_level=None, check_same_thread=False)
            db.row_factory = sqlite3.Row
            db.execute("PRAGMA foreign_keys = ON")
            db.execute("PRAGMA journal_mode = WAL")
            return db
        except sqlite3.OperationalError:
            if not self.path.exists() or os.access(self.path.parent, os.W_OK) and os.access(self.path, os.W_OK):
                raise
        # A read-only folder or file (a mounted backup, a full disk remounted read-only): WAL needs to
        # write its -shm file, so open the file as immutable and read it as it is.
        db = sqlite3.connect(f"{self.path.resolve().as_uri()}?immutable=1", uri=True, timeout=5.0,
                             isolation_level=None, check_same_thread=False)
        db.row_factory = sqlite3.Row
        self.read_only = True
        return db

    def _refuse_emptied(self) -> None:
        """A 0-byte database beside saved recordings lost its history: re-creating it would orphan them."""
        try:
            empty = self.path.stat().st_size == 0
        except OSError:
            return
        recordings = self.path.parent / "recordings"
        if empty and recordings.is_dir() and any(recordings.iterdir()):
            raise StoreError(f"The database {self.path} is empty (0 bytes), but {recordings} holds recordings, "
                             "so the history was lost, not never made. The file was left as it is. "
                             + self._restore_hint())

    def _check_health(self) -> None:
        """PRAGMA quick_check on a read-only connection: a damaged database is refused before any write
        (a session row written into a damaged file can destroy what is left of it)."""
        try:
            if self.path.stat().st_size == 0:
                return
        except OSError:
            return
        try:
            probe = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, timeout=5.0)
        except sqlite3.Error:
            return                        # cannot even open it read-only: the normal path explains why
        try:
            result = probe.execute("PRAGMA quick_check(1)").fetchone()[0]
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                return                    # another copy of the app is writing; it is not damage
            if "unable to open" in str(exc) or "readonly" in str(exc):
                return
            raise self._explain(exc) from None
        except sqlite3.DatabaseError as exc:
            raise self._explain(exc) from None
        finally:
            probe.close()
        if result != "ok":
            raise self._damaged(f"integrity check: {result}")

    @_locked
    def close(self) -> None:
        self.db.close()
        self._folder_lock.release()

    # -- schema ----------------------------------------------------------------------------------
    def _migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path} was written by a newer mockinterview (schema {version}); "
                             "update the app. The file was not changed.")
        if version == SCHEMA_VERSION:
            return
        if self.read_only:
            raise StoreError(f"The database {self.path} needs an upgrade, but its folder is read-only; "
                             "it was not changed. Make the folder writable, or choose another data folder.")
        if version > 0:
            self.backup(f"v{version}-backup")
        for v in range(version, SCHEMA_VERSION):
            try:
                self.db.execute("BEGIN IMMEDIATE")
                if callable(MIGRATIONS[v]):
                    MIGRATIONS[v](self.db, self.path.parent)
                else:
                    for stmt in _statements(MIGRATIONS[v]):
                        self.db.execute(stmt)
                self.db.execute(f"PRAGMA user_version = {v + 1}")
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise

    def backup(self, tag: str) -> Path:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        dest = self.path.with_name(f"{self.path.name}.{tag}-{stamp}")
        n = 1
        while dest.exists():                           # two upgrades in one second keep both copies
            n += 1
            dest = self.path.with_name(f"{self.path.name}.{tag}-{stamp}-{n}")
        return self.copy_to(dest)

    def backups(self) -> list[Path]:
        """Copies made before migrations, newest first."""
        return sorted(self.path.parent.glob(f"{self.path.name}.v*-backup-*"), key=lambda p: p.stat().st_mtime,
                      reverse=True)

    @_locked
    def copy_to(self, dest: Path) -> Path:
        """A consistent copy of the whole database (WAL included), with SQLite's backup API."""
        copy = sqlite3.connect(dest)
        try:
            self.db.backup(copy)
        finally:
            copy.close()
        return dest

    def _explain(self, exc: sqlite3.DatabaseError) -> StoreError:
        text = str(exc)
        if "locked" in text or "busy" in text:
            return StoreError(f"The database {self.path} is in use by another program (is mockinterview "
                              "already running?). Close it and try again.")
        if "malformed" in text or "not a database" in text or "corrupt" in text:
            return self._damaged(text)
        if "disk is full" in text or "database or disk is full" in text:
            return DiskFull(f"The disk holding {self.path.parent} is full, so this was not saved. Free some space "
                            "and try again; recordings already saved are kept.")
        if "readonly" in text or "read-only" in text or self.read_only:
            return StoreError(f"The data folder {self.path.parent} is read-only, so nothing can be saved there "
                              "(your history can still be read). Choose another data folder in Settings.")
        if "disk I/O error" in text:
            return StoreError(f"The database {self.path} could not be read or written (disk I/O error). "
                              "Check the disk and that the folder is writable; nothing was deleted.")
        return StoreError(f"The database {self.path} cannot be used: {text}")

    def _damaged(self, why: str) -> StoreError:
        kept = self._preserve()
        where = f"A copy of it as found is kept at {kept}" if kept else "It could not be copied, so it was left as is"
        return StoreError(f"The database {self.path} is damaged ({why}). Nothing was written to it. {where}; "
                          f"your recordings are untouched in {self.path.parent / 'recordings'}. "
                          + self._restore_hint())

    def _preserve(self) -> Path | None:
        """Copy the damaged file (and its WAL) aside once: a copy already there with the same bytes is
        reused, and a different one is never overwritten (a new name is taken)."""
        base = self.path.with_name(self.path.name + ".damaged")
        try:
            for n in range(1, 1000):
                dest = base if n == 1 else base.with_name(f"{base.name}-{n}")
                if dest.exists():
                    if _same_bytes(dest, self.path):
                        return dest
                    continue
                shutil.copy2(self.path, dest)
                wal = self.path.with_name(self.path.name + "-wal")
                if wal.exists():
                    shutil.copy2(wal, dest.with_name(dest.name + "-wal"))
                return dest
        except OSError:
            return None
        return None

    def _restore_hint(self) -> str:
        try:
            found = self.backups()
        except OSError:
            found = []
        if found:
            return (f"To restore, close mockinterview and copy the newest backup ({found[0]}) over {self.path}; "
                    f"or move {self.path.name} aside to start a new history.")
        return (f"To start again, close mockinterview and move {self.path.name} aside; "
                "answers exported earlier (mockinterview history --json) keep your figures.")

    def _tx(self):
        return _Transaction(self)

    # -- sessions and answers --------------------------------------------------------------------
    @_locked
    def new_session(self, title: str | None = None) -> int:
        with self._tx():
            return self.db.execute("INSERT INTO sessions(started_at, title) VALUES (?, ?)", (now(), title)).lastrowid

    @_locked
    def sessions(self) -> list[SessionRow]:
        """Sessions that hold at least one finished answer, newest first."""
        return [SessionRow(r["id"], r["started_at"], r["title"], r["n"], r["avg"]) for r in self.db.execute(
            "SELECT s.id, s.started_at, s.title, count(a.id) AS n, avg(a.score) AS avg FROM sessions s"
            " JOIN answers a ON a.session_id = s.id AND a.status = 'done'"
            " GROUP BY s.id ORDER BY s.started_at DESC, s.id DESC")]

    # -- the user's own questions -------------------------------------------------------------------
    @_locked
    def my_questions(self) -> list[Question]:
        return [Question(f"{MY_PREFIX}{r['id']}", r["text"], r["competency"],
                         (r["follow_up"],) if r["follow_up"] else (), "", "mine")
                for r in self.db.execute("SELECT * FROM my_questions ORDER BY id")]

    @_locked
    def add_question(self, text: str, competency: str, follow_up: str = "") -> Question:
        text, competency = _question_fields(text, competency)
        with self._tx():
            rid = self.db.execute("INSERT INTO my_questions(text, competency, follow_up, created_at, updated_at)"
                                  " VALUES (?, ?, ?, ?, ?)", (text, competency, follow_up.strip(), now(), now())).lastrowid
        return Question(f"{MY_PREFIX}{rid}", text, competency, (follow_up.strip(),) if follow_up.strip() else (),
                        "", "mine")

    @_locked
    def update_question(self, question_id: str, text: str, competency: str, follow_up: str = "") -> None:
        text, competency = _question_fields(text, competency)
        with self._tx():
            self.db.execute("UPDATE my_questions SET text=?, competency=?, follow_up=?, updated_at=? WHERE id=?",
                            (text, competency, follow_up.strip(), now(), _my_id(question_id)))

    @_locked
    def delete_question(self, question_id: str) -> None:
        """The question goes; answers to it stay in the history with their own copy of its text."""
        with self._tx():
            self.db.execute("DELETE FROM my_questions WHERE id=?", (_my_id(question_id),))

    @_locked
    def start_answer(self, session_id: int, question_id: str | None, question_text: str,
                     competency: str | None, audio_path: Path) -> int:
        """Record that a take has started, so a crash mid-answer can be recovered."""
        with self._tx():
            return self.db.execute(
                "INSERT INTO answers(session_id, question_id, question_text, competency, created_at, audio_path,"
                " status, owner_pid, owner_host, heartbeat_at) VALUES (?, ?, ?, ?, ?, ?, 'recording', ?, ?, ?)",
                (session_id, question_id, question_text, competency, now(), self._stored_path(audio_path),
                 os.getpid(), _host(), now())).lastrowid

    @_locked
    def heartbeat(self, answer_id: int) -> None:
        """The recording process is alive: its take is not to be recovered by anyone else."""
        with self._tx():
            self.db.execute("UPDATE answers SET heartbeat_at=? WHERE id=? AND status='recording'", (now(), answer_id))

    @_locked
    def finish_answer(self, answer_id: int, transcript: Transcript, analysis: Analysis,
                      stage: str = "final") -> None:
        with self._tx():
            self._save(answer_id, transcript, analysis, ", transcript_stage=?", (stage,))

    @_locked
    def refine_answer(self, answer_id: int, transcript: Transcript, analysis: Analysis) -> bool:
        """The final transcript replaces a provisional one, unless the user has corrected it meanwhile."""
        with self._tx():
            row = self.db.execute("SELECT transcript_stage, corrected_at FROM answers WHERE id=?",
                                  (answer_id,)).fetchone()
            if row is None or row["transcript_stage"] != "provisional" or row["corrected_at"]:
                return False
            self._save(answer_id, transcript, analysis, ", transcript_stage='final'", ())
            return True

    @_locked
    def mark_final(self, answer_id: int) -> None:
        """Keep the provisional transcript as the final one (its recording is gone or held no speech)."""
        with self._tx():
            self.db.execute("UPDATE answers SET transcript_stage='final' WHERE id=?", (answer_id,))

    @_locked
    def correct_answer(self, answer_id: int, transcript: Transcript, analysis: Analysis) -> None:
        """The user's corrected transcript; the engine's first one is kept (a second correction keeps
        the engine's, not the first correction)."""
        with self._tx():
            self.db.execute("UPDATE answers SET original_transcript_json = coalesce(original_transcript_json,"
                            " transcript_json) WHERE id=?", (answer_id,))
            self._save(answer_id, transcript, analysis, ", corrected_at=?", (now(),))

    @_locked
    def restore_original(self, answer_id: int, analysis: Analysis) -> Transcript | None:
        """Undo the user's corrections: the engine's transcript again (None if there was no correction)."""
        row = self.answer(answer_id)
        if row is None or row.original is None:
            return None
        with self._tx():
            self._save(answer_id, row.original, analysis,
                       ", original_transcript_json=NULL, corrected_at=NULL", ())
        return row.original

    def _save(self, answer_id: int, transcript: Transcript, analysis: Analysis, extra_sql: str, extra: tuple) -> None:
        self.db.execute(
            "UPDATE answers SET status='done', transcript_json=?, engine=?, model=?, duration_s=?,"
            f" {_ANALYSIS_SQL}{extra_sql} WHERE id=?",
            (json.dumps(transcript.to_dict()), transcript.engine, transcript.model, transcript.duration,
             *_analysis_fields(answer_id, analysis), *extra, answer_id))

    # -- re-analysis with a newer engine ------------------------------------------------------------
    @_locked
    def stale(self, engine_version: str, after_id: int = 0, limit: int | None = None,
              ids: list[int] | None = None) -> list[StoredTranscript]:
        """Finished answers whose stored analysis was made by another engine version than
        engine_version (or by none), in id order after after_id; ids: exactly these answers,
        whatever their version. Each comes with its transcript as stored (corrected or not)."""
        sql, args = "SELECT id, transcript_json FROM answers WHERE status='done' AND transcript_json IS NOT NULL" \
                    " AND id > ?", [after_id]
        if ids is not None:
            sql += f" AND id IN ({','.join('?' * len(ids))})"
            args += list(ids)
        else:
            sql += " AND engine_version IS NOT ?"
            args.append(engine_version)
        sql += " ORDER BY id" + (" LIMIT ?" if limit is not None else "")
        args += [limit] if limit is not None else []
        return [StoredTranscript(r["id"], Transcript.from_dict(json.loads(r["transcript_json"])), r["transcript_json"])
                for r in self.db.execute(sql, args)]

    @_locked
    def count_stale(self, engine_version: str) -> int:
        return self.db.execute("SELECT count(*) FROM answers WHERE status='done' AND transcript_json IS NOT NULL"
                               " AND engine_version IS NOT ?", (engine_version,)).fetchone()[0]

    @_locked
    def save_reanalysis(self, results: list[tuple[StoredTranscript, Analysis]]) -> list[int]:
        """Store new analyses of stored transcripts, in one transaction; the transcript, its stage and
        the user's corrections stay as they are. An answer whose transcript changed since it was read
        (corrected, refined or deleted meanwhile) is left alone: whoever changed it saved its analysis.
        Returns the ids that were updated."""
        saved = []
        with self._tx():
            for stored, analysis in results:
                cur = self.db.execute(f"UPDATE answers SET {_ANALYSIS_SQL} WHERE id=? AND transcript_json=?",
                                      (*_analysis_fields(stored.answer_id, analysis), stored.answer_id, stored.token))
                if cur.rowcount:
                    saved.append(stored.answer_id)
        return saved

    @_locked
    def provisional(self) -> list[AnswerRow]:
        """Answers still waiting for their final transcript (the app stopped before it was made)."""
        return [self._row(r) for r in self.db.execute(
            "SELECT * FROM answers WHERE status='done' AND transcript_stage='provisional' ORDER BY id")]

    @_locked
    def mark_no_speech(self, answer_id: int) -> None:
        """A take with no speech: kept with its audio, but not an answer and not left to recover."""
        with self._tx():
            self.db.execute("UPDATE answers SET status='no_speech' WHERE id=?", (answer_id,))

    @_locked
    def answers(self, competency: str | None = None, question_id: str | None = None,
                include_unfinished: bool = False) -> list[AnswerRow]:
        sql, args = "SELECT * FROM answers WHERE 1=1", []
        if not include_unfinished:
            sql += " AND status='done'"
        if competency:
            sql += " AND competency=?"
            args.append(competency)
        if question_id:
            sql += " AND question_id=?"
            args.append(question_id)
        sql += " ORDER BY created_at DESC, id DESC"
        return [self._row(r) for r in self.db.execute(sql, args)]

    @_locked
    def history_rows(self, competency: str | None = None) -> list[tuple]:
        """What History lists of every finished answer, newest first, from columns only (no JSON is
        parsed: 500 answers took 0.5 s through answers()): (id, session_id, question_id, question_text,
        created_at, verdict, score, duration_s, transcript_stage, corrected_at)."""
        sql = ("SELECT id, session_id, question_id, question_text, created_at, verdict, score, duration_s,"
               " transcript_stage, corrected_at FROM answers WHERE status='done'")
        args: list = []
        if competency:
            sql += " AND competency=?"
            args.append(competency)
        return [tuple(r) for r in self.db.execute(sql + " ORDER BY created_at DESC, id DESC", args)]

    @_locked
    def answer(self, answer_id: int) -> AnswerRow | None:
        r = self.db.execute("SELECT * FROM answers WHERE id=?", (answer_id,)).fetchone()
        return self._row(r) if r else None

    @_locked
    def unfinished(self) -> list[AnswerRow]:
        """Takes left 'recording' by a crash or a kill: their audio is on disk. A take still being
        recorded (by the window, or by `mockinterview record` in a terminal) is not one of them."""
        rows = self.db.execute("SELECT * FROM answers WHERE status='recording' ORDER BY id").fetchall()
        return [self._row(r) for r in rows if _orphaned(r["owner_pid"], r["owner_host"], r["heartbeat_at"])]

    @_locked
    def recording_elsewhere(self) -> int:
        """How many takes another live process is recording now."""
        rows = self.db.execute("SELECT owner_pid, owner_host, heartbeat_at FROM answers WHERE status='recording'"
                               " AND owner_pid IS NOT NULL").fetchall()
        return sum(1 for r in rows if r["owner_pid"] != os.getpid() and not _orphaned(*r))

    @_locked
    def delete_answer(self, answer_id: int) -> None:
        row = self.answer(answer_id)
        with self._tx():
            self.db.execute("DELETE FROM answers WHERE id=?", (answer_id,))
        if row:
            self._remove_recording(row.audio_path)

    @_locked
    def delete_session(self, session_id: int) -> None:
        paths = [r["audio_path"] for r in self.db.execute("SELECT audio_path FROM answers WHERE session_id=?",
                                                            (session_id,))]
        with self._tx():
            self.db.execute("DELETE FROM sessions WHERE id=?", (session_id,))
        for p in paths:
            self._remove_recording(self._full_path(p))

    def _remove_recording(self, audio: str | None) -> None:
        """Delete an answer's recording, but only inside the data folder: a file kept elsewhere
        (`record --out FILE`) is the user's own, and a path from a restored database is not trusted."""
        if audio and _inside(Path(audio), self.path.parent) is not None and Path(audio).is_absolute():
            Path(audio).unlink(missing_ok=True)

    def _stored_path(self, audio: Path | str | None) -> str | None:
        """How a recording's path is kept: relative to the data folder when it lies inside it (the
        folder can move), else as given (a recording the user kept elsewhere)."""
        if audio is None:
            return None
        path = Path(audio).absolute()          # a relative path given here is relative to the working folder
        return _inside(path, self.path.parent) or str(path)

    def _full_path(self, stored: str | None) -> str | None:
        """A stored path as a file to open; a relative one that would leave the folder is refused."""
        if not stored:
            return None
        p = Path(stored)
        if p.is_absolute():
            return stored
        return str(self.path.parent.absolute() / p) if ".." not in p.parts else None

    def _row(self, r: sqlite3.Row) -> AnswerRow:
        row = _row(r)
        row.audio_path = self._full_path(row.audio_path)
        return row

    @_locked
    def rebase_audio(self, old: Path, new: Path) -> None:
        """Recordings moved from folder old to folder new: point the answers at the new files."""
        prefix = os.path.join(str(old), "")
        with self._tx():
            for r in self.db.execute("SELECT id, audio_path FROM answers WHERE audio_path IS NOT NULL").fetchall():
                if r["audio_path"].startswith(prefix):
                    self.db.execute("UPDATE answers SET audio_path=? WHERE id=?",
                                    (str(Path(new) / r["audio_path"][len(prefix):]), r["id"]))

    @_locked
    def count_answers(self) -> int:
        return self.db.execute("SELECT count(*) FROM answers").fetchone()[0]

    @_locked
    def data_version(self) -> int:
        """Changes when another connection (a terminal's `mockinterview record`) has committed since:
        this window's own saves are announced by the window itself."""
        return self.db.execute("PRAGMA data_version").fetchone()[0]

    @_locked
    def healthy(self) -> bool:
        return self.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    @_locked
    def progress_rows(self, competency: str | None = None) -> list[tuple]:
        """The figures of every finished answer, oldest first, from columns only (no JSON is parsed):
        (id, session_id, question_id, competency, created_at, score, own_share, star_parts, measured,
        fillers_per_100, wpm, words)."""
        sql = ("SELECT id, session_id, question_id, competency, created_at, score, own_share, star_parts, measured,"
               " fillers_per_100, wpm, words FROM answers WHERE status='done' AND score IS NOT NULL")
        args: list = []
        if competency:
            sql += " AND competency=?"
            args.append(competency)
        return [tuple(r) for r in self.db.execute(sql + " ORDER BY created_at, id", args)]

    @_locked
    def trend(self, competency: str | None = None) -> list[tuple[str, float]]:
        """(time, score) of every finished answer, oldest first; only one competency's if given."""
        sql, args = "SELECT created_at, score FROM answers WHERE status='done' AND score IS NOT NULL", []
        if competency:
            sql += " AND competency=?"
            args.append(competency)
        return [(r[0], r[1]) for r in self.db.execute(sql + " ORDER BY created_at, id", args)]


_ANALYSIS_SQL = ("analysis_json=?, engine_version=?, verdict=?, score=?, own_share=?, star_parts=?, measured=?,"
                 " fillers_per_100=?, wpm=?, words=?")


def _analysis_fields(answer_id: int, analysis: Analysis) -> tuple:
    """What an answer's row keeps of its analysis: the analysis/1 JSON, the engine's version (so it can
    be redone when the engine changes), and the verdict and score History lists."""
    from .progress import figures
    return (json.dumps(analysis.to_json_dict(f"answer:{answer_id}")), analysis.engine_version,
            analysis.ownership.verdict, analysis.ownership.score, *figures(analysis))


class _Transaction:
    def __init__(self, store: Store):
        self.store = store

    def __enter__(self):
        try:
            self.store.db.execute("BEGIN IMMEDIATE")
        except sqlite3.DatabaseError as exc:
            raise self.store._explain(exc) from None

    def __exit__(self, kind, exc, tb):
        if kind is None:
            try:
                self.store.db.execute("COMMIT")
                return False
            except sqlite3.DatabaseError as failed:      # a full disk shows up here, at COMMIT
                exc = failed
        try:
            self.store.db.execute("ROLLBACK")
        except sqlite3.DatabaseError:
            pass                                        # SQLite may have rolled back already
        if isinstance(exc, sqlite3.DatabaseError):
            raise self.store._explain(exc) from None
        return False


def _question_fields(text: str, competency: str) -> tuple[str, str]:
    text, competency = " ".join(text.split()), " ".join(competency.split()).lower()
    if not text:
        raise ValueError("a question needs some text")
    if not competency:
        raise ValueError("a question needs a competency (e.g. teamwork)")
    return text, competency


def _my_id(question_id: str) -> int:
    if not question_id.startswith(MY_PREFIX) or not question_id[len(MY_PREFIX):].isdigit():
        raise ValueError(f"{question_id!r} is not one of your own questions")
    return int(question_id[len(MY_PREFIX):])


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def _row(r: sqlite3.Row) -> AnswerRow:
    t = json.loads(r["transcript_json"]) if r["transcript_json"] else None
    o = json.loads(r["original_transcript_json"]) if r["original_transcript_json"] else None
    return AnswerRow(r["id"], r["session_id"], r["question_id"], r["question_text"], r["competency"],
                     r["created_at"], r["audio_path"], r["status"], r["verdict"], r["score"], r["duration_s"],
                     r["engine"], r["model"], r["engine_version"], Transcript.from_dict(t) if t else None,
                     json.loads(r["analysis_json"]) if r["analysis_json"] else None,
                     r["transcript_stage"], r["corrected_at"], Transcript.from_dict(o) if o else None)


def default_path() -> Path:
    from .paths import data_dir
    return data_dir() / DB_NAME


def open_default() -> Store:
    return Store(default_path())
