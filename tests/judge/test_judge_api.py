"""The judge's API: Run and Submit semantics, custom inputs, progress, hidden tests, imported Python-only
problems, toolchains and errors; and that expected outputs never reach the sandbox."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from cloudinterview_desktop.domain.judging import LANGUAGES, JudgeMode, JudgeReport, Verdict
from cloudinterview_desktop.domain.problems import CodingProblem, Difficulty
from cloudinterview_desktop.domain.problems import TestCase as Case
from cloudinterview_desktop.judge.errors import InvalidCustomInput, UnknownLanguage, UnsupportedLanguage
from cloudinterview_desktop.judge.judge import Judge, per_test_allowance_s, run_wall_limit_s, starter_code
from cloudinterview_desktop.judge.languages import language_for_file, language_named
from cloudinterview_desktop.judge.languages.base import Job
from tests.judge.conftest import REPO, load_problem

TWO_SUM = load_problem("two-sum")
MIN_STACK = load_problem("min-stack")
ADD = load_problem("add-numbers")
REFERENCE = TWO_SUM.solution.python if TWO_SUM.solution else ""


def test_submit_runs_every_hidden_test_with_progress(judge: Judge) -> None:
    seen: list[tuple[int, int]] = []
    report = judge.run(TWO_SUM, REFERENCE, "python", JudgeMode.SUBMIT, progress=lambda d, t: seen.append((d, t)))
    total = len(TWO_SUM.tests)
    assert report.verdict is Verdict.ACCEPTED and report.passed == report.total == total
    assert seen[-1] == (total, total) and len(seen) == total
    assert report.time_ms == pytest.approx(sum(t.time_ms for t in report.tests))
    assert report.memory_kb > 1000
    assert JudgeReport.from_json(json.loads(json.dumps(report.to_json()))) == report


def test_hidden_failure_shows_its_index_not_its_content(judge: Judge) -> None:
    # Right on the small tests, wrong on the large one (the last).
    code = REFERENCE.replace("return []", "return []").replace("def two_sum(", "def _real(") + (
        "\ndef two_sum(nums, target):\n    return [0, 0] if len(nums) > 1000 else _real(nums, target)\n")
    report = judge.run(TWO_SUM, code, "python", JudgeMode.SUBMIT)
    large = next(i for i, t in enumerate(TWO_SUM.tests) if t.large)
    assert report.verdict is Verdict.WRONG_ANSWER
    assert report.first_failure == large and report.passed == report.total - 1
    failing = report.tests[large]
    assert failing.hidden and failing.input is None and failing.expected is None and failing.actual is None
    assert f"hidden test {large}" in report.message


def test_run_shows_examples_and_custom_inputs_with_reference_answers(judge: Judge) -> None:
    report = judge.run(TWO_SUM, REFERENCE, "python", JudgeMode.RUN,
                       custom_inputs=[{"nums": [5, 1, 4], "target": 9}, {"nums": [1, 1], "target": 2}])
    assert report.verdict is Verdict.ACCEPTED
    assert [t.hidden for t in report.tests] == [False] * 4
    assert report.tests[2].input == {"nums": [5, 1, 4], "target": 9}
    assert report.tests[2].expected == [0, 2] and report.tests[2].actual == [0, 2]
    wrong = judge.run(TWO_SUM, "def two_sum(nums, target):\n    return [0, 1]\n", "python", JudgeMode.RUN,
                      custom_inputs=[{"nums": [5, 1, 4], "target": 9}])
    assert [t.verdict for t in wrong.tests] == [Verdict.ACCEPTED, Verdict.WRONG_ANSWER, Verdict.WRONG_ANSWER]


def test_design_problem_custom_input(judge: Judge) -> None:
    code = MIN_STACK.solution.python if MIN_STACK.solution else ""
    custom = {"operations": ["MinStack", "push", "push", "get_min", "pop", "get_min"],
              "arguments": [[], [3], [1], [], [], []]}
    report = judge.run(MIN_STACK, code, "python", JudgeMode.RUN, custom_inputs=[custom])
    assert report.verdict is Verdict.ACCEPTED
    assert report.tests[-1].actual == report.tests[-1].expected == [None, None, None, 1, None, 3]


@pytest.mark.parametrize(("problem", "custom", "fragment"), [
    (TWO_SUM, {"nums": [1, 2]}, "expected the parameters"),
    (TWO_SUM, {"nums": [1, "2"], "target": 3}, "nums: expected list[int]: an element: expected int, got str"),
    (TWO_SUM, {"nums": [1, 2], "target": True}, "target: expected int, got bool"),
    (TWO_SUM, [1, 2], "must be a JSON object"),
    (MIN_STACK, {"operations": ["push"], "arguments": [[1]]}, "first operation must be 'MinStack'"),
    (MIN_STACK, {"operations": ["MinStack", "peek"], "arguments": [[], []]}, "unknown operation 'peek'"),
    (MIN_STACK, {"operations": ["MinStack", "push"], "arguments": [[], []]}, "takes 1 arguments"),
])
def test_invalid_custom_inputs_are_refused(judge: Judge, problem: CodingProblem, custom: object,
                                           fragment: str) -> None:
    with pytest.raises(InvalidCustomInput, match=fragment.replace("[", r"\[").replace("]", r"\]")):
        judge.run(problem, "", "python", JudgeMode.RUN, custom_inputs=[custom])  # type: ignore[list-item]


def _imported(check: str) -> CodingProblem:
    return CodingProblem(
        slug="imported-add", title="Add (imported)", difficulty=Difficulty.EASY, topics=("math",),
        statement="Add two numbers.", signature=None, examples=(),
        tests=(Case(input={"a": 1, "b": 2}, output=3),), python_only=True, source="humaneval",
        entry_point="Solution().addTwo", check_code=check, prompt_code="from typing import List\n")


def test_imported_python_only_problem(judge: Judge) -> None:
    problem = _imported("def check(candidate):\n    assert candidate(2, 3) == 5\n    assert candidate(-1, 1) == 0\n")
    code = "class Solution:\n    def addTwo(self, a: int, b: int) -> int:\n        return a + b\n"
    report = judge.run(problem, code, "python", JudgeMode.SUBMIT)
    assert report.verdict is Verdict.ACCEPTED and report.passed == report.total == 2
    wrong = judge.run(problem, code.replace("a + b", "a - b"), "python", JudgeMode.SUBMIT)
    assert wrong.verdict is Verdict.WRONG_ANSWER
    assert [t.verdict for t in wrong.tests] == [Verdict.WRONG_ANSWER, Verdict.WRONG_ANSWER]
    with pytest.raises(UnsupportedLanguage, match="only be judged in Python"):
        judge.run(problem, "", "javascript")
    with pytest.raises(UnsupportedLanguage):
        starter_code(problem, "cpp")
    assert "class Solution" in starter_code(problem, "python")


def test_unknown_language_and_file_extensions() -> None:
    with pytest.raises(UnknownLanguage, match="expected one of"):
        language_named("cobol")
    with pytest.raises(UnknownLanguage):
        language_for_file("solution.rb")
    assert [language_for_file(f).name for f in ("a.py", "a.js", "a.cpp", "a.cc", "Main.java")] == \
        ["python", "javascript", "cpp", "cpp", "java"]
    assert language_named("C++").name == "cpp" and language_named("js").name == "javascript"


def test_toolchains_are_reported(judge: Judge) -> None:
    toolchains = judge.toolchains()
    assert set(toolchains) == set(LANGUAGES)
    assert toolchains["python"].available and toolchains["python"].version.startswith("Python 3")
    for status in toolchains.values():
        assert status.available or status.detail.startswith("toolchain not found: install ")


def test_wall_limits_follow_the_time_limit() -> None:
    assert per_test_allowance_s(2000) == pytest.approx(3.5)
    assert run_wall_limit_s(10.0, 1000, 4) == pytest.approx(10 + 1 + 4 * 2.0)


@pytest.mark.parametrize("language", LANGUAGES)
def test_expected_outputs_never_reach_the_sandbox(language: str, tmp_path: Path) -> None:
    sentinel = 987_654_321
    problem = dataclasses.replace(ADD, tests=(Case(input={"a": 5, "b": 6}, output=sentinel),))
    job = Job(problem=problem, code="", inputs=tuple(t.input for t in problem.tests), time_limit_ms=1000,
              memory_mb=64)
    lang = language_named(language)
    if not lang.toolchain().available:
        pytest.skip(lang.toolchain().detail)
    lang.prepare(job, tmp_path, tmp_path / "cache")
    files = [p for p in tmp_path.rglob("*") if p.is_file() and "cache" not in p.parts]
    assert files and all(str(sentinel).encode() not in p.read_bytes() for p in files)


def test_wide_integers_switch_to_64_bit_types() -> None:
    big = dataclasses.replace(ADD, tests=(Case(input={"a": 3_000_000_000, "b": 1}, output=3_000_000_001),))
    assert "long long add(long long a, long long b)" in starter_code(big, "cpp")
    assert "public long add(long a, long b)" in starter_code(big, "java")
    assert "int add(int a, int b)" in starter_code(ADD, "cpp")


def test_wide_integers_are_judged_in_cpp_and_java(judge: Judge) -> None:
    big = dataclasses.replace(ADD, tests=(Case(input={"a": 3_000_000_000, "b": 1}, output=3_000_000_001),))
    for language in ("cpp", "java"):
        if not language_named(language).toolchain().available:
            continue
        code = starter_code(big, language).replace("{\n        \n    }", "{ return a + b; }")
        report = judge.run(big, code, language, JudgeMode.SUBMIT)
        assert report.verdict is Verdict.ACCEPTED, (language, report.message)


def test_the_judge_imports_without_posix_only_modules(tmp_path: Path) -> None:
    # Windows has neither `resource` nor `fcntl`: the judge must still import, list toolchains and starters, and
    # there, with no sandbox, run code only with the user's consent: refused, nothing runs; allowed, the run goes
    # on to the sandbox (which, POSIX only for now, needs `resource`: there is no Windows implementation yet).
    import os
    import subprocess
    import sys

    folder = tmp_path / "shared"
    folder.mkdir()
    os.chmod(tmp_path, 0o755)
    os.chmod(folder, 0o777)  # as root, the rlimits level runs the code as 'nobody'
    marker = folder / "ran"
    script = ("import sys\nsys.modules['resource'] = None\nsys.modules['fcntl'] = None\n"
              "from pathlib import Path\n"
              "from cloudinterview_desktop.domain.judging import JudgeMode\n"
              "from cloudinterview_desktop.judge.judge import Judge, starter_code\n"
              "from cloudinterview_desktop.judge.protection import Consent, UnisolatedRunRefused, protection_for\n"
              "from tests.judge.conftest import load_problem\n"
              "judge = Judge(cache_dir=Path(sys.argv[1]), isolation='rlimits', consent=Consent())\n"
              "print(sorted(judge.toolchains()))\n"
              "print(starter_code(load_problem('add-numbers'), 'python').splitlines()[0])\n"
              "print(protection_for(judge.isolation_level(), 'win32').guarantees.split(':')[0])\n"
              "code = f'open({sys.argv[2]!r}, \"w\").write(\"ran\")\\ndef add(a, b):\\n    return a + b\\n'\n"
              "try:\n"
              "    judge.run(load_problem('add-numbers'), code, 'python', JudgeMode.SUBMIT)\n"
              "except UnisolatedRunRefused as exc:\n"
              "    print('refused:', '--allow-unisolated' in str(exc), Path(sys.argv[2]).exists())\n"
              "judge.consent.give()\n"
              "try:\n"
              "    judge.run(load_problem('add-numbers'), code, 'python', JudgeMode.SUBMIT)\n"
              "except ImportError as exc:\n"
              "    print('allowed, then:', exc.name)\n")
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "cache"), str(marker)], capture_output=True,
                          text=True, timeout=120, cwd=REPO, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [str(sorted(LANGUAGES)), "def add(a: int, b: int) -> int:",
                                        "This system (Windows or macOS) has no sandbox for judged code",
                                        "refused: True False", "allowed, then: resource"]
    assert not marker.exists()
