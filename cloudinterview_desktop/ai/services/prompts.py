"""Prompt templates: text files under resources/prompts with $placeholders, loaded once each."""

from __future__ import annotations

import string
import threading
from pathlib import Path

from cloudinterview_desktop.ai.errors import AIError
from cloudinterview_desktop.resources import resource_path


class PromptLibrary:
    def __init__(self, folder: Path | None = None) -> None:
        self._folder = folder or resource_path("prompts")
        self._cache: dict[str, string.Template] = {}
        self._lock = threading.Lock()

    def template(self, name: str) -> string.Template:
        with self._lock:
            cached = self._cache.get(name)
            if cached is None:
                path = self._folder / f"{name}.txt"
                try:
                    text = path.read_text(encoding="utf-8").rstrip("\n")
                except OSError as exc:
                    raise AIError(f"the prompt file {path} is missing: the installation is incomplete") from exc
                cached = self._cache[name] = string.Template(text)
            return cached

    def render(self, name: str, **values: object) -> str:
        """The template with every placeholder filled; a missing value is a bug, so it raises KeyError."""
        return self.template(name).substitute({k: str(v) for k, v in values.items()})
