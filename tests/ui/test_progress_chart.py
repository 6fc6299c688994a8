"""History's chart reads right for 1, 2 and 50 sessions: distinct date labels, one point per session."""

from __future__ import annotations

from datetime import datetime, timedelta

from pytestqt.qtbot import QtBot

from cloudinterview_desktop.domain.session import Mode, SessionStatus, SessionSummary
from cloudinterview_desktop.ui.progress_chart import ProgressChart, date_ticks, lines_of

T0 = datetime(2026, 11, 25, 9, 0)


def _summary(n: int, when: datetime) -> SessionSummary:
    return SessionSummary(id=str(n), mode=Mode.TECHNICAL, job_type="software", seniority="mid",
                          status=SessionStatus.COMPLETED, created_at=when, question_count=2, answered=2,
                          current_question_index=1, last_activity_at=when, overall_score=40.0 + n,
                          dimensions={"correctness": 2.0 + (n % 3) / 2, "complexity": 3.0})


def test_labels_never_repeat_and_show_the_time_when_sessions_share_a_day() -> None:
    four_then_one = [T0 + timedelta(hours=h) for h in range(4)] + [T0 + timedelta(days=1)]
    ticks = date_ticks(four_then_one, max_ticks=10)
    labels = [label for _, label in ticks]
    assert labels == ["25 Nov 09:00", "25 Nov 10:00", "25 Nov 11:00", "25 Nov 12:00", "26 Nov"]
    assert date_ticks([T0], 10) == [(0, "25 Nov")]
    fifty = [T0 + timedelta(days=d) for d in range(50)]
    thinned = date_ticks(fifty, max_ticks=8)
    assert len(thinned) == 8 and thinned[0] == (0, "25 Nov") and thinned[-1] == (49, "13 Jan")
    assert len({label for _, label in thinned}) == len(thinned)


def test_the_chart_draws_one_point_per_session_for_1_2_and_50(qtbot: QtBot) -> None:
    for count in (1, 2, 50):
        sessions = [_summary(n, T0 + timedelta(days=n)) for n in range(count)]
        chart = ProgressChart()
        qtbot.addWidget(chart)
        chart.resize(1200, 320)
        chart.show_sessions(sessions)
        lines = {line.name: line for line in lines_of(sessions)}
        assert [p for p, _ in lines["overall"].points] == list(range(count))
        assert lines["correctness"].label == "Correctness"
        assert chart.accessibleDescription().startswith(f"{count} scored session(s), latest {39 + count:.0f}")
        image = chart.grab().toImage()
        assert not image.isNull() and image.width() == 1200
