"""Sessions as plain JSON-ready dicts (CLI output, exports)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from cloudinterview_desktop.domain.session import InterviewSession, SessionSummary


def _iso(value: Any) -> Any:
    return value.isoformat(timespec="seconds") if value is not None else None


def summary_to_dict(summary: SessionSummary) -> dict[str, Any]:
    return {
        "id": summary.id, "mode": summary.mode.value, "job_type": summary.job_type, "seniority": summary.seniority,
        "status": summary.status.value, "created_at": _iso(summary.created_at),
        "question_count": summary.question_count, "answered": summary.answered,
        "current_question_index": summary.current_question_index,
        "last_activity_at": _iso(summary.last_activity_at), "overall_score": summary.overall_score,
    }


def session_to_dict(session: InterviewSession) -> dict[str, Any]:
    config = asdict(session.config)
    config["mode"] = session.config.mode.value
    config["style"] = session.config.style.value
    return {
        "sessionId": session.id,
        "userId": session.user_id,
        "mode": session.mode.value,
        "status": session.status.value,
        "config": config,
        "currentQuestionIndex": session.current_question_index,
        "duration": round(session.duration_s, 1),
        "createdAt": _iso(session.created_at),
        "startedAt": _iso(session.started_at),
        "endedAt": _iso(session.ended_at),
        "questions": [
            {"index": q.index, "slug": q.item_slug, "kind": q.kind, "title": q.title, "difficulty": q.difficulty,
             "topics": list(q.topics), "askedAt": _iso(q.asked_at), "prompt": q.prompt}
            for q in session.questions
        ],
        "answers": [
            {"questionIndex": a.question_index, "text": a.text, "code": a.code, "language": a.language,
             "audioPath": a.audio_path, "submittedAt": _iso(a.submitted_at)}
            for a in session.answers
        ],
        "aiResponses": [
            {"role": m.role.value, "purpose": m.purpose, "content": m.content, "questionIndex": m.question_index,
             "source": m.source, "createdAt": _iso(m.created_at)}
            for m in session.ai_responses
        ],
        "timeline": [
            {"seq": e.seq, "kind": e.kind.value, "at": _iso(e.at), "questionIndex": e.question_index,
             "payload": e.payload}
            for e in session.timeline
        ],
        "feedback": session.feedback.payload if session.feedback else None,
    }
