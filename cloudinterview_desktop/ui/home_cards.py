"""The cards at the top of Home: a welcome on the first run, and where you stand (last sessions, trend, the weakest
rubric dimension with a short interview that practises it)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from cloudinterview_desktop.report.standing import Standing, WeakSpot
from cloudinterview_desktop.ui.choices import JOB_LABELS, MODE_LABELS


def _card() -> QFrame:
    frame = QFrame()
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    return frame


def _label() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    return label


class WelcomeCard(QFrame):
    """Shown until the first interview is finished."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("Welcome")
        self.text = _label()
        QVBoxLayout(self).addWidget(self.text)
        self.set_interviewer("")

    def set_interviewer(self, headline: str) -> None:
        who = escape(headline) if headline else "loading…"
        self.text.setText(
            "<h3>Welcome</h3>"
            "<p>Everything you do here — answers, code, recordings and reports — stays on this computer. Nothing is "
            "sent anywhere.</p>"
            f"<p><b>{who}</b></p>"
            "<p>A bigger language model makes a more conversational interviewer: <i>Settings → AI model</i> lists "
            "models that fit this computer.</p>")


class ProgressCard(QFrame):
    """The last scored sessions with the trend, and the weakest dimension with "Practise this"."""

    practise_requested = Signal(object)  # WeakSpot

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("Where you stand")
        self.recent = _label()
        self.weak = _label()
        self.practise_button = QPushButton("Practise this")
        self.practise_button.setAccessibleName("Practise the weakest area")
        self._weakest: WeakSpot | None = None
        weak_row = QHBoxLayout()
        weak_row.addWidget(self.weak, 1)
        weak_row.addWidget(self.practise_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.recent)
        layout.addLayout(weak_row)
        self.practise_button.clicked.connect(lambda: self._weakest and self.practise_requested.emit(self._weakest))

    def show_standing(self, standing: Standing) -> None:
        rows = []
        for s in standing.recent:
            score = f"{s.overall_score:.0f}" if s.overall_score is not None else "–"
            rows.append(f"<tr><td>{s.created_at:%d %b}</td><td>{escape(MODE_LABELS.get(s.mode.value, s.mode.value))}"
                        f"</td><td>{escape(JOB_LABELS.get(s.job_type, s.job_type))}</td>"
                        f"<td align='right'><b>{score}</b> / 100</td></tr>")
        trend = standing.trend
        trend_text = ("" if trend is None else
                      f"<p>Trend over these sessions: <b>{'+' if trend > 0 else ''}{trend:.0f}</b> points"
                      f"{' — keep going' if trend > 0 else ''}.</p>")
        self.recent.setText("<h3>Your last sessions</h3><table cellspacing='0' cellpadding='3'>" + "".join(rows)
                            + "</table>" + trend_text)
        self._weakest = standing.weakest
        if standing.weakest is None:
            self.weak.setText("<p>No weak spot stands out in your recent sessions.</p>")
            self.practise_button.setVisible(False)
            return
        spot = standing.weakest
        self.weak.setText(f"<p><b>Weakest lately: {escape(spot.label)}</b>, {spot.level:.1f} of 4 over "
                          f"{spot.sessions} session(s). A short interview ({spot.question_count} question"
                          f"{'s' if spot.question_count > 1 else ''}) works on it.</p>")
        self.practise_button.setVisible(True)
