"""The feedback page, in reading order: the summary card and the per-question cards, the rubric table with its
evidence, and "How this was scored" behind a disclosure; exports to PDF, Markdown and JSON (off the GUI thread)."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cloudinterview_desktop.domain.session import InterviewSession, SessionSummary
from cloudinterview_desktop.report.content import ReportInput, prepare
from cloudinterview_desktop.report.export import BY_KEY, EXTENSIONS, REPORT_FORMATS
from cloudinterview_desktop.ui.feedback_export import ReportExporter
from cloudinterview_desktop.ui.feedback_model import RubricModel
from cloudinterview_desktop.ui.feedback_view import PRACTISE_SCHEME, scoring_html, summary_html

# (parent, caption, suggested path, filter) -> the chosen path, or "" when cancelled: QFileDialog by default.
PathChooser = Callable[[QWidget, str, str, str], str]
LABELS = {f.key: f.title for f in REPORT_FORMATS}  # format names are proper names, shown as written


def ask_save_path(parent: QWidget, caption: str, suggested: str, file_filter: str) -> str:
    path, _selected = QFileDialog.getSaveFileName(parent, caption, suggested, file_filter)
    return str(path)


class SummaryPage(QWidget):
    home_requested = Signal()
    export_requested = Signal(str, str)  # format ("pdf", "md", "json"), path: the user chose where to save
    export_finished = Signal(str)  # the path written
    export_failed = Signal(str)  # why not
    practise_requested = Signal(str, str)  # slug, kind: a recommended problem was clicked

    def __init__(self, parent: QWidget | None = None, choose_path: PathChooser | None = None,
                 exporter: ReportExporter | None = None, export_dir: Path | None = None) -> None:
        super().__init__(parent)
        self._choose_path = choose_path or ask_save_path
        self.exporter = exporter or ReportExporter(self)
        self._export_dir = export_dir or Path.home()
        self._history: list[SessionSummary] = []
        self.data: ReportInput | None = None
        self.headline = QLabel()
        self.headline.setTextFormat(Qt.TextFormat.RichText)
        self.headline.setWordWrap(True)
        self.headline.setVisible(False)  # the summary card leads with the same figures; kept for assistive tools
        self.rubric_model = RubricModel()
        self.rubric = QTableView()
        self.rubric.setModel(self.rubric_model)
        self.rubric.setAccessibleName(self.tr("Rubric"))
        self.rubric.setWordWrap(True)
        self.rubric.verticalHeader().setVisible(False)
        header = self.rubric.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view = QTextBrowser()
        self.view.setAccessibleName(self.tr("Feedback"))
        self.view.setOpenLinks(False)
        self.scoring_toggle = QToolButton()
        self.scoring_toggle.setText(self.tr("How this was scored"))
        self.scoring_toggle.setCheckable(True)
        self.scoring_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.scoring_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.scoring = QLabel()
        self.scoring.setTextFormat(Qt.TextFormat.RichText)
        self.scoring.setWordWrap(True)
        self.scoring.setVisible(False)
        self.scoring.setAccessibleName(self.tr("How this was scored"))
        self.export_buttons = {fmt: QPushButton(self.tr("Export {format}…").format(format=LABELS[fmt]))
                               for fmt in LABELS}
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.home_button = QPushButton(self.tr("Back to start"))
        self._build()
        self._connect_callbacks()

    def _build(self) -> None:
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(self.rubric)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        buttons = QHBoxLayout()
        for button in self.export_buttons.values():
            buttons.addWidget(button)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.home_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.scoring_toggle)
        layout.addWidget(self.scoring)
        layout.addLayout(buttons)

    def _connect_callbacks(self) -> None:
        self.home_button.clicked.connect(self.home_requested)
        for fmt, button in self.export_buttons.items():
            button.clicked.connect(lambda _checked=False, f=fmt: self.export(f))
        self.view.anchorClicked.connect(self._link)
        self.scoring_toggle.toggled.connect(self._show_scoring)
        self.exporter.finished.connect(self._exported)
        self.exporter.failed.connect(self._export_failed)

    # -- showing ---------------------------------------------------------------------------------------------

    def _link(self, url: QUrl) -> None:
        if url.scheme() == PRACTISE_SCHEME and url.path():
            self.practise_requested.emit(url.path(), "coding")

    def _show_scoring(self, shown: bool) -> None:
        self.scoring.setVisible(shown)
        self.scoring_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    def set_history(self, sessions: list[SessionSummary]) -> None:
        """The person's sessions, for the progress chart of exported reports (earlier ones are picked out)."""
        self._history = list(sessions)
        if self.data is not None:
            self.data = prepare(self.data.session, self._history)

    def show_session(self, session: InterviewSession) -> None:
        self.data = prepare(session, self._history)
        overall = self.data.overall
        score, band = overall.get("score"), overall.get("hire_band")
        self.headline.setText(self.tr("<h2>Overall {score} &middot; hire band: {band}</h2>").format(
            score=f"{score:.0f} / 100" if isinstance(score, int | float) else self.tr("not scored"),
            band=escape(str(band)) if band else self.tr("not given")))
        self.rubric_model.set_dimensions(self.data.dimensions)
        self.rubric.resizeRowsToContents()
        self.view.setHtml(summary_html(self.data))
        self.scoring.setText(scoring_html(self.data))
        self.status.clear()
        for button in self.export_buttons.values():
            button.setEnabled(True)

    # -- exporting -------------------------------------------------------------------------------------------

    def _filter(self, fmt: str) -> str:
        patterns = " ".join(f"*{ext}" for ext in BY_KEY[fmt].extensions)
        return self.tr("{format} files ({patterns})").format(format=LABELS[fmt], patterns=patterns)

    def export(self, fmt: str) -> None:
        if self.data is None:
            return
        session = self.data.session
        suggested = self._export_dir / f"interview-{session.created_at:%Y%m%d-%H%M}-{session.id[:8]}{EXTENSIONS[fmt]}"
        chosen = self._choose_path(self, self.tr("Export the report as {format}").format(format=LABELS[fmt]),
                                   str(suggested), self._filter(fmt))
        if not chosen:
            return
        path = Path(chosen)
        if not path.suffix:
            path = path.with_suffix(EXTENSIONS[fmt])
        self._export_dir = path.parent
        self.export_requested.emit(fmt, str(path))
        self.status.setText(self.tr("Writing {name}…").format(name=path.name))
        for button in self.export_buttons.values():
            button.setEnabled(False)
        self.exporter.export(self.data, path, fmt)

    def _exported(self, path: str) -> None:
        for button in self.export_buttons.values():
            button.setEnabled(True)
        self.status.setText(self.tr("Saved {path}").format(path=path))
        self.export_finished.emit(path)

    def _export_failed(self, message: str) -> None:
        for button in self.export_buttons.values():
            button.setEnabled(True)
        self.status.setText(self.tr("The export failed: {error}").format(error=message))
        self.export_failed.emit(message)
