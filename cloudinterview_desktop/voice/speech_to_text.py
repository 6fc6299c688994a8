"""Speech to text with faster-whisper: a lazily loaded shared model and a cancellable generator of segments."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from cloudinterview_desktop.domain.errors import Cancelled
from cloudinterview_desktop.voice.audio_files import load_audio
from cloudinterview_desktop.voice.audio_format import SAMPLE_RATE, Audio, as_mono_float32
from cloudinterview_desktop.voice.hallucination_filter import is_hallucination
from cloudinterview_desktop.voice.level_meter import measure_level
from cloudinterview_desktop.voice.prompt_terms import identifiers_in, restore_identifiers
from cloudinterview_desktop.voice.whisper_model import (
    choose_device,
    default_compute_type,
    default_cpu_threads,
    default_model_path,
    load_whisper,
    validate_model_dir,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Word:
    start: float
    end: float
    text: str
    probability: float


@dataclass(frozen=True)
class Segment:
    start: float  # seconds from the start of the audio given to transcribe()
    end: float
    text: str
    words: tuple[Word, ...] = ()
    no_speech_prob: float = 0.0
    avg_logprob: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"start": round(self.start, 3), "end": round(self.end, 3), "text": self.text}

    def shifted(self, offset_s: float) -> Segment:
        """The same segment on a timeline that starts `offset_s` earlier (streaming joins pieces this way)."""
        words = tuple(Word(w.start + offset_s, w.end + offset_s, w.text, w.probability) for w in self.words)
        return Segment(self.start + offset_s, self.end + offset_s, self.text, words, self.no_speech_prob,
                       self.avg_logprob)


def join_text(segments: list[Segment] | tuple[Segment, ...]) -> str:
    return " ".join(s.text for s in segments if s.text).strip()


@dataclass(frozen=True)
class Transcript:
    text: str
    segments: tuple[Segment, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "segments": [s.to_dict() for s in self.segments]}


@dataclass(frozen=True)
class DecodeOptions:
    """Decoding settings. Defaults are faster-whisper's except: English only (the model is tiny.en), no
    conditioning on earlier text (tiny models fall into repetition loops with it), word timestamps on (delivery
    analytics and the end-of-answer confidence need them; under 5 % of a long recording's decode, but about 0.4 s of
    the 0.9 s a three-second phrase takes with beam 5 on 2 cores), and the VAD filter on, so silence is never
    decoded. Greedy decoding (beam 1) would take the phrase to 0.5 s, but on the test sentences' espeak-ng speech
    the word error rate went from 1.5 % to 18.5 %."""

    beam_size: int = 5
    vad_filter: bool = True
    vad_min_silence_ms: int = 2000
    no_speech_threshold: float = 0.6
    log_prob_threshold: float = -1.0
    condition_on_previous_text: bool = False
    word_timestamps: bool = True
    filter_hallucinations: bool = True
    extra: dict[str, Any] = field(default_factory=dict)  # passed to WhisperModel.transcribe as is

    def whisper_kwargs(self, prompt: str | None) -> dict[str, Any]:
        return {
            "language": "en",
            "beam_size": self.beam_size,
            "vad_filter": self.vad_filter,
            "vad_parameters": {"min_silence_duration_ms": self.vad_min_silence_ms},
            "no_speech_threshold": self.no_speech_threshold,
            "log_prob_threshold": self.log_prob_threshold,
            "condition_on_previous_text": self.condition_on_previous_text,
            "word_timestamps": self.word_timestamps,
            "initial_prompt": prompt or None,
            **self.extra,
        }


class _LoadedModel:
    """The model and its loading lock, shared by SpeechToText objects that differ only in decoding options."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.model: Any = None
        self.device = ""


