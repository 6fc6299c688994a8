"""Starts the GUI: logging, QApplication, the app core from the composition root, the engine and the window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from cloudinterview_desktop.app import build_core
from cloudinterview_desktop.engine.session_engine import SessionEngine
from cloudinterview_desktop.logging_setup import setup_logging
from cloudinterview_desktop.paths import resolve_paths
from cloudinterview_desktop.resources import resource_path
from cloudinterview_desktop.ui import editor_lsp
from cloudinterview_desktop.ui.error_dialog import install_gui_excepthook
from cloudinterview_desktop.ui.main_window import MainWindow
from cloudinterview_desktop.ui.voice_loader import VoiceLoader


def run_gui(home: Path | None = None, exit_after_shown: bool = False) -> int:
    # Chromium's sandbox cannot start as root (containers, CI); Qt WebEngine needs it off there.
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    paths = resolve_paths(home)
    setup_logging(paths)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setApplicationName("CloudInterview")
    app.setOrganizationName("CloudInterview")
    app.setDesktopFileName("cloudinterview")  # Wayland matches the window to its .desktop entry and icon
    app.setWindowIcon(QIcon(str(resource_path("icons", "cloudinterview.png"))))
    install_gui_excepthook(paths)
    core = build_core(home)
    language_server = editor_lsp.LanguageServer()
    editor_lsp.install(language_server)
    engine = SessionEngine(core.service, core.bank_service)
    voice = VoiceLoader(core.settings, core.paths.recordings_dir)
    window = MainWindow(engine, core.settings, data_dir=str(core.paths.data_dir), input_devices=voice.input_devices,
                        models_dir=str(core.paths.models_dir), logs_dir=str(core.paths.logs_dir))
    voice.loaded.connect(window.voice.attach)
    window.shown.connect(voice.start)
    if exit_after_shown:
        window.shown.connect(lambda: QTimer.singleShot(0, window.close))
    window.show()
    for note in core.startup_notes:
        QTimer.singleShot(0, lambda note=note: QMessageBox.information(window, "CloudInterview", note))
    code = app.exec()
    engine.shutdown()
    voice.shutdown()
    language_server.stop()
    core.close()
    return int(code)
