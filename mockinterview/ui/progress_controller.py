"""Coordinates the Progress screen: reads the figures in a worker (column-only SQL, then
core/progress.py), and shows the chosen series; the GUI thread only draws. It reads again when the
store changes (StoreEvents): at once if on show, else when next shown."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from ..core import progress
from ..core.store import Store
from .progress_view import ProgressView
from .store_events import RefreshWhenShown, StoreEvents
from .workers import Jobs


class ProgressController(QObject):
    def __init__(self, store: Callable[[], Store], jobs: Jobs, view: ProgressView,
                 user_errors: tuple[type[BaseException], ...], on_failed, events: StoreEvents | None = None,
                 is_shown: Callable[[], bool] = lambda: True, parent=None):
        """on_failed(exception, details) when the figures cannot be read."""
        super().__init__(parent)
        self._store, self.jobs, self.view, self._errors, self._on_failed = store, jobs, view, user_errors, on_failed
        self._asked = 0                    # the newest request: an older result arriving late is dropped
        self.data = RefreshWhenShown(events or StoreEvents(self), is_shown, self._read,
                                     lambda: self._store().data_version())
        view.choice_changed.connect(self.refresh)

    def showing(self) -> None:
        self.data.showing()

    def refresh(self) -> None:
        self.data.read()

    def _read(self) -> None:
        self._asked += 1
        asked = self._asked
        metric, competency, by, which = self.view.choice()
        store = self._store()
        self.view.set_loading()

        def compute():
            takes = progress.takes(store.progress_rows(competency))
            return progress.series(takes, metric, by, which), progress.changes(takes)

        def shown(result) -> None:
            if asked == self._asked:
                self.view.show_series(*result)

        def failed(error: BaseException, details: str) -> None:
            if asked == self._asked:
                self.data.stale = True
                self._on_failed(error, details)
        self.jobs.start(compute, shown, failed, self._errors)
