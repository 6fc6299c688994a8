"""The LLM interviewer on the real model, through the real session service: streamed turns of every kind, model
feedback at the end, the interviewer/tutor difference, and the fallback when the model cannot answer."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from cloudinterview_desktop.ai.backends.llama_cpp_backend import LlamaCppBackend
from cloudinterview_desktop.ai.backends.openai_http_backend import OpenAIHTTPBackend
from cloudinterview_desktop.ai.services.evaluation_schemas import EVALUATION_RESULT_SCHEMA
from cloudinterview_desktop.ai.services.evaluator import Evaluator
from cloudinterview_desktop.ai.services.llm_interviewer import LLMInterviewer, TurnLimits
from cloudinterview_desktop.ai.services.model_feedback import ModelFeedbackBuilder
from cloudinterview_desktop.app import AppCore, build_core
from cloudinterview_desktop.domain.errors import Cancelled
from cloudinterview_desktop.domain.ports import TokenSink, TurnContext, TurnKind
from cloudinterview_desktop.domain.problems import BehavioralQuestion, CodingProblem
from cloudinterview_desktop.domain.quotes import quote_occurs
from cloudinterview_desktop.domain.session import AIResponse, InterviewStyle, Mode, Role, SessionConfig
from cloudinterview_desktop.service.session_service import SessionService, SessionStep
from cloudinterview_desktop.service.template_interviewer import TemplateInterviewer
from tests.ai.conftest import bank_item, make_session
from tests.ai.spy_backend import RecordingBackend

SHORT = TurnLimits(intro=24, question=16, follow_up=24, chat=24, hint=32, outro=16)
ANSWER = ("Last year I shipped a caching change that served stale prices to checkout. A customer reported it. "
          "I rolled back within 20 minutes, wrote a regression test and added cache invalidation on price "
          "updates. Stale-price incidents went to zero, and I learned to test invalidation paths.")


@pytest.fixture
def app_core(app_home: Path) -> Iterator[AppCore]:
    core = build_core(app_home)
    yield core
    core.close()


def _quotes(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for key, child in value.items():
            if key in ("quote", "line") and isinstance(child, str) and child:
                yield child
            else:
                yield from _quotes(child)
    elif isinstance(value, list):
        for child in value:
            yield from _quotes(child)


@pytest.mark.model
def test_a_behavioral_interview_with_the_model(app_core: AppCore, backend: LlamaCppBackend) -> None:
    spy = RecordingBackend(backend)
    interviewer = LLMInterviewer(spy, fallback=TemplateInterviewer(), limits=SHORT)
    service = SessionService(app_core.sessions, app_core.bank, interviewer,
                             ModelFeedbackBuilder(Evaluator(backend, retries=1)), app_core.judge)
    session = service.create_session(SessionConfig(mode=Mode.BEHAVIORAL, question_count=1,
                                                   job_description="Backend engineer for a payments API."), seed=4)
    source = f"model:{backend.name}"

    def check(message: AIResponse, streamed: list[str]) -> None:
        """Streamed is exactly what was stored; a model turn, or the template when the model wrote nothing."""
        assert message.content and "<|" not in message.content
        assert message.source == source or message.source.startswith("bank") or (message.source == "template" and
                                            interviewer.last_error == "the model's reply was empty")

    streamed: list[str] = []
    step = service.start_session(session.id, on_token=streamed.append)
    assert [m.purpose for m in step.messages] == ["intro", "question"]
    assert "".join(streamed) == "".join(m.content for m in step.messages)
    check(step.messages[0], streamed)
    # The service stores intro and question together, yet the question's prompt already holds the intro.
    assert step.messages[0].content in "\n".join(m["content"] for m in spy.prompts[-1])
    assert step.messages[1].source == source  # the framing is the model's, the question text verbatim
    question = step.session.questions[0]
    asked = bank_item("behavioral", question.item_slug)
    assert isinstance(asked, BehavioralQuestion)
    assert step.messages[1].content.endswith(asked.question)

    calls: tuple[Callable[[TokenSink], SessionStep], ...]
    calls = (lambda sink: service.submit_answer(session.id, ANSWER, on_token=sink),
             lambda sink: service.chat(session.id, "Should I focus on the technical side?", on_token=sink))
    for call in calls:
        streamed = []
        step = call(streamed.append)
        assert len(step.messages) == 1 and "".join(streamed) == step.messages[0].content
        check(step.messages[0], streamed)

    hint = service.hint(session.id)  # a behavioral question has no ladder: the interviewer writes the hint
    assert not hint.from_ladder and hint.text

    ended = service.end_session(session.id).session
    assert ended.ai_responses[-1].purpose == "outro"
    feedback = ended.feedback.payload if ended.feedback else {}
    assert feedback["source"] == "measured+model" and feedback["model"] == backend.name
    evaluation = feedback["questions"][0]["evaluation"]
    jsonschema.validate(evaluation, EVALUATION_RESULT_SCHEMA)
    for quote in _quotes(evaluation):  # every quote that survived is the candidate's own words
        assert quote_occurs(quote, ANSWER), quote
    assert set(feedback["not_evaluated"]) <= {"communication", "code quality", "theory coverage", "STAR structure"}
    assert "code quality" in feedback["not_evaluated"]
    assert feedback["not_evaluated_reasons"]["code quality"] == "no coding question was asked"


@pytest.mark.model
def test_only_the_tutor_is_shown_the_reference_solution(backend: LlamaCppBackend) -> None:
    problem = bank_item("coding", "two-sum")
    assert isinstance(problem, CodingProblem) and problem.solution is not None
    solution = problem.solution.python.strip().splitlines()[0]
    seen: dict[InterviewStyle, str] = {}
    for style in InterviewStyle:
        spy = RecordingBackend(backend)
        session = make_session([problem], SessionConfig(style=style),
                               [(Role.INTERVIEWER, "question", "Question 1 of 1: Two Sum", 0)])
        context = TurnContext(session, session.questions[0], problem, hint_level=len(problem.hints) + 1)
        interviewer = LLMInterviewer(spy, limits=SHORT)
        turn = interviewer.turn(TurnKind.HINT, context)
        # A 135M model may write nothing usable; then there is no turn (and the reason), never an empty one.
        assert (turn is not None and turn.text) or interviewer.last_error == "the model's reply was empty"
        if turn is not None and style is InterviewStyle.INTERVIEWER:
            assert "```" not in turn.text  # a code fence ends an interviewer's reply
        seen[style] = "\n".join(m["content"] for m in spy.prompts[-1])
        assert problem.hints[-1] in seen[style]  # the ladder already given, so the hint goes further
    assert solution not in seen[InterviewStyle.INTERVIEWER]
    assert solution in seen[InterviewStyle.TUTOR]


def test_without_a_working_model_the_template_takes_over(tmp_path: Path) -> None:
    unreachable = OpenAIHTTPBackend("http://127.0.0.1:9/v1", "none", connect_timeout=2)
    interviewer = LLMInterviewer(unreachable, fallback=TemplateInterviewer())
    item = bank_item("behavioral", "bug-you-shipped")
    session = make_session([item], SessionConfig(mode=Mode.BEHAVIORAL))
    tokens: list[str] = []
    turn = interviewer.turn(TurnKind.INTRO, TurnContext(session), tokens.append)
    assert turn is not None and turn.source == "template" and "".join(tokens) == turn.text
    assert "cannot reach the model server" in interviewer.last_error
    assert LLMInterviewer(unreachable).turn(TurnKind.INTRO, TurnContext(session)) is None


@pytest.mark.model
def test_cancel_propagates_instead_of_falling_back(backend: LlamaCppBackend) -> None:
    item = bank_item("theory", "acid-properties")
    session = make_session([item], SessionConfig())
    cancel = threading.Event()
    cancel.set()  # the user pressed Stop: no model text, and no template text either
    tokens: list[str] = []
    with pytest.raises(Cancelled):
        LLMInterviewer(backend, fallback=TemplateInterviewer()).turn(
            TurnKind.INTRO, TurnContext(session), tokens.append, cancel)
    assert tokens == []
