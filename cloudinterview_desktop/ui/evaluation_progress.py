"""The end of an interview: a progress dialog counts the questions the feedback has evaluated, and Stop cancels the
model's part only (the session still ends, with everything code measured)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget


class EvaluationProgress:
    def __init__(self, parent: QWidget, request_id: int, cancel: Callable[[int], None]) -> None:
        self.request_id = request_id
        self._cancel = cancel
        self.dialog = QProgressDialog(QCoreApplication.translate("EvaluationProgress", "Writing your feedback…"),
                                      QCoreApplication.translate("EvaluationProgress", "Stop the evaluation"),
                                      0, 0, parent)
        self.dialog.setWindowTitle(QCoreApplication.translate("EvaluationProgress", "Ending the interview"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(400)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.stop)

    def stop(self) -> None:
        self._cancel(self.request_id)
        self.dialog.setLabelText(QCoreApplication.translate(
            "EvaluationProgress", "Stopping the model; your feedback keeps everything measured so far…"))

    def update(self, done: int, total: int) -> None:
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(done)
        if done < total and not self.dialog.wasCanceled():
            self.dialog.setLabelText(QCoreApplication.translate(
                "EvaluationProgress", "Evaluating your answers: question {number} of {total}…").format(
                number=done + 1, total=total))

    def close(self) -> None:
        self.dialog.close()
        self.dialog.deleteLater()
