"""Settings: appearance, editor, interview defaults, voice, model and endpoint, data and retention."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cloudinterview_desktop.ai.services.endpoint_check import EndpointCheck, check_endpoint
from cloudinterview_desktop.engine.background_task import BackgroundTask
from cloudinterview_desktop.settings import Key, Settings
from cloudinterview_desktop.ui.coding_panel import LANGUAGE_LABELS


def _combo(items: dict[str, str], current: str, name: str) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    for key, label in items.items():
        combo.addItem(label, key)
    index = combo.findData(current)
    combo.setCurrentIndex(max(index, 0))
    return combo


class SettingsDialog(QDialog):
    delete_all_requested = Signal()
    models_requested = Signal()

    def __init__(self, settings: Settings, data_dir: str, input_devices: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.settings = settings
        get = settings.get
        themes = {"system": self.tr("Follow the system"), "light": self.tr("Light"), "dark": self.tr("Dark")}
        self.theme = _combo(themes, get(Key.THEME), self.tr("Theme"))
        self.font_size = QSpinBox()
        self.font_size.setRange(9, 32)
        self.font_size.setValue(get(Key.EDITOR_FONT_SIZE))
        self.font_size.setAccessibleName(self.tr("Editor font size"))
        self.language = _combo(dict(LANGUAGE_LABELS), get(Key.DEFAULT_LANGUAGE), self.tr("Default language"))
        self.input_device = _combo({"": self.tr("System default"), **{d: d for d in input_devices}},
                                   get(Key.INPUT_DEVICE), self.tr("Microphone"))
        self.tts = QCheckBox(self.tr("Speak the interviewer's replies"))
        self.tts.setChecked(get(Key.TTS_ENABLED))
        self.model = QLineEdit(get(Key.LLM_MODEL))
        self.model.setPlaceholderText(self.tr("embedded SmolLM2-135M (default)"))
        self.model.setAccessibleName(self.tr("Model name"))
        self.gpu_layers = QSpinBox()
        self.gpu_layers.setRange(-1, 999)
        self.gpu_layers.setSpecialValueText(self.tr("auto"))
        self.gpu_layers.setValue(get(Key.GPU_LAYERS))
        self.gpu_layers.setAccessibleName(self.tr("GPU layers"))
        self.endpoint = QLineEdit(get(Key.ENDPOINT_URL))
        self.endpoint.setPlaceholderText(self.tr("e.g. http://127.0.0.1:11434/v1 (Ollama), empty = on-device model"))
        self.endpoint.setAccessibleName(self.tr("OpenAI-compatible endpoint URL"))
        self.endpoint_model = QLineEdit(get(Key.ENDPOINT_MODEL))
        self.endpoint_model.setAccessibleName(self.tr("Endpoint model name"))
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        self.test_result.setAccessibleName(self.tr("Connection test result"))
        self._test_task: BackgroundTask | None = None
        self.idle = QSpinBox()
        self.idle.setRange(0, 24 * 60)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setSpecialValueText(self.tr("never"))
        self.idle.setValue(get(Key.IDLE_EXPIRY_MIN))
        self.idle.setAccessibleName(self.tr("Expire idle sessions after"))
        self.purge = QSpinBox()
        self.purge.setRange(0, 3650)
        self.purge.setSuffix(self.tr(" days"))
        self.purge.setSpecialValueText(self.tr("keep forever"))
        self.purge.setValue(get(Key.PURGE_AFTER_DAYS))
        self.purge.setAccessibleName(self.tr("Delete sessions older than"))
        self.models_button = QPushButton(self.tr("Manage models…"))
        self.delete_button = QPushButton(self.tr("Delete all my data…"))
        self._build(data_dir)
        self.models_button.clicked.connect(self.models_requested)
        self.delete_button.clicked.connect(self._confirm_delete)
        self.test_button.clicked.connect(self.test_connection)

    def test_connection(self) -> None:
        """Reach the endpoint as typed (saved or not), in the background: the dialog stays responsive."""
        if self._test_task is not None:
            return
        url, model = self.endpoint.text(), self.endpoint_model.text()
        key = str(self.settings.get(Key.ENDPOINT_KEY))
        self.test_button.setEnabled(False)
        self.test_result.setText(self.tr("Connecting…"))
        task = BackgroundTask(lambda _progress, _cancel: check_endpoint(url, model, key), self)
        task.finished.connect(self._tested)
        task.failed.connect(lambda message: self._tested(EndpointCheck(False, message)))
        self._test_task = task
        task.start()

    def _tested(self, result: EndpointCheck) -> None:
        self._test_task = None
        self.test_button.setEnabled(True)
        self.test_result.setText(("\u2713 " if result.ok else "\u2717 ") + result.message)

    def _build(self, data_dir: str) -> None:
        tabs = QTabWidget()

        def page(rows: list[tuple[str, QWidget]]) -> QWidget:
            widget = QWidget()
            form = QFormLayout(widget)
            for label, field in rows:
                if label:
                    form.addRow(label, field)
                else:
                    form.addRow(field)
            return widget

        tabs.addTab(page([(self.tr("Theme"), self.theme), (self.tr("Editor font size"), self.font_size),
                          (self.tr("Default language"), self.language)]), self.tr("Appearance"))
        tabs.addTab(page([(self.tr("Microphone"), self.input_device), ("", self.tts)]), self.tr("Voice"))
        tabs.addTab(page([(self.tr("Model"), self.model), (self.tr("GPU layers"), self.gpu_layers),
                          (self.tr("Endpoint URL"), self.endpoint), (self.tr("Endpoint model"), self.endpoint_model),
                          ("", self.test_button), ("", self.test_result), ("", self.models_button)]),
                    self.tr("AI model"))
        location = QLabel(self.tr("Your data is in <code>{folder}</code>. Start the app with CLOUDINTERVIEW_HOME=DIR "
                                  "to keep it elsewhere.").format(folder=data_dir))
        location.setWordWrap(True)
        tabs.addTab(page([("", location), (self.tr("Expire idle sessions after"), self.idle),
                          (self.tr("Delete sessions older than"), self.purge), ("", self.delete_button)]),
                    self.tr("Data"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)

    def save(self) -> None:
        values = {
            Key.THEME: self.theme.currentData(), Key.EDITOR_FONT_SIZE: self.font_size.value(),
            Key.DEFAULT_LANGUAGE: self.language.currentData(), Key.INPUT_DEVICE: self.input_device.currentData(),
            Key.TTS_ENABLED: self.tts.isChecked(), Key.LLM_MODEL: self.model.text().strip(),
            Key.GPU_LAYERS: self.gpu_layers.value(), Key.ENDPOINT_URL: self.endpoint.text().strip(),
            Key.ENDPOINT_MODEL: self.endpoint_model.text().strip(), Key.IDLE_EXPIRY_MIN: self.idle.value(),
            Key.PURGE_AFTER_DAYS: self.purge.value(),
        }
        for key, value in values.items():
            self.settings.set(key, value)
        self.accept()

    def _confirm_delete(self) -> None:
        answer = QMessageBox.warning(
            self, self.tr("Delete all data"),
            self.tr("Delete every session, answer, recording and report? This cannot be undone."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_all_requested.emit()
