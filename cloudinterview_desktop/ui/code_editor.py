"""The code editor: Monaco (qtmonaco) created on first show, so the window paints before Qt WebEngine loads."""

from __future__ import annotations

import logging
from typing import Any

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from cloudinterview_desktop.domain.languages import language_spec

log = logging.getLogger(__name__)



def monaco_language(language: str) -> str:
    """Monaco's id for a language of the registry (an unknown name is passed through)."""
    spec = language_spec(language)
    return spec.monaco_id if spec is not None else language


class CodeEditor(QWidget):
    """Holds the text itself (qtmonaco's copy arrives asynchronously from JavaScript), so `code()` is always current."""

    text_changed = Signal(str)
    ready = Signal()

    def __init__(self, use_monaco: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Code editor"))
        self._use_monaco = use_monaco
        self._editor: Any = None
        self._ready = False
        self._text = ""
        self._language = "python"
        self._dark = False
        self._font_size = 14
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._placeholder = QLabel(self.tr("Loading the editor…"))
        self._layout.addWidget(self._placeholder)

    @property
    def is_ready(self) -> bool:
        return self._ready

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.preload()

    def preload(self) -> None:
        """Create the editor now, even hidden: Monaco loads in the background after the window has painted."""
        if self._editor is None:
            self._create()

    def _create(self) -> None:
        editor: Any
        if self._use_monaco:
            try:
                from qtmonaco import Monaco

                editor = Monaco(self)
                editor.initialized.connect(self._on_initialized)
                editor.text_changed.connect(self._on_text)
            except Exception as exc:  # WebEngine missing or broken: a plain editor keeps the interview going
                log.error("Monaco editor unavailable, using a plain text editor: %s", exc)
                editor = None
            else:
                self._editor = editor
        if self._editor is None:
            plain = QPlainTextEdit(self)
            plain.setAccessibleName(self.tr("Code editor"))
            plain.setPlainText(self._text)
            plain.textChanged.connect(lambda: self._on_text(plain.toPlainText()))
            self._editor = plain
            self._ready = True
            self._apply_font_size()
        self._layout.removeWidget(self._placeholder)
        self._placeholder.deleteLater()
        self._layout.addWidget(self._editor)
        if self._ready:
            self.ready.emit()

    def _on_initialized(self) -> None:
        self._ready = True
        self._editor.set_text(self._text, language=monaco_language(self._language))
        self._editor.set_theme("vs-dark" if self._dark else "vs")
        self._apply_font_size()
        self.ready.emit()

    def _on_text(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self.text_changed.emit(text)

    def code(self) -> str:
        return self._text

    def set_code(self, text: str, language: str | None = None) -> None:
        self._text = text
        if language:
            self._language = language
        if not self._ready:
            return
        if isinstance(self._editor, QPlainTextEdit):
            self._editor.setPlainText(text)
        else:
            self._editor.set_text(text, language=monaco_language(self._language))

    def set_theme(self, dark: bool) -> None:
        self._dark = dark
        if self._ready and not isinstance(self._editor, QPlainTextEdit):
            self._editor.set_theme("vs-dark" if dark else "vs")

    def set_font_size(self, points: int) -> None:
        self._font_size = points
        if self._ready:
            self._apply_font_size()

    def _apply_font_size(self) -> None:
        if isinstance(self._editor, QPlainTextEdit):
            font = self._editor.font()
            font.setPointSize(self._font_size)
            self._editor.setFont(font)
        elif self._editor is not None:
            # qtmonaco's own setters (minimap, line numbers) send this same message; it has none for the font size.
            self._editor._connector.send("update_editor_options", {"fontSize": self._font_size})

    def dispose(self) -> None:
        """Delete the web view and its page now. Qt WebEngine crashes at exit when a page outlives its profile,
        and Python's shutdown order does not guarantee it won't; the window calls this when it closes."""
        editor, self._editor = self._editor, None
        if editor is None or isinstance(editor, QPlainTextEdit):
            return
        self._ready = False
        page = editor.page()
        editor.setPage(None)
        shiboken6.delete(page)
        shiboken6.delete(editor)

    def focus_editor(self) -> None:
        if self._editor is not None:
            self._editor.setFocus()
