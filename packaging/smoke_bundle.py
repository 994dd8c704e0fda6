#!/usr/bin/env python3
"""Smoke test of the self-contained bundle (dist/mockinterview/, made by packaging/build.sh), as a person
would use it, on a virtual screen with a virtual microphone.

    python3 packaging/smoke_bundle.py [--app dist/mockinterview/mockinterview] [--shots DIR]

Any Python 3.11+ runs this driver (stdlib only: it reads the app's SQLite file with sqlite3); the app
itself runs with a minimal environment (`env -i` style: PATH=/usr/bin:/bin, no venv, no PYTHON*
variables), which proves the bundle needs no Python on the machine. Nothing here uses the network.

Steps, each one a pass or a fail:
1. `mockinterview --version` and `mockinterview analyze assets/examples/team-answer.txt`;
2. the window: a private PulseAudio with a virtual microphone (as tests/conftest.py's virtual_mic),
   Xvfb and openbox; the first question is chosen, Space records, a speech fixture is played into
   the microphone, Space stops; the saved answer's transcript must be close to the fixture's text;
3. screenshots of the review and of History (Ctrl+H), then Ctrl+Q must close the app cleanly.
Prints the time from launch to the window being shown. Exits 0 only when every step passed.
Needs: xvfb, openbox, xdotool, pulseaudio, pulseaudio-utils (paplay, pactl), imagemagick (import).
"""
from __future__ import annotations

import argparse
import difflib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = "team"                  # tests/fixtures/audio/fixtures.json: a 17 s answer by a synthetic voice
MIN_SIMILARITY = 0.8              # tiny.en hears a few words differently ("rewrote" -> "we wrote")
TOOLS = ("Xvfb", "openbox", "xdotool", "pulseaudio", "pactl", "paplay", "import")


class Failed(Exception):
    pass


def wait_for(what: str, check, timeout: float, step: float = 0.1):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        got = check()
        if got:
            return got
        time.sleep(step)
    raise Failed(f"timed out after {timeout:.0f} s waiting for {what}")


