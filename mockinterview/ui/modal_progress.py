"""Long work the user waits for (moving the data folder, transcribing an interrupted take): run in a
worker behind a window-modal progress dialog with Cancel."""
from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from .workers import Jobs


class ModalProgress(QObject):
    progress_changed = Signal(int)     # percent done, emitted from the worker

    def __init__(self, window: QWidget, jobs: Jobs, user_errors: tuple[type[BaseException], ...]):
        super().__init__(window)
        self.window, self.jobs, self._errors = window, jobs, user_errors
        self.dialog: QProgressDialog | None = None

    def run(self, title: str, fn, on_done, on_failed) -> QProgressDialog:
        """fn(progress(fraction), cancelled()) runs in a worker; on_failed(exception, details, cancelled)."""
        flag = threading.Event()
        dialog = QProgressDialog(title, "Cancel", 0, 100, self.window)
        dialog.setWindowModality(Qt.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setAccessibleName(title)
        dialog.canceled.connect(flag.set)
        self.progress_changed.connect(dialog.setValue)      # queued: emitted from the worker
        self.dialog = dialog

        def close() -> None:
            self.progress_changed.disconnect(dialog.setValue)
            dialog.close()
            dialog.deleteLater()
            self.dialog = None
        self.jobs.start(lambda: fn(lambda f: self.progress_changed.emit(int(f * 100)), flag.is_set),
                        lambda res: (close(), on_done(res)),
                        lambda exc, det: (close(), on_failed(exc, det, flag.is_set())), self._errors)
        dialog.show()
        return dialog
