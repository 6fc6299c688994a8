"""Time from process start to the main window shown (offscreen), median of several runs, beside a bare Qt window.

    .venv/bin/python bench/startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import median, report

APP = """
from cloudinterview_desktop.ui.launcher import run_gui
run_gui(exit_after_shown=True)
print("shown", flush=True)
"""

# The raw baseline: the interpreter, PySide6 and one empty window shown, nothing of the app.
BARE_QT = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
print("shown", flush=True)
"""


def time_to_shown(code: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    elapsed = time.perf_counter() - start
    if "shown" not in result.stdout:
        raise SystemExit(f"the window did not show:\n{result.stderr}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CLOUDINTERVIEW_HOME": home,
               "QTWEBENGINE_DISABLE_SANDBOX": "1"}
        time_to_shown(APP, env)  # first run creates the data folder and database, like a first launch
        app = [time_to_shown(APP, env) for _ in range(args.runs)]
        bare = [time_to_shown(BARE_QT, env) for _ in range(args.runs)]
    print(f"app runs (s): {', '.join(f'{t:.3f}' for t in app)}")
    report("startup to main window shown", median(app), median(bare), "s", "app <= 1.5 s")


if __name__ == "__main__":
    main()
