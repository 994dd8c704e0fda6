"""Where data, models, recordings and logs live. Nothing is created until asked for."""
from __future__ import annotations

import os
from pathlib import Path

APP = "mockinterview"


def data_dir() -> Path:
    """The user's data folder; MOCKINTERVIEW_DATA_DIR overrides it (tests, portable use)."""
    override = os.environ.get("MOCKINTERVIEW_DATA_DIR")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_path
    return user_data_path(APP, appauthor=False)


def models_dir() -> Path:
    """Models the user downloaded or converted (a cache that can be rebuilt)."""
    override = os.environ.get("MOCKINTERVIEW_MODELS_DIR")
    if override:
        return Path(override).expanduser()
    return data_dir() / "models"


def recordings_dir() -> Path:
    return data_dir() / "recordings"


def config_file() -> Path:
    override = os.environ.get("MOCKINTERVIEW_DATA_DIR")
    if override:
        return Path(override).expanduser() / "settings.json"
    from platformdirs import user_config_path
    return user_config_path(APP, appauthor=False) / "settings.json"


def ensure(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path
