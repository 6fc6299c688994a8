"""One data folder used at once by eight terminal interviews, the window's engine, an import and a report export."""

from __future__ import annotations

import json
import subprocess
import threading
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from cloudinterview_desktop.app import AppCore
from cloudinterview_desktop.domain.session import Mode, SessionConfig
from cloudinterview_desktop.engine.session_engine import SessionEngine
from cloudinterview_desktop.engine.session_results import RequestId
from tests.cli.helpers import cli, cli_json, popen

TERMINALS = 8
ANSWERS = 3
THEORY_DIR = Path(__file__).resolve().parents[2] / "resources" / "bank" / "theory"
LOCK_WORDS = ("database is locked", "OperationalError", "Traceback")
ERROR_WORDS = (*LOCK_WORDS, "error:", "unexpected")  # stderr only: a question may well say "unexpected"


def _terminal_script(number: int) -> str:
    return "".join(f"terminal {number} answer {i}\n.\n/next\n" for i in range(ANSWERS)) + "/end\n"


def _engine_call(qtbot: QtBot, engine: SessionEngine, request_id: RequestId) -> Any:
    results: dict[int, Any] = {}
    errors: dict[int, str] = {}
    engine.finished.connect(lambda rid, result: results.__setitem__(rid, result))
    engine.failed.connect(lambda rid, message: errors.__setitem__(rid, message))
    engine.cancelled.connect(lambda rid: errors.__setitem__(rid, "cancelled"))
    qtbot.waitUntil(lambda: request_id in results or request_id in errors, timeout=90_000)
    if request_id in errors:
        raise AssertionError(f"the window's engine failed: {errors[request_id]}")
    return results[request_id]


def _import_file(folder: Path) -> Path:
    """Every built-in theory question under a new slug: an import of real items that the bank does not hold yet."""
    lines = []
    for path in sorted(THEORY_DIR.glob("*.json")):
        item = json.loads(path.read_text(encoding="utf-8"))
        item["slug"] = "imported-" + item["slug"]
        lines.append(json.dumps(item))
    target = folder / "theory.jsonl"
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def _finished_session(home: Path) -> str:
    done = cli("interview", "--no-model", "--mode", "behavioral", "--questions", "1", "--seed", "99", home=home,
               stdin="I led the migration and cut the error rate by half.\n.\n/end\n")
    assert done.returncode == 0, done.stderr
    return next(line.split()[1] for line in done.stdout.splitlines() if line.startswith("session: "))


def test_everyone_at_once_loses_nothing_and_sees_no_lock(qtbot: QtBot, core: AppCore, app_home: Path,
                                                         tmp_path: Path) -> None:
    report_session = _finished_session(app_home)
    engine = SessionEngine(core.service)
    terminals = [popen("interview", "--no-model", "--mode", "behavioral", "--questions", str(ANSWERS),
                       "--seed", str(n), home=app_home) for n in range(TERMINALS)]
    side_jobs = [
        subprocess.Popen([*popen_command("problems", "import", str(_import_file(tmp_path)))],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env_for(app_home)),
        subprocess.Popen([*popen_command("report", report_session, "-o", str(tmp_path / "report.pdf"))],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env_for(app_home)),
    ]
    outputs: dict[int, tuple[str, str]] = {}

    def drive(number: int, proc: subprocess.Popen[str]) -> None:
        outputs[number] = proc.communicate(_terminal_script(number), timeout=180)

    drivers = [threading.Thread(target=drive, args=(n, p)) for n, p in enumerate(terminals)]
    for thread in drivers:
        thread.start()
    try:
        window = _engine_call(qtbot, engine, engine.create_session(
            SessionConfig(mode=Mode.BEHAVIORAL, question_count=ANSWERS), seed=42)).session
        _engine_call(qtbot, engine, engine.start_session(window.id))
        for i in range(ANSWERS):
            _engine_call(qtbot, engine, engine.submit_answer(window.id, f"window answer {i}"))
    finally:
        for thread in drivers:
            thread.join(timeout=200)
        engine.shutdown()
    side_outputs = [job.communicate(timeout=120) for job in side_jobs]

    for number, proc in enumerate(terminals):
        out, err = outputs[number]
        assert proc.returncode == 0, f"terminal {number}: {err}"
        assert not any(word in out for word in LOCK_WORDS), f"terminal {number}: {out}"
        assert not any(word in err for word in ERROR_WORDS), f"terminal {number}: {err}"
        session_id = next(line.split()[1] for line in out.splitlines() if line.startswith("session: "))
        acknowledged = sum(1 for line in out.splitlines() if line.startswith("saved: answer"))
        assert acknowledged == ANSWERS, out
        stored = cli_json("sessions", "show", session_id, home=app_home)
        assert [a["text"] for a in stored["answers"]] == [f"terminal {number} answer {i}" for i in range(ANSWERS)]
    for job, (out, err) in zip(side_jobs, side_outputs, strict=True):
        assert job.returncode == 0, err
        assert not any(word in out for word in LOCK_WORDS), out
        assert not any(word in err for word in ERROR_WORDS), err
    imported = cli_json("problems", "list", "--kind", "theory", home=app_home)
    assert sum(1 for item in imported if item["slug"].startswith("imported-")) == len(list(THEORY_DIR.glob("*.json")))
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
    window_stored = cli_json("sessions", "show", window.id, home=app_home)
    assert [a["text"] for a in window_stored["answers"]] == [f"window answer {i}" for i in range(ANSWERS)]


def popen_command(*args: str) -> list[str]:
    from tests.cli.helpers import COMMAND

    return [*COMMAND, *args]


def env_for(home: Path) -> dict[str, str]:
    import os

    return {**os.environ, "CLOUDINTERVIEW_HOME": str(home)}
