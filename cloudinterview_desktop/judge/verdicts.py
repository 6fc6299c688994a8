"""From what a harness reported and how its process ended to per-test verdicts and the overall report."""

from __future__ import annotations

import json
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from cloudinterview_desktop.domain.judging import JudgeMode, JudgeReport, TestResult, Verdict
from cloudinterview_desktop.domain.problems import CodingProblem, TypeSpec
from cloudinterview_desktop.judge.cases import Case, value_problem
from cloudinterview_desktop.judge.compare import outputs_match
from cloudinterview_desktop.judge.sandbox import KillReason, RunOutcome

ProgressSink = Callable[[int, int], None]
MESSAGE_CAP = 8192
_STATUS_VERDICTS = {"timeout": Verdict.TIME_LIMIT_EXCEEDED, "memory": Verdict.MEMORY_LIMIT_EXCEEDED,
                    "output_limit": Verdict.OUTPUT_LIMIT_EXCEEDED, "error": Verdict.RUNTIME_ERROR,
                    "wrong_type": Verdict.WRONG_ANSWER}
_OOM_MARKERS = ("heap out of memory", "Reached heap limit", "OutOfMemoryError", "MemoryError", "std::bad_alloc",
                "Cannot allocate memory")
_WRAPPER_PREFIXES = ("bwrap:", "unshare:", "setpriv:", "mount:", "ci-sandbox:")
_SIGNAL_TEXT: dict[int, str] = {
    signal.SIGSEGV: "segmentation fault (invalid memory access, or a stack overflow)",
    signal.SIGBUS: "bus error (invalid memory access)", signal.SIGFPE: "arithmetic error (division by zero?)",
    signal.SIGABRT: "aborted", signal.SIGILL: "illegal instruction"}


class Collector:
    """The result sink of a run: parses JSON lines, reports progress, and moves the per-test deadline."""

    def __init__(self, total: int, startup_s: float, per_test_s: Callable[[int], float],
                 progress: ProgressSink | None) -> None:
        self.records: dict[int, dict[str, Any]] = {}
        self.events: dict[str, dict[str, Any]] = {}
        self.garbled = 0
        self._total = total
        self._per_test_s = per_test_s
        self._progress = progress
        self._deadline = time.monotonic() + startup_s
        self._startup_s = startup_s

    def on_line(self, line: bytes) -> None:
        try:
            record = json.loads(line)
        except (ValueError, RecursionError):
            self.garbled += 1
            return
        if not isinstance(record, dict):
            self.garbled += 1
            return
        if isinstance(record.get("event"), str):
            self.events.setdefault(record["event"], record)
        elif isinstance(record.get("index"), int) and isinstance(record.get("status"), str):
            index = record["index"]
            if index in self.records:
                return  # a forked copy of the harness repeating itself: the first word stands
            self.records[index] = record
            if index >= 0 and self._progress is not None:
                self._progress(len([i for i in self.records if i >= 0]), self._total)
        else:
            self.garbled += 1
            return
        following = max(self.records, default=-1) + 1
        self._deadline = time.monotonic() + self._per_test_s(following)

    def deadline(self) -> float | None:
        return self._deadline


@dataclass(frozen=True)
class Context:
    problem: CodingProblem
    mode: JudgeMode
    language: str
    cases: list[Case]
    isolation: str
    time_limit_ms: int


def _clip(text: str) -> str:
    return text if len(text) <= MESSAGE_CAP else text[:MESSAGE_CAP] + "\n..."


def _returns(problem: CodingProblem) -> TypeSpec | None:
    signature = problem.signature
    if signature is None or signature.is_design or problem.python_only:
        return None
    return signature.returns


