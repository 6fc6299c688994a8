"""The catalog of recommended bigger models (resources/models/catalog.json): data only, nothing downloads itself."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from cloudinterview_desktop.ai.errors import AIError
from cloudinterview_desktop.resources import resource_path


@dataclass(frozen=True)
class CatalogEntry:
    name: str
    title: str
    url: str
    approx_size_gb: float
    parameters_b: float
    ram_gb: float
    licence: str
    notes: str = ""
    sha256: str | None = None  # only where it was verified; otherwise the user passes --sha256

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def load_catalog(path: Path | None = None) -> list[CatalogEntry]:
    path = path or resource_path("models", "catalog.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return [CatalogEntry(**entry) for entry in data["models"]]
    except (OSError, json.JSONDecodeError, KeyError, TypeError) as exc:
        raise AIError(f"the model catalog {path} cannot be read: {exc}") from exc


def find_in_catalog(ref: str, entries: list[CatalogEntry]) -> CatalogEntry | None:
    """A catalog entry by its name or its exact URL."""
    return next((e for e in entries if ref in (e.name, e.url)), None)
