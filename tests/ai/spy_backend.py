"""A real backend wrapped to record the prompts it was given (the model still does all the work)."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from typing import Any

from cloudinterview_desktop.ai.backends.base import ChatMessage, LLMBackend


class RecordingBackend:
    def __init__(self, inner: LLMBackend) -> None:
        self.inner = inner
        self.prompts: list[list[ChatMessage]] = []

    @property
    def name(self) -> str:
        return self.inner.name

    @property
    def context_length(self) -> int:
        return self.inner.context_length

    @property
    def notes(self) -> list[str]:
        return self.inner.notes

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)

    def generate(self, messages: Sequence[ChatMessage], *, max_tokens: int = 256, temperature: float = 0.7,
                 cancel: threading.Event | None = None) -> Iterator[str]:
        self.prompts.append(list(messages))
        return self.inner.generate(messages, max_tokens=max_tokens, temperature=temperature, cancel=cancel)

    def generate_json(self, messages: Sequence[ChatMessage], schema: dict[str, Any], *, max_tokens: int = 512,
                      temperature: float = 0.2, retries: int = 2,
                      cancel: threading.Event | None = None) -> dict[str, Any]:
        self.prompts.append(list(messages))
        return self.inner.generate_json(messages, schema, max_tokens=max_tokens, temperature=temperature,
                                        retries=retries, cancel=cancel)
