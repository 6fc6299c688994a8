"""Injected fakes for the hardware these machines lack: a speaker that collects what it is given."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import numpy as np

from cloudinterview_desktop.voice.audio_format import Audio


class CollectingSink:
    """An AudioSink that keeps every block. With `realtime`, each write takes as long as its audio lasts, the way
    a speaker with a short buffer paces its writer."""

    def __init__(self, realtime: bool = False) -> None:
        self.realtime = realtime
        self.writes: list[tuple[float, Audio]] = []  # (time written, block)
        self.rates: set[int] = set()
        self.aborts: list[float] = []
        self._lock = threading.Lock()

    def write(self, block: Audio, sample_rate: int) -> None:
        if self.realtime:
            time.sleep(block.size / sample_rate)
        with self._lock:
            self.writes.append((time.monotonic(), block.copy()))
            self.rates.add(sample_rate)

    def abort(self) -> None:
        with self._lock:
            self.aborts.append(time.monotonic())

    def drain(self, timeout: float | None = None) -> bool:
        return True

    def close(self) -> None:
        pass

    @property
    def audio(self) -> Audio:
        with self._lock:
            blocks = [b for _t, b in self.writes]
        return np.concatenate(blocks) if blocks else np.zeros(0, np.float32)

    def written_after(self, moment: float) -> list[Audio]:
        with self._lock:
            return [b for t, b in self.writes if t > moment]


class _Default:
    def __init__(self, input_index: int, output_index: int) -> None:
        self.device = [input_index, output_index]


class _Status:
    input_overflow = False


class _FakeStream:
    """Calls the callback from its own thread with `blocksize` frames at a time, at the stream's real rate."""

    def __init__(self, owner: FakePortAudio, samplerate: float, channels: int, blocksize: int,
                 callback: Callable[..., None], is_input: bool) -> None:
        self.owner, self.rate, self.channels = owner, int(samplerate), channels
        self.blocksize = blocksize or 512
        self.callback = callback
        self.is_input = is_input
        self.active = False
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self.active = True
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        frame = 0
        started = time.monotonic()
        while self.active:
            if self.is_input:
                t = (frame + np.arange(self.blocksize)) / self.rate
                tone = (self.owner.amplitude * np.sin(2 * np.pi * self.owner.frequency * t)).astype(np.float32)
                self.callback(np.repeat(tone[:, None], self.channels, axis=1), self.blocksize, None,
                              _Status())
            else:
                out = np.zeros((self.blocksize, self.channels), np.float32)
                self.callback(out, self.blocksize, None, _Status())
                with self.owner.lock:
                    self.owner.played.append(out[:, 0].copy())
            frame += self.blocksize
            time.sleep(max(0.0, started + frame / self.rate - time.monotonic()))

    def stop(self) -> None:
        self.active = False
        if self._thread is not None:
            self._thread.join()

    def close(self) -> None:
        self.active = False


class FakePortAudio:
    """The part of the sounddevice API the app uses, with two devices these machines lack: a built-in microphone
    that only captures 48 kHz stereo (so the app must resample and downmix), and a headset that does 16 kHz mono
    and has a speaker. Its microphones hear a steady tone."""

    class PortAudioError(Exception):
        pass

    def __init__(self, frequency: float = 440.0, amplitude: float = 0.5) -> None:
        self.frequency, self.amplitude = frequency, amplitude
        self.devices = [
            {"index": 0, "name": "Built-in Microphone", "max_input_channels": 2, "max_output_channels": 0,
             "default_samplerate": 48000.0},
            {"index": 1, "name": "USB Headset", "max_input_channels": 1, "max_output_channels": 2,
             "default_samplerate": 16000.0},
        ]
        self.default = _Default(0, 1)
        self.opened: list[tuple[int, int, int]] = []  # (device, rate, channels) of each input stream
        self.played: list[Audio] = []
        self.lock = threading.Lock()

    def query_devices(self) -> list[dict[str, object]]:
        return self.devices

    def check_input_settings(self, device: int, samplerate: float, channels: int, dtype: str) -> None:
        if device == 0 and (int(samplerate) != 48000 or channels != 2):
            raise self.PortAudioError("Invalid sample rate / channel count")

    def InputStream(self, device: int, samplerate: float, channels: int, dtype: str, blocksize: int,
                    callback: Callable[..., None]) -> _FakeStream:
        self.opened.append((device, int(samplerate), channels))
        return _FakeStream(self, samplerate, channels, blocksize, callback, is_input=True)

    def OutputStream(self, device: int, samplerate: float, channels: int, dtype: str,
                     callback: Callable[..., None]) -> _FakeStream:
        return _FakeStream(self, samplerate, channels, 480, callback, is_input=False)

    @property
    def played_audio(self) -> Audio:
        with self.lock:
            return np.concatenate(self.played) if self.played else np.zeros(0, np.float32)
