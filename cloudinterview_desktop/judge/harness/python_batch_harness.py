"""Runs many python_harness payloads in one sandboxed process: validating the reference solutions of an imported
problem set without paying an interpreter start (and a sandbox) per problem.

Standalone like python_harness.py, which must sit in the same folder (run as
`python -I -S python_batch_harness.py PAYLOAD RESULT_FD`). PAYLOAD is JSON Lines, two per task: a header
{"startup_s": s, "test_s": s, "check_s": s, "tests": n} (the allowances for loading the code, each test and
check(): the judge's own moving deadline), then the task's python_harness payload, passed on unread. Each task
runs in a forked child, so tasks cannot disturb one another and a crash ends one task only; the child writes to a
pipe of its own and this process relays its lines to RESULT_FD:
    {"event": "task_start", "task": i}
    {"record": <the child's result line>, "task": i}     (the key after the child's text: it cannot be forged)
    {"event": "task_end", "task": i, "exit_code": n|null, "signal": n|null, "killed": bool}
and at the end {"event": "done", "cpu_s": the CPU time this process and its children used}.
A child whose next result line is overdue is killed.
"""

from __future__ import annotations

import gc
import json
import os
import select
import signal
import sys
import time
from typing import Any

TASK_FILE = "task.json"
_PR_SET_DUMPABLE = 4


def _write(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _emit(fd: int, record: dict[str, Any]) -> None:
    _write(fd, json.dumps(record).encode() + b"\n")


def _not_dumpable() -> None:
    """A task's code must not reach this process's result pipe through /proc/PID/fd."""
    try:
        import ctypes

        ctypes.CDLL(None).prctl(_PR_SET_DUMPABLE, 0, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def _relay(fd: int, task: int, source: int, pid: int, allowances: tuple[float, float, float], tests: int) -> bool:
    """Copies the child's lines to `fd`, tagged with the task, until it closes its pipe; False if a line was
    overdue (and the child was killed). Lines come in order: the loading (-1), each test, then check()."""
    startup_s, test_s, check_s = allowances
    deadline = time.monotonic() + startup_s
    seen = 0
    pending = b""
    prefix = b'{"record":'
    suffix = b',"task":%d}\n' % task
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            os.kill(pid, signal.SIGKILL)
            return False
        ready, _, _ = select.select([source], [], [], left)
        if not ready:
            continue
        chunk = os.read(source, 1 << 16)
        if not chunk:
            return True
        pending += chunk
        *lines, pending = pending.split(b"\n")
        lines = [line for line in lines if line.strip()]
        if lines:
            _write(fd, b"".join(prefix + line + suffix for line in lines))
            seen += len(lines)
            deadline = time.monotonic() + (check_s if seen - 1 >= tests else test_s)


def _reap(pid: int, wall_s: float) -> tuple[int, bool]:
    """Waits for the child; a child that closed its pipe but keeps running is killed after `wall_s`."""
    done, status = os.waitpid(pid, os.WNOHANG)
    if done:
        return status, False
    try:
        pidfd = os.pidfd_open(pid)
    except (AttributeError, OSError):
        pidfd = -1
    try:
        deadline = time.monotonic() + wall_s
        while True:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                return status, False
            left = deadline - time.monotonic()
            if left <= 0:
                os.kill(pid, signal.SIGKILL)
                return os.waitpid(pid, 0)[1], True
            if pidfd >= 0:
                select.select([pidfd], [], [], left)  # readable once the child has exited
            else:
                time.sleep(min(left, 0.001))
    finally:
        if pidfd >= 0:
            os.close(pidfd)


def _run_task(harness: Any, fd: int, number: int, header: dict[str, Any], task: bytes) -> None:
    allowances = (float(header["startup_s"]), float(header["test_s"]), float(header["check_s"]))
    with open(TASK_FILE, "wb") as handle:
        handle.write(task)
    _emit(fd, {"event": "task_start", "task": number})
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(read_end)
            os.close(fd)
            harness.main([TASK_FILE, str(write_end)])
        finally:
            os._exit(0)
    os.close(write_end)
    try:
        finished = _relay(fd, number, read_end, pid, allowances, int(header["tests"]))
        status, killed = _reap(pid, 1.0 if finished else 0.0)
    finally:
        os.close(read_end)
    killed = killed or not finished
    _emit(fd, {"event": "task_end", "task": number, "killed": killed,
               "exit_code": os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
               "signal": os.WTERMSIG(status) if os.WIFSIGNALED(status) else None})


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # -I leaves the script's folder out
    import python_harness

    fd = int(args[1])
    payload = open(args[0], "rb")  # noqa: SIM115 - read to the end below
    try:
        os.unlink(args[0])
    except OSError:
        pass
    _not_dumpable()
    # Imported once here, inherited by every child: a prompt's `from typing import *` would cost each task more
    # than its tests.
    for module in sorted({module for module, _ in python_harness.AUTO_IMPORTS.values()} | {"resource", "traceback"}):
        try:
            __import__(module)
        except ImportError:
            pass
    # Children leave these objects to the garbage collector of this process: one walking them would copy every
    # page it touches (copy-on-write), which costs more than a small task's whole run.
    gc.freeze()
    with payload:
        for number, header in enumerate(payload):
            _run_task(python_harness, fd, number, json.loads(header), payload.readline())
    import resource

    used = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    _emit(fd, {"event": "done", "cpu_s": round(sum(u.ru_utime + u.ru_stime for u in used), 3)})


if __name__ == "__main__":
    main()
