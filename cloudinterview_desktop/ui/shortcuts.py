"""Every keyboard shortcut of the window in one table, and the sheet that lists them (Help → Keyboard shortcuts).

None takes a key the code editor uses for editing (Monaco: Ctrl+H replace, Ctrl+Y redo, Ctrl+L select line, Ctrl+F
find, Ctrl+D next match...) or one the system owns (⌘H hides an app on macOS); Qt shows "Ctrl" as ⌘ there. The one
deliberate exception is Ctrl+Enter, which submits from the editor as on coding sites."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
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

from cloudinterview_desktop.ui.i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Shortcut:
    name: str  # marked for translation in the "Shortcuts" context, like `where`
    keys: str  # portable text: "Ctrl" is ⌘ on macOS
    where: str


ANYWHERE = QT_TRANSLATE_NOOP("Shortcuts", "anywhere")
INTERVIEW = QT_TRANSLATE_NOOP("Shortcuts", "interview")
NEW_INTERVIEW = Shortcut(QT_TRANSLATE_NOOP("Shortcuts", "New interview"), "Ctrl+N", ANYWHERE)
HISTORY = Shortcut(QT_TRANSLATE_NOOP("Shortcuts", "History"), "Ctrl+2", ANYWHERE)
QUESTION_BANK = Shortcut(QT_TRANSLATE_NOOP("Shortcuts", "Question bank"), "Ctrl+3", ANYWHERE)
SETTINGS = Shortcut(QT_TRANSLATE_NOOP("Shortcuts", "Settings"), "Ctrl+,", ANYWHERE)
SUBMIT = Shortcut(QT_TRANSLATE_NOOP("Shortcuts", "Submit the answer or the code"), "Ctrl+Return", INTERVIEW)
RUN = Shortcut(QT_TRANSLATE_NOOP("Shortcuts", "Run the code on the examples"), "Ctrl+'", INTERVIEW)
HINT = Shortcut(QT_TRANSLATE_NOOP("Shortcuts", "Ask for a hint (costs score in interviewer style)"), "Ctrl+Shift+H",
                INTERVIEW)
NEXT = Shortcut(QT_TRANSLATE_NOOP("Shortcuts", "Next question"), "Ctrl+Shift+N", INTERVIEW)
CHAT = Shortcut(QT_TRANSLATE_NOOP("Shortcuts", "Type a message to the interviewer"), "Ctrl+Shift+M", INTERVIEW)
MIC = Shortcut(QT_TRANSLATE_NOOP("Shortcuts", "Start or stop speaking"), "Ctrl+R", INTERVIEW)
ALL = (NEW_INTERVIEW, HISTORY, QUESTION_BANK, SETTINGS, SUBMIT, RUN, HINT, NEXT, CHAT, MIC)
# Keys the code editor needs for editing: no shortcut of the window may take them.
EDITOR_KEYS = ("Ctrl+H", "Ctrl+Y", "Ctrl+L", "Ctrl+F", "Ctrl+D", "Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+/", "Ctrl+A",
               "Ctrl+C", "Ctrl+V", "Ctrl+X", "Ctrl+Shift+K", "Ctrl+Shift+L", "Ctrl+U", "Ctrl+I", "Ctrl+]", "Ctrl+[")


def sequence(shortcut: Shortcut) -> QKeySequence:
    return QKeySequence(shortcut.keys)


class ShortcutSheet(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.table = QTableWidget(len(ALL), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys"), self.tr("Where")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, shortcut in enumerate(ALL):
            native = sequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
            name = QCoreApplication.translate("Shortcuts", shortcut.name)
            where = QCoreApplication.translate("Shortcuts", shortcut.where)
            for column, text in enumerate((name, native, where)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(620, 420)
