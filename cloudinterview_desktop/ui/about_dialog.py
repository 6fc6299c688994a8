"""Help → About: the version, the models in use with their licences, where the data and logs live (with buttons to
open those folders), and the licence texts that ship with the app (LICENSE, THIRD_PARTY_NOTICES)."""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cloudinterview_desktop import __version__
from cloudinterview_desktop.ai.models.manager import ModelManager
from cloudinterview_desktop.domain.errors import CloudInterviewError
from cloudinterview_desktop.embedded_models import EmbeddedModel, embedded_llm, embedded_tts, embedded_whisper
from cloudinterview_desktop.resources import bundle_root
from cloudinterview_desktop.settings import Key, Settings

log = logging.getLogger(__name__)

LICENCE_FILES = (("Licence", "LICENSE"), ("Third-party notices", "THIRD_PARTY_NOTICES"))


@dataclass(frozen=True)
class ModelInUse:
    role: str  # "Language model", "Speech to text", "Text to speech"
    name: str
    licence: str
    where: str  # a file, a folder or a server address


@dataclass(frozen=True)
class AboutInfo:
    version: str
    models: tuple[ModelInUse, ...]
    folders: tuple[tuple[str, Path], ...]  # (label, folder)
    licences: tuple[tuple[str, Path], ...]  # (label, file)


def _embedded(role: str, model: EmbeddedModel) -> ModelInUse:
    where = str(model.path) if model.found else "not installed"
    return ModelInUse(role, f"{model.name} (built in)", model.licence, where)


def language_model(settings: Settings, models_dir: Path) -> ModelInUse:
    """The language model the settings choose: none, a server, a model added in the model manager, or the
    built-in SmolLM2."""
    role = "Language model"
    if not settings.get(Key.USE_MODEL):
        return ModelInUse(role, "none (the question bank's interviewer and measured feedback)", "", "")
    url = str(settings.get(Key.ENDPOINT_URL))
    if url:
        name = str(settings.get(Key.ENDPOINT_MODEL)) or "the server's default model"
        return ModelInUse(role, f"{name} on an OpenAI-compatible server", "set by the server's model", url)
    chosen = str(settings.get(Key.LLM_MODEL))
    if chosen:
        try:
            entry = ModelManager(models_dir).resolve(chosen)
        except (CloudInterviewError, OSError, ValueError) as exc:
            log.info("about: model %s not resolved: %s", chosen, exc)
            return ModelInUse(role, chosen, "unknown (the model is not in the model list)", str(models_dir))
        return ModelInUse(role, entry.name, entry.licence or "not stated in the model file", entry.path)
    return _embedded(role, embedded_llm())


def about_info(settings: Settings, data_dir: Path, logs_dir: Path, models_dir: Path) -> AboutInfo:
    models = (language_model(settings, models_dir), _embedded("Speech to text", embedded_whisper()),
              _embedded("Text to speech", embedded_tts()))
    folders = (("Data (sessions, reports, recordings)", data_dir), ("Logs", logs_dir), ("Added models", models_dir))
    licences = tuple((label, bundle_root() / name) for label, name in LICENCE_FILES)
    return AboutInfo(__version__, models, folders, licences)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        return f"{path} could not be read: {exc.strerror or exc}"


class AboutDialog(QDialog):
    def __init__(self, info: AboutInfo, parent: QWidget | None = None,
                 open_folder: Callable[[Path], bool] | None = None) -> None:
        super().__init__(parent)
        self.info = info
        self._open_folder = open_folder or (lambda path: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))
        self.setWindowTitle(self.tr("About CloudInterview"))
        self.resize(760, 620)
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("<h2>CloudInterview Desktop {version}</h2>"
                                 "<p>Offline mock interviews: everything runs on this computer.</p>").format(
                                     version=html.escape(info.version)))
        layout.addWidget(heading)

        models = QGridLayout()
        models.addWidget(QLabel(self.tr("<b>Models in use</b>")), 0, 0, 1, 3)
        for row, model in enumerate(info.models, start=1):
            models.addWidget(QLabel(model.role), row, 0)
            name = QLabel(html.escape(model.name) + (f"<br><small>{html.escape(model.where)}</small>"
                                                     if model.where else ""))
            name.setWordWrap(True)
            models.addWidget(name, row, 1)
            models.addWidget(QLabel(html.escape(model.licence)), row, 2)
        models.setColumnStretch(1, 1)
        layout.addLayout(models)

        folders = QGridLayout()
        folders.addWidget(QLabel(self.tr("<b>Folders</b>")), 0, 0, 1, 3)
        self.folder_buttons: dict[str, QPushButton] = {}
        for row, (label, path) in enumerate(info.folders, start=1):
            folders.addWidget(QLabel(label), row, 0)
            shown = QLabel(str(path))
            shown.setWordWrap(True)
            folders.addWidget(shown, row, 1)
            button = QPushButton(self.tr("Open"))
            button.clicked.connect(lambda _checked=False, p=path: self.open_folder(p))
            folders.addWidget(button, row, 2)
            self.folder_buttons[label] = button
        folders.setColumnStretch(1, 1)
        layout.addLayout(folders)

        switch = QHBoxLayout()
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.licence_buttons: dict[str, QPushButton] = {}
        for label, path in info.licences:
            button = QPushButton(label)
            button.clicked.connect(lambda _checked=False, p=path: self.show_text(p))
            switch.addWidget(button)
            self.licence_buttons[label] = button
        switch.addStretch(1)
        layout.addLayout(switch)
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if info.licences:
            self.show_text(info.licences[0][1])

    def show_text(self, path: Path) -> None:
        self.text.setPlainText(_read(path))

    def open_folder(self, path: Path) -> bool:
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            log.warning("about: cannot make %s: %s", path, exc)
        opened = self._open_folder(path)
        if not opened:
            log.warning("about: the desktop could not open %s", path)
        return opened
