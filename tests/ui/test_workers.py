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
