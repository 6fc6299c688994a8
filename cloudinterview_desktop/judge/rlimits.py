"""The resource limits a run gets between fork and exec, and the death signal that ties it to the judge.

`resource` is imported only where a run is started (POSIX), so that the judge imports on Windows."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
from collections.abc import Callable

from cloudinterview_desktop.judge.sandbox import MiB, SandboxLimits

_libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True) if os.name == "posix" else None
_PR_SET_PDEATHSIG = 1


def make_preexec(rlimits: list[tuple[int, int, int]]) -> Callable[[], None]:
    """Runs in the child between fork and exec: only pre-imported C calls, so it is safe next to threads."""

    import resource  # POSIX only, like the sandbox: imported where used, so the judge imports on Windows

    setrlimit = resource.setrlimit

    def preexec() -> None:
        for which, soft, hard in rlimits:
            setrlimit(which, (soft, hard))
        if _libc is not None and hasattr(_libc, "prctl"):
            # If the judge dies, its sandbox dies too (the wrappers pass this on to the code's namespace).
            _libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)

    return preexec


def rlimit_list(limits: SandboxLimits, nproc: int | None) -> list[tuple[int, int, int]]:
    import resource

    out = [
        (resource.RLIMIT_CPU, limits.cpu_s, limits.cpu_s + 1),  # SIGXCPU first, SIGKILL a second later
        (resource.RLIMIT_FSIZE, limits.file_size_mb * MiB, limits.file_size_mb * MiB),
        (resource.RLIMIT_NOFILE, limits.open_files, limits.open_files),
        (resource.RLIMIT_CORE, 0, 0),
        (resource.RLIMIT_STACK, limits.stack_mb * MiB, limits.stack_mb * MiB),
    ]
    if limits.address_space_mb is not None:
        out.append((resource.RLIMIT_AS, limits.address_space_mb * MiB, limits.address_space_mb * MiB))
    if nproc is not None:
        out.append((resource.RLIMIT_NPROC, nproc, nproc))
    return out
