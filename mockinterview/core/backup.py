"""All the user's data in one file, and back: a zip of a consistent database snapshot, the recordings
and a manifest (format, schema version, SHA-256 and size of every member).

backup() takes the snapshot with SQLite's backup API (never a file copy of a live WAL database),
stores each recording under its path relative to the data folder (the database says so too, so a
backup restores into any folder), and writes the zip beside its destination before renaming it.

restore() checks everything before it touches anything: member names (no absolute paths, no "..",
no links), the manifest against every member's hash and size, the schema (a newer one than this
app knows is refused) and the database's `PRAGMA integrity_check`. Data already in the folder is
only replaced when asked (replace=True), and then it is first backed up itself. Both take
progress(fraction) and cancel() like relocate.move_data; cancelling leaves everything as it was.
"""
from __future__ import annotations

import hashlib
import json
import os
import secrets
import shutil
import sqlite3
import stat
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath

from .folder_lock import in_use
from .paths import RECORDINGS
from .store import DB_NAME, SCHEMA_VERSION, Store, StoreError

FORMAT = "mockinterview.backup/1"
MANIFEST = "manifest.json"
CHUNK = 1 << 20
_MANIFEST_LIMIT = 16 << 20            # a manifest is a few KB per thousand files

Progress = Callable[[float], None] | None
Cancel = Callable[[], bool] | None


class BackupError(Exception):
    """The backup could not be made or used; the message says why and what was left unchanged."""


@dataclass(frozen=True, slots=True)
class Manifest:
    schema_version: int
    created_at: str
    answers: int
    files: dict[str, tuple[str, int]]     # member name → (sha256 hex, size)


@dataclass(frozen=True, slots=True)
class Backed:
    path: Path
    answers: int
    recordings: int
    size: int


@dataclass(frozen=True, slots=True)
class Restored:
    answers: int
    recordings: int
    previous: Path | None                 # where the data that was replaced was backed up first


def holds_data(data_dir: Path) -> bool:
    """The folder has a database, or recordings, that a restore would replace."""
    db = Path(data_dir) / DB_NAME
    rec = Path(data_dir) / RECORDINGS
    return (db.exists() and db.stat().st_size > 0) or (rec.is_dir() and any(rec.iterdir()))


def default_name(prefix: str = "mockinterview-backup") -> str:
    return f"{prefix}-{datetime.now():%Y%m%d-%H%M%S}.zip"


class _Steps:
    """Reports progress over a known number of bytes, and stops when cancel() says so."""

    def __init__(self, total: int, progress: Progress, cancel: Cancel, lo: float = 0.0, hi: float = 1.0,
                 cancelled: str = "cancelled; nothing was changed"):
        self.total, self.done = max(1, total), 0
        self.progress, self.cancel, self.lo, self.hi, self.cancelled = progress, cancel, lo, hi, cancelled

    def add(self, n: int) -> None:
        if self.cancel and self.cancel():
            raise BackupError(self.cancelled)
        self.done += n
        if self.progress:
            self.progress(self.lo + (self.hi - self.lo) * min(1.0, self.done / self.total))


def _private_file(path: Path):
    return os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb")


