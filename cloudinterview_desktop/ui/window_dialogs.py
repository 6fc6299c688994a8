"""The dialogs the main window opens over itself: settings, language models, keyboard shortcuts and About."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMainWindow

from cloudinterview_desktop.settings import Key, Settings
from cloudinterview_desktop.ui.settings_dialog import SettingsDialog
from cloudinterview_desktop.ui.shortcuts import ShortcutSheet

MODEL_KEYS = (Key.USE_MODEL, Key.LLM_MODEL, Key.GPU_LAYERS, Key.ENDPOINT_URL, Key.ENDPOINT_MODEL, Key.ENDPOINT_KEY)
ModelSettings = tuple[object, ...]


def model_settings(settings: Settings) -> ModelSettings:
    """The settings that choose the interviewer's model: when they change, another model takes over."""
    return tuple(settings.get(key) for key in MODEL_KEYS)


class WindowDialogs(QObject):
    preferences_accepted = Signal()  # the settings dialog's OK: the theme and editor font apply at once
    delete_all_requested = Signal()

    def __init__(self, window: QMainWindow, settings: Settings, reload_if_changed: Callable[[ModelSettings], None],
                 input_devices: Callable[[], list[str]], data_dir: str, models_dir: str, logs_dir: str) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings
        self._reload_if_changed = reload_if_changed
        self._input_devices = input_devices
        self._data_dir = data_dir
        self._models_dir = models_dir
        self._logs_dir = logs_dir

    def open_settings(self) -> None:
        dialog = SettingsDialog(self._settings, self._data_dir, self._input_devices(), self._window)
        dialog.delete_all_requested.connect(self.delete_all_requested)
        dialog.models_requested.connect(self.open_models)
        before = model_settings(self._settings)
        if dialog.exec():
            self.preferences_accepted.emit()
        self._reload_if_changed(before)

    def open_models(self) -> None:
        from cloudinterview_desktop.ai.models.manager import ModelManager
        from cloudinterview_desktop.ui.model_manager_dialog import ModelManagerDialog

        before = model_settings(self._settings)
        ModelManagerDialog(ModelManager(Path(self._models_dir)), self._settings, self._window).exec()
        self._reload_if_changed(before)

    def open_about(self) -> None:
        from cloudinterview_desktop.ui.about_dialog import AboutDialog, about_info

        info = about_info(self._settings, Path(self._data_dir), Path(self._logs_dir), Path(self._models_dir))
        AboutDialog(info, self._window).exec()

    def open_shortcuts(self) -> None:
        ShortcutSheet(self._window).exec()
