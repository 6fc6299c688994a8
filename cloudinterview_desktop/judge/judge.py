"""The code judge: runs a candidate's solution against a problem's tests in the sandbox and reports verdicts.

    Judge().run(problem, code, "python", JudgeMode.SUBMIT) -> JudgeReport

Synchronous and Qt-free: call it from a worker thread, with an optional progress callback (done, total) and an
optional cancel event (setting it kills the run and raises domain.errors.Cancelled).
"""

from __future__ import annotations

import logging
import math
import threading
from pathlib import Path
from typing import Any

from cloudinterview_desktop.domain.judging import LANGUAGES, JudgeMode, JudgeReport, ToolchainStatus, Verdict
from cloudinterview_desktop.domain.problems import CodingProblem
from cloudinterview_desktop.judge.cases import Case, build_cases, with_expected
from cloudinterview_desktop.judge.errors import JudgeError, ToolchainNotFound, UnsupportedLanguage
from cloudinterview_desktop.judge.isolation import IsolationLevel
from cloudinterview_desktop.judge.languages import all_languages, language_named
from cloudinterview_desktop.judge.languages.base import Job, Language, Program, Step
from cloudinterview_desktop.judge.languages.python import interpreter_paths, probe_command
from cloudinterview_desktop.judge.posix_sandbox import PosixSandbox, best_level
from cloudinterview_desktop.judge.protection import Consent, require_consent
from cloudinterview_desktop.judge.sandbox import MiB, RunOutcome, RunSpec, SandboxLimits
from cloudinterview_desktop.judge.text import clean_text
from cloudinterview_desktop.judge.typemap import int_width, needs_64_bit
from cloudinterview_desktop.judge.verdicts import Collector, Context, ProgressSink, build_report
from cloudinterview_desktop.resources import resource_path

log = logging.getLogger(__name__)

OUTPUT_LIMIT = 8 * MiB  # what a run may print in all, and what one test may print
WORK_DIR_MB = 64  # what a run's work directory may hold (its program included), and how many entries
WORK_DIR_FILES = 1024


def per_test_allowance_s(time_limit_ms: int) -> float:
    """How long the judge waits for a test's result before killing the run: the limit, plus slack for a busy
    machine (the harness's own timer, at exactly the limit, normally fires first)."""
    return time_limit_ms / 1000 * 1.5 + 0.5


def run_wall_limit_s(startup_s: float, time_limit_ms: int, tests: int) -> float:
    """The whole run's wall-clock limit: start-up, the code's loading, and every test at its allowance."""
    return startup_s + time_limit_ms / 1000 + tests * per_test_allowance_s(time_limit_ms)


def starter_code(problem: CodingProblem, language: str) -> str:
    """The code a candidate starts from: the problem's own starter if it has one, else one made from the
    signature with LeetCode's conventions (see typemap.py for the type rules)."""
    lang = language_named(language)
    if problem.starter.get(lang.name):
        return problem.starter[lang.name]
    if problem.python_only and lang.name != "python":
        raise UnsupportedLanguage(f"{problem.slug} can only be solved in Python (its tests are Python code)")
    return lang.starter(problem)


def _default_cache_dir() -> Path:
    from cloudinterview_desktop.paths import resolve_paths

    return resolve_paths().cache_dir / "judge"


