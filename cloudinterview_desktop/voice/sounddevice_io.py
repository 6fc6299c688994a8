"""Microphone and speaker through sounddevice (PortAudio); a missing library or device is an AudioDeviceError."""

from __future__ import annotations

import logging
import queue
import threading
from collections import deque
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import numpy as np

from cloudinterview_desktop.voice.audio_format import SAMPLE_RATE, Audio, as_mono_float32, empty_audio
from cloudinterview_desktop.voice.errors import AudioDeviceError
from cloudinterview_desktop.voice.resampling import StreamResampler

log = logging.getLogger(__name__)

DeviceChoice = str | int | None  # a name (or part of one), an index, or None for the system default


@dataclass(frozen=True)
class AudioDevice:
    index: int
    name: str
    max_input_channels: int
    max_output_channels: int
    default_samplerate: float


def load_sounddevice() -> ModuleType:
    """The sounddevice module, or AudioDeviceError when it or the PortAudio library cannot be loaded."""
    try:
        import sounddevice
    except ImportError as exc:
        raise AudioDeviceError("audio is unavailable: the sounddevice package is not installed") from exc
    except OSError as exc:  # sounddevice raises OSError when libportaudio cannot be found
        raise AudioDeviceError("audio is unavailable: the PortAudio library is missing "
                               "(on Debian/Ubuntu: apt-get install libportaudio2)") from exc
    module: ModuleType = sounddevice
    return module


def list_devices(backend: Any = None) -> list[AudioDevice]:
    """`backend` (here and below): the sounddevice module by default, or an object with the same API (tests inject
    a fake PortAudio with devices these machines lack)."""
    sd = backend or load_sounddevice()
    try:
        raw = sd.query_devices()
    except Exception as exc:  # PortAudio has its own error type, and hosts without a sound system fail oddly
        raise AudioDeviceError(f"audio devices cannot be listed: {exc}") from exc
    return [AudioDevice(index=int(d["index"]), name=str(d["name"]),
                        max_input_channels=int(d["max_input_channels"]),
                        max_output_channels=int(d["max_output_channels"]),
                        default_samplerate=float(d["default_samplerate"])) for d in raw]


def _pick(devices: list[AudioDevice], choice: DeviceChoice, kind: str, sd: Any) -> AudioDevice:
    usable = [d for d in devices if (d.max_input_channels if kind == "input" else d.max_output_channels) > 0]
    noun = "microphone" if kind == "input" else "speaker"
    if not usable:
        raise AudioDeviceError(f"no {noun} found on this computer" +
                               (": typed answers still work" if kind == "input" else ""))
    if choice is None or choice == "":
        default = _default_index(kind, sd)
        return next((d for d in usable if d.index == default), usable[0])
    if isinstance(choice, int) or (isinstance(choice, str) and choice.strip().isdigit()):
        index = int(choice)
        match = next((d for d in usable if d.index == index), None)
        if match is None:
            raise AudioDeviceError(f"no {noun} with index {index}")
        return match
    wanted = choice.strip().lower()
    exact = [d for d in usable if d.name.lower() == wanted]
    partial = [d for d in usable if wanted in d.name.lower()]
    found = exact or partial
    if not found:
        names = ", ".join(repr(d.name) for d in usable)
        raise AudioDeviceError(f"no {noun} named {choice!r}; available: {names}")
    return found[0]


def _default_index(kind: str, sd: Any) -> int:
    try:
        default = sd.default.device[0 if kind == "input" else 1]
        return int(default) if default is not None else -1
    except Exception:  # no default device configured: the first usable one is taken
        return -1


def find_input_device(choice: DeviceChoice = None, backend: Any = None) -> AudioDevice:
    sd = backend or load_sounddevice()
    return _pick(list_devices(sd), choice, "input", sd)


def find_output_device(choice: DeviceChoice = None, backend: Any = None) -> AudioDevice:
    sd = backend or load_sounddevice()
    return _pick(list_devices(sd), choice, "output", sd)


