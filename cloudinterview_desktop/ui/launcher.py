"""Starts the GUI: logging, QApplication, the app core from the composition root, the engine and the window."""

from __future__ import annotations

import gc
import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from cloudinterview_desktop.domain.errors import CloudInterviewError
from cloudinterview_desktop.logging_setup import setup_logging
from cloudinterview_desktop.paths import resolve_paths
from cloudinterview_desktop.resources import resource_path
from cloudinterview_desktop.store.restore import keep_without_offering, restore, set_aside_copies
from cloudinterview_desktop.ui.error_dialog import install_gui_excepthook
from cloudinterview_desktop.ui.i18n import install_translator
from cloudinterview_desktop.ui.single_instance import SingleInstance

log = logging.getLogger(__name__)


def offer_set_aside_copies(db_path: Path) -> None:
    """A readable database that was set aside (an earlier release did so on a full disk) is offered back once."""
    for copy in set_aside_copies(db_path, include_kept=False):
        if not copy.restorable:
            continue
        answer = QMessageBox.question(
            None, QCoreApplication.translate("Launcher", "Restore your earlier data?"),
            QCoreApplication.translate(
                "Launcher", "A copy of your data with {sessions} session(s) was set aside on {when:%d %b %Y at %H:%M}, "
                "and it is readable:\n{path}\n\nRestore it? What you saved since is kept and merged into it. If you "
                "say no, the copy stays on disk and `cloudinterview data restore` can bring it back later.").format(
                sessions=copy.sessions, when=copy.set_aside_at, path=copy.path))
        try:
            if answer == QMessageBox.StandardButton.Yes:
                report = restore(db_path, copy.path)
                QMessageBox.information(None, "CloudInterview", QCoreApplication.translate(
                    "Launcher", "Restored: {sessions} session(s) are back in your history.").format(
                    sessions=report.sessions))
            else:
                keep_without_offering(copy.path)
        except (CloudInterviewError, OSError) as exc:
            QMessageBox.warning(None, "CloudInterview", QCoreApplication.translate(
                "Launcher", "The copy was not restored: {error}").format(error=exc))


def freeze_startup_heap() -> None:
    """Moves what start-up built (modules, the bank, widgets' wrappers: objects that live as long as the window) out
    of the collector's reach. A full collection walks every tracked object while holding the interpreter lock, so one
    started by a worker thread held the GUI thread up for 60-70 ms; frozen, the objects are no longer walked."""
    gc.collect()
    gc.freeze()
    log.info("start-up heap frozen: %d objects left out of garbage collection", gc.get_freeze_count())


def run_gui(home: Path | None = None, exit_after_shown: bool = False, files: list[str] | None = None) -> int:
    # Chromium's sandbox cannot start as root (containers, CI); Qt WebEngine needs it off there.
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    paths = resolve_paths(home)
    setup_logging(paths)
    # Qt WebEngine (imported later, only by the one window) needs shared OpenGL contexts set before the app exists.
    QApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setApplicationName("CloudInterview")
    app.setOrganizationName("CloudInterview")
    app.setDesktopFileName("cloudinterview")  # Wayland matches the window to its .desktop entry and icon
    app.setWindowIcon(QIcon(str(resource_path("icons", "cloudinterview.png"))))
    install_translator(app)
    install_gui_excepthook(paths)
    files = [str(Path(f).resolve()) for f in files or []]
    instance = SingleInstance(paths.data_dir)
    if not instance.become_primary():
        if instance.hand_over(files):
            return 0  # the running window came to the front with the files
        QMessageBox.warning(None, "CloudInterview", QCoreApplication.translate(
            "Launcher", "CloudInterview is already open on this data but does not answer. Close it (or wait for it "
            "to finish), then start it again."))
        return 1
    # Only the one window pays for the heavy imports (the core, the engine, Qt WebEngine); a second launch is quick.
    from cloudinterview_desktop.app import build_core
    from cloudinterview_desktop.engine.session_engine import SessionEngine
    from cloudinterview_desktop.ui import editor_lsp
    from cloudinterview_desktop.ui.main_window import MainWindow
    from cloudinterview_desktop.ui.voice_loader import VoiceLoader

    offer_set_aside_copies(paths.db_path)
    try:
        core = build_core(home)
    except CloudInterviewError as exc:  # a full or read-only disk, data busy elsewhere: words, not a traceback
        QMessageBox.critical(None, QCoreApplication.translate("Launcher", "CloudInterview cannot open your data"),
                             str(exc))
        return 1
    language_server = editor_lsp.LanguageServer()
    editor_lsp.install(language_server)
    engine = SessionEngine(core.service, core.bank_service)
    voice = VoiceLoader(core.settings, core.paths.recordings_dir)
    window = MainWindow(engine, core.settings, data_dir=str(core.paths.data_dir), input_devices=voice.input_devices,
                        models_dir=str(core.paths.models_dir), logs_dir=str(core.paths.logs_dir),
                        code_safety=core.judge.safety())
    voice.loaded.connect(window.voice.attach)
    window.shown.connect(voice.start)
    window.shown.connect(lambda: QTimer.singleShot(0, freeze_startup_heap))
    if exit_after_shown:
        window.shown.connect(lambda: QTimer.singleShot(0, window.close))
    instance.activated.connect(window.bring_forward)
    window.show()
    if files:
        QTimer.singleShot(0, lambda: window.bring_forward(files))
    for note in core.startup_notes:
        QTimer.singleShot(0, lambda note=note: QMessageBox.information(window, "CloudInterview", note))
    code = app.exec()
    engine.shutdown()
    voice.shutdown()
    language_server.stop()
    core.close()
    instance.release()
    return int(code)
