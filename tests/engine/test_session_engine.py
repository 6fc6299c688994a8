from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pytestqt.qtbot import QtBot

from cloudinterview_desktop.app import AppCore
from cloudinterview_desktop.domain.session import Mode, SessionConfig, SessionStatus
from cloudinterview_desktop.engine.session_engine import SessionEngine
from cloudinterview_desktop.engine.session_results import (
    AnswerSubmitted,
    RequestId,
    SessionCreated,
    SessionList,
    SessionStarted,
)


def _wait(qtbot: QtBot, engine: SessionEngine, send: Callable[[], RequestId]) -> Any:
    results: dict[int, Any] = {}
    errors: dict[int, str] = {}
    engine.finished.connect(lambda rid, result: results.__setitem__(rid, result))
    engine.failed.connect(lambda rid, message: errors.__setitem__(rid, message))
    engine.cancelled.connect(lambda rid: errors.__setitem__(rid, "cancelled"))
    request_id = send()
    qtbot.waitUntil(lambda: request_id in results or request_id in errors, timeout=30_000)
    if request_id in errors:
        raise AssertionError(errors[request_id])
    return results[request_id]


def test_engine_runs_the_service_off_the_gui_thread(qtbot: QtBot, core: AppCore) -> None:
    engine = SessionEngine(core.service)
    try:
        created = _wait(qtbot, engine, lambda: engine.create_session(
            SessionConfig(mode=Mode.BEHAVIORAL, question_count=2), seed=3))
        assert isinstance(created, SessionCreated)
        session = created.session
        tokens: list[str] = []
        engine.token.connect(lambda _rid, text: tokens.append(text))
        started = _wait(qtbot, engine, lambda: engine.start_session(session.id))
        assert isinstance(started, SessionStarted) and started.step.session.status is SessionStatus.IN_PROGRESS
        assert "".join(tokens).startswith("Hello")
        answered = _wait(qtbot, engine, lambda: engine.submit_answer(session.id, "an answer"))
        assert isinstance(answered, AnswerSubmitted) and len(answered.step.session.answers) == 1
    finally:
        engine.shutdown()


def test_each_result_says_its_operation(qtbot: QtBot, core: AppCore) -> None:
    engine = SessionEngine(core.service)
    try:
        listed = _wait(qtbot, engine, engine.list_sessions)
        assert isinstance(listed, SessionList) and listed.sessions == []
    finally:
        engine.shutdown()


def test_errors_come_back_as_failed_signals_with_the_request_id(qtbot: QtBot, core: AppCore) -> None:
    engine = SessionEngine(core.service)
    try:
        with qtbot.waitSignal(engine.failed, timeout=10_000) as blocker:
            request_id = engine.submit_answer("missing", "x")
        assert blocker.args == [request_id, "no session with id 'missing'"]
    finally:
        engine.shutdown()


def test_a_cancelled_request_does_not_run(qtbot: QtBot, core: AppCore) -> None:
    engine = SessionEngine(core.service)
    failures: list[int] = []
    engine.failed.connect(lambda rid, _message: failures.append(rid))
    try:
        config = SessionConfig(mode=Mode.BEHAVIORAL, question_count=1)
        engine.cancel(3)  # the id the third request will get: cancelled before it is dispatched
        first = engine.list_sessions()
        second = engine.list_sessions()
        with qtbot.waitSignal(engine.cancelled, timeout=10_000) as blocker:
            third = engine.create_session(config)
        assert (first, second, third) == (1, 2, 3)
        assert blocker.args == [3]
        assert failures == []
        assert core.service.list_sessions() == []
    finally:
        engine.shutdown()


def test_bank_requests_without_a_bank_fail_in_words(qtbot: QtBot, core: AppCore) -> None:
    engine = SessionEngine(core.service)
    try:
        with qtbot.waitSignal(engine.failed, timeout=10_000) as blocker:
            request_id = engine.list_bank_items()
        assert blocker.args == [request_id, "the question bank is not available here"]
    finally:
        engine.shutdown()
