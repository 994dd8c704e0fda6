"""Workers deliver the exception object itself: a user error as it is (its type decides, not its text),
anything else with the traceback to show (issue 11: the window matched 'no speech detected' by text)."""
from mockinterview.core.reanalysis import NoSpeech
from mockinterview.core.textinput import InputError
from mockinterview.ui.workers import Jobs, explain


def _fail(qtbot, exc, user_errors):
    jobs, got = Jobs(), []

    def boom():
        raise exc
    jobs.start(boom, lambda _r: None, lambda e, d: got.append((e, d)), user_errors)
    qtbot.waitUntil(lambda: bool(got), timeout=5_000)
    jobs.wait_all()
    return got[0]


def test_a_user_error_arrives_as_its_own_exception_without_details(qtbot):
    exc = InputError("that file is a directory")
    error, details = _fail(qtbot, exc, (InputError,))
    assert error is exc and details == "" and explain(error, details) == "that file is a directory"


def test_an_unexpected_error_arrives_with_its_traceback(qtbot):
    error, details = _fail(qtbot, KeyError("x"), (InputError,))
    assert isinstance(error, KeyError) and "Traceback" in details and "boom" in details
    assert explain(error, details).startswith("Something went wrong")


def test_no_speech_is_told_by_its_type_whatever_its_words(qtbot):
    """The recording controller's failure path: NoSpeech gets the plain explanation even if its text changes."""
    from unittest.mock import MagicMock

    from mockinterview.ui.recording_controller import NO_SPEECH, RecordingController
    view, told = MagicMock(), []
    rc = RecordingController(lambda: None, lambda: object(), lambda: None, lambda: None, view, Jobs(), lambda: None,
                             (), ask=lambda *a: True, tell=lambda title, text, details="": told.append(text))
    error, details = _fail(qtbot, NoSpeech("silence only (reworded)"), (NoSpeech,))
    rc.failed(error, details)
    assert told == [NO_SPEECH]
    rc.failed(InputError("no speech detected"), "")       # the old text on another type is not NoSpeech
    assert told[-1] == "no speech detected"


def test_after_close_no_work_starts(qtbot):
    """Quitting right after the speech model loaded aborted the app ("QThread: Destroyed while thread
    is still running"): the model's queued result started the parser's load after the window had
    waited for its workers. After close() nothing starts."""
    jobs = Jobs()
    ran = []
    jobs.close()
    assert jobs.start(lambda: ran.append(1), lambda _r: None, lambda *_: None) is None
    qtbot.wait(50)
    assert not ran and not jobs.busy


def test_quitting_while_the_speech_model_loads_exits_cleanly(tmp_path):
    """The real app, closed at several moments of its start (before, during and after the model and
    the parser load): it always exits 0, never aborts."""
    import os
    import subprocess
    import sys
    script = tmp_path / "quit.py"
    script.write_text(
        "import sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from mockinterview.ui.app import build_window\n"
        "w = build_window(); w.show()\n"
        "QTimer.singleShot(int(sys.argv[1]), w.close)\n"
        "QTimer.singleShot(int(sys.argv[1]) + 10, app.quit)\n"
        "app.exec()\n", encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MOCKINTERVIEW_DATA_DIR=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    for delay in (0, 50, 50, 50, 150, 400, 800):
        r = subprocess.run([sys.executable, str(script), str(delay)], env=env, capture_output=True, text=True,
                           timeout=120)
        assert r.returncode == 0, (delay, r.stderr[-2000:])
        assert "Destroyed while thread" not in r.stderr, delay
