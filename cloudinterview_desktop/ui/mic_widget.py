"""The microphone controls: hold-to-talk or hands-free recording, a level meter, live partial text, the speaker."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget


class MicWidget(QWidget):
    start_requested = Signal(bool)  # hands-free?
    stop_requested = Signal()
    mute_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record_button = QPushButton(self.tr("Hold to talk"))
        self.record_button.setAccessibleName(self.tr("Record an answer"))
        self.record_button.setToolTip(self.tr("Hold to speak your answer (or Ctrl+R); with hands-free on, click once"))
        self.hands_free = QCheckBox(self.tr("Hands-free"))
        self.hands_free.setToolTip(self.tr("Recording stops by itself after a pause"))
        self.level = QProgressBar()
        self.level.setRange(0, 100)
        self.level.setTextVisible(False)
        self.level.setMaximumWidth(120)
        self.level.setAccessibleName(self.tr("Microphone level"))
        self.partial = QLabel()
        self.partial.setAccessibleName(self.tr("Live transcript"))
        self.partial.setWordWrap(True)
        self.mute = QCheckBox(self.tr("Mute interviewer"))
        self.mute.setAccessibleName(self.tr("Mute the interviewer's voice"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.record_button, self.hands_free, self.level):
            layout.addWidget(widget)
        layout.addWidget(self.partial, 1)
        layout.addWidget(self.mute)
        self._recording = False
        self.record_button.pressed.connect(self._pressed)
        self.record_button.released.connect(self._released)
        self.mute.toggled.connect(self.mute_toggled)

    @property
    def recording(self) -> bool:
        return self._recording

    def _pressed(self) -> None:
        if self._recording:
            if self.hands_free.isChecked():
                self.stop_requested.emit()  # a second click ends a hands-free recording early
            return
        self.set_recording(True)
        self.start_requested.emit(self.hands_free.isChecked())

    def _released(self) -> None:
        if self._recording and not self.hands_free.isChecked():
            self.stop_requested.emit()

    def toggle(self) -> None:
        """Keyboard: one press starts, the next stops (holding a key does not repeat cleanly everywhere)."""
        if self._recording:
            self.stop_requested.emit()
        else:
            self.set_recording(True)
            self.start_requested.emit(self.hands_free.isChecked())

    def set_recording(self, recording: bool) -> None:
        self._recording = recording
        self.record_button.setText(self.tr("Listening…") if recording else self.tr("Hold to talk"))
        if not recording:
            self.level.setValue(0)

    def set_level(self, fraction: float) -> None:
        self.level.setValue(int(fraction * 100))

    def set_partial(self, text: str) -> None:
        self.partial.setText(text[-160:])

    def set_available(self) -> None:
        self.record_button.setEnabled(True)
        self.hands_free.setEnabled(True)
        self.partial.clear()

    def set_loading(self) -> None:
        self.record_button.setEnabled(False)
        self.hands_free.setEnabled(False)
        self.partial.setText(self.tr("Loading speech recognition…"))

    def set_unavailable(self, reason: str) -> None:
        self.record_button.setEnabled(False)
        self.hands_free.setEnabled(False)
        self.partial.setText(self.tr("Voice input unavailable: {reason}. Typing works as usual.").format(reason=reason))
