from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from cloudinterview_desktop.domain.session import Mode, SessionConfig, SessionStatus
from cloudinterview_desktop.engine.session_engine import SessionEngine
from cloudinterview_desktop.service.session_service import SessionStep


def _wait(qtbot: QtBot, engine: SessionEngine, op: str, **kwargs: Any) -> Any:
    results: dict[int, Any] = {}
    errors: dict[int, str] = {}
    engine.finished.connect(lambda rid, _op, result: results.__setitem__(rid, result))
    engine.failed.connect(lambda rid, _op, message: errors.__setitem__(rid, message))
    request_id = engine.request(op, **kwargs)
    qtbot.waitUntil(lambda: request_id in results or request_id in errors, timeout=30_000)
    if request_id in errors:
        raise AssertionError(errors[request_id])
    return results[request_id]


def test_engine_runs_the_service_off_the_gui_thread(qtbot: QtBot, core: Any) -> None:
    engine = SessionEngine(core.service)
    try:
        session = _wait(qtbot, engine, "create_session",
                        config=SessionConfig(mode=Mode.BEHAVIORAL, question_count=2), seed=3)
        tokens: list[str] = []
        engine.token.connect(lambda _rid, text: tokens.append(text))
        step = _wait(qtbot, engine, "start_session", session_id=session.id)
        assert isinstance(step, SessionStep) and step.session.status is SessionStatus.IN_PROGRESS
        assert "".join(tokens).startswith("Hello")
        step = _wait(qtbot, engine, "submit_answer", session_id=session.id, text="an answer")
        assert len(step.session.answers) == 1
    finally:
        engine.shutdown()


def test_errors_come_back_as_failed_signals_with_the_request_id(qtbot: QtBot, core: Any) -> None:
    engine = SessionEngine(core.service)
    try:
        with qtbot.waitSignal(engine.failed, timeout=10_000) as blocker:
            request_id = engine.request("submit_answer", session_id="missing", text="x")
        assert blocker.args[0] == request_id
        assert blocker.args[2] == "no session with id 'missing'"
    finally:
        engine.shutdown()


def test_a_cancelled_request_does_not_run(qtbot: QtBot, core: Any) -> None:
    engine = SessionEngine(core.service)
    try:
        config = SessionConfig(mode=Mode.BEHAVIORAL, question_count=1)
        engine.cancel(3)  # the id the third request will get: cancelled before it is dispatched
        first = engine.request("list_sessions")
        second = engine.request("list_sessions")
        with qtbot.waitSignal(engine.failed, timeout=10_000) as blocker:
            third = engine.request("create_session", config=config)
        assert (first, second, third) == (1, 2, 3)
        assert blocker.args[0] == 3 and blocker.args[2] == "cancelled"
        assert core.service.list_sessions() == []
    finally:
        engine.shutdown()
