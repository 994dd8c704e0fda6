"""The history screen: saved answers, newest first, with a first trend line (UI only)."""
from __future__ import annotations

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QPushButton, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout, QWidget)

from ..core.store import AnswerRow


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

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        w, h, m = self.width(), self.height(), 12
        p.setPen(QPen(self.palette().mid().color(), 1))
        for level in (1, 3, 5):
            y = h - m - (level - 1) / 4 * (h - 2 * m)
            p.drawLine(m, int(y), w - m, int(y))
            p.drawText(0, int(y) + 4, str(level))
        if not self.scores:
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


class HistoryView(QWidget):
    open_answer = Signal(int)
    delete_answer = Signal(int)
    filter_changed = Signal(object)

    def __init__(self, competencies: list[str], parent=None):
        super().__init__(parent)
        self.filter = QComboBox(accessibleName="Filter by competency")
        self.filter.addItem("All competencies", None)
        for c in competencies:
            self.filter.addItem(c.capitalize(), c)
        self.tree = QTreeWidget(accessibleName="Saved answers")
        self.tree.setHeaderLabels(["When", "Question", "Verdict", "Score", "Length"])
        self.tree.setRootIsDecorated(False)
        self.tree.setColumnWidth(0, 140)
        self.tree.setColumnWidth(1, 420)
        self.trend = TrendLine()
        self.open_button = QPushButton("&Open", accessibleName="Open the selected answer")
        self.delete_button = QPushButton("&Delete…", accessibleName="Delete the selected answer")
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
        self.tree.itemActivated.connect(lambda it, _c: self.open_answer.emit(it.data(0, Qt.UserRole)))
        self.open_button.clicked.connect(self._open_selected)
        self.delete_button.clicked.connect(self._delete_selected)

    def show_rows(self, rows: list[AnswerRow], trend: list[float]) -> None:
        self.tree.clear()
        for r in rows:
            item = QTreeWidgetItem([r.created_at[:16].replace("T", " "), r.question_text, r.verdict or "",
                                    f"{r.score:.1f}" if r.score is not None else "",
                                    f"{r.duration_s:.0f} s" if r.duration_s else ""])
            item.setData(0, Qt.UserRole, r.id)
            self.tree.addTopLevelItem(item)
        if rows:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self.trend.set_scores(trend)

    def selected_id(self) -> int | None:
        item = self.tree.currentItem()
        return item.data(0, Qt.UserRole) if item else None

    def _open_selected(self) -> None:
        if (aid := self.selected_id()) is not None:
            self.open_answer.emit(aid)

    def _delete_selected(self) -> None:
        if (aid := self.selected_id()) is not None:
            self.delete_answer.emit(aid)
