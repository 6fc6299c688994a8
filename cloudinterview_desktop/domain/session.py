"""An interview session's state (CloudInterview's Durable Object state) and its explicit state machine."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from typing import Any, ClassVar

from cloudinterview_desktop.domain.errors import DomainError, IllegalTransition


class Mode(str):
    """An interview mode's key: what a session stores and passes around. The modes themselves (what each asks and
    how it is framed) are registered in domain/modes.py; any key reads back, registered or not, so a stored session
    of a mode that is gone still loads. One instance per key, so `is` compares like the enum it replaced."""

    __slots__ = ()
    _interned: ClassVar[dict[str, Mode]] = {}
    TECHNICAL: ClassVar[Mode]
    BEHAVIORAL: ClassVar[Mode]

    def __new__(cls, key: str) -> Mode:
        key = str(key)
        known = cls._interned.get(key)
        if known is None:
            known = cls._interned[key] = super().__new__(cls, key)
        return known

    @property
    def value(self) -> str:
        return str.__str__(self)

    def __repr__(self) -> str:
        return f"Mode({str.__repr__(self)})"


Mode.TECHNICAL = Mode("technical")
Mode.BEHAVIORAL = Mode("behavioral")


class InterviewStyle(StrEnum):
    INTERVIEWER = "interviewer"  # hints cost score, the solution is never given away
    TUTOR = "tutor"  # explains freely


class SessionStatus(StrEnum):
    CREATED = "created"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    ABANDONED = "abandoned"
    EXPIRED = "expired"

    @property
    def is_final(self) -> bool:
        return self in (SessionStatus.COMPLETED, SessionStatus.ABANDONED, SessionStatus.EXPIRED)


class Action(StrEnum):
    START = "start"
    COMPLETE = "complete"
    ABANDON = "abandon"
    EXPIRE = "expire"


_TRANSITIONS: dict[tuple[SessionStatus, Action], SessionStatus] = {
    (SessionStatus.CREATED, Action.START): SessionStatus.IN_PROGRESS,
    (SessionStatus.CREATED, Action.ABANDON): SessionStatus.ABANDONED,
    (SessionStatus.IN_PROGRESS, Action.COMPLETE): SessionStatus.COMPLETED,
    (SessionStatus.IN_PROGRESS, Action.ABANDON): SessionStatus.ABANDONED,
    (SessionStatus.IN_PROGRESS, Action.EXPIRE): SessionStatus.EXPIRED,
}


def transition(status: SessionStatus, action: Action) -> SessionStatus:
    """The status after `action`, or IllegalTransition naming both."""
    try:
        return _TRANSITIONS[(status, action)]
    except KeyError:
        raise IllegalTransition(f"cannot {action.value} a session that is {status.value.replace('_', ' ')}") from None


class EventKind(StrEnum):
    SESSION_STARTED = "session_started"
    QUESTION_ASKED = "question_asked"
    ANSWER_SUBMITTED = "answer_submitted"
    MESSAGE = "message"
    HINT = "hint"
    CODE_RUN = "code_run"
    EVALUATION = "evaluation"
    FEEDBACK = "feedback"
    STATUS_CHANGED = "status_changed"


class Role(StrEnum):
    INTERVIEWER = "interviewer"
    CANDIDATE = "candidate"


@dataclass(frozen=True)
class SessionConfig:
    mode: Mode = Mode.TECHNICAL
    job_type: str = "software"
    seniority: str = "mid"
    difficulty: str = "medium"
    duration_min: int = 45
    job_description: str = ""
    style: InterviewStyle = InterviewStyle.INTERVIEWER
    language: str = "python"
    question_count: int = 4
    coding_count: int = 2  # technical mode: coding problems first, then theory (as CloudInterview does)


@dataclass(frozen=True)
class InterviewQuestion:
    index: int
    item_slug: str
    kind: str  # "coding", "theory" or "behavioral"
    title: str
    prompt: str
    difficulty: str
    topics: tuple[str, ...] = ()
    asked_at: datetime | None = None


@dataclass(frozen=True)
class InterviewAnswer:
    question_index: int
    text: str
    submitted_at: datetime
    code: str = ""
    language: str = ""
    audio_path: str = ""
    seq: int = 0


@dataclass(frozen=True)
class AIResponse:
    """A turn of the conversation: the interviewer's or the candidate's message."""

    role: Role
    purpose: str  # intro, question, follow_up, hint, chat, transition, outro
    content: str
    created_at: datetime
    question_index: int | None = None
    source: str = ""  # "model:<name>" or "template": what produced an interviewer turn


@dataclass(frozen=True)
class TimelineEvent:
    seq: int
    kind: EventKind
    at: datetime
    question_index: int | None = None
    payload: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Feedback:
    created_at: datetime
    payload: dict[str, Any]


@dataclass(frozen=True)
class InterviewSession:
    id: str
    user_id: str
    config: SessionConfig
    status: SessionStatus
    created_at: datetime
    questions: tuple[InterviewQuestion, ...] = ()
    answers: tuple[InterviewAnswer, ...] = ()
    ai_responses: tuple[AIResponse, ...] = ()
    timeline: tuple[TimelineEvent, ...] = ()
    feedback: Feedback | None = None
    current_question_index: int = 0
    started_at: datetime | None = None
    ended_at: datetime | None = None
    last_activity_at: datetime | None = None

    @property
    def mode(self) -> Mode:
        return self.config.mode

    @property
    def duration_s(self) -> float:
        """Elapsed interview time: start to end, or to the last activity while it is open."""
        if self.started_at is None:
            return 0.0
        end = self.ended_at or self.last_activity_at or self.started_at
        return max(0.0, (end - self.started_at).total_seconds())

    @property
    def current_question(self) -> InterviewQuestion | None:
        if 0 <= self.current_question_index < len(self.questions):
            return self.questions[self.current_question_index]
        return None

    @property
    def is_last_question(self) -> bool:
        return self.current_question_index >= len(self.questions) - 1

    def answers_for(self, index: int) -> tuple[InterviewAnswer, ...]:
        return tuple(a for a in self.answers if a.question_index == index)

    def hints_used(self, index: int) -> int:
        return sum(1 for e in self.timeline if e.kind is EventKind.HINT and e.question_index == index)

    def require_open(self) -> None:
        if self.status is not SessionStatus.IN_PROGRESS:
            raise DomainError(f"the session is {self.status.value.replace('_', ' ')}; it accepts no more input")

    def with_status(self, status: SessionStatus) -> InterviewSession:
        return replace(self, status=status)


@dataclass(frozen=True)
class SessionSummary:
    """One row of the history: what the session list and the progress chart show."""

    id: str
    mode: Mode
    job_type: str
    seniority: str
    status: SessionStatus
    created_at: datetime
    question_count: int
    answered: int
    current_question_index: int
    last_activity_at: datetime | None
    overall_score: float | None = None
    dimensions: dict[str, float] = field(default_factory=dict)  # rubric scores (1-4) that were observed
    open_elsewhere: str = ""  # who runs it now in another window or terminal ("" when nobody else does)
