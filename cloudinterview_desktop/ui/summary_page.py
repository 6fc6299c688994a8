"""The summary page: the session's feedback as stored, with what it is based on."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from cloudinterview_desktop.domain.session import InterviewSession


def feedback_markdown(session: InterviewSession) -> str:
    payload: dict[str, Any] = session.feedback.payload if session.feedback else {}
    overall = payload.get("overall", {})
    score = overall.get("score")
    lines = ["# Interview feedback", "", f"*{payload.get('label', '')}*", "",
             f"**Score:** {'not evaluated' if score is None else f'{score:.0f} / 100'} — {overall.get('basis', '')}",
             "", f"Answered {overall.get('answered', 0)} of {overall.get('asked', 0)} questions asked, "
             f"{overall.get('hints_used', 0)} hints, {overall.get('duration_s', 0) / 60:.1f} minutes.", ""]
    if overall.get("hire_band") is None and overall.get("hire_band_reason"):
        lines += [f"**Hire band:** not given — {overall['hire_band_reason']}.", ""]
    lines.append("## Questions")
    for q in payload.get("questions", []):
        line = f"- **Q{q['index'] + 1} {q['title']}** ({q['kind']}): {'answered' if q['answered'] else 'not answered'}"
        if q["kind"] == "coding":
            line += (f"; hidden tests {q['tests_passed']}/{q['tests_total']}, verdict {q['final_verdict'] or '—'}, "
                     f"{q['runs']} runs, {q['submits']} submits")
        line += f"; hints {q['hints_used']}"
        lines.append(line)
    if payload.get("not_evaluated"):
        lines += ["", f"Not evaluated without a model: {', '.join(payload['not_evaluated'])}."]
    return "\n".join(lines)


class SummaryPage(QWidget):
    home_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = QTextBrowser()
        self.view.setAccessibleName("Feedback")
        self.home_button = QPushButton("Back to start")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.home_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.home_button.clicked.connect(self.home_requested)

    def show_session(self, session: InterviewSession) -> None:
        self.view.setMarkdown(feedback_markdown(session))
