"""History's charts, painted directly (no QtCharts): scores over sessions, and the latest session's rubric as bars.

The x axis counts sessions, not time, so 1, 2 or 50 sessions spread evenly; it is labelled with each session's date
(and time when two share a day), thinned to what fits. The overall score is the bold line; each observed rubric
dimension (levels 1-4 scaled to 0-100) is a thin line."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QWidget

from cloudinterview_desktop.domain.session import SessionSummary
from cloudinterview_desktop.report.rubric_questions import DIMENSION_LABELS

COLOURS = ("#3d7be0", "#e0813d", "#3da35d", "#c0392b", "#8e44ad", "#16a085", "#d35400", "#7f8c8d", "#b7950b",
           "#2c3e50")
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 44, 16, 28, 64
BARS_WIDTH = 300


@dataclass(frozen=True)
class Line:
    name: str
    label: str
    points: tuple[tuple[int, float], ...]  # (session position, 0-100)


def progress_series(sessions: list[SessionSummary]) -> dict[str, list[tuple[datetime, float]]]:
    """Points per line, oldest first: 'overall' on 0-100 and each dimension's 1-4 score scaled to 0-100."""
    lines: dict[str, list[tuple[datetime, float]]] = {}
    for s in sorted(sessions, key=lambda s: s.created_at):
        if s.overall_score is not None:
            lines.setdefault("overall", []).append((s.created_at, float(s.overall_score)))
        for name, score in s.dimensions.items():
            lines.setdefault(name, []).append((s.created_at, (score - 1) / 3 * 100))
    return lines


def scored(sessions: list[SessionSummary]) -> list[SessionSummary]:
    return sorted((s for s in sessions if s.overall_score is not None or s.dimensions), key=lambda s: s.created_at)


def lines_of(sessions: list[SessionSummary]) -> list[Line]:
    ordered = scored(sessions)
    found: dict[str, list[tuple[int, float]]] = {}
    for position, s in enumerate(ordered):
        if s.overall_score is not None:
            found.setdefault("overall", []).append((position, float(s.overall_score)))
        for name, level in sorted(s.dimensions.items()):
            found.setdefault(name, []).append((position, (level - 1) / 3 * 100))
    return [Line(name, QCoreApplication.translate("ProgressChart", "Overall") if name == "overall"
                 else DIMENSION_LABELS.get(name, name.replace("_", " ")), tuple(points))
            for name, points in found.items()]


def date_ticks(dates: list[datetime], max_ticks: int) -> list[tuple[int, str]]:
    """(position, label) for at most `max_ticks` sessions, first and last always; labels never repeat."""
    if not dates:
        return []
    count = len(dates)
    wanted = max(1, min(max_ticks, count))
    positions = sorted({round(i * (count - 1) / (wanted - 1)) for i in range(wanted)} if wanted > 1 else {0})
    days = [d.date() for d in dates]
    ticks: list[tuple[int, str]] = []
    for position in positions:
        when = dates[position]
        shared_day = days.count(days[position]) > 1
        label = f"{when:%d %b}" + (f" {when:%H:%M}" if shared_day else "")
        if not ticks or ticks[-1][1] != label:
            ticks.append((position, label))
    return ticks


class ProgressChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Progress over sessions"))
        self.setMinimumHeight(260)
        self.sessions: list[SessionSummary] = []
        self.lines: list[Line] = []

    def show_sessions(self, sessions: list[SessionSummary]) -> None:
        self.sessions = scored(sessions)
        self.lines = lines_of(sessions)
        overall = [s.overall_score for s in self.sessions if s.overall_score is not None]
        self.setAccessibleDescription(
            self.tr("{count} scored session(s), latest {score:.0f} of 100").format(count=len(self.sessions),
                                                                                   score=overall[-1])
            if overall else self.tr("{count} scored session(s)").format(count=len(self.sessions)))
        self.update()

    # -- painting ----------------------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        area = QRectF(self.rect())
        if not self.sessions:
            painter.setPen(text)
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter,
                             self.tr("Your scores appear here after your first interview."))
            return
        bars = QRectF(area.right() - BARS_WIDTH, area.top(), BARS_WIDTH, area.height())
        plot = QRectF(area.left() + MARGIN_LEFT, area.top() + MARGIN_TOP,
                      area.width() - BARS_WIDTH - MARGIN_LEFT - MARGIN_RIGHT - 12,
                      area.height() - MARGIN_TOP - MARGIN_BOTTOM)
        self._paint_axes(painter, plot, text)
        self._paint_lines(painter, plot)
        self._paint_legend(painter, plot, text)
        self._paint_bars(painter, bars, text)

    def _x(self, plot: QRectF, position: int) -> float:
        count = len(self.sessions)
        return plot.center().x() if count == 1 else plot.left() + plot.width() * position / (count - 1)

    @staticmethod
    def _y(plot: QRectF, value: float) -> float:
        return plot.bottom() - plot.height() * max(0.0, min(100.0, value)) / 100

    def _paint_axes(self, painter: QPainter, plot: QRectF, text: QColor) -> None:
        grid = QColor(text)
        grid.setAlpha(45)
        painter.setFont(self.font())
        painter.drawText(QRectF(plot.left(), 4, plot.width(), MARGIN_TOP - 6), Qt.AlignmentFlag.AlignLeft,
                         self.tr("Scores out of 100 (rubric levels 1-4 scaled)"))
        for value in (0, 25, 50, 75, 100):
            y = self._y(plot, value)
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text)
            painter.drawText(QRectF(0, y - 9, MARGIN_LEFT - 6, 18),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(value))
        dates = [s.created_at for s in self.sessions]
        label_width = painter.fontMetrics().horizontalAdvance("00 Sep 00:00") + 16
        for position, label in date_ticks(dates, max(1, int(plot.width() // label_width))):
            x = self._x(plot, position)
            left = min(max(x - label_width / 2, 0.0), self.width() - BARS_WIDTH - label_width)  # never cut off
            painter.drawText(QRectF(left, plot.bottom() + 4, label_width, 18), Qt.AlignmentFlag.AlignHCenter, label)

    def _paint_lines(self, painter: QPainter, plot: QRectF) -> None:
        for number, line in enumerate(self.lines):
            colour = QColor(COLOURS[number % len(COLOURS)])
            bold = line.name == "overall"
            if not bold:
                colour.setAlpha(150)  # the overall score stays in front
            painter.setPen(QPen(colour, 3 if bold else 1.4))
            points = [QPointF(self._x(plot, p), self._y(plot, v)) for p, v in line.points]
            for start, end in itertools.pairwise(points):
                painter.drawLine(start, end)
            painter.setBrush(colour)
            for point in points:
                painter.drawEllipse(point, 4 if bold else 2.5, 4 if bold else 2.5)
            painter.setBrush(Qt.BrushStyle.NoBrush)

    def _paint_legend(self, painter: QPainter, plot: QRectF, text: QColor) -> None:
        x, y = plot.left(), plot.bottom() + 28
        metrics = painter.fontMetrics()
        for number, line in enumerate(self.lines):
            width = 18 + metrics.horizontalAdvance(line.label) + 14
            if x + width > plot.right() and x > plot.left():
                x, y = plot.left(), y + 16
            painter.setPen(QPen(QColor(COLOURS[number % len(COLOURS)]), 3))
            painter.drawLine(QPointF(x, y + 7), QPointF(x + 12, y + 7))
            painter.setPen(text)
            painter.drawText(QPointF(x + 16, y + 11), line.label)
            x += width

    def _paint_bars(self, painter: QPainter, area: QRectF, text: QColor) -> None:
        latest = self.sessions[-1]
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text)
        painter.drawText(QRectF(area.left(), 4, area.width(), MARGIN_TOP - 6), Qt.AlignmentFlag.AlignLeft,
                         self.tr("Latest rubric ({when:%d %b})").format(when=latest.created_at))
        painter.setFont(self.font())
        if not latest.dimensions:
            painter.drawText(QRectF(area.left(), MARGIN_TOP, area.width(), 40), Qt.AlignmentFlag.AlignLeft,
                             self.tr("No rubric dimension was scored."))
            return
        row = 22.0
        label_width = 150
        track = area.width() - label_width - 40
        for number, (name, level) in enumerate(sorted(latest.dimensions.items(), key=lambda kv: kv[1])):
            y = area.top() + MARGIN_TOP + number * row
            painter.setPen(text)
            painter.drawText(QRectF(area.left(), y, label_width - 6, row - 4),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             painter.fontMetrics().elidedText(DIMENSION_LABELS.get(name, name),
                                                              Qt.TextElideMode.ElideRight, label_width - 8))
            colour = QColor("#c0392b" if level < 2.5 else "#e0a53d" if level < 3.5 else "#3da35d")
            width = track * (level - 1) / 3 if level > 1 else 3
            painter.fillRect(QRectF(area.left() + label_width, y + 3, width, row - 10), colour)
            painter.drawText(QRectF(area.left() + label_width + width + 4, y, 40, row - 4),
                             Qt.AlignmentFlag.AlignVCenter, f"{level:.1f}")
