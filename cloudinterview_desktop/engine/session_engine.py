"""The session engine (CloudInterview's Durable Object): the session service on its own QThread.

The GUI calls `request(op, **kwargs)` and gets a request id back at once; the worker runs the service method off the
GUI thread and answers with `finished(id, op, result)` or `failed(id, op, message)`, streaming `token(id, text)` and
`progress(id, done, total)` on the way. Results of a request the caller no longer waits for are its to drop."""

from __future__ import annotations

import inspect
import itertools
import logging
import threading
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from cloudinterview_desktop.domain.errors import Cancelled, CloudInterviewError
from cloudinterview_desktop.service.session_service import SessionService
from cloudinterview_desktop.store.tables import DB

log = logging.getLogger(__name__)

# The service methods the engine runs; anything else is refused.
OPERATIONS = frozenset({
    "create_session", "start_session", "resume_session", "get", "next_question", "submit_answer", "chat", "hint",
    "run_code", "save_draft", "drafts", "end_session", "abandon_session", "interrupted_sessions", "list_sessions",
})


class SessionWorker(QObject):
    finished = Signal(int, str, object)
    failed = Signal(int, str, str)
    token = Signal(int, str)
    progress = Signal(int, int, int)

    def __init__(self, service: SessionService) -> None:
        super().__init__()
        self._service = service
        self._cancels: dict[int, threading.Event] = {}
        self._lock = threading.Lock()

    def cancel_flag(self, request_id: int) -> threading.Event:
        with self._lock:
            return self._cancels.setdefault(request_id, threading.Event())

    @Slot(int, str, object)
    def handle(self, request_id: int, op: str, kwargs: dict[str, Any]) -> None:
        cancel = self.cancel_flag(request_id)
        try:
            if cancel.is_set():
                raise Cancelled()
            method = getattr(self._service, op)
            accepted = inspect.signature(method).parameters
            call_args = dict(kwargs)
            if "on_token" in accepted:
                call_args["on_token"] = lambda text: self.token.emit(request_id, text)
            if "cancel" in accepted:
                call_args["cancel"] = cancel
            if "progress" in accepted:
                call_args["progress"] = lambda done, total: self.progress.emit(request_id, done, total)
            result = method(**call_args)
        except Cancelled:
            self.failed.emit(request_id, op, "cancelled")
        except CloudInterviewError as exc:
            self.failed.emit(request_id, op, str(exc))
        except Exception as exc:  # a bug must not kill the engine thread; the log keeps the traceback
            log.exception("session engine: %s failed", op)
            self.failed.emit(request_id, op, f"unexpected error in {op}: {exc}")
        else:
            self.finished.emit(request_id, op, result)
        finally:
            with self._lock:
                self._cancels.pop(request_id, None)

    @Slot()
    def close_connection(self) -> None:
        # peewee keeps one connection per thread; close this thread's before the thread ends.
        if DB.obj is not None and not DB.is_closed():
            DB.close()


class SessionEngine(QObject):
    finished = Signal(int, str, object)
    failed = Signal(int, str, str)
    token = Signal(int, str)
    progress = Signal(int, int, int)
    _dispatch = Signal(int, str, object)
    _close = Signal()

    def __init__(self, service: SessionService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids = itertools.count(1)
        self._thread = QThread()
        self._thread.setObjectName("session-engine")
        self._worker = SessionWorker(service)
        self._worker.moveToThread(self._thread)
        self._dispatch.connect(self._worker.handle)
        self._close.connect(self._worker.close_connection)
        self._worker.finished.connect(self.finished)
        self._worker.failed.connect(self.failed)
        self._worker.token.connect(self.token)
        self._worker.progress.connect(self.progress)
        self._thread.start()
        self._running = True

    def request(self, op: str, **kwargs: Any) -> int:
        if op not in OPERATIONS:
            raise ValueError(f"unknown session operation {op!r}")
        if not self._running:
            raise RuntimeError("the session engine has shut down")
        request_id = next(self._ids)
        self._dispatch.emit(request_id, op, kwargs)
        return request_id

    def cancel(self, request_id: int) -> None:
        """Thread-safe: sets the flag the running (or queued) request checks."""
        self._worker.cancel_flag(request_id).set()

    def shutdown(self, timeout_ms: int = 10_000) -> None:
        """Orderly stop on window close: work in flight finishes (each mutation is already atomic), then the thread
        ends; if it does not within `timeout_ms`, the process may exit anyway without losing committed data."""
        if not self._running:
            return
        self._running = False
        self._close.emit()
        self._thread.quit()
        if not self._thread.wait(timeout_ms):
            log.warning("session engine did not stop within %d ms", timeout_ms)
