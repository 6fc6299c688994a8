"""Capture without a sound card: a WAV file as microphone, VAD, push-to-talk, levels, typed device errors."""

from __future__ import annotations

import importlib.abc
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from cloudinterview_desktop.domain.errors import Cancelled
from cloudinterview_desktop.paths import resolve_paths
from cloudinterview_desktop.voice.audio_files import load_audio, save_wav
from cloudinterview_desktop.voice.errors import AudioDeviceError, VoiceError
from cloudinterview_desktop.voice.level_meter import SILENCE_DBFS, measure_level
from cloudinterview_desktop.voice.recorder import (
    AudioChunk,
    EndReason,
    HandsFree,
    PushToTalk,
    Utterance,
    record_answer,
)
from cloudinterview_desktop.voice.recordings import recording_path, save_recording
from cloudinterview_desktop.voice.resampling import StreamResampler, resample
from cloudinterview_desktop.voice.sounddevice_io import SoundDeviceSink, SoundDeviceSource, list_devices
from cloudinterview_desktop.voice.voice_activity import SileroSpeechDetector, speech_flags
from cloudinterview_desktop.voice.wav_file_source import WavFileSource
from tests.voice.fakes import FakePortAudio
from tests.voice.helpers import SpeechMaker, padded_speech, white_noise

ANSWER = "I would use a queue and process the nodes level by level."


def _run(source: WavFileSource, mode: HandsFree | PushToTalk,
         cancel: threading.Event | None = None) -> tuple[list[AudioChunk], Utterance]:
    chunks: list[AudioChunk] = []
    utterance: Utterance | None = None
    for event in record_answer(source, mode, cancel):
        if isinstance(event, AudioChunk):
            chunks.append(event)
        else:
            utterance = event
    assert utterance is not None
    return chunks, utterance


def test_hands_free_recording_ends_after_the_pause_that_follows_speech(say: SpeechMaker, speech_dir: Path) -> None:
    speech_s = load_audio(say(ANSWER)).size / 16000
    path = padded_speech(say, ANSWER, speech_dir, before_s=1.0, after_s=4.0)
    source = WavFileSource(path, realtime=False)
    chunks, utterance = _run(source, HandsFree(pause_s=1.0, keep_s=0.3))

    assert utterance.reason is EndReason.PAUSE
    # It stopped about one pause after the last word, well before the file's 4 s of trailing silence ran out.
    assert source.position_s == pytest.approx(1.0 + speech_s + 1.0, abs=0.35)
    assert source.position_s < 1.0 + speech_s + 4.0 - 1.5
    # The utterance keeps the speech and 0.3 s either side, not the wait before it or the whole pause.
    assert utterance.duration_s == pytest.approx(speech_s + 0.6, abs=0.35)
    assert utterance.speech_start_s == pytest.approx(0.3, abs=0.2)
    assert utterance.offset_s == pytest.approx(0.7, abs=0.2)
    assert any(c.speech for c in chunks) and not chunks[0].speech
    assert chunks[0].level.rms_dbfs == SILENCE_DBFS


def test_hands_free_does_not_take_loud_noise_for_speech(tmp_path: Path) -> None:
    noise = save_wav(tmp_path / "fan.wav", white_noise(4.0, rms=0.05))
    _chunks, utterance = _run(WavFileSource(noise, realtime=False), HandsFree(wait_for_speech_s=3.0))
    assert utterance.reason is EndReason.NO_SPEECH
    assert not utterance.has_speech and utterance.audio.size == 0


def test_a_click_alone_does_not_start_an_answer(tmp_path: Path, say: SpeechMaker) -> None:
    audio = np.zeros(16000 * 3, np.float32)
    audio[16000:16000 + 80] = 0.9  # a 5 ms click
    _chunks, utterance = _run(WavFileSource(save_wav(tmp_path / "click.wav", audio), realtime=False),
                              HandsFree(pause_s=1.0, wait_for_speech_s=60.0))
    assert utterance.reason is EndReason.SOURCE_ENDED and not utterance.has_speech


def test_push_to_talk_records_until_released(say: SpeechMaker, speech_dir: Path) -> None:
    path = padded_speech(say, ANSWER, speech_dir, after_s=2.0)
    released = threading.Event()
    timer = threading.Timer(1.0, released.set)
    timer.start()
    started = time.monotonic()
    _chunks, utterance = _run(WavFileSource(path, realtime=True), PushToTalk(released))
    timer.join()
    assert utterance.reason is EndReason.RELEASED
    assert time.monotonic() - started == pytest.approx(1.0, abs=0.3)
    assert utterance.duration_s == pytest.approx(1.0, abs=0.3)
    assert utterance.has_speech


