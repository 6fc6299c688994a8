"""Reference solutions checked in bulk: many run against all their cases and check() in one sandboxed interpreter
(judge/harness/python_batch_harness.py), with any failure run again alone through the judge."""

from __future__ import annotations

import json
import logging
import math
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Any

from cloudinterview_desktop.domain.errors import CloudInterviewError
from cloudinterview_desktop.domain.judging import JudgeMode, JudgeReport, Verdict
from cloudinterview_desktop.domain.ports import CodeRunner
from cloudinterview_desktop.domain.problems import CodingProblem
from cloudinterview_desktop.domain.references import verify_reference
from cloudinterview_desktop.judge.cases import Case
from cloudinterview_desktop.judge.judge import OUTPUT_LIMIT, Judge, per_test_allowance_s
from cloudinterview_desktop.judge.languages.base import copy_harness
from cloudinterview_desktop.judge.languages.python import (
    HARNESS,
    SORTEDCONTAINERS,
    interpreter_command,
    interpreter_paths,
)
from cloudinterview_desktop.judge.sandbox import RESULT_FD, KillReason, MiB, RunOutcome, RunSpec, SandboxLimits
from cloudinterview_desktop.judge.verdicts import Collector, Context, build_report

log = logging.getLogger(__name__)

BATCH_HARNESS = "python_batch_harness.py"
BATCH_PAYLOAD = "batch.jsonl"
STARTUP_S = 5.0  # allowance for starting the interpreter, and then each task's child, before its first line
# {"record": <a child's line>, "task": N}: the batch harness writes the task last, after the child's text.
_RELAYED = re.compile(rb'^\{"record":(.*),"task":(\d+)\}$', re.DOTALL)


def _sandboxed_judge(runner: CodeRunner) -> Judge | None:
    """The real judge behind `runner` (the app's LazyJudge loads it), or None for another CodeRunner."""
    if isinstance(runner, Judge):
        return runner
    loader = getattr(runner, "get", None)
    judge = loader() if callable(loader) else None
    return judge if isinstance(judge, Judge) else None


@dataclass
class _Task:
    index: int
    context: Context
    payload: str  # its two lines of the batch payload: the allowances, then the python_harness payload
    wall_s: float  # the most the task can take
    gap_s: float  # the longest wait for its next result line


class _BatchSink:
    """Splits a batch run's relayed lines per task and judges each task with the judge's own verdict rules."""

    def __init__(self, tasks: list[_Task], startup_s: float, on_report: Callable[[int, JudgeReport], None]) -> None:
        self._tasks = tasks
        self._on_report = on_report
        self._allowance = max(t.gap_s for t in tasks) + 5.0
        self._deadline: float = time.monotonic() + startup_s + self._allowance
        self._current: tuple[int, Collector] | None = None
        self.cpu_s = 0.0  # what the batch's processes used, as the harness reports it at the end

    def on_line(self, line: bytes) -> None:
        self._deadline = time.monotonic() + self._allowance
        relayed = _RELAYED.match(line)
        if relayed:  # a child's own line, passed to the judge's collector as it was written
            if self._current is not None and self._current[0] == int(relayed.group(2)):
                self._current[1].on_line(relayed.group(1))
            return
        try:
            record = json.loads(line)
        except (ValueError, RecursionError):
            return
        if not isinstance(record, dict):
            return
        if record.get("event") == "done" and isinstance(record.get("cpu_s"), int | float):
            self.cpu_s = float(record["cpu_s"])
        if not isinstance(record.get("task"), int):
            return
        number = record["task"]
        if record.get("event") == "task_start" and 0 <= number < len(self._tasks):
            context = self._tasks[number].context
            total = len(context.cases) + (1 if context.problem.check_code else 0)
            self._current = (number, Collector(total, 0.0, lambda _i: 0.0, None))
        elif record.get("event") == "task_end" and self._current is not None and self._current[0] == number:
            self._finish(number, self._current[1], record)
            self._current = None

    def _finish(self, number: int, collector: Collector, end: dict[str, Any]) -> None:
        task = self._tasks[number]
        outcome = RunOutcome(exit_code=end.get("exit_code"), signal=end.get("signal"),
                             killed=KillReason.DEADLINE if end.get("killed") else None, wall_ms=0.0, max_rss_kb=0,
                             stdout="", stderr="")
        report = build_report(task.context, collector, outcome, task.context.problem.limits.memory_mb)
        self._on_report(task.index, report)

    def deadline(self) -> float | None:
        return self._deadline


