"""What a speaker looks like to the voice layer: blocks written at a sample rate, and an abort that silences at once."""

from __future__ import annotations

from typing import Protocol

from cloudinterview_desktop.voice.audio_format import Audio


class AudioSink(Protocol):
    """Implementations: SoundDeviceSink (a real device); tests inject a collecting fake."""

    def write(self, block: Audio, sample_rate: int) -> None:
        """Queue a block for playback. May block to keep only a short stretch of audio queued ahead."""
        ...

    def abort(self) -> None:
        """Drop everything queued and go silent now (barge-in). Safe to call from any thread."""
        ...

    def drain(self, timeout: float | None = None) -> bool:
        """Wait until all queued audio has played; False if `timeout` passed first."""
        ...

    def close(self) -> None:
        ...
