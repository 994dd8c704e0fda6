"""Offers, one after another, the takes a crash left behind, and transcribes each the user wants in a
worker behind a progress dialog; Cancel keeps the take for the next start (rehearsal.recover does it)."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from ..core.local_time import when
from ..core.store import Store
from ..rehearsal import recover
from .modal_progress import ModalProgress
from .workers import explain


class RecoveryController(QObject):
    recovered = Signal(int)          # a take was transcribed and saved (answer id)
    message = Signal(str)            # for the status bar
    failed = Signal(str, str)        # what to tell the user, technical details

    def __init__(self, store: Callable[[], Store], engine: Callable[[], object], progress: ModalProgress, ask,
                 parent=None):
        super().__init__(parent)
        self._store, self._engine, self.progress, self._ask = store, engine, progress, ask

    def offer(self, rows=None) -> None:
        rows = self._store().unfinished() if rows is None else rows
        if not rows:
            return
        row, rest = rows[0], rows[1:]
        if not self._ask("Recover an interrupted answer?",
                         f"A recording of “{row.question_text}” from {when(row.created_at)} "
                         "was interrupted. Transcribe and keep it?"):
            self.offer(rest)
            return

        def done(res) -> None:
            self.recovered.emit(res.answer_id)
            self.offer(rest)

        def failed(error: BaseException, details: str, cancelled: bool) -> None:
            if cancelled:
                self.message.emit("Recovery postponed: the recording is kept and will be offered again at the "
                                  "next start.")
            else:
                self.failed.emit(explain(error, details), details)
            self.offer(rest)
        store, engine = self._store(), self._engine()
        self.progress.run("Transcribing the interrupted answer…",
                          lambda progress, cancel: recover(store, engine, row, progress, cancel), done, failed)
