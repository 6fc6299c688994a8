"""What every language plugs into the judge: a job to prepare, the program steps it yields, and its profile."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from cloudinterview_desktop.domain.judging import ToolchainStatus
from cloudinterview_desktop.domain.problems import CodingProblem
from cloudinterview_desktop.judge.sandbox import SandboxLimits
from cloudinterview_desktop.resources import package_path

PAYLOAD = "payload.jsonl"


@dataclass(frozen=True)
class Job:
    """One submission's worth of work for a harness: the code and the inputs, never the expected outputs."""

    problem: CodingProblem
    code: str
    inputs: tuple[dict[str, Any], ...]
    time_limit_ms: int
    memory_mb: int
    int_width: int = 32
    output_limit: int = 8 * 1024 * 1024


@dataclass(frozen=True)
class Profile:
    """How a runtime must be limited: what it needs beyond the problem's own limits."""

    startup_s: float  # allowance for starting the runtime and loading the code, before the first test
    overhead_mb: int  # memory the runtime itself takes, added to the problem's limit
    address_space: bool = True  # RLIMIT_AS works (False for JVM and V8: they reserve huge address ranges)
    processes: int = 32
    open_files: int = 64


@dataclass(frozen=True)
class Step:
    """A command to run in the sandbox (RESULT_FD in `argv` becomes the result pipe's fd number)."""

    argv: tuple[str, ...]
    expose: tuple[Path, ...] = ()
    path_dirs: tuple[str, ...] = ()
    env: dict[str, str] = field(default_factory=dict)
    limits: SandboxLimits | None = None  # fixed limits (compile steps); run steps get theirs from the judge


@dataclass(frozen=True)
class Program:
    """What to run. `tests`: the inputs streamed to the harness's stdin, one line each, the next one only after
    the previous test's record came back (None: the harness reads them from its payload). `ready`: the harness
    writes {"event": "ready"} before it loads the code, so the parent times the loading from there."""

    run: Step
    profile: Profile
    compile: Step | None = None
    tests: tuple[bytes, ...] | None = None
    ready: bool = False
    vet: Callable[[Path], str] | None = None  # after compiling: why the output is refused ('' when it is not)


class Language(Protocol):
    name: str
    title: str
    extensions: tuple[str, ...]

    def toolchain(self) -> ToolchainStatus: ...

    def starter(self, problem: CodingProblem) -> str: ...

    def prepare(self, job: Job, workdir: Path, cache_dir: Path) -> Program: ...


def copy_harness(workdir: Path, *parts: str, name: str | None = None) -> Path:
    """Copies a harness file into the work directory (the sandbox sees nothing of the app's own folders)."""
    target = workdir / (name or parts[-1])
    shutil.copyfile(package_path("judge", "harness", *parts), target)
    return target


def write_text(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def positional_tests(job: Job) -> list[list[Any]]:
    """Each test's arguments in signature order; a design test as [operations, arguments]."""
    signature = job.problem.signature
    assert signature is not None
    if signature.is_design:
        return [[inp["operations"], inp["arguments"]] for inp in job.inputs]
    return [[inp[p.name] for p in signature.params] for inp in job.inputs]


def test_lines(tests: Sequence[list[Any]]) -> tuple[bytes, ...]:
    """The tests as streamed to a harness's stdin: one JSON array per line."""
    return tuple(json.dumps(test, separators=(",", ":")).encode() + b"\n" for test in tests)


def write_jsonl_payload(workdir: Path, header: dict[str, Any], tests: Sequence[list[Any]]) -> Path:
    """The compiled/JS harnesses' input: a header line, then one JSON array per test."""
    path = workdir / PAYLOAD
    with path.open("w", encoding="utf-8") as handle:
        handle.write(json.dumps(header, separators=(",", ":")) + "\n")
        for test in tests:
            handle.write(json.dumps(test, separators=(",", ":")) + "\n")
    return path
