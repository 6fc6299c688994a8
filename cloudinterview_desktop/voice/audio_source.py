"""What a microphone looks like to the voice layer: start, stop, and 16 kHz mono float32 blocks read with a timeout."""

from __future__ import annotations

from typing import Protocol

from cloudinterview_desktop.voice.audio_format import Audio


class AudioSource(Protocol):
    """A live or simulated microphone. Implementations: SoundDeviceSource (a real device), WavFileSource (tests)."""

    @property
    def sample_rate(self) -> int:
        """Always 16000: sources resample before handing blocks out."""
        ...

    def start(self) -> None:
        """Begin capturing; AudioDeviceError/AudioFileError when that is impossible."""
        ...

    def stop(self) -> None:
        """Stop capturing; blocks already captured can still be read, then read() returns None."""
        ...

    @property
    def backlog_s(self) -> float:
        """Captured audio waiting to be read: a reader that fell behind skips optional work until it is near 0."""
        ...

    def read(self, timeout: float) -> Audio | None:
        """The next block; an empty block when none arrived within `timeout` seconds; None once the source ended."""
        ...
