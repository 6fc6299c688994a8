"""The disk fills up in the middle of an interview: the window says so in words, keeps the typed answer, keeps
running, and saves the next answer that fits. SQLite's own limit on the file's size gives the real SQLITE_FULL."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from cloudinterview_desktop.app import AppCore
from cloudinterview_desktop.domain.session import SessionStatus
from cloudinterview_desktop.engine.session_engine import SessionEngine
from cloudinterview_desktop.store.tables import DB
from cloudinterview_desktop.ui.main_window import MainWindow


def test_a_full_disk_keeps_the_typed_answer_and_says_what_to_do(qtbot: QtBot, core: AppCore,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a, **k: warnings.append(text))
    # From here on, every new connection may not grow the database by a single page: the disk is full.
    pages = DB.execute_sql("PRAGMA page_count").fetchone()[0]
    DB.obj._pragmas.append(("max_page_count", pages + 6))
    engine = SessionEngine(core.service)
    window = MainWindow(engine, core.settings)
    qtbot.addWidget(window)
    window.show()
    window.home.mode.setCurrentIndex(window.home.mode.findData("behavioral"))
    window.home.questions.setValue(2)
    window.home.start_button.click()
    qtbot.waitUntil(lambda: window.session is not None and window.session.status is SessionStatus.IN_PROGRESS
                    and window.session.current_question is not None
                    and window.session.current_question.asked_at is not None, timeout=20_000)
    long_answer = "I owned the migration plan and measured every step of it. " * 2000  # needs new pages
    window.interview.answer_box.setPlainText(long_answer)
    window.interview.submit_button.click()
    qtbot.waitUntil(lambda: bool(warnings), timeout=20_000)
    assert "The disk that holds your CloudInterview data is full" in warnings[0]
    assert str(core.paths.data_dir) in warnings[0] and "Free some space" in warnings[0]
    assert window.interview.answer_box.toPlainText() == long_answer  # nothing the person typed is lost
    assert window.session is not None
    session_id = window.session.id
    assert core.sessions.get(session_id).answers == ()
    assert window.interview.submit_button.isEnabled()

    window.interview.answer_box.setPlainText("I led it and cut errors by 40%.")
    window.interview.submit_button.click()
    qtbot.waitUntil(lambda: len(core.sessions.get(session_id).answers) == 1, timeout=20_000)
    assert core.sessions.get(session_id).answers[0].text == "I led it and cut errors by 40%."
    assert list(core.paths.data_dir.glob("*.corrupt-*")) == []
    window.close()
    engine.shutdown()
