"""The voice engine: microphone capture and Whisper on their own QThread, as signals for the window.

A recording is a request: `record()` returns its id at once; the worker loops over the voice layer's live events
and emits the level, partial text and the final transcript (with the saved recording and delivery observations).
The audio source comes from an injected factory, so tests play a WAV file where a person would speak."""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from cloudinterview_desktop.domain.errors import Cancelled, CloudInterviewError
from cloudinterview_desktop.voice.audio_source import AudioSource
from cloudinterview_desktop.voice.delivery import analyze_delivery
from cloudinterview_desktop.voice.live_transcription import listen
from cloudinterview_desktop.voice.prompt_terms import question_prompt_terms
from cloudinterview_desktop.voice.recorder import AudioChunk, HandsFree, PushToTalk, Utterance
from cloudinterview_desktop.voice.recordings import save_recording
from cloudinterview_desktop.voice.speech_to_text import SpeechToText
from cloudinterview_desktop.voice.streaming_transcriber import TranscriptUpdate

log = logging.getLogger(__name__)

SourceFactory = Callable[[], AudioSource]


@dataclass(frozen=True)
class RecordingResult:
    text: str
    recording: str  # path of the saved WAV, "" when nothing was said
    delivery: dict[str, Any]
    duration_s: float


@dataclass(frozen=True)
class RecordingRequest:
    hands_free: bool
    question_text: str
    session_id: str
    answer_name: str
    released: threading.Event
    cancel: threading.Event


class VoiceWorker(QObject):
    level = Signal(int, float)  # request id, meter fraction 0..1
    partial = Signal(int, str)
    finished = Signal(int, object)  # RecordingResult
    failed = Signal(int, str)
    cancelled = Signal(int)  # the recording was stopped before it gave a result

    def __init__(self, stt: SpeechToText, source_factory: SourceFactory, recordings_dir: Path) -> None:
        super().__init__()
        self._stt = stt
        self._source_factory = source_factory
        self._recordings_dir = recordings_dir

    @Slot(int, object)
    def record(self, request_id: int, request: RecordingRequest) -> None:
        try:
            self.finished.emit(request_id, self._record(request_id, request))
        except Cancelled:
            self.cancelled.emit(request_id)
        except CloudInterviewError as exc:
            self.failed.emit(request_id, str(exc))
        except Exception as exc:  # a bug must not kill the voice thread; the log keeps the traceback
            log.exception("voice engine: recording failed")
            self.failed.emit(request_id, f"unexpected error while recording: {exc}")

    def _record(self, request_id: int, request: RecordingRequest) -> RecordingResult:
        mode = HandsFree() if request.hands_free else PushToTalk(request.released)
        prompt = question_prompt_terms(request.question_text) or None
        source = self._source_factory()
        utterance: Utterance | None = None
        final: TranscriptUpdate | None = None
        for event in listen(source, mode, self._stt, prompt, request.cancel):
            if isinstance(event, AudioChunk):
                self.level.emit(request_id, event.level.meter_fraction())
            elif isinstance(event, Utterance):
                utterance = event
            elif event.is_final:
                final = event
            else:
                self.partial.emit(request_id, event.text)
        text = final.text.strip() if final else ""
        path = ""
        if utterance is not None and utterance.has_speech and text:
            path = str(save_recording(self._recordings_dir, request.session_id, utterance.audio,
                                      request.answer_name))
        delivery = analyze_delivery(final.segments).to_dict() if final and final.segments else {}
        return RecordingResult(text, path, delivery, utterance.duration_s if utterance else 0.0)


class VoiceEngine(QObject):
    level = Signal(int, float)
    partial = Signal(int, str)
    finished = Signal(int, object)
    failed = Signal(int, str)
    cancelled = Signal(int)
    _dispatch = Signal(int, object)

    def __init__(self, stt: SpeechToText, source_factory: SourceFactory, recordings_dir: Path,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids = itertools.count(1)
        self._requests: dict[int, RecordingRequest] = {}
        self._thread = QThread()
        self._thread.setObjectName("engine-voice")
        self._worker = VoiceWorker(stt, source_factory, recordings_dir)
        self._worker.moveToThread(self._thread)
        self._dispatch.connect(self._worker.record)
        for signal, target in ((self._worker.level, self.level), (self._worker.partial, self.partial),
                               (self._worker.finished, self.finished), (self._worker.failed, self.failed),
                               (self._worker.cancelled, self.cancelled)):
            signal.connect(target)
        self._worker.finished.connect(lambda rid, _r: self._requests.pop(rid, None))
        self._worker.failed.connect(lambda rid, _m: self._requests.pop(rid, None))
        self._worker.cancelled.connect(lambda rid: self._requests.pop(rid, None))
        self._thread.start()

    def record(self, *, hands_free: bool, question_text: str, session_id: str, answer_name: str) -> int:
        request_id = next(self._ids)
        request = RecordingRequest(hands_free, question_text, session_id, answer_name, threading.Event(),
                                   threading.Event())
        self._requests[request_id] = request
        self._dispatch.emit(request_id, request)
        return request_id

    def release(self, request_id: int) -> None:
        """Push-to-talk let go: the recording ends and the final transcript follows."""
        request = self._requests.get(request_id)
        if request is not None:
            request.released.set()

    def cancel(self, request_id: int) -> None:
        request = self._requests.get(request_id)
        if request is not None:
            request.cancel.set()

    def shutdown(self, timeout_ms: int = 5000) -> None:
        for request in list(self._requests.values()):
            request.cancel.set()
        self._thread.quit()
        if not self._thread.wait(timeout_ms):
            log.warning("voice engine did not stop within %d ms", timeout_ms)
