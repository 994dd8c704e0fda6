"""Pick a question and record the answer: the practice screen (UI only)."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QProgressBar, QPushButton, QVBoxLayout, QWidget)

from ..core.questions import Question
from ..core.targets import ANSWER_SECONDS, aim_seconds

SUGGESTED = ANSWER_SECONDS   # a good answer takes about 1 to 2.5 minutes (core/targets.py)
NOT_STARTED = f"0:00  ({aim_seconds().replace('aim ', 'aim for ')})"
STRONG_CLOSED = "▸ &What a strong answer shows"
STRONG_OPEN = "▾ &What a strong answer shows"


# hide mode: nothing plays until asked (arrowing through the list must not set off a voice each time)
HIDDEN = "Press Play or Enter to hear the question; its text appears once it has been spoken."


def fmt_time(s: float) -> str:
    return f"{int(s) // 60}:{int(s) % 60:02d}"


class PracticeView(QWidget):
    record_clicked = Signal()
    pause_clicked = Signal()
    cancel_clicked = Signal()
    rerecord_clicked = Signal()
    question_changed = Signal(object)
    play_clicked = Signal()
    set_clicked = Signal()             # start a practice set
    add_clicked = Signal()
    edit_clicked = Signal()
    delete_clicked = Signal()
    status_changed = Signal(str)       # what the status line says now

    def __init__(self, questions: list[Question], parent=None):
        super().__init__(parent)
        self._questions = questions
        self.competency = QComboBox(accessibleName="Competency filter")
        self._fill_competencies()
        self.search = QLineEdit(placeholderText="Search questions…", accessibleName="Search questions")
        self.random = QPushButton("&Random question", accessibleName="Random question")
        self.list = QListWidget(accessibleName="Questions")
        self.start_set = QPushButton("Practice &set (5)", accessibleName="Practice five questions of one competency")
        self.start_set.setToolTip("Five questions of the chosen competency (or of a random one), one after another")
        self.add = QPushButton("&Add…", accessibleName="Add your own question")
        self.edit = QPushButton("&Edit…", accessibleName="Edit your question", enabled=False)
        self.delete = QPushButton("De&lete…", accessibleName="Delete your question", enabled=False)
        self.question = QLabel("Choose a question.", wordWrap=True, accessibleName="Current question")
        self.question.setStyleSheet("font-size: 16pt; font-weight: 600; padding: 8px 0")
        self.probe = QLabel("", wordWrap=True, accessibleName="Follow-up the interviewer may ask")
        self.play = QPushButton("▶ &Play question", accessibleName="Play the question aloud")
        # the bank's "what a strong answer shows": folded away, so one can try the question first
        self.strong_toggle = QPushButton(STRONG_CLOSED, accessibleName="What a strong answer shows",
                                         checkable=True, visible=False)
        self.strong = QLabel("", wordWrap=True, accessibleName="What a strong answer shows", visible=False)
        self._hide_text = False           # the setting "hide the question until it has been spoken"
        self._revealed = True             # the question (and what belongs to it) may be shown
        self.record = QPushButton("● Record  (Space)", accessibleName="Record your answer")
        self.record.setMinimumHeight(44)
        self.pause = QPushButton("Pause", accessibleName="Pause or resume", enabled=False)
        self.cancel = QPushButton("Cancel  (Esc)", accessibleName="Cancel this take", enabled=False)
        self.rerecord = QPushButton("Re-recor&d", accessibleName="Discard this take and start again", enabled=False)
        self.level = QProgressBar(accessibleName="Input level", minimum=0, maximum=60, textVisible=False)
        self.elapsed = QLabel(NOT_STARTED, accessibleName="Elapsed time")
        self.status = QLabel("", wordWrap=True, accessibleName="Status")
        # the user's own questions (and what is said about them) are shown as typed, never as markup
        for label in (self.question, self.probe, self.strong, self.status):
            label.setTextFormat(Qt.PlainText)
        self._idle = ""                   # what the status line says when nothing is going on
        self.loading = QProgressBar(accessibleName="Loading the speech model", minimum=0, maximum=0,
                                    visible=False)           # a busy bar: loading reports no steps
        self.cancel_load = QPushButton("Cancel loading", accessibleName="Cancel loading the speech model",
                                       visible=False)
        self.load_model = QPushButton("Load speech model", accessibleName="Load the speech model", visible=False)

        left = QVBoxLayout()
        row = QHBoxLayout()
        row.addWidget(self.competency)
        row.addWidget(self.random)
        row.addWidget(self.start_set)
        left.addLayout(row)
        left.addWidget(self.search)
        left.addWidget(self.list, 1)
        mine = QHBoxLayout()
        mine.addWidget(QLabel("Your questions:"))
        mine.addWidget(self.add)
        mine.addWidget(self.edit)
        mine.addWidget(self.delete)
        left.addLayout(mine)
        right = QVBoxLayout()
        right.addWidget(self.question)
        right.addWidget(self.probe)
        right.addWidget(self.play)
        right.addWidget(self.strong_toggle, 0, Qt.AlignLeft)
        right.addWidget(self.strong)
        right.addStretch(1)
        controls = QHBoxLayout()
        controls.addWidget(self.record, 2)
        controls.addWidget(self.pause)
        controls.addWidget(self.rerecord)
        controls.addWidget(self.cancel)
        right.addLayout(controls)
        meter = QHBoxLayout()
        meter.addWidget(self.level, 1)
        meter.addWidget(self.elapsed)
        right.addLayout(meter)
        right.addWidget(self.status)
        load = QHBoxLayout()
        load.addWidget(self.loading, 1)
        load.addWidget(self.cancel_load)
        load.addWidget(self.load_model)
        right.addLayout(load)
        outer = QHBoxLayout(self)
        outer.addLayout(left, 2)
        outer.addLayout(right, 3)

        self.competency.currentIndexChanged.connect(self._fill)
        self.search.textChanged.connect(self._fill)
        self.list.currentItemChanged.connect(self._picked)
        self.list.itemActivated.connect(lambda _item: self.play_clicked.emit())
        self.play.clicked.connect(self.play_clicked)
        self.strong_toggle.toggled.connect(lambda _on: self._show_extras())
        self.start_set.clicked.connect(self.set_clicked)
        self.add.clicked.connect(self.add_clicked)
        self.edit.clicked.connect(self.edit_clicked)
        self.delete.clicked.connect(self.delete_clicked)
        self.record.clicked.connect(self.record_clicked)
        self.pause.clicked.connect(self.pause_clicked)
        self.cancel.clicked.connect(self.cancel_clicked)
        self.rerecord.clicked.connect(self.rerecord_clicked)
        self._fill()

    # -- browsing -------------------------------------------------------------------------------
    def _fill_competencies(self) -> None:
        current = self.competency.currentData()
        self.competency.blockSignals(True)
        self.competency.clear()
        self.competency.addItem("All competencies", None)
        for c in sorted({q.competency for q in self._questions}):
            self.competency.addItem(c.capitalize(), c)
        self.competency.setCurrentIndex(max(0, self.competency.findData(current)))
        self.competency.blockSignals(False)

    def set_questions(self, questions: list[Question], select: str | None = None) -> None:
        """New or changed questions (the user's own); keeps the selection where possible."""
        keep = select or (self.current_question().id if self.current_question() else None)
        self._questions = questions
        self._fill_competencies()
        self._fill()
        if keep:
            self.select(keep)

    @property
    def hide_text(self) -> bool:
        return self._hide_text

    @hide_text.setter
    def hide_text(self, on: bool) -> None:
        """Hidden questions are not readable in the list either: it names them by number."""
        if on != self._hide_text:
            self._hide_text = on
            keep = self.current_question()
            self._fill()
            if keep:
                self.select(keep.id)

    def _fill(self) -> None:
        want = self.competency.currentData()
        words = self.search.text().lower().split()
        self.list.clear()
        for number, q in enumerate(self._questions, 1):
            if want and q.competency != want:
                continue
            if words and not all(w in q.text.lower() or w in q.competency for w in words):
                continue
            shown = f"Question {number} · {q.competency.capitalize()}" if self._hide_text else q.text
            item = QListWidgetItem(("✎ " if q.mine else "") + shown)
            item.setData(Qt.UserRole, q)
            item.setToolTip("Its text appears once it has been spoken (Settings: hide the question)"
                            if self._hide_text else f"{q.competency} · " + ("your question" if q.mine else q.id))
            self.list.addItem(item)

    def _picked(self, item) -> None:
        q = item.data(Qt.UserRole) if item else None
        self._revealed = not self.hide_text
        self.question.setText((HIDDEN if self.hide_text else q.text) if q else "Choose a question.")
        self._show_extras()
        for w in (self.edit, self.delete):
            w.setEnabled(bool(q) and q.mine)
        if self.list.isEnabled():         # (not while a take is being recorded)
            self.show_status(self._idle)  # a message about the last question or take is stale now
            self.elapsed.setText(NOT_STARTED)
            self.level.setValue(0)
        self.question_changed.emit(q)

    def reveal(self) -> None:
        q = self.current_question()
        self._revealed = True
        if q:
            self.question.setText(q.text)
        self._show_extras()

    def _show_extras(self) -> None:
        """The follow-up and what a strong answer shows: nothing of them before the question itself is
        shown (in "hide the question until spoken" they would give it away)."""
        q = self.current_question() if self._revealed else None
        self.probe.setText(f"Follow-up: {q.follow_ups[-1]}" if q and q.follow_ups else "")
        strong = q.strong_answer if q else ""
        opened = bool(strong) and self.strong_toggle.isChecked()
        self.strong_toggle.setVisible(bool(strong))
        self.strong_toggle.setText(STRONG_OPEN if self.strong_toggle.isChecked() else STRONG_CLOSED)
        # a screen reader on the button hears the text once it is open, and how to open it before
        self.strong_toggle.setAccessibleDescription(strong if opened else "Press to show it" if strong else "")
        self.strong.setText(strong if opened else "")
        self.strong.setVisible(opened)

    def current_question(self) -> Question | None:
        item = self.list.currentItem()
        return item.data(Qt.UserRole) if item else None

    def select(self, question_id: str) -> bool:
        """Select a question, clearing the filter and search if they hide it."""
        for attempt in range(2):
            for i in range(self.list.count()):
                if self.list.item(i).data(Qt.UserRole).id == question_id:
                    self.list.setCurrentRow(i)
                    return True
            if attempt == 0:
                self.search.clear()
                self.competency.setCurrentIndex(0)
        return False

    # -- status and focus ---------------------------------------------------------------------------
    def show_status(self, text: str) -> None:
        """What is happening now; it stays until something else happens or another question is chosen."""
        if text != self.status.text():
            self.status.setText(text)
            self.status_changed.emit(text)

    def show_state(self, text: str) -> None:
        """What the screen says when nothing is going on (ready to record, loading the model, …): shown
        now, and again when another question is chosen."""
        self._idle = text
        self.show_status(text)

    def status_text(self) -> str:
        return self.status.text()

    def allow_recording(self, on: bool) -> None:
        if not on and self.window().focusWidget() is self.record:
            self.list.setFocus()          # not on to whatever comes next (a combo box would take Space)
        self.record.setEnabled(on)

    def showEvent(self, event) -> None:
        """The questions have the focus: arrow keys choose, Enter asks, Space records (a focused button
        would take Space for itself). Not when the window is only restored."""
        super().showEvent(event)
        if event.spontaneous():
            return
        if not self.list.isEnabled():
            self.record.setFocus()
            return
        if self.current_question() is None:
            self.list.setCurrentIndex(QModelIndex())   # focus alone chooses no question (Qt takes the first)
        self.list.setFocus()

    # -- recording state --------------------------------------------------------------------------
    def set_recording(self, on: bool) -> None:
        self.record.setText("■ Stop  (Space)" if on else "● Record  (Space)")
        self.record.setAccessibleName("Stop recording" if on else "Record your answer")
        self.pause.setEnabled(on)
        self.cancel.setEnabled(on)
        self.rerecord.setEnabled(on)
        self._lock_browsing(on)
        if not on:
            self.pause.setText("Pause")
            self.level.setValue(0)

    def set_loading(self, on: bool, offer_retry: bool = False) -> None:
        self.loading.setVisible(on)
        self.cancel_load.setVisible(on)
        self.load_model.setVisible(not on and offer_retry)

    def set_thinking(self, on: bool) -> None:
        """The thinking-time countdown: Space starts answering early, Esc stops it."""
        self.record.setText("● Answer now  (Space)" if on else "● Record  (Space)")
        self.cancel.setEnabled(on)
        self._lock_browsing(on)
        if not on:
            self.elapsed.setText(NOT_STARTED)

    def show_thinking(self, left: float) -> None:
        self.elapsed.setText(f"Thinking time {fmt_time(left + 0.999)}")
        self.show_status("Think about your answer; recording starts when the time is up (Space: start now).")

    def _lock_browsing(self, locked: bool) -> None:
        if locked:                        # Stop / Answer now: Space on it does what the window's Space does
            self.record.setFocus()
        for w in (self.list, self.competency, self.search, self.random, self.start_set, self.add):
            w.setEnabled(not locked)
        q = self.current_question()
        for w in (self.edit, self.delete):
            w.setEnabled(not locked and bool(q) and q.mine)

    def show_progress(self, elapsed: float, level_dbfs: float) -> None:
        self.level.setValue(max(0, min(60, int(level_dbfs + 60))))
        lo, hi = SUGGESTED
        hint = "aim for 1:00–2:30" if elapsed < lo else ("good length" if elapsed <= hi else "time to wrap up")
        self.elapsed.setText(f"{fmt_time(elapsed)}  ({hint})")
