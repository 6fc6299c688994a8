"""The in-process llama.cpp backend on the real embedded model: streaming, JSON, cancelling, the prefix cache."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import jsonschema
import llama_cpp
import pytest

from cloudinterview_desktop.ai.backends.base import ChatMessage
from cloudinterview_desktop.ai.backends.llama_cpp_backend import LlamaCppBackend
from cloudinterview_desktop.ai.errors import ContextOverflow, InvalidModelOutput, ModelLoadError
from cloudinterview_desktop.ai.models.fit import GPUInfo
from cloudinterview_desktop.domain.errors import Cancelled

pytestmark = pytest.mark.model

GREETING = [ChatMessage(role="system", content="You are a friendly interviewer."),
            ChatMessage(role="user", content="Greet the candidate in one sentence.")]
SCHEMA = {"type": "object", "additionalProperties": False, "required": ["topic", "difficulty"],
          "properties": {"topic": {"type": "string", "maxLength": 40},
                         "difficulty": {"enum": [1, 2, 3, 4, "not_observed"]}}}


def test_generate_streams_tokens(backend: LlamaCppBackend) -> None:
    pieces = list(backend.generate(GREETING, max_tokens=16, temperature=0.5))
    assert len(pieces) >= 3 and "".join(pieces).strip()
    stats = backend.last_stats
    assert stats is not None and stats.completion_tokens == len(pieces) and stats.first_token_s is not None


def test_generate_json_is_schema_valid(backend: LlamaCppBackend) -> None:
    messages = [ChatMessage(role="user", content="Name one topic for a coding interview and rate its difficulty "
                                                 "from 1 to 4. Reply in JSON.")]
    value = backend.generate_json(messages, SCHEMA, max_tokens=60)
    jsonschema.validate(value, SCHEMA)


def test_json_that_cannot_fit_is_an_error_not_a_default(backend: LlamaCppBackend) -> None:
    with pytest.raises(InvalidModelOutput) as caught:
        backend.generate_json(GREETING, SCHEMA, max_tokens=4, retries=1)
    assert len(caught.value.attempts) == 2  # both attempts were cut off mid-object


def _time_to_stop(backend: LlamaCppBackend, messages: list[ChatMessage], delay: float) -> float:
    cancel = threading.Event()
    stopped_at: list[float] = []
    set_at: list[float] = []

    def consume() -> None:
        try:
            for _ in backend.generate(messages, max_tokens=400, cancel=cancel):
                pass
        except Cancelled:
            stopped_at.append(time.perf_counter())

    worker = threading.Thread(target=consume)
    worker.start()
    time.sleep(delay)
    set_at.append(time.perf_counter())
    cancel.set()
    worker.join(timeout=10)
    assert stopped_at, "generation finished or hung instead of raising Cancelled"
    return stopped_at[0] - set_at[0]


def test_cancel_stops_generation_within_half_a_second(backend: LlamaCppBackend) -> None:
    story = [ChatMessage(role="user", content="Write a very long story about a lighthouse keeper.")]
    assert _time_to_stop(backend, story, 0.8) < 0.5


def test_cancel_stops_a_long_prompt_evaluation_within_half_a_second(backend: LlamaCppBackend) -> None:
    # About 1500 prompt tokens: seconds of evaluation in one llama_decode call, interrupted by the abort callback.
    long_prompt = [ChatMessage(role="user", content="Summarise this log line. " * 180)]
    assert _time_to_stop(backend, long_prompt, 0.3) < 0.5
    assert list(backend.generate(GREETING, max_tokens=4))  # the model is usable afterwards


def test_a_cancel_set_before_the_call_raises_at_once(backend: LlamaCppBackend) -> None:
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        next(iter(backend.generate(GREETING, cancel=cancel)))


def test_a_growing_conversation_reuses_the_cached_prefix(backend: LlamaCppBackend) -> None:
    conversation = list(GREETING)
    previous = None
    for turn in range(4):
        reply = "".join(backend.generate(conversation, max_tokens=12))
        stats = backend.last_stats
        assert stats is not None
        if previous is not None:
            # Everything the previous call read is reused; only the newest turn is evaluated.
            assert stats.reused_tokens >= previous.prompt_tokens
            assert stats.prompt_tokens - stats.reused_tokens < 40
        previous = stats
        conversation += [ChatMessage(role="assistant", content=reply),
                         ChatMessage(role="user", content=f"Question {turn + 2}, please.")]


def test_a_prompt_longer_than_the_context_is_a_clear_error(backend: LlamaCppBackend) -> None:
    huge = [ChatMessage(role="user", content="word " * 5000)]
    with pytest.raises(ContextOverflow, match="context holds 2048"):
        list(backend.generate(huge))


def test_concurrent_requests_are_serialised(backend: LlamaCppBackend) -> None:
    results: list[str] = []

    def ask() -> None:
        results.append("".join(backend.generate(GREETING, max_tokens=8)))

    threads = [threading.Thread(target=ask) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(results) == 2 and all(results)


def test_gpu_requested_on_a_cpu_build_runs_on_cpu_and_says_why(model_path: Path) -> None:
    backend = LlamaCppBackend(model_path, n_ctx=512, n_threads=1, n_gpu_layers=12, gpu=GPUInfo(False))
    backend.load()
    assert backend.gpu_layers == 0
    assert any("12 GPU layers was asked for" in note and "CPU" in note for note in backend.notes)
    backend.close()


def test_a_failed_gpu_load_falls_back_to_cpu(model_path: Path) -> None:
    attempts: list[int] = []

    def loader(**kwargs: object) -> llama_cpp.Llama:
        attempts.append(int(kwargs["n_gpu_layers"]))  # type: ignore[call-overload]
        if kwargs["n_gpu_layers"] != 0:
            raise ValueError("Failed to load model from file (out of device memory)")
        return llama_cpp.Llama(**kwargs)  # type: ignore[arg-type]

    backend = LlamaCppBackend(model_path, n_ctx=512, n_threads=1, n_gpu_layers=-1,
                              gpu=GPUInfo(True, "test GPU", 8 << 30, 8 << 30), llama_factory=loader)
    backend.load()
    assert attempts == [-1, 0] and backend.gpu_layers == 0
    assert any("fell back to the CPU" in note and "out of device memory" in note for note in backend.notes)
    assert list(backend.generate(GREETING, max_tokens=3))
    backend.close()


def test_a_model_llama_cpp_cannot_load_is_a_typed_error(model_path: Path) -> None:
    def loader(**kwargs: object) -> llama_cpp.Llama:
        raise ValueError("unknown model architecture: 'future-arch'")

    backend = LlamaCppBackend(model_path, n_gpu_layers=0, llama_factory=loader)
    with pytest.raises(ModelLoadError, match="future-arch"):
        backend.load()


def test_json_strings_cannot_hold_raw_control_characters(backend: LlamaCppBackend) -> None:
    from cloudinterview_desktop.ai.backends.llama_cpp_backend import json_grammar

    schema = {"type": "object", "properties": {"quote": {"type": "string", "maxLength": 120}}, "required": ["quote"]}
    assert "\\x00-\\x1F" in json_grammar(schema).splitlines()[0]
    asked = [ChatMessage(role="user", content='A poem of three lines, one per line, as JSON {"quote": "..."}.')]
    for _ in range(3):  # what used to fail with "Invalid control character" now always parses
        reply = backend.generate_json(asked, schema, max_tokens=80, temperature=0.9, retries=0)
        assert isinstance(reply["quote"], str) and not any(ord(c) < 32 for c in reply["quote"])
