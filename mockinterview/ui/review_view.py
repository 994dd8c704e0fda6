"""The review screen: highlighted transcript, verdict, STAR, delivery, tips, takes (UI only)."""
from __future__ import annotations

import html

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QSlider,
                               QTextBrowser, QTextEdit, QVBoxLayout, QWidget)

from ..core.analysis import Analysis
from ..core.analysis.align import WordSpan, word_at, word_spans
from ..core.analysis.model import VERDICT_TEXT, Word
from .practice_view import fmt_time
from .transcript_html import legend_html, transcript_html

AGENT_WORDS = {"self": "your action", "team": "team action", "other": "someone else", "passive": "hidden agent",
               "none": "context"}


class ReviewView(QWidget):
    try_again = Signal()
    back = Signal()
    open_take = Signal(int)
    next_question = Signal()           # the next question of a practice set
    play_toggled = Signal()
    seek_requested = Signal(float)     # seconds into the answer's recording

    def __init__(self, parent=None):
        super().__init__(parent)
        self.analysis: Analysis | None = None
        self.spans: list[WordSpan] = []
        self._starts: list[float] = []
        self._word_pos: dict[int, tuple[int, int]] = {}    # word index → (document position, length)
        self.current_word: int | None = None
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
        self.play = QPushButton("▶ &Play my answer", accessibleName="Play or pause your recorded answer")
        self.position = QSlider(Qt.Horizontal, accessibleName="Position in your recording")
        self.clock = QLabel("0:00 / 0:00", accessibleName="Playback position")
        self.again = QPushButton("Try &again", accessibleName="Record a new take of this question")
        self.back_button = QPushButton("&New question", accessibleName="Back to questions")
        self.next_button = QPushButton("", accessibleName="Next question of the practice set", visible=False)

        main = QVBoxLayout()
        main.addWidget(self.question)
        main.addWidget(self.verdict)
        main.addWidget(self.legend)
        main.addWidget(self.transcript, 1)
        playback = QHBoxLayout()
        playback.addWidget(self.play)
        playback.addWidget(self.position, 1)
        playback.addWidget(self.clock)
        main.addLayout(playback)
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
        side.addWidget(self.next_button)
        outer = QHBoxLayout(self)
        outer.addLayout(main, 3)
        outer.addLayout(side, 2)

        self.transcript.anchorClicked.connect(self._clicked)
        self.transcript.highlighted.connect(self._explain)
        self.play.clicked.connect(self.play_toggled)
        self.position.sliderMoved.connect(lambda ms: self.seek_requested.emit(ms / 1000))
        self.again.clicked.connect(self.try_again)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next_question)
        self.takes.itemActivated.connect(lambda it: self.open_take.emit(it.data(Qt.UserRole)))

    def _dark(self) -> bool:
        return self.palette().window().color().lightness() < 128

    def show_analysis(self, question: str, a: Analysis, takes: list[tuple[int, str, float | None]],
                      words: list[Word] = (), audio_s: float | None = None) -> None:
        """words: the transcript's timed words; audio_s: length of the kept recording (None: no audio)."""
        self.analysis = a
        self.question.setText(question)
        o = a.ownership
        self.verdict.setText(f"<b>{o.score:.1f} / 5</b> &nbsp; {html.escape(VERDICT_TEXT[o.verdict])}")
        self.spans = word_spans(a.text, words)
        self._starts = [sp.word.start for sp in self.spans]
        self.transcript.setHtml(transcript_html(a, self._dark(), self.spans))
        self._word_pos = self._anchor_positions()
        self.current_word = None
        self.transcript.setExtraSelections([])
        for w in (self.play, self.position):
            w.setEnabled(audio_s is not None)
        self.play.setToolTip("" if audio_s is not None else "The recording of this answer is not kept.")
        self.position.setRange(0, int((audio_s or 0) * 1000))
        self.show_position(0.0, audio_s or 0.0, playing=False)
        s = a.star
        parts = [("Situation", s.situation), ("Task", s.task), ("Action", s.action), ("Result", s.result)]
        missing = [p for p, ok in parts if not ok]
        self.star.setText(" · ".join(f"{p} {'✓' if ok else '✗'}" for p, ok in parts)
                          + f"<br>Measured result: {'yes' if s.result_quantified else 'no'}; "
                          + f"actions are {s.action_share:.0%} of the answer"
                          + (f"<br>Missing: {', '.join(missing)}" if missing else ""))
        d = a.delivery
        pace = f"{d.wpm:.0f} words/min · " if d.wpm else ""
        length = f"{a.duration_s:.0f} s · " if a.duration_s else ""
        pauses = f" · long pauses {d.long_pauses}" if d.long_pauses is not None else ""
        self.delivery.setText(f"{length}{d.words} words · {pace}fillers {d.fillers_per_100_words:.1f}/100 words"
                              f" · hedges {d.hedges}{pauses}")
        self.tips.setText("<ul>" + "".join(f"<li>{html.escape(t)}</li>" for t in a.tips) + "</ul>")
        self.takes.clear()
        for aid, when, score in takes:
            item = QListWidgetItem(f"{when[:16].replace('T', ' ')}   {score:.1f} / 5" if score is not None else when)
            item.setData(Qt.UserRole, aid)
            self.takes.addItem(item)

    def set_next(self, text: str | None) -> None:
        """During a practice set: the button to go on (None hides it)."""
        self.next_button.setText(f"▶ {text}  (Ctrl+Enter)" if text else "")
        self.next_button.setVisible(bool(text))

    # -- playback --------------------------------------------------------------------------------------
    def _anchor_positions(self) -> dict[int, tuple[int, int]]:
        out: dict[int, tuple[int, int]] = {}
        block = self.transcript.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                frag = it.fragment()
                href = frag.charFormat().anchorHref()
                if href.startswith("word:"):
                    wi = int(href.split(":")[2])
                    first = out.get(wi, (frag.position(), 0))[0]
                    out[wi] = (first, frag.position() + frag.length() - first)
                it += 1
            block = block.next()
        return out

    def show_position(self, t: float, duration: float, playing: bool) -> None:
        """Move the clock and slider, and mark the word being spoken at t."""
        self.play.setText("❚❚ &Pause" if playing else "▶ &Play my answer")
        self.clock.setText(f"{fmt_time(t)} / {fmt_time(duration)}")
        if not self.position.isSliderDown():
            self.position.setValue(int(t * 1000))
        wi = word_at(self._starts, t) if (playing or t > 0) else None
        if wi == self.current_word:
            return
        self.current_word = wi
        selections = []
        if wi is not None and wi in self._word_pos:
            pos, length = self._word_pos[wi]
            sel = QTextEdit.ExtraSelection()
            sel.cursor = QTextCursor(self.transcript.document())
            sel.cursor.setPosition(pos)
            sel.cursor.setPosition(pos + length, QTextCursor.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setBackground(self.palette().highlight())
            fmt.setForeground(self.palette().highlightedText())
            sel.format = fmt
            selections.append(sel)
            caret = QTextCursor(self.transcript.document())
            caret.setPosition(pos)
            self.transcript.setTextCursor(caret)             # keeps the spoken word in view
            self.transcript.ensureCursorVisible()
        self.transcript.setExtraSelections(selections)

    def _clicked(self, url: QUrl) -> None:
        self._explain(url)
        parts = url.toString().split(":")
        if parts[0] == "word" and self.play.isEnabled():
            self.seek_requested.emit(self.spans[int(parts[2])].word.start)

    def _explain(self, url: QUrl) -> None:
        parts = url.toString().split(":")
        if not self.analysis or parts[0] not in ("sentence", "word"):
            return
        s = self.analysis.sentences[int(parts[1])]
        self.why.setText(f"<b>{AGENT_WORDS[s.agent]}</b> · {s.star}{' · measured result' if s.quantified else ''}"
                         f"<br>{html.escape(s.reason)}")
