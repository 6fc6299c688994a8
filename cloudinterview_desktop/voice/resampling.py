"""Sample-rate conversion with libswresample through PyAV, stateful across the blocks of a stream."""

from __future__ import annotations

import av
import numpy as np

from cloudinterview_desktop.voice.audio_format import SAMPLE_RATE, Audio, empty_audio


# PyAV is already a faster-whisper dependency. libswresample keeps its filter state between blocks, so a microphone
# stream resampled block by block has no clicks at block edges, and it filters out what would alias (np.interp does
# neither).
class StreamResampler:
    """Converts a mono float32 stream from `source_rate` to `target_rate`, one block at a time."""

    def __init__(self, source_rate: int, target_rate: int = SAMPLE_RATE) -> None:
        if source_rate <= 0 or target_rate <= 0:
            raise ValueError("sample rates must be positive")
        self.source_rate = source_rate
        self.target_rate = target_rate
        self._resampler = (av.AudioResampler(format="flt", layout="mono", rate=target_rate)
                           if source_rate != target_rate else None)

    def process(self, block: Audio) -> Audio:
        if self._resampler is None:
            return block
        if block.size == 0:
            return empty_audio()
        frame = av.AudioFrame.from_ndarray(np.ascontiguousarray(block, dtype=np.float32).reshape(1, -1),
                                           format="flt", layout="mono")
        frame.sample_rate = self.source_rate
        return self._collect(self._resampler.resample(frame))

    def flush(self) -> Audio:
        """What the filter still holds at the end of the stream."""
        if self._resampler is None:
            return empty_audio()
        return self._collect(self._resampler.resample(None))

    @staticmethod
    def _collect(frames: list[av.AudioFrame]) -> Audio:
        if not frames:
            return empty_audio()
        return np.concatenate([f.to_ndarray().reshape(-1) for f in frames]).astype(np.float32, copy=False)


def resample(audio: Audio, source_rate: int, target_rate: int = SAMPLE_RATE) -> Audio:
    """A whole buffer at once (e.g. hibari's 24 kHz speech to Whisper's 16 kHz)."""
    if source_rate == target_rate:
        return audio
    resampler = StreamResampler(source_rate, target_rate)
    return np.concatenate([resampler.process(audio), resampler.flush()]).astype(np.float32, copy=False)
