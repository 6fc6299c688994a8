"""The Qt table model of past sessions shown on the history page."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from cloudinterview_desktop.domain.session import SessionSummary
from cloudinterview_desktop.ui.choices import JOB_LABELS, SENIORITY_LABELS, choice_label
from cloudinterview_desktop.ui.i18n import QT_TRANSLATE_NOOP
from cloudinterview_desktop.ui.table_model import Index, RowTableModel

COLUMNS = (QT_TRANSLATE_NOOP("HistoryModel", "Date"), QT_TRANSLATE_NOOP("HistoryModel", "Mode"),
           QT_TRANSLATE_NOOP("HistoryModel", "Job"), QT_TRANSLATE_NOOP("HistoryModel", "Status"),
           QT_TRANSLATE_NOOP("HistoryModel", "Answered"), QT_TRANSLATE_NOOP("HistoryModel", "Score"))


def mode_column(mode: str) -> str:
    """What the Mode column shows for a mode's key (and what the history page's mode filter matches)."""
    return mode.capitalize()


class HistoryModel(RowTableModel):
    COLUMNS = COLUMNS
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[SessionSummary] = []

    def set_sessions(self, sessions: list[SessionSummary]) -> None:
        self.beginResetModel()
        self._rows = list(sessions)
        self.endResetModel()

    def session_at(self, row: int) -> SessionSummary:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.UserRole):
            return None
        s = self._rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return s.id
        return (
            f"{s.created_at:%Y-%m-%d %H:%M}",
            mode_column(s.mode.value),
            f"{choice_label(SENIORITY_LABELS, s.seniority)} {choice_label(JOB_LABELS, s.job_type)}",
            QCoreApplication.translate("HistoryModel", "open in {where}").format(where=s.open_elsewhere)
            if s.open_elsewhere else s.status.value.replace("_", " "),
            f"{s.answered}/{s.question_count}",
            "—" if s.overall_score is None else f"{s.overall_score:.0f}",
        )[index.column()]