def test_the_wav_source_plays_in_real_time_or_as_fast_as_possible(tmp_path: Path) -> None:
    path = save_wav(tmp_path / "one-second.wav", white_noise(1.0, rms=0.01))
    for realtime, low, high in ((True, 0.9, 1.4), (False, 0.0, 0.3)):
        source = WavFileSource(path, realtime=realtime)
        source.start()
        started, total = time.monotonic(), 0
        while (block := source.read(timeout=0.05)) is not None:
            total += block.size
        assert total == 16000
        assert low <= time.monotonic() - started <= high


def test_a_cancelled_recording_stops_its_source(say: SpeechMaker) -> None:
    cancel = threading.Event()
    source = WavFileSource(say(ANSWER), realtime=False)
    events = record_answer(source, HandsFree(), cancel)
    next(events)
    cancel.set()
    with pytest.raises(Cancelled):
        list(events)
    assert source.read(0.01) is None


def test_recordings_are_saved_under_the_session_folder(app_home: Path) -> None:
    recordings = resolve_paths().recordings_dir
    audio = np.sin(np.linspace(0, 200, 16000)).astype(np.float32) * 0.5
    path = save_recording(recordings, "s-42", audio, "q1-answer")
    assert path == recordings / "s-42" / "q1-answer.wav" == recording_path(recordings, "s-42", "q1-answer")
    assert path.is_relative_to(app_home)
    assert np.allclose(load_audio(path), audio, atol=1e-3)
    assert save_recording(recordings, 7, audio).parent == recordings / "7"
    for bad in ("../escape", "a/b", ""):
        with pytest.raises(VoiceError):
            save_recording(recordings, bad, audio)


def test_levels_are_reported_in_dbfs() -> None:
    sine = np.sin(2 * np.pi * 440 * np.arange(16000) / 16000).astype(np.float32)
    level = measure_level(sine)
    assert level.rms_dbfs == pytest.approx(-3.01, abs=0.05)
    assert level.peak_dbfs == pytest.approx(0.0, abs=0.01)
    assert measure_level(sine * 0.1).rms_dbfs == pytest.approx(-23.01, abs=0.05)
    quiet = measure_level(np.zeros(512, np.float32))
    assert (quiet.rms_dbfs, quiet.meter_fraction()) == (SILENCE_DBFS, 0.0)
    assert level.meter_fraction() == pytest.approx(0.95, abs=0.01)


def test_resampling_block_by_block_matches_the_whole_buffer() -> None:
    t = np.arange(48000) / 48000
    tone = (0.5 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
    whole = resample(tone, 48000)
    stream = StreamResampler(48000)
    pieces = [stream.process(tone[i:i + 441]) for i in range(0, tone.size, 441)] + [stream.flush()]
    blockwise = np.concatenate(pieces)
    assert whole.size == blockwise.size == 16000
    assert np.allclose(whole, blockwise, atol=1e-5)
    expected = 0.5 * np.sin(2 * np.pi * 440 * np.arange(16000) / 16000)
    assert np.abs(whole[100:-100] - expected[100:-100]).max() < 1e-3
    # 10 kHz cannot exist at 16 kHz: it is filtered out, not folded down to 6 kHz.
    high = (0.5 * np.sin(2 * np.pi * 10000 * t)).astype(np.float32)
    assert measure_level(resample(high, 48000)[100:-100]).rms_dbfs < -40


def test_streamed_vad_equals_faster_whispers_own_batch_vad(say: SpeechMaker) -> None:
    from faster_whisper.vad import get_vad_model

    audio = load_audio(say(ANSWER))
    usable = audio[:audio.size // 512 * 512]
    expected = np.asarray(get_vad_model()(usable)).reshape(-1)
    detector = SileroSpeechDetector()
    probs: list[float] = []
    for start in range(0, audio.size, 1000):  # blocks that do not line up with the 512-sample windows
        probs += detector.push(audio[start:start + 1000])
    assert np.allclose(probs, expected, atol=1e-5)
    assert speech_flags(audio).mean() > 0.6
    assert not speech_flags(white_noise(3.0, rms=0.1)).any()


def _has(kind: str) -> bool:
    try:
        return any((d.max_input_channels if kind == "input" else d.max_output_channels) > 0 for d in list_devices())
    except AudioDeviceError:
        return False


def test_without_a_microphone_capture_fails_with_a_clear_message() -> None:
    if _has("input"):
        pytest.skip("this machine has a microphone")
    source = SoundDeviceSource()
    with pytest.raises(AudioDeviceError, match=r"no microphone|audio is unavailable|cannot be listed"):
        source.start()
    source.stop()  # stopping a source that never started is harmless
    assert source.read(0.01) is None


def test_without_a_speaker_playback_fails_with_a_clear_message() -> None:
    if _has("output"):
        pytest.skip("this machine has a speaker")
    with pytest.raises(AudioDeviceError, match=r"no speaker|audio is unavailable|cannot be listed"):
        SoundDeviceSink().write(np.zeros(100, np.float32), 24000)


def test_a_missing_sounddevice_package_is_a_typed_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "sounddevice", None)  # what Python does for a package that is not installed
    with pytest.raises(AudioDeviceError, match="sounddevice package is not installed"):
        SoundDeviceSource().start()


class _NoPortAudio(importlib.abc.MetaPathFinder):
    """Imports sounddevice the way it fails on Linux without libportaudio2: with an OSError."""

    def find_spec(self, name: str, path: object, target: object = None) -> None:
        if name == "sounddevice":
            raise OSError("PortAudio library not found")
        return None


def test_missing_portaudio_is_a_typed_error_with_the_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, "sounddevice", raising=False)
    monkeypatch.setattr(sys, "meta_path", [_NoPortAudio(), *sys.meta_path])
    with pytest.raises(AudioDeviceError, match="libportaudio2"):
        list_devices()


