"""The main window's navigation toolbar and its Help menu."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QToolBar

from cloudinterview_desktop.ui import shortcuts as keys


class WindowMenus(QObject):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        toolbar = QToolBar(self.tr("Navigation"))
        toolbar.setObjectName("navigation")
        toolbar.setMovable(False)
        self.new_interview = QAction(self.tr("New interview"), window)
        self.new_interview.setShortcut(keys.sequence(keys.NEW_INTERVIEW))
        self.history = QAction(self.tr("History"), window)
        self.history.setShortcut(keys.sequence(keys.HISTORY))
        self.bank = QAction(self.tr("Question bank"), window)
        self.bank.setShortcut(keys.sequence(keys.QUESTION_BANK))
        self.settings = QAction(self.tr("Settings…"), window)
        self.settings.setShortcut(keys.sequence(keys.SETTINGS))
        for action in (self.new_interview, self.history, self.bank, self.settings):
            toolbar.addAction(action)
        window.addToolBar(toolbar)
        self.help_menu = window.menuBar().addMenu(self.tr("&Help"))
        self.shortcuts = self.help_menu.addAction(self.tr("Keyboard shortcuts"))
        self.about = self.help_menu.addAction(self.tr("About CloudInterview"))