# -- backing up ---------------------------------------------------------------------------------------
def backup(data_dir: Path, dest: Path, *, store: Store | None = None, overwrite: bool = False,
           progress: Progress = None, cancel: Cancel = None) -> Backed:
    """Write everything in data_dir (database and recordings; not the downloadable models) to dest.
    store: the open Store of data_dir, if there is one (its connection takes the snapshot)."""
    data_dir, dest = Path(data_dir), Path(dest)
    if dest.exists() and not overwrite:
        raise BackupError(f"{dest} already exists; nothing was written (choose another name, or allow replacing it)")
    if dest.resolve().is_relative_to((data_dir / RECORDINGS).resolve()):
        raise BackupError("a backup cannot be written inside the recordings folder it backs up")
    if store is None and not (data_dir / DB_NAME).exists():
        raise BackupError(f"there is no mockinterview data in {data_dir} to back up")
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=dest.parent, prefix=".mockinterview-backup-") as tmp:
            snap = Path(tmp) / DB_NAME
            if store is None:
                own = Store(data_dir / DB_NAME)
                try:
                    own.copy_to(snap)
                finally:
                    own.close()
            else:
                store.copy_to(snap)
            answers, external = _portable_snapshot(snap, data_dir)
            rec = data_dir / RECORDINGS
            members = [(DB_NAME, snap)]
            if rec.is_dir():
                members += [(f"{RECORDINGS}/{f.relative_to(rec).as_posix()}", f)
                            for f in sorted(rec.rglob("*")) if f.is_file() and not f.is_symlink()]
            members += external
            steps = _Steps(sum(p.stat().st_size for _, p in members), progress, cancel,
                           cancelled="the backup was cancelled; nothing was written")
            part = Path(tmp) / "backup.zip"
            files: dict[str, tuple[str, int]] = {}
            with _private_file(part) as raw, zipfile.ZipFile(raw, "w", allowZip64=True) as zf:
                for name, path in members:
                    files[name] = _add(zf, name, path, steps)
                manifest = {"format": FORMAT, "schema_version": _user_version(snap), "answers": answers,
                            "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                            "files": {n: {"sha256": h, "size": s} for n, (h, s) in files.items()}}
                zf.writestr(MANIFEST, json.dumps(manifest, indent=1), compress_type=zipfile.ZIP_DEFLATED)
            os.replace(part, dest)
    except (OSError, sqlite3.Error, StoreError) as exc:
        raise BackupError(f"the backup could not be written to {dest}: {exc}") from None
    return Backed(dest, answers, sum(1 for n in files if n.startswith(f"{RECORDINGS}/")), dest.stat().st_size)


def _portable_snapshot(snap: Path, data_dir: Path) -> tuple[int, list[tuple[str, Path]]]:
    """Make the snapshot one self-contained file whose recordings are named relative to the data
    folder; a recording kept outside it (`record --out`) is taken in under recordings/external/.
    Returns the number of answers and those outside recordings as (member, path)."""
    root = data_dir.resolve()
    external: list[tuple[str, Path]] = []
    db = sqlite3.connect(snap)
    try:
        db.execute("PRAGMA journal_mode = DELETE")
        if db.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise BackupError("the database snapshot failed its integrity check; nothing was written")
        with db:
            for aid, audio in db.execute("SELECT id, audio_path FROM answers WHERE audio_path IS NOT NULL").fetchall():
                p = Path(audio)
                if not p.is_absolute():
                    continue
                try:
                    rel = p.resolve().relative_to(root).as_posix()
                except ValueError:
                    if not p.is_file():
                        continue                       # gone already: nothing to take along
                    rel = f"{RECORDINGS}/external/{aid}-{p.name}"
                    external.append((rel, p))
                db.execute("UPDATE answers SET audio_path=? WHERE id=?", (rel, aid))
        answers = db.execute("SELECT count(*) FROM answers").fetchone()[0]
    finally:
        db.close()
    return answers, external


def _user_version(db_path: Path) -> int:
    db = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return db.execute("PRAGMA user_version").fetchone()[0]
    finally:
        db.close()


def _add(zf: zipfile.ZipFile, name: str, path: Path, steps: _Steps) -> tuple[str, int]:
    info = zipfile.ZipInfo(name, datetime.now().timetuple()[:6])
    # the database compresses well; audio hardly does, so it is stored as it is
    info.compress_type = zipfile.ZIP_DEFLATED if name in (DB_NAME, MANIFEST) else zipfile.ZIP_STORED
    info.external_attr = (stat.S_IFREG | 0o600) << 16
    h, size = hashlib.sha256(), 0
    with open(path, "rb") as src, zf.open(info, "w", force_zip64=True) as out:
        while chunk := src.read(CHUNK):
            h.update(chunk)
            out.write(chunk)
            size += len(chunk)
            steps.add(len(chunk))
    return h.hexdigest(), size


# -- checking and restoring -----------------------------------------------------------------------------
def _safe_name(info: zipfile.ZipInfo) -> str:
    name = info.filename
    parts = PurePosixPath(name).parts
    if (not name or name.startswith(("/", "\\")) or "\\" in name or ":" in name or "\x00" in name
            or any(p in ("..", ".", "") for p in name.rstrip("/").split("/"))):
        raise BackupError(f"the backup holds a file with an unsafe name ({name!r}); it was not used and "
                          "nothing was changed")
    if info.flag_bits & 0x1:                       # zipfile would ask for a password (RuntimeError)
        raise BackupError(f"the backup is password-protected ({name!r} is encrypted); mockinterview's own "
                          "backups never are. Unpack it with the password and zip it again, or use the original. "
                          "Nothing was changed")
    if stat.S_ISLNK(info.external_attr >> 16):
        raise BackupError(f"the backup holds a link ({name!r}); it was not used and nothing was changed")
    if not (name == MANIFEST or name == DB_NAME or (parts[0] == RECORDINGS and (len(parts) > 1 or info.is_dir()))):
        raise BackupError(f"the backup holds an unexpected file ({name!r}); it was not used and nothing was changed")
    return name


def _read_manifest(zf: zipfile.ZipFile) -> Manifest:
    try:
        info = zf.getinfo(MANIFEST)
    except KeyError:
        raise BackupError("this is not a mockinterview backup (it has no manifest); nothing was changed") from None
    _safe_name(info)                              # (an encrypted manifest is refused before it is read)
    if info.file_size > _MANIFEST_LIMIT:
        raise BackupError("the backup's manifest is too large to be real; nothing was changed")
    try:
        m = json.loads(zf.read(MANIFEST).decode("utf-8"))
        if m.get("format") != FORMAT:
            raise BackupError(f"this is not a backup this version can read (format {m.get('format')!r}); "
                              "nothing was changed")
        version = m["schema_version"]
        files = {str(n): (str(v["sha256"]).lower(), int(v["size"])) for n, v in m["files"].items()}
        if not isinstance(version, int):
            raise TypeError("schema_version")
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise BackupError(f"the backup's manifest is damaged ({exc}); nothing was changed") from None
    if version > SCHEMA_VERSION:
        raise BackupError(f"this backup was made by a newer mockinterview (schema {version}; this one knows up to "
                          f"{SCHEMA_VERSION}); update the app to restore it. Nothing was changed.")
    return Manifest(version, str(m.get("created_at", "")), int(m.get("answers") or 0), files)


def _members(zf: zipfile.ZipFile, manifest: Manifest) -> list[zipfile.ZipInfo]:
    seen, members = set(), []
    for info in zf.infolist():
        name = _safe_name(info)
        if name in seen:
            raise BackupError(f"the backup holds {name!r} twice; it was not used and nothing was changed")
        seen.add(name)
        if name != MANIFEST and not info.is_dir():
            members.append(info)
    names = {i.filename for i in members}
    if names != set(manifest.files) or DB_NAME not in names:
        odd = sorted(names ^ set(manifest.files)) or [DB_NAME]
        raise BackupError(f"the backup does not match its manifest ({', '.join(odd[:3])}); nothing was changed")
    return members


def _copy_checked(zf: zipfile.ZipFile, info: zipfile.ZipInfo, expected: tuple[str, int], out, steps: _Steps) -> None:
    h, size = hashlib.sha256(), 0
    with zf.open(info) as src:                  # zipfile also checks each member's CRC as it reads
        while chunk := src.read(CHUNK):
            h.update(chunk)
            size += len(chunk)
            if size > expected[1]:
                break
            if out is not None:
                out.write(chunk)
            steps.add(len(chunk))
    if (h.hexdigest(), size) != expected:
        raise BackupError(f"{info.filename} in the backup is damaged (its SHA-256 does not match the manifest); "
                          "nothing was changed")


def verify(src: Path, progress: Progress = None, cancel: Cancel = None) -> Manifest:
    """Check a backup without extracting anything: names, manifest, every hash, the schema."""
    src = Path(src)
    try:
        if not zipfile.is_zipfile(src):
            raise BackupError(f"{src} is not a mockinterview backup (not a zip file); nothing was changed")
        with zipfile.ZipFile(src) as zf:
            manifest = _read_manifest(zf)
            members = _members(zf, manifest)
            steps = _Steps(sum(i.file_size for i in members), progress, cancel)
            for info in members:
                _copy_checked(zf, info, manifest.files[info.filename], None, steps)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError, RuntimeError) as exc:
        raise BackupError(f"{src} is damaged ({exc}); nothing was changed") from None
    except OSError as exc:
        raise BackupError(f"{src} cannot be read ({exc.strerror or exc}); nothing was changed") from None
    return manifest


