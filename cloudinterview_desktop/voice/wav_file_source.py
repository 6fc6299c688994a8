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
        self._end = 0  # reading stops here: the file's end, or what had been captured when stop() came
        self.started_at = 0.0  # time.monotonic() at start(): sample n is due at started_at + n / 16000
        self._running = False

    def start(self) -> None:
        self._audio = load_audio(self.path)
        self._position = 0
        self._end = self._audio.size
        self.started_at = time.monotonic()
        self._running = True

    def stop(self) -> None:
        """Like a microphone: what was captured up to now can still be read, then read() returns None."""
        if self._running:
            self._end = min(self._end, self._due()) if self.realtime else self._position
        self._running = False

    @property
    def position_s(self) -> float:
        """How much of the file has been handed out."""
        return self._position / SAMPLE_RATE

    @property
    def backlog_s(self) -> float:
        if not self.realtime:
            return 0.0  # as fast as possible: there is no clock to fall behind
        return max(0, min(self._end, self._due()) - self._position) / SAMPLE_RATE

    def _due(self) -> int:
        """Samples whose time has come since start()."""
        return int((time.monotonic() - self.started_at) * SAMPLE_RATE) if self._running else self._end

    def read(self, timeout: float) -> Audio | None:
        if self._position >= self._end:
            return None
        end = min(self._position + self.block, self._end)
        if self.realtime and self._running:
            wait = self.started_at + end / SAMPLE_RATE - time.monotonic()
            if wait > timeout:
                time.sleep(max(0.0, timeout))
                return empty_audio()
            if wait > 0:
                time.sleep(wait)
        block = self._audio[self._position:end]
        self._position = end
        return block
