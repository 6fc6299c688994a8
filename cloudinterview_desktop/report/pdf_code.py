"""Code for the PDF: Pygments tokens drawn in their style's colours, with line numbers, long lines wrapped at the
column limit (continuations marked), in table rows so a long listing breaks across pages."""

from __future__ import annotations

import unicodedata
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from pygments.lexer import Lexer
from pygments.lexers import get_lexer_by_name
from pygments.lexers.special import TextLexer
from pygments.styles import get_style_by_name
from pygments.token import _TokenType
from pygments.util import ClassNotFound
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Paragraph, Table, TableStyle

from cloudinterview_desktop.domain.languages import language_spec
from cloudinterview_desktop.report.pdf_fonts import FontSet
from cloudinterview_desktop.report.text import clean

STYLE = "default"
LINES_PER_ROW = 24  # rows are where a listing may break across pages
GUTTER_CHARS = 5
Segment = tuple[str, str]  # (text, colour as #rrggbb or "")


def _lexer(language: str) -> Lexer:
    try:
        spec = language_spec(language)
        name = spec.fence if spec is not None else language.lower() or "text"  # other names: Pygments' own
        return get_lexer_by_name(name, stripnl=False, ensurenl=False)
    except ClassNotFound:
        return TextLexer(stripnl=False, ensurenl=False)


@cache
def _color(token: _TokenType) -> str:
    style = get_style_by_name(STYLE)
    value = style.style_for_token(token).get("color")
    return f"#{value}" if value else ""


def _cells(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def highlighted_lines(code: str, language: str) -> list[list[Segment]]:
    """The code's lines, each a list of (text, colour) segments."""
    lines: list[list[Segment]] = [[]]
    for token, value in _lexer(language).get_tokens(clean(code).replace("\t", "    ")):
        color = _color(token)
        parts = value.split("\n")
        for n, part in enumerate(parts):
            if n:
                lines.append([])
            if part:
                lines[-1].append((part, color))
    if len(lines) > 1 and not lines[-1]:
        lines.pop()
    return lines


def wrap_segments(segments: list[Segment], columns: int) -> list[list[Segment]]:
    """One line's segments cut into visual lines of at most `columns` cells (wide characters take two)."""
    out: list[list[Segment]] = [[]]
    used = 0
    for text, color in segments:
        piece: list[str] = []
        for char in text:
            width = _cells(char)
            if used + width > columns and used > 0:
                if piece:
                    out[-1].append(("".join(piece), color))
                    piece = []
                out.append([])
                used = 0
            piece.append(char)
            used += width
        if piece:
            out[-1].append(("".join(piece), color))
    return out


def _markup(segments: list[Segment], fonts: FontSet) -> str:
    parts = []
    for text, color in segments:
        body = "".join(escape(piece.replace(" ", "\u00a0")) if font == fonts.mono else
                       f'<font name="{font}">{escape(piece.replace(" ", chr(0xA0)))}</font>'
                       for font, piece in fonts.runs(text, fonts.mono))
        parts.append(f'<font color="{color}">{body}</font>' if color else body)
    return "".join(parts)


def code_block(code: str, language: str, fonts: FontSet, width: float, size: float = 7.5) -> Table:
    """The listing as a table of chunks of lines on a light background."""
    cell = pdfmetrics.stringWidth("M", fonts.mono, size)
    columns = max(20, int((width - 12) / cell) - GUTTER_CHARS - 1)
    style = ParagraphStyle("code", fontName=fonts.mono, fontSize=size, leading=size * 1.28, splitLongWords=0)
    rows: list[list[Any]] = []
    chunk: list[str] = []
    for number, segments in enumerate(highlighted_lines(code, language), start=1):
        for part, visual in enumerate(wrap_segments(segments, columns)):
            gutter = f"{number:>{GUTTER_CHARS - 1}} " if part == 0 else " " * (GUTTER_CHARS - 2) + "\u21aa "
            chunk.append(f'<font color="#9a9a9a">{gutter.replace(" ", chr(0xA0))}</font>' + _markup(visual, fonts))
            if len(chunk) >= LINES_PER_ROW:
                rows.append([Paragraph("<br/>".join(chunk), style)])
                chunk = []
    if chunk or not rows:
        rows.append([Paragraph("<br/>".join(chunk) or "\u00a0", style)])
    table = Table(rows, colWidths=[width])
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#f6f8fa")),
        ("BOX", (0, 0), (-1, -1), 0.5, colors.HexColor("#d0d7de")),
        ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]))
    return table
