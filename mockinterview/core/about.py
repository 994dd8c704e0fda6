"""What `mockinterview --version --verbose` and Help → About say: the versions of the app and of what
it runs on, the data folder and its database's schema version.

Only reads: the database is opened read-only and never created or migrated, the data folder is
never made. Fast: library versions come from their installed metadata, not from importing them
(spaCy alone takes a second); the caller adds the Qt version when Qt is loaded anyway.
"""
from __future__ import annotations

import importlib.metadata
import json
import platform
import sqlite3
import sys
from pathlib import Path

from . import paths
from .resources import version

NAME = "mockinterview"
DESCRIPTION = "Rehearse job-interview answers aloud and see whether they show what you did, not only what the team did."
LICENCE = "MIT"
PRIVACY = "Nothing leaves this machine: recording, transcription and analysis all run locally."


def package_version(*names: str) -> str:
    """The installed version of the first distribution found (a bundle may lack the metadata)."""
    for name in names:
        try:
            return importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            continue
    return "not found"


def parser_model() -> str:
    """The English parser model's name and version, from its meta.json (spaCy is not imported)."""
    from .analysis.nlp import ParserMissing, model_folder
    try:
        meta = json.loads((model_folder() / "meta.json").read_text(encoding="utf-8"))
        return f"{meta['lang']}_{meta['name']} {meta['version']}"
    except (ParserMissing, OSError, ValueError, KeyError):
        return "not found"


def schema_version(db: Path) -> int | None:
    """The database's schema version (PRAGMA user_version), read-only; None when there is none.
    Raises sqlite3.DatabaseError for a file that is not a readable database."""
    if not db.is_file():
        return None
    # Read-only still makes -wal and -shm files beside a WAL database; with no -wal file the main
    # file is the whole truth, so it is read as immutable (no files made). While the app has it open
    # (a -wal file exists), a read-only open sees the latest committed schema.
    wal = db.with_name(db.name + "-wal").exists()
    con = sqlite3.connect(f"{db.resolve().as_uri()}?{'mode=ro' if wal else 'immutable=1'}", uri=True)
    try:
        return con.execute("PRAGMA user_version").fetchone()[0]
    finally:
        con.close()


def database_line(db: Path) -> str:
    from .store import SCHEMA_VERSION
    try:
        found = schema_version(db)
    except sqlite3.DatabaseError as exc:
        return f"{db}: cannot be read ({exc})"
    if found is None:
        return f"none yet ({db} is made at the first start; this version writes schema {SCHEMA_VERSION})"
    if found > SCHEMA_VERSION:
        return f"schema {found}, newer than this version's {SCHEMA_VERSION} ({db})"
    if found < SCHEMA_VERSION:
        return f"schema {found}, upgraded to {SCHEMA_VERSION} at the next start ({db})"
    return f"schema {found} ({db})"


def version_line() -> str:
    return f"{NAME} {version()}"


def verbose_text(qt_version: str | None = None) -> str:
    """The report of `mockinterview --version --verbose` (also copied from Help → About)."""
    from .analysis.engine import ENGINE_VERSION
    from .store import DB_NAME
    data = paths.data_dir()
    frozen = " (self-contained bundle)" if getattr(sys, "frozen", False) else ""
    qt = f", Qt {qt_version}" if qt_version else ""
    rows = [
        ("Python", f"{platform.python_version()} ({platform.python_implementation()}, {sys.platform}){frozen}"),
        ("PySide6", f"{package_version('PySide6-Essentials', 'PySide6')}{qt}"),
        ("faster-whisper", f"{package_version('faster-whisper')}, ctranslate2 {package_version('ctranslate2')}"),
        ("spaCy", f"{package_version('spacy')}, parser model {parser_model()}"),
        ("analysis engine", ENGINE_VERSION),
        ("data folder", f"{data}{'' if data.is_dir() else ' (not created yet)'}"),
        ("database", database_line(data / DB_NAME)),
        ("models folder", str(paths.models_dir())),
    ]
    width = max(len(k) for k, _ in rows)
    return "\n".join([version_line(), *(f"{k + ':':<{width + 1}} {v}" for k, v in rows)])
