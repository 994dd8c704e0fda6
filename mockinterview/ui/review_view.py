"""The review screen: highlighted transcript, verdict, STAR, delivery, tips, takes (UI only)."""
from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QSlider, QStackedWidget,
                               QTextBrowser, QTextEdit, QVBoxLayout, QWidget)

from ..core.analysis import Analysis
from ..core.analysis.align import WordSpan, doubtful_words, word_at, word_spans
from ..core.analysis.marks import Mark, describe, marks, summary
from ..core.analysis.model import VERDICT_TEXT, Word
from ..core.local_time import when
from ..core.report_model import answer_report, review_summary
from .practice_view import fmt_time
from .takes_panel import TakesPanel
from .transcript_html import DOUBT_TIP, legend_html, legend_text, transcript_html


class CorrectionEditor(QPlainTextEdit):
    """The transcript as plain text to correct. Esc cancels and Ctrl+Enter saves; both are taken
    before the window's own shortcuts (Esc cancels a take there, Ctrl+Enter goes to the next question)."""
    cancelled = Signal()
    saved = Signal()

    @staticmethod
    def _ours(e) -> bool:
        return e.key() == Qt.Key_Escape or (e.key() in (Qt.Key_Return, Qt.Key_Enter)
                                            and bool(e.modifiers() & Qt.ControlModifier))

    def event(self, e) -> bool:
        if e.type() == QEvent.ShortcutOverride and self._ours(e):
            e.accept()
            return True
        return super().event(e)

    def keyPressEvent(self, e) -> None:
        if not self._ours(e):
            super().keyPressEvent(e)
        elif e.key() == Qt.Key_Escape:
            self.cancelled.emit()
        else:
            self.saved.emit()

HINT = ("Space: record a new take of this question; Alt+Down/Alt+Up: next/previous word in the transcript; "
        "Alt+Shift+Down/Up: next/previous highlight; Ctrl+E: correct the transcript.")


class TranscriptBrowser(QTextBrowser):
    """Every word is a link (click to hear it, hover for why): with Tab walking the links, leaving a
    46-s answer took about 250 presses. Tab and Shift+Tab now leave the transcript, as anywhere else;
    Alt+Down and Alt+Up step through its words, Alt+Shift+Down and Alt+Shift+Up through its
    highlights (step_mark: +1 or -1; the review announces each)."""
    step_mark = Signal(int)
    left = Signal()                 # the focus went elsewhere

    def keyPressEvent(self, e) -> None:
        if e.key() in (Qt.Key_Down, Qt.Key_Up) and e.modifiers() & Qt.AltModifier \
                and e.modifiers() & Qt.ShiftModifier:
            self.step_mark.emit(1 if e.key() == Qt.Key_Down else -1)
            return
        if e.key() in (Qt.Key_Down, Qt.Key_Up) and e.modifiers() & Qt.AltModifier:
            super().focusNextPrevChild(e.key() == Qt.Key_Down)      # QTextBrowser: the next link
            href = self.textCursor().charFormat().anchorHref()
            if href:
                self.highlighted.emit(QUrl(href))                   # its "why" line, as on hovering
            return
        super().keyPressEvent(e)

    def focusNextPrevChild(self, forward: bool) -> bool:
        return QWidget.focusNextPrevChild(self, forward)            # the next widget, not the next link

    def focusOutEvent(self, e) -> None:
        super().focusOutEvent(e)
        self.left.emit()

WHY_HINT = "Hover over or click a sentence (or Alt+Down in the transcript) to see why it got its label."

AGENT_WORDS = {"self": "your action", "team": "team action", "other": "someone else", "passive": "hidden agent",
               "none": "context"}


