"""Loads the voice layer after the window is shown: the heavy imports run on a background task, the Qt objects are
made back on the GUI thread, and the microphone widget is told when it can record."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from cloudinterview_desktop.engine.background_task import BackgroundTask
from cloudinterview_desktop.settings import Settings

log = logging.getLogger(__name__)


class VoiceLoader(QObject):
    loaded = Signal(object, object, str)  # VoiceEngine | None, SpeechPlayer | None, why recording is off
    _built = Signal(object)

    def __init__(self, settings: Settings, recordings_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._recordings_dir = recordings_dir
        self._devices: list[str] = []
        self._engine: object | None = None
        self._player: object | None = None
        self._started = False
        self._task: BackgroundTask | None = None
        self._closing = threading.Event()  # the window is closing: the build's result has nobody to go to
        self._built.connect(self._on_built)

    def input_devices(self) -> list[str]:
        return list(self._devices)

    def start(self) -> None:
        if self._started:
            return
        self._started = True
        self._task = BackgroundTask(lambda _progress, _cancel: self._build())
        self._task.start()  # the task has no parent: it may finish after the window, and then reports nothing

    def _build(self) -> None:
        result: object
        try:
            from cloudinterview_desktop.voice_setup import build_voice

            result = build_voice(self._settings)
        except Exception as exc:  # a broken voice install must not take the app down
            if self._closing.is_set():
                return  # the window closed while the voice loaded: its objects may be gone already
            log.exception("voice layer failed to load")
            result = exc
        if self._closing.is_set():
            return
        try:
            self._built.emit(result)
        except RuntimeError:  # the loader was deleted with the window in the meantime
            log.info("the voice layer finished loading after the window closed")

    def _on_built(self, parts: object) -> None:
        from cloudinterview_desktop.engine.voice_engine import VoiceEngine
        from cloudinterview_desktop.voice_setup import VoiceParts, microphone_factory

        if not isinstance(parts, VoiceParts):
            self.loaded.emit(None, None, f"the voice layer failed to load: {parts}")
            return
        self._devices = parts.input_devices
        self._player = parts.player
        engine = None
        if parts.stt is not None and not parts.unavailable:
            engine = VoiceEngine(parts.stt, lambda: microphone_factory(self._settings), self._recordings_dir)
            self._engine = engine
        self.loaded.emit(engine, parts.player, parts.unavailable)

    def shutdown(self) -> None:
        from cloudinterview_desktop.engine.voice_engine import VoiceEngine
        from cloudinterview_desktop.voice.speech_player import SpeechPlayer

        self._closing.set()
        if self._task is not None:
            self._task.wait(timeout=60)  # the build reads the settings, which close after this

        if isinstance(self._engine, VoiceEngine):
            self._engine.shutdown()
        if isinstance(self._player, SpeechPlayer):
            self._player.close()
