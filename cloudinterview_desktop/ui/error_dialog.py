"""The GUI's excepthook: an unexpected error is logged and shown in a dialog, never only as a traceback."""

from __future__ import annotations

import logging
import sys
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from cloudinterview_desktop.paths import AppPaths

log = logging.getLogger(__name__)


def show_error(title: str, message: str) -> None:
    parent = QApplication.activeWindow()
    QMessageBox.critical(parent, title, message)


def install_gui_excepthook(paths: AppPaths) -> None:
    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        log.critical("unhandled error", exc_info=(exc_type, exc, tb))
        if QApplication.instance() is None:
            sys.__excepthook__(exc_type, exc, tb)
            return
        show_error(QCoreApplication.translate("ErrorDialog", "Something went wrong"),
                   QCoreApplication.translate(
                       "ErrorDialog", "{error}: {message}\n\nYour interview data is saved. Details are in {log}."
                   ).format(error=exc_type.__name__, message=exc, log=paths.log_file))

    sys.excepthook = hook
