"""The model manager dialog: the embedded model is listed with a fit estimate; a download from a local server is
refused when its checksum is wrong and registered when it matches."""

from __future__ import annotations

import hashlib
from typing import Any

from pytestqt.qtbot import QtBot

from cloudinterview_desktop.ai.models.manager import ModelManager
from cloudinterview_desktop.embedded_models import embedded_llm
from cloudinterview_desktop.ui.model_manager_dialog import ModelManagerDialog
from tests.ai.file_server import Served, file_server


def test_lists_the_embedded_model_with_a_fit_estimate(qtbot: QtBot, core: Any) -> None:
    dialog = ModelManagerDialog(ModelManager(core.paths.models_dir), core.settings)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() >= 1
    assert "(in use)" in dialog.table.item(0, 0).text()
    assert "GiB of RAM" in dialog.fit.text()
    assert not dialog.remove_button.isEnabled()  # the embedded model cannot be removed


def test_download_with_wrong_then_right_checksum(qtbot: QtBot, core: Any) -> None:
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
