from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from cloudinterview_desktop.app import AppCore
from cloudinterview_desktop.engine.session_engine import SessionEngine
from cloudinterview_desktop.ui.problem_browser import ItemEditor, ProblemBrowser
from tests.ui.cells import cell_text


def test_browse_search_and_read(qtbot: QtBot, core: AppCore) -> None:
    engine = SessionEngine(core.service, core.bank_service)
    try:
        browser = ProblemBrowser(engine)
        qtbot.addWidget(browser)
        qtbot.waitUntil(lambda: browser.table.rowCount() > 300, timeout=20_000)
        browser.search.setText("water flow ocean")
        browser.refresh()
        qtbot.waitUntil(lambda: 0 < browser.table.rowCount() < 50, timeout=20_000)
        browser.table.setCurrentCell(0, 0)
        qtbot.waitUntil(lambda: "Pacific" in browser.details.toPlainText(), timeout=20_000)
        assert not browser.delete_button.isEnabled()  # built-in items are read-only
    finally:
        engine.shutdown()


def test_an_invalid_item_is_not_saved_and_its_text_is_kept(qtbot: QtBot, core: AppCore) -> None:
    engine = SessionEngine(core.service, core.bank_service)
    try:
        text = json.dumps({"slug": "half-done", "kind": "theory", "title": "Half done"})
        editor = ItemEditor(engine, text, replace=False)
        qtbot.addWidget(editor)
        editor.save()
        qtbot.waitUntil(lambda: "Not saved" in editor.status.text(), timeout=20_000)
        assert "difficulty" in editor.status.text() or "required" in editor.status.text()
        assert editor.editor.toPlainText() == text
        assert not core.bank.contains("half-done")
    finally:
        engine.shutdown()


def test_practise_this_question_starts_an_interview_on_it(qtbot: QtBot, core: AppCore,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from cloudinterview_desktop.ui import editor_lsp
    from cloudinterview_desktop.ui.main_window import MainWindow

    editor_lsp.install(editor_lsp.LanguageServer(enabled=False))
    engine = SessionEngine(core.service, core.bank_service)
    window = MainWindow(engine, core.settings)
    qtbot.addWidget(window)
    browser = ProblemBrowser(engine, window)
    qtbot.addWidget(browser)
    browser.practise_requested.connect(window.practise_question)
    qtbot.waitUntil(lambda: browser.table.rowCount() > 300, timeout=20_000)
    browser.search.setText("developmental feedback")
    browser.refresh()
    qtbot.waitUntil(lambda: 0 < browser.table.rowCount() < 20, timeout=20_000)
    assert not browser.practise_button.isEnabled()
    row = next(r for r in range(browser.table.rowCount()) if cell_text(browser.table, r, 0) ==
               "Acting on developmental feedback")
    browser.table.setCurrentCell(row, 0)
    qtbot.waitUntil(browser.practise_button.isEnabled, timeout=20_000)
    browser.practise_button.click()
    qtbot.waitUntil(lambda: window.session is not None and window.session.current_question is not None
                    and window.session.current_question.asked_at is not None, timeout=30_000)
    session = window.session
    assert session is not None and [q.item_slug for q in session.questions] == ["acted-on-feedback"]
    assert session.config.mode.value == "behavioral"
    window.close()


def test_importing_a_public_release_shows_progress_and_what_was_left_out(qtbot: QtBot, core: AppCore, tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    import pytest
    from PySide6.QtWidgets import QMessageBox

    from tests.bank.test_leetcode_release import RELEASE, _records, _write

    if not RELEASE.exists():
        pytest.skip("the shared datasets folder is not next to the project")
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append((box.text(), box.detailedText())) or 0)
    engine = SessionEngine(core.service, core.bank_service)
    browser = ProblemBrowser(engine)
    qtbot.addWidget(browser)
    steps: list[int] = []
    engine.progress.connect(lambda _rid, done, _total: steps.append(done))
    records = _records()
    try:
        browser.import_path(str(_write(tmp_path / "release.jsonl.gz", records)))
        assert browser.cancel_import.isVisibleTo(browser) and not browser.import_button.isEnabled()
        qtbot.waitUntil(lambda: bool(shown), timeout=120_000)
    finally:
        engine.shutdown()
    text, details = shown[0]
    left_out = details.splitlines()
    added = len(records) - len(left_out)
    assert text == f"Added {added} problems; {len(left_out)} records were left out."
    assert all("the built-in bank already has this slug" in line for line in left_out)
    assert steps and browser.import_button.isEnabled() and not browser.cancel_import.isVisibleTo(browser)
    assert core.bank.contains("third-maximum-number") and core.bank.contains("coin-path")
