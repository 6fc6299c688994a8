"""The main window: home, interview and summary pages, driven only through the session engine."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QStackedWidget, QWidget

from cloudinterview_desktop.domain.modes import mode_for_kind
from cloudinterview_desktop.domain.session import InterviewSession, SessionConfig
from cloudinterview_desktop.engine import session_results as done
from cloudinterview_desktop.engine.session_engine import SessionEngine
from cloudinterview_desktop.engine.session_results import RequestId
from cloudinterview_desktop.engine.voice_engine import RecordingResult
from cloudinterview_desktop.settings import Key, Settings
from cloudinterview_desktop.ui.coding_requests import CodingRequests
from cloudinterview_desktop.ui.evaluation_progress import EvaluationProgress
from cloudinterview_desktop.ui.history_page import HistoryPage
from cloudinterview_desktop.ui.home_choices import remember_choices, restore_choices
from cloudinterview_desktop.ui.home_page import HomePage
from cloudinterview_desktop.ui.interview_page import InterviewPage
from cloudinterview_desktop.ui.problem_browser import ProblemBrowser
from cloudinterview_desktop.ui.request_tracker import SPEAKING, RequestTracker, Waits
from cloudinterview_desktop.ui.spoken_answer import SpokenAnswer, recording_context
from cloudinterview_desktop.ui.startup_status import StartupStatus
from cloudinterview_desktop.ui.summary_page import SummaryPage
from cloudinterview_desktop.ui.theme import apply_theme
from cloudinterview_desktop.ui.voice_controller import VoiceController
from cloudinterview_desktop.ui.window_dialogs import ModelSettings, WindowDialogs, model_settings
from cloudinterview_desktop.ui.window_menus import WindowMenus

if TYPE_CHECKING:
    from cloudinterview_desktop.judge.protection import CodeSafety

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    shown = Signal()
    session_changed = Signal(object)  # InterviewSession, after every committed change

    def __init__(self, engine: SessionEngine, settings: Settings, use_monaco: bool = True,
                 data_dir: str = "", input_devices: Callable[[], list[str]] = list, models_dir: str = "",
                 parent: QWidget | None = None, logs_dir: str = "", code_safety: CodeSafety | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("CloudInterview")
        self.engine = engine
        self.settings = settings
        self.session: InterviewSession | None = None
        self.evaluation: EvaluationProgress | None = None  # the end of the interview, while it evaluates
        self.home = HomePage()
        self.interview = InterviewPage(use_monaco=use_monaco)
        self._pending = RequestTracker(self.interview)  # the requests whose answer we still want
        if code_safety is not None:  # the isolation level beside Run, and the question asked where there is none
            self.interview.coding.set_safety(code_safety)
        self._warmed = False
        self.summary = SummaryPage()
        self.history = HistoryPage()
        self.pages = QStackedWidget()
        for page in (self.home, self.interview, self.summary, self.history):
            self.pages.addWidget(page)
        self.setCentralWidget(self.pages)
        self.menus = WindowMenus(self)
        self.home_action, self.about_action = self.menus.new_interview, self.menus.about
        self.dialogs = WindowDialogs(self, settings, self._reload_if_changed, input_devices, data_dir, models_dir,
                                     logs_dir)
        self.startup = StartupStatus(self, engine, self._call, self.home, self.interview)
        self.code_requests = CodingRequests(self.interview.coding, engine, self._call, lambda: self.session)
        self._spoken = SpokenAnswer()  # the last spoken answer, until it is submitted
        self.voice = VoiceController(self.interview.mic, lambda: recording_context(self.session), self._on_spoken,
                                     self)
        self.resize(1200, 800)
        if geometry := self.settings.get(Key.WINDOW_GEOMETRY):
            self.restoreGeometry(QByteArray(geometry))
        restore_choices(settings, self.home)
        self._connect_callbacks()
        self.apply_preferences()
        self._result_handlers = self._handlers()
        self._refresh_sessions()

    # -- wiring ----------------------------------------------------------------------------------------------

    def _connect_callbacks(self) -> None:
        self.engine.finished.connect(self._on_finished)
        self.engine.failed.connect(self._on_failed)
        self.engine.cancelled.connect(self._on_cancelled)
        self.engine.token.connect(self._on_token)
        self.engine.progress.connect(self._on_progress)
        self.home.start_requested.connect(self.start_interview)
        self.home.resume_requested.connect(self.resume_session)
        self.interview.answer_submitted.connect(self._submit_answer)
        self.interview.chat_sent.connect(
            lambda text: self._call(self.engine.chat(self._sid(), text), Waits.STOPPABLE_SPEECH))
        self.interview.hint_requested.connect(
            lambda: self._call(self.engine.hint(self._sid()), Waits.STOPPABLE_SPEECH))
        self.interview.next_requested.connect(self.next_question)
        self.interview.end_requested.connect(self._confirm_end)
        self.interview.stop_requested.connect(self._stop)
        self.summary.home_requested.connect(self.go_home)
        self.summary.practise_requested.connect(self.practise_question)
        self.menus.new_interview.triggered.connect(self.go_home)
        self.menus.history.triggered.connect(self.show_history)
        self.menus.settings.triggered.connect(self.dialogs.open_settings)
        self.menus.bank.triggered.connect(self.open_bank)
        self.menus.shortcuts.triggered.connect(self.dialogs.open_shortcuts)
        self.menus.about.triggered.connect(self.dialogs.open_about)
        self.dialogs.preferences_accepted.connect(self.apply_preferences)
        self.dialogs.delete_all_requested.connect(lambda: self._call(self.engine.delete_all_sessions()))
        self.history.home_requested.connect(self.go_home)
        self.history.open_requested.connect(lambda sid: self._call(self.engine.get_session(sid)))
        self.history.delete_requested.connect(self._confirm_delete)

    def _sid(self) -> str:
        assert self.session is not None
        return self.session.id

    def _call(self, request_id: RequestId, waits: Waits = Waits.NOTHING) -> RequestId:
        return self._pending.track(request_id, waits)

    # -- user actions ----------------------------------------------------------------------------------------

    def start_interview(self, config: SessionConfig) -> None:
        remember_choices(self.settings, config)
        self.home.start_button.setEnabled(False)
        self._call(self.engine.create_session(config), Waits.PAGE)

    def resume_session(self, session_id: str) -> None:
        self._call(self.engine.resume_session(session_id), Waits.PAGE)

    def next_question(self) -> None:
        self._call(self.engine.next_question(self._sid()), Waits.SPEECH)

    def open_bank(self, import_path: str = "") -> None:
        browser = ProblemBrowser(self.engine, self)
        browser.practise_requested.connect(self.practise_question)
        if import_path:
            browser.import_path(import_path)
        browser.exec()

    def bring_forward(self, files: list[str]) -> None:
        """A later launch of the app: this window comes to the front, and a question file it named is imported."""
        self.showNormal() if self.isMinimized() else self.show()
        self.raise_()
        self.activateWindow()
        for path in files:
            if path.lower().endswith((".json", ".jsonl", ".csv")):
                self.open_bank(import_path=path)

    def practise_question(self, slug: str, kind: str) -> None:
        """A short interview on one question from the bank, with the home page's other choices."""
        config = replace(self.home.config(), mode=mode_for_kind(kind).mode)
        self.home.start_button.setEnabled(False)
        self._call(self.engine.create_session(config, problems=[slug]), Waits.PAGE)

    def _submit_answer(self, text: str) -> None:
        audio_path, delivery = self._spoken.take(text)
        self._call(self.engine.submit_answer(self._sid(), text, audio_path=audio_path, delivery=delivery),
                   Waits.STOPPABLE_SPEECH)

    def _on_spoken(self, result: RecordingResult) -> None:
        self._spoken.heard(result)
        self.interview.insert_spoken_text(result.text)

    def _confirm_end(self) -> None:
        answer = QMessageBox.question(self, self.tr("End interview"),
                                      self.tr("End the interview now and see your feedback?"))
        if answer == QMessageBox.StandardButton.Yes:
            self.end_interview()

    def end_interview(self) -> None:
        """Ends the session; the feedback's progress is shown per question, and Stop keeps what code measured."""
        request_id = self._call(self.engine.end_session(self._sid()), Waits.SPEECH)
        self.evaluation = EvaluationProgress(self, request_id, self.engine.cancel)

    def _on_progress(self, request_id: int, done: int, total: int) -> None:
        if self.evaluation is not None and self.evaluation.request_id == request_id:
            self.evaluation.update(done, total)
        elif self._pending.waits_for(request_id) is Waits.CODE:
            self.interview.coding.tests.set_progress(done, total)

    def _evaluation_done(self, request_id: int) -> None:
        if self.evaluation is not None and self.evaluation.request_id == request_id:
            self.evaluation.close()
            self.evaluation = None

    def _stop(self) -> None:
        for request_id in self._pending.speaking():
            self.engine.cancel(request_id)

    def _model_settings(self) -> ModelSettings:
        return model_settings(self.settings)

    def _reload_if_changed(self, before: ModelSettings) -> None:
        """Another model (or none) takes over at once: no restart."""
        if self._model_settings() != before:
            self.statusBar().showMessage(self.tr("Switching the interviewer's model…"))
            self._call(self.engine.reload_interviewer())

    def apply_preferences(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            dark = apply_theme(app, str(self.settings.get(Key.THEME)))
            self.interview.coding.editor.set_theme(dark)
        self.interview.coding.editor.set_font_size(int(self.settings.get(Key.EDITOR_FONT_SIZE)))

    def show_history(self) -> None:
        self.pages.setCurrentWidget(self.history)
        self._call(self.engine.list_sessions())

    def _confirm_delete(self, session_id: str) -> None:
        answer = QMessageBox.question(self, self.tr("Delete session"),
                                      self.tr("Delete this session with its answers, recordings and reports?"))
        if answer == QMessageBox.StandardButton.Yes:
            self._call(self.engine.delete_session(session_id))

    def go_home(self) -> None:
        self.session = None
        self.home.start_button.setEnabled(True)
        self.pages.setCurrentWidget(self.home)
        self._refresh_sessions()

    def _refresh_sessions(self) -> None:
        self._call(self.engine.interrupted_sessions())
        self._call(self.engine.list_sessions())

    # -- engine results --------------------------------------------------------------------------------------

    def _on_token(self, request_id: int, text: str) -> None:
        if self._pending.waits_for(request_id) is not None:
            self.interview.append_token(text)
            self.voice.feed(text)

    def _handlers(self) -> dict[type[Any], Callable[[Any], None]]:
        """What each result does, by its type."""
        return {
            done.CodeRan: self._code_judged, done.CodeSubmitted: self._code_judged,
            done.CodeLoaded: self.code_requests.loaded,
            done.DraftSaved: lambda _r: None,
            done.InterviewerReady: lambda r: self.startup.interviewer_loaded(r.description, at_start=True),
            done.InterviewerReloaded: lambda r: self.startup.interviewer_loaded(r.description, at_start=False),
            done.InterruptedSessions: lambda r: self.home.set_interrupted(r.sessions),
            done.SessionList: self._sessions_listed,
            done.SessionDeleted: lambda _r: self._refresh_sessions(),
            done.AllSessionsDeleted: lambda _r: self._refresh_sessions(),
            done.SessionLoaded: lambda r: self._open_from_history(r.session),
            done.SessionCreated: self._session_created,
            done.SessionResumed: lambda r: self._show(r.session),
            done.SessionStarted: lambda r: self._show(r.step.session),
            done.QuestionAsked: lambda r: self._show(r.step.session),
            done.ChatAnswered: lambda r: self._show(r.step.session),
            done.HintGiven: lambda r: self._show(r.hint.session),
            done.AnswerSubmitted: self._answer_submitted,
            done.SessionEnded: self._session_ended,
        }

    def _on_finished(self, request_id: int, result: object) -> None:
        self._evaluation_done(request_id)
        waits = self._pending.answered(request_id, result)
        if waits is None:
            return  # a result nobody waits for any more
        if waits in SPEAKING:
            self.voice.finish_message()
        self._result_handlers[type(result)](result)

    def _code_judged(self, result: done.CodeRan | done.CodeSubmitted) -> None:
        self.code_requests.judged(result)
        self._show(result.step.session)

    def _sessions_listed(self, result: done.SessionList) -> None:
        self.history.set_sessions(result.sessions)
        self.home.set_history(result.sessions)
        self.summary.set_history(result.sessions)

    def _session_created(self, result: done.SessionCreated) -> None:
        self._show(result.session)
        self._call(self.engine.start_session(result.session.id), Waits.SPEECH)

    def _answer_submitted(self, result: done.AnswerSubmitted) -> None:
        self._show(result.step.session)
        self.interview.clear_answer()

    def _session_ended(self, result: done.SessionEnded) -> None:
        self._show(result.step.session)
        self.interview.stop_clock()
        self.summary.show_session(result.step.session)
        self.pages.setCurrentWidget(self.summary)
        self._call(self.engine.list_sessions())  # the report's progress chart compares with earlier sessions

    def _open_from_history(self, session: InterviewSession) -> None:
        if session.status.is_final:
            self.session = session
            self.summary.show_session(session)
            self.pages.setCurrentWidget(self.summary)
        else:
            self.resume_session(session.id)

    def _ended_without_result(self, request_id: int) -> Waits | None:
        """A failed or cancelled request: what waited for it, which waits no more; None if nothing did."""
        self._evaluation_done(request_id)
        waits = self._pending.ended_without_result(request_id)
        if waits is not None:
            self.home.start_button.setEnabled(True)
        return waits

    def _on_failed(self, request_id: int, message: str) -> None:
        waits = self._ended_without_result(request_id)
        if waits is Waits.CODE:
            self.interview.coding.tests.show_error(message)
        elif waits is not None:
            QMessageBox.warning(self, "CloudInterview", message)

    def _on_cancelled(self, request_id: int) -> None:
        if self._ended_without_result(request_id) is not None and self.session is not None:
            self.interview.show_session(self.session)

    def _show(self, session: InterviewSession) -> None:
        self.session = session
        self.interview.show_session(session)
        self.code_requests.question_shown(session)
        if self.pages.currentWidget() is not self.interview and not session.status.is_final:
            self.pages.setCurrentWidget(self.interview)
        self.session_changed.emit(session)

    # -- window events ---------------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self.shown.emit)
        if not self._warmed:
            self._warmed = True
            QTimer.singleShot(150, self.startup.warm_up)

    @property
    def _ready_notes(self) -> list[str]:
        return self.startup.notes

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.set(Key.WINDOW_GEOMETRY, bytes(self.saveGeometry().data()))
        self.interview.coding.flush_autosave()
        self.engine.shutdown()
        self.interview.coding.editor.dispose()
        super().closeEvent(event)
