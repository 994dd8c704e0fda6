"""The Progress screen: figures read off the GUI thread, the chosen series drawn with its target
band, values in the accessible description, and the words about last week."""
import threading
from datetime import datetime, timedelta, timezone

from PySide6.QtCore import Qt

from mockinterview.core.analysis import analyze
from mockinterview.core.store import Store
from mockinterview.core.transcript import Transcript
from mockinterview.ui.progress_controller import ProgressController
from mockinterview.ui.progress_view import ProgressView
from mockinterview.ui.workers import Jobs


def _store(tmp_path, n=12):
    s = Store(tmp_path / "m.db")
    start = datetime.now(timezone.utc) - timedelta(days=n)
    texts = ["We planned it and the team shipped it.", "I rewrote the rota myself and cut overtime by 20%."]
    for i in range(n):
        text = texts[i * 2 // n]                          # team answers first, then own ones
        aid = s.start_answer(s.new_session(), f"q{i}", "Q", "teamwork" if i % 2 else "conflict", None)
        s.finish_answer(aid, Transcript(text, [], [], 20.0, "en", "faster-whisper", "tiny.en"), analyze(text))
        s.db.execute("UPDATE answers SET created_at=? WHERE id=?",
                     ((start + timedelta(days=i)).isoformat(timespec="seconds"), aid))
    return s


def test_progress_is_read_in_a_worker_and_drawn_with_values_for_a_screen_reader(qtbot, tmp_path, monkeypatch):
    store = _store(tmp_path)
    threads = []
    real = store.progress_rows
    monkeypatch.setattr(store, "progress_rows", lambda *a: (threads.append(threading.current_thread()), real(*a))[1])
    jobs = Jobs()
    view = ProgressView(["conflict", "teamwork"])
    qtbot.addWidget(view)
    failures = []
    controller = ProgressController(lambda: store, jobs, view, (), lambda e, d: failures.append(e))
    view.by.setCurrentIndex(view.by.findData("day"))
    controller.refresh()
    qtbot.waitUntil(lambda: bool(view.points), timeout=10_000)
    assert threads and threads[-1] is not threading.main_thread() and not failures
    assert len(view.points) == 12 and view.points[0].value < view.points[-1].value     # the score rose
    desc = view.chart_view.accessibleDescription()
    assert desc.startswith("Ownership score (/ 5), target 3.5 to 5.") and f"{view.points[-1].value:.1f}" in desc
    assert "Ownership score improved" in view.summary.text()
    assert "shaded band is the target" in view.status.text()
    view.measure.setCurrentIndex(view.measure.findData("measured"))          # a choice asks again
    qtbot.waitUntil(lambda: view.chart.title().startswith("Measured results"), timeout=10_000)
    view.competency.setCurrentIndex(view.competency.findData("teamwork"))
    qtbot.waitUntil(lambda: sum(p.answers for p in view.points) == 6, timeout=10_000)
    view.measure.setCurrentIndex(view.measure.findData("wpm"))               # typed answers: no pace
    qtbot.waitUntil(lambda: view.points == [] and "No answers with this measure" in view.status.text(), timeout=10_000)
    jobs.wait_all()


def test_a_bounded_measure_s_axis_stops_at_its_bounds(qtbot):
    """A score axis that ran to 6 (nice numbers above a 5) read as if 6 were possible."""
    from datetime import date
    from mockinterview.core.progress import METRICS, Point
    view = ProgressView(["teamwork"])
    qtbot.addWidget(view)
    view.show_series([Point(date(2026, 11, 2), 4.9, 3), Point(date(2026, 11, 9), 5.0, 2)], [])
    y = next(a for a in view.chart.axes() if a.orientation() == Qt.Vertical)
    score = next(m for m in METRICS if m.key == "score")
    assert y.max() <= score.scale[1] and y.min() >= score.scale[0]
