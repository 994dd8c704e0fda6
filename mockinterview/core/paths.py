"""Where data, models, recordings and logs live. Nothing is created until asked for."""
from __future__ import annotations

import os
from pathlib import Path

APP = "mockinterview"

RECORDINGS = "recordings"        # the recordings' folder inside the data folder


def data_dir() -> Path:
    """The user's data folder: MOCKINTERVIEW_DATA_DIR (tests, portable use), else the folder
    chosen in the settings, else the platform's user data folder."""
    override = os.environ.get("MOCKINTERVIEW_DATA_DIR")
    if override:
        return Path(override).expanduser()
    chosen = _chosen_data_dir()
    if chosen:
        return chosen
    return default_data_dir()


def default_data_dir() -> Path:
    from platformdirs import user_data_path
    return user_data_path(APP, appauthor=False)


def data_dir_is_fixed() -> bool:
    """True when MOCKINTERVIEW_DATA_DIR decides, so the setting has no effect."""
    return bool(os.environ.get("MOCKINTERVIEW_DATA_DIR"))


def _chosen_data_dir() -> Path | None:
    # Reads the one key itself: settings.py builds on this module, so it cannot be imported here.
    import json
    try:
        value = json.loads(config_file().read_text(encoding="utf-8")).get("data_dir")
    except (OSError, ValueError, AttributeError):
        return None
    return Path(value).expanduser() if isinstance(value, str) and value else None


def models_dir() -> Path:
    """Models the user downloaded or converted (a cache that can be rebuilt)."""
    override = os.environ.get("MOCKINTERVIEW_MODELS_DIR")
    if override:
        return Path(override).expanduser()
    return data_dir() / "models"


def recordings_dir() -> Path:
    return data_dir() / RECORDINGS


def config_file() -> Path:
    override = os.environ.get("MOCKINTERVIEW_DATA_DIR")
    if override:
        return Path(override).expanduser() / "settings.json"
    from platformdirs import user_config_path
    return user_config_path(APP, appauthor=False) / "settings.json"


def ensure(path: Path) -> Path:
    """Create a folder for the user's data: readable by the user only (0700), whatever the umask."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def new_recording(stem: str) -> Path:
    """A recording's file, reserved before it is written: the time to the microsecond and a random
    part, created exclusively (0600), so two takes started in the same instant (the window and a
    terminal, two terminals) never share a file."""
    import secrets
    from datetime import datetime
    folder = ensure(recordings_dir())
    safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in stem)[:60] or "answer"
    while True:
        path = folder / f"{safe}-{datetime.now():%Y%m%d-%H%M%S-%f}-{secrets.token_hex(3)}.wav"
        try:
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
            return path
        except FileExistsError:
            continue
