"""Home: where you stand (a welcome on the first run, an interrupted session to resume, the last sessions and the
weakest area to practise), and an interview started in three steps (mode, job and level, job description)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cloudinterview_desktop.domain.session import InterviewStyle, Mode, SessionConfig, SessionSummary
from cloudinterview_desktop.report.standing import WeakSpot, standing
from cloudinterview_desktop.ui.choices import (
    DIFFICULTY_LABELS,
    JOB_LABELS,
    SENIORITY_LABELS,
    STYLE_LABELS,
    choice_label,
    mode_choices,
)
from cloudinterview_desktop.ui.home_cards import ProgressCard, WelcomeCard


def _combo(labels: dict[str, str], name: str, translate: bool = True) -> QComboBox:
    """A combo of `labels`' keys: the labels translated, or (translate=False) shown as they are."""
    combo = QComboBox()
    combo.setAccessibleName(name)
    for key, label in labels.items():
        combo.addItem(choice_label(labels, key) if translate else label, key)
    return combo


def _select(combo: QComboBox, key: str) -> None:
    index = combo.findData(key)
    if index >= 0:
        combo.setCurrentIndex(index)


class HomePage(QWidget):
    start_requested = Signal(object)  # SessionConfig
    resume_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = _combo(mode_choices(), self.tr("Interview mode"), translate=False)
        self.job = _combo(JOB_LABELS, self.tr("Job type"))
        self.seniority = _combo(SENIORITY_LABELS, self.tr("Seniority"))
        self.difficulty = _combo(DIFFICULTY_LABELS, self.tr("Difficulty"))
        self.style_choice = _combo(STYLE_LABELS, self.tr("Interview style"))
        self.duration = QSpinBox()
        self.duration.setRange(10, 180)
        self.duration.setSingleStep(5)
        self.duration.setSuffix(self.tr(" min"))
        self.duration.setAccessibleName(self.tr("Duration in minutes"))
        self.questions = QSpinBox()
        self.questions.setRange(1, 10)
        self.questions.setValue(4)
        self.questions.setAccessibleName(self.tr("Number of questions"))
        self.job_description = QPlainTextEdit()
        self.job_description.setPlaceholderText(
            self.tr("Optional: paste the job description to tailor the questions"))
        self.job_description.setAccessibleName(self.tr("Job description"))
        self.job_description.setMaximumHeight(220)
        self.start_button = QPushButton(self.tr("Start interview"))
        self.start_button.setDefault(True)
        self.resume_list = QListWidget()
        self.resume_list.setAccessibleName(self.tr("Interrupted sessions"))
        self.resume_button = QPushButton(self.tr("Resume"))
        self.resume_button.setEnabled(False)
        self.resume_box = QGroupBox(self.tr("Continue where you left off"))
        self.welcome = WelcomeCard()
        self.progress = ProgressCard()
        self.progress.setVisible(False)
        self._build()
        self._connect()

    def _build(self) -> None:
        title = QLabel(self.tr("<h1>Practise an interview</h1>"))
        form = QFormLayout()
        form.addRow(self.tr("1. Mode"), self.mode)
        form.addRow(self.tr("2. Job"), self.job)
        form.addRow(self.tr("   Level"), self.seniority)
        form.addRow(self.tr("   Difficulty"), self.difficulty)
        form.addRow(self.tr("   Style"), self.style_choice)
        form.addRow(self.tr("   Duration"), self.duration)
        form.addRow(self.tr("   Questions"), self.questions)
        form.addRow(self.tr("3. Job description"), self.job_description)
        resume_box = self.resume_box
        resume_layout = QVBoxLayout(resume_box)
        resume_layout.addWidget(self.resume_list)
        resume_layout.addWidget(self.resume_button)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        # A readable column in the middle of the window rather than fields stretched across a wide screen.
        column = QWidget()
        column.setMaximumWidth(780)
        inner = QVBoxLayout(column)
        inner.addWidget(title)
        inner.addWidget(self.welcome)
        inner.addWidget(resume_box)
        inner.addWidget(self.progress)
        inner.addWidget(QLabel(self.tr("<h3>Start an interview</h3>")))
        inner.addLayout(form)
        inner.addLayout(buttons)
        inner.addStretch(1)
        centred = QWidget()
        row = QHBoxLayout(centred)
        row.addStretch(1)
        row.addWidget(column, 3)
        row.addStretch(1)
        scroll = QScrollArea()  # the cards and the form stay reachable on a small screen or at 150 % scaling
        scroll.setWidget(centred)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        QVBoxLayout(self).addWidget(scroll)

    def _connect(self) -> None:
        self.start_button.clicked.connect(lambda: self.start_requested.emit(self.config()))
        self.resume_list.currentItemChanged.connect(lambda item, _prev: self.resume_button.setEnabled(item is not None))
        self.resume_button.clicked.connect(self._resume_selected)
        self.resume_list.itemActivated.connect(lambda item: self.resume_requested.emit(item.data(256)))
        self.progress.practise_requested.connect(self._practise)

    def _practise(self, spot: WeakSpot) -> None:
        self.start_requested.emit(replace(self.config(), mode=spot.mode, question_count=spot.question_count,
                                          coding_count=spot.coding_count, job_description=""))

    def set_history(self, sessions: list[SessionSummary]) -> None:
        """Every session of the person: the welcome until one is scored, then where they stand."""
        where = standing(sessions)
        self.welcome.setVisible(where.first_time)
        self.progress.setVisible(not where.first_time)
        if not where.first_time:
            self.progress.show_standing(where)

    def set_interviewer(self, headline: str) -> None:
        self.welcome.set_interviewer(headline)

    def _resume_selected(self) -> None:
        item = self.resume_list.currentItem()
        if item is not None:
            self.resume_requested.emit(item.data(256))

    def config(self) -> SessionConfig:
        return SessionConfig(mode=Mode(self.mode.currentData()), job_type=self.job.currentData(),
                             seniority=self.seniority.currentData(), difficulty=self.difficulty.currentData(),
                             duration_min=self.duration.value(),
                             job_description=self.job_description.toPlainText().strip(),
                             style=InterviewStyle(self.style_choice.currentData()),
                             question_count=self.questions.value())

    def set_defaults(self, mode: str, job: str, seniority: str, difficulty: str, style: str, duration: int) -> None:
        _select(self.mode, mode)
        _select(self.job, job)
        _select(self.seniority, seniority)
        _select(self.difficulty, difficulty)
        _select(self.style_choice, style)
        self.duration.setValue(duration)

    def set_interrupted(self, sessions: list[SessionSummary]) -> None:
        self.resume_list.clear()
        for s in sessions:
            label = self.tr("{when:%Y-%m-%d %H:%M}  {mode}  {level} {job}  —  question {number} of {total}").format(
                when=s.created_at, mode=s.mode.value, level=choice_label(SENIORITY_LABELS, s.seniority),
                job=choice_label(JOB_LABELS, s.job_type), number=s.current_question_index + 1, total=s.question_count)
            item = QListWidgetItem(label)
            item.setData(256, s.id)
            if s.open_elsewhere:  # run now by another window or terminal: shown, not resumable here
                item.setText(self.tr("{label}  —  open in {where}").format(label=label, where=s.open_elsewhere))
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled & ~Qt.ItemFlag.ItemIsSelectable)
                item.setToolTip(self.tr("This interview is running in another CloudInterview window or terminal."))
            self.resume_list.addItem(item)
        self.resume_box.setVisible(bool(sessions))
