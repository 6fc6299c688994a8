"""The `cloudinterview` command line: one parser, a module per command group, uniform errors and exit codes."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from cloudinterview_desktop import __version__
from cloudinterview_desktop.cli import doctor_cmd, interview_cmd, sessions_cmd
from cloudinterview_desktop.cli.context import CliContext
from cloudinterview_desktop.domain.errors import CloudInterviewError
from cloudinterview_desktop.judge.protection import UnisolatedRunRefused
from cloudinterview_desktop.logging_setup import install_cli_excepthook, setup_logging
from cloudinterview_desktop.paths import resolve_paths

log = logging.getLogger(__name__)

COMMAND_MODULES = [doctor_cmd, interview_cmd, sessions_cmd]


def _optional_modules() -> list[object]:
    """Command groups whose modules may pull heavy libraries; each registers itself when it imports."""
    modules: list[object] = []
    for name in ("problems_cmd", "judge_cmd", "models_cmd", "voice_cmd", "report_cmd", "eval_cmd"):
        try:
            modules.append(__import__(f"cloudinterview_desktop.cli.{name}", fromlist=["register"]))
        except ModuleNotFoundError as exc:
            if exc.name != f"cloudinterview_desktop.cli.{name}":
                raise
    return modules


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cloudinterview",
        description="CloudInterview Desktop: offline AI mock interviews. Without a command, the app opens.")
    parser.add_argument("--version", action="version", version=f"cloudinterview {__version__}")
    parser.add_argument("--home", type=Path, help="keep all data under this folder (or set CLOUDINTERVIEW_HOME)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in [*COMMAND_MODULES, *_optional_modules()]:
        module.register(sub)  # type: ignore[attr-defined]
    return parser


def run_cli(argv: Sequence[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)  # exits 2 on usage errors
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    setup_logging(resolve_paths(args.home), console=False)
    install_cli_excepthook()
    ctx = CliContext(args.home, use_model=False if getattr(args, "no_model", False) else None)
    try:
        return int(args.handler(args, ctx))
    except UnisolatedRunRefused as exc:  # code would run without a sandbox, and that was not allowed
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except CloudInterviewError as exc:
        log.info("command failed: %s", exc)
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    finally:
        ctx.close()