def _check_database(path: Path) -> int:
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            result = db.execute("PRAGMA integrity_check").fetchone()[0]
            version = db.execute("PRAGMA user_version").fetchone()[0]
            answers = db.execute("SELECT count(*) FROM answers").fetchone()[0]
        finally:
            db.close()
    except sqlite3.Error as exc:
        raise BackupError(f"the database in the backup cannot be read ({exc}); nothing was changed") from None
    if result != "ok":
        raise BackupError(f"the database in the backup is damaged (integrity check: {result}); nothing was changed")
    if version > SCHEMA_VERSION:
        raise BackupError(f"this backup was made by a newer mockinterview (schema {version}); update the app to "
                          "restore it. Nothing was changed.")
    return answers


def restore(src: Path, data_dir: Path, *, replace: bool = False, keep_current: Path | None = None,
            progress: Progress = None, cancel: Cancel = None) -> Restored:
    """Put the backup src in data_dir. Data already there is replaced only when replace is True,
    after it has been backed up itself (to keep_current, or a dated file in data_dir). No Store may
    have data_dir's database open."""
    src, data_dir = Path(src), Path(data_dir)
    manifest = verify(src, _part(progress, 0.0, 0.35), cancel)
    present = holds_data(data_dir)
    if present and in_use(data_dir):
        raise BackupError(f"mockinterview has {data_dir} open (the window, or a recording in a terminal); close it "
                          "first, then restore. Nothing was changed.")
    if present and not replace:
        raise BackupError(f"{data_dir} already holds mockinterview data; nothing was changed. Restoring would replace "
                          "it: allow that (--force in a terminal), and your current data is backed up first.")
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    stage = data_dir / f".restore-{secrets.token_hex(4)}"
    stage.mkdir(mode=0o700)
    try:
        try:
            with zipfile.ZipFile(src) as zf:
                members = _members(zf, manifest)
                steps = _Steps(sum(i.file_size for i in members), _part(progress, 0.35, 0.65), cancel)
                for info in members:
                    target = stage.joinpath(*PurePosixPath(info.filename).parts)
                    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
                    with _private_file(target) as out:
                        _copy_checked(zf, info, manifest.files[info.filename], out, steps)
        except (zipfile.BadZipFile, EOFError, RuntimeError) as exc:
            raise BackupError(f"{src} is damaged ({exc}); nothing was changed") from None
        answers = _check_database(stage / DB_NAME)
        _rebase(stage / DB_NAME)
        if cancel and cancel():
            raise BackupError("the restore was cancelled; nothing was changed")
        previous = None
        if present:
            previous = keep_current or data_dir / default_name("mockinterview-before-restore")
            backup(data_dir, previous, progress=_part(progress, 0.65, 0.95), cancel=cancel)
        _swap(stage, data_dir)
    except (OSError, sqlite3.Error) as exc:
        raise BackupError(f"the backup could not be restored into {data_dir} ({exc}); your data was left as it was") \
            from None
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    if progress:
        progress(1.0)
    recordings = sum(1 for n in manifest.files if n.startswith(f"{RECORDINGS}/"))
    return Restored(answers, recordings, previous)


