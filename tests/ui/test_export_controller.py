"""The window's export, backup and restore actions under pytest-qt, with the file dialogs replaced:
each writes what it says in a worker, and a restore hands the data folder back to be reopened."""
import json
import zipfile
from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QWidget

from mockinterview.core.store import DB_NAME, Store
from mockinterview.errors import user_errors
from mockinterview.ui.export_controller import ExportController
from mockinterview.ui.workers import Jobs

from ..core.test_backup import make_data, snapshot


class Window:
    def __init__(self, qtbot, folder):
        self.store = make_data(folder)
        self.widget = QWidget()
        qtbot.addWidget(self.widget)
        self.jobs = Jobs(self.widget)
        self.selection = None
        self.told, self.asked, self.answer = [], [], True
        self.c = ExportController(lambda: self.store, self.jobs, self.widget, lambda: self.selection, user_errors(),
                                  ask=lambda t, x: self.asked.append(x) or self.answer,
                                  tell=lambda t, x: self.told.append(x), parent=self.widget)
        self.c.restored.connect(self.reopen)
        self.reopened = []

    def reopen(self, folder):
        self.reopened.append(folder)
        self.store = Store(folder / DB_NAME)


@pytest.fixture
def win(qtbot, tmp_path):
    w = Window(qtbot, tmp_path / "data")
    yield w
    w.jobs.wait_all()


def _trigger(qtbot, action, timeout=20_000):
    with qtbot.waitSignal(action.parent().findChild(ExportController).finished, timeout=timeout) as sig:
        action.trigger()
    return sig.args[0]


def test_actions_are_named_for_the_menu(win):
    names = [a.text() for a in win.c.actions() if a]
    assert names == ["Export this &answer…", "Export this &session…", "Export a &date range…",
                     "Export history as &CSV…", "Export history as &JSON…", "&Back up all data…",
                     "&Restore from a backup…"]


def test_export_this_answer_to_pdf_and_markdown(win, qtbot, tmp_path):
    aid = win.store.answers()[0].id
    win.selection = ("answer", aid)
    win.c.choose_file = lambda title, suggested, filters: tmp_path / "r.pdf"
    said = _trigger(qtbot, win.c.export_answer)
    assert "Report saved" in said and (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF-")
    win.c.choose_file = lambda title, suggested, filters: tmp_path / "r.md"
    _trigger(qtbot, win.c.export_answer)
    assert (tmp_path / "r.md").read_text(encoding="utf-8").startswith("# Question")


def test_export_this_session_from_a_selected_answer_and_a_date_range(win, qtbot, tmp_path):
    win.selection = ("answer", win.store.answers()[0].id)
    win.c.choose_file = lambda title, suggested, filters: tmp_path / "s.md"
    _trigger(qtbot, win.c.export_session)
    md = (tmp_path / "s.md").read_text(encoding="utf-8")
    assert md.startswith("# Practice set") and md.count("## Question") == 2
    win.c.choose_range = lambda: (date.today() - timedelta(days=1), date.today())
    win.c.choose_file = lambda title, suggested, filters: tmp_path / "range.md"
    _trigger(qtbot, win.c.export_range)
    assert "2 answers" in (tmp_path / "range.md").read_text(encoding="utf-8")


def test_nothing_selected_is_said_plainly(win):
    win.c.export_answer.trigger()
    assert win.told and "Open an answer" in win.told[-1]


def test_history_as_csv_and_json(win, qtbot, tmp_path):
    win.c.choose_file = lambda title, suggested, filters: tmp_path / "h.json"
    _trigger(qtbot, win.c.export_json)
    assert len(json.loads((tmp_path / "h.json").read_text(encoding="utf-8"))["answers"]) == 2
    win.c.choose_file = lambda title, suggested, filters: tmp_path / "h"          # the suffix is added
    _trigger(qtbot, win.c.export_csv)
    assert (tmp_path / "h.csv").read_text(encoding="utf-8").count("\n") >= 3


def test_back_up_then_restore_reopens_the_store(win, qtbot, tmp_path):
    win.c.choose_file = lambda title, suggested, filters: tmp_path / "b.zip"
    said = _trigger(qtbot, win.c.backup_action)
    assert "Backed up 2 answers" in said and zipfile.is_zipfile(tmp_path / "b.zip")
    win.store.delete_answer(win.store.answers()[0].id)
    assert len(win.store.answers()) == 1
    win.c.choose_backup = lambda title: tmp_path / "b.zip"
    qtbot.waitUntil(lambda: not win.jobs.busy)              # a restore waits for other work to finish
    with qtbot.waitSignal(win.c.restored, timeout=20_000):
        win.c.restore_action.trigger()
    qtbot.waitUntil(lambda: win.c.progress_dialog is None)
    assert win.asked and "saved first" in win.asked[-1]
    assert len(win.store.answers()) == 2 and win.reopened == [tmp_path / "data"]
    assert list((tmp_path / "data").glob("mockinterview-before-restore-*.zip"))


def test_a_bad_backup_is_refused_with_a_message_and_the_store_stays_open(win, qtbot, tmp_path):
    (tmp_path / "bad.zip").write_bytes(b"not a zip")
    before = snapshot(tmp_path / "data")
    win.c.choose_backup = lambda title: tmp_path / "bad.zip"
    said = _trigger(qtbot, win.c.restore_action)
    assert "not a mockinterview backup" in said and win.told and not win.asked and not win.reopened
    assert len(win.store.answers()) == 2 and snapshot(tmp_path / "data") == before


def test_saying_no_changes_nothing(win, qtbot, tmp_path):
    win.c.choose_file = lambda title, suggested, filters: tmp_path / "b.zip"
    _trigger(qtbot, win.c.backup_action)
    win.answer = False
    win.c.choose_backup = lambda title: tmp_path / "b.zip"
    qtbot.waitUntil(lambda: not win.jobs.busy)
    win.c.restore_action.trigger()
    qtbot.waitUntil(lambda: bool(win.asked), timeout=20_000)
    qtbot.waitUntil(lambda: not win.jobs.busy)
    assert not win.reopened and len(win.store.answers()) == 2


def test_a_restore_waits_for_running_work_and_says_so(win, qtbot, tmp_path):
    """The store is closed for a restore: not while a worker may be using it."""
    import threading
    release = threading.Event()
    win.jobs.start(release.wait, lambda _r: None, lambda *_: None)
    asked = []
    win.c.choose_backup = lambda title: asked.append(title) or tmp_path / "none.zip"
    win.c.restore_action.trigger()
    assert any("Wait until the current work has finished" in t for t in win.told) and not asked
    release.set()
    qtbot.waitUntil(lambda: not win.jobs.busy)
