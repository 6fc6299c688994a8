"""The PDF report of a 20-question session (coding problems judged for real, theory answers, hints, chat), beside
ReportLab rendering the same number of plain text pages, both measured in the same run with alternating order:

- cold: the first export in a fresh process (the app's modules loaded, as in a running window; ReportLab, the PDF
  module and the fonts not yet), beside a fresh process importing ReportLab and rendering the plain pages;
- warm: later exports in the same process, beside the plain pages rendered in the same process.

    .venv/bin/python bench/report.py [--runs 5] [--cold-runs 3] [--questions 20]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from common import interleaved, median, record, runs_text
from plain_pdf import plain_pages
from pypdf import PdfReader

from cloudinterview_desktop.app import build_core
from cloudinterview_desktop.domain.problems import CodingProblem
from cloudinterview_desktop.domain.session import InterviewSession, Mode, SessionConfig
from cloudinterview_desktop.feedback.measured import MeasuredFeedbackBuilder
from cloudinterview_desktop.report.content import ReportInput, prepare
from cloudinterview_desktop.report.export import render
from cloudinterview_desktop.report.rubric import RubricFeedbackBuilder
from cloudinterview_desktop.service.session_service import SessionService
from cloudinterview_desktop.service.template_interviewer import TemplateInterviewer

BENCH = Path(__file__).resolve().parent
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


APP_COLD = """
import json, sys, time
from pathlib import Path
from cloudinterview_desktop.app import build_core
from cloudinterview_desktop.report.content import prepare
from cloudinterview_desktop.report.export import render
core = build_core(Path(sys.argv[1]), use_model=False, apply_retention=False)
session = core.sessions.get(sys.argv[2])
data = prepare(session, core.sessions.summaries(), bank=core.bank)
start = time.perf_counter()
pdf = render(data, "pdf")
print(json.dumps({"seconds": time.perf_counter() - start, "bytes": len(pdf)}))
"""

FLOOR_COLD = """
import json, sys, time
start = time.perf_counter()
sys.path.insert(0, sys.argv[1])
from plain_pdf import plain_pages
pdf = plain_pages(int(sys.argv[2]))
print(json.dumps({"seconds": time.perf_counter() - start, "bytes": len(pdf)}))
"""


def cold(code: str, *args: str) -> float:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=300,
                          check=False)
    if done.returncode != 0:
        raise SystemExit(f"a cold export failed:\n{done.stderr}")
    return float(json.loads(done.stdout.strip().splitlines()[-1])["seconds"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cold-runs", type=int, default=3)
    parser.add_argument("--questions", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder) / "home"
        data, session = interview(home, args.questions)
        first = render(data, "pdf")
        pages = len(PdfReader(io.BytesIO(first)).pages)
        cold_app, cold_floor = interleaved(lambda: cold(APP_COLD, str(home), session.id),
                                           lambda: cold(FLOOR_COLD, str(BENCH), str(pages)), args.cold_runs)

        def warm_app() -> float:
            start = time.perf_counter()
            again = render(data, "pdf")
            elapsed = time.perf_counter() - start
            assert again == first  # the same stored session gives the same bytes
            return elapsed

        def warm_floor() -> float:
            start = time.perf_counter()
            plain_pages(pages)
            return time.perf_counter() - start

        warm_floor()  # ReportLab's own first-use costs are the cold figure's, not the warm floor's
        app_times, raw_times = interleaved(warm_app, warm_floor, args.runs)
    answered = sum(1 for q in session.questions if session.answers_for(q.index))
    print(f"{len(session.questions)} questions ({answered} answered, {args.questions // 2} coding judged for real), "
          f"{pages} pages, {len(first) / 1024:.0f} KiB")
    print(f"cold runs (s): app {runs_text(cold_app)}; floor {runs_text(cold_floor)}")
    print(f"warm runs (s): app {runs_text(app_times)}; floor {runs_text(raw_times)}")
    record(f"PDF report, first export in a fresh process ({args.questions} questions, {pages} pages)",
           median(cold_app), median(cold_floor), "s", "<= 2 s", runs=cold_app, floor_runs=cold_floor,
           note="floor: a fresh process importing ReportLab and rendering as many plain pages")
    record(f"PDF report, later exports ({args.questions} questions, {pages} pages)", median(app_times),
           median(raw_times), "s", "<= 2 s", runs=app_times, floor_runs=raw_times,
           note="floor: as many plain ReportLab pages in the same process")


if __name__ == "__main__":
    main()
