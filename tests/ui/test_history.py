"""History: read in a worker from columns only, a stale reading dropped, refreshed by the store-changed
signal (at once if shown, else when next shown), session averages over first takes, a When column that
fits the local time, and trend labels that read at 4.5:1 in light and dark (issue 11)."""
import threading

import pytest
from PySide6.QtGui import QColor, QPalette

from mockinterview.core.analysis import analyze
from mockinterview.core.local_time import when
from mockinterview.core.store import Store
from mockinterview.core.transcript import Transcript
from mockinterview.ui.history_controller import HistoryController
from mockinterview.ui.history_view import HistoryView, TrendLine
from mockinterview.ui.store_events import StoreEvents
from mockinterview.ui.workers import Jobs

from .test_contrast import contrast

OWN = "I rewrote the rota myself and I cut overtime by 20%."
TEAM = "We planned it and the team shipped it."
PALETTES = {"light": QPalette(QColor("#efefef")), "dark": QPalette(QColor("#353535"), QColor("#2b2b2b"))}


def _answer(store, session, question_id, text, competency="teamwork"):
    aid = store.start_answer(session, question_id, f"Question {question_id}", competency, None)
    store.finish_answer(aid, Transcript(text, [], [], 20.0, "en", "faster-whisper", "tiny.en"), analyze(text))
    return aid


@pytest.fixture
def history(qtbot, tmp_path):
    store = Store(tmp_path / "m.db")
    view = HistoryView(["conflict", "teamwork"])
    qtbot.addWidget(view)
    events, jobs, shown = StoreEvents(), Jobs(), {"on": True}
    asked = []
    controller = HistoryController(lambda: store, jobs, view, events, (), lambda t, x: (asked.append(t), True)[1],
                                   lambda: shown["on"])
    yield store, view, events, controller, shown, asked
    jobs.wait_all()


def _read(qtbot, controller):
    qtbot.waitUntil(lambda: not controller.reading, timeout=10_000)


def test_rows_are_read_in_a_worker_and_session_averages_count_first_takes(qtbot, history, monkeypatch):
    store, view, events, controller, shown, _ = history
    s = store.new_session("Practice set: teamwork")
    first = _answer(store, s, "teamwork-01", TEAM)
    retake = _answer(store, s, "teamwork-01", OWN)
    other = _answer(store, s, "teamwork-02", OWN)
    threads, real = [], store.history_rows
    monkeypatch.setattr(store, "history_rows", lambda *a: (threads.append(threading.current_thread()), real(*a))[1])
    controller.showing()
    _read(qtbot, controller)
    assert threads and threads[0] is not threading.main_thread()
    session = view.tree.topLevelItem(0)
    expected = (store.answer(first).score + store.answer(other).score) / 2
    assert session.text(3) == f"{expected:.1f}" and session.childCount() == 3
    assert "first take of each question (2 questions)" in session.toolTip(3)
    assert "first take" in view.tree.headerItem().toolTip(3)
    takes = {session.child(i).data(0, 0x0100)[1]: session.child(i) for i in range(3)}
    assert "retake" in takes[retake].toolTip(3).lower() and takes[first].toolTip(3) == ""


def test_the_store_changed_signal_refreshes_history_if_shown_else_marks_it_stale(qtbot, history, monkeypatch):
    store, view, events, controller, shown, asked = history
    a = _answer(store, store.new_session(), "teamwork-01", TEAM)
    controller.showing()
    _read(qtbot, controller)
    assert view.tree.topLevelItemCount() == 1
    reads, real = [], store.history_rows
    monkeypatch.setattr(store, "history_rows", lambda *a: (reads.append(1), real(*a))[1])
    controller.showing()                                   # nothing changed: nothing read again
    assert reads == [] and not controller.reading
    _answer(store, store.new_session(), "teamwork-02", OWN)
    events.changed.emit()                                  # shown: read again at once
    _read(qtbot, controller)
    assert len(reads) == 1 and view.tree.topLevelItemCount() == 2
    shown["on"] = False
    view.tree.setCurrentItem(view.tree.topLevelItem(1).child(0))
    view.delete_button.click()                             # the controller deletes and says the store changed
    assert asked == ["Delete this answer?"] and store.answer(a) is None
    assert len(reads) == 1 and controller.data.stale and view.tree.topLevelItemCount() == 2   # hidden: not read
    shown["on"] = True
    controller.showing()
    _read(qtbot, controller)
    assert len(reads) == 2 and view.tree.topLevelItemCount() == 1


def test_another_process_saving_is_noticed_when_history_is_shown_again(qtbot, history, tmp_path):
    store, view, events, controller, shown, _ = history
    controller.showing()
    _read(qtbot, controller)
    terminal = Store(tmp_path / "m.db")                    # e.g. `mockinterview record` in a terminal
    _answer(terminal, terminal.new_session(), "teamwork-01", OWN)
    controller.showing()
    _read(qtbot, controller)
    assert view.tree.topLevelItemCount() == 1


def test_a_reading_overtaken_by_a_newer_one_is_dropped(qtbot, history, monkeypatch):
    store, view, events, controller, shown, _ = history
    _answer(store, store.new_session(), "teamwork-01", TEAM)
    _answer(store, store.new_session(), "conflict-01", OWN, competency="conflict")
    gate, real = threading.Event(), store.history_rows
    monkeypatch.setattr(store, "history_rows",
                        lambda competency=None: (gate.wait(10) if competency is None else None, real(competency))[1])
    controller.showing()                                   # all competencies: held back by the gate
    view.filter.setCurrentIndex(view.filter.findData("conflict"))      # a newer reading overtakes it
    qtbot.waitUntil(lambda: view.tree.topLevelItemCount() == 1, timeout=10_000)
    gate.set()
    _read(qtbot, controller)
    qtbot.wait(200)                                        # the old reading has arrived by now, and was dropped
    assert view.tree.topLevelItemCount() == 1 and view.tree.topLevelItem(0).child(0).text(1) == "Question conflict-01"


def test_the_when_column_fits_the_local_date_and_time(qtbot, history):
    store, view, events, controller, shown, _ = history
    _answer(store, store.new_session("Practice set: teamwork"), "teamwork-01", TEAM)
    controller.showing()
    _read(qtbot, controller)
    fm, tree = view.tree.fontMetrics(), view.tree
    session = tree.topLevelItem(0)
    for item, depth in ((session, 0), (session.child(0), 1)):
        needed = fm.horizontalAdvance(item.text(0)) + (depth + 1) * tree.indentation()
        assert tree.columnWidth(0) >= needed, (item.text(0), tree.columnWidth(0), needed)
    longest = max((when(f"2025-{m:02d}-{d:02d}T12:00:00+00:00") for m in range(1, 13) for d in range(22, 29)),
                  key=fm.horizontalAdvance)                 # every day and month name, two-digit days
    assert tree.columnWidth(0) >= fm.horizontalAdvance(longest) + 2 * tree.indentation()


@pytest.mark.parametrize("name", ["light", "dark"])
def test_the_trend_axis_labels_read_at_4_5_to_1(qtbot, name):
    trend = TrendLine()
    qtbot.addWidget(trend)
    trend.setPalette(PALETTES[name])
    behind = trend.palette().color(QPalette.Window).name()          # the trend draws on the window
    label = trend.label_colour().name()
    assert contrast(label, behind) >= 4.5, f"{name}: {label} on {behind} is {contrast(label, behind):.2f}:1"
    # the grid lines' grey, which the labels used to be drawn in, does not read
    assert contrast(trend.palette().color(QPalette.Mid).name(), behind) < 4.5
