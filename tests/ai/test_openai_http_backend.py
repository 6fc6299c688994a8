"""The OpenAI-compatible HTTP backend against a real server on 127.0.0.1: llama-cpp-python's own server
(`python -m llama_cpp.server`) serving the embedded model, streaming over SSE."""

from __future__ import annotations

import importlib.util
import json
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest

from cloudinterview_desktop.ai.backends.base import ChatMessage
from cloudinterview_desktop.ai.backends.openai_http_backend import OpenAIHTTPBackend
from cloudinterview_desktop.ai.backends.sse import sse_data
from cloudinterview_desktop.ai.errors import EndpointError
from cloudinterview_desktop.domain.errors import Cancelled

GREETING = [ChatMessage(role="user", content="Greet the candidate in one sentence.")]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server_url(model_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    missing = [m for m in ("uvicorn", "fastapi", "sse_starlette", "starlette_context", "pydantic_settings")
               if importlib.util.find_spec(m) is None]
    if missing:
        pytest.skip(f"llama-cpp-python's server needs {', '.join(missing)}: pip install 'llama-cpp-python[server]'")
    port = _free_port()
    log_path = tmp_path_factory.mktemp("server") / "server.log"
    # The server's log goes to a file: a pipe nobody reads fills up and blocks the server.
    with log_path.open("wb") as log:
        process = subprocess.Popen([sys.executable, "-m", "llama_cpp.server", "--model", str(model_path),
                                    "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "1024",
                                    "--n_threads", "1", "--model_alias", "smollm2", "--verbose", "false"],
                                   stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/v1"
    deadline = time.monotonic() + 90
    try:
        while True:
            try:
                with urllib.request.urlopen(f"{url}/models", timeout=2):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    tail = log_path.read_text(errors="replace")[-2000:]
                    raise RuntimeError(f"the server did not start: {tail}") from None
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_sse_parser_joins_data_lines_and_skips_comments() -> None:
    raw = [b": keep-alive\n", b"\n", b"data: {\"a\": 1}\n", b"\n", b"event: x\n", b"data: line one\n",
           b"data: line two\r\n", b"\n", b"data: [DONE]"]
    assert list(sse_data(raw)) == ['{"a": 1}', "line one\nline two", "[DONE]"]


@pytest.mark.model
def test_lists_models_and_streams_a_reply(server_url: str) -> None:
    backend = OpenAIHTTPBackend(server_url, "smollm2")
    assert backend.models() == ["smollm2"]
    pieces = list(backend.generate(GREETING, max_tokens=16))
    assert len(pieces) >= 3 and "".join(pieces).strip()


@pytest.mark.model
def test_json_mode_is_negotiated_and_the_reply_is_schema_valid(server_url: str) -> None:
    schema = {"type": "object", "additionalProperties": False, "required": ["topic", "level"],
              "properties": {"topic": {"type": "string", "maxLength": 30}, "level": {"enum": [1, 2, 3, 4]}}}
    backend = OpenAIHTTPBackend(server_url, "smollm2")
    value = backend.generate_json([ChatMessage(role="user", content="Pick a coding interview topic and a level "
                                                                    "from 1 to 4, as JSON.")], schema, max_tokens=50)
    jsonschema.validate(value, schema)
    # This server rejects the OpenAI "json_schema" form and takes {"type": "json_object", "schema": ...}.
    assert any("'json_object'" in note for note in backend.notes)


@pytest.mark.model
def test_cancel_stops_a_streamed_reply_within_half_a_second(server_url: str) -> None:
    backend = OpenAIHTTPBackend(server_url, "smollm2")
    cancel = threading.Event()
    first = threading.Event()
    outcome: list[float] = []

    def consume() -> None:
        try:
            for _ in backend.generate([ChatMessage(role="user", content="Write a long story about the sea.")],
                                      max_tokens=500, cancel=cancel):
                first.set()
        except Cancelled:
            outcome.append(time.perf_counter())

    worker = threading.Thread(target=consume)
    worker.start()
    assert first.wait(30)
    set_at = time.perf_counter()
    cancel.set()
    worker.join(timeout=10)
    assert outcome and outcome[0] - set_at < 0.5


@pytest.mark.model
def test_http_errors_are_clear(server_url: str) -> None:
    wrong_path = OpenAIHTTPBackend(server_url.replace("/v1", "/nothing-here"), "smollm2")
    with pytest.raises(EndpointError, match=r"HTTP 404.*check the URL") as caught:
        list(wrong_path.generate(GREETING, max_tokens=4))
    assert caught.value.status == 404


def test_an_unreachable_server_is_a_clear_error() -> None:
    backend = OpenAIHTTPBackend(f"http://127.0.0.1:{_free_port()}", "x", connect_timeout=2)
    with pytest.raises(EndpointError, match="cannot reach the model server"):
        list(backend.generate(GREETING))
    with pytest.raises(EndpointError, match="not an http"):
        OpenAIHTTPBackend("ftp://example.org")


def test_base_url_forms_are_normalised() -> None:
    assert OpenAIHTTPBackend("http://127.0.0.1:11434").base_url == "http://127.0.0.1:11434/v1"
    assert OpenAIHTTPBackend("http://127.0.0.1:1234/v1/").base_url == "http://127.0.0.1:1234/v1"
    assert json.loads(json.dumps(OpenAIHTTPBackend("https://host/api/v1", "m", "k")._headers(True)))[
        "Authorization"] == "Bearer k"
