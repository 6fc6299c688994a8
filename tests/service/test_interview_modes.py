"""A mode registered from outside the app (here, in the test) runs a whole interview through the real session
service: its questions, its greeting, its stored key and its feedback's rubric dimensions all come from its spec."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from cloudinterview_desktop.ai.services.conversation import ConversationBuilder
from cloudinterview_desktop.ai.services.prompts import PromptLibrary
from cloudinterview_desktop.domain.modes import ModeSpec, UnknownMode, register_mode, unregister_mode
from cloudinterview_desktop.domain.session import Mode, SessionConfig, SessionStatus
from cloudinterview_desktop.report.rubric_questions import KIND_DIMENSIONS
from cloudinterview_desktop.service.session_service import UnknownProblem

THEORY_ONLY = ModeSpec(key="theory-only", display_name="Theory only", kinds=("theory",),
                       prompt_description="theory interview (concept questions only, no coding)")


@pytest.fixture
def theory_only() -> Iterator[ModeSpec]:
    register_mode(THEORY_ONLY)
    yield THEORY_ONLY
    unregister_mode(THEORY_ONLY.key)


def test_a_registered_mode_runs_a_whole_interview(core: Any, theory_only: ModeSpec) -> None:
    service = core.service
    # An engineering job with coding asked for: the mode, not the job, decides that none is asked.
    config = SessionConfig(mode=Mode("theory-only"), job_type="backend", question_count=3, coding_count=2)
    session = service.start_session(service.create_session(config, seed=11).id).session
    intro = session.ai_responses[0]
    assert intro.purpose == "intro" and theory_only.display_name.lower() in intro.content.lower()
    assert "a theory only interview" in intro.content
    answers = ["An index is a B-tree that maps keys to rows, so reads avoid a full table scan.",
               "A transaction is atomic: all of its writes happen or none do.", "Caching trades freshness for speed."]
    for n, text in enumerate(answers):
        if n:
            session = service.next_question(session.id).session
        service.submit_answer(session.id, text, follow_up=False)
    ended = service.end_session(session.id).session
    assert ended.status is SessionStatus.COMPLETED
    assert len(ended.questions) == 3 and {q.kind for q in ended.questions} == {"theory"}
    assert all(core.bank.get(q.item_slug).kind.value == "theory" for q in ended.questions)
    assert ended.feedback is not None
    assert set(ended.feedback.payload["dimensions"]) == set(KIND_DIMENSIONS["theory"])
    for question in ended.feedback.payload["questions"]:
        assert set(question["rubric"]["dimensions"]) == set(KIND_DIMENSIONS["theory"])
    # The model's prompts call it what the spec says.
    prompt = ConversationBuilder(PromptLibrary()).system(ended)
    assert "mock theory interview (concept questions only, no coding)" in prompt
    # The registered key is what is stored, and it reads back.
    assert core.sessions.get(ended.id).mode is Mode("theory-only")
    assert [s.mode for s in core.sessions.summaries() if s.id == ended.id] == ["theory-only"]


def test_a_registered_mode_refuses_questions_of_other_kinds(core: Any, theory_only: ModeSpec) -> None:
    coding = core.bank.rows(kind="coding")[0].slug
    with pytest.raises(UnknownProblem, match="a theory-only interview asks theory questions"):
        core.service.create_session(SessionConfig(mode=Mode("theory-only")), problems=[coding])


def test_a_session_of_a_mode_no_longer_registered_still_reads_back(core: Any) -> None:
    register_mode(THEORY_ONLY)
    try:
        session = core.service.create_session(SessionConfig(mode=Mode("theory-only"), question_count=1), seed=3)
    finally:
        unregister_mode(THEORY_ONLY.key)
    assert core.sessions.get(session.id).config.mode == "theory-only"
    with pytest.raises(UnknownMode, match="theory-only"):
        core.service.create_session(SessionConfig(mode=Mode("theory-only"), question_count=1), seed=3)
