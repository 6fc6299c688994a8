"""Shared fixtures: every test gets its own CLOUDINTERVIEW_HOME, and Qt runs headless."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from cloudinterview_desktop.voice.speech_to_text import SpeechToText
from cloudinterview_desktop.voice.text_to_speech import TextToSpeech
from tests.voice.helpers import SpeechMaker, espeak_wav, have_espeak

if TYPE_CHECKING:
    from cloudinterview_desktop.app import AppCore

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def app_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("CLOUDINTERVIEW_HOME", str(home))
    return home


@pytest.fixture
def core(app_home: Path) -> Iterator[AppCore]:
    from cloudinterview_desktop.app import build_core

    app_core = build_core(app_home, use_model=False)  # most tests need no language model: they stay fast
    yield app_core
    app_core.close()


@pytest.fixture
def core_with_model(app_home: Path) -> Iterator[AppCore]:
    """The app core with the embedded language model, as a user gets it by default."""
    from cloudinterview_desktop.app import build_core

    app_core = build_core(app_home, use_model=True)
    yield app_core
    app_core.close()


# -- voice: the embedded models loaded once per test session, and real speech made by espeak-ng ------------------


@pytest.fixture(scope="session")
def stt() -> SpeechToText:
    engine = SpeechToText()
    engine.load()
    return engine


@pytest.fixture(scope="session")
def tts() -> TextToSpeech:
    engine = TextToSpeech()
    engine.load()
    return engine


@pytest.fixture(scope="session")
def speech_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("speech")


@pytest.fixture(scope="session")
def say(speech_dir: Path) -> SpeechMaker:
    if not have_espeak():
        pytest.skip("real speech for the tests needs espeak-ng and sox (apt-get install -y espeak-ng sox)")
    return lambda text: espeak_wav(text, speech_dir)
