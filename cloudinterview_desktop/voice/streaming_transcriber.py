"""Partial text while the person speaks and a fast final transcript, by re-decoding only what no pause settled."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np

from cloudinterview_desktop.voice.audio_format import SAMPLE_RATE, Audio
from cloudinterview_desktop.voice.endpointing import answer_may_end
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
    Not thread-safe: one capture loop owns it. Decoding runs inside push(); a loop that fell behind real time
    passes decode=False until it has caught up, so partial decodes never make the capture lag more and more."""

    def __init__(self, stt: SpeechToText, prompt: str | None = None, cancel: threading.Event | None = None,
                 interval_s: float = 1.0, commit_pause_s: float = 0.5, max_tail_s: float = 12.0,
                 activity: VoiceActivity | None = None, speech_end_s: float = 0.3) -> None:
        self.stt = stt
        self.prompt = prompt
        self.cancel = cancel
        self.interval = int(interval_s * SAMPLE_RATE)
        self.commit_pause_s = commit_pause_s
        # Silence after which speech is taken to have stopped: what was said is decoded then, while the pause is
        # still being measured, so that the commit at the pause (and a hands-free answer's end) finds it decoded.
        self.speech_end = int(speech_end_s * SAMPLE_RATE)
        self.max_tail = int(max_tail_s * SAMPLE_RATE)
        self._vad = activity or VoiceActivity()
        self._audio = np.zeros(SAMPLE_RATE * 30, dtype=np.float32)  # grows by doubling
        self._total = 0
        self._committed: list[Segment] = []
        self._committed_until = 0  # the unsettled tail starts here
        self._tail: list[Segment] = []  # latest decode of the tail, on the absolute timeline
        self._decoded_until = 0  # end of the audio the latest decode saw
        self._new_speech_at: int | None = None  # where speech not yet decoded began
        self._last_speech_end = 0
        self._pause_at: int | None = None  # a pause found here waits to be decoded and committed
        self._in_pause = False
        self._last_decode_s = 0.0
        self.decodes = 0

    def push(self, frames: Audio, decode: bool = True, settle: bool = True) -> TranscriptUpdate | None:
        """`decode`: partial decodes are wanted now (the loop keeps up). `settle`: a pause found is decoded and
        committed even when `decode` is False, because the final transcript needs that decode anyway."""
        self._append(frames)
        if any(self._vad.push(frames)):
            self._last_speech_end = self._total
            if self._new_speech_at is None:
                self._new_speech_at = self._total - frames.size
        pause = self._vad.heard_speech and self._vad.silence_run_s >= self.commit_pause_s
        if pause and not self._in_pause and (self._new_speech_at is not None or self._tail):
            self._pause_at = self._total
        self._in_pause = pause
        if self._pause_at is not None and (decode or settle):
            # A pause ends a phrase: decode up to it and keep the text, so later decodes start after it.
            self._settle_at(self._pause_at)
            return self._update(final=False)
        stopped = self._vad.heard_speech and self._total - self._last_speech_end >= self.speech_end
        if stopped and self._new_speech_at is not None and (decode or settle):
            self._decode(self._total)  # the speech just stopped: its text is wanted soon, whether it goes on or not
            return self._update(final=False)
        if not decode:
            return None
        # On a slow or busy machine partials come less often (at most half the time goes to them), so that a
        # release or the end of the answer rarely finds a partial decode still running.
        interval = max(self.interval, int(2 * self._last_decode_s * SAMPLE_RATE))
        if self._new_speech_at is not None and self._total - self._new_speech_at >= interval:
            self._decode(self._total)
            if self._total - self._committed_until > self.max_tail and len(self._tail) > 1:
                self._commit_all_but_last()  # no pause for a long time: keep all but the open segment
            return self._update(final=False)
        return None

    def finish(self) -> TranscriptUpdate:
        """The final transcript. Whatever was not decoded with the audio up to the end is decoded once more (a
        partial made mid-word can be wrong); when a pause already settled everything, or the decode made when the
        speech stopped saw all of it, nothing is decoded."""
        self._pause_at = None  # one decode of everything unsettled costs less than settling first (one encoder pass)
        if self._new_speech_at is not None or (self._tail and not self._covered(self._total)):
            self._decode(self._total)
        return self._update(final=True)

    def sentence_ended(self) -> bool:
        """Whether everything heard has been decoded and settled by a pause, and the text so far ends a sentence,
        its last word heard with confidence (what lets a hands-free answer end at a short pause)."""
        if self._pause_at is not None or self._new_speech_at is not None or self._tail or not self._committed:
            return False
        return answer_may_end(self._committed)

    @property
    def audio(self) -> Audio:
        return self._audio[:self._total]

    @property
    def committed_s(self) -> float:
        """Audio whose text is settled: later decodes start here."""
        return self._committed_until / SAMPLE_RATE

    def _append(self, frames: Audio) -> None:
        need = self._total + frames.size
        if need > self._audio.size:
            grown = np.zeros(max(need, self._audio.size * 2), dtype=np.float32)
            grown[:self._total] = self._audio[:self._total]
            self._audio = grown
        self._audio[self._total:need] = frames
        self._total = need

    def _decode(self, end: int) -> None:
        start = self._committed_until
        began = time.monotonic()
        pieces = self.stt.transcribe(self._audio[start:end].copy(), self.prompt, self.cancel)
        self._tail = [s.shifted(start / SAMPLE_RATE) for s in pieces]
        self._last_decode_s = time.monotonic() - began
        self._decoded_until = end
        # Speech after `end` (the person went on while a pause was being settled) is still to be decoded.
        self._new_speech_at = end if self._last_speech_end > end else None
        self.decodes += 1

    def _covered(self, end: int) -> bool:
        """Whether the latest decode saw the audio up to `end`, or all the speech before it and the silence after
        that ends a word's sound (then decoding more silence would not change the text)."""
        return self._decoded_until >= min(end, self._last_speech_end + self.speech_end)

    def _settle_at(self, pause_at: int) -> None:
        if (self._new_speech_at is not None and self._new_speech_at < pause_at) or not self._covered(pause_at):
            self._decode(pause_at)
        self._committed += self._tail
        self._committed_until = pause_at
        self._tail = []
        self._pause_at = None

    def _commit_all_but_last(self) -> None:
        kept, open_segment = self._tail[:-1], self._tail[-1]
        self._committed += kept
        self._committed_until = max(self._committed_until, int(open_segment.start * SAMPLE_RATE))
        self._tail = [open_segment]

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
