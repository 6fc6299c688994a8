"""Where the recording of an answer lives (recordings_dir/<session_id>/<answer>.wav) and saving it there."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from cloudinterview_desktop.voice.audio_files import save_wav
from cloudinterview_desktop.voice.audio_format import SAMPLE_RATE, Audio
from cloudinterview_desktop.voice.errors import VoiceError

_SAFE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")


def _checked(part: str, what: str) -> str:
    # Ids become folder and file names: anything that could climb out of recordings_dir is refused.
    if not _SAFE.match(part) or ".." in part:
        raise VoiceError(f"{what} {part!r} cannot be used in a recording's file name")
    return part


def recording_path(recordings_dir: Path, session_id: str | int, answer_name: str) -> Path:
    name = _checked(answer_name, "answer name")
    return recordings_dir / _checked(str(session_id), "session id") / f"{name}.wav"


def save_recording(recordings_dir: Path, session_id: str | int, audio: Audio, answer_name: str | None = None,
                   sample_rate: int = SAMPLE_RATE) -> Path:
    """Writes the answer as 16-bit WAV and returns its path; the name defaults to the time it was saved."""
    name = answer_name or datetime.now().strftime("answer-%Y%m%d-%H%M%S-%f")
    return save_wav(recording_path(recordings_dir, session_id, name), audio, sample_rate)
