"""A coding problem's reference solution checked against its own tests, through whatever runs code."""

from __future__ import annotations

from cloudinterview_desktop.domain.errors import ProblemFormatError
from cloudinterview_desktop.domain.judging import JudgeMode, Verdict
from cloudinterview_desktop.domain.ports import CodeRunner
from cloudinterview_desktop.domain.problems import CodingProblem


def verify_reference(problem: CodingProblem, judge: CodeRunner) -> None:
    """The reference solution must pass its own examples and hidden tests, or the item is refused."""
    if problem.solution is None or not problem.has_tests:
        return
    for mode, label in ((JudgeMode.RUN, "example"), (JudgeMode.SUBMIT, "test")):
        report = judge.run(problem, problem.solution.python, "python", mode)
        if report.verdict is not Verdict.ACCEPTED:
            where = f" on {label} {report.first_failure}" if report.first_failure is not None else ""
            detail = f": {report.message}" if report.message else ""
            raise ProblemFormatError(
                f"{problem.slug}: the reference solution gets {report.verdict.value}{where} "
                f"({report.passed}/{report.total} passed){detail}; a test's output may contradict the solution")
