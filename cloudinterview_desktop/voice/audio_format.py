"""The one audio format the voice layer works in (16 kHz mono float32) and the conversion of arrays into it."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

SAMPLE_RATE = 16_000  # what Whisper and Silero VAD expect

Audio = npt.NDArray[np.float32]


def empty_audio() -> Audio:
    return np.zeros(0, dtype=np.float32)


def as_mono_float32(audio: npt.ArrayLike) -> Audio:
    """Float samples in [-1, 1], one channel: integer PCM is scaled, (frames, channels) arrays are averaged."""
    array = np.asarray(audio)
    if array.ndim == 2:
        # sounddevice and soundfile lay frames out as (frames, channels)
        array = array.mean(axis=1) if array.shape[1] > 1 else array[:, 0]
    elif array.ndim != 1:
        raise ValueError(f"audio must be 1-D or (frames, channels), not {array.ndim}-D")
    if np.issubdtype(array.dtype, np.integer):
        scale = float(np.iinfo(array.dtype).max) + 1.0
        return (array.astype(np.float32) / np.float32(scale)).astype(np.float32)
    return np.ascontiguousarray(array, dtype=np.float32)


def duration_s(audio: Audio, sample_rate: int = SAMPLE_RATE) -> float:
    return float(len(audio)) / float(sample_rate)
