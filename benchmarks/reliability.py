"""What happens when things go wrong on a real machine: one row per case, as the user meets it.

    python benchmarks/reliability.py [--fast]

Every case runs the real program (`python -m mockinterview …` in a fresh data folder, real SQLite
files damaged the way disks damage them, a real second process, kill -9, a real small filesystem
where this machine lets us mount one) and prints: the case, what happened, what data was lost,
and the first line of what the user was told. tests/test_reliability.py runs the fast cases and
fails if any row is not as it should be; --fast skips the slow ones here too.
"""
from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import signal
import sqlite3
import struct
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
AUDIO = ROOT / "tests" / "fixtures" / "audio"


@dataclass
class Row:
    case: str
    happened: str
    lost: str
    message: str
    ok: bool


def cli(*args, data: Path, stdin: str | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    env = dict(os.environ, MOCKINTERVIEW_DATA_DIR=str(data))
    return subprocess.run([sys.executable, "-m", "mockinterview", *args], capture_output=True, text=True,
                          cwd=ROOT, env=env, input=stdin, timeout=timeout)


def first_line(text: str) -> str:
    lines = [x for x in text.strip().splitlines() if x.strip()]
    line = lines[0].removeprefix("mockinterview: ") if lines else ""
    end = line.find(". ", 40)                                   # its first sentence is enough for a table
    return line[:end + 1] if end > 0 else line


def _history(data: Path, answers: int = 20) -> Path:
    from mockinterview.core.analysis import analyze
    from mockinterview.core.store import Store
    from mockinterview.core.transcript import Transcript
    db = data / "mockinterview.db"
    s = Store(db)
    sid = s.new_session()
    for i in range(answers):
        aid = s.start_answer(sid, f"q-{i}", "Tell me about a conflict. " * 10, "conflict", data / f"{i}.wav")
        t = Transcript(f"I rewrote the rota number {i}. " * 30, [], [], 30.0, "en", "faster-whisper", "tiny.en")
        s.finish_answer(aid, t, analyze(t.text))
    s.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    s.close()
    return db


def _damage(db: Path, page: int = 4) -> None:
    size = sqlite3.connect(db).execute("PRAGMA page_size").fetchone()[0]
    with open(db, "r+b") as fh:
        fh.seek(size * (page - 1) + 8)
        fh.write(os.urandom(size - 16))


def _sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


# -- the cases ------------------------------------------------------------------------------------
def filler_run(tmp: Path) -> Row:
    text = "um, " * 20 + "I fixed the build."
    (tmp / "a.txt").write_text(text)
    t = time.perf_counter()
    r = cli("analyze", str(tmp / "a.txt"), data=tmp / "d")
    s = time.perf_counter() - t
    return Row("20 fillers + a sentence (was 32 s for 16, never for 20)", f"analysed in {s:.1f} s (process)",
               "none", "(a report)", r.returncode == 0 and s < 20)


def take_owned_elsewhere(tmp: Path) -> Row:
    data = tmp / "d"
    data.mkdir()
    owner = ("import sys, time\nfrom pathlib import Path\nfrom mockinterview.core.store import Store\n"
             "s = Store(Path(sys.argv[1]))\naid = s.start_answer(s.new_session(), None, 'Q', None, Path(sys.argv[2]))\n"
             "print(aid, flush=True)\nwhile True:\n    s.heartbeat(aid); time.sleep(0.5)\n")
    import numpy as np
    import soundfile as sf
    x, rate = sf.read(str(AUDIO / "team.flac"), dtype="float32")
    sf.write(str(tmp / "take.wav"), np.asarray(x), rate, subtype="PCM_16")
    p = subprocess.Popen([sys.executable, "-c", owner, str(data / "mockinterview.db"), str(tmp / "take.wav")],
                         stdout=subprocess.PIPE, text=True, cwd=ROOT)
    aid = int(p.stdout.readline())
    try:
        busy = cli("recover", data=data)
        left_alone = "No interrupted takes" in busy.stderr
    finally:
        p.send_signal(signal.SIGKILL)
        p.wait()
    listed = "Interrupted take" in cli("history", data=data).stdout
    rec = cli("recover", "--json", data=data)
    recovered = rec.returncode == 0 and json.loads(rec.stdout)["answer_id"] == aid
    return Row("a take the terminal is still recording; then its process is killed -9",
               f"left alone while alive: {left_alone}; listed after the kill: {listed}; recovered: {recovered}",
               "none", first_line(busy.stderr), left_alone and listed and recovered)


def two_takes_same_second(tmp: Path) -> Row:
    code = "from mockinterview.core import paths\nfor _ in range(200): print(paths.new_recording('answer'))\n"
    env = dict(os.environ, MOCKINTERVIEW_DATA_DIR=str(tmp / "d"))
    procs = [subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, cwd=ROOT, env=env)
             for _ in range(2)]
    names = [n for p in procs for n in p.communicate()[0].split()]
    return Row("two takes started in the same second (2 processes × 200)", f"{len(set(names))} files for "
               f"{len(names)} takes", "none", "-", len(set(names)) == len(names) == 400)


