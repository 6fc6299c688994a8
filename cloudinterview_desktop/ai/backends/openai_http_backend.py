"""A backend for OpenAI-compatible servers (Ollama, vLLM, LM Studio, llama.cpp): SSE streaming, stdlib only."""


from __future__ import annotations

import http.client
import json
import logging
import math
import socket
import threading
import urllib.parse
from collections.abc import Iterator, Sequence
from typing import Any

from cloudinterview_desktop import __version__
from cloudinterview_desktop.ai.backends.base import ChatMessage
from cloudinterview_desktop.ai.backends.json_output import validated_json
from cloudinterview_desktop.ai.backends.sse import sse_data
from cloudinterview_desktop.ai.errors import EndpointError
from cloudinterview_desktop.domain.errors import Cancelled

log = logging.getLogger(__name__)

# How a server is asked for JSON, tried in order until one is accepted: the OpenAI standard, then the
# {"type": "json_object", "schema": ...} form that llama-cpp-python's server takes, then instructions alone.
JSON_MODES = ("json_schema", "json_object", "prompt")
_REJECTED_FORMAT = (400, 422, 500, 501)


class _CancelWatcher:
    """Shuts the socket down when `cancel` is set, so a read blocked on a slow server returns at once."""

    def __init__(self, cancel: threading.Event, conn: http.client.HTTPConnection) -> None:
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(cancel, conn), daemon=True, name="llm-http-cancel")
        self._thread.start()

    def _run(self, cancel: threading.Event, conn: http.client.HTTPConnection) -> None:
        while not self._done.is_set():
            if cancel.wait(0.05):
                sock = conn.sock
                if sock is not None:
                    try:
                        sock.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass
                return

    def stop(self) -> None:
        self._done.set()


def _error_detail(body: bytes) -> str:
    try:
        data = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return body[:300].decode("utf-8", errors="replace").strip() or "no details"
    error = data.get("error", data) if isinstance(data, dict) else data
    if isinstance(error, dict):
        return str(error.get("message") or error.get("detail") or error)[:500]
    return str(error)[:500]


