"""The command line where code cannot be sandboxed: `interview`'s /run stops the interview with exit code 2 and a
message naming --allow-unisolated, nothing runs and the session is kept; with the flag the code runs, and it is not
remembered. `problems validate` refuses as a whole (the CLI's main turns the refusal into exit code 2)."""

from __future__ import annotations

import argparse
import io
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cloudinterview_desktop.app import AppCore, build_core
from cloudinterview_desktop.cli import interview_cmd, problems_cmd
from cloudinterview_desktop.judge.protection import UnisolatedRunRefused
from cloudinterview_desktop.settings import Key


@pytest.fixture
def unsandboxed(app_home: Path) -> Iterator[AppCore]:
    core = build_core(app_home, use_model=False, isolation="rlimits")
    yield core
    core.close()


class Context:
    def __init__(self, core: AppCore) -> None:
        self.core = core

    def judge(self) -> Any:
        return self.core.judge


def interview(core: AppCore, argv: list[str], stdin: str, monkeypatch: pytest.MonkeyPatch) -> int:
    parser = argparse.ArgumentParser(prog="cloudinterview")
    interview_cmd.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["interview", "--no-model", "--problem", "two-sum", *argv])
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return int(args.handler(args, Context(core)))


def run_block(marker: Path) -> str:
    return (f"/run\nopen({str(marker)!r}, 'w').write('ran')\n"
            "def two_sum(nums, target):\n    return [0, 1]\n.\n/quit\n")


@pytest.fixture
def marker(tmp_path: Path) -> Path:
    folder = tmp_path / "shared"
    folder.mkdir()
    os.chmod(tmp_path, 0o755)
    os.chmod(folder, 0o777)  # as root, the rlimits level runs the code as 'nobody'
    return folder / "ran"


def test_run_is_refused_without_the_flag(unsandboxed: AppCore, marker: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert interview(unsandboxed, [], run_block(marker), monkeypatch) == 2
    captured = capsys.readouterr()
    assert "error: Nothing was run: code judged here is not sandboxed (isolation: rlimits)" in captured.err
    assert "pass --allow-unisolated" in captured.err and "sudo apt install bubblewrap" in captured.err
    assert "--allow-unisolated" in captured.err.splitlines()[-1]  # the resume hint carries the flag
    assert not marker.exists()
    sessions: list[Any] = unsandboxed.sessions.summaries()
    assert len(sessions) == 1  # kept, to resume


def test_run_goes_ahead_with_the_flag(unsandboxed: AppCore, marker: Path, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert interview(unsandboxed, ["--allow-unisolated"], run_block(marker), monkeypatch) == 0
    assert any(line.startswith("run: ") for line in capsys.readouterr().out.splitlines())  # the judge's report
    assert marker.read_text() == "ran"
    assert unsandboxed.settings.get(Key.ALLOW_UNISOLATED) is False  # for this command only


def test_problems_validate_refuses_as_a_whole_unless_allowed(unsandboxed: AppCore,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    parser = argparse.ArgumentParser(prog="cloudinterview")
    problems_cmd.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["problems", "validate", "add-binary"])
    with pytest.raises(UnisolatedRunRefused):
        args.handler(args, Context(unsandboxed))
    assert "ok   add-binary" not in capsys.readouterr().out
    args = parser.parse_args(["problems", "validate", "add-binary", "--allow-unisolated"])
    assert args.handler(args, Context(unsandboxed)) == 0
    assert "ok   add-binary" in capsys.readouterr().out
