"""Capturing one spoken answer, push-to-talk or hands-free (ended by a pause), as a generator of events."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import Enum

import numpy as np

from cloudinterview_desktop.domain.errors import Cancelled
from cloudinterview_desktop.voice.audio_format import SAMPLE_RATE, Audio, empty_audio
from cloudinterview_desktop.voice.audio_source import AudioSource
from cloudinterview_desktop.voice.level_meter import Level, measure_level
from cloudinterview_desktop.voice.voice_activity import VoiceActivity


class EndReason(Enum):
    RELEASED = "released"  # push-to-talk key let go
    PAUSE = "pause"  # hands-free: silence after speech lasted the long pause, or the short one after a sentence
    MAX_LENGTH = "max_length"
    SOURCE_ENDED = "source_ended"  # the device stopped or the file ran out
    NO_SPEECH = "no_speech"  # hands-free: nobody spoke within the waiting time


@dataclass(frozen=True)
class PushToTalk:
    """Records until `released` is set (the UI sets it when the key or button is let go)."""

    released: threading.Event
    max_s: float = 600.0


@dataclass(frozen=True)
class HandsFree:
    """Records from the first speech until `pause_s` of silence follows it, or only `short_pause_s` when what was
    said so far ends a sentence (the caller that transcribes tells; see record_answer). `keep_s` of audio is kept
    either side of the speech (word onsets are soft), and bursts shorter than `min_speech_s` (a cough, a click) do
    not count."""

    pause_s: float = 1.2
    # Not below the streaming transcriber's commit pause (0.5 s): the decode made there tells whether the sentence
    # ended. The 0.1 s more costs no wait while that decode runs, which takes longer.
    short_pause_s: float = 0.6
    max_s: float = 600.0
    wait_for_speech_s: float = 30.0
    keep_s: float = 0.3
    min_speech_s: float = 0.25


CaptureMode = PushToTalk | HandsFree


@dataclass(frozen=True)
class AudioChunk:
    frames: Audio
    level: Level
    speech: bool  # any 32 ms window of the block was speech
    at_s: float  # where the block starts, in seconds since recording started
    backlog_s: float = 0.0  # audio already captured behind this block: the loop is that far behind real time


@dataclass(frozen=True)
class Utterance:
    audio: Audio
    reason: EndReason
    speech_start_s: float | None  # within `audio`; None when no speech was heard
    speech_end_s: float | None
    offset_s: float = 0.0  # where `audio` starts on the capture's timeline (hands-free drops the wait before speech)
    sample_rate: int = SAMPLE_RATE

    @property
    def duration_s(self) -> float:
        return self.audio.size / self.sample_rate

    @property
    def has_speech(self) -> bool:
        return self.speech_start_s is not None


CaptureEvent = AudioChunk | Utterance


def record_answer(source: AudioSource, mode: CaptureMode, cancel: threading.Event | None = None,
                  activity: VoiceActivity | None = None, read_timeout_s: float = 0.05,
                  sentence_ended: Callable[[], bool] | None = None) -> Iterator[CaptureEvent]:
    """Starts the source, yields an AudioChunk per block and finally one Utterance; always stops the source.
    Raises Cancelled when `cancel` is set (the recording is dropped). Hands-free, `sentence_ended` (asked after
    each block was handled by the consumer, once the short pause has passed) says whether the text heard so far ends
    a sentence, so the answer ends at the short pause; without it only the long pause ends it."""
    vad = activity or VoiceActivity()
    blocks: list[Audio] = []
    total = 0
    reason = EndReason.SOURCE_ENDED
    source.start()
    try:
        while True:
            if cancel is not None and cancel.is_set():
                raise Cancelled()
            if isinstance(mode, PushToTalk) and mode.released.is_set():
                reason = EndReason.RELEASED
                break
            block = source.read(read_timeout_s)
            if block is None:
                break
            if block.size == 0:
                continue
            flags = vad.push(block)
            blocks.append(block)
            yield AudioChunk(block, measure_level(block), any(flags), total / SAMPLE_RATE, source.backlog_s)
            total += block.size
            if total / SAMPLE_RATE >= mode.max_s:
                reason = EndReason.MAX_LENGTH
                break
            if isinstance(mode, HandsFree):
                ended = _hands_free_end(vad, mode, total / SAMPLE_RATE, sentence_ended)
                if ended is not None:
                    reason = ended
                    break
    finally:
        source.stop()
    if reason is EndReason.RELEASED:
        # What the device captured before the key was let go is still queued: it holds the last words.
        while (block := source.read(read_timeout_s)) is not None:
            if block.size:
                flags = vad.push(block)
                blocks.append(block)
                yield AudioChunk(block, measure_level(block), any(flags), total / SAMPLE_RATE, source.backlog_s)
                total += block.size
    audio = np.concatenate(blocks) if blocks else empty_audio()
    yield _utterance(audio, reason, vad, mode)


def _hands_free_end(vad: VoiceActivity, mode: HandsFree, recorded_s: float,
                    sentence_ended: Callable[[], bool] | None) -> EndReason | None:
    if not vad.heard_speech:
        return EndReason.NO_SPEECH if recorded_s >= mode.wait_for_speech_s else None
    if vad.silence_run_s < min(mode.pause_s, mode.short_pause_s):
        return None
    if vad.silence_run_s < mode.pause_s and (sentence_ended is None or vad.speech_s < mode.min_speech_s
                                             or not sentence_ended()):
        return None
    if vad.speech_s < mode.min_speech_s:
        vad.forget_speech()
        return None
    return EndReason.PAUSE


def _utterance(audio: Audio, reason: EndReason, vad: VoiceActivity, mode: CaptureMode) -> Utterance:
    start, end = vad.speech_start_s, vad.speech_end_s
    if reason is EndReason.NO_SPEECH or start is None or end is None:
        return Utterance(audio if isinstance(mode, PushToTalk) else empty_audio(), reason, None, None)
    if isinstance(mode, PushToTalk):
        return Utterance(audio, reason, start, end)
    # Hands-free keeps the speech and a little either side, not the wait before it or the whole closing pause.
    first = max(0, int((start - mode.keep_s) * SAMPLE_RATE))
    last = min(audio.size, int((end + mode.keep_s) * SAMPLE_RATE))
    offset = first / SAMPLE_RATE
    return Utterance(audio[first:last].copy(), reason, start - offset, end - offset, offset)
