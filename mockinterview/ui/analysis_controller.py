"""Coordinates the analysis engine in the window: the English parser is loaded in a worker at start,
once the speech model is (so the first analysis does not freeze the window), then the saved answers an earlier
engine version judged are analysed again in a worker, with progress and Stop in the status bar,
so History, the trend and the review agree. The core does the work (core/reanalysis.py)."""
from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal

from ..core.analysis import engine as analysis_engine
from ..core.reanalysis import Reanalysis, count_stale, reanalyse
from ..core.store import Store
from .status_progress import StatusProgress
from .workers import Jobs, explain


class AnalysisController(QObject):
    parser_ready = Signal()
    parser_failed = Signal(object, str)  # the exception, technical details ("" for a known problem)
    progress = Signal(int, int)          # answers done, answers to do: emitted from the worker
    reanalysed = Signal(object)          # a Reanalysis, once it has finished or was stopped
    message = Signal(str)                # for the status bar

    def __init__(self, store: Callable[[], Store], jobs: Jobs, view: StatusProgress,
                 user_errors: tuple[type[BaseException], ...], tell=None, parent=None):
        """store() gives the window's current store (it changes when the data folder moves); tell(title, text,
        details) is the window's message box."""
        super().__init__(parent)
        self._store, self.jobs, self.view, self._errors, self._tell = store, jobs, view, user_errors, tell
        self.parser = "not loaded"        # → "loading" → "ready" | "missing"
        self._stop: threading.Event | None = None
        self.progress.connect(view.show_progress, Qt.QueuedConnection)
        view.stop_clicked.connect(self.stop)

    @property
    def running(self) -> bool:
        return self._stop is not None

    # -- the parser ------------------------------------------------------------------------------------
    def start(self) -> None:
        """At start, once the window is shown: load the parser, then bring old answers up to date.
        Only once: a parser that is missing is explained once, not at every change of speech model."""
        if self.parser != "not loaded":
            return
        self.parser = "loading"
        self.jobs.start(analysis_engine.warm_up, lambda _r: self._parser_loaded(), self._parser_missing, self._errors)

    def _parser_loaded(self) -> None:
        self.parser = "ready"
        self.parser_ready.emit()
        self.reanalyse()

    def _parser_missing(self, error: BaseException, details: str) -> None:
        """Answers can be recorded (and are kept) but not judged: said once, plainly."""
        self.parser = "missing"
        self.parser_failed.emit(error, details)
        self.message.emit("Answers cannot be judged: the English parser is missing.")
        if self._tell:
            self._tell("The English parser is missing",
                       f"Your answers cannot be judged until this is fixed: {explain(error, details)}.\n\nYour "
                       "recordings are still kept, and offered again at the next start.", details)

    # -- re-analysis -----------------------------------------------------------------------------------
    def reanalyse(self, on_demand: bool = False) -> bool:
        """Analyse again, in a worker, the saved answers an earlier engine version judged. False when
        there is nothing to do (or it is already running, or the parser is missing)."""
        if self.running:
            return False
        if self.parser == "missing":
            if on_demand:
                self.message.emit("Saved answers cannot be re-analysed: the English parser is missing.")
            return False
        store = self.store
        n = count_stale(store)
        if not n:
            if on_demand:
                self.message.emit("Every saved answer is already judged by the current version of the analysis.")
            return False
        stop = self._stop = threading.Event()
        self.view.start(f"Re-analysing {n} saved answer{'s' if n != 1 else ''} judged by an earlier version…", n)
        self.jobs.start(lambda: reanalyse(store, progress=self.progress.emit, cancel=stop.is_set),
                        self._done, self._failed, self._errors)
        return True

    def stop(self) -> None:
        """Stop re-analysing (Stop in the status bar, or the window closes): what is left is done later."""
        if self._stop is not None and not self._stop.is_set():
            self._stop.set()
            self.view.stopping()

    def _done(self, result: Reanalysis) -> None:
        self._stop = None
        self.view.finish()
        n = len(result.updated)
        text = f"{n} saved answer{'s' if n != 1 else ''} re-analysed with the current version of the analysis"
        if result.cancelled:
            text += f"; stopped, {result.remaining} left for the next start"
        if result.failed:
            text += (f"; {len(result.failed)} could not be re-analysed and keep their earlier scores"
                     " (see the log)")
        self.message.emit(text + ".")
        self.reanalysed.emit(result)

    def _failed(self, error: BaseException, details: str) -> None:
        self._stop = None
        self.view.finish()
        self.message.emit(f"Saved answers could not be re-analysed ({explain(error, details)}); "
                          "they keep their earlier scores.")

    @property
    def store(self) -> Store:
        return self._store()
