"""The Settings dialog (UI only): microphone with a level check, engine and model, thinking time,
voice, where data is kept. It edits a copy of the settings; the window applies the result."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLabel, QLayout, QLineEdit, QPushButton, QSizePolicy, QSpinBox,
                               QWidget)

from ..audio.devices import InputDevice
from ..core.settings import MAX_THINKING_S, Settings
from .mic_check import MicCheck


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, *, devices: list[InputDevice], engines: list[tuple[str, bool]],
                 models: list[str], data_dir: Path, data_dir_fixed: bool, backend=None, parent=None):
        """engines: (name, installed); models: names the resolver can find."""
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self._settings = settings

        self.device = QComboBox(accessibleName="Microphone")
        self.device.addItem("System default", None)
        # long device names widen the list, not the dialog (the full name is in the drop-down)
        self.device.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.device.setMinimumContentsLength(28)
        for d in devices:
            self.device.addItem(d.label, d.name)
        if settings.input_device and settings.input_device not in [d.name for d in devices]:
            self.device.addItem(f"{settings.input_device}  (not connected)", settings.input_device)
        self.device.setCurrentIndex(max(0, self.device.findData(settings.input_device)))
        self.mic = MicCheck(backend, device=self.device.currentData, parent=self)
        self.test, self.level, self.test_note = self.mic.test, self.mic.level, self.mic.note

        self.engine = QComboBox(accessibleName="Speech engine")
        for name, installed in engines:
            self.engine.addItem(name if installed else f"{name}  (not installed)", name)
        self.engine.setCurrentIndex(max(0, self.engine.findData(settings.engine)))
        self.model = QComboBox(accessibleName="Speech model")
        for m in models:
            self.model.addItem(m, m)
        if settings.model not in models:
            self.model.addItem(f"{settings.model}  (missing)", settings.model)
        self.model.setCurrentIndex(max(0, self.model.findData(settings.model)))
        self.model.setToolTip("Install more with: mockinterview models download NAME")

        self.thinking = QSpinBox(accessibleName="Thinking time in seconds", minimum=0, maximum=MAX_THINKING_S,
                                 singleStep=5, suffix=" s", specialValueText="off", value=settings.thinking_time_s)
        self.voice = QCheckBox("Speak the questions aloud", accessibleName="Speak the questions aloud",
                               checked=settings.voice)
        self.hide = QCheckBox("Hide the question text until it has been spoken",
                              accessibleName="Hide the question until spoken",
                              checked=settings.hide_question_until_spoken)
        self.data = QLineEdit(str(data_dir), accessibleName="Data folder")
        self.browse = QPushButton("&Browse…", accessibleName="Choose the data folder")
        if data_dir_fixed:
            for w in (self.data, self.browse):
                w.setEnabled(False)
            self.data.setToolTip("Set by MOCKINTERVIEW_DATA_DIR")

        form = QFormLayout(self)
        # the dialog grows when the microphone note wraps, instead of squashing the rows below it
        form.setSizeConstraint(QLayout.SetMinimumSize)
        mic = QHBoxLayout()
        mic.addWidget(self.device, 1)
        mic.addWidget(self.test)
        mic_label = QLabel("&Microphone:")
        mic_label.setBuddy(self.device)                 # a row holding a layout gets no buddy by itself
        form.addRow(mic_label, mic)
        form.addRow("", self.level)
        form.addRow("", self.test_note)
        form.addRow("Speech &engine:", self.engine)
        form.addRow("Speech m&odel:", self.model)
        form.addRow("T&hinking time:", self.thinking)
        form.addRow("", self.voice)
        form.addRow("", self.hide)
        folder = QHBoxLayout()
        folder.addWidget(self.data, 1)
        folder.addWidget(self.browse)
        holder = QWidget()
        holder.setLayout(folder)
        folder.setContentsMargins(0, 0, 0, 0)
        holder.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Fixed)
        form.addRow("&Data folder:", holder)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        form.addRow(self.buttons)

        self.device.currentIndexChanged.connect(self.mic.forget)   # what was found is about the other one
        self.browse.clicked.connect(self._browse)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.finished.connect(lambda _r: self.mic.stop())
        self.mic.note_changed.connect(self._fit)

    def _fit(self) -> None:
        """Grow to show the microphone note whole: a wrapped label does not ask its form for
        room by itself, so the rows below it were squashed."""
        layout = self.layout()
        layout.activate()
        need = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else layout.sizeHint().height()
        if need > self.height():
            self.resize(self.width(), need)

    def chosen(self) -> Settings:
        """A new Settings with the dialog's values (the original is not changed)."""
        data = self.data.text().strip()
        return replace(self._settings, input_device=self.device.currentData(), engine=self.engine.currentData(),
                       model=self.model.currentData(), thinking_time_s=self.thinking.value(),
                       voice=self.voice.isChecked(), hide_question_until_spoken=self.hide.isChecked(),
                       data_dir=data if self.data.isEnabled() and data else self._settings.data_dir)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Keep mockinterview's data in", self.data.text())
        if folder:
            self.data.setText(folder)
