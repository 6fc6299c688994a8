"""The main window: home, interview and summary pages, driven only through the session engine."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from enum import Enum, auto
from typing import Any

from PySide6.QtCore import QByteArray, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from cloudinterview_desktop.domain.session import InterviewSession, Mode, SessionConfig
from cloudinterview_desktop.engine.session_engine import SessionEngine
from cloudinterview_desktop.engine.session_results import (
    AllSessionsDeleted,
    AnswerSubmitted,
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
    SessionResumed,
    SessionStarted,
)
from cloudinterview_desktop.engine.voice_engine import RecordingResult
from cloudinterview_desktop.settings import Key, Settings
from cloudinterview_desktop.ui import shortcuts as keys
from cloudinterview_desktop.ui.evaluation_progress import EvaluationProgress
from cloudinterview_desktop.ui.history_page import HistoryPage
from cloudinterview_desktop.ui.home_page import HomePage
from cloudinterview_desktop.ui.interview_page import InterviewPage
from cloudinterview_desktop.ui.problem_browser import ProblemBrowser
from cloudinterview_desktop.ui.settings_dialog import SettingsDialog
from cloudinterview_desktop.ui.shortcuts import ShortcutSheet
from cloudinterview_desktop.ui.summary_page import SummaryPage
from cloudinterview_desktop.ui.theme import apply_theme
from cloudinterview_desktop.ui.voice_controller import VoiceController

log = logging.getLogger(__name__)

MODEL_KEYS = (Key.USE_MODEL, Key.LLM_MODEL, Key.GPU_LAYERS, Key.ENDPOINT_URL, Key.ENDPOINT_MODEL, Key.ENDPOINT_KEY)


class Waits(Enum):
    """What on screen waits for a request."""

    NOTHING = auto()
    PAGE = auto()  # the interview page shows it is busy
    SPEECH = auto()  # the same while the interviewer speaks; Stop cancels it
    STOPPABLE_SPEECH = auto()  # the same, with a Stop button
    CODE = auto()  # the coding panel runs the tests, with their progress


SPEAKING = frozenset({Waits.SPEECH, Waits.STOPPABLE_SPEECH})
# Results that leave the interview page's busy state alone: the editor's and the model's own requests.
PAGE_UNTOUCHED = (CodeRan, CodeSubmitted, CodeLoaded, DraftSaved, InterviewerReady, InterviewerReloaded)


class MainWindow(QMainWindow):
    shown = Signal()
    session_changed = Signal(object)  # InterviewSession, after every committed change

    def __init__(self, engine: SessionEngine, settings: Settings, use_monaco: bool = True,
                 data_dir: str = "", input_devices: Callable[[], list[str]] = list, models_dir: str = "",
                 parent: QWidget | None = None, logs_dir: str = "") -> None:
        super().__init__(parent)
        self._data_dir = data_dir
        self._models_dir = models_dir
        self._logs_dir = logs_dir
        self._input_devices = input_devices
        self.setWindowTitle("CloudInterview")
        self.engine = engine
        self.settings = settings
        self.session: InterviewSession | None = None
        self._pending: dict[RequestId, Waits] = {}  # the requests whose answer we still want
        self.evaluation: EvaluationProgress | None = None  # the end of the interview, while it evaluates
        self.home = HomePage()
        self.interview = InterviewPage(use_monaco=use_monaco)
        self._loaded_code_for: tuple[str, int] | None = None  # (session, question) whose code the editor shows
        self._warmed = False
        self._ready_notes: list[str] = []
        self.summary = SummaryPage()
        self.history = HistoryPage()
        self.pages = QStackedWidget()
        for page in (self.home, self.interview, self.summary, self.history):
            self.pages.addWidget(page)
        self.setCentralWidget(self.pages)
        self._build_toolbar()
        self._recording: RecordingResult | None = None  # the last spoken answer, until it is submitted
        self.voice = VoiceController(self.interview.mic, self._recording_context, self._on_spoken, self)
        self.resize(1200, 800)
        self._restore()
        self._connect_callbacks()
        self.apply_preferences()
        self._result_handlers = self._handlers()
        self._call(self.engine.interrupted_sessions())
        self._call(self.engine.list_sessions())

    # -- wiring ----------------------------------------------------------------------------------------------

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Navigation"))
        toolbar.setObjectName("navigation")
        toolbar.setMovable(False)
        self.home_action = QAction(self.tr("New interview"), self)
        self.home_action.setShortcut(keys.sequence(keys.NEW_INTERVIEW))
        self.history_action = QAction(self.tr("History"), self)
        self.history_action.setShortcut(keys.sequence(keys.HISTORY))
        self.bank_action = QAction(self.tr("Question bank"), self)
        self.bank_action.setShortcut(keys.sequence(keys.QUESTION_BANK))
        self.settings_action = QAction(self.tr("Settings…"), self)
        self.settings_action.setShortcut(keys.sequence(keys.SETTINGS))
        for action in (self.home_action, self.history_action, self.bank_action, self.settings_action):
            toolbar.addAction(action)
        self.addToolBar(toolbar)
        self.help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.shortcuts_action = self.help_menu.addAction(self.tr("Keyboard shortcuts"))
        self.about_action = self.help_menu.addAction(self.tr("About CloudInterview"))

    def _connect_callbacks(self) -> None:
        self.engine.finished.connect(self._on_finished)
        self.engine.failed.connect(self._on_failed)
        self.engine.cancelled.connect(self._on_cancelled)
        self.engine.token.connect(self._on_token)
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
        self.home_action.triggered.connect(self.go_home)
        self.history_action.triggered.connect(self.show_history)
        self.settings_action.triggered.connect(self.open_settings)
        self.bank_action.triggered.connect(self.open_bank)
        self.shortcuts_action.triggered.connect(lambda: ShortcutSheet(self).exec())
        self.about_action.triggered.connect(self.open_about)
        self.history.home_requested.connect(self.go_home)
        self.history.open_requested.connect(lambda sid: self._call(self.engine.get_session(sid)))
        self.history.delete_requested.connect(self._confirm_delete)
        coding = self.interview.coding
        coding.language_changed.connect(self._load_code)
        coding.autosave.connect(lambda lang, code: self._call(
            self.engine.save_draft(self._sid(), self._index(), lang, code)))
        coding.run_requested.connect(lambda code, lang, inputs: self._call(
            self.engine.run_code(self._sid(), code, lang, custom_inputs=inputs), Waits.CODE))
        coding.submit_requested.connect(lambda code, lang: self._call(
            self.engine.submit_code(self._sid(), code, lang), Waits.CODE))
        self.engine.progress.connect(self._on_progress)

    def _restore(self) -> None:
        geometry = self.settings.get(Key.WINDOW_GEOMETRY)
        if geometry:
            self.restoreGeometry(QByteArray(geometry))
        self.home.set_defaults(self.settings.get(Key.LAST_MODE), self.settings.get(Key.LAST_JOB_TYPE),
                               self.settings.get(Key.LAST_SENIORITY), self.settings.get(Key.LAST_DIFFICULTY),
                               self.settings.get(Key.INTERVIEW_STYLE), self.settings.get(Key.LAST_DURATION))

    def _sid(self) -> str:
        assert self.session is not None
        return self.session.id

    def _index(self) -> int:
        assert self.session is not None
        return self.session.current_question_index

    def _load_code(self, language: str) -> None:
        self._call(self.engine.code_for(self._sid(), self._index(), language))

    def _call(self, request_id: RequestId, waits: Waits = Waits.NOTHING) -> RequestId:
        """Waits for the answer to a request just sent, showing it is busy where `waits` says."""
        self._pending[request_id] = waits
        if waits is Waits.CODE:
            self.interview.coding.set_busy(True)
        elif waits is not Waits.NOTHING:
            self.interview.set_busy(True, cancellable=waits is Waits.STOPPABLE_SPEECH)
        return request_id

    # -- user actions ----------------------------------------------------------------------------------------

    def start_interview(self, config: SessionConfig) -> None:
        for key, value in ((Key.LAST_MODE, config.mode.value), (Key.LAST_JOB_TYPE, config.job_type),
                           (Key.LAST_SENIORITY, config.seniority), (Key.LAST_DIFFICULTY, config.difficulty),
                           (Key.INTERVIEW_STYLE, config.style.value), (Key.LAST_DURATION, config.duration_min)):
            self.settings.set(key, value)
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
        config = replace(self.home.config(), mode=Mode.BEHAVIORAL if kind == "behavioral" else Mode.TECHNICAL)
        self.home.start_button.setEnabled(False)
        self._call(self.engine.create_session(config, problems=[slug]), Waits.PAGE)

    def _submit_answer(self, text: str) -> None:
        spoken = self._recording
        from_voice = spoken is not None and spoken.text in text
        self._call(self.engine.submit_answer(self._sid(), text,
                                             audio_path=spoken.recording if spoken and from_voice else "",
                                             delivery=spoken.delivery if spoken and from_voice else None),
                   Waits.STOPPABLE_SPEECH)
        self._recording = None

    def _recording_context(self) -> tuple[str, str, str]:
        question = self.session.current_question if self.session else None
        index = self.session.current_question_index if self.session else 0
        stamp = datetime.now().strftime("%H%M%S")
        return self._sid(), question.prompt if question else "", f"q{index + 1}-{stamp}"

    def _on_spoken(self, result: RecordingResult) -> None:
        self._recording = result
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
        elif self._pending.get(RequestId(request_id)) is Waits.CODE:
            self.interview.coding.tests.set_progress(done, total)

    def _evaluation_done(self, request_id: int) -> None:
        if self.evaluation is not None and self.evaluation.request_id == request_id:
            self.evaluation.close()
            self.evaluation = None

    def _stop(self) -> None:
        for request_id, waits in list(self._pending.items()):
            if waits in SPEAKING:
                self.engine.cancel(request_id)

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.settings, self._data_dir, self._input_devices(), self)
        dialog.delete_all_requested.connect(lambda: self._call(self.engine.delete_all_sessions()))
        dialog.models_requested.connect(self.open_models)
        before = self._model_settings()
        if dialog.exec():
            self.apply_preferences()
        self._reload_if_changed(before)

    def open_models(self) -> None:
        from pathlib import Path

        from cloudinterview_desktop.ai.models.manager import ModelManager
        from cloudinterview_desktop.ui.model_manager_dialog import ModelManagerDialog

        before = self._model_settings()
        ModelManagerDialog(ModelManager(Path(self._models_dir)), self.settings, self).exec()
        self._reload_if_changed(before)

    def _model_settings(self) -> tuple[object, ...]:
        return tuple(self.settings.get(key) for key in MODEL_KEYS)

    def _reload_if_changed(self, before: tuple[object, ...]) -> None:
        """Another model (or none) takes over at once: no restart."""
        if self._model_settings() != before:
            self.statusBar().showMessage(self.tr("Switching the interviewer's model…"))
            self._call(self.engine.reload_interviewer())

    def open_about(self) -> None:
        from pathlib import Path

        from cloudinterview_desktop.ui.about_dialog import AboutDialog, about_info

        info = about_info(self.settings, Path(self._data_dir), Path(self._logs_dir), Path(self._models_dir))
        AboutDialog(info, self).exec()

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
        if request_id in self._pending:
            self.interview.append_token(text)
            self.voice.feed(text)

    def _handlers(self) -> dict[type[Any], Callable[[Any], None]]:
        """What each result does, by its type."""
        return {
            CodeRan: self._code_judged, CodeSubmitted: self._code_judged,
            CodeLoaded: lambda r: self.interview.coding.load_code(r.code, self.interview.coding.current_language()),
            DraftSaved: lambda _r: None,
            InterviewerReady: lambda r: self._interviewer_loaded(r.description, at_start=True),
            InterviewerReloaded: lambda r: self._interviewer_loaded(r.description, at_start=False),
            InterruptedSessions: lambda r: self.home.set_interrupted(r.sessions),
            SessionList: self._sessions_listed,
            SessionDeleted: lambda _r: self._refresh_sessions(),
            AllSessionsDeleted: lambda _r: self._refresh_sessions(),
            SessionLoaded: lambda r: self._open_from_history(r.session),
            SessionCreated: self._session_created,
            SessionResumed: lambda r: self._show(r.session),
            SessionStarted: lambda r: self._show(r.step.session),
            QuestionAsked: lambda r: self._show(r.step.session),
            ChatAnswered: lambda r: self._show(r.step.session),
            HintGiven: lambda r: self._show(r.hint.session),
            AnswerSubmitted: self._answer_submitted,
            SessionEnded: self._session_ended,
        }

    def _on_finished(self, request_id: int, result: object) -> None:
        self._evaluation_done(request_id)
        waits = self._pending.pop(RequestId(request_id), None)
        if waits is None:
            return  # a result nobody waits for any more
        if not isinstance(result, PAGE_UNTOUCHED):
            self.interview.set_busy(False)
        if waits in SPEAKING:
            self.voice.finish_message()
        self._result_handlers[type(result)](result)

    def _code_judged(self, result: CodeRan | CodeSubmitted) -> None:
        self.interview.coding.set_busy(False)
        assert result.step.report is not None
        self.interview.coding.tests.show_report(result.step.report)
        self._show(result.step.session)

    def _interviewer_loaded(self, description: str, at_start: bool) -> None:
        headline, _, details = description.partition("\n")
        self.statusBar().setToolTip(details)  # the model file, GPU and check figures, for who wants them
        self.home.set_interviewer(headline)
        self.interview.set_interviewer(headline)
        if at_start:
            self._note_ready(headline)
        else:
            self.statusBar().showMessage(headline, 15_000)

    def _sessions_listed(self, result: SessionList) -> None:
        self.history.set_sessions(result.sessions)
        self.home.set_history(result.sessions)
        self.summary.set_history(result.sessions)

    def _session_created(self, result: SessionCreated) -> None:
        self._show(result.session)
        self._call(self.engine.start_session(result.session.id), Waits.SPEECH)

    def _answer_submitted(self, result: AnswerSubmitted) -> None:
        self._show(result.step.session)
        self.interview.clear_answer()

    def _session_ended(self, result: SessionEnded) -> None:
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

    def _answered_without_result(self, request_id: int) -> Waits | None:
        """A failed or cancelled request: what waited for it, which waits no more; None if nothing did."""
        self._evaluation_done(request_id)
        waits = self._pending.pop(RequestId(request_id), None)
        if waits is not None:
            self.interview.set_busy(False)
            self.interview.coding.set_busy(False)
            self.home.start_button.setEnabled(True)
        return waits

    def _on_failed(self, request_id: int, message: str) -> None:
        waits = self._answered_without_result(request_id)
        if waits is Waits.CODE:
            self.interview.coding.tests.show_error(message)
        elif waits is not None:
            QMessageBox.warning(self, "CloudInterview", message)

    def _on_cancelled(self, request_id: int) -> None:
        if self._answered_without_result(request_id) is not None and self.session is not None:
            self.interview.show_session(self.session)

    def _show(self, session: InterviewSession) -> None:
        self.session = session
        self.interview.show_session(session)
        question = session.current_question
        key = (session.id, session.current_question_index)
        if question is not None and question.kind == "coding" and self._loaded_code_for != key:
            self._loaded_code_for = key
            self.interview.coding.flush_autosave()
            self._load_code(self.interview.coding.current_language())
        if self.pages.currentWidget() is not self.interview and not session.status.is_final:
            self.pages.setCurrentWidget(self.interview)
        self.session_changed.emit(session)

    # -- window events ---------------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self.shown.emit)
        if not self._warmed:
            self._warmed = True
            QTimer.singleShot(150, self._warm_up)

    def _warm_up(self) -> None:
        """After the first paint: the model loads on the engine thread, the editor in the background."""
        if not self.engine.running:
            return  # the window was closed before the warm-up started
        self.statusBar().showMessage(self.tr("Loading the interviewer and the code editor…"))
        self._call(self.engine.warm_up())
        editor = self.interview.coding.editor
        editor.ready.connect(lambda: self._note_ready(self.tr("code editor ready")))
        editor.preload()

    def _note_ready(self, what: str) -> None:
        self._ready_notes.append(what)
        self.statusBar().showMessage(" · ".join(self._ready_notes), 15_000)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.set(Key.WINDOW_GEOMETRY, bytes(self.saveGeometry().data()))
        self.interview.coding.flush_autosave()
        self.engine.shutdown()
        self.interview.coding.editor.dispose()
        super().closeEvent(event)
