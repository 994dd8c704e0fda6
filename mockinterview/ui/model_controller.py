"""Coordinates the speech recogniser in the window: loads the chosen engine and model in a worker,
with a busy bar and Cancel on the practice screen, and Retry after a failure or a cancel. A generation
counter makes an older load's result stale: a cancelled or superseded load finishes in the background
and is dropped. The status line says what happens in plain words; the engine and model are details
(a tooltip, and Settings)."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from ..core.settings import Settings
from ..transcribe import load_preferred
from .practice_view import PracticeView
from .workers import Jobs, explain

LOADING = "Loading the speech recogniser…"
READY = "Ready. Press Space to record."
CANCELLED = "Loading the speech recogniser was cancelled. Press “Load speech model” to try again."


class ModelController(QObject):
    loaded = Signal(object, object)     # the engine, a notice (a fallback model was used) or None
    failed = Signal(object, str)        # the exception, technical details ("" for a user error)
    settled = Signal()                  # loaded, failed or cancelled: the window may start other work
    details = Signal(str)               # which engine and model, for a tooltip

    def __init__(self, settings: Callable[[], Settings], load_engine, jobs: Jobs, view: PracticeView,
                 user_errors: tuple[type[BaseException], ...], parent=None):
        super().__init__(parent)
        self._settings, self._load_engine, self.jobs, self.view, self._errors = \
            settings, load_engine, jobs, view, user_errors
        self.engine = None
        self.generation = 0
        view.cancel_load.clicked.connect(self.cancel)
        view.load_model.clicked.connect(self.load)

    def load(self) -> None:
        """Load the chosen engine and model in a worker; a newer load or Cancel makes older results stale."""
        self.generation += 1
        gen, s = self.generation, self._settings()
        self.engine = None
        self.view.allow_recording(False)
        self.view.show_state(LOADING)
        self.details.emit(f"Loading the speech recogniser: {s.engine}, model {s.model}")
        self.view.set_loading(True)
        self.jobs.start(lambda: load_preferred(s.engine, s.model, self._load_engine),
                        lambda res: self._loaded(gen, *res), lambda exc, det: self._failed(gen, exc, det),
                        self._errors)

    def cancel(self) -> None:
        self.generation += 1          # the worker finishes in the background; its result is dropped
        self.view.set_loading(False, offer_retry=True)
        self.view.allow_recording(False)
        self.view.show_state(CANCELLED)
        self.settled.emit()

    def _loaded(self, gen: int, engine, notice: str | None) -> None:
        if gen != self.generation:
            return
        self.engine = engine
        self.view.set_loading(False)
        self.view.allow_recording(True)
        self.view.show_state(READY)
        self.details.emit(f"Speech recogniser: {engine.engine_name}, model {engine.model_name}")
        self.settled.emit()
        self.loaded.emit(engine, notice)

    def _failed(self, gen: int, error: BaseException, details: str) -> None:
        if gen != self.generation:
            return
        self.view.set_loading(False, offer_retry=True)
        self.view.allow_recording(False)
        self.view.show_state(f"The speech recogniser could not be loaded: {explain(error, details)}")
        self.settled.emit()
        self.failed.emit(error, details)
