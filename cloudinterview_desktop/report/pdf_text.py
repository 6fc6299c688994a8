"""User text as ReportLab paragraphs: markup escaped, each character in a font that has it, long text split into
paragraphs of bounded size, right-to-left paragraphs wrapped here and drawn line by line in visual order."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Spacer

from cloudinterview_desktop.report.pdf_bidi import base_is_rtl, has_rtl, shape_arabic, visual
from cloudinterview_desktop.report.pdf_fonts import FontSet
from cloudinterview_desktop.report.text import clean

CHUNK_CHARS = 2500  # longer paragraphs are cut at spaces: ReportLab lays out one paragraph as a whole


def markup(text: str, fonts: FontSet, primary: str | None = None, color: str | None = None) -> str:
    """Paragraph markup for plain text: escaped, with <font> runs for characters the primary font lacks."""
    primary = primary or fonts.sans
    parts = []
    for font, piece in fonts.runs(text, primary):
        body = escape(piece)
        parts.append(body if font == primary else f'<font name="{font}">{body}</font>')
    out = "".join(parts)
    return f'<font color="{color}">{out}</font>' if color else out


def _chunks(paragraph: str) -> list[str]:
    out = []
    while len(paragraph) > CHUNK_CHARS:
        cut = paragraph.rfind(" ", CHUNK_CHARS // 2, CHUNK_CHARS)
        cut = cut if cut > 0 else CHUNK_CHARS
        out.append(paragraph[:cut])
        paragraph = paragraph[cut:].lstrip(" ")
    out.append(paragraph)
    return out


def _wrap(text: str, fonts: FontSet, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap in logical order (right-to-left lines are reordered after wrapping)."""
    lines: list[str] = []
    current = ""
    space = fonts.width(" ", font, size)
    current_width = 0.0
    for word in text.split(" "):
        word_width = fonts.width(word, font, size)
        while word_width > width and len(word) > 1:  # a word wider than the line is cut
            cut = max(1, int(len(word) * width / word_width) - 1)
            if current:
                lines.append(current)
                current, current_width = "", 0.0
            lines.append(word[:cut])
            word = word[cut:]
            word_width = fonts.width(word, font, size)
        if not current:
            current, current_width = word, word_width
        elif current_width + space + word_width > width:
            lines.append(current)
            current, current_width = word, word_width
        else:
            current, current_width = f"{current} {word}", current_width + space + word_width
    lines.append(current)
    return lines


def paragraphs(text: str, style: ParagraphStyle, fonts: FontSet, width: float,
               prefix: str = "") -> list[Any]:
    """Flowables for a user's text (an answer, a quote, a message). `prefix` is trusted markup put before it."""
    text = clean(text).replace("\t", "    ")
    out: list[Any] = []
    first = True
    for line in text.split("\n"):
        if not line.strip():
            if out:
                out.append(Spacer(1, style.leading * 0.5))
            continue
        lead = prefix if first else ""
        first = False
        if has_rtl(line):
            out += _rtl(line, style, fonts, width, lead)
            continue
        for n, chunk in enumerate(_chunks(line)):
            out.append(Paragraph((lead if n == 0 else "") + markup(chunk, fonts, style.fontName), style))
    if not out:
        out.append(Paragraph(prefix, style))
    return out


def _rtl(line: str, style: ParagraphStyle, fonts: FontSet, width: float, lead: str) -> list[Any]:
    rtl = base_is_rtl(line)
    shaped = shape_arabic(line)
    # A little less than the frame: ReportLab must never wrap these lines again (that would undo the order).
    lines = _wrap(shaped, fonts, style.fontName, style.fontSize, max(20.0, width - style.leftIndent - 6))
    line_style = ParagraphStyle(f"{style.name}-rtl", parent=style, alignment=TA_RIGHT if rtl else TA_LEFT,
                                spaceBefore=0, spaceAfter=0, splitLongWords=0)
    out: list[Any] = []
    for n, piece in enumerate(lines):
        body = markup(visual(piece, rtl).replace(" ", "\u00a0"), fonts, style.fontName)
        out.append(Paragraph((lead if n == 0 else "") + body, line_style))
    return out


def plain(text: str, style: ParagraphStyle, fonts: FontSet, width: float) -> Any:
    """One short text (a label, a table cell) as a single flowable or a list of them."""
    flowables = paragraphs(text, style, fonts, width)
    return flowables[0] if len(flowables) == 1 else flowables
