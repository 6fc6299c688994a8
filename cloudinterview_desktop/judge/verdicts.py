"""From what a harness reported and how its process ended to per-test verdicts and the overall report."""

from __future__ import annotations

import json
import math
import signal
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from cloudinterview_desktop.domain.judging import JudgeMode, JudgeReport, TestResult, Verdict
from cloudinterview_desktop.domain.problems import CodingProblem, TypeSpec
from cloudinterview_desktop.judge.cases import Case, value_problem
from cloudinterview_desktop.judge.compare import outputs_match
from cloudinterview_desktop.judge.sandbox import Channel, KillReason, RunOutcome
from cloudinterview_desktop.judge.text import clean_text

ProgressSink = Callable[[int, int], None]
MESSAGE_CAP = 8192
_STATUS_VERDICTS = {"timeout": Verdict.TIME_LIMIT_EXCEEDED, "memory": Verdict.MEMORY_LIMIT_EXCEEDED,
                    "output_limit": Verdict.OUTPUT_LIMIT_EXCEEDED, "error": Verdict.RUNTIME_ERROR,
                    "wrong_type": Verdict.WRONG_ANSWER}
_OOM_MARKERS = ("heap out of memory", "Reached heap limit", "OutOfMemoryError", "MemoryError", "std::bad_alloc",
                "Cannot allocate memory")
_WRAPPER_PREFIXES = ("bwrap:", "unshare:", "setpriv:", "mount:", "ci-sandbox:", "ci-reaper:")
_SIGNAL_TEXT: dict[int, str] = {  # by name: Windows lacks some of them
    number: text for name, text in (
        ("SIGSEGV", "segmentation fault (invalid memory access, or a stack overflow)"),
        ("SIGBUS", "bus error (invalid memory access)"), ("SIGFPE", "arithmetic error (division by zero?)"),
        ("SIGABRT", "aborted"), ("SIGILL", "illegal instruction"))
    if (number := getattr(signal, name, None)) is not None}


_RECORD_KEYS = frozenset({"index", "status", "value", "error", "time_ms", "stdout", "stderr"})
_TEXT_KEYS = ("error", "stdout", "stderr")
FRESH_SCAN_MS = 50.0  # a test that took longer has the run's processes looked up again for its CPU time
_STOPPING = frozenset({"timeout", "memory", "output_limit"})  # statuses after which a harness stops early


@dataclass(frozen=True)
class Timing:
    """What the parent measured for one record: wall time since the test was sent (or since the previous record)
    and the CPU time the run's processes used meanwhile, read from the kernel."""

    wall_ms: float
    cpu_ms: float | None

    @property
    def ms(self) -> float:
        # The lower of the two: a busy machine stretches wall time, a runtime's helper threads add CPU time;
        # neither can be made smaller from inside the sandbox.
        return round(self.wall_ms if self.cpu_ms is None else min(self.wall_ms, self.cpu_ms), 3)


