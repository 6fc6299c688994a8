"""`PosixSandbox`, the Linux (and, at the rlimits level, other POSIX) implementation of `sandbox.Sandbox`, and the
search for the strongest isolation level that works on this machine (`best_level`)."""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import secrets
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from cloudinterview_desktop.domain.errors import Cancelled
from cloudinterview_desktop.judge import processes
from cloudinterview_desktop.judge.isolation import (
    HIDDEN_DIRS,
    ORDER,
    IsolationLevel,
    bubblewrap_argv,
    namespaces_argv,
    reachable_by_others,
    sandbox_user,
    tool,
)
from cloudinterview_desktop.judge.pipes import ResultLines, RunChannel, StreamHead
from cloudinterview_desktop.judge.protection import protection_for
from cloudinterview_desktop.judge.rlimits import make_preexec, rlimit_list
from cloudinterview_desktop.judge.sandbox import (
    BASE_PATH,
    RESULT_FD,
    DrivingSink,
    KillReason,
    ResultSink,
    RunOutcome,
    RunSpec,
    SandboxLimits,
)
from cloudinterview_desktop.judge.workdirs import remove_tree, usage_over
from cloudinterview_desktop.resources import package_path

log = logging.getLogger(__name__)

REAPER = ".ci-reaper.py"


@functools.cache
def _probe(level: IsolationLevel, argv: tuple[str, ...], expose: tuple[Path, ...], uid: int | None) -> bool:
    """Tries a level once per process (the result is cached): does the probe command run inside it?"""
    sandbox = PosixSandbox(level)
    try:
        with sandbox.workdir() as work:
            spec = RunSpec(argv=argv, workdir=work, expose=expose,
                           limits=SandboxLimits(wall_s=20, cpu_s=10, address_space_mb=None, processes=64,
                                                open_files=256))
            outcome = sandbox.run(spec)
    except OSError as exc:
        log.info("isolation %s unavailable: %s", level.value, exc)
        return False
    if not outcome.ok:
        log.info("isolation %s unavailable: exit %s signal %s killed %s: %s", level.value, outcome.exit_code,
                 outcome.signal, outcome.killed, outcome.stderr.strip()[-500:])
    return outcome.ok


def best_level(probe_argv: Sequence[str], expose: Sequence[Path],
               ceiling: IsolationLevel = IsolationLevel.BUBBLEWRAP) -> IsolationLevel:
    """The strongest level at or below `ceiling` that works here, found by running `probe_argv` inside it."""
    user = sandbox_user()
    for level in ORDER[ORDER.index(ceiling):]:
        if level is IsolationLevel.RLIMITS:
            return level
        needed = "bwrap" if level is IsolationLevel.BUBBLEWRAP else "unshare"
        if os.name != "posix" or not processes.proc_available() or tool(needed) is None:
            continue
        if user.drops_root and tool("setpriv") is None:
            continue
        if _probe(level, tuple(probe_argv), tuple(expose), user.uid):
            return level
    return IsolationLevel.RLIMITS



