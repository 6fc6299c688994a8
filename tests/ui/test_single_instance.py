"""A second launch on the same data folder hands its files to the running window instead of opening another."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from cloudinterview_desktop.ui.single_instance import SingleInstance


def test_a_second_launch_hands_over_and_a_released_window_lets_the_next_be_primary(qtbot: QtBot,
                                                                                   tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = SingleInstance(data)
    assert first.become_primary()
    second = SingleInstance(data)
    assert not second.become_primary()
    with qtbot.waitSignal(first.activated, timeout=10_000) as blocker:
        assert second.hand_over(["/home/me/questions.jsonl"])
    assert blocker.args == [["/home/me/questions.jsonl"]]

    other_folder = SingleInstance(tmp_path / "elsewhere")  # another data folder is another app
    assert other_folder.become_primary()
    other_folder.release()

    first.release()
    third = SingleInstance(data)
    assert third.become_primary()
    third.release()
