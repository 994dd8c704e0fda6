"""Takes are owned: a take another process is still recording is never offered for recovery, in
the terminal or the window; once its process is killed it is, and `mockinterview recover` turns it
into an answer. Two real processes, a real kill -9, the real engine."""
import json
import os
import signal
import subprocess
import sys

import numpy as np
import soundfile as sf

from mockinterview.core.store import Store

from .conftest import AUDIO, ROOT

OWNER = """
import sys, time
from pathlib import Path
from mockinterview.core.store import Store
s = Store(Path(sys.argv[1]))
aid = s.start_answer(s.new_session(), "conflict-01", "Tell me about a time you disagreed with your manager.",
                     "conflict", Path(sys.argv[2]))
print(aid, flush=True)
while True:                       # recording: the heartbeat a Rehearsal writes
    s.heartbeat(aid)
    time.sleep(0.5)
"""


def _cli(*args, env):
    return subprocess.run([sys.executable, "-m", "mockinterview", *args], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=300)


def start_owner(data, wav):
    data.mkdir(parents=True, exist_ok=True)
    x, rate = sf.read(str(AUDIO / "team.flac"), dtype="float32")
    sf.write(str(wav), np.asarray(x), rate, subtype="PCM_16")
    proc = subprocess.Popen([sys.executable, "-c", OWNER, str(data / "mockinterview.db"), str(wav)],
                            stdout=subprocess.PIPE, text=True, cwd=ROOT)
    return proc, int(proc.stdout.readline())


def test_a_take_recorded_elsewhere_is_left_alone_until_its_owner_is_killed(tmp_path):
    data = tmp_path / "data"
    env = dict(os.environ, MOCKINTERVIEW_DATA_DIR=str(data))
    proc, aid = start_owner(data, tmp_path / "take.wav")
    try:
        store = Store(data / "mockinterview.db")
        assert store.unfinished() == []
        assert store.recording_elsewhere() == 1
        r = _cli("history", env=env)
        assert "Interrupted" not in r.stdout and r.returncode == 0
        r = _cli("recover", env=env)
        assert "No interrupted takes" in r.stderr and store.answer(aid).status == "recording"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert [r.id for r in store.unfinished()] == [aid]
    r = _cli("history", env=env)
    assert "Interrupted take" in r.stdout and "mockinterview recover" in r.stdout
    r = _cli("recover", "--json", env=env)
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["answer_id"] == aid and d["ownership"]["verdict"]
    assert store.answer(aid).status == "done" and store.unfinished() == []


def test_a_stale_heartbeat_from_another_machine_makes_a_take_orphaned(tmp_path):
    s = Store(tmp_path / "m.db")
    aid = s.start_answer(s.new_session(), None, "Q", None, tmp_path / "a.wav")
    s.db.execute("UPDATE answers SET owner_host='another-laptop', owner_pid=1 WHERE id=?", (aid,))
    assert s.unfinished() == []                              # it said it was alive a moment ago
    s.db.execute("UPDATE answers SET heartbeat_at='2020-01-01T00:00:00+00:00' WHERE id=?", (aid,))
    assert [r.id for r in s.unfinished()] == [aid]
