"""Coordinates exports, backups and restores from the window: actions for the menus, the file
dialog, and the work in a worker (core/report_model, report_markdown, history_export, backup;
export_pdf for PDFs). The controller shows nothing itself but dialogs; errors come back as plain
messages through tell().

Tests replace choose_file(title, suggested, filters) and choose_range() (the dialogs) and ask/tell.
After a restore the window must open its store again: restored(Path) carries the data folder (it
is emitted after a restore that failed and put the old data back too, since the store was closed).
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QDateEdit, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QProgressDialog,
                               QWidget)

from ..core import report_markdown, report_model
from ..core.backup import BackupError, backup, default_name, restore, verify
from ..core.history_export import record, to_csv, to_json
from ..core.store import Store
from .modal_progress import ModalProgress
from .workers import Jobs, explain

FILTERS = {"pdf": "PDF document (*.pdf)", "md": "Markdown (*.md)", "csv": "CSV for a spreadsheet (*.csv)",
           "json": "JSON (*.json)", "zip": "mockinterview backup (*.zip)"}


class ExportError(Exception):
    """What could not be exported, in words for the user."""


class ExportController(QObject):
    restored = Signal(object)          # Path of the data folder: open its store again
    message = Signal(str)              # for the status bar
    finished = Signal(str)             # what was done, when it was (tests wait for it)

    def __init__(self, store: Callable[[], Store], jobs: Jobs, parent_widget: QWidget,
                 selection: Callable[[], tuple[str, int] | None], user_errors: tuple[type[BaseException], ...],
                 ask, tell, busy: Callable[[], bool] = lambda: False, parent=None):
        """store(): the window's current store; selection(): ("answer", id), ("session", id) or None, what
        "this answer / this session" means now; ask(title, text) → bool and tell(title, text) are the
        window's dialogs; busy(): a take is being recorded (its audio is being written into the data)."""
        super().__init__(parent)
        self._recording = busy
        self._store, self.jobs, self.widget, self._selection = store, jobs, parent_widget, selection
        self._errors = tuple(user_errors) + (BackupError, ExportError, OSError)
        self._ask, self._tell = ask, tell
        self.modal = ModalProgress(parent_widget, jobs, self._errors)
        w = parent_widget
        self.export_answer = QAction("Export this &answer…", w, statusTip="Save the open or selected answer's report")
        self.export_session = QAction("Export this &session…", w, statusTip="Save a report of the selected session")
        self.export_range = QAction("Export a &date range…", w, statusTip="Save a report of the answers between two days")
        self.export_csv = QAction("Export history as &CSV…", w, statusTip="All your answers, for a spreadsheet")
        self.export_json = QAction("Export history as &JSON…", w, statusTip="All your answers, one object each")
        self.backup_action = QAction("&Back up all data…", w, statusTip="Your answers and recordings in one file")
        self.restore_action = QAction("&Restore from a backup…", w, statusTip="Replace your data with a backup's")
        self.export_answer.triggered.connect(self.export_this_answer)
        self.export_session.triggered.connect(self.export_this_session)
        self.export_range.triggered.connect(self.export_date_range)
        self.export_csv.triggered.connect(lambda: self.export_history("csv"))
        self.export_json.triggered.connect(lambda: self.export_history("json"))
        self.backup_action.triggered.connect(self.back_up)
        self.restore_action.triggered.connect(self.restore_backup)

    def actions(self) -> list[QAction]:
        """In menu order; None marks where a separator goes."""
        return [self.export_answer, self.export_session, self.export_range, self.export_csv, self.export_json,
                None, self.backup_action, self.restore_action]

    @property
    def store(self) -> Store:
        return self._store()

    # -- dialogs (tests replace these) --------------------------------------------------------------
    def choose_file(self, title: str, suggested: str, filters: list[str]) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self.widget, title, str(Path.home() / suggested), ";;".join(filters))
        return Path(path) if path else None

    def choose_backup(self, title: str) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self.widget, title, str(Path.home()), FILTERS["zip"])
        return Path(path) if path else None

    def choose_range(self) -> tuple[date, date] | None:
        dialog = QDialog(self.widget, windowTitle="Export a date range")
        today = QDate.currentDate()
        start = QDateEdit(today.addDays(-30), calendarPopup=True, accessibleName="First day")
        end = QDateEdit(today, calendarPopup=True, accessibleName="Last day (included)")
        form = QFormLayout(dialog)
        form.addRow("&From:", start)
        form.addRow("&To:", end)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form.addRow(buttons)
        if dialog.exec() != QDialog.Accepted:
            return None
        return start.date().toPython(), end.date().toPython()

    # -- exports --------------------------------------------------------------------------------------
    def export_this_answer(self) -> None:
        sel = self._selection()
        if not sel or sel[0] != "answer":
            self._tell("Nothing to export", "Open an answer, or select one in History, to export its report.")
            return
        self._export_report("answer", sel[1], f"mockinterview-answer-{sel[1]}")

    def export_this_session(self) -> None:
        sel = self._selection()
        sid = None
        if sel and sel[0] == "session":
            sid = sel[1]
        elif sel and sel[0] == "answer":
            row = self.store.answer(sel[1])
            sid = row.session_id if row else None
        if sid is None:
            self._tell("Nothing to export", "Select a session (or one of its answers) in History to export it.")
            return
        self._export_report("session", sid, f"mockinterview-session-{sid}")

    def export_date_range(self) -> None:
        chosen = self.choose_range()
        if not chosen:
            return
        start, end = chosen
        if start > end:
            start, end = end, start
        self._export_report("range", (start, end), f"mockinterview-{start.isoformat()}-to-{end.isoformat()}")

    def _export_report(self, kind: str, key, stem: str) -> None:
        path = self.choose_file("Export report", f"{stem}.pdf", [FILTERS["pdf"], FILTERS["md"]])
        if path is None:
            return
        fmt = "md" if path.suffix.lower() in (".md", ".markdown") else "pdf"
        if fmt == "pdf" and path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        store = self.store

        def work() -> str:
            if kind == "answer":
                report = report_model.from_row(store.answer(key))
                if report is None:
                    raise ExportError("That answer has no analysis to export yet.")
            else:
                report = report_model.session_report(store, key) if kind == "session" else \
                    report_model.range_report(store, *key)
                if report is None or not report.answers:
                    raise ExportError("There are no finished answers to export there.")
            # QPainter may paint a QPdfWriter outside the GUI thread, and QTextDocument is reentrant:
            # a long report is laid out here, not on the GUI thread
            if fmt == "pdf":
                from .. import export_pdf
                export_pdf.to_pdf(report, path)
            else:
                path.write_text(report_markdown.to_markdown(report), encoding="utf-8")
            return f"Report saved to {path}"
        self.jobs.start(work, self._done, self._failed, self._errors)

    def export_history(self, fmt: str) -> None:
        path = self.choose_file(f"Export history as {fmt.upper()}", f"mockinterview-history.{fmt}", [FILTERS[fmt]])
        if path is None:
            return
        if path.suffix.lower() != f".{fmt}":
            path = path.with_name(f"{path.name}.{fmt}")
        store = self.store

        def work() -> str:
            records = [record(r) for r in report_model.range_report(store).answers]
            path.write_text(to_csv(records) if fmt == "csv" else to_json(records), encoding="utf-8", newline="")
            return f"{len(records)} answers exported to {path}"
        self.jobs.start(work, self._done, self._failed, self._errors)

    # -- backup and restore -------------------------------------------------------------------------------
    def back_up(self) -> None:
        if self._recording():
            self._tell("Not backed up", "Finish or cancel the answer you are recording first, so that it is in "
                                        "the backup whole.")
            return
        path = self.choose_file("Back up all data", default_name(), [FILTERS["zip"]])
        if path is None:
            return
        if path.suffix.lower() != ".zip":
            path = path.with_name(path.name + ".zip")
        store = self.store
        data = store.path.parent
        # the file dialog has asked already whether to replace an existing file
        self._run("Backing up your data…",
                  lambda progress, cancel: backup(data, path, store=store, overwrite=True, progress=progress,
                                                  cancel=cancel),
                  lambda b: self._done(f"Backed up {b.answers} answers and {b.recordings} recordings to {b.path}"),
                  self._failed)

    def restore_backup(self) -> None:
        if self._recording():
            self._tell("Not restored", "Finish or cancel the answer you are recording first: a restore replaces "
                                       "the folder its recording is being written to.")
            return
        if self.jobs.busy:
            self._tell("Not restored", "Wait until the current work has finished (the status bar shows it), then "
                                       "try again.")
            return
        path = self.choose_backup("Restore from a backup")
        if path is None:
            return
        store = self.store
        data = store.path.parent
        keep = data / default_name("mockinterview-before-restore")

        def checked(manifest) -> None:
            if self._recording():                   # a take started while the backup was being checked
                self._failed(BackupError("a recording was started meanwhile; nothing was changed"))
                return
            if not self._ask("Replace your data with this backup?",
                             f"The backup holds {manifest.answers} answers (made {manifest.created_at}). Your current "
                             f"answers and recordings will be replaced by it; they are saved first to {keep}."):
                return
            store.close()            # nothing may hold the database while it is replaced

            def failed(error: BaseException, details: str, cancelled: bool = False) -> None:
                self.restored.emit(data)                  # the old data is in place again: open it
                self._failed(error, details, cancelled)

            def restored(done) -> None:
                self.restored.emit(data)
                self._done(f"Restored {done.answers} answers and {done.recordings} recordings. Your data as it was "
                           f"is kept in {done.previous}." if done.previous else
                           f"Restored {done.answers} answers and {done.recordings} recordings.")
            self._run("Restoring your data…",
                      lambda progress, cancel: restore(path, data, replace=True, keep_current=keep,
                                                       progress=progress, cancel=cancel),
                      restored, failed)
        self._run("Checking the backup…", lambda progress, cancel: verify(path, progress, cancel), checked,
                  self._failed)

    def _run(self, title: str, fn, on_done, on_failed) -> None:
        """fn(progress, cancelled) in a worker behind a window-modal progress dialog with Cancel."""
        self.modal.run(title, fn, on_done, on_failed)

    @property
    def progress_dialog(self) -> QProgressDialog | None:
        return self.modal.dialog

    def _done(self, text: str) -> None:
        self.message.emit(text)
        self.finished.emit(text)

    def _failed(self, error: BaseException, details: str = "", cancelled: bool = False) -> None:
        """A worker's exception (its type decides; its text is written for the user unless unexpected)."""
        message = explain(error, details)         # a cancel says itself what was kept ("nothing was changed")
        self._tell("Not done", message)
        self.finished.emit(message)
