"""The model manager dialog: the embedded model is listed with a fit estimate; a download from a local server is
refused when its checksum is wrong and registered when it matches."""

from __future__ import annotations

import hashlib
from pathlib import Path

from pytestqt.qtbot import QtBot

from cloudinterview_desktop.ai.models.manager import ModelManager
from cloudinterview_desktop.app import AppCore
from cloudinterview_desktop.embedded_models import embedded_llm
from cloudinterview_desktop.ui.model_manager_dialog import ModelManagerDialog
from tests.ai.file_server import Served, file_server
from tests.ui.cells import cell_text


def test_lists_the_embedded_model_with_a_fit_estimate(qtbot: QtBot, core: AppCore) -> None:
    dialog = ModelManagerDialog(ModelManager(core.paths.models_dir), core.settings)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() >= 1
    assert "(in use)" in cell_text(dialog.table, 0, 0)
    assert "GiB of RAM" in dialog.fit.text()
    assert not dialog.remove_button.isEnabled()  # the embedded model cannot be removed


def test_download_with_wrong_then_right_checksum(qtbot: QtBot, core: AppCore) -> None:
    model = embedded_llm().path
    assert model is not None
    data = model.read_bytes()
    served = Served(files={"/small.gguf": data})
    dialog = ModelManagerDialog(ModelManager(core.paths.models_dir), core.settings)
    qtbot.addWidget(dialog)
    with file_server(served) as base:
        dialog.url.setText(f"{base}/small.gguf")
        dialog.sha256.setText("0" * 64)
        dialog.download_button.click()
        qtbot.waitUntil(lambda: dialog.status.text().startswith("Failed"), timeout=60_000)
        assert "SHA-256" in dialog.status.text() or "checksum" in dialog.status.text()
        assert dialog.table.rowCount() == 1
        dialog.sha256.setText(hashlib.sha256(data).hexdigest())
        dialog.download_button.click()
        qtbot.waitUntil(lambda: dialog.status.text().startswith("Downloaded"), timeout=60_000)
    assert dialog.table.rowCount() == 2


def test_the_catalog_shows_fit_and_downloads_in_one_click_verified_or_marked_unverified(qtbot: QtBot, core: AppCore,
                                                                                        tmp_path: Path) -> None:
    import json

    model = embedded_llm().path
    assert model is not None
    data = model.read_bytes()
    served = Served(files={"/verified.gguf": data, "/unlisted.gguf": data + b""})
    with file_server(served) as base:
        catalog = tmp_path / "catalog.json"
        common = {"approx_size_gb": len(data) / 1e9, "parameters_b": 0.135, "ram_gb": 0.5, "licence": "Apache-2.0"}
        catalog.write_text(json.dumps({"models": [
            {"name": "small-verified", "title": "Small (checksum published)", "url": f"{base}/verified.gguf",
             "sha256": hashlib.sha256(data).hexdigest(), **common},
            {"name": "small-unverified", "title": "Small (no checksum)", "url": f"{base}/unlisted.gguf", **common},
            {"name": "huge", "title": "Huge", "url": f"{base}/huge.gguf", "approx_size_gb": 4000.0,
             "parameters_b": 4000.0, "ram_gb": 5000.0, "licence": "MIT"},
        ]}), encoding="utf-8")
        manager = ModelManager(core.paths.models_dir, catalog_path=catalog)
        dialog = ModelManagerDialog(manager, core.settings)
        qtbot.addWidget(dialog)
        table = dialog.catalog
        assert [cell_text(table, r, 3) for r in range(3)][:2] == ["fits", "fits"]
        assert cell_text(table, 2, 3) == "too big"
        assert [cell_text(table, r, 5) for r in range(2)] == ["published", "unverified"]
        assert [b.text() for b in table.buttons] == ["Download", "Download (unverified)", "Download (unverified)"]
        table.buttons[0].click()
        qtbot.waitUntil(lambda: dialog.status.text().startswith("Downloaded and verified"), timeout=60_000)
        table.buttons[1].click()
        qtbot.waitUntil(lambda: dialog.status.text().startswith("Downloaded (unverified"), timeout=60_000)
    entries = {e.name: e for e in manager.entries()}
    assert entries["small-verified"].verified and not entries["small-unverified"].verified
    sources = [cell_text(dialog.table, r, 5) for r in range(dialog.table.rowCount())]
    assert "downloaded (unverified)" in sources and "downloaded" in sources