def death_verdict(outcome: RunOutcome, memory_mb: int) -> tuple[Verdict, str]:
    """Why a process stopped before reporting the test it was running."""
    stderr = outcome.stderr.strip()
    tail = stderr[-2000:]
    if outcome.killed in (KillReason.DEADLINE, KillReason.WALL):
        return Verdict.TIME_LIMIT_EXCEEDED, "time limit exceeded (the process was stopped)"
    if outcome.killed in (KillReason.OUTPUT, KillReason.RESULTS):
        return Verdict.OUTPUT_LIMIT_EXCEEDED, "output limit exceeded (the process was stopped)"
    if outcome.killed is KillReason.MEMORY:
        return Verdict.MEMORY_LIMIT_EXCEEDED, f"memory limit of {memory_mb} MB exceeded (the process was stopped)"
    for line in stderr.splitlines():
        if any(marker in line for marker in _OOM_MARKERS):
            return Verdict.MEMORY_LIMIT_EXCEEDED, _clip(f"memory limit of {memory_mb} MB exceeded: {line.strip()}")
    if outcome.signal == signal.SIGXCPU:
        return Verdict.TIME_LIMIT_EXCEEDED, "CPU time limit exceeded"
    if outcome.signal == signal.SIGXFSZ:
        return Verdict.OUTPUT_LIMIT_EXCEEDED, "output limit exceeded (file size limit)"
    if outcome.signal is not None:
        try:
            name = signal.Signals(outcome.signal).name
        except ValueError:
            name = f"signal {outcome.signal}"
        text = _SIGNAL_TEXT.get(outcome.signal, f"killed by {name}")
        return Verdict.RUNTIME_ERROR, _clip(f"{text} [{name}]" + (f"\n{tail}" if tail else ""))
    if stderr.startswith(_WRAPPER_PREFIXES):
        return Verdict.INTERNAL_ERROR, _clip(f"the sandbox failed: {tail}")
    if outcome.exit_code:
        return Verdict.RUNTIME_ERROR, _clip(f"the program exited with status {outcome.exit_code}"
                                            + (f"\n{tail}" if tail else ""))
    return Verdict.RUNTIME_ERROR, _clip("the program exited before finishing its tests (does it call exit()?)"
                                        + (f"\n{tail}" if tail else ""))


def _test_result(ctx: Context, index: int, verdict: Verdict, time_ms: float, actual: Any = None,
                 stdout: str = "", stderr: str = "", message: str = "") -> TestResult:
    case = ctx.cases[index] if index < len(ctx.cases) else None
    if case is None or case.hidden:
        return TestResult(index=index, verdict=verdict, time_ms=time_ms, hidden=True, message=message)
    return TestResult(index=index, verdict=verdict, time_ms=time_ms, hidden=False, input=case.input,
                      expected=case.expected if case.has_expected else None, actual=actual, stdout=stdout,
                      stderr=stderr, message=message)


def judge_record(ctx: Context, index: int, record: dict[str, Any]) -> TestResult:
    status = record.get("status")
    time_ms = float(record.get("time_ms") or 0.0)
    value = record.get("value")
    stdout, stderr = str(record.get("stdout") or ""), str(record.get("stderr") or "")
    error = _clip(str(record.get("error") or ""))
    if status != "ok":
        verdict = _STATUS_VERDICTS.get(str(status), Verdict.INTERNAL_ERROR)
        if verdict is Verdict.WRONG_ANSWER:
            error = f"wrong return type: {error}"
        if verdict is Verdict.TIME_LIMIT_EXCEEDED and not error:
            error = f"time limit of {ctx.time_limit_ms} ms exceeded"
        return _test_result(ctx, index, verdict, time_ms, None, stdout, stderr, error)
    case = ctx.cases[index] if index < len(ctx.cases) else None
    if time_ms > ctx.time_limit_ms:
        return _test_result(ctx, index, Verdict.TIME_LIMIT_EXCEEDED, time_ms, value, stdout, stderr,
                            f"took {time_ms:.0f} ms, the limit is {ctx.time_limit_ms} ms")
    if case is None:  # the check() of an imported problem: it passes when it raises nothing
        return _test_result(ctx, index, Verdict.ACCEPTED, time_ms)
    returns = _returns(ctx.problem)
    type_problem = value_problem(value, returns) if returns is not None else None
    if not case.has_expected:
        message = f"wrong return type: {type_problem}" if type_problem else "no expected output for a custom input"
        verdict = Verdict.WRONG_ANSWER if type_problem else Verdict.ACCEPTED
        return _test_result(ctx, index, verdict, time_ms, value, stdout, stderr, message)
    if outputs_match(value, case.expected, ctx.problem.compare, ctx.problem.tolerance):
        return _test_result(ctx, index, Verdict.ACCEPTED, time_ms, value, stdout, stderr)
    message = f"wrong return type: {type_problem}" if type_problem else ""
    return _test_result(ctx, index, Verdict.WRONG_ANSWER, time_ms, value, stdout, stderr, message)


