"""One piece of long work (a download, a checksum) on a worker thread, reporting progress and its result as Qt
signals on the GUI thread, with a cancel flag it checks."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from cloudinterview_desktop.domain.errors import Cancelled, CloudInterviewError

log = logging.getLogger(__name__)

Work = Callable[[Callable[[int, int], None], threading.Event], Any]  # (progress, cancel) -> result


class BackgroundTask(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()  # the work stopped at the cancel flag: nothing to report

    def __init__(self, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self.cancel_flag = threading.Event()
        self._thread = threading.Thread(target=self._run, name="background-task", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        self.cancel_flag.set()

    def wait(self, timeout: float | None = None) -> bool:
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _run(self) -> None:
        try:
            self._report()
        except RuntimeError:  # the task went with its window while the work ran: nobody is left to tell
            log.info("a background task finished after its window closed")

    def _report(self) -> None:
        try:
            result = self._work(lambda done, total: self.progress.emit(done, total), self.cancel_flag)
        except Cancelled:
            self.cancelled.emit()
        except CloudInterviewError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # the log keeps the traceback; the person gets one clear line
            log.exception("background task failed")
            self.failed.emit(f"unexpected error: {exc}")
        else:
            self.finished.emit(result)
