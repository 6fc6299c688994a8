"""Report exports off the GUI thread, as a small "op" (Anki's QueryOp pattern): the work runs on a pool thread,
the result or the failure comes back as a signal on the GUI thread, tagged with its request id."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from cloudinterview_desktop.domain.errors import CloudInterviewError
from cloudinterview_desktop.report.content import ReportInput
from cloudinterview_desktop.report.export import write_report

log = logging.getLogger(__name__)


class _Signals(QObject):
    finished = Signal(int, str)  # request id, the path written
    failed = Signal(int, str)  # request id, a message for the user


class _ExportTask(QRunnable):
    def __init__(self, request_id: int, data: ReportInput, path: Path, fmt: str, signals: _Signals) -> None:
        super().__init__()
        self._request_id, self._data, self._path, self._fmt, self._signals = request_id, data, path, fmt, signals

    def run(self) -> None:
        try:
            written = write_report(self._data, self._path, self._fmt)
        except CloudInterviewError as exc:
            self._signals.failed.emit(self._request_id, str(exc))
        except Exception as exc:  # a bug in rendering: logged with its traceback, shown as a message
            log.exception("exporting the %s report to %s failed", self._fmt, self._path)
            self._signals.failed.emit(self._request_id, QCoreApplication.translate(
                "ReportExporter", "the report could not be written: {error}").format(error=exc))
        else:
            self._signals.finished.emit(self._request_id, str(written))


class ReportExporter(QObject):
    """One export at a time (a pool of one thread); `finished(path)` or `failed(message)` for each request."""

    finished = Signal(str)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.finished.connect(lambda _rid, path: self.finished.emit(path))
        self._signals.failed.connect(lambda _rid, message: self.failed.emit(message))
        self._next_id = 0

    def export(self, data: ReportInput, path: Path, fmt: str) -> int:
        self._next_id += 1
        self._pool.start(_ExportTask(self._next_id, data, path, fmt, self._signals))
        return self._next_id

    def wait(self, msecs: int = -1) -> bool:
        """Block until queued exports are done (closing the window, tests)."""
        return self._pool.waitForDone(msecs)
