"""The coding panel's traffic with the session engine: drafts saved and loaded, code run and submitted, always for
the question the window shows."""

from __future__ import annotations

from collections.abc import Callable

from cloudinterview_desktop.domain.session import InterviewSession
from cloudinterview_desktop.engine.session_engine import SessionEngine
from cloudinterview_desktop.engine.session_results import CodeLoaded, CodeRan, CodeSubmitted, RequestId
from cloudinterview_desktop.ui.coding_panel import CodingPanel
from cloudinterview_desktop.ui.request_tracker import Waits

Send = Callable[[RequestId, Waits], RequestId]


class CodingRequests:
    def __init__(self, coding: CodingPanel, engine: SessionEngine, send: Send,
                 session: Callable[[], InterviewSession | None]) -> None:
        self._coding = coding
        self._engine = engine
        self._send = send
        self._session = session
        self._loaded_for: tuple[str, int] | None = None  # (session, question) whose code the editor shows
        coding.language_changed.connect(self._load)
        coding.autosave.connect(lambda lang, code: send(
            engine.save_draft(*self._question(), lang, code), Waits.NOTHING))
        coding.run_requested.connect(lambda code, lang, inputs: send(
            engine.run_code(self._question()[0], code, lang, custom_inputs=inputs), Waits.CODE))
        coding.submit_requested.connect(lambda code, lang: send(
            engine.submit_code(self._question()[0], code, lang), Waits.CODE))

    def _question(self) -> tuple[str, int]:
        session = self._session()
        assert session is not None
        return session.id, session.current_question_index

    def _load(self, language: str) -> None:
        self._send(self._engine.code_for(*self._question(), language), Waits.NOTHING)

    def question_shown(self, session: InterviewSession) -> None:
        """A coding question new to the editor: what was typed so far is saved, and its code is loaded."""
        question = session.current_question
        key = (session.id, session.current_question_index)
        if question is not None and question.kind == "coding" and self._loaded_for != key:
            self._loaded_for = key
            self._coding.flush_autosave()
            self._load(self._coding.current_language())

    def loaded(self, result: CodeLoaded) -> None:
        self._coding.load_code(result.code, self._coding.current_language())

    def judged(self, result: CodeRan | CodeSubmitted) -> None:
        assert result.step.report is not None
        self._coding.tests.show_report(result.step.report)
