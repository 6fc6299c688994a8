"""From *Submit* to the verdict in each language, on a 20-test problem (Two Sum, up to 2,000 numbers a test), through
the app's judge (sandbox, limits, verdicts), beside the floor of the same work in the same run: the very files the
judge writes for that submission, compiled and run with the very commands it uses, without the sandbox. The
judge's caches that do not change between submissions (the C++ precompiled header, the Java harness classes) are
built by one untimed submission first, as they are after a user's first submission; that first time is printed.

    .venv/bin/python bench/verdict.py [--runs 7] [--languages python,javascript,cpp,java]
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
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from common import interleaved, median, record, runs_text, two_sum_with_tests

from cloudinterview_desktop.domain.judging import JudgeMode, Verdict
from cloudinterview_desktop.domain.problems import CodingProblem
from cloudinterview_desktop.judge.cases import build_cases
from cloudinterview_desktop.judge.judge import Judge
from cloudinterview_desktop.judge.languages import language_named
from cloudinterview_desktop.judge.languages.base import Job, Step
from cloudinterview_desktop.judge.sandbox import BASE_PATH, RESULT_FD

TESTS = 20
TARGETS = {"python": 0.3, "javascript": 0.5, "cpp": 1.5, "java": 1.5}
SOLUTIONS = {
    "javascript": """var twoSum = function(nums, target) {
    const seen = new Map();
    for (let i = 0; i < nums.length; i++) {
        if (seen.has(target - nums[i])) return [seen.get(target - nums[i]), i];
        seen.set(nums[i], i);
    }
    return [];
};
""",
    "cpp": """class Solution {
public:
    vector<int> twoSum(vector<int>& nums, int target) {
        unordered_map<int, int> seen;
        for (int i = 0; i < (int)nums.size(); i++) {
            auto it = seen.find(target - nums[i]);
            if (it != seen.end()) return {it->second, i};
            seen[nums[i]] = i;
        }
        return {};
    }
};
""",
    "java": """class Solution {
    public int[] twoSum(int[] nums, int target) {
        Map<Integer, Integer> seen = new HashMap<>();
        for (int i = 0; i < nums.length; i++) {
            Integer j = seen.get(target - nums[i]);
            if (j != null) return new int[] {j, i};
            seen.put(nums[i], i);
        }
        return new int[0];
    }
}
""",
}


def run_step(step: Step, workdir: Path, tests: tuple[bytes, ...] | None = None) -> int:
    """A judge step run directly: the same argv and environment, no sandbox, and the judge's protocol on the result
    pipe (each test sent on stdin after the previous one's record came back, as the judge streams them); returns
    how many test records came back."""
    # The sandbox's scrubbed environment: inherited variables cost time (NODE_EXTRA_CA_CERTS makes Node read a
    # certificate bundle at start-up), and the floor must do the same work as the judged run, no more.
    env = {"PATH": ":".join(dict.fromkeys((*step.path_dirs, *BASE_PATH.split(":")))), "HOME": str(workdir),
           "TMPDIR": str(workdir), "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", **step.env}
    if RESULT_FD not in " ".join(step.argv):
        done = subprocess.run(step.argv, cwd=workdir, env=env, capture_output=True, check=False)
        if done.returncode != 0:
            raise SystemExit(f"the floor's step failed: {done.stderr.decode()[-2000:]}")
        return 0
    read_end, write_end = os.pipe()
    argv = [a.replace(RESULT_FD, str(write_end)) for a in step.argv]
    process = subprocess.Popen(argv, cwd=workdir, env=env, pass_fds=(write_end,),
                               stdin=subprocess.PIPE if tests is not None else subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_end)
    records = 0
    with os.fdopen(read_end, "rb") as results:
        for line in results:
            record = json.loads(line)
            if "index" not in record:
                continue
            records += record["index"] >= 0
            if tests is not None and process.stdin is not None and not process.stdin.closed:
                following = record["index"] + 1
                if following < len(tests):
                    process.stdin.write(tests[following])
                    process.stdin.flush()
                else:
                    process.stdin.close()
    process.wait()
    return records


def floor(judge: Judge, problem: CodingProblem, code: str, language: str,
          folder: Path) -> tuple[float, float, int]:
    """(seconds, of which compiling, test records) for the judge's own files and commands run without the sandbox."""
    lang = language_named(language)
    cases = build_cases(problem, JudgeMode.SUBMIT, None)
    job = Job(problem=problem, code=code, inputs=tuple(c.input for c in cases), time_limit_ms=problem.limits.time_ms,
              memory_mb=problem.limits.memory_mb)
    workdir = Path(tempfile.mkdtemp(dir=folder))
    program = lang.prepare(job, workdir, judge.cache_dir)  # writing the files is the judge's work, not the floor's
    start = time.perf_counter()
    if program.compile is not None:
        run_step(program.compile, workdir)
    compiled = time.perf_counter()
    records = run_step(program.run, workdir, program.tests)
    return time.perf_counter() - start, compiled - start, records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--languages", default="python,javascript,cpp,java")
    args = parser.parse_args()
    problem = two_sum_with_tests(TESTS)
    assert problem.solution is not None
    codes = {"python": problem.solution.python, **SOLUTIONS}
    with tempfile.TemporaryDirectory() as folder:
        judge = Judge(cache_dir=Path(folder) / "cache")
        cases = len(build_cases(problem, JudgeMode.SUBMIT, None))
        assert cases == TESTS, cases
        print(f"isolation: {judge.isolation_level()}; {cases} tests a submission; load average "
              f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
        for language in args.languages.split(","):
            status = judge.toolchains()[language]
            if not status.available:
                print(f"{language}: no toolchain ({status.detail}); skipped")
                continue
            code = codes[language]
            start = time.perf_counter()
            first = judge.run(problem, code, language, JudgeMode.SUBMIT)
            first_s = time.perf_counter() - start
            assert first.verdict is Verdict.ACCEPTED and first.passed == TESTS, (language, first.message)
            lines: list[int] = []
            compiling: list[float] = []

            def app(language: str = language, code: str = code) -> float:
                began = time.perf_counter()
                report = judge.run(problem, code, language, JudgeMode.SUBMIT)
                elapsed = time.perf_counter() - began
                assert report.verdict is Verdict.ACCEPTED and report.passed == TESTS
                return elapsed

            def bare(language: str = language, code: str = code, lines: list[int] = lines,
                     compiling: list[float] = compiling) -> float:
                elapsed, compile_s, count = floor(judge, problem, code, language, Path(folder))
                lines.append(count)
                compiling.append(compile_s)
                return elapsed

            judged, floors = interleaved(app, bare, args.runs)
            if min(lines) < TESTS:
                raise SystemExit(f"{language}: the floor reported {min(lines)} results for {TESTS} tests")
            print(f"{language} ({status.version}): first submission {first_s:.2f} s (builds the caches); judged "
                  f"runs {runs_text(judged)}; floor runs {runs_text(floors)}, of which compiling "
                  f"{runs_text(compiling)}")
            record(f"Submit → verdict, {language}, {TESTS} tests", median(judged), median(floors), "s",
                   f"<= {TARGETS[language]:g} s", runs=judged, floor_runs=floors,
                   note="floor: the judge's files and commands run without the sandbox")


if __name__ == "__main__":
    main()
