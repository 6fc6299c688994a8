"""Text to speech with hibari's bundled default voice only (every other hibari voice would download)."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

from cloudinterview_desktop.domain.errors import Cancelled
from cloudinterview_desktop.embedded_models import embedded_tts
from cloudinterview_desktop.voice.audio_format import Audio, empty_audio
from cloudinterview_desktop.voice.errors import SpeechModelError, SpeechSynthesisError
from cloudinterview_desktop.voice.sentences import split_sentences

log = logging.getLogger(__name__)

TTS_SAMPLE_RATE = 24_000  # hibari's output rate


def default_voice_path() -> Path:
    model = embedded_tts()
    if model.path is None or not model.found:
        raise SpeechModelError("the embedded voice is not installed (package hibari-tts); reinstall the app")
    return model.path


class TextToSpeech:
    """hibari with its default voice. The ONNX file is passed by path, so hibari never looks a voice up (a lookup
    of any non-bundled voice would download it)."""

    sample_rate = TTS_SAMPLE_RATE

    def __init__(self, model_path: str | os.PathLike[str] | None = None, speed: float = 1.0, threads: int = 1,
                 seed: int | None = 0) -> None:
        if not 0.5 <= speed <= 2.0:
            raise SpeechSynthesisError(f"speech speed must be between 0.5 and 2.0, not {speed}")
        self._model_path = Path(model_path) if model_path is not None else None
        self.speed = speed
        self.threads = threads
        self.seed = seed  # hibari adds noise to its voice: a fixed seed makes the same text sound the same
        self._engine: Any = None
        self._lock = threading.Lock()  # hibari's G2P keeps state; one synthesis at a time

    @property
    def loaded(self) -> bool:
        return self._engine is not None

    def load(self) -> None:
        """Loads the voice and warms the pronunciation lexicons (the first sentence otherwise costs ~1 s more)."""
        with self._lock:
            if self._engine is None:
                self._engine = self._create()
                self._engine("Ready.", self.speed, self.seed)

    def _create(self) -> Any:
        path = self._model_path or default_voice_path()
        if not path.is_file():
            raise SpeechModelError(f"voice model not found: {path}")
        try:
            from hibari import SAMPLE_RATE, Hibari
            from hibari.voices import DEFAULT, VOICES
        except ImportError as exc:
            raise SpeechModelError(f"text to speech is unavailable: hibari cannot be imported ({exc})") from exc
        if SAMPLE_RATE != TTS_SAMPLE_RATE or not VOICES.get(DEFAULT, {}).get("bundled"):
            raise SpeechModelError("this hibari version does not bundle the expected default voice")
        try:
            return Hibari(voice=DEFAULT, model=str(path), threads=self.threads)
        except Exception as exc:  # onnxruntime reports a bad model file with its own exception types
            raise SpeechModelError(f"the voice model {path} could not be loaded: {exc}") from exc

    def synthesize_sentence(self, sentence: str) -> Audio:
        """One sentence (already speakable) as float32 samples at `sample_rate`."""
        if not sentence.strip():
            return empty_audio()
        if self._engine is None:
            self.load()
        with self._lock:
            try:
                audio = self._engine(sentence, self.speed, self.seed)
            except Exception as exc:  # the G2P and the model fail in many ways on odd input; none may crash the app
                raise SpeechSynthesisError(f"could not speak {sentence[:60]!r}: {exc}") from exc
        return np.asarray(audio, dtype=np.float32)

    def sentences(self, text: str, cancel: threading.Event | None = None) -> Iterator[tuple[str, Audio]]:
        """Each sentence of `text` with its audio, as soon as it is synthesized."""
        for sentence in split_sentences(text):
            if cancel is not None and cancel.is_set():
                raise Cancelled()
            yield sentence, self.synthesize_sentence(sentence)

    def synthesize(self, text: str, cancel: threading.Event | None = None) -> tuple[Audio, int]:
        """The whole text as one array, with its sample rate."""
        parts = [audio for _sentence, audio in self.sentences(text, cancel)]
        return (np.concatenate(parts) if parts else empty_audio()), self.sample_rate
