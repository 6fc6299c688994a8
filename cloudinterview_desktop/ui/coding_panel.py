"""The coding area: language selector, the editor, custom input, Run and Submit, and the tests panel."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cloudinterview_desktop.domain.languages import LANGUAGE_SPECS
from cloudinterview_desktop.ui.code_editor import CodeEditor
from cloudinterview_desktop.ui.tests_panel import TestsPanel

if TYPE_CHECKING:
    from cloudinterview_desktop.judge.protection import CodeSafety
    from cloudinterview_desktop.ui.code_safety import CodeSafetyGuard

# Language names are proper names, shown as the registry writes them in every locale.
LANGUAGE_LABELS = {spec.key: spec.display_name for spec in LANGUAGE_SPECS}
AUTOSAVE_DELAY_MS = 800


def parse_custom_inputs(text: str) -> list[dict[str, Any]]:
    """One JSON object per line, e.g. {"nums": [1, 2], "target": 3}; raises ValueError with the line number."""
    inputs = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(QCoreApplication.translate("CodingPanel", "custom input line {number}: {problem}")
                             .format(number=number, problem=exc.msg)) from exc
        if not isinstance(value, dict):
            raise ValueError(QCoreApplication.translate(
                "CodingPanel", "custom input line {number}: write an object such as {example}").format(
                number=number, example='{"x": 1}'))
        inputs.append(value)
    return inputs


class CodingPanel(QWidget):
    run_requested = Signal(str, str, object)  # code, language, custom inputs
    submit_requested = Signal(str, str)
    language_changed = Signal(str)
    autosave = Signal(str, str)  # language, code

    def __init__(self, use_monaco: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Programming language"))
        for key, label in LANGUAGE_LABELS.items():
            self.language.addItem(label, key)
        self.editor = CodeEditor(use_monaco=use_monaco)
        self.custom_input = QPlainTextEdit()
        self.custom_input.setAccessibleName(self.tr("Custom input"))
        self.custom_input.setPlaceholderText(
            self.tr('Custom input for Run, one JSON object per line: {"nums": [1, 2], "target": 3}'))
        self.custom_input.setMaximumHeight(70)
        self.run_button = QPushButton(self.tr("Run (Ctrl+')"))
        self.submit_button = QPushButton(self.tr("Submit (Ctrl+Enter)"))
        self.tests = TestsPanel()
        self.isolation_label = QLabel()  # the judge's isolation level, once known (see set_safety)
        self.isolation_label.setVisible(False)
        self.safety: CodeSafetyGuard | None = None
        self._autosave_timer = QTimer(self)
        self._autosave_timer.setSingleShot(True)
        self._autosave_timer.setInterval(AUTOSAVE_DELAY_MS)
        self._loading = False
        self._code_language = "python"  # the language of the code in the editor, which autosave stores it under
        self._build()
        self._connect()

    def _build(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Language")))
        bar.addWidget(self.language)
        bar.addWidget(self.isolation_label)
        bar.addStretch(1)
        bar.addWidget(self.run_button)
        bar.addWidget(self.submit_button)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(bar)
        top_layout.addWidget(self.editor, 1)
        top_layout.addWidget(self.custom_input)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.tests)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def _connect(self) -> None:
        self.run_button.clicked.connect(self.request_run)
        self.submit_button.clicked.connect(self.request_submit)
        self.language.currentIndexChanged.connect(self._on_language_changed)
        self.editor.text_changed.connect(self._schedule_autosave)
        self._autosave_timer.timeout.connect(lambda: self.autosave.emit(self._code_language, self.editor.code()))

    def set_safety(self, safety: CodeSafety) -> None:
        """Show the isolation level, and ask before code runs without a sandbox (judge/protection.py)."""
        from cloudinterview_desktop.ui.code_safety import CodeSafetyGuard

        self.safety = CodeSafetyGuard(safety, self.isolation_label, self)
        if self.isVisible():
            self.safety.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.safety is not None:
            self.safety.start()  # the first coding question: the judge's level is found in the background

    def _allowed(self) -> bool:
        if self.safety is None or self.safety.allows_run():
            return True
        self.tests.show_error(self.safety.refusal())
        return False

    def _on_language_changed(self, _index: int) -> None:
        self.flush_autosave()  # the code on screen belongs to the previous language
        self.language_changed.emit(self.current_language())

    def current_language(self) -> str:
        return str(self.language.currentData())

    def set_language(self, language: str) -> None:
        index = self.language.findData(language)
        if index >= 0 and index != self.language.currentIndex():
            self.language.blockSignals(True)
            self.language.setCurrentIndex(index)
            self.language.blockSignals(False)

    def load_code(self, code: str, language: str) -> None:
        """Show code without treating it as an edit (no autosave)."""
        self._loading = True
        self.set_language(language)
        self._code_language = language
        self.editor.set_code(code, language)
        self._loading = False

    def flush_autosave(self) -> None:
        if self._autosave_timer.isActive():
            self._autosave_timer.stop()
            self.autosave.emit(self._code_language, self.editor.code())

    def _schedule_autosave(self, _text: str) -> None:
        if not self._loading:
            self._autosave_timer.start()

    def request_run(self) -> None:
        try:
            inputs = parse_custom_inputs(self.custom_input.toPlainText())
        except ValueError as exc:
            self.tests.show_error(str(exc))
            return
        if not self._allowed():
            return
        self.flush_autosave()
        self.tests.start(self.tr("Running on the examples…"))
        self.run_requested.emit(self.editor.code(), self.current_language(), inputs)

    def request_submit(self) -> None:
        if not self._allowed():
            return
        self.flush_autosave()
        self.tests.start(self.tr("Judging against the hidden tests…"))
        self.submit_requested.emit(self.editor.code(), self.current_language())

    def set_busy(self, busy: bool) -> None:
        self.run_button.setEnabled(not busy)
        self.submit_button.setEnabled(not busy)
