"""The window's launcher from source: it opens and closes cleanly, and a second launch hands over to the first."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from cloudinterview_desktop.ui.single_instance import SingleInstance

REPO = Path(__file__).resolve().parents[2]


def _launch(home: Path, *args: str, smoke: bool = False) -> subprocess.Popen[str]:
    env = {**os.environ, "CLOUDINTERVIEW_HOME": str(home), "QT_QPA_PLATFORM": "offscreen",
           "QTWEBENGINE_DISABLE_SANDBOX": "1"}
    if smoke:
        env["CLOUDINTERVIEW_SMOKE_EXIT_AFTER_SHOWN"] = "1"
    return subprocess.Popen([sys.executable, "-m", "cloudinterview_desktop", *args], env=env, cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_the_window_opens_and_closes_and_frees_its_data_folder(app_home: Path) -> None:
    proc = _launch(app_home, smoke=True)
    _, err = proc.communicate(timeout=180)
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    later = SingleInstance(app_home / "data")
    assert later.become_primary()  # the window released its single-instance lock on the way out
    later.release()
    # once shown, what start-up built is kept out of the collector (a full collection stalled the window)
    assert "start-up heap frozen" in (app_home / "logs" / "cloudinterview.log").read_text()


def test_a_second_launch_brings_the_running_window_forward_with_its_file(qtbot: QtBot, app_home: Path,
                                                                         tmp_path: Path) -> None:
    running = SingleInstance(app_home / "data")  # stands for the window that is already open
    assert running.become_primary()
    questions = tmp_path / "my-questions.jsonl"
    questions.write_text("{}\n", encoding="utf-8")
    try:
        with qtbot.waitSignal(running.activated, timeout=60_000) as blocker:
            second = _launch(app_home, str(questions))
            second_out = second.communicate(timeout=60)
        assert second.returncode == 0, second_out[1]
        assert blocker.args == [[str(questions.resolve())]]
    finally:
        running.release()
