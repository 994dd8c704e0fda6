import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch):
    """Every test gets its own data and config folders; nothing touches the user's."""
    monkeypatch.setenv("MOCKINTERVIEW_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("QT_QPA_PLATFORM", os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    yield


AUDIO = ROOT / "tests" / "fixtures" / "audio"


@pytest.fixture(scope="session")
def fixtures_meta():
    import json
    return json.loads((AUDIO / "fixtures.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def session_models(tmp_path_factory):
    """A model folder shared by the session, so the openai conversion happens once."""
    return tmp_path_factory.mktemp("models")


@pytest.fixture(scope="session")
def resolver(session_models):
    from mockinterview.transcribe.models import ModelResolver
    return ModelResolver(user_dir=session_models)


@pytest.fixture(scope="session")
def faster_engine(resolver):
    from mockinterview.transcribe import load_engine
    return load_engine("faster-whisper", resolver=resolver)


@pytest.fixture(scope="session")
def openai_engine(resolver):
    from mockinterview.transcribe import load_engine
    return load_engine("openai-whisper", resolver=resolver)


@pytest.fixture(scope="session")
def virtual_mic(tmp_path_factory):
    """A private PulseAudio server with a virtual microphone: what is played into the sink
    `mic` is heard on the default input. Yields the environment for paplay and the app."""
    import shutil
    import subprocess
    import time

    if not shutil.which("pulseaudio") or not shutil.which("paplay"):
        pytest.fail("pulseaudio/paplay are not installed: run packaging/setup.sh test")
    run = tmp_path_factory.mktemp("pulse")
    run.chmod(0o700)
    conf = run / "mic.pa"
    conf.write_text("load-module module-native-protocol-unix\n"
                    "load-module module-null-sink sink_name=mic\n"
                    "load-module module-remap-source source_name=virtual_mic master=mic.monitor\n"
                    "set-default-source virtual_mic\n")
    env = dict(os.environ, XDG_RUNTIME_DIR=str(run), PULSE_SERVER=f"unix:{run}/pulse/native")
    subprocess.run(["pulseaudio", "-n", "-F", str(conf), "--exit-idle-time=-1", "--daemonize=yes"],
                   env=env, check=True, capture_output=True)
    for _ in range(50):
        if subprocess.run(["pactl", "info"], env=env, capture_output=True).returncode == 0:
            break
        time.sleep(0.1)
    saved = {k: os.environ.get(k) for k in ("XDG_RUNTIME_DIR", "PULSE_SERVER")}
    os.environ.update(XDG_RUNTIME_DIR=env["XDG_RUNTIME_DIR"], PULSE_SERVER=env["PULSE_SERVER"])
    yield env
    subprocess.run(["pulseaudio", "--kill"], env=env, capture_output=True)
    for k, v in saved.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


def left_by_a_crash(store, answer_id: int) -> None:
    """Make a take look as a killed process leaves it: its owner is a process that no longer exists
    (a real one, started and finished here), so it is offered for recovery."""
    import subprocess
    import sys
    pid = int(subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                             capture_output=True, text=True, check=True).stdout)
    if hasattr(store, "db"):
        store.db.execute("UPDATE answers SET owner_pid=? WHERE id=?", (pid, answer_id))
    else:
        import sqlite3
        with sqlite3.connect(store) as c:
            c.execute("UPDATE answers SET owner_pid=? WHERE id=?", (pid, answer_id))
