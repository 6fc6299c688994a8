"""Adaptive endpointing, hands-free: a short pause ends an answer whose last phrase ends a sentence; a pause in the
middle of a sentence ("I would use a ... hash map") waits for the long pause. Real speech (espeak-ng) played from WAV
files as the microphone."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from cloudinterview_desktop.voice.audio_files import load_audio, save_wav
from cloudinterview_desktop.voice.endpointing import answer_may_end, ends_sentence
from cloudinterview_desktop.voice.live_transcription import listen
from cloudinterview_desktop.voice.recorder import AudioChunk, EndReason, HandsFree, Utterance, record_answer
from cloudinterview_desktop.voice.speech_to_text import Segment, SpeechToText, Word
from cloudinterview_desktop.voice.streaming_transcriber import StreamingTranscriber, TranscriptUpdate
from cloudinterview_desktop.voice.wav_file_source import WavFileSource
from cloudinterview_desktop.voice.word_error_rate import word_error_rate
from tests.voice.helpers import SpeechMaker, padded_speech, with_silence

COMPLETE = "My first idea is to sort the input."
CLOSING = "a hash map that counts the words."
# Fragments that espeak-ng says like finished sentences: tiny.en hears "we can solve it with." (an open last word) and
# "I will start the number in age." (a guessed last word, at low probability).
OPENINGS = ["We can solve it with", "I would store the numbers in a"]


@pytest.mark.parametrize("text", [COMPLETE, "Yes.", "Is the input sorted?", "I would avoid that.",
                                  'It runs in linear time."'])
def test_a_finished_sentence_ends(text: str) -> None:
    assert ends_sentence(text)


@pytest.mark.parametrize("text", ["I would use a", "I would use a.", "I would use a...", "I would use a…",
                                  "Then I sort it and.", "The cost of.", "I would.", "", "  .  "])
def test_an_open_clause_or_a_missing_end_mark_does_not(text: str) -> None:
    assert not ends_sentence(text)


def test_a_sentence_whose_last_word_whisper_guessed_does_not_end_the_answer() -> None:
    def segment(text: str, probability: float) -> Segment:
        return Segment(0.0, 1.0, text, (Word(0.0, 0.5, "I", 0.9), Word(0.5, 1.0, text.split()[-1], probability)))

    assert answer_may_end([segment("I sort it.", 0.9)]) and answer_may_end([Segment(0.0, 1.0, "I sort it.")])
    assert not answer_may_end([segment("I will start the number in age.", 0.36)])
    assert not answer_may_end([segment("I sort it and", 0.99)])


def _speech_end_s(audio: np.ndarray) -> float:
    loud = np.flatnonzero(np.abs(audio) > 0.01)
    return float(loud[-1] + 1) / 16000


def _record(path: Path, mode: HandsFree, ended: bool) -> tuple[WavFileSource, Utterance, int]:
    asked = []

    def sentence_ended() -> bool:
        asked.append(1)
        return ended

    source = WavFileSource(path, realtime=False)
    events = list(record_answer(source, mode, sentence_ended=sentence_ended))
    utterance = events[-1]
    assert isinstance(utterance, Utterance)
    return source, utterance, len(asked)


def test_the_recorder_ends_at_the_short_pause_only_when_told_the_sentence_ended(say: SpeechMaker,
                                                                                speech_dir: Path) -> None:
    path = padded_speech(say, COMPLETE, speech_dir, before_s=0.5, after_s=3.0)
    end_s = _speech_end_s(load_audio(path))
    mode = HandsFree(pause_s=1.2, short_pause_s=0.5)
    short, utterance, asked = _record(path, mode, ended=True)
    assert utterance.reason is EndReason.PAUSE and asked == 1
    assert 0.45 <= short.position_s - end_s <= 0.9, "ended about the short pause after the last word"
    long, utterance, asked = _record(path, mode, ended=False)
    assert utterance.reason is EndReason.PAUSE and asked > 1
    assert 1.15 <= long.position_s - end_s <= 1.6, "waited for the long pause"


def _listen(stt: SpeechToText, path: Path) -> tuple[float, Utterance, TranscriptUpdate]:
    source = WavFileSource(path, realtime=False)
    events = list(listen(source, HandsFree(), stt))
    utterance, final = events[-2], events[-1]
    assert isinstance(utterance, Utterance) and isinstance(final, TranscriptUpdate) and final.is_final
    assert all(isinstance(e, AudioChunk | TranscriptUpdate) for e in events[:-2])
    return source.position_s, utterance, final


@pytest.mark.model
def test_a_complete_sentence_is_final_after_the_short_pause(stt: SpeechToText, say: SpeechMaker,
                                                            speech_dir: Path) -> None:
    path = padded_speech(say, COMPLETE, speech_dir, before_s=0.5, after_s=3.0)
    heard_s, utterance, final = _listen(stt, path)
    after_last_word = heard_s - _speech_end_s(load_audio(path))
    print(f"{final.text!r}: ended {after_last_word:.2f} s after the last word")
    assert utterance.reason is EndReason.PAUSE
    assert after_last_word < HandsFree().pause_s - 0.2, "the long pause was waited for"
    assert word_error_rate(COMPLETE, final.text) < 0.15


@pytest.mark.model
@pytest.mark.parametrize("words", OPENINGS)
def test_a_pause_mid_sentence_does_not_cut_the_answer_off(stt: SpeechToText, say: SpeechMaker, speech_dir: Path,
                                                          words: str) -> None:
    # espeak's own trailing silence cut off, so that the pause is 0.7 s from the last sound: longer than the short
    # pause, shorter than the long one.
    opening, closing = load_audio(say(words)), load_audio(say(CLOSING))
    opening = opening[:int(_speech_end_s(opening) * 16000)]
    audio = np.concatenate([with_silence(opening, before_s=0.5, after_s=0.7), with_silence(closing, after_s=3.0)])
    path = save_wav(speech_dir / f"mid-sentence-pause-{OPENINGS.index(words)}.wav", audio)
    heard_s, utterance, final = _listen(stt, path)
    print(f"{final.text!r}: heard {heard_s:.2f} s")
    assert heard_s > 0.5 + opening.size / 16000 + 0.7 + closing.size / 16000, "the answer ended at the pause"
    # tiny.en mishears espeak's short fragments; what matters is that the words after the pause are in the answer.
    assert "counts the words" in final.text.lower(), final.text
    assert utterance.reason is EndReason.PAUSE


@pytest.mark.model
def test_speech_is_decoded_when_it_stops_and_that_decode_is_the_final(stt: SpeechToText, say: SpeechMaker) -> None:
    speech = load_audio(say(COMPLETE))
    speech = speech[:int(_speech_end_s(speech) * 16000)]
    streamer = StreamingTranscriber(stt, interval_s=30.0)  # no partials: only the stop of speech decodes
    blocks = with_silence(speech, after_s=0.45)  # past the 0.3 s that ends speech, short of the 0.5 s commit pause
    updates = [u for i in range(0, blocks.size, 512) if (u := streamer.push(blocks[i:i + 512])) is not None]
    assert streamer.decodes == 1 and word_error_rate(COMPLETE, updates[-1].text) < 0.15
    assert streamer.committed_s == 0.0, "decoded before the pause, not settled by it"
    final = streamer.finish()  # a key released now: the decode made when the speech stopped saw all of it
    assert streamer.decodes == 1 and final.text == updates[-1].text
