"""Takes screenshots of every page in the light and dark themes, driving the real window with a throwaway home.

    xvfb-run -a -s "-screen 0 1440x960x24" .venv/bin/python scripts/screenshots.py [--out docs/screenshots]

(`make screenshots` does exactly this.) Each page is reached the way a person would reach it, through the engine."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from cloudinterview_desktop.app import build_core
from cloudinterview_desktop.domain.problems import CodingProblem
from cloudinterview_desktop.domain.session import Mode, SessionConfig
from cloudinterview_desktop.engine.session_engine import SessionEngine
from cloudinterview_desktop.settings import Key
from cloudinterview_desktop.ui import editor_lsp
from cloudinterview_desktop.ui.main_window import MainWindow
from cloudinterview_desktop.ui.settings_dialog import SettingsDialog

ROOT = Path(__file__).resolve().parent.parent

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


def run(out: Path, theme: str) -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as home:
        core = build_core(Path(home))
        core.settings.set(Key.THEME, theme)
        server = editor_lsp.LanguageServer(enabled=False)
        editor_lsp.install(server)
        engine = SessionEngine(core.service, core.bank_service)
        window = MainWindow(engine, core.settings, data_dir=str(core.paths.data_dir))
        window.resize(1400, 900)
        window.show()
        shoot(app, window, out / f"home-{theme}.png")

        # A technical interview: the editor holds a correct solution of the first problem, run on the examples.
        session = core.service.create_session(SessionConfig(mode=Mode.TECHNICAL, question_count=3, coding_count=1,
                                                            job_type="backend", seniority="senior"), seed=3)
        problem = core.bank.get(session.questions[0].item_slug)
        assert isinstance(problem, CodingProblem) and problem.solution is not None
        core.sessions.save_draft(session.id, 0, "python", problem.solution.python, session.created_at)
        window._call("resume_session", session_id=session.id)
        wait_until(app, lambda: window.session is not None and window.session.current_question is not None
                   and window.pages.currentWidget() is window.interview)
        coding = window.interview.coding
        wait_until(app, lambda: coding.editor.is_ready and coding.editor.code() != "", timeout=90)
        coding.request_run()
        wait_until(app, lambda: "passed" in coding.tests.summary.text(), timeout=90)
        shoot(app, window, out / f"interview-coding-{theme}.png")

        window.interview.answer_box.setPlainText("")
        window._call("next_question", session_id=session.id)
        wait_until(app, lambda: window.session is not None and window.session.current_question_index == 1)
        window.interview.answer_box.setPlainText(
            "An index trades extra writes and storage for faster reads; I would add a composite index matching "
            "the query's WHERE and ORDER BY columns and check the plan with EXPLAIN.")
        shoot(app, window, out / f"interview-theory-{theme}.png")

        window._call("end_session", session_id=session.id)
        wait_until(app, lambda: window.pages.currentWidget() is window.summary)
        shoot(app, window, out / f"feedback-{theme}.png")

        window.show_history()
        wait_until(app, lambda: window.history.model.rowCount() > 0)
        shoot(app, window, out / f"history-{theme}.png")

        dialog = SettingsDialog(core.settings, str(core.paths.data_dir), [], window)
        dialog.show()
        shoot(app, dialog, out / f"settings-{theme}.png")
        dialog.close()
        window.close()
        engine.shutdown()
        core.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    for theme in ("light", "dark"):
        run(args.out, theme)
    QTimer.singleShot(0, QApplication.quit)


if __name__ == "__main__":
    main()
