"""The review screen: highlighted transcript, verdict, STAR, delivery, tips, takes (UI only)."""
from __future__ import annotations

import html

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QTextBrowser,
                               QVBoxLayout, QWidget)

from ..core.analysis import Analysis
from ..core.analysis.model import VERDICT_TEXT
from .transcript_html import legend_html, transcript_html

AGENT_WORDS = {"self": "your action", "team": "team action", "other": "someone else", "passive": "hidden agent",
               "none": "context"}


class ReviewView(QWidget):
    try_again = Signal()
    back = Signal()
    open_take = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.analysis: Analysis | None = None
        self.question = QLabel("", wordWrap=True, accessibleName="Question")
        self.question.setStyleSheet("font-size: 14pt; font-weight: 600")
        self.verdict = QLabel("", wordWrap=True, accessibleName="Verdict and score")
        self.verdict.setStyleSheet("font-size: 13pt")
        self.star = QLabel("", wordWrap=True, accessibleName="STAR coverage")
        self.delivery = QLabel("", wordWrap=True, accessibleName="Delivery")
        self.legend = QLabel(legend_html(self._dark()), accessibleName="Legend")
        self.transcript = QTextBrowser(accessibleName="Transcript with highlights")
        self.transcript.setOpenLinks(False)
        self.why = QLabel("Hover over or click a sentence to see why it got its label.", wordWrap=True,
                          accessibleName="Why this label")
        self.tips = QLabel("", wordWrap=True, accessibleName="Next steps")
        self.tips.setTextFormat(Qt.RichText)
        self.takes = QListWidget(accessibleName="Takes of this question")
        self.again = QPushButton("Try &again", accessibleName="Record a new take of this question")
        self.back_button = QPushButton("&New question", accessibleName="Back to questions")

        main = QVBoxLayout()
        main.addWidget(self.question)
        main.addWidget(self.verdict)
        main.addWidget(self.legend)
        main.addWidget(self.transcript, 1)
        main.addWidget(self.why)
        side = QVBoxLayout()
        side.addWidget(QLabel("<b>STAR</b>"))
        side.addWidget(self.star)
        side.addWidget(QLabel("<b>Delivery</b>"))
        side.addWidget(self.delivery)
        side.addWidget(QLabel("<b>Next steps</b>"))
        side.addWidget(self.tips)
        side.addWidget(QLabel("<b>Takes</b>"))
        side.addWidget(self.takes, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.again)
        buttons.addWidget(self.back_button)
        side.addLayout(buttons)
        outer = QHBoxLayout(self)
        outer.addLayout(main, 3)
        outer.addLayout(side, 2)

        self.transcript.anchorClicked.connect(self._explain)
        self.transcript.highlighted.connect(self._explain)
        self.again.clicked.connect(self.try_again)
        self.back_button.clicked.connect(self.back)
        self.takes.itemActivated.connect(lambda it: self.open_take.emit(it.data(Qt.UserRole)))

    def _dark(self) -> bool:
        return self.palette().window().color().lightness() < 128

    def show_analysis(self, question: str, a: Analysis, takes: list[tuple[int, str, float | None]]) -> None:
        self.analysis = a
        self.question.setText(question)
        o = a.ownership
        self.verdict.setText(f"<b>{o.score:.1f} / 5</b> &nbsp; {html.escape(VERDICT_TEXT[o.verdict])}")
        self.transcript.setHtml(transcript_html(a, self._dark()))
        s = a.star
        parts = [("Situation", s.situation), ("Task", s.task), ("Action", s.action), ("Result", s.result)]
        missing = [p for p, ok in parts if not ok]
        self.star.setText(" · ".join(f"{p} {'✓' if ok else '✗'}" for p, ok in parts)
                          + f"<br>Measured result: {'yes' if s.result_quantified else 'no'}; "
                          + f"actions are {s.action_share:.0%} of the answer"
                          + (f"<br>Missing: {', '.join(missing)}" if missing else ""))
        d = a.delivery
        pace = f"{d.wpm:.0f} words/min · " if d.wpm else ""
        length = f"{d.duration_s:.0f} s · " if a.duration_s else ""
        pauses = f" · long pauses {d.long_pauses}" if d.long_pauses is not None else ""
        self.delivery.setText(f"{length}{d.words} words · {pace}fillers {d.fillers_per_100_words:.1f}/100 words"
                              f" · hedges {d.hedges}{pauses}")
        self.tips.setText("<ul>" + "".join(f"<li>{html.escape(t)}</li>" for t in a.tips) + "</ul>")
        self.takes.clear()
        for aid, when, score in takes:
            item = QListWidgetItem(f"{when[:16].replace('T', ' ')}   {score:.1f} / 5" if score is not None else when)
            item.setData(Qt.UserRole, aid)
            self.takes.addItem(item)

    def _explain(self, url: QUrl) -> None:
        if not self.analysis or not url.toString().startswith("sentence:"):
            return
        s = self.analysis.sentences[int(url.toString().split(":")[1])]
        self.why.setText(f"<b>{AGENT_WORDS[s.agent]}</b> · {s.star}{' · measured result' if s.quantified else ''}"
                         f"<br>{html.escape(s.reason)}")
