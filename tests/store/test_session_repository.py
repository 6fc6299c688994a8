from __future__ import annotations

from datetime import datetime

import pytest

from cloudinterview_desktop.app import AppCore
from cloudinterview_desktop.domain.session import EventKind, InterviewAnswer, SessionConfig
from cloudinterview_desktop.store.session_repository import NewEvent, SessionChanges


def test_a_change_set_is_all_or_nothing(core: AppCore) -> None:
    repo = core.sessions
    session = core.service.create_session(SessionConfig(question_count=1, coding_count=0), seed=1)
    now = datetime.now()
    changes = SessionChanges(
        answers=[InterviewAnswer(question_index=0, text="kept only if all of it commits", submitted_at=now)],
        events=[NewEvent(EventKind.ANSWER_SUBMITTED, now, 0, {"not json": object()})],
    )
    with pytest.raises(TypeError):
        repo.apply(session.id, changes)
    reloaded = repo.get(session.id)
    assert reloaded.answers == () and reloaded.timeline == ()


def test_drafts_are_upserted_per_question_and_language(core: AppCore) -> None:
    repo = core.sessions
    session = core.service.create_session(SessionConfig(question_count=1, coding_count=1), seed=1)
    repo.save_draft(session.id, 0, "python", "v1", datetime.now())
    repo.save_draft(session.id, 0, "python", "v2", datetime.now())
    repo.save_draft(session.id, 0, "cpp", "int x;", datetime.now())
    assert repo.drafts(session.id, 0) == {"python": "v2", "cpp": "int x;"}


def test_delete_all_data_removes_sessions_and_files(core: AppCore) -> None:
    from cloudinterview_desktop.service.data_management import delete_all_data

    session = core.service.create_session(SessionConfig(question_count=1, coding_count=0), seed=1)
    recording = core.paths.recordings_dir / session.id / "answer-0.wav"
    recording.parent.mkdir(parents=True)
    recording.write_bytes(b"RIFF")
    result = delete_all_data(core.sessions, core.paths)
    assert result.sessions == 1 and result.files == 1
    assert core.sessions.summaries() == [] and not recording.exists()


def test_text_that_utf8_cannot_hold_is_stored_not_lost(core: AppCore) -> None:
    session = core.service.create_session(SessionConfig(question_count=1, coding_count=0), seed=1)
    core.service.start_session(session.id)
    text = "half a pair \ud83d here, a whole one \U0001f600 there"
    stored = core.service.submit_answer(session.id, text).session.answers[0].text
    assert stored == "half a pair \ufffd here, a whole one \U0001f600 there"
