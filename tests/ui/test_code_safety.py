"""The window says what protects the user while their code runs: the judge's isolation level beside Run, with its
description as a tooltip; and where there is no sandbox (simulated with the judge capped at "rlimits"), the first
Run asks, No runs nothing, Yes runs the code and is remembered for the data folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from cloudinterview_desktop.app import AppCore, build_core
from cloudinterview_desktop.engine.session_engine import SessionEngine
from cloudinterview_desktop.judge.protection import CodeSafety, Consent, MemoryConsent, protection_for
from cloudinterview_desktop.settings import Key
from cloudinterview_desktop.ui.main_window import MainWindow


@pytest.fixture
def unsandboxed(app_home: Path) -> Iterator[AppCore]:
    core = build_core(app_home, use_model=False, isolation="rlimits")
    yield core
    core.close()


@pytest.fixture
def marker(tmp_path: Path) -> Path:
    folder = tmp_path / "shared"
    folder.mkdir()
    os.chmod(tmp_path, 0o755)
    os.chmod(folder, 0o777)  # as root, the rlimits level runs the code as 'nobody'
    return folder / "ran"


def _coding_window(qtbot: QtBot, core: AppCore, safety: CodeSafety) -> MainWindow:
    window = MainWindow(SessionEngine(core.service), core.settings, use_monaco=False, code_safety=safety)
    qtbot.addWidget(window)
    window.show()
    window.practise_question("two-sum", "coding")
    qtbot.waitUntil(lambda: window.session is not None and window.session.current_question is not None
                    and window.session.current_question.asked_at is not None and not window._pending,
                    timeout=30_000)
    return window


def test_the_first_run_asks_no_runs_nothing_and_yes_is_remembered(qtbot: QtBot, unsandboxed: AppCore, marker: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    window = _coding_window(qtbot, unsandboxed, unsandboxed.judge.safety())
    coding = window.interview.coding
    label = coding.isolation_label
    qtbot.waitUntil(label.isVisible, timeout=10_000)
    rlimits = protection_for("rlimits")
    assert label.text() == "Isolation: Not sandboxed"
    assert rlimits.guarantees in label.toolTip() and f"Not protected: {rlimits.gaps}" in label.toolTip()
    assert "sudo apt install bubblewrap" in label.toolTip()

    asked: list[str] = []
    answer = QMessageBox.StandardButton.No

    def question(_parent: Any, title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
        asked.append(f"{title}\n{text}")
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    coding.load_code(f"open({str(marker)!r}, 'w').write('ran')\ndef two_sum(nums, target):\n    return [0, 1]\n",
                     "python")
    coding.run_button.click()
    assert len(asked) == 1 and asked[0].startswith("Run your code without a sandbox?\n")
    assert f"so {rlimits.gaps}" in asked[0] and "remembered for this data folder" in asked[0]
    assert "Nothing was run: you chose not to run code without a sandbox" in coding.tests.summary.text()
    assert not window._pending and coding.run_button.isEnabled()  # no request went to the engine
    coding.submit_button.click()
    assert len(asked) == 2 and not window._pending
    qtbot.wait(300)
    assert not marker.exists()
    assert unsandboxed.settings.get(Key.ALLOW_UNISOLATED) is False

    answer = QMessageBox.StandardButton.Yes
    coding.run_button.click()
    qtbot.waitUntil(lambda: not window._pending, timeout=60_000)
    assert marker.read_text() == "ran"
    assert "Examples" in coding.tests.summary.text()  # the judge's report
    assert unsandboxed.settings.get(Key.ALLOW_UNISOLATED) is True
    marker.unlink()
    coding.run_button.click()  # remembered: not asked again
    qtbot.waitUntil(lambda: not window._pending, timeout=60_000)
    assert len(asked) == 3 and marker.exists()
    window.close()


def test_with_a_sandbox_the_label_says_so_and_nothing_is_asked(qtbot: QtBot, core: AppCore,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: pytest.fail("asked with a sandbox"))
    window = _coding_window(qtbot, core, CodeSafety(lambda: "bubblewrap", Consent(MemoryConsent())))
    label = window.interview.coding.isolation_label
    qtbot.waitUntil(label.isVisible, timeout=10_000)
    assert label.text() == "Isolation: Sandboxed (bubblewrap)"
    assert protection_for("bubblewrap").guarantees in label.toolTip() and "install" not in label.toolTip()
    window.close()
