"""The sandbox interface: what one run of untrusted code is given (`RunSpec`, `SandboxLimits`), what it reports
(`RunOutcome`, `KillReason`) and the `Sandbox` protocol with the sinks that read its results as they arrive.

One `run()` is one process group in a fresh work directory, with a scrubbed environment, rlimits, a wall-clock
limit (and an optional moving deadline) that kills the whole group, capped stdout/stderr, an optional result pipe
read line by line (each line and the whole bounded), an optional input pipe the result sink writes to, the CPU time
of the run's processes read from the kernel, and a final sweep that kills anything the run left behind.
`posix_sandbox.PosixSandbox` is the implementation (with `pipes` for the streams and `rlimits` for the limits set
in the child); Windows (Job Objects) and macOS (sandbox-exec) would be further implementations of the same protocol.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Protocol, runtime_checkable

MiB = 1024 * 1024
RESULT_FD = "{result_fd}"  # placeholder in a command, replaced by the number of the result pipe's write end
BASE_PATH = "/usr/local/bin:/usr/bin:/bin"


class KillReason(StrEnum):
    WALL = "wall"  # the whole run went past its wall-clock limit
    DEADLINE = "deadline"  # the watcher's moving deadline passed (a test took too long)
    OUTPUT = "output"  # stdout + stderr went past the output limit
    RESULTS = "results"  # the result pipe went past its limit
    MEMORY = "memory"  # the polled resident memory of the run went past its limit
    DISK = "disk"  # the work directory went past its bytes or files
    PROTOCOL = "protocol"  # the result sink found a line that breaks the protocol and stopped the run
    CANCEL = "cancel"


@dataclass(frozen=True)
class SandboxLimits:
    wall_s: float
    cpu_s: int
    address_space_mb: int | None  # RLIMIT_AS; None for runtimes that reserve huge address ranges (JVM, V8)
    rss_mb: int | None = None  # polled resident memory of all the run's processes; None: not polled
    stack_mb: int = 256
    file_size_mb: int = 16
    processes: int = 32  # tasks the run may add to what the sandbox user already has (RLIMIT_NPROC)
    open_files: int = 64
    output_bytes: int = 8 * MiB  # stdout + stderr; past it the group is killed
    keep_bytes: int = 64 * 1024  # how much of each stream is kept for the report
    result_bytes: int = 256 * MiB
    result_line_bytes: int = 16 * MiB  # one result line; a longer one stops the run (it is never parsed)
    disk_bytes: int | None = None  # what the work directory may hold, polled; None: not polled
    disk_files: int | None = None


@dataclass(frozen=True)
class RunSpec:
    argv: tuple[str, ...]
    workdir: Path
    limits: SandboxLimits
    expose: tuple[Path, ...] = ()  # host paths the command must read (toolchain prefixes, caches)
    env: Mapping[str, str] = field(default_factory=dict)
    path_dirs: tuple[str, ...] = ()  # added to PATH (where the toolchain's own helpers live)
    result_pipe: bool = False  # give the command a pipe for JSON-line results; its fd replaces RESULT_FD
    input_pipe: bool = False  # stdin is a pipe the sink writes to (through its Channel), else /dev/null


class ResultSink(Protocol):
    """Receives result lines as they arrive and tells the sandbox when the next one is overdue."""

    def on_line(self, line: bytes) -> None: ...

    def deadline(self) -> float | None: ...  # time.monotonic() value, or None for no deadline


class Channel(Protocol):
    """What a driving sink gets from the sandbox: the run's input pipe and its CPU time, both from outside the code."""

    def send(self, data: bytes) -> None: ...

    def close_input(self) -> None: ...

    def cpu_ms(self, fresh: bool = False) -> float: ...


@runtime_checkable
class DrivingSink(ResultSink, Protocol):
    """A sink that drives the run: it is given the channel when the run starts, and may stop it."""

    def attach(self, channel: Channel) -> None: ...

    def stopped(self) -> bool: ...


@dataclass
class RunOutcome:
    exit_code: int | None
    signal: int | None
    killed: KillReason | None
    wall_ms: float
    max_rss_kb: int
    stdout: str
    stderr: str
    stdout_truncated: bool = False
    stderr_truncated: bool = False
    result_lines: list[bytes] = field(default_factory=list)  # only when no sink was given

    @property
    def ok(self) -> bool:
        return self.killed is None and self.signal is None and self.exit_code == 0


class Sandbox(Protocol):
    @property
    def level(self) -> str: ...

    def describe(self) -> str: ...

    def workdir(self) -> contextlib.AbstractContextManager[Path]: ...

    def run(self, spec: RunSpec, sink: ResultSink | None = None,
            cancel: threading.Event | None = None) -> RunOutcome: ...
