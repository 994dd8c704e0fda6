"""A background task's progress in the status bar: what it does, a bar, and Stop (UI only).
Unlike a progress dialog it blocks nothing: the window stays usable while the task runs."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget


class StatusProgress(QWidget):
    stop_clicked = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.label = QLabel("")
        self.bar = QProgressBar(accessibleName="Background task progress")
        self.bar.setMaximumWidth(160)
        self.bar.setTextVisible(True)
        self.stop = QToolButton(text="S&top", accessibleName="Stop the background task")   # Alt+T
        self.stop.setToolTip("Stop now (Alt+T); what is left is done at the next start.")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.stop)
        self.stop.clicked.connect(self.stop_clicked)
        self.hide()

    def start(self, text: str, total: int) -> None:
        self.label.setText(text)
        self.bar.setRange(0, max(1, total))
        self.bar.setValue(0)
        self.bar.setFormat(f"0 of {total}")
        self.stop.setEnabled(True)
        self.setAccessibleDescription(text)
        self.show()

    def show_progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(1, total))
        self.bar.setValue(min(done, total))
        self.bar.setFormat(f"{min(done, total)} of {total}")

    def stopping(self) -> None:
        self.stop.setEnabled(False)
        self.label.setText("Stopping…")

    def finish(self) -> None:
        self.hide()
