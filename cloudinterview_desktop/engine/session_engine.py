"""The session engine (CloudInterview's Durable Object): the session service on its own QThread.

The GUI calls one method per operation (`engine.submit_answer(session_id, text)`) and gets a request id back at
once; the worker runs the service method off the GUI thread and answers with `finished(id, result)`, where the
result's type (from `session_results`) says the operation, or with `failed(id, message)` or `cancelled(id)`,
streaming `token(id, text)` and `progress(id, done, total)` on the way. Results of a request the caller no longer
waits for are its to drop."""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from cloudinterview_desktop.domain.errors import Cancelled, CloudInterviewError
from cloudinterview_desktop.domain.ports import ProgressSink, TokenSink
from cloudinterview_desktop.domain.session import SessionConfig
from cloudinterview_desktop.engine.session_results import (
    AllSessionsDeleted,
    AnswerSubmitted,
    BankImported,
    BankItemDeleted,
    BankItemLoaded,
    BankItems,
    BankItemSaved,
    ChatAnswered,
    CodeLoaded,
    CodeRan,
    CodeSubmitted,
    DraftSaved,
    HintGiven,
    InterruptedSessions,
    InterviewerReady,
    InterviewerReloaded,
    QuestionAsked,
    RequestId,
    SessionCreated,
    SessionDeleted,
    SessionEnded,
    SessionList,
    SessionLoaded,
    SessionResult,
    SessionResumed,
    SessionStarted,
)
from cloudinterview_desktop.service.bank_service import BankService
from cloudinterview_desktop.service.session_service import SessionService

log = logging.getLogger(__name__)


class Lane(Enum):
    """The session lane runs the interview's turns; the code lane runs code, the bank and the model's capability
    check (warm_up: seconds, once per model, and never in the way of starting an interview or its first words)."""

    SESSION = "session"
    CODE = "code"


@dataclass(frozen=True)
class Run:
    """What a request gets from the worker that runs it."""

    on_token: TokenSink
    progress: ProgressSink
    cancel: threading.Event


Job = Callable[[Run], SessionResult]


class SessionWorker(QObject):
    finished = Signal(int, object)
    failed = Signal(int, str)
    cancelled = Signal(int)
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

    def cancel_all(self) -> None:
        with self._lock:
            for flag in self._cancels.values():
                flag.set()

    @Slot(int, str, object)
    def handle(self, request_id: int, name: str, job: Job) -> None:
        cancel = self.cancel_flag(request_id)
        run = Run(on_token=lambda text: self.token.emit(request_id, text),
                  progress=lambda done, total: self.progress.emit(request_id, done, total), cancel=cancel)
        try:
            if cancel.is_set():
                raise Cancelled()
            result = job(run)
        except Cancelled:
            self.cancelled.emit(request_id)
        except CloudInterviewError as exc:
            self.failed.emit(request_id, str(exc))
        except Exception as exc:  # a bug must not kill the engine thread; the log keeps the traceback
            log.exception("session engine: %s failed", name)
            self.failed.emit(request_id, f"unexpected error in {name}: {exc}")
        else:
            self.finished.emit(request_id, result)
        finally:
            with self._lock:
                self._cancels.pop(request_id, None)

    @Slot()
    def close_connection(self) -> None:
        self._service.release_thread()


