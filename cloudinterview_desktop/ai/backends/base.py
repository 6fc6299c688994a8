"""The interface every language-model backend implements, and the message type it takes."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol, TypedDict


class ChatMessage(TypedDict):
    role: Literal["system", "user", "assistant"]
    content: str


@dataclass(frozen=True)
class GenerationStats:
    """What one generation cost; `reused_tokens` is the prompt prefix whose KV cache was kept from earlier calls."""

    prompt_tokens: int
    reused_tokens: int
    completion_tokens: int
    first_token_s: float | None
    total_s: float


class LLMBackend(Protocol):
    """A chat model. `generate` streams text pieces and raises `Cancelled` as soon as `cancel` is set;
    `generate_json` returns an object valid against `schema` or raises `InvalidModelOutput`, never a default."""

    @property
    def name(self) -> str: ...

    @property
    def context_length(self) -> int: ...

    @property
    def notes(self) -> list[str]: ...

    def generate(self, messages: Sequence[ChatMessage], *, max_tokens: int = 256, temperature: float = 0.7,
                 cancel: threading.Event | None = None) -> Iterator[str]: ...

    def generate_json(self, messages: Sequence[ChatMessage], schema: dict[str, Any], *, max_tokens: int = 512,
                      temperature: float = 0.2, retries: int = 2,
                      cancel: threading.Event | None = None) -> dict[str, Any]: ...

    def count_tokens(self, text: str) -> int: ...
