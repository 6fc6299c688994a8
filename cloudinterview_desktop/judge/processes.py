"""Scans of Linux /proc: a sandbox's processes, their memory and CPU time, task counts per user, and strays left
behind."""

from __future__ import annotations

import os
import signal
from dataclasses import dataclass

PROC = "/proc"
MARKER_VAR = "CLOUDINTERVIEW_SANDBOX"


@dataclass(frozen=True)
class ProcStat:
    pid: int
    ppid: int
    pgid: int
    sid: int
    threads: int
    rss_kb: int
    cpu_ticks: int = 0  # user + system time of the process and of the children it waited for
    children_ticks: int = 0  # the children's part of it


_PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024 if hasattr(os, "sysconf") else 4
TICK_MS = 1000 / os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 10.0


def proc_available() -> bool:
    return os.path.isdir(os.path.join(PROC, "self"))


def pids() -> list[int]:
    try:
        return [int(name) for name in os.listdir(PROC) if name.isdigit()]
    except OSError:
        return []


def read_stat(pid: int) -> ProcStat | None:
    try:
        with open(f"{PROC}/{pid}/stat", "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    # The command name is in parentheses and may itself contain spaces or parentheses.
    fields = data[data.rfind(b")") + 2 :].split()
    try:
        return ProcStat(pid=pid, ppid=int(fields[1]), pgid=int(fields[2]), sid=int(fields[3]),
                        threads=int(fields[17]), rss_kb=int(fields[21]) * _PAGE_KB,
                        cpu_ticks=sum(int(f) for f in fields[11:15]),
                        children_ticks=int(fields[13]) + int(fields[14]))
    except (IndexError, ValueError):
        return None


def descendants(root: int) -> list[ProcStat]:
    """`root` and every process below it (one pass over /proc)."""
    stats = [s for s in map(read_stat, pids()) if s is not None]
    children: dict[int, list[ProcStat]] = {}
    for stat in stats:
        children.setdefault(stat.ppid, []).append(stat)
    found = [s for s in stats if s.pid == root]
    queue = [root]
    while queue:
        for child in children.get(queue.pop(), []):
            found.append(child)
            queue.append(child.pid)
    return found


def cpu_ms(pids: list[int]) -> float:
    """CPU time of these processes in ms: every thread's time on a CPU to the nanosecond (schedstat), plus the
    children each one waited for (in clock ticks). Processes already gone are not counted: a parent that waited
    for one has its time among its children's. Falls back on clock ticks where schedstat is missing."""
    total = 0.0
    for pid in pids:
        stat = read_stat(pid)
        if stat is None:
            continue
        try:
            threads_ns = 0
            for tid in os.listdir(f"{PROC}/{pid}/task"):
                with open(f"{PROC}/{pid}/task/{tid}/schedstat", "rb") as handle:
                    threads_ns += int(handle.read().split()[0])
            total += threads_ns / 1e6 + stat.children_ticks * TICK_MS
        except (OSError, ValueError, IndexError):
            total += stat.cpu_ticks * TICK_MS
    return total


def tree_rss_kb(root: int) -> int:
    return sum(s.rss_kb for s in descendants(root))


def tasks_of_user(uid: int) -> int:
    """Threads owned by `uid`: what RLIMIT_NPROC counts against."""
    total = 0
    for pid in pids():
        try:
            if os.stat(f"{PROC}/{pid}").st_uid != uid:
                continue
        except OSError:
            continue
        stat = read_stat(pid)
        total += stat.threads if stat else 0
    return total


def marked_processes(token: str) -> list[int]:
    """Processes whose environment carries this run's marker (readable for our own uid, or any as root)."""
    needle = f"{MARKER_VAR}={token}\0".encode()
    found = []
    for pid in pids():
        if pid == os.getpid():
            continue
        try:
            with open(f"{PROC}/{pid}/environ", "rb") as handle:
                if needle in handle.read() + b"\0":
                    found.append(pid)
        except OSError:
            continue
    return found


def kill_pids(targets: list[int]) -> None:
    for pid in targets:
        try:
            os.kill(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