def _rebase(db_path: Path) -> None:
    """Recordings are named relative to the data folder (as backed up; the store reads them so since
    schema 7). Any other name is dropped: one that climbs out of the folder, and an absolute one (a
    genuine backup holds none that still exist), so a crafted backup cannot point the app, or a
    later delete, at a file elsewhere."""
    db = sqlite3.connect(db_path)
    try:
        with db:
            for aid, audio in db.execute("SELECT id, audio_path FROM answers WHERE audio_path IS NOT NULL").fetchall():
                name = PurePosixPath(audio)
                if Path(audio).is_absolute() or name.is_absolute() or ".." in name.parts or "\\" in audio:
                    db.execute("UPDATE answers SET audio_path=NULL WHERE id=?", (aid,))
    finally:
        db.close()


def _swap(stage: Path, data_dir: Path) -> None:
    """Move the current database and recordings aside, the staged ones in; put the old ones back if
    anything fails on the way."""
    names = [DB_NAME + s for s in ("", "-wal", "-shm")] + [RECORDINGS]
    aside = data_dir / f".replaced-{secrets.token_hex(4)}"
    aside.mkdir(mode=0o700)
    moved: list[str] = []
    placed: list[str] = []
    try:
        for n in names:
            if (data_dir / n).exists():
                os.replace(data_dir / n, aside / n)
                moved.append(n)
        for n in (DB_NAME, RECORDINGS):
            if (stage / n).exists():
                os.replace(stage / n, data_dir / n)
                placed.append(n)
    except OSError:
        for n in placed:
            target = data_dir / n
            shutil.rmtree(target, ignore_errors=True) if target.is_dir() else target.unlink(missing_ok=True)
        for n in moved:
            os.replace(aside / n, data_dir / n)
        aside.rmdir()
        raise
    shutil.rmtree(aside, ignore_errors=True)


def _part(progress: Progress, lo: float, hi: float) -> Progress:
    return None if progress is None else (lambda f: progress(lo + (hi - lo) * f))