def damaged_page(tmp: Path) -> Row:
    data = tmp / "d"
    data.mkdir()
    db = _history(data)
    _damage(db)
    before = _sha(db)
    h = cli("history", data=data)
    cli("record", "--seconds", "1", data=data)
    h2 = cli("history", data=data)
    kept = data / "mockinterview.db.damaged"
    unchanged = _sha(db) == before
    copy_once = kept.exists() and _sha(kept) == before and not (data / "mockinterview.db.damaged-2").exists()
    ok = h.returncode == 1 and h2.returncode == 1 and "Traceback" not in h.stderr + h2.stderr and unchanged and copy_once
    return Row("garbage in a data page; history, record, history", f"refused each time; file unchanged: {unchanged}; "
               f"one copy kept: {copy_once}", "none (copy kept)", first_line(h.stderr), ok)


def emptied_db(tmp: Path) -> Row:
    data = tmp / "d"
    (data / "recordings").mkdir(parents=True)
    (data / "recordings" / "answer-1.wav").write_bytes(b"RIFF")
    (data / "mockinterview.db").write_bytes(b"")
    r = cli("history", data=data)
    ok = r.returncode == 1 and (data / "mockinterview.db").stat().st_size == 0
    return Row("0-byte database beside recordings", "refused, file left as found", "none", first_line(r.stderr), ok)


@contextlib.contextmanager
def small_fs(where: Path, size: str):
    where.mkdir()
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], capture_output=True)
    if r.returncode != 0:
        yield None
        return
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def full_disk(tmp: Path) -> Row:
    from mockinterview.core.analysis import analyze
    from mockinterview.core.store import Store, StoreError
    from mockinterview.core.transcript import Transcript
    with small_fs(tmp / "fs", "600k") as fs:
        if fs is None:
            return Row("disk full while saving", "skipped: cannot mount a small filesystem here", "-", "-", True)
        s = Store(fs / "mockinterview.db")
        aid = s.start_answer(s.new_session(), None, "Q", None, fs / "x.wav")
        with contextlib.suppress(OSError):
            with open(fs / "filler", "wb") as fh:
                while True:
                    fh.write(b"\0" * 4096)
                    fh.flush()
        t = Transcript("I rebuilt the onboarding flow for new starters. " * 2000, [], [], 60.0, "en", "f", "t")
        try:
            s.finish_answer(aid, t, analyze(t.text))
            msg, ok = "saved (the disk was not full)", False
        except StoreError as exc:
            msg, ok = str(exc), True
        (fs / "filler").unlink()
        kept = s.answer(aid) is not None
        s.close()
        return Row("disk full at COMMIT while saving an answer", f"message; take kept to recover: {kept}",
                   "the analysis is not stored (shown; audio kept)", first_line(msg), ok and kept)


def read_only_folder(tmp: Path) -> Row:
    with small_fs(tmp / "fs", "2m") as fs:
        if fs is None:
            return Row("read-only data folder", "skipped: cannot mount a filesystem here", "-", "-", True)
        _history(fs, answers=3)
        if subprocess.run(["mount", "-o", "remount,ro", str(fs)], capture_output=True).returncode:
            return Row("read-only data folder", "skipped: cannot remount read-only", "-", "-", True)
        r = cli("history", data=fs)
        rows = sum(1 for line in r.stdout.splitlines() if "I rewrote" in line or "conflict" in line.lower())
        return Row("read-only data folder (history)", f"history shown read-only ({rows} rows)", "none",
                   first_line(r.stderr), r.returncode == 0 and rows == 3)


def unreadable_input(tmp: Path) -> Row:
    path = tmp / ("a" * 300) / "answer.txt"
    r = cli("analyze", str(path), data=tmp / "d")
    return Row("an input path the system cannot read (name too long; same path as permission denied)",
               "message" if "Traceback" not in r.stderr else "traceback", "none", first_line(r.stderr).replace("a" * 300, "aaa…"),
               r.returncode == 1 and "Traceback" not in r.stderr)


def uncreatable_data(tmp: Path) -> Row:
    (tmp / "file").write_text("x")
    r = cli("history", data=tmp / "file" / "data")
    return Row("a data folder that cannot be created", "message", "none", first_line(r.stderr),
               r.returncode == 1 and "cannot be created" in r.stderr)


