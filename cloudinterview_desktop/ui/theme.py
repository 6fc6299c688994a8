"""Light and dark themes (Fusion with a tuned palette), or the system's; the editor follows the same choice."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

# Contrast of text on its background stays above WCAG AA (4.5:1) in both palettes.
DARK = {
    QPalette.ColorRole.Window: "#1f2125", QPalette.ColorRole.WindowText: "#e8e8e8",
    QPalette.ColorRole.Base: "#16181b", QPalette.ColorRole.AlternateBase: "#24272b",
    QPalette.ColorRole.Text: "#e8e8e8", QPalette.ColorRole.Button: "#2b2e33",
    QPalette.ColorRole.ButtonText: "#e8e8e8", QPalette.ColorRole.Highlight: "#3d7bd9",
    QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: "#2b2e33",
    QPalette.ColorRole.ToolTipText: "#e8e8e8", QPalette.ColorRole.Link: "#7fb2ff",
    QPalette.ColorRole.PlaceholderText: "#9a9ea6",
}
LIGHT = {
    QPalette.ColorRole.Window: "#f4f5f7", QPalette.ColorRole.WindowText: "#1b1d21",
    QPalette.ColorRole.Base: "#ffffff", QPalette.ColorRole.AlternateBase: "#eef0f3",
    QPalette.ColorRole.Text: "#1b1d21", QPalette.ColorRole.Button: "#e9ebef",
    QPalette.ColorRole.ButtonText: "#1b1d21", QPalette.ColorRole.Highlight: "#2f6fd6",
    QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: "#ffffff",
    QPalette.ColorRole.ToolTipText: "#1b1d21", QPalette.ColorRole.Link: "#1f5fbf",
    QPalette.ColorRole.PlaceholderText: "#6b7079",
}


def system_prefers_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return bool(hints.colorScheme() == Qt.ColorScheme.Dark)


def is_dark(theme: str) -> bool:
    return theme == "dark" or (theme == "system" and system_prefers_dark())


def apply_theme(app: QApplication, theme: str) -> bool:
    """Apply 'light', 'dark' or 'system'; returns whether the result is dark."""
    dark = is_dark(theme)
    app.setStyle("Fusion")
    palette = QPalette()
    for role, colour in (DARK if dark else LIGHT).items():
        palette.setColor(role, QColor(colour))
    disabled = QColor("#6d7179" if dark else "#9aa0a8")
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    app.setPalette(palette)
    return dark
