"""What protects the user while their code runs: the judge's isolation level as a short label whose tooltip says
what it guarantees and what it does not, and, where there is no sandbox, the question asked before the first Run or
Submit (the answer is remembered). The words and the answer live in judge/protection.py, shared with the CLI."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from cloudinterview_desktop.engine.background_task import BackgroundTask
from cloudinterview_desktop.judge.protection import CONTEXT, CodeSafety, Protection

log = logging.getLogger(__name__)


def _translated(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class CodeSafetyGuard(QObject):
    """Shows the level in `label` once it is known, and asks before code runs without a sandbox."""

    known = Signal(object)  # Protection, sent from the thread that found the level

    def __init__(self, safety: CodeSafety, label: QLabel, parent: QWidget) -> None:
        super().__init__(parent)
        self._safety = safety
        self._label = label
        self._parent = parent
        self._started = False
        self.protection: Protection | None = None
        label.setVisible(False)
        self.known.connect(self._show)

    def start(self) -> None:
        """Finds the level off the GUI thread (the judge tries its sandboxes once, which can take a second)."""
        if not self._started:
            self._started = True
            task = BackgroundTask(lambda _progress, _cancel: self._safety.protection(), self)
            task.finished.connect(self.known.emit)
            # the label is a courtesy: a failure here is logged, never shown as a traceback
            task.failed.connect(lambda message: log.warning("the judge's isolation level is unknown: %s", message))
            task.start()

    def _show(self, protection: Protection) -> None:
        self.protection = protection
        self._label.setText(self.tr("Isolation: {title}").format(title=_translated(protection.title)))
        self._label.setToolTip(self.describe(protection))
        self._label.setAccessibleName(self.tr("Code isolation"))
        self._label.setVisible(True)

    def describe(self, protection: Protection) -> str:
        text = self.tr("{guarantees}\n\nNot protected: {gaps}").format(
            guarantees=_translated(protection.guarantees), gaps=_translated(protection.gaps))
        if protection.install:
            text += "\n\n" + self.tr("For more isolation, install {what}.").format(
                what=_translated(protection.install))
        return text

    def allows_run(self) -> bool:
        """True when code may run now: a sandbox protects the user, or they said yes (now or before)."""
        if not self._safety.must_ask():
            return True
        protection = self._safety.protection()
        self._show(protection)
        answer = QMessageBox.question(
            self._parent, self.tr("Run your code without a sandbox?"),
            self.tr("This computer has no sandbox for the code you run here, so {gaps}\n\nOnly run code you have "
                    "read and trust. Run it anyway? Your answer is remembered for this data folder.\n\nTo get a "
                    "sandbox, install {install}.").format(gaps=_translated(protection.gaps),
                                                          install=_translated(protection.install)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self._safety.allow()
        return True

    def refusal(self) -> str:
        protection = self.protection or self._safety.protection()
        return self.tr("Nothing was run: you chose not to run code without a sandbox. Run or Submit asks again; "
                       "to get a sandbox, install {install}.").format(install=_translated(protection.install))
