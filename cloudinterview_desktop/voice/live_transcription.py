"""Capture and transcribe an answer in one loop (levels, partials, utterance, final) for a worker thread."""

from __future__ import annotations

import threading
from collections.abc import Iterator

from cloudinterview_desktop.voice.audio_source import AudioSource
from cloudinterview_desktop.voice.recorder import (
    AudioChunk,
    CaptureEvent,
    CaptureMode,
    PushToTalk,
    Utterance,
    record_answer,
)
from cloudinterview_desktop.voice.speech_to_text import SpeechToText
from cloudinterview_desktop.voice.streaming_transcriber import StreamingTranscriber, TranscriptUpdate

LiveEvent = CaptureEvent | TranscriptUpdate
CAUGHT_UP_S = 0.1  # partial text is only decoded while the loop keeps up with the microphone


def listen(source: AudioSource, mode: CaptureMode, stt: SpeechToText, prompt: str | None = None,
           cancel: threading.Event | None = None, interval_s: float = 1.0) -> Iterator[LiveEvent]:
    """Yields AudioChunk per block (level meter), TranscriptUpdate partials, the Utterance (to save), and last the
    final TranscriptUpdate, whose timestamps are on the utterance's own timeline (0 = start of its audio).
    Hands-free, the answer ends at the mode's short pause when the text settled by it ends a sentence, at the long
    pause otherwise; then the final needs no further decoding.
    Raises Cancelled when `cancel` is set; the source is stopped either way."""
    streamer = StreamingTranscriber(stt, prompt, cancel, interval_s)
    utterance: Utterance | None = None
    # Hands-free, a short pause ends the answer when the phrase it settled ends a sentence (adaptive endpointing).
    for event in record_answer(source, mode, cancel, sentence_ended=streamer.sentence_ended):
        yield event
        if isinstance(event, AudioChunk):
            # Once the key is released only the final matters: a partial now would only delay it.
            released = isinstance(mode, PushToTalk) and mode.released.is_set()
            update = streamer.push(event.frames, decode=event.backlog_s < CAUGHT_UP_S and not released,
                                   settle=not released)
            if update is not None:
                yield update
        else:
            utterance = event
    final = streamer.finish()
    offset = utterance.offset_s if utterance is not None else 0.0
    if offset:
        segments = tuple(s.shifted(-offset) for s in final.segments)
        final = TranscriptUpdate(final.text, segments, True, final.audio_s)
    yield final
