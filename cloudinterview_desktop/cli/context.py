"""What CLI commands share: the lazily built app core and the resolution of problem references."""

from __future__ import annotations

import argparse
import sys
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from cloudinterview_desktop.bank.item_format import load_item_file
from cloudinterview_desktop.domain.errors import CloudInterviewError, ProblemFormatError
from cloudinterview_desktop.domain.problems import CodingProblem
from cloudinterview_desktop.judge.protection import ALLOW_FLAG

if TYPE_CHECKING:
    from cloudinterview_desktop.app import AppCore, LazyJudge


class CliContext:
    def __init__(self, home: Path | None = None, use_model: bool | None = None) -> None:
        self.home = home
        self.use_model = use_model

    @cached_property
    def core(self) -> AppCore:
        from cloudinterview_desktop.app import build_core

        core = build_core(self.home, use_model=self.use_model)
        for note in core.startup_notes:
            print(f"note: {note}", file=sys.stderr)
        return core

    def judge(self) -> LazyJudge:
        return self.core.judge

    def load_problem(self, ref: str) -> CodingProblem:
        """A bank slug, or a path to a problem file in the documented format."""
        path = Path(ref)
        if ref.endswith(".json") or path.exists():
            item = load_item_file(path, source="file")
        else:
            item = self.core.bank.get(ref)
        if not isinstance(item, CodingProblem):
            raise ProblemFormatError(f"{ref} is a {item.kind.value} question, not a coding problem")
        return item

    def close(self) -> None:
        if "core" in self.__dict__:
            self.core.close()


class CommandError(CloudInterviewError):
    """A command that cannot do what was asked; printed as `error: ...`, exit code 1."""


def add_allow_flag(parser: argparse.ArgumentParser, what: str) -> None:
    """--allow-unisolated: `what` may run even where code cannot be sandboxed (judge/protection.py)."""
    parser.add_argument(ALLOW_FLAG, dest="allow_unisolated", action="store_true",
                        help=f"{what} even where code cannot be sandboxed (isolation 'rlimits': it runs as you, with "
                             "your files and the network in reach); for this command only. Without it, and unless "
                             "you allowed it in the window, such a run is refused (exit code 2)")
