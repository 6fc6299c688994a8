"""Reading any audio file into 16 kHz mono float32 with a typed error for each way it can fail; writing WAV."""

from __future__ import annotations

import logging
import os
import tempfile
import wave
from pathlib import Path

import av
import numpy as np
from faster_whisper.audio import decode_audio

from cloudinterview_desktop.voice.audio_format import SAMPLE_RATE, Audio, as_mono_float32
from cloudinterview_desktop.voice.errors import AudioFileError

log = logging.getLogger(__name__)

READABLE_FORMATS = "WAV, FLAC, MP3, OGG/Vorbis/Opus, M4A/AAC, WebM"


def load_audio(path: str | os.PathLike[str]) -> Audio:
    """The file's first audio stream as 16 kHz mono float32; AudioFileError if it is missing, empty, corrupt,
    not audio, or holds no samples."""
    file = Path(path)
    if not file.exists():
        raise AudioFileError(f"audio file not found: {file}")
    if file.is_dir():
        raise AudioFileError(f"{file} is a folder, not an audio file")
    size = file.stat().st_size
    if size == 0:
        raise AudioFileError(f"audio file is empty (0 bytes): {file}")
    with file.open("rb") as handle:
        head = handle.read(12)
    looks_like_wav = head[:4] == b"RIFF" and head[8:12] == b"WAVE"
    try:
        # Opening first tells "not audio at all" (an image, a text file) apart from audio that fails to decode.
        with av.open(str(file), mode="r", metadata_errors="ignore") as container:
            if not container.streams.audio:
                raise AudioFileError(f"{file} holds no audio stream (supported: {READABLE_FORMATS})")
        samples = decode_audio(str(file), sampling_rate=SAMPLE_RATE)
    except AudioFileError:
        raise
    except (av.error.FFmpegError, ValueError, IndexError, OSError, EOFError) as exc:
        log.info("cannot decode %s: %s", file, exc)
        if looks_like_wav:
            raise AudioFileError(f"{file} is a corrupt WAV file (its header or data cannot be decoded)") from exc
        raise AudioFileError(f"{file} is not an audio file this app can read (unsupported format or corrupt data; "
                             f"supported: {READABLE_FORMATS})") from exc
    if samples.size == 0:
        raise AudioFileError(f"{file} contains no audio samples" + (" (a WAV header without data: corrupt or "
                                                                     "truncated)" if looks_like_wav else ""))
    return as_mono_float32(samples)


def save_wav(path: str | os.PathLike[str], audio: Audio, sample_rate: int = SAMPLE_RATE) -> Path:
    """16-bit PCM mono WAV, written to a temporary file and renamed, so a crash never leaves half a recording."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    pcm = (np.clip(as_mono_float32(audio), -1.0, 1.0) * 32767.0).astype("<i2")
    fd, tmp_name = tempfile.mkstemp(prefix=target.name + ".", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle, wave.open(handle, "wb") as writer:
            writer.setnchannels(1)
            writer.setsampwidth(2)
            writer.setframerate(sample_rate)
            writer.writeframes(pcm.tobytes())
        os.replace(tmp_name, target)
    finally:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
    return target