class OpenAIHTTPBackend:
    def __init__(self, base_url: str, model: str = "", api_key: str = "", *, context_length: int = 8192,
                 connect_timeout: float = 10.0, read_timeout: float = 120.0, name: str | None = None) -> None:
        parsed = urllib.parse.urlparse(base_url.strip())
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            raise EndpointError(f"{base_url!r} is not an http(s) URL of an OpenAI-compatible server "
                                "(for example http://127.0.0.1:11434/v1)")
        self._https = parsed.scheme == "https"
        self._host = parsed.hostname
        self._port = parsed.port or (443 if self._https else 80)
        path = parsed.path.rstrip("/")
        self._prefix = path if path else "/v1"  # "http://host:port" means the usual /v1 root
        self.base_url = f"{parsed.scheme}://{parsed.netloc}{self._prefix}"
        self.model = model
        self._api_key = api_key
        self._context_length = context_length
        self._connect_timeout = connect_timeout
        self._read_timeout = read_timeout
        self._name = name or (f"{model}@{parsed.netloc}" if model else parsed.netloc)
        self._json_mode = 0
        self._notes: list[str] = []
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        return self._name

    @property
    def context_length(self) -> int:
        return self._context_length

    @property
    def notes(self) -> list[str]:
        return list(self._notes)

    def count_tokens(self, text: str) -> int:
        """An estimate (about four characters a token): the OpenAI API has no tokenizer endpoint."""
        return max(1, math.ceil(len(text) / 4))

    # -- HTTP ------------------------------------------------------------------------------------------------

    def _headers(self, streaming: bool) -> dict[str, str]:
        headers = {"Content-Type": "application/json", "User-Agent": f"CloudInterview-Desktop/{__version__}",
                   "Accept": "text/event-stream" if streaming else "application/json"}
        if self._api_key:
            headers["Authorization"] = f"Bearer {self._api_key}"
        return headers

    def _request(self, method: str, path: str, body: dict[str, Any] | None,
                 streaming: bool = False) -> tuple[http.client.HTTPConnection, http.client.HTTPResponse]:
        cls = http.client.HTTPSConnection if self._https else http.client.HTTPConnection
        conn = cls(self._host, self._port, timeout=self._connect_timeout)
        url = self._prefix + path
        try:
            conn.connect()
            assert conn.sock is not None
            conn.sock.settimeout(self._read_timeout)
            payload = json.dumps(body).encode("utf-8") if body is not None else None
            conn.request(method, url, body=payload, headers=self._headers(streaming))
            response = conn.getresponse()
        except TimeoutError as exc:
            conn.close()
            raise EndpointError(f"the model server at {self.base_url} did not answer within "
                                f"{self._read_timeout:.0f} s") from exc
        except (OSError, http.client.HTTPException) as exc:
            conn.close()
            raise EndpointError(f"cannot reach the model server at {self.base_url}: {exc}") from exc
        if response.status >= 400:
            detail = _error_detail(response.read())
            conn.close()
            hint = {401: " (check the API key)", 403: " (check the API key)",
                    404: " (check the URL, which usually ends in /v1, and the model name)"}.get(response.status, "")
            raise EndpointError(f"{self.base_url}{path} answered HTTP {response.status}{hint}: {detail}",
                                response.status)
        return conn, response

    def models(self) -> list[str]:
        """The model ids the server offers (GET /v1/models); also a cheap reachability check."""
        conn, response = self._request("GET", "/models", None)
        try:
            data = json.loads(response.read())
        except (json.JSONDecodeError, OSError, http.client.HTTPException) as exc:
            raise EndpointError(f"{self.base_url}/models did not return a model list: {exc}") from exc
        finally:
            conn.close()
        entries = data.get("data", []) if isinstance(data, dict) else []
        return [str(m.get("id")) for m in entries if isinstance(m, dict) and m.get("id")]

    def _stream(self, body: dict[str, Any], cancel: threading.Event | None) -> Iterator[str]:
        if cancel is not None and cancel.is_set():
            raise Cancelled()
        conn, response = self._request("POST", "/chat/completions", body, streaming=True)
        watcher = _CancelWatcher(cancel, conn) if cancel is not None else None
        try:
            if "text/event-stream" not in (response.getheader("Content-Type") or ""):
                yield from self._whole_reply(response)  # a server that ignores stream=true
                return
            for data in sse_data(response):
                if cancel is not None and cancel.is_set():
                    raise Cancelled()
                if data.strip() == "[DONE]":
                    return
                text = self._chunk_text(data)
                if text:
                    yield text
            if cancel is not None and cancel.is_set():  # the watcher cut the stream short
                raise Cancelled()
        except (OSError, http.client.HTTPException) as exc:
            if cancel is not None and cancel.is_set():
                raise Cancelled() from exc
            if isinstance(exc, TimeoutError):
                raise EndpointError(f"the model server at {self.base_url} stopped sending for "
                                    f"{self._read_timeout:.0f} s") from exc
            raise EndpointError(f"the connection to {self.base_url} broke: {exc}") from exc
        finally:
            if watcher is not None:
                watcher.stop()
            conn.close()

    def _chunk_text(self, data: str) -> str:
        try:
            chunk = json.loads(data)
        except json.JSONDecodeError as exc:
            raise EndpointError(f"{self.base_url} streamed something that is not JSON: {data[:200]!r}") from exc
        if not isinstance(chunk, dict):
            return ""
        if "error" in chunk:
            raise EndpointError(f"{self.base_url} reported an error mid-stream: {_error_detail(data.encode())}")
        choices = chunk.get("choices") or []
        if not choices or not isinstance(choices[0], dict):
            return ""
        delta = choices[0].get("delta") or {}
        return str(delta.get("content") or choices[0].get("text") or "")

    def _whole_reply(self, response: http.client.HTTPResponse) -> Iterator[str]:
        try:
            data = json.loads(response.read())
            text = data["choices"][0]["message"]["content"] or ""
        except (json.JSONDecodeError, KeyError, IndexError, TypeError) as exc:
            raise EndpointError(f"{self.base_url} returned a reply without a message: {exc}") from exc
        if text:
            yield str(text)

    def _body(self, messages: Sequence[ChatMessage], max_tokens: int, temperature: float) -> dict[str, Any]:
        body: dict[str, Any] = {"messages": [dict(m) for m in messages], "max_tokens": max_tokens,
                                "temperature": temperature, "stream": True}
        if self.model:
            body["model"] = self.model
        return body

    # -- the backend interface -------------------------------------------------------------------------------

    def generate(self, messages: Sequence[ChatMessage], *, max_tokens: int = 256, temperature: float = 0.7,
                 cancel: threading.Event | None = None) -> Iterator[str]:
        return self._stream(self._body(messages, max_tokens, temperature), cancel)

    def generate_json(self, messages: Sequence[ChatMessage], schema: dict[str, Any], *, max_tokens: int = 512,
                      temperature: float = 0.2, retries: int = 2,
                      cancel: threading.Event | None = None) -> dict[str, Any]:
        def attempt(conversation: list[ChatMessage], temp: float) -> str:
            while True:
                mode = JSON_MODES[self._json_mode]
                body = self._body(self._with_schema(conversation, schema, mode), max_tokens, temp)
                if mode == "json_schema":
                    body["response_format"] = {"type": "json_schema",
                                               "json_schema": {"name": "reply", "schema": schema}}
                elif mode == "json_object":
                    body["response_format"] = {"type": "json_object", "schema": schema}
                try:
                    return "".join(self._stream(body, cancel))
                except EndpointError as exc:
                    if exc.status not in _REJECTED_FORMAT or mode == "prompt":
                        raise
                    with self._lock:
                        if JSON_MODES[self._json_mode] == mode:
                            self._json_mode += 1
                    self._notes.append(f"the server rejected response_format {mode!r} (HTTP {exc.status}); "
                                       f"using {JSON_MODES[self._json_mode]!r} instead")
                    log.info("JSON mode %s rejected by %s: %s", mode, self.base_url, exc)

        return validated_json(attempt, messages, schema, temperature=temperature, retries=retries, cancel=cancel)

    @staticmethod
    def _with_schema(messages: list[ChatMessage], schema: dict[str, Any], mode: str) -> list[ChatMessage]:
        """Without server-side constraints the model only has the instructions: put the schema in them."""
        if mode != "prompt":
            return messages
        rule = ("Reply with only one JSON object, no prose and no code fence, valid against this JSON Schema:\n"
                + json.dumps(schema))
        if messages and messages[0]["role"] == "system":
            return [ChatMessage(role="system", content=messages[0]["content"] + "\n\n" + rule), *messages[1:]]
        return [ChatMessage(role="system", content=rule), *messages]
