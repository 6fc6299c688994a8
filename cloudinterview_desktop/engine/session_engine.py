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
from cloudinterview_desktop.service.bank_service import BankService
from cloudinterview_desktop.service.session_service import SessionService

log = logging.getLogger(__name__)

# The service methods the engine runs; anything else is refused.
OPERATIONS = frozenset({
    "create_session", "start_session", "resume_session", "get", "next_question", "submit_answer", "chat", "hint",
    "run_code", "submit_code", "save_draft", "drafts", "code_for", "end_session", "abandon_session",
    "interrupted_sessions", "list_sessions", "delete_session", "delete_all_sessions", "warm_up", "reload_interviewer",
})
BANK_OPERATIONS = frozenset({"bank.list_items", "bank.item", "bank.save_item", "bank.delete_item", "bank.import_file"})
# The code lane also runs the model's capability check (warm_up): seconds, once per model, and never in the way of
# starting an interview or its first words, which run on the session lane.
CODE_OPERATIONS = frozenset({"run_code", "submit_code", "warm_up", "reload_interviewer"}) | BANK_OPERATIONS


class SessionWorker(QObject):
    finished = Signal(int, str, object)
    failed = Signal(int, str, str)
    token = Signal(int, str)
    progress = Signal(int, int, int)

    def __init__(self, service: SessionService, bank: BankService | None = None) -> None:
        super().__init__()
        self._service = service
        self._bank = bank
        self._cancels: dict[int, threading.Event] = {}
        self._lock = threading.Lock()

    def cancel_flag(self, request_id: int) -> threading.Event:
        with self._lock:
            return self._cancels.setdefault(request_id, threading.Event())

    def cancel_all(self) -> None:
        with self._lock:
            for flag in self._cancels.values():
                flag.set()

    @Slot(int, str, object)
    def handle(self, request_id: int, op: str, kwargs: dict[str, Any]) -> None:
        cancel = self.cancel_flag(request_id)
        try:
            if cancel.is_set():
                raise Cancelled()
            target, _, name = op.rpartition(".")
            method = getattr(self._bank if target == "bank" else self._service, name)
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
        self._service.release_thread()


class SessionEngine(QObject):
    """Two lanes, each a worker on its own thread: code runs never wait behind a model's reply, and the other way
    round. Every mutation is its own transaction, so the lanes can write to the same session safely."""

    finished = Signal(int, str, object)
    failed = Signal(int, str, str)
    token = Signal(int, str)
    progress = Signal(int, int, int)
    _dispatch_session = Signal(int, str, object)
    _dispatch_code = Signal(int, str, object)
    _close = Signal()

    def __init__(self, service: SessionService, bank: BankService | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids = itertools.count(1)
        self._threads: list[QThread] = []
        self._workers: dict[str, SessionWorker] = {}
        for lane, dispatch in (("session", self._dispatch_session), ("code", self._dispatch_code)):
            thread = QThread()
            thread.setObjectName(f"engine-{lane}")
            worker = SessionWorker(service, bank)
            worker.moveToThread(thread)
            dispatch.connect(worker.handle)
            self._close.connect(worker.close_connection)
            worker.finished.connect(self.finished)
            worker.failed.connect(self.failed)
            worker.token.connect(self.token)
            worker.progress.connect(self.progress)
            thread.start()
            self._threads.append(thread)
            self._workers[lane] = worker
        self._lane_of: dict[int, str] = {}
        self._running = True

    def request(self, op: str, **kwargs: Any) -> int:
        if op not in OPERATIONS | BANK_OPERATIONS:
            raise ValueError(f"unknown session operation {op!r}")
        if not self._running:
            raise RuntimeError("the session engine has shut down")
        request_id = next(self._ids)
        lane = "code" if op in CODE_OPERATIONS else "session"
        self._lane_of[request_id] = lane
        (self._dispatch_code if lane == "code" else self._dispatch_session).emit(request_id, op, kwargs)
        return request_id

    @property
    def running(self) -> bool:
        return self._running

    def cancel(self, request_id: int) -> None:
        """Thread-safe: sets the flag the running (or queued) request checks."""
        lane = self._lane_of.get(request_id, "session")
        self._workers[lane].cancel_flag(request_id).set()

    def shutdown(self, timeout_ms: int = 10_000) -> None:
        """Orderly stop on window close: work in flight finishes (each mutation is already atomic), then the threads
        end; if one does not within `timeout_ms`, the process may exit anyway without losing committed data."""
        if not self._running:
            return
        self._running = False
        for worker in self._workers.values():
            worker.cancel_all()
        self._close.emit()
        for thread in self._threads:
            thread.quit()
            if not thread.wait(timeout_ms):
                log.warning("%s did not stop within %d ms", thread.objectName(), timeout_ms)
