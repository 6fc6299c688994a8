"""One loop for a worker thread: capture an answer and transcribe it as it is spoken (levels, partial text, the
recorded utterance, the final transcript), so a Qt worker only has to turn each event into a signal."""

from __future__ import annotations

import threading
from collections.abc import Iterator

from cloudinterview_desktop.voice.audio_source import AudioSource
from cloudinterview_desktop.voice.recorder import AudioChunk, CaptureEvent, CaptureMode, Utterance, record_answer
from cloudinterview_desktop.voice.speech_to_text import SpeechToText
from cloudinterview_desktop.voice.streaming_transcriber import StreamingTranscriber, TranscriptUpdate

LiveEvent = CaptureEvent | TranscriptUpdate


def listen(source: AudioSource, mode: CaptureMode, stt: SpeechToText, prompt: str | None = None,
           cancel: threading.Event | None = None, interval_s: float = 1.0) -> Iterator[LiveEvent]:
    """Yields AudioChunk per block (level meter), TranscriptUpdate partials, the Utterance (to save), and last the
    final TranscriptUpdate, whose timestamps are on the utterance's own timeline (0 = start of its audio).
    Raises Cancelled when `cancel` is set; the source is stopped either way."""
    streamer = StreamingTranscriber(stt, prompt, cancel, interval_s)
    utterance: Utterance | None = None
    for event in record_answer(source, mode, cancel):
        yield event
        if isinstance(event, AudioChunk):
            update = streamer.push(event.frames)
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
