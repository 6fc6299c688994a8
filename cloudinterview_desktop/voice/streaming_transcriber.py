"""Partial text while the person speaks: the growing answer is re-transcribed every ~1 s of new speech and at
each pause, and what was said before a pause is committed so it is never decoded again. The final transcript
after the last word then only has to decode the words since the last pause."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np

from cloudinterview_desktop.voice.audio_format import SAMPLE_RATE, Audio
from cloudinterview_desktop.voice.speech_to_text import Segment, SpeechToText, join_text
from cloudinterview_desktop.voice.voice_activity import VoiceActivity


@dataclass(frozen=True)
class TranscriptUpdate:
    text: str  # the whole answer so far
    segments: tuple[Segment, ...]  # timestamps from the start of the audio pushed
    is_final: bool
    audio_s: float  # how much audio had been pushed when this was made


class StreamingTranscriber:
    """Push audio blocks as they are captured; push() sometimes returns a partial update, finish() the final one.
    Not thread-safe: one capture loop owns it. Decoding runs inside push(), so a slow machine delays the capture
    loop, whose source buffers the audio meanwhile; nothing is lost."""

    def __init__(self, stt: SpeechToText, prompt: str | None = None, cancel: threading.Event | None = None,
                 interval_s: float = 1.0, commit_pause_s: float = 0.5, max_tail_s: float = 12.0,
                 activity: VoiceActivity | None = None) -> None:
        self.stt = stt
        self.prompt = prompt
        self.cancel = cancel
        self.interval = int(interval_s * SAMPLE_RATE)
        self.commit_pause_s = commit_pause_s
        self.max_tail = int(max_tail_s * SAMPLE_RATE)
        self._vad = activity or VoiceActivity()
        self._audio = np.zeros(SAMPLE_RATE * 30, dtype=np.float32)  # grows by doubling
        self._total = 0
        self._committed: list[Segment] = []
        self._committed_until = 0  # the undecided tail starts here
        self._tail: list[Segment] = []  # latest decode of the tail, on the absolute timeline
        self._new_speech_at: int | None = None  # where speech not yet decoded began
        self._in_pause = False
        self.decodes = 0

    def push(self, frames: Audio) -> TranscriptUpdate | None:
        self._append(frames)
        if any(self._vad.push(frames)) and self._new_speech_at is None:
            self._new_speech_at = self._total - frames.size
        pause = self._vad.heard_speech and self._vad.silence_run_s >= self.commit_pause_s
        pause_began, self._in_pause = pause and not self._in_pause, pause
        if pause_began and (self._new_speech_at is not None or self._tail):
            # A pause ends a phrase: decode it (unless that is done) and keep it, so later decodes start after it.
            if self._new_speech_at is not None:
                self._decode_tail()
            self._commit(len(self._tail))
            return self._update(final=False)
        if self._new_speech_at is None:
            return None  # nothing new to hear: the last text stands
        if self._total - self._new_speech_at >= self.interval:
            self._decode_tail()
            if self._total - self._committed_until > self.max_tail and len(self._tail) > 1:
                self._commit(len(self._tail) - 1)  # no pause for a long time: keep all but the open segment
            return self._update(final=False)
        return None

    def finish(self) -> TranscriptUpdate:
        """The final transcript; reuses the last decode when only silence came after it."""
        if self._new_speech_at is not None:
            self._decode_tail()
        return self._update(final=True)

    @property
    def audio(self) -> Audio:
        return self._audio[:self._total]

    def _append(self, frames: Audio) -> None:
        need = self._total + frames.size
        if need > self._audio.size:
            grown = np.zeros(max(need, self._audio.size * 2), dtype=np.float32)
            grown[:self._total] = self._audio[:self._total]
            self._audio = grown
        self._audio[self._total:need] = frames
        self._total = need

    def _decode_tail(self) -> None:
        start = self._committed_until
        offset = start / SAMPLE_RATE
        pieces = self.stt.transcribe(self._audio[start:self._total].copy(), self.prompt, self.cancel)
        self._tail = [s.shifted(offset) for s in pieces]
        self._new_speech_at = None
        self.decodes += 1

    def _commit(self, count: int) -> None:
        if count >= len(self._tail):
            self._committed += self._tail
            self._committed_until = self._total
            self._tail = []
            return
        kept, open_segment = self._tail[:count], self._tail[count]
        self._committed += kept
        self._committed_until = max(self._committed_until, int(open_segment.start * SAMPLE_RATE))
        self._tail = self._tail[count:]

    def _update(self, final: bool) -> TranscriptUpdate:
        segments = (*self._committed, *self._tail)
        return TranscriptUpdate(join_text(segments), segments, final, self._total / SAMPLE_RATE)


def stream_transcript(stt: SpeechToText, blocks: Iterable[Audio], prompt: str | None = None,
                      cancel: threading.Event | None = None, interval_s: float = 1.0) -> Iterator[TranscriptUpdate]:
    """Partial updates while `blocks` arrive, then the final one."""
    streamer = StreamingTranscriber(stt, prompt, cancel, interval_s)
    for block in blocks:
        update = streamer.push(block)
        if update is not None:
            yield update
    yield streamer.finish()
