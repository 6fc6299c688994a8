"""A line chart of scores over time: the overall score and each rubric dimension that was observed."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QLineSeries, QValueAxis
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QWidget

from cloudinterview_desktop.domain.session import SessionSummary


def _ms(when: datetime) -> float:
    return when.timestamp() * 1000


def _qdate(when: datetime) -> QDateTime:
    return QDateTime.fromMSecsSinceEpoch(int(_ms(when)))


def progress_series(sessions: list[SessionSummary]) -> dict[str, list[tuple[datetime, float]]]:
    """Points per line, oldest first: 'overall' on 0-100 and each dimension's 1-4 score scaled to 0-100."""
    lines: dict[str, list[tuple[datetime, float]]] = {}
    for s in sorted(sessions, key=lambda s: s.created_at):
        if s.overall_score is not None:
            lines.setdefault("overall", []).append((s.created_at, float(s.overall_score)))
        for name, score in s.dimensions.items():
            lines.setdefault(name, []).append((s.created_at, (score - 1) / 3 * 100))
    return lines


class ProgressChart(QChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setAccessibleName("Progress over time")
        self.setMinimumHeight(220)
        self.show_sessions([])

    def show_sessions(self, sessions: list[SessionSummary]) -> None:
        chart = QChart()
        dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
        chart.setTheme(QChart.ChartTheme.ChartThemeDark if dark else QChart.ChartTheme.ChartThemeLight)
        chart.setTitle("Progress (scores out of 100; rubric levels 1-4 scaled)")
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        x_axis = QDateTimeAxis()
        x_axis.setFormat("MMM d")
        y_axis = QValueAxis()
        y_axis.setRange(0, 100)
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        lines = progress_series(sessions)
        points = [when for line in lines.values() for when, _ in line]
        if points:
            x_axis.setRange(_qdate(min(points)).addSecs(-3600), _qdate(max(points)).addSecs(3600))
        for name, line in lines.items():
            series = QLineSeries()
            series.setName(name.replace("_", " "))
            series.setPointsVisible(True)  # a single session is a point, not a line
            for when, value in line:
                series.append(_ms(when), value)
            chart.addSeries(series)
            series.attachAxis(x_axis)
            series.attachAxis(y_axis)
        self.setChart(chart)
