"""History's mode filter lists every registered mode and keeps exactly the sessions of the chosen one."""

from __future__ import annotations

from datetime import datetime, timedelta

from pytestqt.qtbot import QtBot

from cloudinterview_desktop.domain.modes import ModeSpec, register_mode, unregister_mode
from cloudinterview_desktop.domain.session import Mode, SessionStatus, SessionSummary
from cloudinterview_desktop.ui.history_page import HistoryPage

T0 = datetime(2026, 11, 25, 9, 0)


def _summary(n: int, mode: str) -> SessionSummary:
    when = T0 + timedelta(hours=n)
    return SessionSummary(id=str(n), mode=Mode(mode), job_type="software", seniority="mid",
                          status=SessionStatus.COMPLETED, created_at=when, question_count=2, answered=2,
                          current_question_index=1, last_activity_at=when, overall_score=50.0)


def test_the_mode_filter_lists_registered_modes_and_filters_by_key(qtbot: QtBot) -> None:
    register_mode(ModeSpec(key="theory-only", display_name="Theory only", kinds=("theory",)))
    try:
        page = HistoryPage()
        qtbot.addWidget(page)
        page.set_sessions([_summary(0, "technical"), _summary(1, "behavioral"), _summary(2, "theory-only"),
                           _summary(3, "technical")])
        picker = page.mode_filter
        assert [picker.itemText(n) for n in range(picker.count())] == [
            "All modes", "Technical", "Behavioral", "Theory only"]
        shown = {}
        for n in range(picker.count()):
            picker.setCurrentIndex(n)
            shown[picker.itemData(n)] = sorted(
                str(page.proxy.data(page.proxy.index(row, 0), 256)) for row in range(page.proxy.rowCount()))
        assert shown == {"": ["0", "1", "2", "3"], "technical": ["0", "3"], "behavioral": ["1"],
                         "theory-only": ["2"]}
    finally:
        unregister_mode("theory-only")
