"""Coordinates changing the data folder (Settings): moves the answers and recordings to the new folder
in a worker behind a progress dialog with Cancel (core/relocate.py does it), or switches to a folder
that already holds data; the window's store is replaced only once the data is there."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from ..core.relocate import holds_data, move_data
from ..core.store import DB_NAME, Store, StoreError
from .modal_progress import ModalProgress
from .workers import Jobs, explain


class DataFolderController(QObject):
    switched = Signal(str)           # the store now lives in another folder (a message for the status bar)

    def __init__(self, store: Callable[[], Store], set_store: Callable[[Store], None],
                 remember: Callable[[Path], None], jobs: Jobs, progress: ModalProgress, ask, tell, parent=None):
        """remember(folder) saves the chosen folder in the settings; ask/tell are the window's dialogs."""
        super().__init__(parent)
        self._store, self._set_store, self._remember = store, set_store, remember
        self.jobs, self.progress, self._ask, self._tell = jobs, progress, ask, tell

    def change(self, target: Path) -> None:
        """Move the data to target (in a worker, with progress), or switch to a folder that already has some."""
        current = self._store().path.parent
        if target.resolve() == current.resolve():
            self._remember(target)
            return
        if self.jobs.busy:
            self._tell("Data folder not changed", "Wait until the current answer has been transcribed (or the saved "
                                                  "answers re-analysed: Stop in the status bar).")
            return
        if holds_data(target):
            if self._ask("Use the data in that folder?", f"{target} already holds mockinterview data. Switch to "
                                                         f"it? Your current data stays in {current}."):
                self._use(current, target, None)
            return
        if not self._ask("Move your data?", f"Move your answers and recordings from {current} to {target}?"):
            return
        self._store().close()                 # nothing else touches it: the progress dialog is window-modal

        def failed(error: BaseException, details: str, _cancelled: bool) -> None:
            self._set_store(Store(current / DB_NAME))
            self._tell("Data folder not changed", explain(error, details), details)
        self.progress.run(f"Moving your data to {target}…",
                          lambda progress, cancel: move_data(current, target, progress, cancel),
                          lambda moved: self._use(current, target, moved), failed)

    def _use(self, current: Path, target: Path, moved) -> None:
        try:
            self._store().close()
            self._set_store(Store(target / DB_NAME))
        except StoreError as exc:
            self._set_store(Store(current / DB_NAME))
            self._tell("Data folder not changed", str(exc))
            return
        self._remember(target)
        self.switched.emit(f"Your data is now kept in {target}"
                           + (f" ({moved.answers} answers moved)." if moved else "."))
