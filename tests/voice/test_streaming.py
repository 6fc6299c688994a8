"""Partial and final text while an answer is spoken, through the streaming transcriber and the live loop."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest

from cloudinterview_desktop.voice.audio_files import load_audio
from cloudinterview_desktop.voice.live_transcription import listen
from cloudinterview_desktop.voice.recorder import AudioChunk, EndReason, HandsFree, PushToTalk, Utterance
from cloudinterview_desktop.voice.speech_to_text import SpeechToText
from cloudinterview_desktop.voice.streaming_transcriber import StreamingTranscriber, TranscriptUpdate, stream_transcript
from cloudinterview_desktop.voice.wav_file_source import WavFileSource
from cloudinterview_desktop.voice.word_error_rate import word_error_rate
from tests.voice.helpers import SpeechMaker, padded_speech, with_silence

pytestmark = pytest.mark.model

FIRST = "My first idea is to sort the input."
SECOND = "Let me start with a simple approach."


def _blocks(audio: np.ndarray, size: int = 512) -> list[np.ndarray]:
    return [audio[i:i + size] for i in range(0, audio.size, size)]


def test_partial_text_grows_while_speaking_and_the_final_is_accurate(stt: SpeechToText, say: SpeechMaker) -> None:
    audio = with_silence(load_audio(say(FIRST)), after_s=0.3)
    updates = list(stream_transcript(stt, _blocks(audio)))
    partials, final = updates[:-1], updates[-1]
    print([u.text for u in updates])
    assert final.is_final and not any(u.is_final for u in partials)
    assert len(partials) >= 2, "a partial about every second of speech"
    assert word_error_rate(FIRST, final.text) < 0.15
    assert len(partials[0].text.split()) < len(final.text.split())


def test_a_pause_commits_the_phrase_so_the_final_decodes_only_what_followed(stt: SpeechToText,
                                                                            say: SpeechMaker) -> None:
    audio = np.concatenate([load_audio(say(FIRST)), np.zeros(16000, np.float32), load_audio(say(SECOND)),
                            np.zeros(4800, np.float32)])
    streamer = StreamingTranscriber(stt, interval_s=1.0)
    first_s = load_audio(say(FIRST)).size / 16000
    texts: list[str] = []
    committed_when_second_began = 0.0
    for at, block in enumerate(_blocks(audio)):
        if at * 512 == int((first_s + 1.0) * 16000) // 512 * 512:
            committed_when_second_began = streamer.committed_s
        if (update := streamer.push(block)) is not None:
            texts.append(update.text)
    final = streamer.finish()
    assert any(word_error_rate(FIRST, t) < 0.15 for t in texts), "the first phrase stood alone after its pause"
    assert committed_when_second_began >= first_s, "later decodes start after the first phrase"
    assert word_error_rate(f"{FIRST} {SECOND}", final.text) < 0.15
    # The second phrase's timestamps are on the whole answer's timeline, after the first phrase and the pause.
    assert final.segments[-1].start > first_s + 0.5


def test_a_loop_behind_real_time_skips_partials_but_still_settles_pauses(stt: SpeechToText,
                                                                         say: SpeechMaker) -> None:
    audio = np.concatenate([load_audio(say(FIRST)), np.zeros(16000, np.float32), load_audio(say(SECOND))])
    behind = StreamingTranscriber(stt)
    updates = [u for block in _blocks(audio) if (u := behind.push(block, decode=False)) is not None]
    assert behind.decodes == 1 and word_error_rate(FIRST, updates[0].text) < 0.15, "only the pause was decoded"
    released = StreamingTranscriber(stt)
    assert all(released.push(block, decode=False, settle=False) is None for block in _blocks(audio))
    final = released.finish()
    assert released.decodes == 1, "after a release, one decode covers everything"
    assert word_error_rate(f"{FIRST} {SECOND}", final.text) < 0.15


def test_silence_after_the_last_decode_reuses_it_for_the_final(stt: SpeechToText, say: SpeechMaker) -> None:
    audio = with_silence(load_audio(say(SECOND)), after_s=1.5)
    streamer = StreamingTranscriber(stt)
    for block in _blocks(audio):
        streamer.push(block)
    decodes = streamer.decodes
    final = streamer.finish()
    assert streamer.decodes == decodes, "only silence followed the pause-time decode: nothing to redo"
    assert word_error_rate(SECOND, final.text) < 0.15


def test_listen_yields_levels_partials_the_utterance_and_the_final(stt: SpeechToText, say: SpeechMaker,
                                                                  speech_dir: Path) -> None:
    path = padded_speech(say, FIRST, speech_dir, before_s=1.0, after_s=3.0)
    events = list(listen(WavFileSource(path, realtime=False), HandsFree(pause_s=1.0), stt))
    kinds = [type(e).__name__ for e in events]
    assert kinds[0] == "AudioChunk" and kinds[-2:] == ["Utterance", "TranscriptUpdate"]
    assert "TranscriptUpdate" in kinds[:-2], "partials arrive while speaking"
    utterance, final = events[-2], events[-1]
    assert isinstance(utterance, Utterance) and isinstance(final, TranscriptUpdate)
    assert utterance.reason is EndReason.PAUSE and final.is_final
    assert word_error_rate(FIRST, final.text) < 0.15
    # The final's times are on the utterance's timeline: the second of waiting before speech is cut off.
    assert final.segments[0].start < 0.8
    assert final.segments[-1].end <= utterance.duration_s + 0.3


def test_push_to_talk_in_real_time_transcribes_up_to_the_release(stt: SpeechToText, say: SpeechMaker) -> None:
    path = say(SECOND)
    released = threading.Event()
    speech_s = load_audio(path).size / 16000
    threading.Timer(speech_s + 0.2, released.set).start()
    events = list(listen(WavFileSource(path, realtime=True), PushToTalk(released), stt))
    assert sum(isinstance(e, AudioChunk) for e in events) > 10
    final = events[-1]
    assert isinstance(final, TranscriptUpdate) and final.is_final
    assert word_error_rate(SECOND, final.text) < 0.15
