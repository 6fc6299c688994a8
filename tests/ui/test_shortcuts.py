"""The window's shortcuts leave the code editor its keys, and the hint needs its own deliberate chord."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QPlainTextEdit
from pytestqt.qtbot import QtBot

from cloudinterview_desktop.app import AppCore
from cloudinterview_desktop.engine.session_engine import SessionEngine
from cloudinterview_desktop.ui import shortcuts as keys
from cloudinterview_desktop.ui.main_window import MainWindow


def test_no_shortcut_takes_an_editor_key_or_the_macos_hide_key(qtbot: QtBot, core: AppCore) -> None:
    window = MainWindow(SessionEngine(core.service), core.settings, use_monaco=False)
    qtbot.addWidget(window)
    taken = {s.key().toString() for s in window.interview.findChildren(QShortcut)}
    actions = window.findChildren(type(window.home_action))
    taken |= {a.shortcut().toString() for a in actions if not a.shortcut().isEmpty()}
    assert taken >= {keys.sequence(k).toString() for k in keys.ALL}
    editor = {QKeySequence(k).toString() for k in keys.EDITOR_KEYS}
    assert not (taken & editor), taken & editor
    assert "Ctrl+H" not in taken  # ⌘H hides the app on macOS
    window.close()


def test_ctrl_h_in_the_editor_is_not_a_hint_but_the_hint_chord_is(qtbot: QtBot, core: AppCore) -> None:
    from cloudinterview_desktop.domain.session import Mode, SessionConfig

    engine = SessionEngine(core.service)
    window = MainWindow(engine, core.settings, use_monaco=False)
    qtbot.addWidget(window)
    window.show()
    window.home.mode.setCurrentIndex(window.home.mode.findData(Mode.TECHNICAL.value))
    window.start_interview(SessionConfig(mode=Mode.TECHNICAL, question_count=1, coding_count=1))
    qtbot.waitUntil(lambda: window.session is not None and window.session.current_question is not None
                    and window.session.current_question.asked_at is not None, timeout=20_000)
    window.activateWindow()
    editor = window.interview.coding.editor.findChild(QPlainTextEdit)
    assert editor is not None
    editor.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor, timeout=5_000)
    hints: list[bool] = []
    window.interview.hint_requested.connect(lambda: hints.append(True))
    pages: list[object] = []
    window.pages.currentChanged.connect(pages.append)
    qtbot.keyClick(editor, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(200)
    assert hints == [] and pages == []  # the editor's keys stay the editor's
    qtbot.keyClick(editor, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: hints == [True], timeout=5_000)
    window.close()
    engine.shutdown()
