from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from cloudinterview_desktop.app import AppCore
from cloudinterview_desktop.domain.session import SessionStatus
from cloudinterview_desktop.engine.session_engine import SessionEngine
from cloudinterview_desktop.ui.main_window import MainWindow


def test_an_interview_through_the_window(qtbot: QtBot, core: AppCore, monkeypatch: pytest.MonkeyPatch) -> None:
    engine = SessionEngine(core.service)
    window = MainWindow(engine, core.settings)
    qtbot.addWidget(window)
    window.show()
    home = window.home
    home.mode.setCurrentIndex(home.mode.findData("behavioral"))
    home.questions.setValue(2)
    home.start_button.click()
    qtbot.waitUntil(lambda: window.session is not None and window.session.status is SessionStatus.IN_PROGRESS
                    and window.session.current_question is not None
                    and window.session.current_question.asked_at is not None, timeout=20_000)
    assert window.pages.currentWidget() is window.interview
    assert "Question 1 of 2" in window.interview.progress_label.text()
    window.interview.answer_box.setPlainText("I took ownership of the migration and cut errors by 40%.")
    window.interview.submit_button.click()
    qtbot.waitUntil(lambda: window.session is not None and len(window.session.answers) == 1, timeout=20_000)
    assert window.interview.answer_box.toPlainText() == ""
    window.interview.next_button.click()
    qtbot.waitUntil(lambda: window.session is not None and window.session.current_question_index == 1,
                    timeout=20_000)
    assert not window.interview.next_button.isEnabled()  # the last question
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.interview.end_button.click()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.summary, timeout=20_000)
    assert "Interview feedback" in window.summary.view.toPlainText()
    assert window.session is not None
    assert core.sessions.get(window.session.id).status is SessionStatus.COMPLETED
    window.close()


def test_home_remembers_the_last_choices(qtbot: QtBot, core: AppCore) -> None:
    from cloudinterview_desktop.settings import Key

    core.settings.set(Key.LAST_JOB_TYPE, "sre")
    core.settings.set(Key.LAST_SENIORITY, "staff")
    engine = SessionEngine(core.service)
    window = MainWindow(engine, core.settings)
    qtbot.addWidget(window)
    assert window.home.job.currentData() == "sre" and window.home.seniority.currentData() == "staff"
    window.close()
