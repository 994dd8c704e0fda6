"""Whether a running mockinterview has a data folder open. Every open Store holds a shared lock on
the folder's lock file; a restore, which replaces the folder's database and recordings, asks for
the exclusive lock first, so it cannot pull the files from under the window or a recording in a
terminal (they would go on writing to deleted files, and what they saved would be lost).

POSIX advisory locks (flock): released by the system when a process ends, even by a crash, so a
stale lock cannot block a restore. Where there is no flock (Windows) nothing is locked."""
from __future__ import annotations

from pathlib import Path

try:
    import fcntl
except ImportError:                          # Windows
    fcntl = None

LOCK_NAME = "mockinterview.lock"


class FolderLock:
    def __init__(self, folder: Path):
        self.path = Path(folder) / LOCK_NAME
        self._file = None

    def share(self) -> None:
        """Say "this folder is open" (best effort: a read-only folder gets no lock)."""
        if fcntl is None or self._file is not None:
            return
        try:
            self._file = open(self.path, "a+b")
            fcntl.flock(self._file.fileno(), fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError:
            self.release()

    def release(self) -> None:
        if self._file is not None:
            try:
                self._file.close()               # closing drops the lock
            finally:
                self._file = None


def in_use(folder: Path) -> bool:
    """True when another open Store (in any process, this one included) holds the folder."""
    if fcntl is None or not (Path(folder) / LOCK_NAME).exists():
        return False
    try:
        with open(Path(folder) / LOCK_NAME, "a+b") as f:
            fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return False
    return False
