"""The welcome shown at first start (and from Help → Welcome): checks the microphone, explains the
score, the verdicts and the review's colours on one screen, says that nothing leaves the machine,
and offers a first question (UI only: the window decides what "start" does)."""
from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from ..core.analysis.model import VERDICT_TEXT, verdict_word
from .mic_check import MicCheck
from .transcript_html import DARK, LEGEND, LIGHT

FIRST_QUESTION = "teamwork-01"    # "…part of a successful team": where "I" and "we" matter most

PRIVACY = ("Your recordings and transcripts never leave this computer: the speech is turned into text "
           "here, on this machine, and nothing is sent anywhere.")
INTRO = ("Practise interview answers aloud: hear a question, answer as you would in the interview, "
         "and see how clearly you told what you did.")
MIC_HINT = "Press Test microphone and say a few words: the bar should move."
SCORE = "Every answer gets a score from 1 to 5 for how clearly it tells what you did yourself:"
# The bands core/analysis/ownership.judge gives each verdict (rounded); a test holds them to it.
SCORE_BANDS = {"individual": (4, 5), "mixed": (2, 3), "team_only": (1, 2)}
FIVE = "A 5 also needs a measured result that is yours (“I cut the errors by 30%”)."
# What each colour of the review marks, in plain words with an example (keys: transcript_html.LEGEND).
MEANING = {"self": "what you did yourself: “I rewrote the rota”",
           "team": "what “we” did, with no part of it yours: “we shipped it”",
           "other": "what another person did: “my manager decided”",
           "passive": "done, but by whom? “the process was changed”",
           "metric": "measured results: “by 20%”, “in two weeks”",
           "hedge": "words that weaken a claim: “sort of”, “I think”",
           "filler": "“um”, “like”, “you know”"}
# The shapes that tell the marks apart without colour, read from their styles (for a screen reader).
_CUES = (("bold", "bold"), ("italic", "italic"), ("underline", "underlined"), ("line-through", "struck through"),
         ("background", "on a tinted background"))


def cues(style: str) -> str:
    """'background:#cfe3ff; color:#0b3d91; font-weight:bold' → 'bold, on a tinted background'."""
    return ", ".join(words for key, words in _CUES if key in style) or "in its own colour"


def verdict_lines() -> list[str]:
    """'Individual (4–5): your own actions carry the story', best first."""
    out = []
    for v, (lo, hi) in SCORE_BANDS.items():
        meaning = VERDICT_TEXT[v].split(":", 1)[1].strip()
        out.append(f"{verdict_word(v)} ({lo}–{hi}): {meaning}")
    return out


class WelcomeDialog(QDialog):
    start_first_question = Signal()

    def __init__(self, backend=None, device: str | None = None, parent=None):
        """backend: the audio backend (None: the system's); device: the microphone chosen in Settings."""
        super().__init__(parent)
        self.setWindowTitle("Welcome to mockinterview")
        self.setAccessibleName("Welcome to mockinterview")
        title = QLabel("Welcome to mockinterview")
        title.setStyleSheet("font-size: 16pt; font-weight: 600")
        intro = QLabel(INTRO.replace(" you did", " <i>you</i> did"), wordWrap=True)
        self.setAccessibleDescription(f"{INTRO} {PRIVACY}")     # what a screen reader says as it opens

        self.mic = MicCheck(backend, device=lambda: device, idle=MIC_HINT, parent=self)
        mic_head = QLabel("<b>1. Check your microphone</b>")
        self.mic.test.setAutoDefault(False)          # Enter anywhere starts; Space presses the focused button
        self.mic.test.setAccessibleDescription("While it is on, it records to a throw-away file and shows the level")

        score_head = QLabel("<b>2. The score and the verdicts</b>")
        self.score = QLabel(wordWrap=True, accessibleName="The score")
        lines = verdict_lines()
        self.score.setText(html.escape(SCORE) + "<ul style='margin:0'>" + "".join(
            f"<li>{html.escape(line)}</li>" for line in lines) + "</ul>" + html.escape(FIVE))
        self.score.setAccessibleDescription(" ".join([SCORE, *(f"{line}." for line in lines), FIVE]))

        legend_head = QLabel("<b>3. The colours in the review</b>")
        # not wrapped: a wrapped label mis-measures a table's height and cut off its last rows
        self.legend = QLabel(accessibleName="What the colours in the review mean")
        self.legend.setAutoFillBackground(True)      # drawn on the page colour, as in the review's transcript
        self.legend.setBackgroundRole(QPalette.Base)
        self.legend.setForegroundRole(QPalette.Text)
        self.legend.setContentsMargins(8, 6, 8, 6)

        privacy_head = QLabel("<b>4. Private</b>")
        self.privacy = QLabel(PRIVACY, wordWrap=True, accessibleName="Privacy")
        self.privacy.setAccessibleDescription(PRIVACY)

        self.buttons = QDialogButtonBox()
        self.start = QPushButton("&Start with a first question", accessibleName="Start with a first question")
        self.start.setAccessibleDescription("Closes this and asks you a first question; press Space to record")
        self.close_button = self.buttons.addButton("Close", QDialogButtonBox.RejectRole)
        self.close_button.setAccessibleDescription("Help → Welcome shows this again")
        self.buttons.addButton(self.start, QDialogButtonBox.AcceptRole)

        box = QVBoxLayout(self)
        box.addWidget(title)
        box.addWidget(intro)
        box.addSpacing(6)
        box.addWidget(mic_head)
        row = QHBoxLayout()
        row.addWidget(self.mic.test)
        row.addWidget(self.mic.level, 1)
        box.addLayout(row)
        box.addWidget(self.mic.note)
        box.addSpacing(6)
        box.addWidget(score_head)
        box.addWidget(self.score)
        box.addWidget(legend_head)
        box.addWidget(self.legend)
        box.addSpacing(6)
        box.addWidget(privacy_head)
        box.addWidget(self.privacy)
        box.addWidget(self.buttons)
        # once in the dialog: set before, the dialog does not know it and Close keeps it after a Tab
        self.start.setDefault(True)
        self.setMinimumWidth(600)
        self.setTabOrder(self.mic.test, self.start)
        self.setTabOrder(self.start, self.close_button)
        self.start.setFocus()

        self.buttons.accepted.connect(self._start)
        self.buttons.rejected.connect(self.reject)
        self.finished.connect(lambda _r: self.mic.stop())
        self._show_legend()

    def _start(self) -> None:
        self.accept()
        self.start_first_question.emit()

    def _dark(self) -> bool:
        return self.palette().window().color().lightness() < 128

    def _show_legend(self) -> None:
        """Each mark as the review draws it (the same styles), and what it means."""
        styles = DARK if self._dark() else LIGHT
        rows = "".join(f'<tr><td style="padding:2px 10px 2px 0"><span style="{styles[kind]}">{html.escape(name)}</span>'
                       f'</td><td style="padding:2px 0">{html.escape(MEANING.get(kind, ""))}</td></tr>'
                       for kind, name in LEGEND)
        self.legend.setText(f"<table>{rows}</table>")
        self.legend.setMinimumSize(self.legend.sizeHint())   # the dialog would squeeze it otherwise
        self.legend.setAccessibleDescription("; ".join(
            f"{name}, shown {cues(styles[kind])}: {MEANING.get(kind, name)}" for kind, name in LEGEND))

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.PaletteChange:
            self._show_legend()
