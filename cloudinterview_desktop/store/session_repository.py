"""The only code that reads and writes sessions; each change set is one transaction and returns domain objects."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import peewee

from cloudinterview_desktop.domain.errors import SessionNotFound
from cloudinterview_desktop.domain.session import (
    AIResponse,
    EventKind,
    Feedback,
    InterviewAnswer,
    InterviewQuestion,
    InterviewSession,
    InterviewStyle,
    Mode,
    Role,
    SessionConfig,
    SessionStatus,
    SessionSummary,
    TimelineEvent,
)
from cloudinterview_desktop.domain.text import storable
from cloudinterview_desktop.store.guarded import reads, writes
from cloudinterview_desktop.store.tables import (
    DB,
    AnswerRow,
    CodeDraftRow,
    EventRow,
    FeedbackRow,
    MessageRow,
    ProfileRow,
    QuestionRow,
    SessionRow,
)

DEFAULT_PROFILE = "local"


@dataclass
class NewEvent:
    kind: EventKind
    at: datetime
    question_index: int | None = None
    payload: dict[str, Any] = field(default_factory=dict)


@dataclass
class SessionChanges:
    """Everything one service operation changes; written in a single transaction."""

    status: SessionStatus | None = None
    current_question_index: int | None = None
    started_at: datetime | None = None
    ended_at: datetime | None = None
    asked: list[tuple[int, datetime]] = field(default_factory=list)  # question index, when asked
    answers: list[InterviewAnswer] = field(default_factory=list)
    messages: list[AIResponse] = field(default_factory=list)
    events: list[NewEvent] = field(default_factory=list)
    feedback: Feedback | None = None
    activity_at: datetime | None = None


def _observed_dimensions(payload: dict[str, Any]) -> dict[str, float]:
    dims = payload.get("dimensions", {})
    if not isinstance(dims, dict):
        return {}
    return {name: float(d["score"]) for name, d in dims.items()
            if isinstance(d, dict) and isinstance(d.get("score"), int | float)}


def _config(row: SessionRow) -> SessionConfig:
    return SessionConfig(mode=Mode(row.mode), job_type=row.job_type, seniority=row.seniority,
                         difficulty=row.difficulty, duration_min=row.duration_min,
                         job_description=row.job_description, style=InterviewStyle(row.style),
                         language=row.language, question_count=row.question_count, coding_count=row.coding_count)


class SessionRepository:
    @staticmethod
    def release_thread() -> None:
        """Close this thread's connection (peewee keeps one per thread) before the thread ends."""
        if DB.obj is not None and not DB.is_closed():
            DB.close()

    def ensure_profile(self, profile_id: str = DEFAULT_PROFILE, name: str = "Me") -> str:
        if not self._profile_exists(profile_id):  # most starts only read: no write lock taken
            self._create_profile(profile_id, name)
        return profile_id

    @reads("read your profile")
    def _profile_exists(self, profile_id: str) -> bool:
        return bool(ProfileRow.select().where(ProfileRow.id == profile_id).exists())

    @writes("save your profile")
    def _create_profile(self, profile_id: str, name: str) -> None:
        ProfileRow.get_or_create(id=profile_id, defaults={"name": name, "created_at": datetime.now()})

    @writes("save the new session")
    def create(self, config: SessionConfig, questions: list[InterviewQuestion], at: datetime,
               profile_id: str = DEFAULT_PROFILE) -> InterviewSession:
        session_id = str(uuid.uuid4())
        ProfileRow.get_or_create(id=profile_id, defaults={"name": "Me", "created_at": at})
        SessionRow.create(
            id=session_id, profile=profile_id, mode=config.mode.value, job_type=config.job_type,
            seniority=config.seniority, difficulty=config.difficulty, duration_min=config.duration_min,
            job_description=config.job_description, style=config.style.value, language=config.language,
            question_count=len(questions), coding_count=config.coding_count,
            status=SessionStatus.CREATED.value, current_question_index=0, created_at=at, last_activity_at=at,
        )
        for q in questions:
            QuestionRow.create(session=session_id, position=q.index, item_slug=q.item_slug, kind=q.kind,
                               title=q.title, prompt=q.prompt, difficulty=q.difficulty,
                               topics=json.dumps(list(q.topics)), asked_at=None)
        return self.get(session_id)

    def apply(self, session_id: str, changes: SessionChanges) -> InterviewSession:
        """Write a change set atomically; when this returns, it is committed (and fsynced: synchronous=FULL)."""
        self._apply(session_id, changes)
        return self.get(session_id)

    @writes("save your progress")
    def _apply(self, session_id: str, changes: SessionChanges) -> None:
        # IMMEDIATE takes the write lock up front, so two processes or threads never read the same next seq.
        row = SessionRow.get_or_none(SessionRow.id == session_id)
        if row is None:
            raise SessionNotFound(session_id)
        if changes.status is not None:
            row.status = changes.status.value
        if changes.current_question_index is not None:
            row.current_question_index = changes.current_question_index
        if changes.started_at is not None:
            row.started_at = changes.started_at
        if changes.ended_at is not None:
            row.ended_at = changes.ended_at
        row.last_activity_at = changes.activity_at or datetime.now()
        row.save()
        for index, at in changes.asked:
            (QuestionRow.update(asked_at=at)
             .where((QuestionRow.session == session_id) & (QuestionRow.position == index)
                    & QuestionRow.asked_at.is_null())
             .execute())
        if changes.answers:
            seq = self._next_seq(AnswerRow, session_id)
            for offset, answer in enumerate(changes.answers):
                AnswerRow.create(session=session_id, question_index=answer.question_index, seq=seq + offset,
                                 text=storable(answer.text), code=storable(answer.code), language=answer.language,
                                 audio_path=answer.audio_path, submitted_at=answer.submitted_at)
        if changes.messages:
            seq = self._next_seq(MessageRow, session_id)
            for offset, message in enumerate(changes.messages):
                MessageRow.create(session=session_id, seq=seq + offset, role=message.role.value,
                                  purpose=message.purpose, content=storable(message.content),
                                  question_index=message.question_index, source=message.source,
                                  created_at=message.created_at)
        if changes.events:
            seq = self._next_seq(EventRow, session_id)
            for offset, event in enumerate(changes.events):
                EventRow.create(session=session_id, seq=seq + offset, kind=event.kind.value, at=event.at,
                                question_index=event.question_index, payload=json.dumps(event.payload))
        if changes.feedback is not None:
            FeedbackRow.delete().where(FeedbackRow.session == session_id).execute()
            FeedbackRow.create(session=session_id, created_at=changes.feedback.created_at,
                               payload=json.dumps(changes.feedback.payload))

    @staticmethod
    def _next_seq(table: Any, session_id: str) -> int:
        current = table.select(peewee.fn.MAX(table.seq)).where(table.session == session_id).scalar()
        return 0 if current is None else int(current) + 1

    @reads("read the session")
    def get(self, session_id: str) -> InterviewSession:
        row: Any = SessionRow.get_or_none(SessionRow.id == session_id)
        if row is None:
            raise SessionNotFound(session_id)
        questions = tuple(
            InterviewQuestion(index=q.position, item_slug=q.item_slug, kind=q.kind, title=q.title, prompt=q.prompt,
                              difficulty=q.difficulty, topics=tuple(json.loads(q.topics)), asked_at=q.asked_at)
            for q in QuestionRow.select().where(QuestionRow.session == session_id).order_by(QuestionRow.position)
        )
        answers = tuple(
            InterviewAnswer(question_index=a.question_index, text=a.text, submitted_at=a.submitted_at, code=a.code,
                            language=a.language, audio_path=a.audio_path, seq=a.seq)
            for a in AnswerRow.select().where(AnswerRow.session == session_id).order_by(AnswerRow.seq)
        )
        messages = tuple(
            AIResponse(role=Role(m.role), purpose=m.purpose, content=m.content, created_at=m.created_at,
                       question_index=m.question_index, source=m.source)
            for m in MessageRow.select().where(MessageRow.session == session_id).order_by(MessageRow.seq)
        )
        timeline = tuple(
            TimelineEvent(seq=e.seq, kind=EventKind(e.kind), at=e.at, question_index=e.question_index,
                          payload=json.loads(e.payload))
            for e in EventRow.select().where(EventRow.session == session_id).order_by(EventRow.seq)
        )
        feedback_row: Any = FeedbackRow.get_or_none(FeedbackRow.session == session_id)
        feedback = (Feedback(created_at=feedback_row.created_at, payload=json.loads(feedback_row.payload))
                    if feedback_row else None)
        return InterviewSession(
            id=row.id, user_id=row.profile_id, config=_config(row), status=SessionStatus(row.status),
            created_at=row.created_at, questions=questions, answers=answers, ai_responses=messages,
            timeline=timeline, feedback=feedback, current_question_index=row.current_question_index,
            started_at=row.started_at, ended_at=row.ended_at, last_activity_at=row.last_activity_at,
        )

    @reads("read your sessions")
    def exists(self, session_id: str) -> bool:
        return SessionRow.select().where(SessionRow.id == session_id).exists()

    @reads("read your sessions")
    def summaries(self, status: SessionStatus | None = None, mode: Mode | None = None,
             limit: int | None = None) -> list[SessionSummary]:
        answered = (AnswerRow.select(AnswerRow.session, peewee.fn.COUNT(peewee.fn.DISTINCT(AnswerRow.question_index))
                                     .alias("n"))
                    .group_by(AnswerRow.session).alias("answered"))
        query = (SessionRow.select(SessionRow, answered.c.n.alias("answered_count"))
                 .join(answered, peewee.JOIN.LEFT_OUTER, on=(answered.c.session_id == SessionRow.id))
                 .order_by(SessionRow.created_at.desc()).objects())
        if status is not None:
            query = query.where(SessionRow.status == status.value)
        if mode is not None:
            query = query.where(SessionRow.mode == mode.value)
        if limit:
            query = query.limit(limit)
        rows: list[Any] = list(query)
        feedbacks: list[Any] = list(FeedbackRow.select(FeedbackRow.session, FeedbackRow.payload))
        payloads = {f.session_id: json.loads(f.payload) for f in feedbacks}
        return [
            SessionSummary(id=r.id, mode=Mode(r.mode), job_type=r.job_type, seniority=r.seniority,
                           status=SessionStatus(r.status), created_at=r.created_at,
                           question_count=r.question_count, answered=int(r.answered_count or 0),
                           current_question_index=r.current_question_index, last_activity_at=r.last_activity_at,
                           overall_score=payloads.get(r.id, {}).get("overall", {}).get("score"),
                           dimensions=_observed_dimensions(payloads.get(r.id, {})))
            for r in rows
        ]

    @reads("read your sessions")
    def resolve_id(self, prefix: str) -> str:
        """A full id from a unique prefix (the CLI shows short ids)."""
        if self.exists(prefix):
            return prefix
        matches = [r.id for r in SessionRow.select(SessionRow.id).where(SessionRow.id.startswith(prefix)).limit(2)]
        if len(matches) == 1 and len(prefix) >= 4:
            return matches[0]
        raise SessionNotFound(prefix)

    @writes("delete the session")
    def delete(self, session_id: str) -> None:
        deleted = SessionRow.delete().where(SessionRow.id == session_id).execute()
        if not deleted:
            raise SessionNotFound(session_id)

    @writes("delete your sessions")
    def delete_all(self) -> int:
        return int(SessionRow.delete().execute())

    @reads("read your sessions")
    def idle_in_progress(self, idle_for: timedelta, now: datetime) -> list[str]:
        cutoff = now - idle_for
        return [r.id for r in SessionRow.select(SessionRow.id).where(
            (SessionRow.status == SessionStatus.IN_PROGRESS.value) & (SessionRow.last_activity_at < cutoff))]

    @reads("read your sessions")
    def older_than(self, cutoff: datetime) -> list[str]:
        return [r.id for r in SessionRow.select(SessionRow.id).where(SessionRow.created_at < cutoff)]

    @reads("read your sessions")
    def seen_item_slugs(self, profile_id: str = DEFAULT_PROFILE) -> set[str]:
        query = (QuestionRow.select(QuestionRow.item_slug).join(SessionRow)
                 .where((SessionRow.profile == profile_id) & QuestionRow.asked_at.is_null(False)))
        return {r.item_slug for r in query}

    @writes("save your code draft")
    def save_draft(self, session_id: str, question_index: int, language: str, code: str, at: datetime) -> None:
        code = storable(code)
        (CodeDraftRow.insert(session=session_id, question_index=question_index, language=language, code=code,
                             updated_at=at)
         .on_conflict(conflict_target=[CodeDraftRow.session, CodeDraftRow.question_index, CodeDraftRow.language],
                      update={CodeDraftRow.code: code, CodeDraftRow.updated_at: at})
         .execute())

    @reads("read your code drafts")
    def drafts(self, session_id: str, question_index: int) -> dict[str, str]:
        query = CodeDraftRow.select().where((CodeDraftRow.session == session_id)
                                            & (CodeDraftRow.question_index == question_index))
        return {d.language: d.code for d in query}
