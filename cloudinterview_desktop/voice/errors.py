"""Typed failures of the voice layer: no audio device, unreadable audio, a missing or broken model."""

from __future__ import annotations

from cloudinterview_desktop.domain.errors import CloudInterviewError


class VoiceError(CloudInterviewError):
    """Base of every voice failure; its message is shown to the user as is."""


class AudioDeviceError(VoiceError):
    """No usable microphone or speaker: the audio library, PortAudio or the device itself is missing."""


class AudioFileError(VoiceError):
    """An audio file that cannot be read: missing, empty, corrupt or in a format the decoder does not know."""


class SpeechModelError(VoiceError):
    """The speech-to-text or text-to-speech model is missing, incomplete or fails to load."""


class SpeechSynthesisError(VoiceError):
    """Text that could not be turned into speech."""
