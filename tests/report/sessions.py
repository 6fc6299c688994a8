"""Sessions for the report tests, made through the real SessionService (real bank, real judge) with the rubric
feedback builder and a clock that moves 30 seconds per call, so times in the reports are fixed."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

from cloudinterview_desktop.app import AppCore
from cloudinterview_desktop.domain.judging import JudgeMode
from cloudinterview_desktop.domain.ports import FeedbackBuilder
from cloudinterview_desktop.domain.problems import BankItem, CodingProblem
from cloudinterview_desktop.domain.session import InterviewSession, Mode, SessionConfig
from cloudinterview_desktop.feedback.measured import MeasuredFeedbackBuilder
from cloudinterview_desktop.report.rubric import RubricFeedbackBuilder
from cloudinterview_desktop.service.session_service import SessionService
from cloudinterview_desktop.service.template_interviewer import TemplateInterviewer

T0 = datetime(2025, 3, 1, 9, 0, 0)
PLAN = "I would restate the problem, then walk the input once, keeping what I need in a dictionary."
# Markup, control characters, a name with an accent, CJK, Arabic and Hebrew (right to left), emoji with a skin tone
# and a joiner sequence, and Markdown syntax: all must come out as text in every format.
HOSTILE = ("<b>bold</b> &amp; <script>alert('x')</script> <para>]]> <font name='x'>\x00\x01\x07\x1b[31m\x1f "
           "Renée 中文回答 مرحبا بالعالم שלום עולם 2024 😀🎉👍🏽 \U0001f468\u200d\U0001f469\u200d\U0001f467 ✅ "
           "*not bold* | pipe |\n# not a heading\n1. not a list")
DELIVERY = {"talk_time_s": 60.0, "word_count": 190, "words_per_minute": 190.0, "speaking_rate_wpm": 200.0,
            "filler_count": 7, "fillers_per_minute": 7.0, "fillers": {"um": 4, "like": 3},
            "long_pauses": [{"start": 10.0, "end": 13.5, "duration_s": 3.5}], "pause_threshold_s": 2.5,
            "longest_pause_s": 3.5}


class Clock:
    def __init__(self) -> None:
        self.now = T0
        self._lock = threading.Lock()

    def __call__(self) -> datetime:
        with self._lock:
            self.now += timedelta(seconds=30)
            return self.now


def rubric_service(core: AppCore, base: FeedbackBuilder | None = None) -> SessionService:
    """The app's session service with RubricFeedbackBuilder around `base` (measured signals by default)."""
    builder = RubricFeedbackBuilder(base or MeasuredFeedbackBuilder(), core.bank)
    return SessionService(core.sessions, core.bank, TemplateInterviewer(), builder, core.judge, clock=Clock())


def items_of(core: AppCore, session: InterviewSession) -> dict[str, BankItem]:
    return {q.item_slug: core.bank.get(q.item_slug) for q in session.questions}


def technical_session(core: AppCore, service: SessionService, seed: int = 3) -> InterviewSession:
    """One coding problem (a clarifying question, a run, a hint, a failed then an accepted submission, an
    explanation) and two theory questions, the second left unanswered."""
    session = service.create_session(SessionConfig(mode=Mode.TECHNICAL, question_count=3, coding_count=1), seed=seed)
    session = service.start_session(session.id).session
    problem = core.bank.get(session.questions[0].item_slug)
    assert isinstance(problem, CodingProblem) and problem.solution is not None
    service.chat(session.id, "Can the input be empty?")
    service.run_code(session.id, problem.solution.python, "python")
    service.hint(session.id)
    service.run_code(session.id, "def broken(:\n", "python", JudgeMode.SUBMIT)
    # The explanation states the reference's own complexity, so the measured comparison matches on both.
    stated = f"{PLAN} It runs in {problem.solution.time} time and uses {problem.solution.space} space."
    service.submit_answer(session.id, stated, follow_up=False)
    service.submit_code(session.id, problem.solution.python, "python")
    service.next_question(session.id)
    service.submit_answer(session.id, "An index is a B-tree that maps keys to rows, so reads avoid a full scan.",
                          follow_up=False)
    service.next_question(session.id)
    return service.end_session(session.id).session


def behavioral_session(core: AppCore, service: SessionService, answers: list[str] | None = None,
                       spoken: bool = True) -> InterviewSession:
    answers = answers or [
        "Situation: our release was late. Task: I owned the migration. Action: I split it into three steps and "
        "wrote the rollback. Result: errors fell by 40% in a month. I learned to ship smaller changes.",
        "I mentored a new engineer; we paired daily and she shipped her first feature in two weeks.",
    ]
    session = service.create_session(SessionConfig(mode=Mode.BEHAVIORAL, question_count=len(answers)), seed=5)
    session = service.start_session(session.id).session
    for n, text in enumerate(answers):
        if n:
            service.next_question(session.id)
        service.submit_answer(session.id, text, follow_up=False, delivery=dict(DELIVERY) if spoken and n == 0 else None)
    return service.end_session(session.id).session


def abandoned_session(core: AppCore, service: SessionService) -> InterviewSession:
    session = service.create_session(SessionConfig(mode=Mode.TECHNICAL, question_count=3, coding_count=2), seed=9)
    session = service.start_session(session.id).session
    problem = core.bank.get(session.questions[0].item_slug)
    assert isinstance(problem, CodingProblem)
    service.run_code(session.id, "def nothing_yet():\n    return None\n", "python")
    return service.abandon_session(session.id)