class Collector:
    """The result sink of a run: checks each line against the protocol, times it from outside, streams the tests.

    The protocol, in order: {"event": "ready"} when the language announces itself before loading the code; then
    {"event": "compile_error"} or the load record (index -1); then {"event": "signature_error"} or one record per
    test, in order, each only after its test was sent when tests are streamed; then {"event": "done"}. Anything
    else (a line that is not a JSON object, a field of the wrong type, a record out of order, a second record, an
    early "done") is a protocol violation: the run is stopped and the test in progress is a runtime error.
    Without a channel (a batch of trusted reference runs) the harness's own figures are used for time.
    """

    def __init__(self, total: int, startup_s: float, per_test_s: Callable[[int], float],
                 progress: ProgressSink | None, *, tests: Sequence[bytes] | None = None,
                 ready: bool = False) -> None:
        self.records: dict[int, dict[str, Any]] = {}
        self.timing: dict[int, Timing] = {}
        self.events: dict[str, dict[str, Any]] = {}
        self.violation: str | None = None
        self.violation_index: int | None = None
        self._total = total
        self._per_test_s = per_test_s
        self._progress = progress
        self._tests = list(tests) if tests is not None else None
        self._expects_ready = ready
        self._next = -1  # the record expected next
        self._closed = False  # a final line came: what follows is ignored
        self._deadline = time.monotonic() + startup_s
        self._channel: Channel | None = None
        self._mark = time.monotonic()
        self._cpu_mark = 0.0

    @property
    def code_may_have_run(self) -> bool:
        """Whether the candidate's code may have run (before that, a failure is the sandbox's own)."""
        return not self._expects_ready or "ready" in self.events

    def attach(self, channel: Channel) -> None:
        self._channel = channel
        self._restart_clock()

    def stopped(self) -> bool:
        return self.violation is not None

    def deadline(self) -> float | None:
        return self._deadline

    def _restart_clock(self, fresh: bool = False) -> None:
        self._mark = time.monotonic()
        self._cpu_mark = self._channel.cpu_ms(fresh) if self._channel is not None else 0.0

    def _measure(self) -> Timing:
        now = time.monotonic()
        wall = (now - self._mark) * 1000
        cpu = None
        if self._channel is not None:
            # A test that took a while may have started processes: look for them (they count from zero).
            used = self._channel.cpu_ms(fresh=wall > FRESH_SCAN_MS)
            cpu = max(0.0, used - self._cpu_mark)
        return Timing(wall_ms=wall, cpu_ms=cpu)

    def _violate(self, why: str) -> None:
        if self.violation is None:
            self.violation = why
            # After the last record the last test's code may still run: the stray line is its doing.
            self.violation_index = min(self._next, self._total - 1)
            self._deadline = time.monotonic()

    def on_line(self, line: bytes) -> None:
        if self._closed or self.violation is not None:
            return
        try:
            record = json.loads(line.decode("utf-8", errors="replace"))
        except (ValueError, RecursionError):
            self._violate("a line on the result channel is not JSON")
            return
        if not isinstance(record, dict):
            self._violate("a line on the result channel is not a JSON object")
            return
        if "event" in record:
            self._on_event(record)
        else:
            self._on_record(record)

    def _on_event(self, record: dict[str, Any]) -> None:
        event = record.get("event")
        if event == "ready":
            if not self._expects_ready or "ready" in self.events or self._next != -1 or len(record) != 1:
                self._violate("an unexpected 'ready' event")
                return
            self.events["ready"] = record
            self._restart_clock(fresh=True)
            self._deadline = time.monotonic() + self._per_test_s(-1)
            return
        if self._expects_ready and "ready" not in self.events:
            self._violate(f"{event!r} before the harness was ready")
            return
        error = record.get("error", "")
        if event in ("compile_error", "signature_error"):
            if (event == "compile_error") != (self._next == -1) or not isinstance(error, str) or len(record) != 2:
                self._violate(f"an unexpected {event!r} event")
                return
            self.events[event] = {"event": event, "error": error}
            self._closed = True
            return
        if event == "done":
            rss = record.get("max_rss_kb", 0)
            last = self.records.get(self._next - 1)
            finished = self._next == self._total or (last is not None and last["status"] in _STOPPING)
            if not finished or not isinstance(rss, int) or isinstance(rss, bool) or set(record) - {"event",
                                                                                                "max_rss_kb"}:
                self._violate("a 'done' event before every test was reported")
                return
            self.events["done"] = {"event": "done", "max_rss_kb": rss}
            self._closed = True
            return
        self._violate(f"an unknown event {str(event)[:40]!r}")

    def _on_record(self, record: dict[str, Any]) -> None:
        problem = _record_problem(record)
        if problem:
            self._violate(problem)
            return
        index = record["index"]
        if index != self._next or index >= self._total:
            self._violate(f"a record for test {index} where test {self._next} was expected")
            return
        if self._expects_ready and "ready" not in self.events:
            self._violate("a record before the harness was ready")
            return
        timing = self._measure()
        self.records[index] = record
        self.timing[index] = timing if self._channel is not None else Timing(float(record.get("time_ms", 0.0)), None)
        self._next = index + 1
        if index >= 0 and self._progress is not None:
            self._progress(index + 1, self._total)
        if index == -1 and record["status"] != "ok":
            self._closed = True  # the code failed to load: nothing else counts
            return
        if self._channel is not None and self._tests is not None:
            if self._next < len(self._tests):
                self._channel.send(self._tests[self._next])
            else:
                self._channel.close_input()
        self._restart_clock(fresh=index == -1)
        self._deadline = time.monotonic() + self._per_test_s(self._next)


