"""Runs a judged command as a child subreaper, at the isolation level without a PID namespace.

Run as `python -I -S reaper.py COMMAND ARGS...` (standard library only, like the harnesses). Every process the
command leaves behind, in a new session or with an empty environment included, is re-parented to this process
instead of to init, and killed when the command ends, or at once when the judge sends SIGTERM. It exits as the
command did (the same status, or the same signal).
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
from typing import Any

PR_SET_CHILD_SUBREAPER = 36


def children() -> list[int]:
    """This process's children (adopted ones included), from /proc."""
    found: list[int] = []
    try:
        for tid in os.listdir("/proc/self/task"):
            with open(f"/proc/self/task/{tid}/children", encoding="ascii") as handle:
                found += [int(pid) for pid in handle.read().split()]
        return found
    except OSError:
        pass
    me = os.getpid()
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat", "rb") as handle:
                    if int(handle.read().rsplit(b")", 1)[1].split()[1]) == me:
                        found.append(int(name))
            except (OSError, ValueError, IndexError):
                continue
    return found


def sweep() -> None:
    """Kills every child until none is left: each one killed hands its own children over to this process."""
    while True:
        kids = children()
        if not kids:
            break
        for pid in kids:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        for _ in kids:
            try:
                os.waitpid(-1, 0)
            except ChildProcessError:
                break
    try:
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass
    except ChildProcessError:
        pass


def main(argv: list[str] | None = None) -> None:
    command = sys.argv[1:] if argv is None else argv
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        os.write(2, b"ci-reaper: cannot become a subreaper\n")

    def on_term(_signum: int, _frame: Any) -> None:
        sweep()
        os._exit(128 + signal.SIGTERM)

    signal.signal(signal.SIGTERM, on_term)
    child = os.fork()
    if child == 0:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        try:
            os.execvp(command[0], command)
        except OSError as exc:
            os.write(2, f"ci-reaper: {command[0]}: {exc.strerror}\n".encode())
        os._exit(127)
    status = 0
    while True:
        try:
            pid, code = os.waitpid(-1, 0)
        except ChildProcessError:
            break
        if pid == child:
            status = code
            break
    sweep()
    if os.WIFSIGNALED(status):
        signal.signal(os.WTERMSIG(status), signal.SIG_DFL)
        os.kill(os.getpid(), os.WTERMSIG(status))
    os._exit(os.WEXITSTATUS(status) if os.WIFEXITED(status) else 1)


if __name__ == "__main__":
    main()
