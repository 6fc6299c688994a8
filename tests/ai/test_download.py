"""Model downloads from a real local HTTP server: resume after a dropped connection, checksum checks, cancel."""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path

import pytest

from cloudinterview_desktop.ai.errors import ChecksumMismatch, DownloadError, ModelFormatError
from cloudinterview_desktop.ai.models.download import PART_SUFFIX, download
from cloudinterview_desktop.ai.models.manager import ModelManager
from cloudinterview_desktop.domain.errors import Cancelled
from tests.ai.file_server import Served, file_server

PAYLOAD = os.urandom(3 * 1024 * 1024 + 123)
SHA = hashlib.sha256(PAYLOAD).hexdigest()


def test_interrupted_download_resumes_with_range_and_is_verified(tmp_path: Path) -> None:
    served = Served({"/m.gguf": PAYLOAD}, drop_after=1_000_000)
    with file_server(served) as base:
        with pytest.raises(DownloadError, match="run it again to resume"):
            download(f"{base}/m.gguf", SHA, tmp_path)
        part = tmp_path / ("m.gguf" + PART_SUFFIX)
        assert part.stat().st_size == 1_000_000  # what arrived is kept...
        assert not (tmp_path / "m.gguf").exists()  # ...but nothing has the final name
        seen: list[tuple[int, int]] = []
        final = download(f"{base}/m.gguf", SHA, tmp_path, progress=lambda d, t: seen.append((d, t)))
    assert served.requests == [("/m.gguf", None), ("/m.gguf", "bytes=1000000-")]
    assert final == tmp_path / "m.gguf" and final.read_bytes() == PAYLOAD
    assert not part.exists()
    assert seen[0] == (1_000_000, len(PAYLOAD)) and seen[-1] == (len(PAYLOAD), len(PAYLOAD))


def test_wrong_checksum_is_refused_and_nothing_is_kept(tmp_path: Path) -> None:
    with file_server(Served({"/m.gguf": PAYLOAD})) as base, pytest.raises(ChecksumMismatch) as caught:
        download(f"{base}/m.gguf", "0" * 64, tmp_path)
    assert caught.value.actual == SHA
    assert list(tmp_path.iterdir()) == []


def test_cancel_keeps_the_part_and_a_later_call_resumes(tmp_path: Path) -> None:
    cancel = threading.Event()

    def progress(done: int, total: int) -> None:
        if done >= 2 * 1024 * 1024:
            cancel.set()

    served = Served({"/m.gguf": PAYLOAD})
    with file_server(served) as base:
        with pytest.raises(Cancelled):
            download(f"{base}/m.gguf", SHA, tmp_path, progress=progress, cancel=cancel)
        kept = (tmp_path / ("m.gguf" + PART_SUFFIX)).stat().st_size
        assert 0 < kept < len(PAYLOAD)
        final = download(f"{base}/m.gguf", SHA, tmp_path)
    assert served.requests[-1] == ("/m.gguf", f"bytes={kept}-")
    assert final.read_bytes() == PAYLOAD


def test_a_server_that_ignores_range_restarts_cleanly(tmp_path: Path) -> None:
    (tmp_path / ("m.gguf" + PART_SUFFIX)).write_bytes(PAYLOAD[:5000])
    with file_server(Served({"/m.gguf": PAYLOAD}, ignore_range=True)) as base:
        final = download(f"{base}/m.gguf", SHA, tmp_path)
    assert final.read_bytes() == PAYLOAD


def test_a_complete_part_is_verified_not_fetched_again(tmp_path: Path) -> None:
    (tmp_path / ("m.gguf" + PART_SUFFIX)).write_bytes(PAYLOAD)
    with file_server(Served({"/m.gguf": PAYLOAD})) as base:
        final = download(f"{base}/m.gguf", SHA, tmp_path)  # the server answers 416
    assert final.read_bytes() == PAYLOAD


def test_http_errors_and_bad_checksums_are_clear(tmp_path: Path) -> None:
    with file_server(Served()) as base, pytest.raises(DownloadError, match="404"):
        download(f"{base}/missing.gguf", SHA, tmp_path)
    with pytest.raises(DownloadError, match="not a SHA-256"):
        download("http://127.0.0.1:9/m.gguf", "abc", tmp_path)
    with pytest.raises(DownloadError, match="cannot reach"):
        download("http://127.0.0.1:9/m.gguf", SHA, tmp_path, timeout=2)


def test_manager_registers_a_downloaded_model_only_when_it_is_a_valid_gguf(model_path: Path, tmp_path: Path) -> None:
    model = model_path.read_bytes()
    model_sha = hashlib.sha256(model).hexdigest()
    manager = ModelManager(tmp_path / "models")
    with file_server(Served({"/smol.gguf": model, "/fake.gguf": PAYLOAD})) as base:
        with pytest.raises(DownloadError, match="SHA-256 checksum is required"):
            manager.download(f"{base}/smol.gguf")
        with pytest.raises(ModelFormatError):  # the checksum matches, but the bytes are not a model
            manager.download(f"{base}/fake.gguf", SHA)
        assert manager.registry.entries() == []
        assert not (tmp_path / "models" / "fake.gguf").exists()
        entry = manager.download(f"{base}/smol.gguf", model_sha.upper(), name="smol")
    assert entry.source == "downloaded" and entry.sha256 == model_sha and entry.url.endswith("/smol.gguf")
    assert manager.resolve("smol").path == str(tmp_path / "models" / "smol.gguf")
    assert manager.verify("smol").ok
    removed, deleted = manager.remove("smol")
    assert removed.name == "smol" and deleted and not (tmp_path / "models" / "smol.gguf").exists()
