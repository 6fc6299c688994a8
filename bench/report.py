"""The PDF report of a 20-question session (coding problems judged for real, theory answers, hints, chat), median
of several renders, beside ReportLab rendering the same number of plain text pages in the same run.

    .venv/bin/python bench/report.py [--runs 7] [--questions 20]
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from common import median, report
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

from cloudinterview_desktop.app import build_core
from cloudinterview_desktop.domain.problems import CodingProblem
from cloudinterview_desktop.domain.session import InterviewSession, Mode, SessionConfig
from cloudinterview_desktop.feedback.measured import MeasuredFeedbackBuilder
from cloudinterview_desktop.report.content import ReportInput, prepare
from cloudinterview_desktop.report.export import render
from cloudinterview_desktop.report.pdf_fonts import load_fonts
from cloudinterview_desktop.report.rubric import RubricFeedbackBuilder
from cloudinterview_desktop.service.session_service import SessionService
from cloudinterview_desktop.service.template_interviewer import TemplateInterviewer

EXPLANATION = ("I would first restate the problem and check the edge cases: an empty input, a single element and "
               "duplicates. A brute force over all pairs is quadratic, so I keep what I have seen in a hash map and "
               "answer each lookup in constant time. It runs in O(n) time and uses O(n) extra space. ") * 3
THEORY = ("An index is a separate structure, usually a B-tree, that maps key values to row locations so a lookup "
          "reads a few pages instead of scanning the table. It speeds up reads and range scans but costs space and "
          "slows writes, since every insert and update must maintain it. ") * 4


def interview(home: Path, questions: int) -> tuple[ReportInput, InterviewSession]:
    core = build_core(home, use_model=False)
    now = [datetime(2025, 3, 1, 9, 0, 0)]

    def clock() -> datetime:
        now[0] += timedelta(seconds=41)
        return now[0]

    service = SessionService(core.sessions, core.bank, TemplateInterviewer(),
                             RubricFeedbackBuilder(MeasuredFeedbackBuilder(), core.bank), core.judge, clock=clock)
    session = service.create_session(SessionConfig(mode=Mode.TECHNICAL, question_count=questions,
                                                   coding_count=questions // 2), seed=11)
    session = service.start_session(session.id).session
    for question in session.questions:
        if question.index:
            service.next_question(session.id)
        item = core.bank.get(question.item_slug)
        if isinstance(item, CodingProblem) and item.solution is not None:
            service.chat(session.id, "Can the input be empty, and are the values bounded?")
            service.submit_answer(session.id, EXPLANATION, follow_up=False)
            if question.index % 3 == 0:
                service.hint(session.id)
            service.run_code(session.id, item.solution.python, "python")
            service.submit_code(session.id, item.solution.python, "python")
        else:
            service.submit_answer(session.id, THEORY, follow_up=False)
    ended = service.end_session(session.id).session
    data = prepare(ended, core.sessions.summaries(), bank=core.bank)
    core.close()
    return data, ended


def plain_pages(pages: int) -> bytes:
    """ReportLab's floor: `pages` pages of plain paragraphs in a built-in font, no tables, charts or font fallback."""
    styles = getSampleStyleSheet()
    text = ("The quick brown fox jumps over the lazy dog while the interviewer takes notes. " * 9).strip()
    story: list[object] = []
    for _ in range(pages):
        story += [Paragraph(text, styles["BodyText"]) for _ in range(7)]
        story.append(PageBreak())
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, invariant=1).build(story)
    return buffer.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--questions", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        data, session = interview(Path(folder) / "home", args.questions)
        start = time.perf_counter()
        load_fonts()
        fonts_s = time.perf_counter() - start
        start = time.perf_counter()
        first = render(data, "pdf")
        first_s = time.perf_counter() - start
        pages = len(PdfReader(io.BytesIO(first)).pages)
        app_times, raw_times = [], []
        for _ in range(args.runs):
            start = time.perf_counter()
            again = render(data, "pdf")
            app_times.append(time.perf_counter() - start)
            assert again == first  # the same stored session gives the same bytes
            start = time.perf_counter()
            plain_pages(pages)
            raw_times.append(time.perf_counter() - start)
    answered = sum(1 for q in session.questions if session.answers_for(q.index))
    print(f"{len(session.questions)} questions ({answered} answered, {args.questions // 2} coding judged for real), "
          f"{pages} pages, {len(first) / 1024:.0f} KiB; font discovery and registration {fonts_s:.3f} s once per "
          f"process; first render {first_s:.3f} s")
    report("PDF report of a 20-question session (median)", median(app_times), median(raw_times), "s", "app <= 2 s")


if __name__ == "__main__":
    main()
