"""One signal for "the saved answers changed": whoever saves, deletes, re-analyses or switches the
data folder says so here, and the screens that list answers (History, Progress) refresh themselves
when on show, or mark themselves stale until they are next shown. No one refreshes another's screen."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal


class StoreEvents(QObject):
    changed = Signal()


class RefreshWhenShown:
    """A screen's data: read again at once when the store changes while it is on show, else at its next
    showing (nothing is read for a screen nobody looks at). version() (the database's data_version)
    notices what another process saved meanwhile, e.g. `mockinterview record` in a terminal."""

    def __init__(self, events: StoreEvents, is_shown: Callable[[], bool], read: Callable[[], None],
                 version: Callable[[], object] = lambda: None):
        self.stale = True
        self._is_shown, self._read, self._version = is_shown, read, version
        self._seen = None
        events.changed.connect(self._changed)

    def _changed(self) -> None:
        if self._is_shown():
            self.read()
        else:
            self.stale = True

    def showing(self) -> None:
        if self.stale or self._version() != self._seen:
            self.read()

    def read(self) -> None:
        self.stale = False
        self._seen = self._version()
        self._read()
