"""'Test connection' for an OpenAI-compatible model server: reachable, the model there, and a short reply timed."""

from __future__ import annotations

import time
from dataclasses import dataclass

from cloudinterview_desktop.ai.backends.base import ChatMessage
from cloudinterview_desktop.ai.backends.openai_http_backend import OpenAIHTTPBackend
from cloudinterview_desktop.ai.errors import AIError

PROBE = [ChatMessage(role="user", content="Say hello in one word.")]


@dataclass(frozen=True)
class EndpointCheck:
    ok: bool
    message: str


def check_endpoint(url: str, model: str = "", api_key: str = "", timeout: float = 20.0) -> EndpointCheck:
    if not url.strip():
        return EndpointCheck(False, "Enter the server's URL first (it usually ends in /v1).")
    try:
        backend = OpenAIHTTPBackend(url.strip(), model.strip(), api_key, connect_timeout=5.0, read_timeout=timeout)
        offered = backend.models()
        if model.strip() and offered and model.strip() not in offered:
            return EndpointCheck(False, f"Connected, but the server has no model {model.strip()!r}; it offers: "
                                        f"{', '.join(offered[:8])}.")
        started = time.perf_counter()
        reply = "".join(backend.generate(PROBE, max_tokens=8, temperature=0.0)).strip()
        took = time.perf_counter() - started
    except AIError as exc:
        return EndpointCheck(False, str(exc))
    if not reply:
        return EndpointCheck(False, "Connected, but the model returned an empty reply.")
    return EndpointCheck(True, f"Connected: {backend.name} answered in {took:.1f} s (\u201c{reply[:40]}\u201d).")
