"""The Progress screen: one metric over time, its target band, and what changed since last week
(UI only: the figures come from core/progress.py through ProgressController)."""
from __future__ import annotations

from datetime import datetime, time as dtime

from PySide6.QtCharts import QAreaSeries, QChart, QChartView, QDateTimeAxis, QLineSeries, QValueAxis
from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QToolTip, QVBoxLayout, QWidget

from ..core.progress import METRICS, Point

HINT = "Progress: choose a measure, competency and takes with the lists (Tab moves between them); Ctrl+N goes back."


class ProgressView(QWidget):
    """Shows one series; asks for another when a choice changes (choice_changed)."""

    choice_changed = Signal()

    def __init__(self, competencies: list[str], parent=None):
        super().__init__(parent)
        self.measure = QComboBox()
        for m in METRICS:
            self.measure.addItem(m.label, m.key)
        self.measure.setAccessibleName("Measure")
        self.competency = QComboBox()
        self.competency.addItem("All competencies", None)
        for c in competencies:
            self.competency.addItem(c.capitalize(), c)
        self.competency.setAccessibleName("Competency")
        self.by = QComboBox()
        self.by.addItem("By week", "week")
        self.by.addItem("By day", "day")
        self.by.setAccessibleName("Group by")
        self.which = QComboBox()
        self.which.addItem("Every take", "all")
        self.which.addItem("First take of each question", "first")
        self.which.addItem("Best take of each question", "best")
        self.which.setAccessibleName("Which takes")
        row = QHBoxLayout()
        for w in (self.measure, self.competency, self.by, self.which):
            row.addWidget(w)
            w.currentIndexChanged.connect(self.choice_changed)
        row.addStretch(1)
        self.chart = QChart()
        self.chart.legend().hide()
        self.chart.setBackgroundRoundness(0)
        self.chart_view = QChartView(self.chart)
        self.chart_view.setRenderHint(QPainter.Antialiasing)
        self.chart_view.setMinimumHeight(260)
        self.chart_view.setAccessibleName("Chart")
        self.chart_view.setFocusPolicy(Qt.StrongFocus)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextSelectableByKeyboard | Qt.TextSelectableByMouse)
        self.summary.setAccessibleName("What changed since last week")
        self.status = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.chart_view, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.status)
        self.points: list[Point] = []

    def status_text(self) -> str:
        return HINT

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.measure.setFocus()                    # the keyboard starts on the first choice

    def choice(self) -> tuple[str, str | None, str, str]:
        return (self.measure.currentData(), self.competency.currentData(), self.by.currentData(),
                self.which.currentData())

    def set_loading(self) -> None:
        self.status.setText("Loading your answers…")

    def show_series(self, points: list[Point], changes: list[str]) -> None:
        key = self.measure.currentData()
        m = next(x for x in METRICS if x.key == key)
        self.points = points
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        text = self.palette().text().color()
        self.chart.setBackgroundBrush(self.palette().base())
        self.chart.setTitleBrush(text)
        self.chart.setTitle(f"{m.label} ({m.unit})")
        if not points:
            self.status.setText("No answers with this measure yet: practise a few and come back.")
            self.chart_view.setAccessibleDescription(f"{m.label}: no answers yet.")
        else:
            self.status.setText(f"{sum(p.answers for p in points)} answers; the shaded band is the target "
                                f"({m.band[0]:g}–{m.band[1]:g} {m.unit}). Hover over a point for its value.")
        stamps = [_ms(p.start) for p in points] or [_ms(datetime.now().date())]
        day = 86_400_000
        lo_x, hi_x = min(stamps) - 2 * day, max(stamps) + 2 * day    # room for the first and last points
        band_lo, band_hi = QLineSeries(), QLineSeries()
        for x in (lo_x, hi_x):
            band_lo.append(x, m.band[0])
            band_hi.append(x, m.band[1])
        band = QAreaSeries(band_hi, band_lo)
        self._series = (band_hi, band_lo, band)    # the area's edges must outlive this call (PySide)
        good = QColor(self.palette().highlight().color())
        good.setAlpha(40)
        band.setBrush(good)
        band.setPen(QPen(Qt.NoPen))
        line = QLineSeries()
        for p in points:
            line.append(_ms(p.start), p.value)
        line.setPen(QPen(self.palette().highlight().color(), 2.5))
        line.setPointsVisible(True)
        line.hovered.connect(self._hover)
        self.chart.addSeries(band)
        self.chart.addSeries(line)
        x_axis = QDateTimeAxis()
        x_axis.setFormat("d MMM")
        x_axis.setRange(QDateTime.fromMSecsSinceEpoch(lo_x), QDateTime.fromMSecsSinceEpoch(hi_x))
        y_axis = QValueAxis()
        values = [p.value for p in points] + list(m.band)
        y_axis.setRange(min(values) * 0.9 if min(values) > 0 else 0, max(values) * 1.1 or 1)
        y_axis.applyNiceNumbers()          # ticks at 2.5, 3.0…, not 2.84, 3.72…
        if m.scale:                        # a score cannot be 6 nor a share 110 %: the axis stops there
            y_axis.setRange(max(y_axis.min(), m.scale[0]), min(y_axis.max(), m.scale[1]))
        y_axis.setLabelFormat("%g")
        for axis in (x_axis, y_axis):
            axis.setLabelsBrush(text)
            axis.setTitleBrush(text)
            axis.setGridLineColor(self.palette().mid().color())
        self.chart.addAxis(x_axis, Qt.AlignBottom)
        self.chart.addAxis(y_axis, Qt.AlignLeft)
        for s in (band, line):
            s.attachAxis(x_axis)
            s.attachAxis(y_axis)
        if points:
            values_text = "; ".join(f"{p.start:%d %b}: {p.value:.1f}" for p in points[-12:])
            self.chart_view.setAccessibleDescription(f"{m.label} ({m.unit}), target {m.band[0]:g} to {m.band[1]:g}. "
                                                     f"Latest values: {values_text}.")
        self.summary.setText(" · ".join(changes) if changes else
                             "Nothing has changed much since last week (or there are no answers in both weeks).")

    def _hover(self, point, state: bool) -> None:
        if not state:
            QToolTip.hideText()
            return
        near = min(self.points, key=lambda p: abs(_ms(p.start) - point.x()), default=None)
        if near is not None:
            QToolTip.showText(self.cursor().pos(), f"{near.start:%d %b %Y}: {near.value:.1f} ({near.answers} answers)")


def _ms(day) -> int:
    return int(datetime.combine(day, dtime(12)).timestamp() * 1000)