def minimal_env(home: Path, **extra: str) -> dict[str, str]:
    """What a desktop session gives a program, and nothing of this shell's (no venv, no PYTHONPATH)."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8",
           "XDG_CONFIG_HOME": str(home / ".config"), "XDG_DATA_HOME": str(home / ".local/share"),
           "XDG_CACHE_HOME": str(home / ".cache")}
    env.update(extra)
    return env


def start_pulse(run: Path) -> dict[str, str]:
    """A private sound server whose default input hears what is played into the sink `mic`."""
    run.mkdir(mode=0o700, parents=True, exist_ok=True)
    conf = run / "mic.pa"
    conf.write_text("load-module module-native-protocol-unix\n"
                    "load-module module-null-sink sink_name=mic\n"
                    "load-module module-remap-source source_name=virtual_mic master=mic.monitor\n"
                    "set-default-source virtual_mic\n")
    env = {"XDG_RUNTIME_DIR": str(run), "PULSE_SERVER": f"unix:{run}/pulse/native"}
    full = dict(os.environ, **env)
    subprocess.run(["pulseaudio", "-n", "-F", str(conf), "--exit-idle-time=-1", "--daemonize=yes"],
                   env=full, check=True, capture_output=True)
    wait_for("PulseAudio", lambda: subprocess.run(["pactl", "info"], env=full, capture_output=True).returncode == 0, 10)
    return env


def start_display() -> tuple[list[subprocess.Popen], str]:
    number = next(n for n in range(90, 200) if not Path(f"/tmp/.X{n}-lock").exists())
    display = f":{number}"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x860x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    env = dict(os.environ, DISPLAY=display)
    wait_for("Xvfb", lambda: subprocess.run(["xdotool", "getdisplaygeometry"], env=env,
                                            capture_output=True).returncode == 0, 10)
    # a window manager: focus and keyboard input behave as on a desktop
    wm = subprocess.Popen(["openbox"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.5)
    return [wm, xvfb], display


def xdo(display: str, *args: str) -> str:
    r = subprocess.run(["xdotool", *args], env=dict(os.environ, DISPLAY=display), capture_output=True, text=True)
    return r.stdout.strip() if r.returncode == 0 else ""


def screenshot(display: str, path: Path) -> None:
    subprocess.run(["import", "-window", "root", str(path)], env=dict(os.environ, DISPLAY=display),
                   check=True, capture_output=True)


def transcript_text(raw: str | None) -> str:
    return (json.loads(raw) or {}).get("text", "") if raw else ""


def answers(db: Path) -> list[sqlite3.Row]:
    if not db.exists():
        return []
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=2) as c:
            c.row_factory = sqlite3.Row
            return c.execute("SELECT id, status, transcript_stage, transcript_json, verdict FROM answers").fetchall()
    except sqlite3.OperationalError:          # the app is creating or migrating the file
        return []


def similarity(a: str, b: str) -> float:
    words = lambda s: "".join(ch.lower() if ch.isalnum() or ch.isspace() else " " for ch in s).split()
    return difflib.SequenceMatcher(None, words(a), words(b)).ratio()


def check_cli(app: Path, env: dict[str, str]) -> None:
    r = subprocess.run([str(app), "--version"], env=env, capture_output=True, text=True, timeout=60)
    if r.returncode != 0 or not r.stdout.startswith("mockinterview "):
        raise Failed(f"--version: exit {r.returncode}, {r.stdout!r} {r.stderr[-500:]!r}")
    print(f"ok   --version: {r.stdout.strip()}")
    example = ROOT / "assets" / "examples" / "team-answer.txt"
    r = subprocess.run([str(app), "analyze", "--json", str(example)], env=env, capture_output=True, text=True,
                       timeout=120)
    if r.returncode != 0:
        raise Failed(f"analyze: exit {r.returncode}: {r.stderr[-800:]}")
    result = json.loads(r.stdout)
    agents = {s["agent"] for s in result["sentences"]}
    if "team" not in agents:
        raise Failed(f"analyze: the team example has no 'team' sentence: {sorted(agents)}")
    print(f"ok   analyze {example.name}: {len(result['sentences'])} sentences, agents {sorted(agents)}")


def run_window(app: Path, env: dict[str, str], display: str, data: Path, shots: Path) -> float:
    fixtures = json.loads((ROOT / "tests/fixtures/audio/fixtures.json").read_text())
    fixture = fixtures[FIXTURE]
    db = data / "mockinterview.db"
    log = open(data.parent / "app.log", "w")
    t0 = time.monotonic()
    proc = subprocess.Popen([str(app)], env=dict(env, DISPLAY=display), stdout=log, stderr=subprocess.STDOUT)
    try:
        win = wait_for("the window", lambda: xdo(display, "search", "--onlyvisible", "--name", "^mockinterview$"),
                       60, 0.05).split()[0]
        shown = time.monotonic() - t0
        print(f"ok   window shown {shown:.2f} s after launch")
        xdo(display, "windowactivate", "--sync", win)
        xdo(display, "windowfocus", "--sync", win)
        time.sleep(1.0)
        xdo(display, "key", "--window", win, "Down")          # the questions have the focus: choose the first
        # Space before the speech model has loaded does nothing: try again until a take has started
        for _ in range(20):
            xdo(display, "key", "--window", win, "space")
            try:
                wait_for("a take to start", lambda: any(r["status"] == "recording" for r in answers(db)), 3)
                break
            except Failed:
                if proc.poll() is not None:
                    raise Failed(f"the app exited with {proc.returncode} (see {log.name})")
        else:
            raise Failed("Space did not start recording (no take in the database)")
        print("ok   recording started (Space)")
        time.sleep(1.0)
        pa_env = dict(os.environ, **{k: env[k] for k in ("XDG_RUNTIME_DIR", "PULSE_SERVER")})
        subprocess.run(["paplay", "--device=mic", str(ROOT / "tests/fixtures/audio" / fixture["file"])],
                       env=pa_env, check=True, timeout=120)
        time.sleep(1.0)
        xdo(display, "key", "--window", win, "space")
        row = wait_for("the answer to be saved", lambda: next(
            (r for r in answers(db) if r["status"] == "done" and r["transcript_stage"] == "final"), None), 120, 0.5)
        heard = transcript_text(row["transcript_json"])
        score = similarity(heard, fixture["text"])
        print(f"     heard: {heard}")
        if score < MIN_SIMILARITY:
            raise Failed(f"the saved transcript is {score:.2f} similar to the fixture's text (< {MIN_SIMILARITY})")
        print(f"ok   answer saved (verdict {row['verdict']}), transcript {score:.2f} similar to the spoken text")
        time.sleep(2.0)                                       # the review draws its highlights
        screenshot(display, shots / "bundle-review.png")
        xdo(display, "key", "--window", win, "ctrl+h")
        time.sleep(2.0)
        screenshot(display, shots / "bundle-history.png")
        print(f"ok   screenshots: {shots / 'bundle-review.png'}, {shots / 'bundle-history.png'}")
        xdo(display, "key", "--window", win, "ctrl+q")
        code = proc.wait(30)
        if code != 0:
            raise Failed(f"the app exited with {code} after Ctrl+Q (see {log.name})")
        print("ok   Ctrl+Q closed the app (exit 0)")
        return shown
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        log.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--app", type=Path, default=ROOT / "dist" / "mockinterview" / "mockinterview")
    ap.add_argument("--shots", type=Path, default=ROOT / "build" / "smoke")
    args = ap.parse_args()
    missing = [t for t in TOOLS if not shutil.which(t)]
    if missing:
        print(f"smoke: missing tools: {' '.join(missing)} (Debian: apt install xvfb openbox xdotool pulseaudio "
              "pulseaudio-utils imagemagick)", file=sys.stderr)
        return 2
    if not os.access(args.app, os.X_OK):
        print(f"smoke: {args.app} is not there; build it with packaging/build.sh", file=sys.stderr)
        return 2
    args.shots.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="mockinterview-smoke-"))
    home, data = tmp / "home", tmp / "data"
    home.mkdir()
    data.mkdir(mode=0o700)
    # the first-start welcome is a modal dialog: seen already, so the keys reach the practice view
    (data / "settings.json").write_text(json.dumps({"welcome_shown": True}))
    pulse_env = start_pulse(tmp / "run")
    env = minimal_env(home, MOCKINTERVIEW_DATA_DIR=str(data), **pulse_env)
    procs: list[subprocess.Popen] = []
    try:
        check_cli(args.app, env)
        procs, display = start_display()
        run_window(args.app, env, display, data, args.shots)
    except (Failed, subprocess.SubprocessError, OSError) as exc:
        print(f"FAIL {exc}", file=sys.stderr)
        print(f"smoke: app log: {tmp / 'app.log'}", file=sys.stderr)
        return 1
    finally:
        for p in procs:
            p.terminate()
            p.wait(10)
        subprocess.run(["pulseaudio", "--kill"], env=dict(os.environ, **pulse_env), capture_output=True)
    print("smoke: PASS")
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
