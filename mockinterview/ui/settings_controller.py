"""Coordinates the Settings dialog: offers the microphones, engines, models and the data folder, saves
the choices, and tells the window what changed (another speech model to load, another data folder)."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from ..audio.devices import RecorderError, SoundDeviceBackend
from ..core import paths
from ..core import settings as settings_mod
from ..core.settings import Settings
from ..transcribe import ENGINES, ModelResolver, engine_installed
from .settings_dialog import SettingsDialog


class SettingsController(QObject):
    model_changed = Signal()          # another engine or model was chosen: load it
    data_dir_wanted = Signal(object)  # another data folder was chosen (a Path): move or switch to it
    applied = Signal()

    def __init__(self, settings: Settings, backend: Callable[[], object], window, tell, parent=None):
        super().__init__(parent)
        self.settings, self._backend, self.window, self._tell = settings, backend, window, tell
        self.dialog: SettingsDialog | None = None

    def open(self) -> None:
        try:
            devices = (self._backend() or SoundDeviceBackend()).input_devices()
        except RecorderError:
            devices = []
        self.dialog = SettingsDialog(
            self.settings, devices=devices, engines=[(n, engine_installed(n)) for n in ENGINES],
            models=[m.name for m in ModelResolver().available()], data_dir=paths.data_dir(),
            data_dir_fixed=paths.data_dir_is_fixed(), backend=self._backend(), parent=self.window)
        self.dialog.accepted.connect(lambda: self.apply(self.dialog.chosen()))
        self.dialog.open()          # window-modal, without a nested event loop

    def apply(self, new: Settings) -> None:
        old = self.settings
        wanted_dir, new.data_dir = new.data_dir, old.data_dir     # changed only once the data is there
        self.settings = new
        self.save()
        self.applied.emit()
        if (new.engine, new.model) != (old.engine, old.model):
            self.model_changed.emit()
        if wanted_dir != old.data_dir and wanted_dir:
            self.data_dir_wanted.emit(Path(wanted_dir).expanduser())

    def remember_data_dir(self, folder: Path) -> None:
        self.settings.data_dir = str(folder)
        self.save()

    def save(self) -> None:
        try:
            settings_mod.save(self.settings)
        except OSError as exc:
            self._tell("Settings not saved", f"Your settings could not be saved: {exc}")
