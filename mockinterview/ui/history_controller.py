"""Coordinates the History screen: reads what it lists in a worker (columns only, core/history.py),
drops a reading that a newer one has overtaken (a filter changed meanwhile, an answer was deleted),
and deletes answers and sessions after asking. It refreshes when the store changes (StoreEvents)."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from ..core import history
from ..core.local_time import when
from ..core.store import Store
from .history_view import HistoryView
from .store_events import RefreshWhenShown, StoreEvents
from .workers import Jobs, explain


class HistoryController(QObject):
    shown = Signal()                 # a reading is on screen (tests and screen readers wait for it)
    session_deleted = Signal(int)
    message = Signal(str)            # for the status bar

    def __init__(self, store: Callable[[], Store], jobs: Jobs, view: HistoryView, events: StoreEvents,
                 user_errors: tuple[type[BaseException], ...], ask, is_shown: Callable[[], bool], parent=None):
        """store() gives the window's current store; ask(title, text) → bool is the window's question."""
        super().__init__(parent)
        self._store, self.jobs, self.view, self.events, self._errors = store, jobs, view, events, user_errors
        self._ask = ask
        self._asked = 0                    # the newest request: an older reading arriving late is dropped
        self._answered = 0                 # the newest request answered (shown or failed)
        self.data = RefreshWhenShown(events, is_shown, self._read, lambda: self._store().data_version())
        view.filter_changed.connect(lambda _c: self.data.read())
        view.delete_answer.connect(self.delete_answer)
        view.delete_session.connect(self.delete_session)

    def showing(self) -> None:
        self.data.showing()

    @property
    def reading(self) -> bool:
        """A reading is on its way (the list on screen may be about to change)."""
        return self._answered != self._asked

    def _read(self) -> None:
        self._asked += 1
        asked, store, competency = self._asked, self._store(), self.view.filter.currentData()

        def shown(result: history.History) -> None:
            if asked == self._asked:
                self._answered = asked
                self.view.show_history(result)
                self.shown.emit()

        def failed(error: BaseException, details: str) -> None:
            if asked == self._asked:
                self._answered = asked
                self.data.stale = True
                self.message.emit(f"History could not be read ({explain(error, details)}).")
        self.jobs.start(lambda: history.read(store, competency), shown, failed, self._errors)

    def delete_answer(self, answer_id: int) -> None:
        row = self._store().answer(answer_id)
        if row and self._ask("Delete this answer?", f"Delete your answer to “{row.question_text}” and its "
                                                    "recording? This cannot be undone."):
            self._store().delete_answer(answer_id)
            self.events.changed.emit()

    def delete_session(self, session_id: int) -> None:
        row = next((s for s in self._store().sessions() if s.id == session_id), None)
        if row and self._ask("Delete this session?", f"Delete the session of {when(row.started_at)} "
                                                     f"with its {row.answers} answer(s) and their recordings? "
                                                     "This cannot be undone."):
            self._store().delete_session(session_id)
            self.session_deleted.emit(session_id)
            self.events.changed.emit()