def _record_problem(record: dict[str, Any]) -> str:
    """Why a result record breaks the protocol ('' when it does not)."""
    index = record.get("index")
    if not isinstance(index, int) or isinstance(index, bool):
        return "a record without an integer index"
    if set(record) - _RECORD_KEYS:
        return f"a record with unknown fields {sorted(set(record) - _RECORD_KEYS)[:3]}"
    status = record.get("status")
    if not isinstance(status, str) or (status not in _STATUS_VERDICTS and status != "ok"):
        return f"a record with an unknown status {str(record.get('status'))[:40]!r}"
    time_ms = record.get("time_ms", 0)
    if not isinstance(time_ms, int | float) or isinstance(time_ms, bool) or not math.isfinite(time_ms) \
            or time_ms < 0:
        return "a record whose time_ms is not a number"
    for key in _TEXT_KEYS:
        if not isinstance(record.get(key, ""), str):
            return f"a record whose {key} is not text"
    return ""


@dataclass(frozen=True)
class Context:
    problem: CodingProblem
    mode: JudgeMode
    language: str
    cases: list[Case]
    isolation: str
    time_limit_ms: int


def _clip(text: str) -> str:
    return clean_text(text if len(text) <= MESSAGE_CAP else text[:MESSAGE_CAP] + "\n...")


def _returns(problem: CodingProblem) -> TypeSpec | None:
    signature = problem.signature
    if signature is None or signature.is_design or problem.python_only:
        return None
    return signature.returns


def death_verdict(outcome: RunOutcome, memory_mb: int, code_may_have_run: bool = True) -> tuple[Verdict, str]:
    """Why a process stopped before reporting the test it was running. A wrapper's message on stderr means the
    sandbox failed only while the code cannot have run yet: after that, stderr is the code's to write."""
    stderr = outcome.stderr.strip()
    tail = stderr[-2000:]
    if outcome.killed is KillReason.PROTOCOL:
        return Verdict.RUNTIME_ERROR, "protocol violation: the program wrote on the judge's result channel"
    if outcome.killed in (KillReason.DEADLINE, KillReason.WALL):
        return Verdict.TIME_LIMIT_EXCEEDED, "time limit exceeded (the process was stopped)"
    if outcome.killed in (KillReason.OUTPUT, KillReason.RESULTS):
        return Verdict.OUTPUT_LIMIT_EXCEEDED, "output limit exceeded (the process was stopped)"
    if outcome.killed is KillReason.DISK:
        return Verdict.OUTPUT_LIMIT_EXCEEDED, "the program wrote too much in its folder (the process was stopped)"
    if outcome.killed is KillReason.MEMORY:
        return Verdict.MEMORY_LIMIT_EXCEEDED, f"memory limit of {memory_mb} MB exceeded (the process was stopped)"
    for line in stderr.splitlines():
        if any(marker in line for marker in _OOM_MARKERS):
            return Verdict.MEMORY_LIMIT_EXCEEDED, _clip(f"memory limit of {memory_mb} MB exceeded: {line.strip()}")
    if outcome.signal == getattr(signal, "SIGXCPU", -1):
        return Verdict.TIME_LIMIT_EXCEEDED, "CPU time limit exceeded"
    if outcome.signal == getattr(signal, "SIGXFSZ", -1):
        return Verdict.OUTPUT_LIMIT_EXCEEDED, "output limit exceeded (file size limit)"
    if outcome.signal is not None:
        try:
            name = signal.Signals(outcome.signal).name
        except ValueError:
            name = f"signal {outcome.signal}"
        text = _SIGNAL_TEXT.get(outcome.signal, f"killed by {name}")
        return Verdict.RUNTIME_ERROR, _clip(f"{text} [{name}]" + (f"\n{tail}" if tail else ""))
    if stderr.startswith(_WRAPPER_PREFIXES) and not code_may_have_run:
        return Verdict.INTERNAL_ERROR, _clip(f"the sandbox failed: {tail}")
    if outcome.exit_code:
        return Verdict.RUNTIME_ERROR, _clip(f"the program exited with status {outcome.exit_code}"
                                            + (f"\n{tail}" if tail else ""))
    return Verdict.RUNTIME_ERROR, _clip("the program exited before finishing its tests (does it call exit()?)"
                                        + (f"\n{tail}" if tail else ""))


