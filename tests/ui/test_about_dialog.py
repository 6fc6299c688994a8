"""Help → About: the version, the models the settings put in use with their licences, the folders (opened through
the desktop), and the licence files that ship with the app."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cloudinterview_desktop.app import AppCore
from cloudinterview_desktop.engine.session_engine import SessionEngine
from cloudinterview_desktop.settings import Key
from cloudinterview_desktop.ui.about_dialog import AboutDialog, about_info
from cloudinterview_desktop.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def info_for(core: AppCore) -> Any:
    return about_info(core.settings, core.paths.data_dir, core.paths.logs_dir, core.paths.models_dir)


def test_version_models_and_licences_of_a_default_install(core: AppCore) -> None:
    info = info_for(core)
    assert info.version == tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    roles = {m.role: m for m in info.models}
    llm = roles["Language model"]
    assert "SmolLM2-135M-Instruct" in llm.name and llm.licence == "Apache-2.0"
    assert Path(llm.where).name == "SmolLM2-135M-Instruct.Q4_1.gguf" and Path(llm.where).is_file()
    assert "Whisper tiny.en" in roles["Speech to text"].name and roles["Speech to text"].licence == "MIT"
    assert roles["Text to speech"].licence == "Apache-2.0" and Path(roles["Text to speech"].where).is_file()
    assert dict(info.folders)["Logs"] == core.paths.logs_dir
    assert [path.name for _label, path in info.licences] == ["LICENSE", "THIRD_PARTY_NOTICES"]


def test_the_language_model_follows_the_settings(core: AppCore) -> None:
    core.settings.set(Key.ENDPOINT_URL, "http://127.0.0.1:8080/v1")
    core.settings.set(Key.ENDPOINT_MODEL, "qwen2.5-7b")
    llm = info_for(core).models[0]
    assert llm.name == "qwen2.5-7b on an OpenAI-compatible server" and llm.where == "http://127.0.0.1:8080/v1"
    core.settings.set(Key.ENDPOINT_URL, "")
    core.settings.set(Key.LLM_MODEL, "no-such-model")
    llm = info_for(core).models[0]
    assert llm.name == "no-such-model" and llm.licence.startswith("unknown")
    core.settings.set(Key.USE_MODEL, False)
    assert info_for(core).models[0].name.startswith("none")


def test_the_dialog_shows_the_licences_and_opens_the_folders(qtbot: QtBot, core: AppCore) -> None:
    opened: list[Path] = []
    dialog = AboutDialog(info_for(core), open_folder=lambda path: opened.append(path) or True)
    qtbot.addWidget(dialog)
    assert dialog.text.toPlainText() == (ROOT / "LICENSE").read_text("utf-8")
    assert "Apache License" in dialog.text.toPlainText()
    dialog.licence_buttons["Third-party notices"].click()
    notices = dialog.text.toPlainText()
    assert notices == (ROOT / "THIRD_PARTY_NOTICES").read_text("utf-8")
    assert "\nPySide6 " in notices and "llama.cpp" in notices and "SmolLM2-135M-Instruct" in notices
    dialog.folder_buttons["Logs"].click()
    assert opened == [core.paths.logs_dir] and core.paths.logs_dir.is_dir()


def test_help_menu_opens_about(qtbot: QtBot, core: AppCore) -> None:
    window = MainWindow(SessionEngine(core.service), core.settings, data_dir=str(core.paths.data_dir),
                        models_dir=str(core.paths.models_dir), logs_dir=str(core.paths.logs_dir))
    qtbot.addWidget(window)
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&Help"]
    seen: list[str] = []

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, AboutDialog):
            QTimer.singleShot(50, close_it)
            return
        seen.append(dialog.windowTitle())
        seen.append(str(dict(dialog.info.folders)["Logs"]))
        dialog.reject()

    QTimer.singleShot(0, close_it)
    window.about_action.trigger()
    assert seen == ["About CloudInterview", str(core.paths.logs_dir)]
    window.close()
