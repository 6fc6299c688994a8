"""The editor loads in the background after the window is shown, and goes away cleanly with the window
(a Qt WebEngine page that outlives its profile crashes the process at exit: this file would exit with a segfault)."""

from __future__ import annotations

import sys
from typing import cast

import pytest
from pytestqt.qtbot import QtBot

from cloudinterview_desktop.app import AppCore
from cloudinterview_desktop.engine.session_engine import SessionEngine
from cloudinterview_desktop.ui import editor_lsp
from cloudinterview_desktop.ui.main_window import MainWindow


def test_editor_preloads_after_show_and_is_disposed_on_close(qtbot: QtBot, core: AppCore) -> None:
    engine = SessionEngine(core.service, core.bank_service)
    window = MainWindow(engine, core.settings)
    qtbot.addWidget(window)
    editor = window.interview.coding.editor
    assert not editor.is_ready  # nothing of WebEngine before the first paint
    window.show()
    qtbot.waitUntil(lambda: editor.is_ready, timeout=60_000)
    assert "code editor ready" in window.statusBar().currentMessage()
    editor.set_code("x = 1\n", "python")
    assert editor.code() == "x = 1\n"
    window.close()
    assert not editor.is_ready


def test_language_server_runs_from_this_interpreter_and_stops() -> None:
    server = editor_lsp.LanguageServer()
    assert server.enabled, server.reason
    host = server.host()
    assert host.startswith("localhost:") and server.running
    assert server._process is not None and cast("list[str]", server._process.args)[0] == sys.executable
    server.stop()
    assert not server.running


def test_language_server_is_off_in_a_frozen_app(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    server = editor_lsp.LanguageServer()
    assert not server.enabled and server.reason == "frozen app"
    assert server.host() == editor_lsp.DISABLED_HOST
