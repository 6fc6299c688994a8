"""Speaking streamed interviewer text sentence by sentence on its own thread, with mute and barge-in stop."""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from cloudinterview_desktop.voice.audio_sink import AudioSink
from cloudinterview_desktop.voice.errors import VoiceError
from cloudinterview_desktop.voice.sentences import SentenceAccumulator
from cloudinterview_desktop.voice.text_to_speech import TextToSpeech

log = logging.getLogger(__name__)


class PlaybackKind(Enum):
    STARTED = "started"  # a sentence began playing
    FINISHED = "finished"  # ... and was written to the speaker in full
    STOPPED = "stopped"  # stop() cut speech off
    SKIPPED = "skipped"  # muted: the sentence was not spoken
    FAILED = "failed"  # synthesis or the speaker failed; the text is still on screen


@dataclass(frozen=True)
class PlaybackEvent:
    kind: PlaybackKind
    sentence: str = ""
    error: str = ""


class SpeechPlayer:
    """feed() tokens as the model streams them and finish() at the end of the message; complete sentences are
    spoken in order while later tokens still arrive. stop() (the person started talking, or pressed a key) silences
    the speaker within one chunk (`chunk_s`) and drops the rest of the message that is being fed. Every method is
    safe to call from any thread; `on_event` is called on the player's thread."""

    def __init__(self, tts: TextToSpeech, sink: AudioSink, *, muted: bool = False, chunk_s: float = 0.05,
                 on_event: Callable[[PlaybackEvent], None] | None = None) -> None:
        self.tts = tts
        self.sink = sink
        self.chunk = max(1, int(chunk_s * tts.sample_rate))
        self.on_event = on_event
        self._muted = muted
        self._lock = threading.Condition()
        self._accumulator = SentenceAccumulator()
        self._queue: deque[tuple[int, str]] = deque()
        self._generation = 0  # bumped by stop()/mute: anything queued or playing under an older one is dropped
        self._message_open = False  # tokens are being fed and finish() has not come yet
        self._discarding = False  # stop() came mid-message: ignore its remaining tokens
        self._busy = False
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="speech-player", daemon=True)
        self._thread.start()

    # -- called by the engine / UI ------------------------------------------------------------------------------
    def feed(self, text: str) -> None:
        with self._lock:
            if self._closed or self._discarding:
                return
            self._message_open = True
            self._enqueue(self._accumulator.feed(text))

    def finish(self) -> None:
        """The message is complete: speak what is left of it. The next feed() starts a new message."""
        with self._lock:
            if self._discarding:
                self._discarding = False
                self._accumulator.reset()
            else:
                self._enqueue(self._accumulator.flush())
            self._message_open = False

    def say(self, text: str) -> None:
        self.feed(text)
        self.finish()

    def stop(self) -> None:
        """Barge-in: silence now, forget what is queued and the rest of the message still being fed."""
        with self._lock:
            self._generation += 1
            self._queue.clear()
            self._accumulator.reset()
            self._discarding = self._message_open
            was_speaking = self._busy
            self._lock.notify_all()
        self.sink.abort()
        if was_speaking:
            self._emit(PlaybackEvent(PlaybackKind.STOPPED))

    @property
    def muted(self) -> bool:
        return self._muted

    def set_muted(self, muted: bool) -> None:
        """Muting silences the current sentence at once; while muted, sentences are skipped, not synthesized."""
        with self._lock:
            self._muted = muted
            if muted:
                self._generation += 1
                self._queue.clear()
        if muted:
            self.sink.abort()

    @property
    def speaking(self) -> bool:
        with self._lock:
            return self._busy or bool(self._queue)

    def wait_until_idle(self, timeout: float | None = None) -> bool:
        """True once everything queued has been synthesized and the speaker has played it."""
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._lock:
            if not self._lock.wait_for(lambda: not self._busy and not self._queue, timeout=timeout):
                return False
        remaining = None if deadline is None else max(0.0, deadline - time.monotonic())
        return self.sink.drain(remaining)

    def close(self) -> None:
        self.stop()
        with self._lock:
            self._closed = True
            self._lock.notify_all()
        self._thread.join(timeout=5)

    # -- the player thread --------------------------------------------------------------------------------------
    def _enqueue(self, sentences: list[str]) -> None:
        for sentence in sentences:
            self._queue.append((self._generation, sentence))
        if sentences:
            self._lock.notify_all()

    def _current(self, generation: int) -> bool:
        return generation == self._generation and not self._closed

    def _run(self) -> None:
        while True:
            with self._lock:
                self._lock.wait_for(lambda: self._closed or bool(self._queue))
                if self._closed:
                    return
                generation, sentence = self._queue.popleft()
                self._busy = True
                muted = self._muted
            try:
                if muted:
                    self._emit(PlaybackEvent(PlaybackKind.SKIPPED, sentence))
                else:
                    self._speak(generation, sentence)
            except VoiceError as exc:
                log.warning("speaking failed: %s", exc)
                self._emit(PlaybackEvent(PlaybackKind.FAILED, sentence, str(exc)))
            finally:
                with self._lock:
                    self._busy = False
                    self._lock.notify_all()

    def _speak(self, generation: int, sentence: str) -> None:
        if not self._current(generation):
            return
        audio = self.tts.synthesize_sentence(sentence)
        if not self._current(generation):
            return
        self._emit(PlaybackEvent(PlaybackKind.STARTED, sentence))
        for at in range(0, audio.size, self.chunk):
            # Checked before every chunk: after stop() at most the chunk being written reaches the sink.
            if not self._current(generation):
                return
            self.sink.write(audio[at:at + self.chunk], self.tts.sample_rate)
        self._emit(PlaybackEvent(PlaybackKind.FINISHED, sentence))

    def _emit(self, event: PlaybackEvent) -> None:
        if self.on_event is None:
            return
        try:
            self.on_event(event)
        except Exception:  # a listener's bug must not kill the player thread
            log.exception("speech event listener failed")
