"""Takes screenshots of every page in the light and dark themes, and at 150 % scaling, driving the real window with a
throwaway home: the first run, then one session of history, then twenty.

    xvfb-run -a -s "-screen 0 1440x960x24" .venv/bin/python scripts/screenshots.py [--out docs/screenshots]

(`make screenshots` does exactly this.) Each page is reached the way a person would reach it, through the engine.
The history is made by the real session service, answer by answer, with a clock that moves a day per session."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from cloudinterview_desktop.ai.models.manager import ModelManager
from cloudinterview_desktop.app import AppCore, build_core
from cloudinterview_desktop.domain.problems import CodingProblem
from cloudinterview_desktop.domain.session import Mode, SessionConfig
from cloudinterview_desktop.engine.session_engine import SessionEngine
from cloudinterview_desktop.feedback.measured import MeasuredFeedbackBuilder
from cloudinterview_desktop.report.rubric import RubricFeedbackBuilder
from cloudinterview_desktop.service.session_service import SessionService
from cloudinterview_desktop.service.template_interviewer import TemplateInterviewer
from cloudinterview_desktop.settings import Key
from cloudinterview_desktop.ui import editor_lsp
from cloudinterview_desktop.ui.main_window import MainWindow
from cloudinterview_desktop.ui.model_manager_dialog import ModelManagerDialog
from cloudinterview_desktop.ui.settings_dialog import SettingsDialog

ROOT = Path(__file__).resolve().parent.parent
# Answers from a first, thin attempt to a full STAR(R) story: the history shows a person improving.
QUESTION = "fixed-recurring-issue"  # "a recurring problem ... that you permanently fixed"
ANSWERS = (
    "There was a flaky job and we fixed it eventually.",
    "A nightly job kept failing, so I fixed the recurring problem with a retry.",
    "Our nightly import job failed every week. I found the recurring cause, a race on a temp file, and I fixed it "
    "permanently.",
    "Situation: our nightly import job was flaky and failed weekly. Task: I owned the recurring problem. Action: I "
    "traced it to a race on a shared temp file and I wrote a fix with unique files. Result: failures fell from 4 a "
    "month to 0.",
    "Situation: a flaky nightly import job failed weekly and support re-ran it by hand. Task: I owned fixing it "
    "permanently. Action: I traced the recurring failure to a race on a shared temp file, I wrote unique temp files "
    "and I added an alert. Result: manual re-runs fell from 4 a month to 0 for a year. I learned to remove the "
    "cause, not the symptom.",
)


class DayClock:
    """Each session of the made-up history starts a day after the previous one."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=3)
        return self.now

    def next_day(self) -> None:
        self.now = self.now.replace(hour=9, minute=0) + timedelta(days=1)


def make_history(core: AppCore, count: int, clock: DayClock, start: int = 0) -> None:
    service = SessionService(core.sessions, core.bank, TemplateInterviewer(),
                             RubricFeedbackBuilder(MeasuredFeedbackBuilder(), core.bank), core.judge, clock=clock)
    for n in range(start, start + count):
        clock.next_day()
        session = service.create_session(SessionConfig(mode=Mode.BEHAVIORAL, seniority="senior"), problems=[QUESTION])
        service.start_session(session.id)
        service.submit_answer(session.id, ANSWERS[min(len(ANSWERS) - 1, n * len(ANSWERS) // 20)])
        service.end_session(session.id)


def wait_until(app: QApplication, condition: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not reach the expected state")
        app.processEvents()
        time.sleep(0.02)


def settle(app: QApplication, seconds: float = 0.4) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def shoot(app: QApplication, widget: QWidget, path: Path) -> None:
    settle(app)
    widget.grab().save(str(path))
    print(f"saved {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


def run(out: Path, theme: str, suffix: str = "") -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    name = f"{{}}-{theme}{suffix}.png"
    with tempfile.TemporaryDirectory() as home:
        core = build_core(Path(home))
        core.settings.set(Key.THEME, theme)
        server = editor_lsp.LanguageServer(enabled=False)
        editor_lsp.install(server)
        engine = SessionEngine(core.service, core.bank_service)
        window = MainWindow(engine, core.settings, data_dir=str(core.paths.data_dir),
                            models_dir=str(core.paths.models_dir))
        window.resize(1400, 900)
        window.show()
        wait_until(app, lambda: "Interviewer:" in window.home.welcome.text.text(), timeout=240)
        shoot(app, window, out / name.format("home-first-run"))

        clock = DayClock(datetime.now() - timedelta(days=22))
        make_history(core, 1, clock)
        window.show_history()
        wait_until(app, lambda: window.history.model.rowCount() == 1)
        shoot(app, window, out / name.format("history-1-session"))
        make_history(core, 19, clock, start=1)
        window.go_home()
        wait_until(app, lambda: window.home.progress.isVisible())
        shoot(app, window, out / name.format("home"))

        # A technical interview: the editor holds a correct solution of the first problem, run on the examples.
        session = core.service.create_session(SessionConfig(mode=Mode.TECHNICAL, question_count=3, coding_count=1,
                                                            job_type="backend", seniority="senior"), seed=3)
        problem = core.bank.get(session.questions[0].item_slug)
        assert isinstance(problem, CodingProblem) and problem.solution is not None
        core.sessions.save_draft(session.id, 0, "python", problem.solution.python, session.created_at)
        window.resume_session(session.id)
        wait_until(app, lambda: window.session is not None and window.session.current_question is not None
                   and window.pages.currentWidget() is window.interview)
        coding = window.interview.coding
        wait_until(app, lambda: coding.editor.is_ready and coding.editor.code() != "", timeout=90)
        coding.request_run()
        wait_until(app, lambda: "passed" in coding.tests.summary.text(), timeout=90)
        shoot(app, window, out / name.format("interview-coding"))

        window.interview.answer_box.setPlainText("")
        window.next_question()
        wait_until(app, lambda: window.session is not None and window.session.current_question_index == 1)
        window.interview.answer_box.setPlainText(
            "An index trades extra writes and storage for faster reads; I would add a composite index matching "
            "the query's WHERE and ORDER BY columns and check the plan with EXPLAIN.")
        shoot(app, window, out / name.format("interview-theory"))

        window.end_interview()
        wait_until(app, lambda: window.pages.currentWidget() is window.summary, timeout=240)
        shoot(app, window, out / name.format("feedback"))

        window.show_history()
        wait_until(app, lambda: window.history.model.rowCount() > 20)
        shoot(app, window, out / name.format("history"))

        models = ModelManagerDialog(ModelManager(core.paths.models_dir), core.settings, window)
        models.resize(1100, 640)
        models.show()
        shoot(app, models, out / name.format("models"))
        models.close()
        dialog = SettingsDialog(core.settings, str(core.paths.data_dir), [], window)
        dialog.show()
        shoot(app, dialog, out / name.format("settings"))
        dialog.close()
        window.close()
        engine.shutdown()
        core.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--theme", choices=["light", "dark"], help="one theme only (used for the 150 % pass)")
    parser.add_argument("--suffix", default="")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    if args.theme:
        run(args.out, args.theme, args.suffix)
    else:
        for theme in ("light", "dark"):
            run(args.out, theme)
        # The same pages at 150 % scaling, in a fresh process (the scale factor is read when Qt starts).
        env = {**os.environ, "QT_SCALE_FACTOR": "1.5"}
        subprocess.run([sys.executable, __file__, "--out", str(args.out), "--theme", "light", "--suffix", "-150"],
                       env=env, check=True)
    QTimer.singleShot(0, QApplication.quit)


if __name__ == "__main__":
    main()