class SpeechToText:
    """One Whisper model, loaded on first use (or by load() on a worker thread at start-up) and shared by every
    caller: CTranslate2 models take concurrent calls, so only loading needs the lock."""

    def __init__(self, model_path: str | os.PathLike[str] | None = None, device: str = "auto",
                 compute_type: str | None = None, cpu_threads: int | None = None,
                 options: DecodeOptions | None = None) -> None:
        self._model_path = Path(model_path) if model_path is not None else None
        self._device_request = device
        self._compute_type = compute_type
        self.cpu_threads = cpu_threads or default_cpu_threads()
        self.options = options or DecodeOptions()
        self._shared = _LoadedModel()

    def with_options(self, options: DecodeOptions) -> SpeechToText:
        """The same model (loaded once, shared) decoding with other settings."""
        other = SpeechToText(self._model_path, self._device_request, self._compute_type, self.cpu_threads, options)
        other._shared = self._shared
        return other

    @property
    def device(self) -> str:
        """'cpu' or 'cuda' once loaded; '' before."""
        return self._shared.device

    @property
    def model_path(self) -> Path:
        return self._model_path or default_model_path()

    @property
    def compute_type(self) -> str:
        return self._compute_type or default_compute_type(self.device or choose_device(self._device_request))

    @property
    def loaded(self) -> bool:
        return self._shared.model is not None

    def validate(self) -> Path:
        """Checks the model folder without loading it (SpeechModelError if it is missing or incomplete)."""
        return validate_model_dir(self.model_path)

    def load(self) -> Any:
        """The faster_whisper.WhisperModel, loading it once."""
        shared = self._shared
        if shared.model is None:
            with shared.lock:
                if shared.model is None:
                    device = choose_device(self._device_request)
                    compute_type = self._compute_type or default_compute_type(device)
                    shared.model = load_whisper(self.model_path, device, compute_type, self.cpu_threads)
                    shared.device = device
                    log.info("speech model loaded from %s on %s (%s)", self.model_path, device, compute_type)
        return shared.model

    def warm_up(self) -> None:
        """Loads the model and runs the whole path once on half a second of silence (the VAD model and the lazy
        imports behind it load then), so the first answer neither waits for them nor stalls other threads."""
        self.load()
        list(self.transcribe(np.zeros(SAMPLE_RATE // 2, dtype=np.float32)))

    def transcribe(self, audio: Audio | str | os.PathLike[str], prompt: str | None = None,
                   cancel: threading.Event | None = None) -> Iterator[Segment]:
        """Segments as Whisper decodes them (each next() decodes up to one 30 s window). `audio` is 16 kHz mono
        samples or a path to any readable audio file. Raises Cancelled at the next segment once `cancel` is set,
        AudioFileError for unreadable files, SpeechModelError when the model cannot load."""
        _check(cancel)
        samples = load_audio(audio) if isinstance(audio, str | os.PathLike) else as_mono_float32(audio)
        if samples.size == 0:
            return
        model = self.load()
        _check(cancel)
        segments, _info = model.transcribe(samples, **self.options.whisper_kwargs(prompt))
        identifiers = identifiers_in(prompt)
        for raw in segments:
            _check(cancel)
            segment = self._segment(raw, samples, identifiers)
            if segment is not None:
                yield segment

    def transcribe_all(self, audio: Audio | str | os.PathLike[str], prompt: str | None = None,
                       cancel: threading.Event | None = None) -> Transcript:
        segments = tuple(self.transcribe(audio, prompt, cancel))
        return Transcript(join_text(segments), segments)

    def _segment(self, raw: Any, samples: Audio, identifiers: list[str]) -> Segment | None:
        text = str(raw.text).strip()
        if self.options.filter_hallucinations:
            first = int(raw.start * SAMPLE_RATE)
            span = samples[first:max(int(raw.end * SAMPLE_RATE), first + 1)]
            if is_hallucination(text, float(raw.no_speech_prob), float(raw.avg_logprob),
                                measure_level(span).rms_dbfs):
                log.info("dropped a likely hallucination %r (no_speech %.2f, logprob %.2f)", text,
                         raw.no_speech_prob, raw.avg_logprob)
                return None
        # Words keep Whisper's spelling: an identifier spans several of them and they serve for timing only.
        words = tuple(Word(float(w.start), float(w.end), str(w.word).strip(), float(w.probability))
                      for w in (raw.words or ()))
        return Segment(float(raw.start), float(raw.end), restore_identifiers(text, identifiers), words,
                       float(raw.no_speech_prob), float(raw.avg_logprob))


def _check(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise Cancelled()

