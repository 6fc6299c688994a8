from __future__ import annotations

from typing import Any

import pytest

from cloudinterview_desktop.app import AppCore, LazyJudge
from cloudinterview_desktop.domain.errors import DomainError, IllegalTransition, SessionNotFound
from cloudinterview_desktop.domain.session import EventKind, Mode, SessionConfig, SessionStatus


def _service(core: AppCore) -> Any:
    return core.service


def _start(core: AppCore, **config: Any) -> Any:
    service = _service(core)
    session = service.create_session(SessionConfig(**config), seed=7)
    return service.start_session(session.id).session


def test_full_technical_interview_is_recorded(core: AppCore) -> None:
    service = _service(core)
    session = _start(core, mode=Mode.TECHNICAL, question_count=3, coding_count=1)
    assert session.status is SessionStatus.IN_PROGRESS
    assert session.questions[0].kind == "coding"
    assert [q.kind for q in session.questions[1:]] == ["theory", "theory"]
    assert session.ai_responses[0].purpose == "intro"
    service.submit_answer(session.id, "I would use a hash map to remember what I have seen.")
    hint = service.hint(session.id)
    assert hint.level == 1 and hint.from_ladder
    session = service.next_question(session.id).session
    assert session.current_question_index == 1
    service.submit_answer(session.id, "An index trades write speed and space for faster reads.")
    service.next_question(session.id)
    service.submit_answer(session.id, "Third answer.")
    ended = service.end_session(session.id).session
    assert ended.status is SessionStatus.COMPLETED
    assert ended.feedback is not None and ended.feedback.payload["source"] == "measured"
    kinds = [e.kind for e in ended.timeline]
    assert kinds.count(EventKind.QUESTION_ASKED) == 3
    assert kinds.count(EventKind.ANSWER_SUBMITTED) == 3
    assert EventKind.HINT in kinds and EventKind.FEEDBACK in kinds
    assert [a.question_index for a in ended.answers] == [0, 1, 2]
    assert ended.duration_s >= 0


def test_behavioral_interview_uses_behavioral_questions(core: AppCore) -> None:
    session = _start(core, mode=Mode.BEHAVIORAL, question_count=3, seniority="senior")
    assert {q.kind for q in session.questions} == {"behavioral"}
    assert len({q.item_slug for q in session.questions}) == 3


def test_illegal_operations_raise_and_write_nothing(core: AppCore) -> None:
    service = _service(core)
    session = _start(core, mode=Mode.BEHAVIORAL, question_count=1)
    with pytest.raises(DomainError, match="last one"):
        service.next_question(session.id)
    with pytest.raises(DomainError, match="empty"):
        service.submit_answer(session.id, "   ")
    service.end_session(session.id)
    before = service.get(session.id)
    with pytest.raises(DomainError, match="completed"):
        service.submit_answer(session.id, "too late")
    with pytest.raises(IllegalTransition, match="complete"):
        service.end_session(session.id)
    with pytest.raises(DomainError):
        service.chat(session.id, "hello?")
    after = service.get(session.id)
    assert after.timeline == before.timeline and after.answers == before.answers
    assert after.ai_responses == before.ai_responses


def test_unknown_session_is_a_clear_error(core: AppCore) -> None:
    with pytest.raises(SessionNotFound, match="no session with id 'nope'"):
        _service(core).submit_answer("nope", "answer")


def test_seen_questions_are_not_repeated_until_the_pool_runs_out(core: AppCore) -> None:
    service = _service(core)
    first = _start(core, mode=Mode.BEHAVIORAL, question_count=3, seniority="staff")
    second = service.create_session(SessionConfig(mode=Mode.BEHAVIORAL, question_count=3, seniority="staff"), seed=7)
    asked = {q.item_slug for q in first.questions if q.asked_at is not None}
    assert asked and not asked & {q.item_slug for q in second.questions}


def test_idle_sessions_expire_and_stay_in_history(core: AppCore) -> None:
    from datetime import datetime, timedelta

    service = _service(core)
    session = _start(core, mode=Mode.BEHAVIORAL, question_count=1)
    service._clock = lambda: datetime.now() + timedelta(hours=3)  # three hours later
    assert service.expire_idle(timedelta(hours=2)) == [session.id]
    expired = service.get(session.id)
    assert expired.status is SessionStatus.EXPIRED
    assert any(s.id == session.id for s in service.list_sessions())


def test_run_code_records_the_verdict(core: AppCore) -> None:
    service = _service(core)
    session = _start(core, mode=Mode.TECHNICAL, question_count=1, coding_count=1)
    step = service.run_code(session.id, "def broken(:\n", "python")
    assert step.report is not None and step.report.verdict.value == "compile_error"
    event = step.session.timeline[-1]
    assert event.kind is EventKind.CODE_RUN and event.payload["verdict"] == "compile_error"
    assert service.drafts(session.id, 0) == {"python": "def broken(:\n"}


def test_warm_up_prepares_the_judge_before_the_first_submission(core: AppCore) -> None:
    judge = core.judge
    assert isinstance(judge, LazyJudge) and judge._judge is None  # nothing imported to show the window
    assert "question bank" in core.service.warm_up()
    assert judge._judge is not None  # the first Run or Submit no longer pays for the imports
