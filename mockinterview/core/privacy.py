"""The user's recordings and history are private: readable by the user only.

make_private() is called by the entry points (the CLI and the window start through cli.main), not
at import: it sets the process umask to 0077, so every file the app creates afterwards (the
database and its WAL and SHM files, recordings, the log, settings, exports) is 0600 and every
folder 0700, and it tightens what an earlier version left readable to others.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

from . import paths

PRIVATE_UMASK = 0o077


def make_private() -> None:
    os.umask(PRIVATE_UMASK)
    for folder in _folders():
        tighten(folder)


def _folders() -> list[Path]:
    out = []
    try:
        out.append(paths.data_dir())
        out.append(paths.config_file().parent)
    except (OSError, RuntimeError):
        pass
    return out


def tighten(folder: Path) -> None:
    """Folder 0700 and the files directly in it and in recordings/ 0600 (not the user's models, which
    hold nothing private and may be shared); failures are ignored (a folder the user does not own)."""
    try:
        if not folder.is_dir():
            return
        _chmod(folder, 0o700)
        for sub in (folder, folder / "recordings"):
            if not sub.is_dir():
                continue
            _chmod(sub, 0o700)
            for f in sub.iterdir():
                if f.is_file() and not f.is_symlink():
                    _chmod(f, 0o600)
    except OSError:
        pass


def _chmod(path: Path, mode: int) -> None:
    try:
        if stat.S_IMODE(path.stat().st_mode) & ~mode:
            path.chmod(mode)
    except OSError:
        pass
