"""What a report shows, gathered once for every format: the session, the feedback (as stored at its end), and the
person's earlier sessions for the progress chart."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from cloudinterview_desktop.domain.problems import BankItem
from cloudinterview_desktop.domain.session import InterviewSession, Role, SessionSummary
from cloudinterview_desktop.feedback.measured import SOURCE, MeasuredFeedbackBuilder, question_signals
from cloudinterview_desktop.report.rubric import ProblemRows, RubricFeedbackBuilder
from cloudinterview_desktop.report.text import iso, moment

TITLE = "Interview feedback report"


@dataclass(frozen=True)
class ReportInput:
    session: InterviewSession
    feedback: dict[str, Any]
    origin: str  # where the feedback came from: stored at the end, or computed when the report was made
    earlier: tuple[SessionSummary, ...] = ()  # the person's sessions before this one, oldest first

    @property
    def overall(self) -> dict[str, Any]:
        value = self.feedback.get("overall")
        return value if isinstance(value, dict) else {}

    @property
    def dimensions(self) -> dict[str, Any]:
        value = self.feedback.get("dimensions")
        return value if isinstance(value, dict) else {}

    def question_feedback(self, index: int) -> dict[str, Any]:
        for question in self.feedback.get("questions", []):
            if isinstance(question, dict) and question.get("index") == index:
                return question
        return {}

    def rubric(self, index: int) -> dict[str, Any]:
        value = self.question_feedback(index).get("rubric")
        return value if isinstance(value, dict) else {}

    def when(self, at: Any) -> str:
        return moment(at, self.session.started_at) or ""

    def latest_code(self, index: int) -> tuple[str, str]:
        """The last code the candidate ran or submitted for a question (else a code answer), with its language."""
        for event in reversed(self.session.timeline):
            if event.question_index == index and event.payload.get("code"):
                return str(event.payload["code"]), str(event.payload.get("language") or "")
        for answer in reversed(self.session.answers_for(index)):
            if answer.code.strip():
                return answer.code, answer.language or self.session.config.language
        return "", ""

    def answer_text(self, index: int) -> str:
        return "\n\n".join(a.text for a in self.session.answers_for(index) if a.text.strip())

    def details(self) -> list[tuple[str, str]]:
        """The session's facts for a cover page, as (label, value)."""
        s, c = self.session, self.session.config
        overall = self.overall
        return [
            ("Session", s.id), ("Profile", s.user_id), ("Mode", c.mode.value),
            ("Role", f"{c.seniority} {c.job_type.replace('_', ' ')}"), ("Difficulty", c.difficulty),
            ("Style", c.style.value), ("Language", c.language), ("Status", s.status.value.replace("_", " ")),
            ("Created", iso(s.created_at) or ""), ("Started", iso(s.started_at) or "-"),
            ("Ended", iso(s.ended_at) or "-"), ("Duration", f"{s.duration_s / 60:.1f} min"),
            ("Questions", f"{overall.get('answered', sum(1 for q in s.questions if s.answers_for(q.index)))} "
                          f"answered of {len(s.questions)}"),
            ("Hints", str(overall.get("hints_used", sum(s.hints_used(q.index) for q in s.questions)))),
            ("Feedback", str(self.feedback.get("source", ""))),
        ]

    def transcript(self) -> list[tuple[str, str, str, int | None]]:
        """(when, who, text, question index) for every turn of the conversation, in order."""
        return [(self.when(m.created_at),
                 ("Interviewer" if m.role is Role.INTERVIEWER else "You") + f" ({m.purpose})",
                 m.content, m.question_index) for m in self.session.ai_responses]


def _measured(session: InterviewSession, items: dict[str, BankItem]) -> dict[str, Any]:
    """MeasuredFeedbackBuilder's report; when a coding question's bank item is not at hand (the GUI has no bank, a
    user item was deleted), the same per-question signals without it, since that builder needs every item."""
    if all(q.item_slug in items for q in session.questions if q.kind == "coding"):
        return MeasuredFeedbackBuilder().build(session, items)
    questions = [question_signals(session, q.index, items.get(q.item_slug)) for q in session.questions]
    return {"source": SOURCE, "label": "Measured signals only: no model evaluated this session.",
            "questions": questions,
            "overall": {"score": None, "basis": "", "answered": sum(1 for q in questions if q["answered"]),
                        "asked": sum(1 for q in questions if q["asked"]),
                        "hints_used": sum(q["hints_used"] for q in questions),
                        "duration_s": round(session.duration_s, 1), "hire_band": None, "hire_band_reason": ""}}


def prepare(session: InterviewSession, history: Iterable[SessionSummary] = (),
            items: dict[str, BankItem] | None = None, bank: ProblemRows | None = None) -> ReportInput:
    """The report's input. Stored feedback with a rubric is used as it is; older stored feedback gets the rubric
    added from what was stored; a session that ended without feedback (abandoned, expired) gets one computed from
    its measured signals. `items` (bank items by slug) and `bank` only matter in those last two cases."""
    stored = session.feedback
    builder = RubricFeedbackBuilder(MeasuredFeedbackBuilder(), bank)
    if stored is not None and stored.payload.get("rubric_version"):
        feedback, origin = stored.payload, f"computed when the session ended ({iso(stored.created_at)}) and stored"
    elif stored is not None:
        feedback = builder.enrich(session, stored.payload, items or {})
        origin = (f"stored when the session ended ({iso(stored.created_at)}); the rubric was added from it when "
                  "this report was made")
    else:
        feedback = builder.enrich(session, _measured(session, items or {}), items or {})
        origin = (f"no feedback was stored (the session is {session.status.value.replace('_', ' ')}): computed "
                  "from its measured signals when this report was made")
    earlier = tuple(sorted((h for h in history if h.id != session.id and h.created_at < session.created_at),
                           key=lambda h: (h.created_at, h.id)))
    return ReportInput(session, feedback, origin, earlier)
