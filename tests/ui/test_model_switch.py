"""Choosing another model (here: turning the embedded model on, then off) takes effect at once, without a restart."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from cloudinterview_desktop.app import build_core
from cloudinterview_desktop.engine.session_engine import SessionEngine
from cloudinterview_desktop.paths import resolve_paths
from cloudinterview_desktop.settings import Key, Settings
from cloudinterview_desktop.ui.main_window import MainWindow

NO_MODEL = "Interviewer: the question bank (no language model)"


def test_the_model_switches_without_a_restart(qtbot: QtBot, app_home: Path) -> None:
    paths = resolve_paths(app_home).ensure()
    Settings(paths.settings_file).set(Key.USE_MODEL, False)  # the person had switched the model off
    core = build_core(app_home)  # the window's core follows the settings
    engine = SessionEngine(core.service, core.bank_service)
    window = MainWindow(engine, core.settings, use_monaco=False)
    qtbot.addWidget(window)
    window.show()
    label = window.interview.interviewer_label
    qtbot.waitUntil(lambda: label.text() == NO_MODEL, timeout=30_000)

    before = window._model_settings()
    core.settings.set(Key.USE_MODEL, True)  # what the settings dialog's "use a language model" box does
    window._reload_if_changed(before)
    qtbot.waitUntil(lambda: label.text() != NO_MODEL, timeout=240_000)
    assert "smollm2" in label.text().lower()
    components = core.ai.components()
    assert components is not None and components.backend is not None
    assert core.ai.capability is not None and core.ai.capability.model == components.backend.name

    before = window._model_settings()
    core.settings.set(Key.USE_MODEL, False)
    window._reload_if_changed(before)
    qtbot.waitUntil(lambda: label.text() == NO_MODEL, timeout=30_000)
    assert core.ai.components() is None
    window.close()
    engine.shutdown()
    core.close()
