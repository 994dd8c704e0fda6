"""The takes of a question side by side, and what changed between two of them (UI only).

One column per take, oldest on the left; the shown take's column says so in its header (and is
bold), the one it is compared with too. Enter on a column opens that take. The figures and the
change words come from core/compare.py, read in a worker by the review controller."""
from __future__ import annotations

import html

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QSizePolicy,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ..core import targets as T
from ..core.compare import Comparison, TakeFigures
from ..core.local_time import when

ROWS = ("When", "Verdict", "Score", "Own actions", "STAR", "Measured result", "Pace", "Fillers /100 words")
SIGN = {1: "▲", -1: "▼", 0: "•"}                 # better, worse, neither: a shape as well as a word
SIGN_WORD = {1: "better", -1: "worse", 0: "changed"}
SHOWN, COMPARED = "▶ shown", "◆ compared"


def _cells(t: TakeFigures) -> list[str]:
    return [when(t.created_at, short=True), t.verdict, f"{t.score:.1f} / 5", str(t.own_actions), t.star,
            "yes" if t.measured else "no", f"{t.wpm:.0f} wpm" if t.wpm else "—", f"{t.fillers_per_100:.1f}"]


def take_words(number: int, t: TakeFigures, mark: str = "") -> str:
    """One take in a sentence, for a screen reader."""
    pace = f"pace {t.wpm:.0f} words a minute" if t.wpm else "no pace (typed)"
    return (f"Take {number}{' (' + mark + ')' if mark else ''}, {when(t.created_at)}: {t.verdict}, score "
            f"{t.score:.1f} of 5, {t.own_actions} own action{'s' if t.own_actions != 1 else ''}, STAR {t.star_words}, "
            f"result {'measured' if t.measured else 'not measured'}, {pace}, "
            f"{t.fillers_per_100:.1f} fillers per 100 words.")


