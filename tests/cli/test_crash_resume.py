"""SIGKILL at any point loses no acknowledged answer, and --resume continues at the right question."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.cli.helpers import cli, cli_json, popen

QUESTIONS = 4


def _read_until(proc: subprocess.Popen[str], prefix: str, timeout: float = 60) -> str:
    assert proc.stdout is not None and proc.stderr is not None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            raise AssertionError(f"process ended before {prefix!r}: {proc.stderr.read()}")
        if line.startswith(prefix):
            return line.strip()
    raise AssertionError(f"timed out waiting for {prefix!r}")


@pytest.mark.parametrize("acknowledged", [0, 1, 2, 3])
def test_sigkill_after_acknowledgements_then_resume(app_home: Path, acknowledged: int) -> None:
    proc = popen("interview", "--no-model", "--mode", "behavioral", "--questions", str(QUESTIONS), "--seed", "11",
                 home=app_home)
    session_id = _read_until(proc, "session: ").split()[1]
    assert proc.stdin is not None
    for i in range(acknowledged):
        proc.stdin.write(f"answer number {i}\n.\n/next\n")  # /next: past the interviewer's follow-up
        proc.stdin.flush()
        _read_until(proc, f"saved: answer to question {i + 1} ")
    proc.stdin.write("a half-typed answer that was never sent\n")  # no terminating '.'
    proc.stdin.flush()
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    stored = cli_json("sessions", "show", session_id, home=app_home)
    # Killed before the first question was committed, the session is still `created`; resume starts it.
    assert stored["status"] in ("created", "in_progress")
    assert [a["text"] for a in stored["answers"]] == [f"answer number {i}" for i in range(acknowledged)]

    resumed = cli("interview", "--no-model", "--resume", session_id, home=app_home,
                  stdin="answer after resume\n.\n/quit\n")
    assert resumed.returncode == 0, resumed.stderr
    expected_question = acknowledged + 1
    assert f"=== Question {expected_question} of {QUESTIONS}:" in resumed.stdout
    assert f"saved: answer to question {expected_question} of {QUESTIONS}" in resumed.stdout
    final = cli_json("sessions", "show", session_id, home=app_home)
    last = final["answers"][-1]
    assert (last["questionIndex"], last["text"]) == (acknowledged, "answer after resume")


def test_sigkill_at_random_moments_loses_nothing_acknowledged(app_home: Path) -> None:
    rng = random.Random(2024)
    for round_number in range(4):
        proc = popen("interview", "--no-model", "--mode", "behavioral", "--questions", "6", "--seed", str(round_number),
                     home=app_home)
        session_id = _read_until(proc, "session: ").split()[1]
        assert proc.stdin is not None
        script = "".join(f"round {round_number} answer {i}\n.\n/next\n" for i in range(6))
        proc.stdin.write(script)
        proc.stdin.flush()
        time.sleep(rng.uniform(0.0, 0.6))
        os.kill(proc.pid, signal.SIGKILL)
        output, _ = proc.communicate(timeout=30)
        acked = sum(1 for line in output.splitlines() if line.startswith("saved: answer"))
        stored = cli_json("sessions", "show", session_id, home=app_home)
        texts = [a["text"] for a in stored["answers"]]
        # Everything acknowledged is there; at most the one answer in flight was committed without its ack.
        assert texts[:acked] == [f"round {round_number} answer {i}" for i in range(acked)]
        assert len(texts) in (acked, acked + 1)
