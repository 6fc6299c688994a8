"""Opening the app, each run a fresh process (offscreen), beside the floor of the same work in the same run, in
alternating order:

1. process start → main window shown, beside a bare PySide6 window;
2. process start → ready to type code: the window shown, *Start interview* pressed at once (a technical interview
   that opens on a coding problem), and the Monaco editor initialised holding the problem's starter code; beside a
   bare PySide6 window holding a bare qtmonaco editor given the same starter code;
3. *Start interview* → the first question shown (the greeting and the question written, nothing pending), from the
   same runs as (2).

The data folder is created by one untimed first launch (database, the model's capability check), as a user's first
launch does; every timed run opens that same folder.

    .venv/bin/python bench/startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import interleaved, median, record, runs_text

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

# The app as launched, driven as a user would: Start interview as soon as the window shows. Times are wall-clock
# (time.time()) so the parent can subtract its own start time.
APP_READY = """
import json, os, sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from cloudinterview_desktop.domain.session import Mode, SessionConfig
from cloudinterview_desktop.ui.launcher import run_gui
from cloudinterview_desktop.ui.main_window import MainWindow

app = QApplication(sys.argv[:1])
FIRST = sys.argv[1:] == ["first"]
marks = {}
state = {"window": None}

def poll():
    window = state["window"]
    if window is None:
        window = next((w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()), None)
        if window is None:
            return
        state["window"] = window
        marks["shown"] = time.time()
        window.start_interview(SessionConfig(mode=Mode.TECHNICAL, question_count=2, coding_count=1,
                                             job_type="backend"))
        marks["start"] = time.time()
        return
    session = window.session
    question = session.current_question if session is not None else None
    if "question" not in marks and question is not None and question.asked_at is not None and not window._pending:
        marks["question"] = time.time()
    editor = window.interview.coding.editor
    if "ready" not in marks and question is not None and editor.is_ready and "def " in editor.code():
        marks["ready"] = time.time()
    if "question" in marks and "ready" in marks:
        if FIRST and not any(Path(os.environ["CLOUDINTERVIEW_HOME"]).rglob("model-checks.json")):
            return  # the first launch also waits for the model's capability check, which later launches read
        print(json.dumps(marks), flush=True)
        timer.stop()
        window.close()

timer = QTimer()
timer.setInterval(5)
timer.timeout.connect(poll)
timer.start()
run_gui()
"""

# The floor of (2): a bare window with a bare qtmonaco editor holding the same starter code.
BARE_EDITOR = """
import json, sys, time
from PySide6.QtWidgets import QApplication, QMainWindow
from qtmonaco import Monaco

app = QApplication(sys.argv)
window = QMainWindow()
editor = Monaco(window)
window.setCentralWidget(editor)

def initialized():
    editor.set_text(sys.argv[1], language="python")
    print(json.dumps({"ready": time.time()}), flush=True)
    app.quit()

editor.initialized.connect(initialized)
window.resize(1300, 850)
window.show()
app.exec()
"""


def time_to_shown(code: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    elapsed = time.perf_counter() - start
    if "shown" not in result.stdout:
        raise SystemExit(f"the window did not show:\n{result.stderr[-3000:]}")
    return elapsed


def marks_of(code: str, env: dict[str, str], *args: str) -> dict[str, float]:
    """The child's marks, each as seconds after the child was started."""
    start = time.time()
    result = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True,
                            timeout=180)
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise SystemExit(f"the run did not finish:\n{result.stderr[-3000:]}")
    return {name: moment - start for name, moment in json.loads(lines[-1]).items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from cloudinterview_desktop.app import build_core
    from cloudinterview_desktop.domain.problems import CodingProblem

    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CLOUDINTERVIEW_HOME": home,
               "QTWEBENGINE_DISABLE_SANDBOX": "1"}
        first = marks_of(APP_READY, env, "first")  # creates the data folder and checks the model
        print(f"first launch (untimed): ready to type code after {first['ready']:.2f} s")
        core = build_core(Path(home), use_model=False, apply_retention=False)
        starter = ""
        for item in (core.bank.get(row.slug) for row in core.bank.rows(kind="coding")[:1]):
            if isinstance(item, CodingProblem):
                starter = core.judge.starter_code(item, "python")
        core.close()
        shown, bare = interleaved(lambda: time_to_shown(APP, env), lambda: time_to_shown(BARE_QT, env), args.runs)
        app_marks: list[dict[str, float]] = []

        def app_ready() -> float:
            app_marks.append(marks_of(APP_READY, env))
            return app_marks[-1]["ready"]

        ready, bare_ready = interleaved(app_ready, lambda: marks_of(BARE_EDITOR, env, starter)["ready"], args.runs)
    question = [m["question"] - m["start"] for m in app_marks]
    print(f"window shown (s): app {runs_text(shown)}; bare {runs_text(bare)}")
    print(f"ready to type code (s): app {runs_text(ready)}; bare editor {runs_text(bare_ready)}; of which the window "
          f"shown at {runs_text([m['shown'] for m in app_marks])}")
    print(f"Start interview → first question shown (s): {runs_text(question)}")
    record("startup: process start → main window shown", median(shown), median(bare), "s", "<= 1.5 s",
           runs=shown, floor_runs=bare, note="floor: a bare PySide6 window")
    record("open → ready to type code (window, Monaco, starter code)", median(ready), median(bare_ready), "s",
           "<= 3 s", runs=ready, floor_runs=bare_ready, note="floor: a bare window with a bare qtmonaco editor")
    record("Start interview → first question shown, in the window", median(question), None, "s", "<= 3 s",
           runs=question, note="the greeting and question by the app's interviewer as launched")


if __name__ == "__main__":
    main()
