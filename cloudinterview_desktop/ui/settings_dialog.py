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
        self.setWindowTitle("Settings")
        self.settings = settings
        get = settings.get
        self.theme = _combo({"system": "Follow the system", "light": "Light", "dark": "Dark"}, get(Key.THEME), "Theme")
        self.font_size = QSpinBox()
        self.font_size.setRange(9, 32)
        self.font_size.setValue(get(Key.EDITOR_FONT_SIZE))
        self.font_size.setAccessibleName("Editor font size")
        self.language = _combo(LANGUAGE_LABELS, get(Key.DEFAULT_LANGUAGE), "Default language")
        self.input_device = _combo({"": "System default", **{d: d for d in input_devices}}, get(Key.INPUT_DEVICE),
                                   "Microphone")
        self.tts = QCheckBox("Speak the interviewer's replies")
        self.tts.setChecked(get(Key.TTS_ENABLED))
        self.model = QLineEdit(get(Key.LLM_MODEL))
        self.model.setPlaceholderText("embedded SmolLM2-135M (default)")
        self.model.setAccessibleName("Model name")
        self.gpu_layers = QSpinBox()
        self.gpu_layers.setRange(-1, 999)
        self.gpu_layers.setSpecialValueText("auto")
        self.gpu_layers.setValue(get(Key.GPU_LAYERS))
        self.gpu_layers.setAccessibleName("GPU layers")
        self.endpoint = QLineEdit(get(Key.ENDPOINT_URL))
        self.endpoint.setPlaceholderText("e.g. http://127.0.0.1:11434/v1 (Ollama), empty = on-device model")
        self.endpoint.setAccessibleName("OpenAI-compatible endpoint URL")
        self.endpoint_model = QLineEdit(get(Key.ENDPOINT_MODEL))
        self.endpoint_model.setAccessibleName("Endpoint model name")
        self.test_button = QPushButton("Test connection")
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        self.test_result.setAccessibleName("Connection test result")
        self._test_task: BackgroundTask | None = None
        self.idle = QSpinBox()
        self.idle.setRange(0, 24 * 60)
        self.idle.setSuffix(" min")
        self.idle.setSpecialValueText("never")
        self.idle.setValue(get(Key.IDLE_EXPIRY_MIN))
        self.idle.setAccessibleName("Expire idle sessions after")
        self.purge = QSpinBox()
        self.purge.setRange(0, 3650)
        self.purge.setSuffix(" days")
        self.purge.setSpecialValueText("keep forever")
        self.purge.setValue(get(Key.PURGE_AFTER_DAYS))
        self.purge.setAccessibleName("Delete sessions older than")
        self.models_button = QPushButton("Manage models…")
        self.delete_button = QPushButton("Delete all my data…")
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
        self.test_result.setText("Connecting…")
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

        tabs.addTab(page([("Theme", self.theme), ("Editor font size", self.font_size),
                          ("Default language", self.language)]), "Appearance")
        tabs.addTab(page([("Microphone", self.input_device), ("", self.tts)]), "Voice")
        tabs.addTab(page([("Model", self.model), ("GPU layers", self.gpu_layers), ("Endpoint URL", self.endpoint),
                          ("Endpoint model", self.endpoint_model), ("", self.test_button), ("", self.test_result),
                          ("", self.models_button)]), "AI model")
        location = QLabel(f"Your data is in <code>{data_dir}</code>. Start the app with CLOUDINTERVIEW_HOME=DIR "
                          "to keep it elsewhere.")
        location.setWordWrap(True)
        tabs.addTab(page([("", location), ("Expire idle sessions after", self.idle),
                          ("Delete sessions older than", self.purge), ("", self.delete_button)]), "Data")
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
            self, "Delete all data", "Delete every session, answer, recording and report? This cannot be undone.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_all_requested.emit()
