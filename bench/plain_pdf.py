"""ReportLab's floor for the report benchmark: plain paragraphs in a built-in font, no tables, charts or font
fallback. Its own module, importing nothing of the app, so a fresh process can time ReportLab's cold start alone."""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate


def plain_pages(pages: int) -> bytes:
    styles = getSampleStyleSheet()
    text = ("The quick brown fox jumps over the lazy dog while the interviewer takes notes. " * 9).strip()
    story: list[object] = []
    for _ in range(pages):
        story += [Paragraph(text, styles["BodyText"]) for _ in range(7)]
        story.append(PageBreak())
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, invariant=1).build(story)
    return buffer.getvalue()
