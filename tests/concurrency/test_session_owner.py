"""A session run in one process is shown as busy in the others, and becomes resumable the moment that process ends."""

from __future__ import annotations

import signal
from pathlib import Path
from typing import Any

import pytest

from cloudinterview_desktop.app import AppCore
from cloudinterview_desktop.domain.errors import SessionBusy
from tests.cli.helpers import cli, popen


def _session_id(proc: Any) -> str:
    while True:
        line = proc.stdout.readline()
        assert line, proc.stderr.read()
        if line.startswith("session: "):
            return str(line.split()[1])


def test_a_session_open_in_a_terminal_is_busy_in_the_window_until_the_terminal_ends(core: AppCore,
                                                                                   app_home: Path) -> None:
    terminal = popen("interview", "--no-model", "--mode", "behavioral", "--questions", "2", "--seed", "5",
                     home=app_home)
    session_id = _session_id(terminal)
    listed = {s.id: s for s in core.service.list_sessions()}
    assert listed[session_id].open_elsewhere.startswith("cloudinterview interview, pid ")
    with pytest.raises(SessionBusy, match="open in another CloudInterview window or terminal"):
        core.service.resume_session(session_id)
    with pytest.raises(SessionBusy):
        core.service.submit_answer(session_id, "an answer typed into the wrong window")
    assert core.service.expire_idle(__import__("datetime").timedelta(seconds=0)) == []
    second = cli("interview", "--no-model", "--resume", session_id, home=app_home, stdin="/quit\n")
    assert second.returncode == 1 and "open in another CloudInterview window or terminal" in second.stderr

    terminal.send_signal(signal.SIGKILL)  # a crash: the system drops its lock
    terminal.communicate(timeout=30)
    assert {s.id: s for s in core.service.list_sessions()}[session_id].open_elsewhere == ""
    resumed = core.service.resume_session(session_id)
    assert resumed.id == session_id
    assert core.service.get(session_id).answers == ()
