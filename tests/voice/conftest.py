"""Voice fixtures: the embedded models loaded once per test session, and real speech made by espeak-ng."""

from __future__ import annotations

from pathlib import Path

import pytest

from cloudinterview_desktop.voice.speech_to_text import SpeechToText
from cloudinterview_desktop.voice.text_to_speech import TextToSpeech
from tests.voice.helpers import SpeechMaker, espeak_wav, have_espeak


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
