"""End-to-end judging of a correct Python solution on 50 hidden tests (streamed to the harness one at a time and
timed by the judge), median of several runs, beside the floor measured in the same run: starting the interpreter
with the judge's own flags (`interpreter_command() + ["-c", "pass"]`, i.e. `python -I -S -c pass`) in the same
sandbox. The target is at most 0.3 s over that floor.

    .venv/bin/python bench/judge.py [--runs 9]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from common import median, record, two_sum_with_tests

from cloudinterview_desktop.domain.judging import JudgeMode, Verdict
from cloudinterview_desktop.judge.judge import Judge
from cloudinterview_desktop.judge.languages.python import interpreter_command, interpreter_paths
from cloudinterview_desktop.judge.sandbox import RunSpec, SandboxLimits

TESTS = 50


def time_floor(judge: Judge) -> float:
    """The interpreter started with the judge's flags, in the judge's sandbox, doing nothing."""
    sandbox = judge.sandbox()
    limits = SandboxLimits(wall_s=30, cpu_s=30, address_space_mb=None)
    with sandbox.workdir() as workdir:
        spec = RunSpec(argv=(*interpreter_command(), "-c", "pass"), workdir=workdir, limits=limits,
                       expose=interpreter_paths())
        started = time.perf_counter()
        outcome = sandbox.run(spec)
        elapsed = time.perf_counter() - started
    assert outcome.ok, outcome.stderr
    return elapsed


def time_bare_interpreter() -> float:
    started = time.perf_counter()
    subprocess.run([*interpreter_command(), "-c", "pass"], check=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    problem = two_sum_with_tests(TESTS)
    assert problem.solution is not None
    with tempfile.TemporaryDirectory() as cache:
        judge = Judge(cache_dir=Path(cache))
        print(f"isolation: {judge.isolation_level()}")  # detection happens once, outside the timing
        first = judge.run(problem, problem.solution.python, "python", JudgeMode.SUBMIT)
        assert first.verdict is Verdict.ACCEPTED and first.passed == TESTS, first.message
        judged: list[float] = []
        floor: list[float] = []
        bare: list[float] = []
        for _ in range(args.runs):  # interleaved, so both see the same machine load
            started = time.perf_counter()
            result = judge.run(problem, problem.solution.python, "python", JudgeMode.SUBMIT)
            judged.append(time.perf_counter() - started)
            assert result.verdict is Verdict.ACCEPTED
            floor.append(time_floor(judge))
            bare.append(time_bare_interpreter())
    flags = " ".join(interpreter_command()[1:])
    print(f"judge: {TESTS} hidden tests, median {median(judged):.3f} s over {args.runs} runs "
          f"(min {min(judged):.3f} s); tests themselves (timed by the judge): {first.time_ms:.1f} ms")
    print(f"floor, `python {flags} -c pass` in the same sandbox: median {median(floor):.3f} s; "
          f"outside it: median {median(bare):.3f} s")
    over = median(judged) - median(floor)
    print(f"over the floor: {over:.3f} s ({'within' if over <= 0.3 else 'OVER'} the 0.3 s target)")
    record("judge: Python submit of 50 tests, beside `python -I -S` started in the same sandbox", median(judged),
           median(floor), "s", "<= floor + 0.3 s", runs=judged, floor_runs=floor, passed=over <= 0.3)


if __name__ == "__main__":
    main()
