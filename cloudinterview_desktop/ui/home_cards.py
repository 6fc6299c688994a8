"""The cards at the top of Home: a welcome on the first run, and where you stand (last sessions, trend, the weakest
rubric dimension with a short interview that practises it)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from cloudinterview_desktop.report.standing import Standing, WeakSpot
from cloudinterview_desktop.ui.choices import JOB_LABELS, choice_label, mode_label


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
        self.setAccessibleName(self.tr("Welcome"))
        self.text = _label()
        QVBoxLayout(self).addWidget(self.text)
        self.set_interviewer("")

    def set_interviewer(self, headline: str) -> None:
        who = escape(headline) if headline else self.tr("loading…")
        self.text.setText(self.tr(
            "<h3>Welcome</h3>"
            "<p>Everything you do here — answers, code, recordings and reports — stays on this computer. Nothing is "
            "sent anywhere.</p>"
            "<p><b>{who}</b></p>"
            "<p>A bigger language model makes a more conversational interviewer: <i>Settings → AI model</i> lists "
            "models that fit this computer.</p>").format(who=who))


class ProgressCard(QFrame):
    """The last scored sessions with the trend, and the weakest dimension with "Practise this"."""

    practise_requested = Signal(object)  # WeakSpot

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Where you stand"))
        self.recent = _label()
        self.weak = _label()
        self.practise_button = QPushButton(self.tr("Practise this"))
        self.practise_button.setAccessibleName(self.tr("Practise the weakest area"))
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
            rows.append(self.tr("<tr><td>{when:%d %b}</td><td>{mode}</td><td>{job}</td>"
                                "<td align='right'><b>{score}</b> / 100</td></tr>").format(
                when=s.created_at, mode=escape(mode_label(s.mode.value)),
                job=escape(choice_label(JOB_LABELS, s.job_type)), score=score))
        trend = standing.trend
        trend_text = ("" if trend is None else
                      self.tr("<p>Trend over these sessions: <b>+{trend:.0f}</b> points — keep going.</p>")
                      .format(trend=trend) if trend > 0 else
                      self.tr("<p>Trend over these sessions: <b>{trend:.0f}</b> points.</p>").format(trend=trend))
        self.recent.setText(self.tr("<h3>Your last sessions</h3>") + "<table cellspacing='0' cellpadding='3'>"
                            + "".join(rows) + "</table>" + trend_text)
        self._weakest = standing.weakest
        if standing.weakest is None:
            self.weak.setText(self.tr("<p>No weak spot stands out in your recent sessions.</p>"))
            self.practise_button.setVisible(False)
            return
        spot = standing.weakest
        text = (self.tr("<p><b>Weakest lately: {label}</b>, {level:.1f} of 4 over {sessions} session(s). A short "
                        "interview ({count} questions) works on it.</p>") if spot.question_count > 1 else
                self.tr("<p><b>Weakest lately: {label}</b>, {level:.1f} of 4 over {sessions} session(s). A short "
                        "interview ({count} question) works on it.</p>"))
        self.weak.setText(text.format(label=escape(spot.label), level=spot.level, sessions=spot.sessions,
                                      count=spot.question_count))
        self.practise_button.setVisible(True)
