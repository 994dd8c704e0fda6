"""Private by default: folders 0700 and files 0600 after real sessions, whatever the umask was; and
recording files are never shared between two takes started at once."""
import os
import stat
import subprocess
import sys

from mockinterview.core import paths

from .conftest import ROOT


def _mode(p):
    return stat.S_IMODE(p.stat().st_mode)


def _cli(*args, env=None):
    return subprocess.run([sys.executable, "-m", "mockinterview", *args], capture_output=True, text=True,
                          cwd=ROOT, env=env or os.environ)


def test_a_session_leaves_only_private_files(tmp_path):
    data = tmp_path / "data"
    (data / "recordings").mkdir(parents=True, mode=0o755)
    data.chmod(0o755)
    old = data / "recordings" / "answer-old.wav"              # left readable by an earlier version
    old.write_bytes(b"RIFF")
    old.chmod(0o644)
    (data / "mockinterview.log").write_text("x")
    (data / "mockinterview.log").chmod(0o644)
    answer = tmp_path / "answer.txt"
    answer.write_text("I rewrote the rota and cut overtime by 20%. We shipped it in May.")
    env = dict(os.environ, MOCKINTERVIEW_DATA_DIR=str(data))
    assert _cli("analyze", str(answer), env=env).returncode == 0
    assert _cli("history", env=env).returncode == 0           # creates the database, WAL and SHM
    files = [p for p in data.rglob("*") if p.is_file()]
    assert any(p.name == "mockinterview.db" for p in files)
    for folder in (data, data / "recordings"):
        assert _mode(folder) == 0o700, folder
    for f in files:
        assert _mode(f) & 0o077 == 0, f"{f} is {oct(_mode(f))}"


def test_settings_are_private(tmp_path):
    env = dict(os.environ, MOCKINTERVIEW_DATA_DIR=str(tmp_path / "data"))
    code = ("import os; os.umask(0o022); from mockinterview.cli import main; "
            "from mockinterview.core import settings; main(['questions']); "
            "p, _ = settings.load(); settings.save(p)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env)
    assert r.returncode == 0, r.stderr
    saved = tmp_path / "data" / "settings.json"
    assert saved.exists() and _mode(saved) & 0o077 == 0


def test_two_takes_started_at_once_never_share_a_file(tmp_path):
    env = dict(os.environ, MOCKINTERVIEW_DATA_DIR=str(tmp_path / "data"))
    code = ("from mockinterview.core import paths\n"
            "for _ in range(300): print(paths.new_recording('conflict-01'))\n")
    procs = [subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, cwd=ROOT, env=env)
             for _ in range(2)]
    names = [line for p in procs for line in p.communicate()[0].split()]
    assert len(names) == 600 and len(set(names)) == 600
    assert all(_mode(p) == 0o600 for p in (tmp_path / "data" / "recordings").iterdir())


def test_a_recording_name_keeps_the_question_and_is_safe(tmp_path, monkeypatch):
    monkeypatch.setenv("MOCKINTERVIEW_DATA_DIR", str(tmp_path / "d"))
    p = paths.new_recording("my/../question 7")
    assert p.parent == tmp_path / "d" / "recordings" and p.name.startswith("my----question-7-")
