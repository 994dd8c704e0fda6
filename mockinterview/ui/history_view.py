"""The history screen: saved answers, newest first, with a first trend line (UI only)."""
from __future__ import annotations

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QPushButton, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout, QWidget)

from ..core.analysis.model import VERDICT_TEXT, verdict_word
from ..core.history import History, HistoryAnswer
from ..core.local_time import DAYS, MONTHS, when

HINT = "History of your answers: the arrow keys choose one, Enter opens it; Ctrl+N goes back to the questions."
SCORE_TIP = ("An answer's ownership score (1–5). A session's score is the average of the first take of each "
             "question: retakes are listed but not counted twice.")


class TrendLine(QWidget):
    """Ownership score (1–5) of each answer over time."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.scores: list[float] = []
        self.setMinimumHeight(90)
        self.setAccessibleName("Ownership score over time")

    def set_scores(self, scores: list[float]) -> None:
        self.scores = scores
        self.setToolTip(", ".join(f"{s:.1f}" for s in scores) or "No answers yet")
        self.update()

    def label_colour(self) -> QColor:
        """The axis labels and the empty-chart note are text on the window: the window's text colour (the
        "mid" grey of the grid lines read at 1.9:1 in the light palette)."""
        return self.palette().color(QPalette.WindowText)

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        w, h, m = self.width(), self.height(), 12
        for level in (1, 3, 5):
            y = h - m - (level - 1) / 4 * (h - 2 * m)
            p.setPen(QPen(self.palette().mid().color(), 1))
            p.drawLine(m, int(y), w - m, int(y))
            p.setPen(self.label_colour())
            p.drawText(0, int(y) + 4, str(level))
        if not self.scores:
            p.setPen(self.label_colour())
            p.drawText(self.rect(), Qt.AlignCenter, "Your ownership score over time will appear here.")
            return
        n = len(self.scores)
        pts = [QPointF(m + 8 + (i / max(1, n - 1)) * (w - 2 * m - 8), h - m - (s - 1) / 4 * (h - 2 * m))
               for i, s in enumerate(self.scores)]
        p.setPen(QPen(self.palette().highlight().color(), 2))
        for a, b in zip(pts, pts[1:]):
            p.drawLine(a, b)
        for pt in pts:
            p.drawEllipse(pt, 3, 3)


def transcript_note(r: HistoryAnswer) -> str:
    if r.corrected_at:
        return "✎ corrected by you"
    return "being checked" if r.stage == "provisional" else ""



class HistoryView(QWidget):
    """Sessions (newest first), each with its answers; select a session or an answer to open or delete."""
    open_answer = Signal(int)
    delete_answer = Signal(int)
    delete_session = Signal(int)
    filter_changed = Signal(object)

    def __init__(self, competencies: list[str], parent=None):
        super().__init__(parent)
        self.filter = QComboBox(accessibleName="Filter by competency")
        self.filter.addItem("All competencies", None)
        for c in competencies:
            self.filter.addItem(c.capitalize(), c)
        self.tree = QTreeWidget(accessibleName="Sessions and saved answers")
        self.tree.setHeaderLabels(["When", "Question", "Verdict", "Score", "Length", "Transcript"])
        self.tree.headerItem().setToolTip(3, SCORE_TIP)
        self.tree.setColumnWidth(0, self.when_width())
        self.tree.setColumnWidth(1, 420)
        self.trend = TrendLine()
        self.open_button = QPushButton("&Open", accessibleName="Open the selected answer")
        self.delete_button = QPushButton("&Delete…", accessibleName="Delete the selected answer or session")
        top = QHBoxLayout()
        top.addWidget(QLabel("Show:"))
        top.addWidget(self.filter)
        top.addStretch(1)
        top.addWidget(self.open_button)
        top.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(QLabel("<b>Ownership score over time</b>"))
        layout.addWidget(self.trend)
        self.filter.currentIndexChanged.connect(lambda _i: self.filter_changed.emit(self.filter.currentData()))
        self.tree.itemActivated.connect(lambda _it, _c: self._open_selected())
        self.open_button.clicked.connect(self._open_selected)
        self.delete_button.clicked.connect(self._delete_selected)

    def when_width(self) -> int:
        """Wide enough for any local date and time under a session (the 170 px it had cut the time off): an
        answer is indented twice (the session's branch, then its own)."""
        fm = self.tree.fontMetrics()
        widest = max(fm.horizontalAdvance(f"{d} 28 {m} 2025, 23:59") for d in DAYS for m in MONTHS)
        return widest + 2 * self.tree.indentation() + 2 * fm.averageCharWidth()

    def show_history(self, history: History) -> None:
        """Sessions newest first, each with its answers (already filtered); the trend below."""
        self.tree.clear()
        for sess in history.sessions:
            n, avg = len(sess.answers), sess.average
            title = f"{sess.title or 'Practice'} · {n} answer{'s' if n != 1 else ''}"
            top = QTreeWidgetItem([when(sess.started_at), title, "", f"{avg:.1f}" if avg is not None else "", "", ""])
            firsts = len(sess.first_takes)
            top.setToolTip(3, f"Average of the first take of each question ({firsts} question"
                              f"{'s' if firsts != 1 else ''}); retakes are not counted.")
            top.setData(0, Qt.UserRole, ("session", sess.id))
            for r in sess.answers:
                item = QTreeWidgetItem([when(r.created_at), r.question_text, verdict_word(r.verdict),
                                        f"{r.score:.1f}" if r.score is not None else "",
                                        f"{r.duration_s:.0f} s" if r.duration_s else "", transcript_note(r)])
                if r.verdict in VERDICT_TEXT:
                    item.setToolTip(2, VERDICT_TEXT[r.verdict])
                if not r.first_take:
                    item.setToolTip(3, "A retake: the session's average counts the first take of this question.")
                if r.corrected_at:
                    item.setToolTip(5, "You corrected this transcript; the engine's original is kept.")
                item.setData(0, Qt.UserRole, ("answer", r.id))
                top.addChild(item)
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        if self.tree.topLevelItemCount():
            first = self.tree.topLevelItem(0)
            self.tree.setCurrentItem(first.child(0) or first)
        self.tree.setColumnWidth(0, max(self.when_width(), self.tree.sizeHintForColumn(0)))
        self.trend.set_scores(history.trend)

    def showEvent(self, event) -> None:
        """History opens with the answers in focus, so arrow keys and Enter work at once (not when the
        window is only restored: the focus stays where the user left it)."""
        super().showEvent(event)
        if not event.spontaneous():
            self.tree.setFocus()

    def status_text(self) -> str:
        return HINT

    def selected(self) -> tuple[str, int] | None:
        item = self.tree.currentItem()
        return item.data(0, Qt.UserRole) if item else None

    def _open_selected(self) -> None:
        sel = self.selected()
        if sel and sel[0] == "answer":
            self.open_answer.emit(sel[1])
        elif sel:
            item = self.tree.currentItem()
            item.setExpanded(not item.isExpanded())

    def _delete_selected(self) -> None:
        sel = self.selected()
        if sel:
            (self.delete_answer if sel[0] == "answer" else self.delete_session).emit(sel[1])