class PosixSandbox:
    """The Linux (and, at the rlimits level, other POSIX) implementation of `Sandbox`."""

    def __init__(self, level: IsolationLevel = IsolationLevel.RLIMITS, work_root: Path | None = None,
                 hidden: Sequence[Path] = ()) -> None:
        self._level = level
        self._work_root = work_root
        self._user = sandbox_user()
        self._hidden = tuple(HIDDEN_DIRS) + tuple(str(p) for p in hidden) + (str(Path.home()),)

    @property
    def level(self) -> str:
        return self._level.value

    def describe(self) -> str:
        return protection_for(self._level.value).describe()

    @contextlib.contextmanager
    def workdir(self) -> Iterator[Path]:
        path = Path(tempfile.mkdtemp(prefix="cloudinterview-judge-", dir=self._work_root))
        try:
            if self._user.uid is not None and self._user.gid is not None:
                os.chown(path, self._user.uid, self._user.gid)
            yield path
        finally:
            remove_tree(path)

    def _drop_in_popen(self, spec: RunSpec) -> bool:
        """At the rlimits level root drops to `nobody` in the fork, if `nobody` can reach the toolchain."""
        if self._level is not IsolationLevel.RLIMITS or not self._user.drops_root:
            return False
        programs = [Path(spec.argv[0]), *(Path(a) for a in self._reaper_command(spec.workdir)[:1])]
        return all(reachable_by_others(p) for p in (*spec.expose, *programs) if os.path.isabs(p))

    def _reaper_command(self, workdir: Path) -> list[str]:
        """Without a PID namespace, the command runs under harness/reaper.py, a child subreaper that adopts and
        kills whatever the code leaves behind (Linux only; empty where it cannot be used)."""
        if self._level is not IsolationLevel.RLIMITS or not sys.platform.startswith("linux") \
                or not processes.proc_available():
            return []
        from cloudinterview_desktop.judge.languages.python import interpreter_command

        return [*interpreter_command(), str(workdir / REAPER)]

    def _nproc(self, spec: RunSpec, drop_in_popen: bool) -> int | None:
        # RLIMIT_NPROC counts every task of the real uid, so the cap is "what that user runs now + allowance".
        if self._user.drops_root and (self._level is not IsolationLevel.RLIMITS or drop_in_popen):
            return processes.tasks_of_user(self._user.uid or 0) + spec.limits.processes + 8
        if self._user.drops_root:
            return None  # running as root: the kernel would ignore it anyway
        return processes.tasks_of_user(os.getuid()) + spec.limits.processes + 8

    def _argv(self, spec: RunSpec, result_fd: int | None) -> list[str]:
        argv = [a.replace(RESULT_FD, str(result_fd)) if result_fd is not None else a for a in spec.argv]
        reaper = self._reaper_command(spec.workdir)
        if reaper:
            shutil.copyfile(package_path("judge", "harness", "reaper.py"), spec.workdir / REAPER)
            return [*reaper, *argv]
        if self._level is IsolationLevel.BUBBLEWRAP:
            return bubblewrap_argv(tool("bwrap") or "bwrap", argv, spec.workdir, spec.expose, self._user)
        if self._level is IsolationLevel.NAMESPACES:
            return namespaces_argv(tool("unshare") or "unshare", argv, spec.workdir, spec.expose, self._hidden,
                                   self._user)
        return argv

    def _env(self, spec: RunSpec, token: str) -> dict[str, str]:
        path = ":".join(dict.fromkeys((*spec.path_dirs, *BASE_PATH.split(":"))))
        inside_tmp = "/tmp" if self._level is not IsolationLevel.RLIMITS else str(spec.workdir)
        env = {"PATH": path, "HOME": str(spec.workdir), "TMPDIR": inside_tmp, "LANG": "C.UTF-8",
               "LC_ALL": "C.UTF-8", processes.MARKER_VAR: token}
        env.update(spec.env)
        return env

    def run(self, spec: RunSpec, sink: ResultSink | None = None,
            cancel: threading.Event | None = None) -> RunOutcome:
        if cancel is not None and cancel.is_set():
            raise Cancelled()
        token = f"{os.getpid()}-{secrets.token_hex(8)}"  # whose run it is, and which one
        drop = self._drop_in_popen(spec)
        read_fd, write_fd = os.pipe() if spec.result_pipe else (-1, -1)
        if write_fd >= 0:
            # A JVM reopens the pipe through /dev/fd, which checks the pipe's mode against the sandbox user.
            os.fchmod(write_fd, 0o622)
        started = time.monotonic()
        try:
            proc = subprocess.Popen(
                self._argv(spec, write_fd if write_fd >= 0 else None), cwd=spec.workdir,
                env=self._env(spec, token), stdin=subprocess.PIPE if spec.input_pipe else subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE, pass_fds=(write_fd,) if write_fd >= 0 else (), start_new_session=True,
                preexec_fn=make_preexec(rlimit_list(spec.limits, self._nproc(spec, drop))),
                user=self._user.uid if drop else None, group=self._user.gid if drop else None,
                extra_groups=[] if drop else None)
        except BaseException:
            if read_fd >= 0:
                os.close(read_fd)
            raise
        finally:
            if write_fd >= 0:
                with contextlib.suppress(OSError):
                    os.close(write_fd)
        try:
            return self._supervise(proc, spec, sink, cancel, token, read_fd, started)
        finally:
            if read_fd >= 0:
                os.close(read_fd)

    def _supervise(self, proc: subprocess.Popen[bytes], spec: RunSpec, sink: ResultSink | None,
                   cancel: threading.Event | None, token: str, read_fd: int, started: float) -> RunOutcome:
        limits = spec.limits
        assert proc.stdout is not None and proc.stderr is not None
        out, err = StreamHead(limits.keep_bytes), StreamHead(limits.keep_bytes)
        lines = ResultLines(sink, limits.result_bytes, limits.result_line_bytes)
        feeds: dict[int, Callable[[bytes], None]] = {proc.stdout.fileno(): out.feed, proc.stderr.fileno(): err.feed}
        if read_fd >= 0:
            feeds[read_fd] = lines.feed
        selector = selectors.DefaultSelector()
        for fd in feeds:
            os.set_blocking(fd, False)
            selector.register(fd, selectors.EVENT_READ)
        stdin_fd = -1
        if proc.stdin is not None:
            stdin_fd = os.dup(proc.stdin.fileno())  # ours to close when the input ends; Popen's copy goes now
            proc.stdin.close()
            os.set_blocking(stdin_fd, False)
        channel = RunChannel(proc.pid, stdin_fd)
        driver = sink if isinstance(sink, DrivingSink) else None
        if driver is not None:
            driver.attach(channel)
        writing, writing_fd = False, -1  # the input pipe is registered while bytes wait for it
        pidfd = -1
        with contextlib.suppress(AttributeError, OSError):
            pidfd = os.pidfd_open(proc.pid)
            selector.register(pidfd, selectors.EVENT_READ)
        wall_deadline = started + limits.wall_s
        killed: KillReason | None = None
        next_rss = next_disk = started
        status: tuple[int, int] | None = None
        rusage_kb = 0
        try:
            while status is None:
                now = time.monotonic()
                deadline = wall_deadline
                sink_deadline = sink.deadline() if sink is not None else None
                if sink_deadline is not None and sink_deadline < deadline:
                    deadline = sink_deadline
                if now >= deadline:
                    killed = KillReason.WALL if deadline == wall_deadline else KillReason.DEADLINE
                    break
                if cancel is not None and cancel.is_set():
                    killed = KillReason.CANCEL
                    break
                if driver is not None and driver.stopped():
                    killed = KillReason.PROTOCOL
                    break
                channel.write_some()
                if limits.rss_mb is not None and now >= next_rss:
                    next_rss = now + 0.05
                    if processes.tree_rss_kb(proc.pid) > limits.rss_mb * 1024:
                        killed = KillReason.MEMORY
                        break
                if limits.disk_bytes is not None and now >= next_disk:
                    next_disk = now + 0.1
                    if usage_over(spec.workdir, limits.disk_bytes, limits.disk_files or 1 << 30):
                        killed = KillReason.DISK
                        break
                polled = cancel is not None or limits.rss_mb is not None or limits.disk_bytes is not None
                timeout = min(deadline - now, 0.05 if polled else 0.5)
                if pidfd < 0:
                    timeout = min(timeout, 0.02)
                waiting = channel.stdin_fd >= 0 and bool(channel.pending)
                if waiting != writing:
                    if waiting:
                        selector.register(channel.stdin_fd, selectors.EVENT_WRITE)
                    else:
                        selector.unregister(writing_fd)
                    writing, writing_fd = waiting, channel.stdin_fd
                for key, _ in selector.select(timeout):
                    fd = int(key.fd)
                    if fd == pidfd:
                        continue
                    if writing and fd == writing_fd:
                        channel.write_some()
                        continue
                    self._read_into(fd, feeds, selector)
                if out.total + err.total > limits.output_bytes:
                    killed = KillReason.OUTPUT
                    break
                if lines.exceeded:
                    killed = KillReason.RESULTS
                    break
                if driver is not None and driver.stopped():
                    killed = KillReason.PROTOCOL
                    break
                channel.write_some()
                pid, code, usage = os.wait4(proc.pid, os.WNOHANG)
                if pid:
                    status, rusage_kb = (pid, code), usage.ru_maxrss
                    channel.final_cpu_ms = (usage.ru_utime + usage.ru_stime) * 1000
        finally:
            if status is None:
                reaped = self._stop(proc.pid, bool(self._reaper_command(spec.workdir)))
                _pid, code, usage = reaped or os.wait4(proc.pid, 0)
                status, rusage_kb = (proc.pid, code), usage.ru_maxrss
                channel.final_cpu_ms = (usage.ru_utime + usage.ru_stime) * 1000
            if writing:
                with contextlib.suppress(KeyError, ValueError):
                    selector.unregister(writing_fd)
            channel.close()
            proc.returncode = -1  # reaped here with wait4 (for its rusage): Popen must not wait for it again
            # Whatever outlived the main process (a detached child) goes now, before the pipes are drained.
            self._kill_group(proc.pid)
            self._kill_marked(token)
            self._drain(feeds, selector, time.monotonic() + 2.0)
            selector.close()
            if pidfd >= 0:
                os.close(pidfd)
            proc.stdout.close()
            proc.stderr.close()
        if killed is None:
            lines.flush()  # a last line without its newline; never after a kill (it may be anything)
        wall_ms = (time.monotonic() - started) * 1000
        if killed is None and (out.total + err.total > limits.output_bytes):
            killed = KillReason.OUTPUT
        if killed is KillReason.CANCEL:
            raise Cancelled()
        raw = status[1]
        exit_code, signum = None, None
        if os.WIFSIGNALED(raw):
            signum = os.WTERMSIG(raw)
        elif os.WIFEXITED(raw):
            exit_code = os.WEXITSTATUS(raw)
            if self._level is not IsolationLevel.RLIMITS and exit_code > 128 and exit_code - 128 < 65:
                # bwrap and the namespace shell report a child killed by signal N as exit status 128 + N.
                signum, exit_code = exit_code - 128, None
        return RunOutcome(exit_code=exit_code, signal=signum, killed=killed, wall_ms=wall_ms,
                          max_rss_kb=int(rusage_kb), stdout=out.text(), stderr=err.text(),
                          stdout_truncated=out.truncated, stderr_truncated=err.truncated,
                          result_lines=lines.collected)

    @staticmethod
    def _read_into(fd: int, feeds: dict[int, Callable[[bytes], None]], selector: selectors.BaseSelector) -> None:
        try:
            chunk = os.read(fd, 1 << 16)
        except BlockingIOError:
            return
        except OSError:
            chunk = b""
        if chunk:
            feeds[fd](chunk)
        else:
            selector.unregister(fd)
            del feeds[fd]

    def _drain(self, feeds: dict[int, Callable[[bytes], None]], selector: selectors.BaseSelector,
               until: float) -> None:
        """Reads what the dead processes left in the pipes, until every writer is gone (or `until`)."""
        while feeds and time.monotonic() < until:
            for key, _ in selector.select(0.05):
                if int(key.fd) in feeds:
                    self._read_into(int(key.fd), feeds, selector)

    def _stop(self, pid: int, reaper: bool) -> tuple[int, int, Any] | None:
        """Kills the run. Under the reaper, asks it first (SIGTERM): it kills what it adopted, which would go to
        init if it died first. Returns wait4's answer when the reaper ended by itself."""
        if reaper:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
            until = time.monotonic() + 1.0
            while time.monotonic() < until:
                answer = os.wait4(pid, os.WNOHANG)
                if answer[0]:
                    self._kill_group(pid)
                    return answer
                time.sleep(0.005)
        self._kill_group(pid)
        return None

    @staticmethod
    def _kill_group(pgid: int) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(pgid, signal.SIGKILL)

    @staticmethod
    def _kill_marked(token: str) -> None:
        """Processes that left the group (setsid) but still carry this run's marker; a namespace level has
        already killed them with its PID namespace, this is the safety net for the rlimits level."""
        for _attempt in range(20):
            strays = processes.marked_processes(token)
            if not strays:
                return
            processes.kill_pids(strays)
            time.sleep(0.01)
        log.warning("processes of a judged run survive: %s", processes.marked_processes(token))