def _check_failure(record: dict[str, Any]) -> Verdict:
    """The check() of an imported problem fails with an AssertionError: that is a wrong answer, not a crash."""
    return Verdict.WRONG_ANSWER if "AssertionError" in str(record.get("error", "")) else Verdict.RUNTIME_ERROR


def build_report(ctx: Context, collector: Collector, outcome: RunOutcome, memory_mb: int,
                 compile_output: str | None = None) -> JudgeReport:
    total = len(ctx.cases) + (1 if ctx.problem.python_only and ctx.problem.check_code else 0)

    def report(verdict: Verdict, tests: list[TestResult], message: str = "", first: int | None = None) -> JudgeReport:
        memory = max(outcome.max_rss_kb, int(collector.events.get("done", {}).get("max_rss_kb") or 0))
        return JudgeReport(verdict=verdict, mode=ctx.mode, language=ctx.language,
                           passed=sum(t.verdict is Verdict.ACCEPTED for t in tests), total=total,
                           time_ms=round(sum(t.time_ms for t in tests), 3), memory_kb=memory, tests=tuple(tests),
                           message=message, isolation=ctx.isolation, first_failure=first)

    def skipped(start: int) -> list[TestResult]:
        return [_test_result(ctx, i, Verdict.SKIPPED, 0.0) for i in range(start, total)]

    for event, verdict in (("compile_error", Verdict.COMPILE_ERROR), ("signature_error", Verdict.COMPILE_ERROR)):
        if event in collector.events:
            return report(verdict, skipped(0), _clip(str(collector.events[event].get("error", ""))))
    load = collector.records.get(-1)
    if load is None:
        verdict, message = death_verdict(outcome, memory_mb)
        if compile_output is not None and verdict is Verdict.INTERNAL_ERROR:
            message += f"\n{compile_output}"
        return report(verdict, skipped(0), message)
    if load.get("status") != "ok":
        verdict = _STATUS_VERDICTS.get(str(load.get("status")), Verdict.INTERNAL_ERROR)
        return report(verdict, skipped(0), _clip(str(load.get("error") or "the code failed while loading")))
    tests: list[TestResult] = []
    for index in range(total):
        record = collector.records.get(index)
        if record is None:
            verdict, message = death_verdict(outcome, memory_mb)
            if "done" in collector.events and not outcome.killed:
                verdict, message = Verdict.SKIPPED, ""  # the harness stopped after a timeout or memory error
            tests.append(_test_result(ctx, index, verdict, 0.0, stdout=outcome.stdout[:8192],
                                      stderr=outcome.stderr[:8192], message=message))
            tests += skipped(index + 1)
            break
        result = judge_record(ctx, index, record)
        if index >= len(ctx.cases) and result.verdict is not Verdict.ACCEPTED and record.get("status") == "error":
            result = TestResult(index=index, verdict=_check_failure(record), time_ms=result.time_ms, hidden=True,
                                message=result.message)
        tests.append(result)
    failures = [t for t in tests if t.verdict not in (Verdict.ACCEPTED, Verdict.SKIPPED)]
    if not failures:
        if any(t.verdict is Verdict.SKIPPED for t in tests):
            return report(Verdict.INTERNAL_ERROR, tests, "the harness stopped without reporting every test")
        return report(Verdict.ACCEPTED, tests)
    first = failures[0]
    where = f"hidden test {first.index}" if first.hidden else f"test {first.index}"
    message = f"{first.verdict.value.replace('_', ' ')} on {where}" + (f": {first.message}" if first.message else "")
    return report(first.verdict, tests, _clip(message), first.index)
