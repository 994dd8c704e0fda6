"""The practice set's strip above every screen (UI only): where the set is, End set, and once it is
over, its summary (every question with its verdict and score, or skipped) until closed."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout


class PracticeSetBar(QFrame):
    end_clicked = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFrameShape(QFrame.StyledPanel)
        self.text = QLabel("", wordWrap=True, accessibleName="Practice set")
        self.text.setTextFormat(Qt.PlainText)       # it quotes the user's own questions
        self.end = QPushButton("End set  (Ctrl+Shift+E)", accessibleName="End the practice set now")
        self.end.setToolTip("End the set here: the summary lists what you answered and what was skipped")
        self.close_button = QPushButton("Close summary", accessibleName="Close the practice set's summary")
        row = QHBoxLayout()
        row.addWidget(self.text, 1)
        buttons = QVBoxLayout()
        buttons.addWidget(self.end)
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        row.addLayout(buttons)
        self.setLayout(row)
        self.end.clicked.connect(self.end_clicked)
        self.close_button.clicked.connect(self.hide)
        self.hide()

    def show_progress(self, text: str) -> None:
        self._show(text, running=True)

    def show_summary(self, text: str) -> None:
        self._show(text, running=False)

    def _show(self, text: str, running: bool) -> None:
        self.text.setText(text)
        self.text.setAccessibleDescription(text)     # a screen reader reads the whole summary
        self.end.setVisible(running)
        self.close_button.setVisible(not running)
        self.show()
