"""History: past sessions with scores, filters, a progress chart, and open / delete."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, QSortFilterProxyModel, Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cloudinterview_desktop.domain.modes import all_modes
from cloudinterview_desktop.domain.session import SessionSummary
from cloudinterview_desktop.ui.history_model import HistoryModel, mode_column
from cloudinterview_desktop.ui.progress_chart import ProgressChart


class HistoryPage(QWidget):
    open_requested = Signal(str)
    delete_requested = Signal(str)
    home_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = HistoryModel()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(1)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(False)
        self.table.setAccessibleName(self.tr("Past sessions"))
        self.mode_filter = QComboBox()
        self.mode_filter.setAccessibleName(self.tr("Filter by mode"))
        self.mode_filter.addItem(self.tr("All modes"), "")
        built_in = {"technical": self.tr("Technical"), "behavioral": self.tr("Behavioral")}
        for spec in all_modes():  # every registered mode; one registered elsewhere by its display name
            self.mode_filter.addItem(built_in.get(spec.key, spec.display_name), spec.key)
        self.chart = ProgressChart()
        self.open_button = QPushButton(self.tr("Open"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.home_button = QPushButton(self.tr("Back to start"))
        self._sessions: list[SessionSummary] = []
        self._build()
        self._connect()

    def _build(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("<h2>Your sessions</h2>")))
        bar.addStretch(1)
        bar.addWidget(self.mode_filter)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.home_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.chart, 2)
        layout.addLayout(buttons)

    def _connect(self) -> None:
        self.mode_filter.currentIndexChanged.connect(self._apply_filter)
        self.table.doubleClicked.connect(lambda _index: self._emit(self.open_requested))
        self.open_button.clicked.connect(lambda: self._emit(self.open_requested))
        self.delete_button.clicked.connect(lambda: self._emit(self.delete_requested))
        self.home_button.clicked.connect(self.home_requested)

    def _apply_filter(self) -> None:
        mode = str(self.mode_filter.currentData())
        self.proxy.setFilterRegularExpression(
            f"^{QRegularExpression.escape(mode_column(mode))}$" if mode else "")
        self.chart.show_sessions([s for s in self._sessions if not mode or s.mode.value == mode])

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return str(self.proxy.data(rows[0], Qt.ItemDataRole.UserRole))

    def _emit(self, signal: SignalInstance) -> None:
        session_id = self.selected_id()
        if session_id:
            signal.emit(session_id)

    def set_sessions(self, sessions: list[SessionSummary]) -> None:
        self._sessions = sessions
        self.model.set_sessions(sessions)
        self._apply_filter()
