"""Text to speech: synthesis, the STT round trip, sentences, and the player's mute and barge-in (fake speaker)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import numpy as np
import pytest

from cloudinterview_desktop.voice.errors import SpeechModelError, SpeechSynthesisError
from cloudinterview_desktop.voice.resampling import resample
from cloudinterview_desktop.voice.sentences import SentenceAccumulator, speakable, split_sentences
from cloudinterview_desktop.voice.speech_player import PlaybackEvent, PlaybackKind, SpeechPlayer
from cloudinterview_desktop.voice.speech_to_text import SpeechToText
from cloudinterview_desktop.voice.text_to_speech import TextToSpeech
from cloudinterview_desktop.voice.word_error_rate import word_error_rate
from tests.voice.fakes import CollectingSink

INTERVIEWER = ("Thanks for joining me today. Let's start with a coding question. "
               "Can you walk me through how you would find duplicates in a list?")


def test_synthesis_gives_24_khz_speech(tts: TextToSpeech) -> None:
    audio, rate = tts.synthesize("Hello, and welcome to the interview.")
    assert rate == 24000 and audio.dtype == np.float32
    assert 1.0 < audio.size / rate < 5.0
    assert float(np.sqrt(np.mean(audio ** 2))) > 0.02 and np.abs(audio).max() <= 1.0
    assert tts.synthesize("   ")[0].size == 0


@pytest.mark.model
def test_speech_synthesized_and_transcribed_back_matches_the_text(tts: TextToSpeech, stt: SpeechToText) -> None:
    audio, rate = tts.synthesize(INTERVIEWER)
    heard = stt.transcribe_all(resample(audio, rate)).text
    wer = word_error_rate(INTERVIEWER, heard)
    print(f"round trip WER {wer:.1%}: {heard!r}")
    assert wer < 0.20


def test_the_voice_must_be_the_bundled_file(tmp_path: Path) -> None:
    with pytest.raises(SpeechModelError, match="voice model not found"):
        TextToSpeech(model_path=tmp_path / "nothing.onnx").synthesize("Hello.")
    broken = tmp_path / "broken.onnx"
    broken.write_bytes(b"not a model")
    with pytest.raises(SpeechModelError, match="could not be loaded"):
        TextToSpeech(model_path=broken).load()
    with pytest.raises(SpeechSynthesisError):
        TextToSpeech(speed=5.0)


def test_sentences_are_split_where_they_end() -> None:
    text = ("Good. Let's use e.g. a **hash map** here. Dr. Smith wrote 3.5 times faster code! Is it O(n)?\n"
            "Steps:\n1. Count the items.\n2. Return `top_k`.\n```python\nprint('not read aloud.')\n```\nDone.")
    assert split_sentences(text) == [
        "Good.", "Let's use e.g. a hash map here.", "Dr. Smith wrote 3.5 times faster code!", "Is it O(n)?",
        "Steps:", "Count the items.", "Return top k.", "Done."]


def test_streamed_tokens_give_the_same_sentences_as_the_whole_text() -> None:
    text = "First sentence here. Second one, with a clause! Third? ```\ncode. More code.\n``` And the end."
    for size in (1, 2, 3, 7):
        accumulator = SentenceAccumulator()
        out: list[str] = []
        for i in range(0, len(text), size):
            out += accumulator.feed(text[i:i + size])
        assert out + accumulator.flush() == split_sentences(text)


def test_a_sentence_is_released_as_soon_as_the_next_one_begins() -> None:
    accumulator = SentenceAccumulator()
    assert accumulator.feed("Tell me about your last project.") == []  # it could still be "project.js"
    assert accumulator.feed(" W") == ["Tell me about your last project."]
    assert accumulator.flush() == ["W"]


def test_long_runs_without_a_full_stop_are_cut_at_a_clause() -> None:
    text = ", ".join(["this clause goes on"] * 30)
    pieces = split_sentences(text, max_chars=100)
    assert len(pieces) > 5 and all(len(p) <= 100 for p in pieces)
    assert " ".join(pieces).replace(" ", "") == speakable(text).replace(" ", "")


def _feed_slowly(player: SpeechPlayer, text: str) -> None:
    for word in text.split(" "):
        player.feed(word + " ")
    player.finish()


def test_the_player_speaks_streamed_text_sentence_by_sentence(tts: TextToSpeech) -> None:
    sink = CollectingSink()
    events: list[PlaybackEvent] = []
    player = SpeechPlayer(tts, sink, on_event=events.append)
    _feed_slowly(player, INTERVIEWER)
    assert player.wait_until_idle(timeout=30)
    player.close()
    started = [e.sentence for e in events if e.kind is PlaybackKind.STARTED]
    assert started == split_sentences(INTERVIEWER)
    assert sink.rates == {24000}
    expected = sum(tts.synthesize(s)[0].size for s in started)
    assert sink.audio.size == pytest.approx(expected, rel=0.15)  # hibari adds random noise: lengths vary slightly


def test_stop_silences_at_once_and_drops_the_rest_of_the_message(tts: TextToSpeech) -> None:
    sink = CollectingSink(realtime=True)  # each write takes as long as its audio: a speaker
    events: list[PlaybackEvent] = []
    player = SpeechPlayer(tts, sink, chunk_s=0.05, on_event=events.append)
    player.feed("This is a long first sentence that keeps the speaker busy for a while. And a second one. ")
    deadline = time.monotonic() + 10
    while not sink.writes and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.3)
    player.stop()  # the person started talking
    stopped_at = time.monotonic()
    player.feed("Tokens still streaming from the model. ")
    player.finish()
    time.sleep(0.5)
    late = sink.written_after(stopped_at + 0.06)  # one 50 ms chunk may be mid-write when stop() comes
    assert late == [], "nothing reaches the speaker after stop()"
    assert sink.aborts and sink.aborts[0] >= stopped_at - 0.01
    assert any(e.kind is PlaybackKind.STOPPED for e in events)
    spoken = [e.sentence for e in events if e.kind is PlaybackKind.STARTED]
    assert spoken == ["This is a long first sentence that keeps the speaker busy for a while."]
    # The next message is spoken again.
    player.say("Next question.")
    assert player.wait_until_idle(timeout=20)
    assert [e.sentence for e in events if e.kind is PlaybackKind.STARTED][-1] == "Next question."
    player.close()


def test_muted_speech_is_skipped_and_unmuting_speaks_again(tts: TextToSpeech) -> None:
    sink = CollectingSink()
    events: list[PlaybackEvent] = []
    player = SpeechPlayer(tts, sink, muted=True, on_event=events.append)
    player.say("You will not hear this. Nor this.")
    assert player.wait_until_idle(timeout=20)
    assert sink.audio.size == 0
    assert [e.kind for e in events] == [PlaybackKind.SKIPPED, PlaybackKind.SKIPPED]
    player.set_muted(False)
    player.say("Now you hear me.")
    assert player.wait_until_idle(timeout=20)
    assert sink.audio.size > 0
    player.close()


def test_the_player_is_safe_to_drive_from_several_threads(tts: TextToSpeech) -> None:
    sink = CollectingSink()
    player = SpeechPlayer(tts, sink)
    feeders = [threading.Thread(target=player.say, args=(f"Message {n}.",)) for n in range(4)]
    stopper = threading.Thread(target=player.stop)
    for t in [*feeders, stopper]:
        t.start()
    for t in [*feeders, stopper]:
        t.join()
    assert player.wait_until_idle(timeout=30)
    player.close()
    assert not player.speaking
