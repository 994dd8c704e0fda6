"""Move the user's data (database, recordings, models) to another folder, safely.

Copy first, check the copy, then remove the originals: an error at any step leaves the old
folder complete and in use.
"""
from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .store import DB_NAME, Store, StoreError

MOVED_DIRS = ("recordings", "models")


class RelocateError(Exception):
    """The data could not be moved; the old folder is untouched and still in use."""


@dataclass(slots=True)
class Moved:
    answers: int
    files: int


def holds_data(folder: Path) -> bool:
    return (folder / DB_NAME).exists()


def move_data(old: Path, new: Path, progress: Callable[[float], None] | None = None,
              cancel: Callable[[], bool] | None = None) -> Moved:
    """Move everything from old to new. The store in old must be closed first.
    progress(fraction) is called as files are copied; cancel() True stops and removes the copies."""
    given = Path(old)
    old, new = given.resolve(), Path(new).resolve()
    if new == old:
        raise RelocateError("that is already the data folder")
    if new.is_relative_to(old):
        raise RelocateError("the new folder cannot be inside the current data folder")
    if holds_data(new):
        raise RelocateError(f"{new} already holds mockinterview data")
    try:
        new.mkdir(parents=True, exist_ok=True)
        todo = [f for name in MOVED_DIRS if (old / name).is_dir() for f in (old / name).rglob("*") if f.is_file()]
        total = sum(f.stat().st_size for f in todo) or 1
        done = 0
        for f in todo:
            if cancel and cancel():
                raise RelocateError("moving your data was cancelled; nothing changed")
            copy = new / f.relative_to(old)
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(f, copy)
            done += f.stat().st_size
            if progress:
                progress(done / total)
        files = len(todo)
        answers = 0
        if holds_data(old):
            src = Store(old / DB_NAME)
            try:
                src.copy_to(new / DB_NAME)
            finally:
                src.close()
            store = Store(new / DB_NAME)
            try:
                for folder in {given, old}:          # answers keep the path as it was written
                    store.rebase_audio(folder / "recordings", new / "recordings")
                answers = store.count_answers()
                if not store.healthy():
                    raise RelocateError("the copied database failed its integrity check")
            finally:
                store.close()
        _check_copies(old, new)
    except (OSError, sqlite3.Error, StoreError) as exc:
        _remove_copies(new)
        raise RelocateError(f"could not copy your data to {new}: {exc}") from None
    except RelocateError:
        _remove_copies(new)
        raise
    for name in MOVED_DIRS:
        shutil.rmtree(old / name, ignore_errors=True)
    for suffix in ("", "-wal", "-shm"):
        (old / (DB_NAME + suffix)).unlink(missing_ok=True)
    return Moved(answers, files)


def _check_copies(old: Path, new: Path) -> None:
    for name in MOVED_DIRS:
        for f in (old / name).rglob("*") if (old / name).is_dir() else ():
            if f.is_file():
                copy = new / f.relative_to(old)
                if not copy.is_file() or copy.stat().st_size != f.stat().st_size:
                    raise RelocateError(f"{copy} was not copied completely")


def _remove_copies(new: Path) -> None:
    for name in MOVED_DIRS:
        shutil.rmtree(new / name, ignore_errors=True)
    for suffix in ("", "-wal", "-shm"):
        (new / (DB_NAME + suffix)).unlink(missing_ok=True)
