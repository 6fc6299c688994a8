"""Every keyboard shortcut of the window in one table, and the sheet that lists them (Help → Keyboard shortcuts).

None takes a key the code editor uses for editing (Monaco: Ctrl+H replace, Ctrl+Y redo, Ctrl+L select line, Ctrl+F
find, Ctrl+D next match...) or one the system owns (⌘H hides an app on macOS); Qt shows "Ctrl" as ⌘ there. The one
deliberate exception is Ctrl+Enter, which submits from the editor as on coding sites."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True)
class Shortcut:
    name: str
    keys: str  # portable text: "Ctrl" is ⌘ on macOS
    where: str


NEW_INTERVIEW = Shortcut("New interview", "Ctrl+N", "anywhere")
HISTORY = Shortcut("History", "Ctrl+2", "anywhere")
QUESTION_BANK = Shortcut("Question bank", "Ctrl+3", "anywhere")
SETTINGS = Shortcut("Settings", "Ctrl+,", "anywhere")
SUBMIT = Shortcut("Submit the answer or the code", "Ctrl+Return", "interview")
RUN = Shortcut("Run the code on the examples", "Ctrl+'", "interview")
HINT = Shortcut("Ask for a hint (costs score in interviewer style)", "Ctrl+Shift+H", "interview")
NEXT = Shortcut("Next question", "Ctrl+Shift+N", "interview")
CHAT = Shortcut("Type a message to the interviewer", "Ctrl+Shift+M", "interview")
MIC = Shortcut("Start or stop speaking", "Ctrl+R", "interview")
ALL = (NEW_INTERVIEW, HISTORY, QUESTION_BANK, SETTINGS, SUBMIT, RUN, HINT, NEXT, CHAT, MIC)
# Keys the code editor needs for editing: no shortcut of the window may take them.
EDITOR_KEYS = ("Ctrl+H", "Ctrl+Y", "Ctrl+L", "Ctrl+F", "Ctrl+D", "Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+/", "Ctrl+A",
               "Ctrl+C", "Ctrl+V", "Ctrl+X", "Ctrl+Shift+K", "Ctrl+Shift+L", "Ctrl+U", "Ctrl+I", "Ctrl+]", "Ctrl+[")


def sequence(shortcut: Shortcut) -> QKeySequence:
    return QKeySequence(shortcut.keys)


class ShortcutSheet(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.table = QTableWidget(len(ALL), 3)
        self.table.setHorizontalHeaderLabels(["Action", "Keys", "Where"])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, shortcut in enumerate(ALL):
            native = sequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
            for column, text in enumerate((shortcut.name, native, shortcut.where)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(620, 420)