class SoundDeviceSource:
    """A real microphone. Captures in PortAudio's callback thread into a queue; read() hands out 16 kHz mono blocks,
    resampling there (not in the callback) when the device cannot capture at 16 kHz itself."""

    sample_rate = SAMPLE_RATE

    def __init__(self, device: DeviceChoice = None, block_s: float = 0.032, backend: Any = None) -> None:
        self.device_choice = device
        self.block_s = block_s
        self._backend = backend
        self.device: AudioDevice | None = None
        self._stream: Any = None
        self._queue: queue.Queue[Audio | None] = queue.Queue()
        self._resampler: StreamResampler | None = None
        self._ended = False
        self._overflows = 0
        self._rate = SAMPLE_RATE

    def start(self) -> None:
        sd = self._backend or load_sounddevice()
        device = find_input_device(self.device_choice, sd)
        rate, channels = self._capture_format(sd, device)
        self._rate = rate
        self._resampler = StreamResampler(rate, SAMPLE_RATE)
        self._queue = queue.Queue()
        self._ended = False

        def on_audio(indata: Any, frames: int, time: Any, status: Any) -> None:
            if status and status.input_overflow:
                self._overflows += 1
            self._queue.put(as_mono_float32(indata.copy()))

        try:
            self._stream = sd.InputStream(device=device.index, samplerate=rate, channels=channels, dtype="float32",
                                          blocksize=max(1, int(rate * self.block_s)), callback=on_audio)
            self._stream.start()
        except Exception as exc:
            self._stream = None
            raise AudioDeviceError(f"the microphone {device.name!r} could not be opened: {exc}") from exc
        self.device = device
        log.info("capturing from %r at %d Hz, %d channel(s)", device.name, rate, channels)

    @staticmethod
    def _capture_format(sd: Any, device: AudioDevice) -> tuple[int, int]:
        """16 kHz mono when the device allows it; otherwise its own rate (resampled) and channel count (averaged)."""
        for rate, channels in ((SAMPLE_RATE, 1), (int(device.default_samplerate), 1),
                               (int(device.default_samplerate), min(2, device.max_input_channels))):
            try:
                sd.check_input_settings(device=device.index, samplerate=rate, channels=channels, dtype="float32")
                return rate, channels
            except Exception:  # PortAudio rejects the format: try the next one
                continue
        raise AudioDeviceError(f"the microphone {device.name!r} accepts none of the formats tried "
                               f"(16 kHz or {int(device.default_samplerate)} Hz, mono or stereo)")

    def stop(self) -> None:
        stream, self._stream = self._stream, None
        if stream is not None:
            try:
                stream.stop()
                stream.close()
            except Exception as exc:  # a device unplugged mid-answer: what was captured is still read out
                log.warning("closing the microphone failed: %s", exc)
            if self._overflows:
                log.warning("the microphone overflowed %d time(s): audio was lost", self._overflows)
        self._queue.put(None)

    @property
    def backlog_s(self) -> float:
        # Blocks are all the same size, so the queue length says how far behind the reader is.
        return self._queue.qsize() * max(1, int(self._rate * self.block_s)) / self._rate

    def read(self, timeout: float) -> Audio | None:
        if self._ended:
            return None
        try:
            block = self._queue.get(timeout=timeout)
        except queue.Empty:
            return empty_audio()
        if block is None:
            self._ended = True
            tail = self._resampler.flush() if self._resampler else empty_audio()
            return tail if tail.size else None
        return self._resampler.process(block) if self._resampler else block


class SoundDeviceSink:
    """A real speaker. A PortAudio callback pulls from a small in-memory queue, so abort() only has to empty that
    queue under a lock: the speaker goes quiet within one device block, from any thread."""

    def __init__(self, device: DeviceChoice = None, max_ahead_s: float = 0.5, backend: Any = None) -> None:
        self.device_choice = device
        self.max_ahead_s = max_ahead_s
        self._backend = backend
        self._stream: Any = None
        self._rate = 0
        self._blocks: deque[Audio] = deque()
        self._queued = 0
        self._aborts = 0  # a write that waited through an abort() drops its block
        self._lock = threading.Condition()

    def _open(self, sample_rate: int) -> None:
        sd = self._backend or load_sounddevice()
        device = find_output_device(self.device_choice, sd)
        self.close()

        def on_output(outdata: Any, frames: int, time: Any, status: Any) -> None:
            out = np.zeros(frames, dtype=np.float32)
            filled = 0
            with self._lock:
                while filled < frames and self._blocks:
                    block = self._blocks[0]
                    take = min(frames - filled, block.size)
                    out[filled:filled + take] = block[:take]
                    filled += take
                    if take == block.size:
                        self._blocks.popleft()
                    else:
                        self._blocks[0] = block[take:]
                self._queued -= filled
                self._lock.notify_all()
            outdata[:, 0] = out

        try:
            self._stream = sd.OutputStream(device=device.index, samplerate=sample_rate, channels=1, dtype="float32",
                                           callback=on_output)
            self._stream.start()
        except Exception as exc:
            self._stream = None
            raise AudioDeviceError(f"the speaker {device.name!r} could not be opened: {exc}") from exc
        self._rate = sample_rate

    def write(self, block: Audio, sample_rate: int) -> None:
        if self._stream is None or sample_rate != self._rate:
            self._open(sample_rate)
        limit = int(self.max_ahead_s * sample_rate)
        with self._lock:
            aborts = self._aborts
            # Pace the writer so at most max_ahead_s sits queued: that is all abort() has to throw away.
            while self._queued > limit and self._aborts == aborts:
                if self._stream is None or not self._stream.active:
                    raise AudioDeviceError("the speaker stopped playing (device lost?)")
                self._lock.wait(timeout=0.05)
            if self._aborts != aborts:
                return
            self._blocks.append(as_mono_float32(block).copy())
            self._queued += block.size

    def abort(self) -> None:
        with self._lock:
            self._blocks.clear()
            self._queued = 0
            self._aborts += 1
            self._lock.notify_all()

    def drain(self, timeout: float | None = None) -> bool:
        with self._lock:
            return self._lock.wait_for(lambda: self._queued <= 0, timeout=timeout)

    def close(self) -> None:
        self.abort()
        stream, self._stream = self._stream, None
        if stream is not None:
            try:
                stream.stop()
                stream.close()
            except Exception as exc:  # closing a vanished device must not break the caller
                log.warning("closing the speaker failed: %s", exc)