class SessionEngine(QObject):
    """Two lanes, each a worker on its own thread: code runs never wait behind a model's reply, and the other way
    round. Every mutation is its own transaction, so the lanes can write to the same session safely."""

    finished = Signal(int, object)  # request id, a result from session_results
    failed = Signal(int, str)  # request id, what went wrong, in words
    cancelled = Signal(int)  # request id: the request stopped when asked to, or never ran
    token = Signal(int, str)
    progress = Signal(int, int, int)
    _dispatch_session = Signal(int, str, object)
    _dispatch_code = Signal(int, str, object)
    _close = Signal()

    def __init__(self, service: SessionService, bank: BankService | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._bank = bank
        self._ids = itertools.count(1)
        self._threads: list[QThread] = []
        self._workers: dict[Lane, SessionWorker] = {}
        for lane, dispatch in ((Lane.SESSION, self._dispatch_session), (Lane.CODE, self._dispatch_code)):
            thread = QThread()
            thread.setObjectName(f"engine-{lane.value}")
            worker = SessionWorker(service)
            worker.moveToThread(thread)
            dispatch.connect(worker.handle)
            self._close.connect(worker.close_connection)
            worker.finished.connect(self.finished)
            worker.failed.connect(self.failed)
            worker.cancelled.connect(self.cancelled)
            worker.token.connect(self.token)
            worker.progress.connect(self.progress)
            thread.start()
            self._threads.append(thread)
            self._workers[lane] = worker
        self._lane_of: dict[int, Lane] = {}
        self._running = True

    # -- one interview -----------------------------------------------------------------------------------------

    def create_session(self, config: SessionConfig, seed: int | None = None,
                       problems: Sequence[str] = ()) -> RequestId:
        return self._send(Lane.SESSION, "create_session", lambda run: SessionCreated(
            self._service.create_session(config, seed=seed, problems=problems)))

    def start_session(self, session_id: str) -> RequestId:
        return self._send(Lane.SESSION, "start_session", lambda run: SessionStarted(
            self._service.start_session(session_id, on_token=run.on_token, cancel=run.cancel)))

    def resume_session(self, session_id: str) -> RequestId:
        return self._send(Lane.SESSION, "resume_session", lambda run: SessionResumed(
            self._service.resume_session(session_id)))

    def get_session(self, session_id: str) -> RequestId:
        return self._send(Lane.SESSION, "get_session", lambda run: SessionLoaded(self._service.get(session_id)))

    def next_question(self, session_id: str) -> RequestId:
        return self._send(Lane.SESSION, "next_question", lambda run: QuestionAsked(
            self._service.next_question(session_id, on_token=run.on_token, cancel=run.cancel)))

    def submit_answer(self, session_id: str, text: str, audio_path: str = "",
                      delivery: dict[str, Any] | None = None) -> RequestId:
        return self._send(Lane.SESSION, "submit_answer", lambda run: AnswerSubmitted(self._service.submit_answer(
            session_id, text, audio_path=audio_path, delivery=delivery, on_token=run.on_token, cancel=run.cancel)))

    def chat(self, session_id: str, message: str) -> RequestId:
        return self._send(Lane.SESSION, "chat", lambda run: ChatAnswered(
            self._service.chat(session_id, message, on_token=run.on_token, cancel=run.cancel)))

    def hint(self, session_id: str) -> RequestId:
        return self._send(Lane.SESSION, "hint", lambda run: HintGiven(
            self._service.hint(session_id, on_token=run.on_token, cancel=run.cancel)))

    def end_session(self, session_id: str) -> RequestId:
        return self._send(Lane.SESSION, "end_session", lambda run: SessionEnded(self._service.end_session(
            session_id, on_token=run.on_token, cancel=run.cancel, progress=run.progress)))

    # -- code --------------------------------------------------------------------------------------------------

    def run_code(self, session_id: str, code: str, language: str,
                 custom_inputs: list[dict[str, Any]] | None = None) -> RequestId:
        return self._send(Lane.CODE, "run_code", lambda run: CodeRan(self._service.run_code(
            session_id, code, language, custom_inputs=custom_inputs, progress=run.progress, cancel=run.cancel)))

    def submit_code(self, session_id: str, code: str, language: str) -> RequestId:
        return self._send(Lane.CODE, "submit_code", lambda run: CodeSubmitted(self._service.submit_code(
            session_id, code, language, progress=run.progress, cancel=run.cancel)))

    def code_for(self, session_id: str, question_index: int, language: str) -> RequestId:
        return self._send(Lane.SESSION, "code_for", lambda run: CodeLoaded(
            self._service.code_for(session_id, question_index, language)))

    def save_draft(self, session_id: str, question_index: int, language: str, code: str) -> RequestId:
        def job(run: Run) -> DraftSaved:
            self._service.save_draft(session_id, question_index, language, code)
            return DraftSaved()

        return self._send(Lane.SESSION, "save_draft", job)

    # -- all sessions ------------------------------------------------------------------------------------------

    def interrupted_sessions(self) -> RequestId:
        return self._send(Lane.SESSION, "interrupted_sessions", lambda run: InterruptedSessions(
            self._service.interrupted_sessions()))

    def list_sessions(self) -> RequestId:
        return self._send(Lane.SESSION, "list_sessions", lambda run: SessionList(self._service.list_sessions()))

    def delete_session(self, session_id: str) -> RequestId:
        return self._send(Lane.SESSION, "delete_session", lambda run: SessionDeleted(
            self._service.delete_session(session_id)))

    def delete_all_sessions(self) -> RequestId:
        return self._send(Lane.SESSION, "delete_all_sessions", lambda run: AllSessionsDeleted(
            self._service.delete_all_sessions()))

    # -- the interviewer's model -------------------------------------------------------------------------------

    def warm_up(self) -> RequestId:
        return self._send(Lane.CODE, "warm_up", lambda run: InterviewerReady(self._service.warm_up()))

    def reload_interviewer(self) -> RequestId:
        return self._send(Lane.CODE, "reload_interviewer", lambda run: InterviewerReloaded(
            self._service.reload_interviewer()))

    # -- the question bank -------------------------------------------------------------------------------------

    def list_bank_items(self, kind: str | None = None, text: str = "") -> RequestId:
        return self._send(Lane.CODE, "list_bank_items", lambda run: BankItems(
            self._bank_service().list_items(kind=kind, text=text)))

    def bank_item(self, slug: str) -> RequestId:
        return self._send(Lane.CODE, "bank_item", lambda run: BankItemLoaded(self._bank_service().item(slug)))

    def save_bank_item(self, text: str, replace: bool) -> RequestId:
        return self._send(Lane.CODE, "save_bank_item", lambda run: BankItemSaved(
            self._bank_service().save_item(text, replace)))

    def delete_bank_item(self, slug: str) -> RequestId:
        return self._send(Lane.CODE, "delete_bank_item", lambda run: BankItemDeleted(
            self._bank_service().delete_item(slug)))

    def import_bank_file(self, path: str) -> RequestId:
        return self._send(Lane.CODE, "import_bank_file", lambda run: BankImported(
            self._bank_service().import_file(path, progress=run.progress, cancel=run.cancel)))

    # -- requests ----------------------------------------------------------------------------------------------

    def _bank_service(self) -> BankService:
        if self._bank is None:
            raise CloudInterviewError("the question bank is not available here")
        return self._bank

    def _send(self, lane: Lane, name: str, job: Job) -> RequestId:
        if not self._running:
            raise RuntimeError("the session engine has shut down")
        request_id = RequestId(next(self._ids))
        self._lane_of[request_id] = lane
        (self._dispatch_code if lane is Lane.CODE else self._dispatch_session).emit(request_id, name, job)
        return request_id

    @property
    def running(self) -> bool:
        return self._running

    def cancel(self, request_id: int) -> None:
        """Thread-safe: sets the flag the running (or queued) request checks."""
        lane = self._lane_of.get(request_id, Lane.SESSION)
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
