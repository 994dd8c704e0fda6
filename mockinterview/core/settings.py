"""Per-user settings in a small JSON file. Bad or unknown values fall back to defaults."""
from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from . import paths


MAX_THINKING_S = 300


@dataclass(slots=True)
class Settings:
    input_device: str | None = None      # remembered by name; indices change between runs
    engine: str = "faster-whisper"
    model: str = "tiny.en"
    thinking_time_s: int = 0
    voice: bool = True
    hide_question_until_spoken: bool = False
    data_dir: str | None = None          # None: the platform's user data folder
    welcome_shown: bool = False          # the first-start welcome has been shown (Help → Welcome shows it again)


def load(path: Path | None = None) -> tuple[Settings, list[str]]:
    """Return (settings, notices about values that were ignored)."""
    path = path or paths.config_file()
    s, notices = Settings(), []
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return s, notices
    except (OSError, ValueError) as exc:
        return s, [f"Settings file {path} could not be read ({exc}); using defaults."]
    if not isinstance(raw, dict):
        return s, [f"Settings file {path} is not a JSON object; using defaults."]
    for f in fields(Settings):
        if f.name not in raw:
            continue
        value, default = raw[f.name], getattr(s, f.name)
        ok = isinstance(value, type(default)) if default is not None else (value is None or isinstance(value, str))
        if isinstance(default, int) and isinstance(value, bool) and not isinstance(default, bool):
            ok = False
        if ok and f.name == "thinking_time_s" and not 0 <= value <= MAX_THINKING_S:
            ok = False
        if ok:
            setattr(s, f.name, value)
        else:
            notices.append(f"Ignored setting {f.name}={value!r}; using {default!r}.")
    return s, notices


def save(s: Settings, path: Path | None = None) -> None:
    path = path or paths.config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(s), indent=2), encoding="utf-8")
    os.replace(tmp, path)
