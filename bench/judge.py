"""End-to-end judging of a correct Python solution on 50 hidden tests, median of several runs, beside the bare cost
of starting the interpreter (`python -I -c pass`) measured in the same run.

    .venv/bin/python bench/judge.py [--runs 9]
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from common import median, report

from cloudinterview_desktop.bank.item_format import load_item_file
from cloudinterview_desktop.domain.judging import JudgeMode, Verdict
from cloudinterview_desktop.domain.problems import CodingProblem, TestCase
from cloudinterview_desktop.judge.judge import Judge
from cloudinterview_desktop.resources import resource_path

TESTS = 50


def fifty_tests() -> CodingProblem:
    """Two Sum with 50 hidden tests of up to 2,000 numbers (one planted pair each)."""
    item = load_item_file(resource_path("bank", "coding", "two-sum.json"))
    assert isinstance(item, CodingProblem)
    rng = random.Random(7)
    tests = []
    for _ in range(TESTS):
        size = rng.randint(2, 2000)
        nums = rng.sample(range(0, 10**6, 2), size)  # even numbers: no pair of them sums to an odd target
        i, j = sorted(rng.sample(range(size), 2))
        nums[i], nums[j] = 1, 2 * rng.randint(0, 10**5)
        tests.append(TestCase(input={"nums": nums, "target": nums[i] + nums[j]}, output=[i, j]))
    return dataclasses.replace(item, tests=tuple(tests))


def time_bare_interpreter() -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-I", "-c", "pass"], check=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    problem = fifty_tests()
    assert problem.solution is not None
    with tempfile.TemporaryDirectory() as cache:
        judge = Judge(cache_dir=Path(cache))
        print(f"isolation: {judge.isolation_level()}")  # detection happens once, outside the timing
        first = judge.run(problem, problem.solution.python, "python", JudgeMode.SUBMIT)
        assert first.verdict is Verdict.ACCEPTED and first.passed == TESTS, first.message
        judged, bare = [], []
        for _ in range(args.runs):  # interleaved, so both see the same machine load
            started = time.perf_counter()
            result = judge.run(problem, problem.solution.python, "python", JudgeMode.SUBMIT)
            judged.append(time.perf_counter() - started)
            assert result.verdict is Verdict.ACCEPTED
            bare.append(time_bare_interpreter())
    print(f"judge: {TESTS} hidden tests, median {median(judged):.3f} s over {args.runs} runs "
          f"(min {min(judged):.3f} s); tests themselves: {first.time_ms:.1f} ms")
    print(f"bare `python -I -c pass`: median {median(bare):.3f} s")
    report("judge python submit (50 tests)", median(judged), median(bare), "s", "<= 0.3 s")


if __name__ == "__main__":
    main()
