"""The end of an interview shows the evaluation's progress per question, and Stop ends it with what code measured."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from cloudinterview_desktop.ai.services.evaluator import AnswerToEvaluate
from cloudinterview_desktop.ai.services.model_feedback import STOPPED, ModelFeedbackBuilder
from cloudinterview_desktop.app import AppCore
from cloudinterview_desktop.domain.errors import Cancelled
from cloudinterview_desktop.domain.session import Mode, SessionConfig, SessionStatus
from cloudinterview_desktop.engine.session_engine import SessionEngine
from cloudinterview_desktop.report.rubric import RubricFeedbackBuilder
from cloudinterview_desktop.service.session_service import SessionService
from cloudinterview_desktop.service.template_interviewer import TemplateInterviewer
from cloudinterview_desktop.ui.main_window import MainWindow
from tests.report.scripted import ScriptedEvaluator


class SlowModel(ScriptedEvaluator):
    """Evaluates the first answer at once, then takes as long as a slow model: until it is cancelled."""

    def evaluate(self, answer: AnswerToEvaluate, cancel: threading.Event | None = None) -> dict[str, Any]:
        if self.calls >= 1:
            assert cancel is not None
            if not cancel.wait(60):
                raise AssertionError("never cancelled")
            raise Cancelled()
        return super().evaluate(answer, cancel)


def test_stop_during_the_evaluation_ends_the_interview_with_measured_feedback(qtbot: QtBot, core: AppCore,
                                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    builder = RubricFeedbackBuilder(ModelFeedbackBuilder(SlowModel()), core.bank)
    service = SessionService(core.sessions, core.bank, TemplateInterviewer(), builder, core.judge)
    engine = SessionEngine(service)
    window = MainWindow(engine, core.settings, use_monaco=False)
    qtbot.addWidget(window)
    window.show()
    session = service.create_session(SessionConfig(mode=Mode.BEHAVIORAL, question_count=2), seed=4)
    service.start_session(session.id)
    service.submit_answer(session.id, "I owned the release and cut the failure rate by half.")
    service.next_question(session.id)
    service.submit_answer(session.id, "I mentored two new engineers through their first launch.")
    window.resume_session(session.id)
    qtbot.waitUntil(lambda: window.session is not None and window.pages.currentWidget() is window.interview,
                    timeout=20_000)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.interview.end_button.click()
    qtbot.waitUntil(lambda: window.evaluation is not None and "question 2 of 2" in
                    window.evaluation.dialog.labelText(), timeout=20_000)
    assert window.evaluation is not None
    assert window.evaluation.dialog.value() == 1
    stop = window.evaluation.dialog.findChild(QPushButton)
    assert stop is not None and stop.text() == "Stop the evaluation"
    stop.click()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.summary, timeout=20_000)
    assert window.evaluation is None
    stored = core.sessions.get(session.id)
    assert stored.status is SessionStatus.COMPLETED and stored.feedback is not None
    questions = stored.feedback.payload["questions"]
    assert questions[0]["evaluation"]["status"] == "evaluated" and questions[1]["evaluation"]["reason"] == STOPPED
    assert questions[1]["rubric"]["dimensions"]["ownership"]["source"] == "measured"
    window.close()
    engine.shutdown()
