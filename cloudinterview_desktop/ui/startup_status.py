"""What the status bar says while the app gets ready after the first paint: the interviewer's model and the code
editor load in the background, and each is noted when ready; the model's details are in the tooltip."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow

from cloudinterview_desktop.engine.session_engine import SessionEngine
from cloudinterview_desktop.engine.session_results import RequestId
from cloudinterview_desktop.ui.home_page import HomePage
from cloudinterview_desktop.ui.interview_page import InterviewPage


class StartupStatus(QObject):
    def __init__(self, window: QMainWindow, engine: SessionEngine, send: Callable[[RequestId], RequestId],
                 home: HomePage, interview: InterviewPage) -> None:
        super().__init__(window)
        self._window = window
        self._engine = engine
        self._send = send
        self._home = home
        self._interview = interview
        self.notes: list[str] = []

    def warm_up(self) -> None:
        """The model loads on the engine thread, the editor in the background."""
        if not self._engine.running:
            return  # the window was closed before the warm-up started
        self._window.statusBar().showMessage(self.tr("Loading the interviewer and the code editor…"))
        self._send(self._engine.warm_up())
        editor = self._interview.coding.editor
        editor.ready.connect(lambda: self._note_ready(self.tr("code editor ready")))
        editor.preload()

    def interviewer_loaded(self, description: str, at_start: bool) -> None:
        """The model (or none) the interviewer now uses: a headline, then details on the following lines."""
        headline, _, details = description.partition("\n")
        self._window.statusBar().setToolTip(details)  # the model file, GPU and check figures, for who wants them
        self._home.set_interviewer(headline)
        self._interview.set_interviewer(headline)
        if at_start:
            self._note_ready(headline)
        else:
            self._window.statusBar().showMessage(headline, 15_000)

    def _note_ready(self, what: str) -> None:
        self.notes.append(what)
        self._window.statusBar().showMessage(" · ".join(self.notes), 15_000)
