"""The Qt table model of the rubric on the feedback page: one row per dimension, with its evidence or reason."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from cloudinterview_desktop.ui.i18n import QT_TRANSLATE_NOOP
from cloudinterview_desktop.ui.table_model import Index, RowTableModel

COLUMNS = (QT_TRANSLATE_NOOP("RubricModel", "Dimension"), QT_TRANSLATE_NOOP("RubricModel", "Score"),
           QT_TRANSLATE_NOOP("RubricModel", "Source"),
           QT_TRANSLATE_NOOP("RubricModel", "Evidence, or why it is not scored"))


def _score(value: Any) -> str:
    return (f"{float(value):.1f} / 4" if isinstance(value, int | float)
            else QCoreApplication.translate("RubricModel", "not scored"))


class RubricModel(RowTableModel):
    COLUMNS = COLUMNS
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[tuple[str, str, str, str, str]] = []  # the four columns, then the mapping (tooltip)

    def set_dimensions(self, dimensions: dict[str, Any]) -> None:
        self.beginResetModel()
        self._rows = []
        for dim in dimensions.values():
            proof = "\n".join(str(e) for e in dim.get("evidence", []))
            if dim.get("reason"):
                proof = (proof + "\n" if proof else "") + str(dim["reason"])
            per_question = ", ".join(f"{q} {v}" for q, v in dim.get("questions", {}).items())
            score = _score(dim.get("score")) + (f" ({per_question})" if per_question else "")
            self._rows.append((str(dim.get("label", "")), score, str(dim.get("source", "")), proof,
                               str(dim.get("mapping", ""))))
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() in (0, 1) and row[4]:
                return self.tr("How it is computed: {mapping}").format(mapping=row[4])
            return row[index.column()]
        return None
