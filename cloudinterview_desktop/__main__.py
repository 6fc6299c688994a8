"""Entry point: no arguments opens the app; anything else is the command line."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    gui_flags = {"--home"}
    if not args or (args[0] in gui_flags and len(args) == 2):
        from pathlib import Path

        from cloudinterview_desktop.ui.launcher import run_gui

        return run_gui(Path(args[1]) if args else None)
    from cloudinterview_desktop.cli.main import run_cli

    return run_cli(args)


if __name__ == "__main__":
    raise SystemExit(main())
