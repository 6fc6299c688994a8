"""'Test connection' in the settings: a real llama.cpp server on 127.0.0.1 answers; a wrong model name or a closed
port gets a clear reason."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from cloudinterview_desktop.ai.services.endpoint_check import check_endpoint
from cloudinterview_desktop.app import AppCore
from cloudinterview_desktop.ui.settings_dialog import SettingsDialog
from tests.ai.test_openai_http_backend import _free_port, server_url  # noqa: F401 - the server fixture

pytestmark = pytest.mark.model


def test_a_closed_port_and_an_empty_url_are_clear() -> None:
    closed = check_endpoint(f"http://127.0.0.1:{_free_port()}/v1", "x")
    assert not closed.ok and "cannot reach the model server" in closed.message
    assert not check_endpoint("", "").ok


def test_the_dialog_tests_the_endpoint_as_typed(qtbot: QtBot, core: AppCore, server_url: str) -> None:  # noqa: F811
    dialog = SettingsDialog(core.settings, str(core.paths.data_dir), [])
    qtbot.addWidget(dialog)
    dialog.endpoint.setText(server_url)
    dialog.endpoint_model.setText("no-such-model")
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled() and dialog.test_result.text() != "Connecting…",
                    timeout=60_000)
    assert dialog.test_result.text().startswith("\u2717 Connected, but the server has no model 'no-such-model'")
    assert "smollm2" in dialog.test_result.text()
    dialog.endpoint_model.setText("smollm2")
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled() and dialog.test_result.text().startswith("\u2713"),
                    timeout=120_000)
    assert "Connected: smollm2@127.0.0.1" in dialog.test_result.text() and "answered in" in dialog.test_result.text()
