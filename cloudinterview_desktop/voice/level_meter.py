"""Loudness of an audio block in dBFS (RMS and peak), for the microphone level meter."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from cloudinterview_desktop.voice.audio_format import Audio

SILENCE_DBFS = -100.0  # what digital silence reads as, instead of -inf


@dataclass(frozen=True)
class Level:
    rms_dbfs: float
    peak_dbfs: float

    def meter_fraction(self, floor_dbfs: float = -60.0) -> float:
        """0..1 for a level bar: `floor_dbfs` and below is empty, 0 dBFS is full."""
        return min(1.0, max(0.0, 1.0 - self.rms_dbfs / floor_dbfs))


def to_dbfs(amplitude: float) -> float:
    return SILENCE_DBFS if amplitude <= 10 ** (SILENCE_DBFS / 20) else max(SILENCE_DBFS, 20.0 * math.log10(amplitude))


def measure_level(block: Audio) -> Level:
    """RMS and peak of a block of float samples in [-1, 1] (a full-scale sine reads -3 dBFS RMS, 0 dBFS peak)."""
    if block.size == 0:
        return Level(SILENCE_DBFS, SILENCE_DBFS)
    samples = block.astype(np.float64, copy=False)
    rms = float(np.sqrt(np.mean(samples * samples)))
    peak = float(np.max(np.abs(samples)))
    return Level(to_dbfs(rms), to_dbfs(peak))