def _test_result(ctx: Context, index: int, verdict: Verdict, time_ms: float, actual: Any = None,
                 stdout: str = "", stderr: str = "", message: str = "") -> TestResult:
    case = ctx.cases[index] if index < len(ctx.cases) else None
    message = clean_text(message)
    if case is None or case.hidden:
        return TestResult(index=index, verdict=verdict, time_ms=time_ms, hidden=True, message=message)
    return TestResult(index=index, verdict=verdict, time_ms=time_ms, hidden=False, input=case.input,
                      expected=case.expected if case.has_expected else None, actual=actual,
                      stdout=clean_text(stdout), stderr=clean_text(stderr), message=message)


def judge_record(ctx: Context, index: int, record: dict[str, Any], time_ms: float) -> TestResult:
    """One schema-checked record, timed by the parent (`time_ms`): the harness's own figure is not used."""
    status = record.get("status")
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
    checked = ctx.language == "python" and ctx.problem.entry_point and ctx.problem.check_code
    total = len(ctx.cases) + (1 if checked else 0)

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
    violation = f"protocol violation: {collector.violation}" if collector.violation else ""
    if violation and collector.violation_index == -1:
        return report(Verdict.RUNTIME_ERROR, skipped(0), _clip(f"{violation} while the code was loading"))
    load = collector.records.get(-1)
    if load is None:
        verdict, message = death_verdict(outcome, memory_mb, collector.code_may_have_run)
        if compile_output is not None and verdict is Verdict.INTERNAL_ERROR:
            message += f"\n{compile_output}"
        return report(verdict, skipped(0), _clip(message))
    if load.get("status") != "ok":
        verdict = _STATUS_VERDICTS.get(str(load.get("status")), Verdict.INTERNAL_ERROR)
        return report(verdict, skipped(0), _clip(str(load.get("error") or "the code failed while loading")))
    load_ms = collector.timing[-1].ms
    if load_ms > ctx.time_limit_ms:
        return report(Verdict.TIME_LIMIT_EXCEEDED, skipped(0),
                      f"loading the code took {load_ms:.0f} ms, the limit is {ctx.time_limit_ms} ms")
    tests: list[TestResult] = []
    for index in range(total):
        record = collector.records.get(index)
        if violation and index == collector.violation_index:
            tests.append(_test_result(ctx, index, Verdict.RUNTIME_ERROR, 0.0, stdout=outcome.stdout[:8192],
                                      stderr=outcome.stderr[:8192], message=violation))
            tests += skipped(index + 1)
            break
        if record is None:
            verdict, message = death_verdict(outcome, memory_mb)
            if "done" in collector.events and not outcome.killed:
                verdict, message = Verdict.SKIPPED, ""  # the harness stopped after a timeout or memory error
            tests.append(_test_result(ctx, index, verdict, 0.0, stdout=outcome.stdout[:8192],
                                      stderr=outcome.stderr[:8192], message=message))
            tests += skipped(index + 1)
            break
        result = judge_record(ctx, index, record, collector.timing[index].ms)
        if index >= len(ctx.cases) and result.verdict is not Verdict.ACCEPTED and record.get("status") == "error":
            result = TestResult(index=index, verdict=_check_failure(record), time_ms=result.time_ms, hidden=True,
                                message=result.message)
        tests.append(result)
    failures = [t for t in tests if t.verdict not in (Verdict.ACCEPTED, Verdict.SKIPPED)]
    if not failures:
        if any(t.verdict is Verdict.SKIPPED for t in tests):
            return report(Verdict.RUNTIME_ERROR, tests, "the program stopped before every test was reported")
        return report(Verdict.ACCEPTED, tests)
    first = failures[0]
    where = f"hidden test {first.index}" if first.hidden else f"test {first.index}"
    message = f"{first.verdict.value.replace('_', ' ')} on {where}" + (f": {first.message}" if first.message else "")
    return report(first.verdict, tests, _clip(message), first.index)