class ReferenceValidator:
    """Runs reference solutions against all their cases and check() in the judge's sandbox.

    Many references share one sandboxed interpreter (each in a forked child: python_batch_harness.py), and two
    such batches run at a time; a batch starts as soon as it is full, while the caller is still producing problems.
    What fails in a batch is run again alone through the judge, whose report is the one the message quotes, so
    batching can only speed validation up, never change its verdict."""

    def __init__(self, runner: CodeRunner, workers: int = 2, batch_size: int = 32,
                 batch_bytes: int = 16 * 1024 * 1024) -> None:
        self.runner = runner
        self.judge = _sandboxed_judge(runner)
        self.workers = workers
        self.batch_size = batch_size
        self.batch_bytes = batch_bytes
        self.sandbox_cpu_s = 0.0  # CPU time the batches' sandboxed processes reported, for measurements
        self._cpu_lock = threading.Lock()

    def validate(self, problems: Iterable[CodingProblem], step: Callable[[], None] | None = None) -> list[str | None]:
        """Per problem, in order: None when its reference passes, else why not; `step` is called once per problem
        checked. `problems` may be a generator: if it raises, the batches already running are stopped and the error
        propagates."""
        seen: list[CodingProblem] = []
        passed: set[int] = set()
        lock = threading.Lock()
        cancel = threading.Event()

        def on_report(index: int, report: JudgeReport) -> None:
            if report.verdict is Verdict.ACCEPTED:  # a failure is confirmed, and counted, by the single run
                with lock:
                    passed.add(index)
                if step is not None:
                    step()

        if self.judge is not None:
            self.judge.check_consent()  # the batches use its sandbox directly, not Judge.run
        pool = ThreadPoolExecutor(max_workers=self.workers)
        try:
            if self.judge is None:
                seen.extend(problems)
            else:
                running = [pool.submit(self._run_batch, batch, on_report, cancel)
                           for batch in self._batches(problems, seen)]
                for future in running:
                    future.result()
            rest = [i for i in range(len(seen)) if i not in passed]
            results: list[str | None] = [None] * len(seen)
            for index, problem_text in zip(rest, pool.map(lambda i: self._alone(seen[i]), rest), strict=True):
                results[index] = problem_text
                if step is not None:
                    step()
            return results
        except BaseException:
            cancel.set()
            raise
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def _alone(self, problem: CodingProblem) -> str | None:
        try:
            verify_reference(problem, self.runner)
        except CloudInterviewError as exc:
            return str(exc).removeprefix(f"{problem.slug}: ")
        return None

    def _batches(self, problems: Iterable[CodingProblem], seen: list[CodingProblem]) -> Iterator[list[_Task]]:
        batch: list[_Task] = []
        used = 0
        for problem in problems:
            task = self._task(len(seen), problem)
            seen.append(problem)
            if batch and (len(batch) >= self.batch_size or used + len(task.payload) > self.batch_bytes):
                yield batch
                batch, used = [], 0
            batch.append(task)
            used += len(task.payload)
        if batch:
            yield batch

    def _task(self, index: int, problem: CodingProblem) -> _Task:
        assert self.judge is not None and problem.solution is not None
        everything = replace(problem, examples=(), tests=problem.examples + problem.tests)
        # Imported cases never hold `$gen` generators, so they are used as they are (judge.cases.build_cases
        # would walk every value looking for one).
        cases = [Case(t.input, t.output, hidden=True) for t in everything.tests]
        limit_ms = problem.limits.time_ms
        # The judge's allowances: loading the code, each test, and check() (5 tests' worth, as in Judge._judge).
        startup, test, check = STARTUP_S + limit_ms / 1000, per_test_allowance_s(limit_ms), 0.0
        if problem.check_code:
            check = 5 * test
        wall = startup + len(cases) * test + check
        # The payload of judge/languages/python.py for a python_only problem.
        payload = {"code": problem.solution.python, "tests": [{"input": c.input} for c in cases],
                   "time_limit_ms": limit_ms, "output_limit": OUTPUT_LIMIT, "entry_point": problem.entry_point,
                   "check": problem.check_code, "prompt": problem.prompt_code, "signature": {}}
        header = {"startup_s": startup, "test_s": test, "check_s": check or test, "tests": len(cases)}
        lines = json.dumps(header) + "\n" + json.dumps(payload, separators=(",", ":")) + "\n"
        context = Context(problem=everything, mode=JudgeMode.SUBMIT, language="python", cases=cases,
                          isolation=self.judge.isolation_level(), time_limit_ms=limit_ms)
        return _Task(index, context, lines, wall, max(startup, test, check))

    def _run_batch(self, tasks: list[_Task], on_report: Callable[[int, JudgeReport], None],
                   cancel: threading.Event) -> None:

        assert self.judge is not None
        sandbox = self.judge.sandbox()
        size = sum(len(t.payload) for t in tasks)
        wall = STARTUP_S + sum(t.wall_s for t in tasks)
        memory = max(t.context.problem.limits.memory_mb for t in tasks) + 64 + 3 * math.ceil(size / MiB)
        limits = SandboxLimits(wall_s=wall, cpu_s=math.ceil(wall) + 1, address_space_mb=memory,
                               file_size_mb=max(16, 2 * math.ceil(size / MiB) + 1))
        sink = _BatchSink(tasks, STARTUP_S, on_report)
        try:
            with sandbox.workdir() as workdir:
                copy_harness(workdir, HARNESS)
                copy_harness(workdir, BATCH_HARNESS)
                if any("Sorted" in t.payload for t in tasks):  # LeetCode's sortedcontainers, as single runs get it
                    copy_harness(workdir, SORTEDCONTAINERS)
                (workdir / BATCH_PAYLOAD).write_text("".join(t.payload for t in tasks), encoding="utf-8")
                spec = RunSpec(argv=(*interpreter_command(), BATCH_HARNESS, BATCH_PAYLOAD, RESULT_FD),
                               workdir=workdir, limits=limits, expose=interpreter_paths(), result_pipe=True)
                outcome = sandbox.run(spec, sink, cancel)
        except OSError as exc:  # the tasks it did not finish are run alone
            log.warning("a batch of reference checks could not run: %s", exc)
            return
        with self._cpu_lock:
            self.sandbox_cpu_s += sink.cpu_s
        if not outcome.ok:
            log.info("a batch of reference checks ended early: exit %s signal %s killed %s: %s", outcome.exit_code,
                     outcome.signal, outcome.killed, outcome.stderr[-500:])
