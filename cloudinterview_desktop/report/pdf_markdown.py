"""Question prompts for the PDF: the small Markdown subset the bank's prompts use (headings, paragraphs, bullet
lists, fenced code, **bold** and `code`), every piece of text escaped on its own so tags always nest."""

from __future__ import annotations

import re
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Spacer

from cloudinterview_desktop.report.pdf_bidi import has_rtl
from cloudinterview_desktop.report.pdf_code import code_block
from cloudinterview_desktop.report.pdf_fonts import FontSet
from cloudinterview_desktop.report.pdf_text import markup, paragraphs
from cloudinterview_desktop.report.text import clean

_INLINE = re.compile(r"(\*\*[^*\n]+\*\*|`[^`\n]+`)")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})\s*([\w+#-]*)\s*$")
_HEADING = re.compile(r"^\s*#{1,6}\s+(.*)$")
_BULLET = re.compile(r"^\s*[-*+]\s+(.*)$")


def inline(text: str, fonts: FontSet, primary: str) -> str:
    parts = []
    for piece in _INLINE.split(text):
        if piece.startswith("**") and piece.endswith("**") and len(piece) > 4:
            parts.append(f"<b>{markup(piece[2:-2], fonts, primary)}</b>")
        elif piece.startswith("`") and piece.endswith("`") and len(piece) > 2:
            parts.append(f'<font name="{fonts.mono}">{markup(piece[1:-1], fonts, fonts.mono)}</font>')
        elif piece:
            parts.append(markup(piece, fonts, primary))
    return "".join(parts)


def markdown_flowables(text: str, styles: dict[str, ParagraphStyle], fonts: FontSet, width: float,
                       skip_heading: str = "") -> list[Any]:
    """`skip_heading`: a heading with this text is left out (the page already shows the question's title)."""
    out: list[Any] = []
    paragraph: list[str] = []
    body, bullet, heading = styles["body"], styles["bullet"], styles["h3"]

    def flush() -> None:
        if paragraph:
            joined = " ".join(line.strip() for line in paragraph)
            if has_rtl(joined):
                out.extend(paragraphs(joined, body, fonts, width))
            else:
                out.append(Paragraph(inline(joined, fonts, body.fontName), body))
            paragraph.clear()

    lines = clean(text).split("\n")
    n = 0
    while n < len(lines):
        line = lines[n]
        fence = _FENCE.match(line)
        if fence:
            flush()
            end = next((k for k in range(n + 1, len(lines)) if lines[k].strip().startswith(fence.group(1))),
                       len(lines))
            out += [code_block("\n".join(lines[n + 1:end]), fence.group(2) or "text", fonts, width),
                    Spacer(1, 4)]
            n = end + 1
            continue
        if not line.strip():
            flush()
        elif (match := _HEADING.match(line)) is not None:
            flush()
            if match.group(1).strip() != skip_heading.strip():
                out.append(Paragraph(inline(match.group(1), fonts, heading.fontName), heading))
        elif (match := _BULLET.match(line)) is not None:
            flush()
            out.append(Paragraph(inline(match.group(1), fonts, bullet.fontName), bullet, bulletText="\u2022"))
        else:
            paragraph.append(line)
        n += 1
    flush()
    return out
