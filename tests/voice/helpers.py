"""Test audio: espeak-ng speech, silence and white noise, as arrays and WAV files."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import numpy as np

from cloudinterview_desktop.voice.audio_files import load_audio, save_wav
from cloudinterview_desktop.voice.audio_format import SAMPLE_RATE, Audio

SpeechMaker = Callable[[str], Path]


def have_espeak() -> bool:
    return bool(shutil.which("espeak-ng") and shutil.which("sox"))


def espeak_wav(text: str, folder: Path) -> Path:
    """Text → a 16 kHz mono 16-bit WAV of espeak-ng speaking it (made once per text and folder)."""
    key = hashlib.sha1(text.encode()).hexdigest()[:12]
    raw, wav = folder / f"{key}-raw.wav", folder / f"{key}.wav"
    if not wav.exists():
        subprocess.run(["espeak-ng", "-w", str(raw), text], check=True, capture_output=True)
        subprocess.run(["sox", str(raw), "-D", "-r", str(SAMPLE_RATE), "-c", "1", "-b", "16", str(wav)], check=True,
                       capture_output=True)
    return wav


def with_silence(audio: Audio, before_s: float = 0.0, after_s: float = 0.0) -> Audio:
    return np.concatenate([np.zeros(int(before_s * SAMPLE_RATE), np.float32), audio,
                           np.zeros(int(after_s * SAMPLE_RATE), np.float32)])


def white_noise(seconds: float, rms: float = 0.05, seed: int = 0) -> Audio:
    """0.05 RMS is -26 dBFS: as loud as the test speech, like a fan or a busy room close to the microphone."""
    return (np.random.default_rng(seed).standard_normal(int(seconds * SAMPLE_RATE)) * rms).astype(np.float32)


def padded_speech(say: SpeechMaker, text: str, folder: Path, before_s: float = 0.0, after_s: float = 0.0) -> Path:
    """A WAV of the spoken text with silence before and after it."""
    key = hashlib.sha1(f"{text}|{before_s}|{after_s}".encode()).hexdigest()[:12]
    path = folder / f"padded-{key}.wav"
    if not path.exists():
        save_wav(path, with_silence(load_audio(say(text)), before_s, after_s))
    return path
