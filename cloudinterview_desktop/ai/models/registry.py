"""The model registry: a JSON file under the models folder, replaced atomically on every write."""


from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields
from datetime import datetime
from pathlib import Path
from typing import Any

from cloudinterview_desktop.ai.errors import ModelNotFound, RegistryError
from cloudinterview_desktop.ai.models.gguf import GGUFInfo

log = logging.getLogger(__name__)

REGISTRY_FILE = "registry.json"
REGISTRY_VERSION = 1
HASH_CHUNK = 4 * 1024 * 1024

HashProgress = Callable[[int, int], None]


@dataclass(frozen=True)
class ModelEntry:
    name: str
    path: str
    size: int
    sha256: str
    architecture: str
    parameters: int
    quantization: str
    context_length: int | None
    licence: str
    chat_template: str
    source: str  # "embedded", "imported" or "downloaded"
    added_at: str
    url: str = ""
    verified: bool = True  # False: downloaded without a published checksum to compare with

    @property
    def embedded(self) -> bool:
        return self.source == "embedded"

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ModelEntry:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})

    @classmethod
    def from_gguf(cls, info: GGUFInfo, name: str, sha256: str, source: str, url: str = "",
                  verified: bool = True) -> ModelEntry:
        return cls(name=name, path=str(info.path), size=info.file_size, sha256=sha256,
                   architecture=info.architecture, parameters=info.parameter_count, quantization=info.quantization,
                   context_length=info.context_length, licence=info.licence, chat_template=info.chat_template,
                   source=source, added_at=datetime.now().isoformat(timespec="seconds"), url=url, verified=verified)


def sha256_file(path: Path, progress: HashProgress | None = None) -> str:
    digest = hashlib.sha256()
    total = path.stat().st_size
    done = 0
    with path.open("rb") as stream:
        while chunk := stream.read(HASH_CHUNK):
            digest.update(chunk)
            done += len(chunk)
            if progress is not None:
                progress(done, total)
    return digest.hexdigest()


def write_json_atomic(path: Path, data: Any) -> None:
    """Write to a temporary file in the same folder, flush it to disk, then rename over the old file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            json.dump(data, stream, ensure_ascii=False, indent=2)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class ModelRegistry:
    """Registered models plus a cache of facts about the embedded one (so listing does not re-hash it)."""

    def __init__(self, models_dir: Path) -> None:
        self.models_dir = models_dir
        self.path = models_dir / REGISTRY_FILE
        self._lock = threading.Lock()

    def _read(self) -> dict[str, Any]:
        if not self.path.exists():
            return {"version": REGISTRY_VERSION, "models": [], "embedded": None}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise RegistryError(f"the model registry {self.path} cannot be read ({exc}); fix or delete it") from exc
        if not isinstance(data, dict) or not isinstance(data.get("models"), list):
            raise RegistryError(f"the model registry {self.path} is not in the expected format; fix or delete it")
        return data

    def entries(self) -> list[ModelEntry]:
        with self._lock:
            return [ModelEntry.from_json(m) for m in self._read()["models"]]

    def find(self, name: str) -> ModelEntry | None:
        return next((e for e in self.entries() if e.name == name), None)

    def get(self, name: str) -> ModelEntry:
        entry = self.find(name)
        if entry is None:
            known = ", ".join(e.name for e in self.entries()) or "none"
            raise ModelNotFound(f"no registered model named {name!r} (registered: {known})")
        return entry

    def add(self, entry: ModelEntry) -> None:
        with self._lock:
            data = self._read()
            if any(m.get("name") == entry.name for m in data["models"]):
                raise RegistryError(f"a model named {entry.name!r} is already registered: choose another --name")
            data["models"].append(entry.to_json())
            write_json_atomic(self.path, data)

    def remove(self, name: str) -> ModelEntry:
        with self._lock:
            data = self._read()
            kept = [m for m in data["models"] if m.get("name") != name]
            if len(kept) == len(data["models"]):
                raise ModelNotFound(f"no registered model named {name!r}")
            removed = next(m for m in data["models"] if m.get("name") == name)
            data["models"] = kept
            write_json_atomic(self.path, data)
            return ModelEntry.from_json(removed)

    def cached_embedded(self, path: Path) -> ModelEntry | None:
        """The embedded model's entry as last computed, if the file has not changed since."""
        with self._lock:
            try:
                cached = self._read().get("embedded")
            except RegistryError:
                return None
        if not isinstance(cached, dict):
            return None
        stat = path.stat()
        if cached.get("path") != str(path) or cached.get("size") != stat.st_size \
                or cached.get("mtime_ns") != stat.st_mtime_ns:
            return None
        return ModelEntry.from_json(cached)

    def cache_embedded(self, entry: ModelEntry) -> None:
        with self._lock:
            try:
                data = self._read()
            except RegistryError as exc:  # a broken registry must not stop the embedded model from working
                log.warning("not caching the embedded model's facts: %s", exc)
                return
            data["embedded"] = {**entry.to_json(), "mtime_ns": Path(entry.path).stat().st_mtime_ns}
            try:
                write_json_atomic(self.path, data)
            except OSError as exc:  # a read-only models folder only costs re-hashing next time
                log.warning("not caching the embedded model's facts: %s", exc)
