"""The model registry and `cloudinterview models`: the embedded model always listed, files validated and hashed,
atomic writes, and clear errors with exit code 1."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest

from cloudinterview_desktop.ai.errors import ModelFormatError, ModelNotFound, RegistryError
from cloudinterview_desktop.ai.models.catalog import load_catalog
from cloudinterview_desktop.ai.models.manager import EMBEDDED_NAME, ModelManager
from cloudinterview_desktop.ai.models.registry import REGISTRY_FILE
from tests.cli.helpers import cli, cli_json


def test_manager_lists_adds_verifies_and_removes(model_path: Path, tmp_path: Path) -> None:
    manager = ModelManager(tmp_path / "models")
    embedded = manager.entries()[0]
    assert embedded.name == EMBEDDED_NAME and embedded.embedded
    assert embedded.sha256 == hashlib.sha256(model_path.read_bytes()).hexdigest()
    assert manager.resolve("") == embedded

    copy = tmp_path / "elsewhere" / "My-Model.gguf"
    copy.parent.mkdir()
    shutil.copyfile(model_path, copy)
    added = manager.add(copy)
    assert (added.name, added.source, added.path) == ("my-model", "imported", str(copy.resolve()))
    assert (added.architecture, added.quantization, added.context_length) == ("llama", "Q4_1", 8192)
    assert "<|im_start|>" in added.chat_template and added.parameters > 100_000_000
    with pytest.raises(RegistryError, match="already registered"):
        manager.add(copy)
    with pytest.raises(RegistryError, match="embedded model's name"):
        manager.add(copy, name=EMBEDDED_NAME)

    registry = json.loads((tmp_path / "models" / REGISTRY_FILE).read_text())
    assert [m["name"] for m in registry["models"]] == ["my-model"]
    assert [p.name for p in (tmp_path / "models").iterdir()] == [REGISTRY_FILE]  # no temporary files left

    assert manager.verify("my-model").ok
    with copy.open("r+b") as stream:  # damage the registered file
        stream.truncate(copy.stat().st_size - 10)
    result = manager.verify("my-model")
    assert not result.ok and any("truncated" in p for p in result.problems)
    assert any("SHA-256" in p for p in result.problems)

    removed, deleted = manager.remove("my-model")
    assert removed.name == "my-model" and not deleted and copy.exists()  # a user's own file is left alone
    with pytest.raises(ModelNotFound):
        manager.resolve("my-model")
    with pytest.raises(RegistryError, match="cannot be removed"):
        manager.remove(EMBEDDED_NAME)


def test_broken_files_are_not_registered(tmp_path: Path) -> None:
    manager = ModelManager(tmp_path / "models")
    junk = tmp_path / "junk.gguf"
    junk.write_bytes(os.urandom(5000))
    with pytest.raises(ModelFormatError):
        manager.add(junk)
    assert manager.registry.entries() == []


def test_an_unreadable_registry_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / REGISTRY_FILE).write_text("{not json")
    with pytest.raises(RegistryError, match="cannot be read"):
        ModelManager(tmp_path / "models").registry.entries()


def test_catalog_entries_are_complete() -> None:
    entries = load_catalog()
    assert len(entries) >= 4
    for entry in entries:
        assert entry.url.startswith("https://huggingface.co/") and entry.url.endswith(".gguf")
        assert entry.ram_gb > entry.approx_size_gb > 0 and entry.licence
        assert entry.sha256 is None  # not verified for this catalog: the user must pass --sha256


def test_cli_models_commands(app_home: Path, model_path: Path, tmp_path: Path) -> None:
    listed = cli_json("models", "list", home=app_home)
    assert listed[0]["name"] == EMBEDDED_NAME and listed[0]["embedded"] is True

    junk = tmp_path / "junk.gguf"
    junk.write_bytes(b"<html>404</html>")
    result = cli("models", "add", str(junk), home=app_home)
    assert result.returncode == 1 and "web page" in result.stderr and "Traceback" not in result.stderr

    result = cli("models", "download", "https://example.org/model.gguf", home=app_home)
    assert result.returncode == 1 and "--sha256" in result.stderr

    added = cli_json("models", "add", str(model_path), "--name", "smol-copy", home=app_home)
    assert added["name"] == "smol-copy" and added["embedded"] is False
    verified = cli_json("models", "verify", home=app_home)
    assert [v["ok"] for v in verified] == [True, True]

    result = cli("models", "remove", "smol-copy", home=app_home)
    assert result.returncode == 0 and "left in place" in result.stdout
    result = cli("models", "remove", EMBEDDED_NAME, home=app_home)
    assert result.returncode == 1 and "cannot be removed" in result.stderr
