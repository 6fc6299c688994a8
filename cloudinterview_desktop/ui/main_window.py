"""The main window: home, interview and summary pages, driven only through the session engine."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

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
from cloudinterview_desktop.engine.voice_engine import RecordingResult
from cloudinterview_desktop.service.session_service import HintStep, SessionStep
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

if TYPE_CHECKING:
    from cloudinterview_desktop.judge.protection import CodeSafety

log = logging.getLogger(__name__)

MODEL_KEYS = (Key.USE_MODEL, Key.LLM_MODEL, Key.GPU_LAYERS, Key.ENDPOINT_URL, Key.ENDPOINT_MODEL, Key.ENDPOINT_KEY)
STREAMING_OPS = frozenset({"start_session", "submit_answer", "chat", "next_question", "end_session", "hint"})


class MainWindow(QMainWindow):
    shown = Signal()
    session_changed = Signal(object)  # InterviewSession, after every committed change

    def __init__(self, engine: SessionEngine, settings: Settings, use_monaco: bool = True,
                 data_dir: str = "", input_devices: Callable[[], list[str]] = list, models_dir: str = "",
                 parent: QWidget | None = None, logs_dir: str = "", code_safety: CodeSafety | None = None) -> None:
        super().__init__(parent)
        self._data_dir = data_dir
        self._models_dir = models_dir
        self._logs_dir = logs_dir
        self._input_devices = input_devices
        self.setWindowTitle("CloudInterview")
        self.engine = engine
        self.settings = settings
        self.session: InterviewSession | None = None
        self._pending: dict[int, str] = {}  # request id -> op, for requests whose answer we still want
        self.evaluation: EvaluationProgress | None = None  # the end of the interview, while it evaluates
        self.home = HomePage()
        self.interview = InterviewPage(use_monaco=use_monaco)
        if code_safety is not None:  # the isolation level beside Run, and the question asked where there is none
            self.interview.coding.set_safety(code_safety)
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
        self._call("interrupted_sessions")
        self._call("list_sessions")

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
        self.engine.token.connect(self._on_token)
        self.home.start_requested.connect(self.start_interview)
        self.home.resume_requested.connect(lambda sid: self._call("resume_session", session_id=sid))
        self.interview.answer_submitted.connect(self._submit_answer)
        self.interview.chat_sent.connect(lambda text: self._call("chat", session_id=self._sid(), message=text))
        self.interview.hint_requested.connect(lambda: self._call("hint", session_id=self._sid()))
        self.interview.next_requested.connect(lambda: self._call("next_question", session_id=self._sid()))
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
        self.history.open_requested.connect(lambda sid: self._call("get", session_id=sid))
        self.history.delete_requested.connect(self._confirm_delete)
        coding = self.interview.coding
        coding.language_changed.connect(self._load_code)
        coding.autosave.connect(lambda lang, code: self._call(
            "save_draft", session_id=self._sid(), question_index=self._index(), language=lang, code=code))
        coding.run_requested.connect(lambda code, lang, inputs: self._call(
            "run_code", session_id=self._sid(), code=code, language=lang, custom_inputs=inputs))
        coding.submit_requested.connect(lambda code, lang: self._call(
            "submit_code", session_id=self._sid(), code=code, language=lang))
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
        self._call("code_for", session_id=self._sid(), question_index=self._index(), language=language)

    def _call(self, op: str, **kwargs: Any) -> int:
        request_id = self.engine.request(op, **kwargs)
        self._pending[request_id] = op
        if op in STREAMING_OPS | {"create_session", "resume_session"}:
            self.interview.set_busy(True, cancellable=op in {"chat", "submit_answer", "hint"})
        elif op in {"run_code", "submit_code"}:
            self.interview.coding.set_busy(True)
        return request_id

    # -- user actions ----------------------------------------------------------------------------------------

    def start_interview(self, config: SessionConfig) -> None:
        for key, value in ((Key.LAST_MODE, config.mode.value), (Key.LAST_JOB_TYPE, config.job_type),
                           (Key.LAST_SENIORITY, config.seniority), (Key.LAST_DIFFICULTY, config.difficulty),
                           (Key.INTERVIEW_STYLE, config.style.value), (Key.LAST_DURATION, config.duration_min)):
            self.settings.set(key, value)
        self.home.start_button.setEnabled(False)
        self._call("create_session", config=config)

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
        self._call("create_session", config=config, problems=[slug])

    def _submit_answer(self, text: str) -> None:
        spoken = self._recording
        from_voice = spoken is not None and spoken.text in text
        self._call("submit_answer", session_id=self._sid(), text=text,
                   audio_path=spoken.recording if spoken and from_voice else "",
                   delivery=spoken.delivery if spoken and from_voice else None)
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
        request_id = self._call("end_session", session_id=self._sid())
        self.evaluation = EvaluationProgress(self, request_id, self.engine.cancel)

    def _on_progress(self, request_id: int, done: int, total: int) -> None:
        if self.evaluation is not None and self.evaluation.request_id == request_id:
            self.evaluation.update(done, total)
        elif self._pending.get(request_id) in ("run_code", "submit_code"):
            self.interview.coding.tests.set_progress(done, total)

    def _evaluation_done(self, request_id: int) -> None:
        if self.evaluation is not None and self.evaluation.request_id == request_id:
            self.evaluation.close()
            self.evaluation = None

    def _stop(self) -> None:
        for request_id, op in list(self._pending.items()):
            if op in STREAMING_OPS:
                self.engine.cancel(request_id)

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.settings, self._data_dir, self._input_devices(), self)
        dialog.delete_all_requested.connect(lambda: self._call("delete_all_sessions"))
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
            self._call("reload_interviewer")

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
        self._call("list_sessions")

    def _confirm_delete(self, session_id: str) -> None:
        answer = QMessageBox.question(self, self.tr("Delete session"),
                                      self.tr("Delete this session with its answers, recordings and reports?"))
        if answer == QMessageBox.StandardButton.Yes:
            self._call("delete_session", session_id=session_id)

    def go_home(self) -> None:
        self.session = None
        self.home.start_button.setEnabled(True)
        self.pages.setCurrentWidget(self.home)
        self._call("interrupted_sessions")
        self._call("list_sessions")

    # -- engine results --------------------------------------------------------------------------------------

    def _on_token(self, request_id: int, text: str) -> None:
        if request_id in self._pending:
            self.interview.append_token(text)
            self.voice.feed(text)

    def _on_finished(self, request_id: int, op: str, result: object) -> None:
        self._evaluation_done(request_id)
        if self._pending.pop(request_id, None) is None:
            return  # a result nobody waits for any more
        if op in {"run_code", "submit_code"}:
            self.interview.coding.set_busy(False)
            assert isinstance(result, SessionStep) and result.report is not None
            self.interview.coding.tests.show_report(result.report)
            self._show(result.session)
            return
        if op == "code_for":
            self.interview.coding.load_code(str(result), self.interview.coding.current_language())
            return
        if op == "save_draft":
            return
        if op in ("warm_up", "reload_interviewer"):
            headline, _, details = str(result).partition("\n")
            self.statusBar().setToolTip(details)  # the model file, GPU and check figures, for who wants them
            self.home.set_interviewer(headline)
            self.interview.set_interviewer(headline)
            if op == "warm_up":
                self._note_ready(headline)
            else:
                self.statusBar().showMessage(headline, 15_000)
            return
        self.interview.set_busy(False)
        if op in STREAMING_OPS:
            self.voice.finish_message()
        if op == "interrupted_sessions":
            self.home.set_interrupted(list(result))  # type: ignore[call-overload]
            return
        if op == "list_sessions":
            self.history.set_sessions(list(result))  # type: ignore[call-overload]
            self.home.set_history(list(result))  # type: ignore[call-overload]
            self.summary.set_history(list(result))  # type: ignore[call-overload]
            return
        if op in {"delete_session", "delete_all_sessions"}:
            self._call("list_sessions")
            self._call("interrupted_sessions")
            return
        if op == "get" and isinstance(result, InterviewSession):
            self._open_from_history(result)
            return
        if op == "create_session":
            assert isinstance(result, InterviewSession)
            self._show(result)
            self._call("start_session", session_id=result.id)
            return
        if isinstance(result, SessionStep):
            self._show(result.session)
            if op == "submit_answer":
                self.interview.clear_answer()
            if op == "end_session":
                self.interview.stop_clock()
                self.summary.show_session(result.session)
                self.pages.setCurrentWidget(self.summary)
                self._call("list_sessions")  # the report's progress chart compares with earlier sessions
        elif isinstance(result, HintStep):
            self._show(result.session)
        elif isinstance(result, InterviewSession):
            self._show(result)

    def _open_from_history(self, session: InterviewSession) -> None:
        if session.status.is_final:
            self.session = session
            self.summary.show_session(session)
            self.pages.setCurrentWidget(self.summary)
        else:
            self._call("resume_session", session_id=session.id)

    def _on_failed(self, request_id: int, op: str, message: str) -> None:
        self._evaluation_done(request_id)
        if self._pending.pop(request_id, None) is None:
            return
        self.interview.set_busy(False)
        self.interview.coding.set_busy(False)
        self.home.start_button.setEnabled(True)
        if op in {"run_code", "submit_code"}:
            self.interview.coding.tests.show_error(message)
            return
        if message == "cancelled":
            if self.session is not None:
                self.interview.show_session(self.session)
            return
        QMessageBox.warning(self, "CloudInterview", message)

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
        self._call("warm_up")
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