def _capture(source: SoundDeviceSource, seconds: float) -> np.ndarray:
    source.start()
    blocks: list[np.ndarray] = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        block = source.read(timeout=0.1)
        if block is not None and block.size:
            blocks.append(block)
    source.stop()
    while (block := source.read(timeout=0.1)) is not None:
        blocks.append(block)
    return np.concatenate(blocks)


def _dominant_hz(audio: np.ndarray) -> float:
    spectrum = np.abs(np.fft.rfft(audio * np.hanning(audio.size)))
    return float(np.argmax(spectrum) * 16000 / audio.size)


def test_a_microphone_without_16_khz_is_resampled_and_downmixed() -> None:
    backend = FakePortAudio(frequency=440.0, amplitude=0.5)
    source = SoundDeviceSource(device="built-in", backend=backend)  # a name, matched case-insensitively
    audio = _capture(source, 0.6)
    assert backend.opened == [(0, 48000, 2)]
    assert source.device is not None and source.device.name == "Built-in Microphone"
    assert audio.dtype == np.float32 and audio.ndim == 1
    assert audio.size == pytest.approx(0.6 * 16000, rel=0.25)
    assert _dominant_hz(audio[800:]) == pytest.approx(440.0, abs=20)
    assert measure_level(audio[800:]).peak_dbfs == pytest.approx(-6.0, abs=0.5)


def test_a_microphone_chosen_by_index_that_does_16_khz_is_used_as_is() -> None:
    backend = FakePortAudio()
    audio = _capture(SoundDeviceSource(device=1, backend=backend), 0.3)
    assert backend.opened == [(1, 16000, 1)] and audio.size > 0
    with pytest.raises(AudioDeviceError, match="no microphone named 'studio'; available: 'Built-in Microphone'"):
        SoundDeviceSource(device="studio", backend=backend).start()
    with pytest.raises(AudioDeviceError, match="no microphone with index 7"):
        SoundDeviceSource(device="7", backend=backend).start()


def test_the_speaker_plays_what_is_written_and_abort_silences_it() -> None:
    backend = FakePortAudio()
    sink = SoundDeviceSink(backend=backend, max_ahead_s=0.2)
    tone = (0.5 * np.sin(2 * np.pi * 300 * np.arange(12000) / 24000)).astype(np.float32)
    sink.write(tone, 24000)
    assert sink.drain(timeout=3)
    played = backend.played_audio
    assert np.count_nonzero(played) == pytest.approx(tone.size, abs=5)
    long_tone = np.tile(tone, 10)  # 5 s
    stopped = threading.Event()

    def play() -> None:  # what the speech player does: write small blocks until told to stop
        for i in range(0, long_tone.size, 1200):
            if stopped.is_set():
                return
            sink.write(long_tone[i:i + 1200], 24000)

    writer = threading.Thread(target=play)
    writer.start()
    time.sleep(0.3)
    stopped.set()
    sink.abort()
    aborted_at = backend.played_audio.size
    writer.join(timeout=2)
    time.sleep(0.3)
    sink.close()
    assert np.count_nonzero(backend.played_audio[:aborted_at]) > 0
    after = backend.played_audio[aborted_at + 480:]  # the device block being played when abort() came
    assert after.size > 0
    assert np.count_nonzero(after) <= 1200, "at most a block the writer was handing over as abort() came"
