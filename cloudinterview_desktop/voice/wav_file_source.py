"""A WAV (or any readable audio) file played as if it were a microphone: in real time, or as fast as it is read."""

from __future__ import annotations

import os
import time
from pathlib import Path

from cloudinterview_desktop.voice.audio_files import load_audio
from cloudinterview_desktop.voice.audio_format import SAMPLE_RATE, Audio, empty_audio


class WavFileSource:
    """An AudioSource over a file. In real time, block n is handed out no earlier than its own time after start(),
    and a reader that fell behind gets the blocks that came due meanwhile one after another, as from a real
    microphone's buffer. Not real time, every read() returns the next block at once."""

    sample_rate = SAMPLE_RATE

    def __init__(self, path: str | os.PathLike[str], realtime: bool = True, block_s: float = 0.032) -> None:
        self.path = Path(path)
        self.realtime = realtime
        self.block = max(1, round(block_s * SAMPLE_RATE))
        self._audio: Audio = empty_audio()
        self._position = 0
        self._started_at = 0.0
        self._running = False

    def start(self) -> None:
        self._audio = load_audio(self.path)
        self._position = 0
        self._started_at = time.monotonic()
        self._running = True

    def stop(self) -> None:
        self._running = False

    @property
    def position_s(self) -> float:
        """How much of the file has been handed out."""
        return self._position / SAMPLE_RATE

    def read(self, timeout: float) -> Audio | None:
        if not self._running or self._position >= self._audio.size:
            return None
        end = min(self._position + self.block, self._audio.size)
        if self.realtime:
            wait = self._started_at + end / SAMPLE_RATE - time.monotonic()
            if wait > timeout:
                time.sleep(max(0.0, timeout))
                return empty_audio()
            if wait > 0:
                time.sleep(wait)
        block = self._audio[self._position:end]
        self._position = end
        return block
