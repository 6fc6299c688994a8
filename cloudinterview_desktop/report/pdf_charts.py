"""Vector charts for the PDF: the session's score per rubric dimension, and the overall score across sessions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors

from cloudinterview_desktop.report.pdf_fonts import FontSet

BAR = colors.HexColor("#2f6fbf")
MODEL_BAR = colors.HexColor("#7a52b3")
GRID = colors.HexColor("#d9d9d9")
MUTED = colors.HexColor("#777777")
CURRENT = colors.HexColor("#d9822b")


def _label(fonts: FontSet, text: str) -> str:
    """Chart labels are the app's own words; still, keep only what the font draws."""
    return "".join(piece for _font, piece in fonts.runs(text, fonts.sans))


def dimension_chart(dimensions: dict[str, Any], fonts: FontSet, width: float) -> Drawing:
    """A horizontal bar per dimension on the 1-4 scale; unscored dimensions say so instead of showing a bar."""
    rows = list(dimensions.values())
    row_h, top, bottom, label_w = 17.0, 14.0, 18.0, 150.0
    height = top + bottom + row_h * max(1, len(rows))
    drawing = Drawing(width, height)
    x0, x1 = label_w, width - 40
    scale = (x1 - x0) / 4
    for level in range(5):
        x = x0 + level * scale
        drawing.add(Line(x, bottom, x, height - top + 4, strokeColor=GRID, strokeWidth=0.5))
        drawing.add(String(x, bottom - 11, str(level), fontName=fonts.sans, fontSize=7, fillColor=MUTED,
                           textAnchor="middle"))
    for n, dim in enumerate(rows):
        y = height - top - (n + 1) * row_h + 4
        drawing.add(String(x0 - 6, y + 3, _label(fonts, str(dim.get("label", ""))), fontName=fonts.sans, fontSize=8,
                           textAnchor="end"))
        score = dim.get("score")
        if isinstance(score, int | float):
            color = MODEL_BAR if dim.get("source") == "model" else BAR
            drawing.add(Rect(x0, y, max(1.0, float(score) * scale), row_h - 7, fillColor=color, strokeColor=None))
            drawing.add(String(x0 + float(score) * scale + 4, y + 3, f"{float(score):.1f}", fontName=fonts.bold,
                               fontSize=8))
        else:
            drawing.add(String(x0 + 4, y + 3, "not scored (see the table)", fontName=fonts.sans, fontSize=7.5,
                               fillColor=MUTED))
    drawing.add(String(x1 + 36, height - 9, "blue: measured, purple: model", fontName=fonts.sans, fontSize=6.5,
                       fillColor=MUTED, textAnchor="end"))
    return drawing


@dataclass(frozen=True)
class ProgressPoint:
    when: datetime
    score: float | None
    label: str  # mode, shown under the date
    current: bool = False


def progress_chart(points: Sequence[ProgressPoint], fonts: FontSet, width: float, height: float = 170) -> Drawing:
    """Overall score (0-100) per session in time order; the session of this report is highlighted."""
    drawing = Drawing(width, height)
    left, right, top, bottom = 30.0, 12.0, 10.0, 30.0
    plot_w, plot_h = width - left - right, height - top - bottom
    for value in (0, 25, 50, 75, 100):
        y = bottom + value / 100 * plot_h
        drawing.add(Line(left, y, width - right, y, strokeColor=GRID, strokeWidth=0.5))
        drawing.add(String(left - 4, y - 2.5, str(value), fontName=fonts.sans, fontSize=7, fillColor=MUTED,
                           textAnchor="end"))
    count = len(points)
    step = plot_w / max(1, count - 1) if count > 1 else 0.0
    coords: list[tuple[float, float, ProgressPoint]] = []
    for n, point in enumerate(points):
        x = left + (n * step if count > 1 else plot_w / 2)
        drawing.add(String(x, bottom - 11, f"{point.when:%Y-%m-%d}", fontName=fonts.sans, fontSize=6.5,
                           textAnchor="middle"))
        drawing.add(String(x, bottom - 20, _label(fonts, point.label), fontName=fonts.sans, fontSize=6,
                           fillColor=MUTED, textAnchor="middle"))
        if point.score is not None:
            coords.append((x, bottom + max(0.0, min(100.0, point.score)) / 100 * plot_h, point))
        else:
            drawing.add(String(x, bottom + 3, "no score", fontName=fonts.sans, fontSize=6, fillColor=MUTED,
                               textAnchor="middle"))
    if len(coords) > 1:
        flat = [v for x, y, _ in coords for v in (x, y)]
        drawing.add(PolyLine(flat, strokeColor=BAR, strokeWidth=1.2))
    for x, y, point in coords:
        drawing.add(Circle(x, y, 3.5 if point.current else 2.2, fillColor=CURRENT if point.current else BAR,
                           strokeColor=None))
        if point.current or count <= 12:
            drawing.add(String(x, y + 6, f"{point.score:.0f}", fontName=fonts.bold if point.current else fonts.sans,
                               fontSize=7, textAnchor="middle"))
    return drawing
