from __future__ import annotations

import html

from pytestqt.qtbot import QtBot

from cloudinterview_desktop.app import AppCore
from cloudinterview_desktop.domain.session import EventKind, Mode, SessionConfig
from cloudinterview_desktop.ui.timeline_details import TimelineDetails, event_details_html


def test_each_timeline_entry_shows_what_it_holds(qtbot: QtBot, core: AppCore) -> None:
    service = core.service
    session = service.create_session(SessionConfig(mode=Mode.TECHNICAL, question_count=1, coding_count=1), seed=2)
    service.start_session(session.id)
    service.run_code(session.id, "def first_try():\n    return 42\n", "python")
    service.hint(session.id)
    session = service.submit_answer(session.id, "I would sort first & then scan <once>.").session
    by_kind = {e.kind: e for e in session.timeline}
    code_run = event_details_html(session, by_kind[EventKind.CODE_RUN])
    assert "def first_try():" in code_run
    assert any(verdict in code_run for verdict in ("wrong_answer", "compile_error", "runtime_error"))
    answer = event_details_html(session, by_kind[EventKind.ANSWER_SUBMITTED])
    assert "I would sort first &amp; then scan &lt;once&gt;." in answer
    hint = event_details_html(session, by_kind[EventKind.HINT])
    hint_text = next(m.content for m in session.ai_responses if m.purpose == "hint")
    assert "Hint level 1" in hint and html.escape(hint_text[:30]) in hint
    dialog = TimelineDetails(session, by_kind[EventKind.CODE_RUN])
    qtbot.addWidget(dialog)
    assert "first_try" in dialog.view.toPlainText()