class TakesPanel(QWidget):
    open_take = Signal(int)
    compare_requested = Signal(int)       # the take to compare the shown one with

    def __init__(self, parent=None):
        super().__init__(parent)
        self.figures: list[TakeFigures] = []
        self.shown: int | None = None
        self.other: int | None = None
        self.table = QTableWidget(len(ROWS), 0, accessibleName="Takes of this question, side by side")
        self.table.setVerticalHeaderLabels(ROWS)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectColumns)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setTabKeyNavigation(False)           # Tab leaves the table, arrows move in it
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.setToolTip("Enter opens the take of the selected column.")
        self.choice = QComboBox(accessibleName="Compare the shown take with")
        choice_label = QLabel("Compare &with:")
        choice_label.setBuddy(self.choice)
        self.heading = QLabel("", wordWrap=True, accessibleName="Takes compared")
        self.changes = QLabel("", wordWrap=True, accessibleName="What changed between the takes")
        self.changes.setTextFormat(Qt.RichText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        row.addWidget(choice_label)
        row.addWidget(self.choice, 1)
        layout.addLayout(row)
        layout.addWidget(self.heading)
        layout.addWidget(self.changes)
        layout.addStretch(1)
        self.table.itemActivated.connect(self._activated)
        self.choice.activated.connect(self._chosen)

    # -- filling --------------------------------------------------------------------------------------
    def loading(self) -> None:
        self.figures, self.shown, self.other = [], None, None
        self.table.setColumnCount(0)
        self.choice.clear()
        self.choice.setEnabled(False)
        self.heading.setText("Reading the takes of this question…")
        self.changes.setText("")
        self._describe()

    def show_takes(self, figures: list[TakeFigures], shown: int, other: int | None) -> None:
        """figures: the question's takes, oldest first; other: the take compared with (None: no other)."""
        self.figures, self.shown, self.other = figures, shown, other
        self.table.setColumnCount(len(figures))
        bold = QFont(self.table.font())
        bold.setBold(True)
        for col, t in enumerate(figures):
            header = QTableWidgetItem(f"Take {col + 1}\n{self._mark(t.id) or ' '}")
            if t.id == shown:
                header.setFont(bold)
            self.table.setHorizontalHeaderItem(col, header)
            for r, text in enumerate(_cells(t)):
                item = QTableWidgetItem(text)
                item.setData(Qt.UserRole, t.id)
                if t.id == shown:
                    item.setFont(bold)
                self.table.setItem(r, col, item)
        col = self._column(shown)
        if col is not None:          # the keyboard starts on the shown take; not selected (bold marks it)
            self.table.setCurrentCell(0, col, QItemSelectionModel.NoUpdate)
            self.table.scrollToItem(self.table.item(0, col))
        self._fit_height()
        self.choice.clear()
        for col, t in enumerate(figures):
            if t.id != shown:
                self.choice.addItem(f"Take {col + 1} · {when(t.created_at)} · {t.score:.1f} / 5", t.id)
        self.choice.setEnabled(self.choice.count() > 0)
        if other is not None:
            self.choice.setCurrentIndex(self.choice.findData(other))
        if len(figures) < 2:
            self.heading.setText("Only one take of this question so far: Try again records another to compare.")
        self._describe()

    def show_changes(self, comparison: Comparison | None, note: str = "") -> None:
        """What changed from the earlier of the two compared takes to the later."""
        if self.other is None or self.shown is None:
            return
        a, b = sorted((self._column(self.other), self._column(self.shown)))
        self.heading.setText(f"<b>From take {a + 1} to take {b + 1}</b> ({when(self.figures[a].created_at)} → "
                             f"{when(self.figures[b].created_at)}):")
        if comparison is None:
            self.changes.setText(html.escape(note or "Comparing…"))
            self.changes.setAccessibleDescription(note or "Comparing…")
            return
        self.changes.setText("<br>".join(f"{SIGN[c.direction]} {html.escape(c.text)}" for c in comparison.changes))
        self.changes.setAccessibleDescription(
            f"From take {a + 1} to take {b + 1}: "
            + " ".join(f"{SIGN_WORD[c.direction].capitalize()}: {c.text}." for c in comparison.changes))

    # -- helpers --------------------------------------------------------------------------------------
    def _fit_height(self) -> None:
        """As tall as its rows (and a scroll bar when the takes are wider than the panel): no blank space."""
        t = self.table
        t.resizeColumnsToContents()
        t.resizeRowsToContents()
        height = t.horizontalHeader().height() + sum(t.rowHeight(r) for r in range(t.rowCount())) \
            + 2 * t.frameWidth() + t.horizontalScrollBar().sizeHint().height()
        t.setFixedHeight(height)

    def _mark(self, take_id: int) -> str:
        return SHOWN if take_id == self.shown else COMPARED if take_id == self.other else ""

    def _column(self, take_id: int | None) -> int | None:
        return next((i for i, t in enumerate(self.figures) if t.id == take_id), None)

    def _describe(self) -> None:
        self.table.setAccessibleDescription(
            " ".join(take_words(i + 1, t, self._mark(t.id)) for i, t in enumerate(self.figures))
            + f" Aims: pace {T.aim(T.PACE_WPM)[4:]} words a minute, fillers {T.aim(T.FILLERS_PER_100)[4:]} per 100 words."
            if self.figures else "No takes read yet.")

    def _activated(self, item: QTableWidgetItem) -> None:
        take_id = item.data(Qt.UserRole)
        if take_id is not None and take_id != self.shown:
            self.open_take.emit(take_id)

    def _chosen(self, index: int) -> None:
        take_id = self.choice.itemData(index)
        if take_id is None or take_id == self.other:
            return
        self.other = take_id
        for col, t in enumerate(self.figures):
            self.table.horizontalHeaderItem(col).setText(f"Take {col + 1}\n{self._mark(t.id) or ' '}")
        self._describe()
        self.show_changes(None)
        self.compare_requested.emit(take_id)