class Judge:
    """Runs and judges code. `isolation` caps the isolation level (for tests and for diagnosing a machine);
    by default the strongest level that works here is found on first use. With `consent`, code runs at a level
    without a sandbox (rlimits) only once the user has allowed it; otherwise `run` raises UnisolatedRunRefused
    before anything runs. Without it (a library caller that decided for itself), nothing is asked."""

    def __init__(self, *, cache_dir: Path | None = None, isolation: str | None = None,
                 work_root: Path | None = None, output_limit: int = OUTPUT_LIMIT,
                 consent: Consent | None = None) -> None:
        self._cache_dir = cache_dir
        self._ceiling = IsolationLevel(isolation) if isolation else IsolationLevel.BUBBLEWRAP
        self._work_root = work_root
        self._output_limit = output_limit
        self.consent = consent
        self._sandbox: PosixSandbox | None = None
        self._lock = threading.Lock()

    @property
    def cache_dir(self) -> Path:
        if self._cache_dir is None:
            self._cache_dir = _default_cache_dir()
        return self._cache_dir

    def sandbox(self) -> PosixSandbox:
        with self._lock:
            if self._sandbox is None:
                level = best_level(probe_command(), interpreter_paths(), self._ceiling)
                hidden = [resource_path()]  # the bank's hidden tests are no business of the code
                self._sandbox = PosixSandbox(level, work_root=self._work_root, hidden=hidden)
                log.info("judge isolation: %s", level.value)
            return self._sandbox

    def isolation_level(self) -> str:
        """"bubblewrap", "namespaces" or "rlimits" (docs/judge.md says what each guarantees)."""
        return self.sandbox().level

    def isolation_description(self) -> str:
        """What the level in use protects, in plain words; at "rlimits" it says what it does not."""
        return self.sandbox().describe()

    def check_consent(self) -> None:
        """Raises UnisolatedRunRefused when code would run without a sandbox and the user has not allowed it."""
        if self.consent is not None:
            require_consent(self.isolation_level(), self.consent)

    def toolchains(self) -> dict[str, ToolchainStatus]:
        return {name: language.toolchain() for name, language in all_languages().items()}

    def run(self, problem: CodingProblem, code: str, language: str, mode: JudgeMode = JudgeMode.SUBMIT,
            custom_inputs: list[dict[str, Any]] | None = None, progress: ProgressSink | None = None,
            cancel: threading.Event | None = None) -> JudgeReport:
        lang = language_named(language)
        self.check_consent()  # before anything runs, the reference solution included
        if problem.signature is None and not problem.python_only:
            raise JudgeError(f"{problem.slug} has no signature and no tests: it is discussed, not judged")
        if problem.python_only and lang.name != "python":
            raise UnsupportedLanguage(f"{problem.slug} can only be judged in Python (its tests are Python code)")
        status = lang.toolchain()
        if not status.available:
            raise ToolchainNotFound(f"{lang.title}: {status.detail}")
        cases = build_cases(problem, mode, custom_inputs)
        if any(not c.has_expected for c in cases):
            cases = self._expected_for_custom(problem, cases, cancel)
        width = 32
        if lang.name in ("cpp", "java"):  # only statically typed harnesses care
            width = int_width(problem)
            if width == 32 and needs_64_bit(c.input for c in cases):
                width = 64
        job = Job(problem=problem, code=code, inputs=tuple(c.input for c in cases),
                  time_limit_ms=problem.limits.time_ms, memory_mb=problem.limits.memory_mb, int_width=width,
                  output_limit=self._output_limit)
        ctx = Context(problem=problem, mode=mode, language=lang.name, cases=cases,
                      isolation=self.sandbox().level, time_limit_ms=problem.limits.time_ms)
        return self._judge(lang, job, ctx, progress, cancel)

    def _judge(self, lang: Language, job: Job, ctx: Context, progress: ProgressSink | None,
               cancel: threading.Event | None) -> JudgeReport:
        sandbox = self.sandbox()
        with sandbox.workdir() as workdir:
            program = lang.prepare(job, workdir, self.cache_dir)
            compile_output = None
            if program.compile is not None:
                if progress is not None:
                    progress(0, len(ctx.cases))
                compiled = self._run_step(program.compile, workdir, program.compile.limits, cancel)
                compile_output = self._clean(compiled.stdout + compiled.stderr, workdir)
                if not compiled.ok:
                    return self._compile_failure(ctx, compiled, compile_output)
                refused = program.vet(workdir) if program.vet is not None else ""
                if refused:
                    return self._compile_failure(ctx, compiled, refused)
            checks = 1 if lang.name == "python" and job.problem.entry_point and job.problem.check_code else 0
            total = len(ctx.cases) + checks
            limit_ms = job.time_limit_ms
            per_test = per_test_allowance_s(limit_ms)
            # Before the harness is up: the runtime's start-up (and, without a "ready" event, the code's loading).
            startup_s = program.profile.startup_s + (0 if program.ready else per_test)
            collector = Collector(total, startup_s, lambda i: per_test * (5 if i >= len(ctx.cases) else 1), progress,
                                  tests=program.tests, ready=program.ready)
            outcome = self._run_step(program.run, workdir, self._run_limits(program, job, total), cancel, collector,
                                     input_pipe=program.tests is not None)
            return build_report(ctx, collector, outcome, job.memory_mb, compile_output)

    def _run_limits(self, program: Program, job: Job, tests: int) -> SandboxLimits:
        profile = program.profile
        wall = run_wall_limit_s(profile.startup_s, job.time_limit_ms, tests + 4)
        memory = job.memory_mb + profile.overhead_mb
        # Memory is watched over the whole tree of processes (RLIMIT_AS, where it works, only bounds each one).
        return SandboxLimits(
            wall_s=wall, cpu_s=math.ceil(wall) + 1, address_space_mb=memory if profile.address_space else None,
            rss_mb=memory, file_size_mb=max(16, job.output_limit // MiB + 1),
            processes=profile.processes, open_files=profile.open_files, output_bytes=job.output_limit,
            disk_bytes=WORK_DIR_MB * MiB, disk_files=WORK_DIR_FILES)

    def _run_step(self, step: Step, workdir: Path, limits: SandboxLimits | None, cancel: threading.Event | None,
                  collector: Collector | None = None, input_pipe: bool = False) -> RunOutcome:
        assert limits is not None
        spec = RunSpec(argv=step.argv, workdir=workdir, limits=limits, expose=step.expose, env=step.env,
                       path_dirs=step.path_dirs, result_pipe=collector is not None, input_pipe=input_pipe)
        return self.sandbox().run(spec, collector, cancel)

    @staticmethod
    def _clean(text: str, workdir: Path) -> str:
        return clean_text(text.replace(f"{workdir}/", "").replace(str(workdir), "."))

    def _compile_failure(self, ctx: Context, compiled: RunOutcome, output: str) -> JudgeReport:
        if compiled.killed is not None or compiled.signal is not None:
            verdict = Verdict.COMPILE_ERROR
            output = f"the compiler was stopped ({compiled.killed or compiled.signal}): the code takes too long or " \
                     f"too much memory to compile\n{output}"
        else:
            verdict = Verdict.COMPILE_ERROR if output.strip() else Verdict.INTERNAL_ERROR
        return JudgeReport(verdict=verdict, mode=ctx.mode, language=ctx.language, passed=0, total=len(ctx.cases),
                           time_ms=0.0, memory_kb=0, message=output[:65536] or "the compiler failed without a message",
                           isolation=ctx.isolation)

    def _expected_for_custom(self, problem: CodingProblem, cases: list[Case],
                             cancel: threading.Event | None) -> list[Case]:
        """Runs the reference solution (sandboxed too) to know the answers to custom inputs, when there is one."""
        if problem.solution is None or problem.python_only:
            return cases
        custom = [i for i, c in enumerate(cases) if not c.has_expected]
        ref_cases = [cases[i] for i in custom]
        job = Job(problem=problem, code=problem.solution.python, inputs=tuple(c.input for c in ref_cases),
                  time_limit_ms=problem.limits.time_ms * 3, memory_mb=problem.limits.memory_mb,
                  output_limit=self._output_limit)
        ctx = Context(problem=problem, mode=JudgeMode.RUN, language="python", cases=ref_cases,
                      isolation=self.sandbox().level, time_limit_ms=job.time_limit_ms)
        answers = self._judge(language_named("python"), job, ctx, None, cancel)
        out = list(cases)
        for position, index in enumerate(custom):
            test = answers.tests[position] if position < len(answers.tests) else None
            if test is not None and test.verdict is Verdict.ACCEPTED:
                out[index] = with_expected(cases[index], test.actual)
            elif test is not None and test.verdict is not Verdict.ACCEPTED:
                log.info("reference solution of %s fails on custom input %d: %s", problem.slug, position,
                         test.message)
        return out


__all__ = ["LANGUAGES", "Judge", "starter_code"]
