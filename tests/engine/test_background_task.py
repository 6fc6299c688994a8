"""Long work off the GUI thread: its result, its error in one line, and a cancel reported as its own signal."""

from __future__ import annotations

import threading
from collections.abc import Callable

from pytestqt.qtbot import QtBot

from cloudinterview_desktop.domain.errors import Cancelled
from cloudinterview_desktop.engine.background_task import BackgroundTask


def _stopped(_progress: Callable[[int, int], None], cancel: threading.Event) -> int:
    cancel.wait(10)
    raise Cancelled("stopped")


def test_a_cancelled_task_says_so_on_its_own_signal_and_never_as_a_failure(qtbot: QtBot) -> None:
    task = BackgroundTask(_stopped)
    failures: list[str] = []
    task.failed.connect(failures.append)
    with qtbot.waitSignal(task.cancelled, timeout=10_000):
        task.start()
        task.cancel()
    assert task.wait(5) and failures == []


def test_a_finished_task_gives_its_result_and_a_broken_one_a_line(qtbot: QtBot) -> None:
    done = BackgroundTask(lambda _p, _c: 42)
    with qtbot.waitSignal(done.finished, timeout=10_000) as result:
        done.start()
    assert result.args == [42]
    broken = BackgroundTask(lambda _p, _c: 1 // 0)
    with qtbot.waitSignal(broken.failed, timeout=10_000) as failure:
        broken.start()
    assert failure.args == ["unexpected error: integer division or modulo by zero"]
