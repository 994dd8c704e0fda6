"""Run a function off the GUI thread; report through signals only (workers never touch widgets).

A failure reaches the GUI thread as the exception object itself, so callers decide by its type
(isinstance), never by matching its text. details is "" for the errors whose message is written for
the user (the user_errors given), and the traceback for anything unexpected."""
from __future__ import annotations

import traceback
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot


def explain(error: BaseException, details: str) -> str:
    """What the user reads about a failure: a user error's own words; anything else is unexpected."""
    return f"Something went wrong: {error}" if details else str(error)


class Task(QObject):
    done = Signal(object)
    failed = Signal(object, str)       # the exception, technical details ("" for a user error)

    def __init__(self, fn: Callable[[], object], user_errors: tuple[type[BaseException], ...] = ()):
        super().__init__()
        self._fn, self._user_errors = fn, user_errors

    @Slot()
    def run(self) -> None:
        try:
            result = self._fn()
        except self._user_errors as exc:
            self.failed.emit(exc, "")
        except Exception as exc:  # unexpected: the window shows it with details to copy
            self.failed.emit(exc, traceback.format_exc())
        else:
            self.done.emit(result)


class _Relay(QObject):
    """Lives on the GUI thread: queued slots deliver a worker's results there, never in the worker."""

    def __init__(self, on_done, on_failed, parent):
        super().__init__(parent)
        self._on_done, self._on_failed = on_done, on_failed

    @Slot(object)
    def done(self, result) -> None:
        self._on_done(result)

    @Slot(object, str)
    def failed(self, error: BaseException, details: str) -> None:
        self._on_failed(error, details)


class Jobs(QObject):
    """Owns the worker threads; keeps them alive until they finish."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._running: list[tuple[QThread, Task]] = []
        self._closed = False

    def start(self, fn, on_done, on_failed, user_errors=()) -> Task | None:
        """on_done(result) or on_failed(exception, details) is called on the GUI thread. After
        close() nothing starts (None): a result queued before the window closed may still ask for
        the next piece of work, and a thread started then outlives its QThread at exit (abort)."""
        if self._closed:
            return None
        thread = QThread()
        task = Task(fn, user_errors)
        task.moveToThread(thread)
        relay = _Relay(on_done, on_failed, self)
        thread.started.connect(task.run)
        task.done.connect(relay.done, Qt.QueuedConnection)
        task.failed.connect(relay.failed, Qt.QueuedConnection)
        for sig in (task.done, task.failed):
            # direct: QThread.quit is thread-safe, and a queued quit would wait for the GUI's event
            # loop, which at exit no longer runs: the thread then outlived its QThread object
            sig.connect(thread.quit, Qt.DirectConnection)
        thread.finished.connect(lambda: self._forget(thread, relay), Qt.QueuedConnection)
        self._running.append((thread, task))
        thread.start()
        return task

    def _forget(self, thread: QThread, relay: QObject) -> None:
        self._running = [(t, k) for t, k in self._running if t is not thread]
        thread.deleteLater()
        relay.deleteLater()

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def wait_all(self, ms: int = 10_000) -> None:
        for thread, _ in list(self._running):
            thread.wait(ms)

    def close(self, ms: int = 10_000) -> None:
        """The window is closing: start no more work, and wait for what runs."""
        self._closed = True
        self.wait_all(ms)
