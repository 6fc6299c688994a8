"""Entry point: no arguments opens the app; anything else is the command line."""

from __future__ import annotations

import os
import sys

# A frozen app has no separate `python`; the judge runs its harness as `APP --run-python-harness SCRIPT ARGS...`
# (judge/languages/python.py), which stands in for `python -I -S SCRIPT ARGS...`.
PYTHON_HARNESS_FLAG = "--run-python-harness"
# Smoke tests of a build (installer/smoke.sh) set this to open the window and close it once it is shown.
SMOKE_EXIT_VAR = "CLOUDINTERVIEW_SMOKE_EXIT_AFTER_SHOWN"
QUESTION_FILES = (".json", ".jsonl", ".csv")


def _run_python_script(script_and_args: list[str]) -> int:
    import runpy

    sys.argv = list(script_and_args)
    runpy.run_path(script_and_args[0], run_name="__main__")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if getattr(sys, "frozen", False) and len(args) >= 2 and args[0] == PYTHON_HARNESS_FLAG:
        return _run_python_script(args[1:])
    gui_flags = {"--home"}
    # `cloudinterview FILE.json` (a file manager's "Open with"): the window, asked to import that question file.
    opened = [a for a in args if a.lower().endswith(QUESTION_FILES) and os.path.isfile(a)]
    if opened and len(opened) == len(args):
        from cloudinterview_desktop.ui.launcher import run_gui

        return run_gui(None, files=opened)
    if not args or (args[0] in gui_flags and len(args) == 2):
        from pathlib import Path

        from cloudinterview_desktop.ui.launcher import run_gui

        return run_gui(Path(args[1]) if args else None, exit_after_shown=os.environ.get(SMOKE_EXIT_VAR) == "1")
    from cloudinterview_desktop.cli.main import run_cli

    return run_cli(args)


if __name__ == "__main__":
    raise SystemExit(main())