class ReviewView(QWidget):
    try_again = Signal()
    back = Signal()
    open_take = Signal(int)
    next_question = Signal()           # the next question of a practice set
    play_toggled = Signal()
    seek_requested = Signal(float)     # seconds into the answer's recording
    correction_saved = Signal(str)     # the user's corrected transcript text
    restore_requested = Signal()       # go back to the engine's transcript
    original_requested = Signal()      # show the engine's transcript

    def __init__(self, parent=None):
        super().__init__(parent)
        self.analysis: Analysis | None = None
        self.spans: list[WordSpan] = []
        self._starts: list[float] = []
        self._word_pos: dict[int, tuple[int, int]] = {}    # word index → (document position, length)
        self.marks: list[Mark] = []                          # the highlights, in words (core marks.py)
        self._mark_pos: dict[int, tuple[int, int]] = {}    # mark index → (start, end) in the document
        self.current_mark: int | None = None
        self.current_word: int | None = None
        self.question = QLabel("", wordWrap=True, accessibleName="Question")
        self.question.setStyleSheet("font-size: 14pt; font-weight: 600")
        self.verdict = QLabel("", wordWrap=True, accessibleName="Verdict and score")
        self.verdict.setStyleSheet("font-size: 13pt")
        self.star = QLabel("", wordWrap=True, accessibleName="STAR coverage")
        self.delivery = QLabel("", wordWrap=True, accessibleName="Delivery")
        self.legend = QLabel(legend_html(self._dark()), wordWrap=True, accessibleName="Legend")
        self.legend.setAccessibleDescription(legend_text())
        self.transcript = TranscriptBrowser(accessibleName="Transcript with highlights")
        self.transcript.setOpenLinks(False)
        self.doubtful: list[WordSpan] = []
        self.stage_note = QLabel("", wordWrap=True, accessibleName="Transcript status")
        self.edit_button = QPushButton("✎ &Edit transcript", accessibleName="Correct words the speech engine mis-heard")
        self.edit_button.setToolTip("Correct mis-heard words (Ctrl+E); the analysis is redone from your text.")
        self.edit_button.setShortcut("Ctrl+E")
        self.original_button = QPushButton("View o&riginal", accessibleName="View the transcript as the engine heard it",
                                           visible=False)
        self.restore_button = QPushButton("Restore original…", accessibleName="Undo your corrections", visible=False)
        self.editor = CorrectionEditor(accessibleName="Transcript to correct")
        font = self.editor.font()
        font.setPointSize(13)                     # as large as the transcript it replaces
        self.editor.setFont(font)
        self.editor.setToolTip("Correct what was mis-heard. Ctrl+Enter saves, Esc cancels.")
        self.save_edit = QPushButton("&Save correction (Ctrl+Enter)", accessibleName="Save the corrected transcript")
        self.cancel_edit = QPushButton("Cancel (Esc)", accessibleName="Leave the transcript as it was")
        edit_page = QWidget()
        edit_layout = QVBoxLayout(edit_page)
        edit_layout.setContentsMargins(0, 0, 0, 0)
        edit_layout.addWidget(QLabel("Correct what the speech engine mis-heard. Words you leave alone keep their "
                                     "timing; the analysis is redone from your text.", wordWrap=True))
        edit_layout.addWidget(self.editor, 1)
        edit_buttons = QHBoxLayout()
        edit_buttons.addWidget(self.save_edit)
        edit_buttons.addWidget(self.cancel_edit)
        edit_buttons.addStretch(1)
        edit_layout.addLayout(edit_buttons)
        self.transcript_pages = QStackedWidget()
        self.transcript_pages.addWidget(self.transcript)
        self.transcript_pages.addWidget(edit_page)
        self.why = QLabel(WHY_HINT, wordWrap=True,
                          accessibleName="Why this label")
        self.tips = QLabel("", wordWrap=True, accessibleName="Next steps")
        self.tips.setTextFormat(Qt.RichText)
        self.takes_panel = TakesPanel()
        self.takes = self.takes_panel.table
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
        note_row = QHBoxLayout()
        note_row.addWidget(self.stage_note, 1)
        note_row.addWidget(self.original_button)
        note_row.addWidget(self.restore_button)
        note_row.addWidget(self.edit_button)
        main.addLayout(note_row)
        main.addWidget(self.transcript_pages, 1)
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
        side.addWidget(self.takes_panel, 1)
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
        self.takes_panel.open_take.connect(self.open_take)
        self.transcript.step_mark.connect(self.step_mark)
        self.transcript.left.connect(self._describe_transcript)
        self.edit_button.clicked.connect(self.start_editing)
        self.save_edit.clicked.connect(self._save_edit)
        self.editor.saved.connect(self._save_edit)
        self.cancel_edit.clicked.connect(self._cancel_edit)
        self.editor.cancelled.connect(self._cancel_edit)
        self.original_button.clicked.connect(self.original_requested)
        self.restore_button.clicked.connect(self.restore_requested)

    def showEvent(self, event) -> None:
        """The transcript has the focus (a focused button would take Space, which here means: try again)."""
        super().showEvent(event)
        if not event.spontaneous():
            (self.editor if self.editing else self.transcript).setFocus()

    def status_text(self) -> str:
        return HINT

    def _dark(self) -> bool:
        return self.palette().window().color().lightness() < 128

    def show_analysis(self, question: str, a: Analysis, words: list[Word] = (), audio_s: float | None = None) -> None:
        """words: the transcript's timed words; audio_s: length of the kept recording (None: no audio).
        The takes of the question come separately (takes_panel), read in a worker."""
        self.analysis = a
        self.question.setText(question)
        self.why.setText(WHY_HINT)                 # not the previous answer's sentence
        o = a.ownership
        self.verdict.setText(f"<b>{o.score:.1f} / 5</b> &nbsp; {html.escape(VERDICT_TEXT[o.verdict])}")
        # a screen reader reads a label's name, not its rich text: the content goes in the description
        self.verdict.setAccessibleDescription(f"Score {o.score:.1f} out of 5. {VERDICT_TEXT[o.verdict]}")
        self.spans = word_spans(a.text, words)
        self._starts = [sp.word.start for sp in self.spans]
        doubtful = doubtful_words(self.spans)
        self.doubtful = [self.spans[i] for i in sorted(doubtful)]
        self.marks = marks(a)
        self.current_mark = None
        self.transcript.setHtml(transcript_html(a, self._dark(), self.spans, doubtful,
                                                self.palette().text().color().name(), self.marks))
        self._mark_doubtful()
        self._word_pos, self._mark_pos = self._anchor_positions()
        self._describe_transcript()
        self.stop_editing()
        self.current_word = None
        self.transcript.setExtraSelections([])
        for w in (self.play, self.position):
            w.setEnabled(audio_s is not None)
        self.play.setToolTip("" if audio_s is not None else "The recording of this answer is not kept.")
        self.position.setRange(0, int((audio_s or 0) * 1000))
        self.show_position(0.0, audio_s or 0.0, playing=False)
        summary = review_summary(answer_report(a))      # the same words as the terminal and the exports
        self.star.setText("<br>".join(html.escape(line) for line in summary.star_lines))
        self.star.setAccessibleDescription(summary.star_description)
        self.delivery.setText("<br>".join(html.escape(line) for line in summary.delivery))
        self.delivery.setAccessibleDescription(". ".join(summary.delivery) + ".")
        self.tips.setText("<ul>" + "".join(f"<li>{html.escape(t)}</li>" for t in a.tips) + "</ul>")
        self.tips.setAccessibleDescription(" ".join(f"{i}. {t}" for i, t in enumerate(a.tips, 1)))
        self.takes_panel.loading()

    def set_transcript_state(self, provisional: bool, corrected: str | None, note: str = "") -> None:
        """provisional: the final transcript is still being made (editing waits for it);
        corrected: when the user corrected it (None: as the engine heard it)."""
        if provisional:
            note = note or "First transcript, made while you spoke: checking it against the whole recording…"
        elif corrected:
            note = note or f"You corrected this transcript ({when(corrected)})."
        self.stage_note.setText(note)
        self.edit_button.setEnabled(not provisional)
        self.edit_button.setToolTip("Editing is possible once the whole recording has been checked." if provisional
                                    else "Correct mis-heard words (Ctrl+E); the analysis is redone from your text.")
        for b in (self.original_button, self.restore_button):
            b.setVisible(bool(corrected))

    # -- correcting the transcript -----------------------------------------------------------------------
    @property
    def editing(self) -> bool:
        return self.transcript_pages.currentIndex() == 1

    def start_editing(self) -> None:
        if self.analysis is None or not self.edit_button.isEnabled():
            return
        self.editor.setPlainText(self.analysis.text)
        self.transcript_pages.setCurrentIndex(1)
        self.editor.setFocus()

    def stop_editing(self) -> None:
        was_editing = self.editing
        self.transcript_pages.setCurrentIndex(0)
        if was_editing:
            self.transcript.setFocus()

    def set_busy(self, busy: bool) -> None:
        """The correction is being analysed and saved: the editor waits, read-only."""
        self.editor.setReadOnly(busy)
        for b in (self.save_edit, self.cancel_edit, self.restore_button):
            b.setEnabled(not busy)

    def _cancel_edit(self) -> None:
        if not self.editor.isReadOnly():
            self.stop_editing()

    def _save_edit(self) -> None:
        if self.editor.isReadOnly():
            return                                 # already being saved
        text = self.editor.toPlainText()
        if self.analysis is not None and " ".join(text.split()) == " ".join(self.analysis.text.split()):
            self.stop_editing()                  # nothing changed
            return
        self.correction_saved.emit(text)

    # -- doubtful words ----------------------------------------------------------------------------------
    def _mark_doubtful(self) -> None:
        """A dotted underline under words the engine was unsure of (the HTML gave them a tooltip; Qt's
        rich text has no CSS for the underline style)."""
        if not self.doubtful:
            return
        block = self.transcript.document().begin()
        cursor = QTextCursor(self.transcript.document())
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                frag = it.fragment()
                if frag.charFormat().toolTip().startswith(DOUBT_TIP.split("{")[0]):
                    cursor.setPosition(frag.position())
                    cursor.setPosition(frag.position() + frag.length(), QTextCursor.KeepAnchor)
                    fmt = QTextCharFormat()
                    fmt.setUnderlineStyle(QTextCharFormat.DotLine)
                    fmt.setUnderlineColor(self.palette().text().color())
                    cursor.mergeCharFormat(fmt)
                it += 1
            block = block.next()

    # -- the highlights, for a screen reader ----------------------------------------------------------
    def _describe_transcript(self) -> None:
        """The transcript's description: its highlights in words, then the words that may be mis-heard."""
        if self.analysis is not None:
            self.transcript.setAccessibleDescription(summary(self.analysis, self.marks) + " "
                                                     + self._doubt_description(self.analysis.text))

    def step_mark(self, step: int) -> None:
        """Select the next (+1) or previous (-1) highlight and announce it: its words and who acts."""
        if self.analysis is None or not self._mark_pos:
            return
        k = self.current_mark
        k = (0 if step > 0 else len(self.marks) - 1) if k is None else max(0, min(len(self.marks) - 1, k + step))
        while k not in self._mark_pos and 0 <= k + step < len(self.marks):
            k += step
        if k not in self._mark_pos:
            return
        self.current_mark = k
        start, end = self._mark_pos[k]
        cursor = QTextCursor(self.transcript.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.KeepAnchor)
        self.transcript.setTextCursor(cursor)           # selected: seen, and read by a screen reader
        self.transcript.ensureCursorVisible()
        self._explain(QUrl(f"sentence:{self.marks[k].sentence}"))
        # a new description is announced (Qt sends DescriptionChanged); it goes back to the summary on leaving
        self.transcript.setAccessibleDescription(f"Highlight {k + 1} of {len(self.marks)}: "
                                                 f"{describe(self.analysis, self.marks[k])}")

    def _doubt_description(self, text: str) -> str:
        if not self.doubtful:
            return "Every word was heard clearly."
        words = ", ".join(f"“{text[sp.start:sp.end]}” ({sp.word.probability:.0%})" for sp in self.doubtful[:20])
        more = f" and {len(self.doubtful) - 20} more" if len(self.doubtful) > 20 else ""
        return (f"{len(self.doubtful)} word{'s' if len(self.doubtful) != 1 else ''} may be mis-heard, with the "
                f"engine's confidence: {words}{more}. Press Ctrl+E to correct them.")

    def set_next(self, text: str | None) -> None:
        """During a practice set: the button to go on (None hides it)."""
        self.next_button.setText(f"▶ {text}  (Ctrl+Enter)" if text else "")
        self.next_button.setVisible(bool(text))

    # -- playback --------------------------------------------------------------------------------------
    def _anchor_positions(self) -> tuple[dict[int, tuple[int, int]], dict[int, tuple[int, int]]]:
        """word index → (document position, length); mark index → (start, end) in the document."""
        out: dict[int, tuple[int, int]] = {}
        marked: dict[int, tuple[int, int]] = {}
        block = self.transcript.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                frag = it.fragment()
                parts = frag.charFormat().anchorHref().split(":")
                if parts[0] == "word":
                    wi = int(parts[2])
                    first = out.get(wi, (frag.position(), 0))[0]
                    out[wi] = (first, frag.position() + frag.length() - first)
                if parts[-1].startswith("m") and parts[-1][1:].isdigit():
                    k = int(parts[-1][1:])
                    marked[k] = (marked.get(k, (frag.position(), 0))[0], frag.position() + frag.length())
                it += 1
            block = block.next()
        return out, marked

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