def flipped_model_byte(tmp: Path) -> Row:
    import shutil

    from mockinterview.transcribe.models import ModelError, ModelResolver
    bundled = ModelResolver().resolve("tiny.en").path
    user = tmp / "models"
    folder = user / "mine"
    shutil.copytree(bundled, folder)
    r = ModelResolver(user_dir=user)
    r.resolve("mine")                                          # first use: remembered
    f = folder / "tokenizer.json"
    st = f.stat()
    data = bytearray(f.read_bytes())
    data[100] ^= 0x01
    f.write_bytes(bytes(data))
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns))            # the same size and mtime as before
    try:
        ModelResolver(user_dir=user).resolve("mine")
        return Row("a flipped byte in a model file, mtime restored", "accepted", "-", "-", False)
    except ModelError as exc:
        return Row("a flipped byte in a model file, mtime restored", "refused", "none", first_line(str(exc)), True)


def three_hour_wav(tmp: Path) -> Row:
    path = tmp / "three-hours.wav"
    frames = 3 * 3600 * 44_100
    with open(path, "wb") as fh:
        fh.write(b"RIFF" + struct.pack("<I", 36 + frames * 4) + b"WAVEfmt " + struct.pack("<IHHIIHH", 16, 1, 2, 44_100,
                 44_100 * 4, 4, 16) + b"data" + struct.pack("<I", frames * 4))
        fh.truncate(44 + frames * 4)
    t = time.perf_counter()
    r = cli("analyze", str(path), data=tmp / "d")
    s = time.perf_counter() - t
    return Row("a 3-hour 44.1 kHz stereo WAV (was 6.25 GB of memory)", f"refused from its header in {s:.1f} s "
               "(process)", "none", first_line(r.stderr), r.returncode == 1 and "too long" in r.stderr)


def escape_injection(tmp: Path) -> Row:
    (tmp / "a.txt").write_text("I fixed it.\x1b]0;pwned\x07 We shipped it.\x1b]52;c;SGVsbG8=\x07\x1b[2J\u202e")
    r = cli("analyze", str(tmp / "a.txt"), data=tmp / "d")
    bad = [c for c in r.stdout if c in "\x1b\x07\x9b"]
    return Row("escape sequences in an answer (title, clipboard, clear screen)", f"{len(bad)} control bytes reached "
               "the terminal", "none", "(a report, controls removed)", r.returncode == 0 and not bad)


def private_files(tmp: Path) -> Row:
    data = tmp / "d"
    (tmp / "a.txt").write_text("I rewrote the rota and cut overtime by 20%.")
    old = os.umask(0o022)
    try:
        cli("analyze", str(tmp / "a.txt"), data=data)
        cli("history", data=data)
    finally:
        os.umask(old)
    loose = [p for p in [data, *data.rglob("*")] if (p.stat().st_mode & 0o077)]
    return Row("file modes after a session (umask 022)", f"{len(loose)} file(s) readable by others", "-",
               "-", not loose)


def text_inputs(tmp: Path) -> Row:
    (tmp / "u16.txt").write_bytes("I rewrote the deck.".encode("utf-16"))
    (tmp / "emoji.txt").write_text("\u200b\u200b 🙂🙂")
    a = cli("analyze", str(tmp / "u16.txt"), data=tmp / "d")
    b = cli("analyze", str(tmp / "emoji.txt"), data=tmp / "d")
    return Row("UTF-16 text; emoji-only text", f"UTF-16 read: {a.returncode == 0}; emoji-only refused: "
               f"{b.returncode == 1}", "none", first_line(b.stderr), a.returncode == 0 and b.returncode == 1)


FAST = [filler_run, two_takes_same_second, damaged_page, emptied_db, full_disk, read_only_folder,
        unreadable_input, uncreatable_data, escape_injection, private_files, text_inputs, three_hour_wav]
SLOW = [take_owned_elsewhere, flipped_model_byte]


def run(cases) -> list[Row]:
    rows = []
    for case in cases:
        with tempfile.TemporaryDirectory(prefix="mi-rel-") as d:
            try:
                row = case(Path(d))
            except Exception as exc:                            # a case that breaks is a row too
                row = Row(case.__name__, f"the check itself failed: {exc!r}", "?", "-", False)
            row.message = row.message.replace(str(Path(d).resolve()), "…").replace(d, "…")
            rows.append(row)
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fast", action="store_true", help="skip the slow cases (the real engine, a model copy)")
    args = ap.parse_args()
    load = os.getloadavg()
    print(f"machine load {load[0]:.2f} / {load[1]:.2f} on {os.cpu_count()} cores")
    rows = run(FAST + ([] if args.fast else SLOW))
    print("| case | what happened | data lost | message | as it should be |")
    print("|---|---|---|---|---|")
    for r in rows:
        print(f"| {r.case} | {r.happened} | {r.lost} | {r.message.replace('|', '/')} | {'yes' if r.ok else 'NO'} |")
    return 0 if all(r.ok for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
