"""`mockinterview export`, `backup` and `restore` as a user runs them, on a real store in the test's
data folder: the files they write, the files they refuse to replace, and the backups they refuse."""
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from mockinterview.core import paths
from mockinterview.core.store import DB_NAME, Store

from .conftest import ROOT
from .core.test_backup import make_data, snapshot


def run(*args):
    return subprocess.run([sys.executable, "-m", "mockinterview", *args], capture_output=True, cwd=ROOT,
                          env=dict(os.environ))


@pytest.fixture
def data():
    s = make_data(paths.data_dir())
    ids = [r.id for r in s.answers()]
    sid = s.answers()[0].session_id
    s.close()
    return ids, sid


def test_export_an_answer_as_markdown_to_the_terminal_and_to_a_file(data, tmp_path):
    ids, _ = data
    r = run("export", str(ids[0]))
    assert r.returncode == 0, r.stderr
    out = r.stdout.decode()
    assert out.startswith("# Question a") and "**Verdict:** Individual" in out and "## Delivery" in out
    target = tmp_path / "a.md"
    r = run("export", str(ids[0]), "-o", str(target))
    assert r.returncode == 0 and target.read_text(encoding="utf-8") == out


def test_export_refuses_to_overwrite_without_force(data, tmp_path):
    ids, sid = data
    target = tmp_path / "s.md"
    target.write_text("mine")
    r = run("export", "--session", str(sid), "-o", str(target))
    assert r.returncode == 1 and b"already exists" in r.stderr and target.read_text() == "mine"
    r = run("export", "--session", str(sid), "-o", str(target), "--force")
    assert r.returncode == 0 and target.read_text(encoding="utf-8").startswith("# Practice set")


def test_export_history_csv_and_json_and_a_date_range(data, tmp_path):
    ids, _ = data
    r = run("export", "--format", "json")
    d = json.loads(r.stdout)
    assert r.returncode == 0 and sorted(a["id"] for a in d["answers"]) == sorted(ids)
    r = run("export", "-o", str(tmp_path / "h.csv"))
    assert r.returncode == 0 and (tmp_path / "h.csv").read_text(encoding="utf-8").startswith("id,session_id,")
    r = run("export", "--from", "2000-01-01", "--to", "2000-01-31", "--format", "json")
    assert r.returncode == 0 and json.loads(r.stdout)["answers"] == []


@pytest.mark.parametrize("args, why, code", [
    (["999"], "no analysed answer 999", 1),
    (["--session", "999"], "no session 999", 1),
    (["--from", "yesterday"], "is not a date", 1),
    (["--from", "2025-02-01", "--to", "2025-01-01"], "is after", 1),
    (["1", "--session", "1"], "not several", 2),
    (["1", "--format", "pdf"], "needs a file", 2),
])
def test_export_errors_are_one_clear_line(data, args, why, code):
    r = run("export", *args)
    err = r.stderr.decode()
    assert r.returncode == code and why in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_export_a_pdf_from_the_terminal(data, tmp_path):
    _ids, sid = data
    target = tmp_path / "s.pdf"
    env_free = run("export", "--session", str(sid), "-o", str(target))
    assert env_free.returncode == 0, env_free.stderr
    assert target.read_bytes().startswith(b"%PDF-") and b"%%EOF" in target.read_bytes()[-64:]


def test_backup_and_restore_from_the_terminal(data, tmp_path):
    zip_path = tmp_path / "b.zip"
    r = run("backup", str(zip_path))
    assert r.returncode == 0 and b"2 answers and 2 recordings" in r.stdout
    r = run("backup", str(zip_path))
    assert r.returncode == 1 and b"already exists" in r.stderr
    r = run("restore", "--check", str(zip_path))
    assert r.returncode == 0 and b"a sound backup of 2 answers" in r.stdout
    before = snapshot(paths.data_dir())
    r = run("restore", str(zip_path))                       # the folder holds data: refused
    assert r.returncode == 1 and b"--force" in r.stderr and snapshot(paths.data_dir()) == before
    r = run("restore", "--force", str(zip_path))
    assert r.returncode == 0, r.stderr
    kept = Path(r.stdout.decode().split("kept in ")[1].splitlines()[0])
    assert kept.is_file() and zipfile.is_zipfile(kept)
    assert len(Store(paths.data_dir() / DB_NAME).answers()) == 2


def test_restore_refuses_a_damaged_backup_and_changes_nothing(data, tmp_path):
    zip_path = tmp_path / "b.zip"
    assert run("backup", str(zip_path)).returncode == 0
    raw = bytearray(zip_path.read_bytes())
    at = raw.find(b"RIFFa0")
    raw[at:at + 4] = b"XXXX"                                 # a flipped recording: its CRC and hash fail
    bad = tmp_path / "bad.zip"
    bad.write_bytes(bytes(raw))
    before = snapshot(paths.data_dir())
    r = run("restore", "--force", str(bad))
    assert r.returncode == 1 and b"damaged" in r.stderr and b"Traceback" not in r.stderr
    assert snapshot(paths.data_dir()) == before


def test_a_piped_export_is_the_same_file_as_one_written_with_o(data, tmp_path):
    """`export --format csv > f.csv` went through the terminal's cleaning (CRLF became LF)."""
    piped = run("export", "--format", "csv")
    assert piped.returncode == 0
    written = run("export", "--format", "csv", "-o", str(tmp_path / "h.csv"))
    assert written.returncode == 0
    assert piped.stdout == (tmp_path / "h.csv").read_bytes() and b"\r\n" in piped.stdout


def test_an_answer_whose_stored_analysis_cannot_be_read_is_left_out_not_fatal(data, tmp_path):
    """One damaged row stopped the whole history export with a traceback."""
    ids, _ = data
    s = Store(paths.data_dir() / DB_NAME)
    s.db.execute("UPDATE answers SET analysis_json='{\"schema\": \"x\"}' WHERE id=?", (ids[0],))
    s.db.commit()
    s.close()
    r = run("export", "--format", "json", "-o", str(tmp_path / "h.json"))
    assert r.returncode == 0, r.stderr
    exported = json.loads((tmp_path / "h.json").read_text())["answers"]
    assert [a["id"] for a in exported] == ids[1:]


def test_a_terminal_restore_refuses_while_the_app_has_the_folder_open(data, tmp_path):
    """`restore --force` swapped the database from under a running window: what it saved next
    went to deleted files. While a store is open on the folder (here, in this process, as the
    window would hold it) the restore is refused and nothing changes."""
    zip_path = tmp_path / "b.zip"
    assert run("backup", str(zip_path)).returncode == 0
    open_store = Store(paths.data_dir() / DB_NAME)
    before = snapshot(paths.data_dir())
    r = run("restore", "--force", str(zip_path))
    assert r.returncode == 1 and b"close it first" in r.stderr
    assert snapshot(paths.data_dir()) == before
    open_store.close()
    assert run("restore", "--force", str(zip_path)).returncode == 0
