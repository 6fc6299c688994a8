"""Connects the microphone widget to the voice engine, and the interviewer's streamed words to the speaker."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from cloudinterview_desktop.engine.voice_engine import RecordingResult, VoiceEngine
from cloudinterview_desktop.ui.mic_widget import MicWidget
from cloudinterview_desktop.voice.speech_player import SpeechPlayer

# (session id, question text, answer name) for the recording about to start
ContextProvider = Callable[[], tuple[str, str, str]]


class VoiceController(QObject):
    def __init__(self, mic: MicWidget, context: ContextProvider, deliver: Callable[[RecordingResult], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.mic = mic
        self.engine: VoiceEngine | None = None
        self.player: SpeechPlayer | None = None
        self._context = context
        self._deliver = deliver
        self._request: int | None = None
        mic.start_requested.connect(self.start)
        mic.stop_requested.connect(self.stop)
        mic.mute_toggled.connect(self.set_muted)
        mic.set_loading()
        mic.mute.setEnabled(False)

    def attach(self, engine: VoiceEngine | None, player: SpeechPlayer | None, unavailable_reason: str = "") -> None:
        """Voice loads after the window is shown; until then the microphone is greyed out."""
        self.engine = engine
        self.player = player
        if engine is None:
            self.mic.set_unavailable(unavailable_reason or self.tr("no speech recognition model"))
        else:
            self.mic.set_available()
            engine.level.connect(self._on_level)
            engine.partial.connect(self._on_partial)
            engine.finished.connect(self._on_finished)
            engine.failed.connect(self._on_failed)
            engine.cancelled.connect(lambda request_id: self._on_failed(request_id, ""))
        self.mic.mute.setEnabled(player is not None)
        if player is None:
            self.mic.mute.setToolTip(self.tr("No voice for the interviewer on this machine"))

    def start(self, hands_free: bool) -> None:
        if self.engine is None:
            self.mic.set_recording(False)
            return
        self.barge_in()
        session_id, question, name = self._context()
        self._request = self.engine.record(hands_free=hands_free, question_text=question, session_id=session_id,
                                           answer_name=name)

    def stop(self) -> None:
        if self.engine is None or self._request is None:
            return
        if self.mic.hands_free.isChecked():
            self.engine.cancel(self._request)
        else:
            self.engine.release(self._request)

    def barge_in(self) -> None:
        """The person starts talking (or typing): the interviewer stops speaking at once."""
        if self.player is not None:
            self.player.stop()

    def set_muted(self, muted: bool) -> None:
        if self.player is not None:
            self.player.set_muted(muted)

    def feed(self, text: str) -> None:
        if self.player is not None:
            self.player.feed(text)

    def finish_message(self) -> None:
        if self.player is not None:
            self.player.finish()

    def _on_level(self, request_id: int, fraction: float) -> None:
        if request_id == self._request:
            self.mic.set_level(fraction)

    def _on_partial(self, request_id: int, text: str) -> None:
        if request_id == self._request:
            self.mic.set_partial(text)

    def _on_finished(self, request_id: int, result: object) -> None:
        if request_id != self._request:
            return
        self._request = None
        self.mic.set_recording(False)
        assert isinstance(result, RecordingResult)
        self.mic.set_partial("" if result.text else self.tr("No speech was heard."))
        if result.text:
            self._deliver(result)

    def _on_failed(self, request_id: int, message: str) -> None:
        if request_id != self._request:
            return
        self._request = None
        self.mic.set_recording(False)
        self.mic.set_partial(message)  # "" when the recording was cancelled
