"""Whole interviews through the real window, with the embedded language model, the real judge and Monaco:
start, write code in the editor, run, submit, ask for a hint, chat, end, read the feedback, open the history."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from cloudinterview_desktop.app import AppCore
from cloudinterview_desktop.domain.problems import CodingProblem
from cloudinterview_desktop.domain.session import EventKind, Mode, SessionConfig, SessionStatus
from cloudinterview_desktop.engine.session_engine import SessionEngine
from cloudinterview_desktop.ui import editor_lsp
from cloudinterview_desktop.ui.main_window import MainWindow

pytestmark = pytest.mark.model
LONG = 180_000  # ms: a model turn on two busy cores


def _window(qtbot: QtBot, core: AppCore, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    editor_lsp.install(editor_lsp.LanguageServer(enabled=False))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    engine = SessionEngine(core.service, core.bank_service)
    window = MainWindow(engine, core.settings)
    qtbot.addWidget(window)
    window.show()
    return window


def _idle(window: MainWindow) -> bool:
    return not window._pending


def _start(qtbot: QtBot, window: MainWindow, config: SessionConfig) -> None:
    window.start_interview(config)
    qtbot.waitUntil(lambda: window.session is not None and window.session.current_question is not None
                    and window.session.current_question.asked_at is not None and _idle(window), timeout=LONG)


def _end_and_check_feedback(qtbot: QtBot, window: MainWindow, core: AppCore) -> None:
    window.interview.end_button.click()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.summary, timeout=LONG)
    assert window.session is not None and window.session.status is SessionStatus.COMPLETED
    feedback = window.session.feedback
    assert feedback is not None and feedback.payload["source"] in ("measured+model", "measured")
    window.show_history()
    qtbot.waitUntil(lambda: window.history.model.rowCount() == 1, timeout=30_000)
    window.history.table.selectRow(0)
    window.history.open_button.click()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.summary and _idle(window), timeout=30_000)


def test_whole_technical_interview(qtbot: QtBot, core_with_model: AppCore, monkeypatch: pytest.MonkeyPatch) -> None:
    core = core_with_model
    window = _window(qtbot, core, monkeypatch)
    _start(qtbot, window, SessionConfig(mode=Mode.TECHNICAL, question_count=2, coding_count=1, job_type="backend"))
    session = window.session
    assert session is not None
    # the embedded model does not pass the capability check: every turn is the bank interviewer's
    assert session.ai_responses and all(m.source.startswith("bank") for m in session.ai_responses
                                        if m.role.value == "interviewer"), [m.source for m in session.ai_responses]
    problem = core.bank.get(session.questions[0].item_slug)
    assert isinstance(problem, CodingProblem) and problem.solution is not None
    coding = window.interview.coding
    assert window.interview.answer_stack.currentWidget() is coding
    qtbot.waitUntil(lambda: coding.editor.is_ready and coding.editor.code() != "", timeout=LONG)
    assert "def " in coding.editor.code() or "class " in coding.editor.code()  # the starter code
    assert type(coding.editor._editor).__name__ == "Monaco", "the code is not being written in Monaco"

    # A wrong first attempt, run on the examples, then the reference solution submitted.
    coding.editor.set_code("def nothing():\n    return None\n", "python")
    coding.run_button.click()
    qtbot.waitUntil(lambda: "Examples" in coding.tests.summary.text(), timeout=LONG)
    assert "Accepted" not in coding.tests.summary.text()
    window.interview.hint_button.click()
    qtbot.waitUntil(lambda: window.session is not None and window.session.hints_used(0) == 1 and _idle(window),
                    timeout=LONG)
    assert window.interview.hint_button.text() == "Hint (1 used)"
    window.interview.chat_input.setText("Can I assume the input fits in memory?")
    window.interview.chat_input.returnPressed.emit()
    qtbot.waitUntil(lambda: _idle(window) and window.session is not None
                    and window.session.ai_responses[-1].purpose == "chat", timeout=LONG)
    coding.editor.set_code(problem.solution.python, "python")
    coding.submit_button.click()
    qtbot.waitUntil(lambda: "Hidden tests" in coding.tests.summary.text() and _idle(window), timeout=LONG)
    assert "Accepted" in coding.tests.summary.text()
    assert window.session is not None
    said = [m for m in window.session.ai_responses if m.role.value == "interviewer"]
    # the clarifying question is answered from the item itself, or with "state your assumption"
    chat = [m.content for m in said if m.purpose == "chat"][-1]
    assert chat.startswith("The question says: \u201c") or "State your assumption" in chat, chat
    # run first, hint used, accepted, no complexity stated: the follow-up asks the item's complexity question
    follow = [m for m in said if m.purpose == "follow_up"][-1]
    assert follow.source == "bank:gap=complexity" and follow.content == problem.gap_follow_ups["complexity"]
    kinds = [e.kind for e in window.session.timeline]
    assert kinds.count(EventKind.CODE_RUN) == 2 and EventKind.HINT in kinds
    assert window.session.answers_for(0)[-1].code == problem.solution.python
    assert core.sessions.drafts(window.session.id, 0)["python"] == problem.solution.python

    window.interview.next_button.click()
    qtbot.waitUntil(lambda: window.session is not None and window.session.current_question_index == 1
                    and _idle(window), timeout=LONG)
    assert window.interview.answer_stack.currentIndex() == 0  # a theory question: text answer
    window.interview.answer_box.setPlainText("I would add an index on the filtered column and check the plan.")
    window.interview.submit_button.click()
    qtbot.waitUntil(lambda: window.session is not None and len(window.session.answers_for(1)) == 1
                    and _idle(window), timeout=LONG)
    _check_status_words(qtbot, window)
    _end_and_check_feedback(qtbot, window, core)
    window.close()


def _check_status_words(qtbot: QtBot, window: MainWindow) -> None:
    """The status bar says in plain words who interviews; the model's file and figures wait in its tooltip."""
    qtbot.waitUntil(lambda: any(n.startswith("Interviewer:") for n in window._ready_notes), timeout=LONG)
    note = next(n for n in window._ready_notes if n.startswith("Interviewer:"))
    assert note.startswith("Interviewer: the question bank (") and "did not pass the self-check" in note
    assert len(note) < 100 and "follow up choice" in window.statusBar().toolTip()


def test_whole_behavioral_interview(qtbot: QtBot, core_with_model: AppCore, monkeypatch: pytest.MonkeyPatch) -> None:
    core = core_with_model
    window = _window(qtbot, core, monkeypatch)
    _start(qtbot, window, SessionConfig(mode=Mode.BEHAVIORAL, question_count=2, seniority="senior"))
    for index in range(2):
        window.interview.answer_box.setPlainText(
            "In my last team I owned the on-call rotation. I wrote runbooks and automated the paging, "
            "and pages went down by half within a quarter.")
        window.interview.submit_button.click()
        def answered(i: int = index) -> bool:
            return window.session is not None and len(window.session.answers_for(i)) >= 1 and _idle(window)

        qtbot.waitUntil(answered, timeout=LONG)
        if index == 0:
            window.interview.hint_button.click()
            qtbot.waitUntil(lambda: window.session is not None and window.session.hints_used(0) == 1
                            and _idle(window), timeout=LONG)
            window.interview.next_button.click()
            qtbot.waitUntil(lambda: window.session is not None and window.session.current_question_index == 1
                            and _idle(window), timeout=LONG)
    _end_and_check_feedback(qtbot, window, core)
    window.close()
