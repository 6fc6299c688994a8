"""Feedback built only from what was measured (tests passed, hints, runs, time, words), labelled as such.

This is what a session gets when no model can evaluate it: nothing here is guessed. Dimensions that need a model's
judgement are listed as "not evaluated" with the reason."""

from __future__ import annotations

import threading
from datetime import datetime
from typing import Any

from cloudinterview_desktop.domain.ports import ProgressSink
from cloudinterview_desktop.domain.problems import BankItem, CodingProblem
from cloudinterview_desktop.domain.session import EventKind, InterviewSession

SOURCE = "measured"


def _question_window(session: InterviewSession, index: int) -> tuple[datetime | None, datetime | None]:
    start = session.questions[index].asked_at
    later = [q.asked_at for q in session.questions[index + 1:] if q.asked_at is not None]
    end = later[0] if later else (session.ended_at or session.last_activity_at)
    return start, end


def question_signals(session: InterviewSession, index: int, item: BankItem | None) -> dict[str, Any]:
    question = session.questions[index]
    events = [e for e in session.timeline if e.question_index == index]
    answers = session.answers_for(index)
    runs = [e.payload for e in events if e.kind is EventKind.CODE_RUN]
    submits = [r for r in runs if r.get("mode") == "submit"]
    start, end = _question_window(session, index)
    signals: dict[str, Any] = {
        "index": index,
        "slug": question.item_slug,
        "title": question.title,
        "kind": question.kind,
        "asked": question.asked_at is not None,
        "answered": bool(answers),
        "hints_used": sum(1 for e in events if e.kind is EventKind.HINT),
        "time_s": round((end - start).total_seconds(), 1) if start and end else None,
        "answer_words": sum(len(a.text.split()) for a in answers),
    }
    if isinstance(item, CodingProblem):
        best = max(submits, key=lambda r: (r.get("passed", 0), -len(submits)), default=None)
        signals.update({
            "runs": len(runs) - len(submits),
            "submits": len(submits),
            "failed_submits": sum(1 for r in submits if r.get("verdict") != "accepted"),
            "final_verdict": submits[-1]["verdict"] if submits else None,
            "tests_passed": best["passed"] if best else 0,
            "tests_total": best["total"] if best else len(item.tests),
            "accepted": any(r.get("verdict") == "accepted" for r in submits),
            "reference_complexity": {"time": item.solution.time, "space": item.solution.space}
            if item.solution else None,
        })
    return signals


class MeasuredFeedbackBuilder:
    def build(self, session: InterviewSession, items: dict[str, BankItem],
              cancel: threading.Event | None = None, progress: ProgressSink | None = None) -> dict[str, Any]:
        questions = [question_signals(session, q.index, items.get(q.item_slug)) for q in session.questions]
        coding = [q for q in questions if q["kind"] == "coding" and q["asked"]]
        score: float | None = None
        basis = "no coding problem was submitted; answers to theory and behavioral questions need a model to evaluate"
        if coding:
            fractions = [q.get("tests_passed", 0) / q["tests_total"] if q.get("tests_total") else 0.0 for q in coding]
            score = round(100 * sum(fractions) / len(fractions), 1)
            basis = "mean share of hidden tests passed over the coding problems asked"
        return {
            "source": SOURCE,
            "label": "Measured signals only: no model evaluated this session.",
            "questions": questions,
            "overall": {
                "score": score,
                "basis": basis,
                "answered": sum(1 for q in questions if q["answered"]),
                "asked": sum(1 for q in questions if q["asked"]),
                "hints_used": sum(q["hints_used"] for q in questions),
                "duration_s": round(session.duration_s, 1),
                "hire_band": None,
                "hire_band_reason": "a hire band needs a model's evaluation of the answers",
            },
            "not_evaluated": ["communication", "code quality", "theory coverage", "STAR structure"],
        }
