"""Builds the voice pieces for the GUI: speech recognition with the microphone, and the interviewer's voice.

Each part is optional: without a model or a sound device the app says why and typing works as usual."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from cloudinterview_desktop.domain.errors import CloudInterviewError
from cloudinterview_desktop.settings import Key, Settings
from cloudinterview_desktop.voice.audio_source import AudioSource
from cloudinterview_desktop.voice.sounddevice_io import SoundDeviceSink, SoundDeviceSource, list_devices
from cloudinterview_desktop.voice.speech_player import SpeechPlayer
from cloudinterview_desktop.voice.speech_to_text import SpeechToText
from cloudinterview_desktop.voice.text_to_speech import TextToSpeech

log = logging.getLogger(__name__)


@dataclass
class VoiceParts:
    stt: SpeechToText | None
    player: SpeechPlayer | None
    input_devices: list[str]
    unavailable: str  # why recording is off, "" when it is on


def build_voice(settings: Settings) -> VoiceParts:
    try:
        stt: SpeechToText | None = SpeechToText()
        assert stt is not None
        stt.validate()  # checks the model folder before anything loads it
    except CloudInterviewError as exc:
        log.warning("speech recognition unavailable: %s", exc)
        return VoiceParts(None, None, [], str(exc))
    try:
        devices = list_devices()
    except CloudInterviewError as exc:
        log.info("no audio devices: %s", exc)
        return VoiceParts(stt, None, [], "no microphone was found")
    inputs = [d.name for d in devices if d.max_input_channels > 0]
    if inputs:
        # Loaded here, on the loader's background task, not by the first recording: loading (with its lazy imports)
        # holds the interpreter lock for ~80 ms, which froze the window mid-answer, and the first decode waited on it.
        try:
            stt.warm_up()
        except CloudInterviewError as exc:  # the first recording says so; typing works as usual
            log.warning("speech model did not load: %s", exc)
    player = None
    if settings.get(Key.TTS_ENABLED) and any(d.max_output_channels > 0 for d in devices):
        player = SpeechPlayer(TextToSpeech(), SoundDeviceSink())
    return VoiceParts(stt, player, inputs, "" if inputs else "no microphone was found")


def microphone_factory(settings: Settings) -> AudioSource:
    choice = str(settings.get(Key.INPUT_DEVICE)) or None
    return SoundDeviceSource(choice)
