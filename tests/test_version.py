"""Issue 12 item 7: one version number (pyproject.toml's) everywhere, and `--version --verbose`
reports what the app runs on and the data folder's schema without creating or changing anything."""
import sqlite3
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def pyproject_version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mockinterview", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=60)


def test_the_package_version_is_pyprojects():
    import mockinterview
    from mockinterview.core.resources import version
    assert mockinterview.__version__ == version() == pyproject_version()


def test_the_installed_metadata_agrees_with_pyproject():
    """The venv's install of this project (editable) must not lag behind a version bump."""
    import importlib.metadata
    assert importlib.metadata.version("mockinterview") == pyproject_version()


def test_version_prints_the_name_and_the_one_version():
    r = cli("--version")
    assert r.returncode == 0 and r.stdout == f"mockinterview {pyproject_version()}\n", r.stdout + r.stderr


def test_verbose_version_names_what_the_app_runs_on_and_creates_no_data_folder(tmp_path):
    import importlib.metadata
    from mockinterview.core.analysis.engine import ENGINE_VERSION
    from mockinterview.core.store import SCHEMA_VERSION
    r = cli("--version", "--verbose")
    assert r.returncode == 0, r.stderr
    text = r.stdout
    assert text.startswith(f"mockinterview {pyproject_version()}\n")
    for needle in (f"Python:          {sys.version.split()[0]}", f"PySide6:         "
                   f"{importlib.metadata.version('PySide6-Essentials')}, Qt ",
                   f"ctranslate2 {importlib.metadata.version('ctranslate2')}",
                   f"spaCy:           {importlib.metadata.version('spacy')}, parser model en_core_web_sm",
                   f"analysis engine: {ENGINE_VERSION}", f"data folder:     {tmp_path / 'data'} (not created yet)",
                   "database:        none yet", f"writes schema {SCHEMA_VERSION}",
                   f"models folder:   {tmp_path / 'data' / 'models'}"):
        assert needle in text, (needle, text)
    assert not (tmp_path / "data").exists()


def test_verbose_version_reads_the_schema_and_changes_nothing(tmp_path):
    from mockinterview.core.store import SCHEMA_VERSION, open_default
    store = open_default()
    store.close()
    db = tmp_path / "data" / "mockinterview.db"
    before = {p.name: p.read_bytes() for p in db.parent.iterdir() if p.is_file()}
    r = cli("--version", "--verbose")
    assert f"database:        schema {SCHEMA_VERSION} ({db})" in r.stdout, r.stdout
    assert {p.name: p.read_bytes() for p in db.parent.iterdir() if p.is_file()} == before


@pytest.mark.parametrize("found, says", [(+1, "newer than this version's"), (-1, "upgraded to")])
def test_verbose_version_tells_an_older_or_newer_schema_without_migrating_it(tmp_path, found, says):
    from mockinterview.core.about import database_line
    from mockinterview.core.store import SCHEMA_VERSION
    db = tmp_path / "other.db"
    con = sqlite3.connect(db)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + found}")
    con.close()
    assert says in database_line(db)
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + found
    assert con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0      # no tables made
    con.close()


def test_a_file_that_is_not_a_database_is_said_not_raised(tmp_path):
    from mockinterview.core.about import database_line
    bad = tmp_path / "mockinterview.db"
    bad.write_bytes(b"not a database at all, just some bytes" * 50)
    assert "cannot be read" in database_line(bad)
    assert bad.read_bytes().startswith(b"not a database")


def test_the_verbose_report_imports_no_engine_and_no_spacy():
    """Kept fast: versions come from metadata; spaCy alone takes a second to import."""
    code = ("import sys; from mockinterview.core.about import verbose_text; verbose_text(); "
            "bad = [m for m in ('spacy', 'faster_whisper', 'ctranslate2', 'PySide6', 'sounddevice', 'torch') "
            "if m in sys.modules]; print(bad); raise SystemExit(1 if bad else 0)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stdout + r.stderr


def test_verbose_alone_is_refused():
    r = cli("--verbose")
    assert r.returncode == 2 and "--verbose goes with --version" in r.stderr


def test_the_about_description_is_pyprojects():
    from mockinterview.core.about import DESCRIPTION
    assert DESCRIPTION == tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["description"]


def test_the_schema_is_read_while_the_app_has_the_database_open(tmp_path):
    from mockinterview.core.about import database_line
    from mockinterview.core.store import SCHEMA_VERSION, open_default
    store = open_default()
    try:
        store.new_session()                       # something in the write-ahead log
        assert database_line(store.path) == f"schema {SCHEMA_VERSION} ({store.path})"
    finally:
        store.close()
