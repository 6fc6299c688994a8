"""The run's pipes as the sandbox sees them: the kept head of stdout and stderr, the result pipe split into bounded
lines for the sink, and the channel a driving sink writes the run's input through (with the run's CPU time)."""

from __future__ import annotations

import contextlib
import os
import time

from cloudinterview_desktop.judge import processes
from cloudinterview_desktop.judge.sandbox import ResultSink


class StreamHead:
    """Keeps the head of a stream and counts the rest."""

    def __init__(self, keep: int) -> None:
        self.keep = keep
        self.data = bytearray()
        self.total = 0

    def feed(self, chunk: bytes) -> None:
        self.total += len(chunk)
        room = self.keep - len(self.data)
        if room > 0:
            self.data += chunk[:room]

    def text(self) -> str:
        return self.data.decode("utf-8", errors="replace")

    @property
    def truncated(self) -> bool:
        return self.total > len(self.data)


class ResultLines:
    """Splits the result pipe into lines for the sink, with a cap on the total and on each line: a line that
    grows past its cap is dropped unparsed and stops the run."""

    def __init__(self, sink: ResultSink | None, limit: int, line_limit: int) -> None:
        self.sink = sink
        self.limit = limit
        self.line_limit = line_limit
        self.total = 0
        self.overlong = False
        self.pending = bytearray()
        self.collected: list[bytes] = []

    def feed(self, chunk: bytes) -> None:
        if self.overlong:
            return
        self.total += len(chunk)
        scan = len(self.pending)  # what came before has no newline: look in the new bytes only
        self.pending += chunk
        start = 0
        while True:
            end = self.pending.find(b"\n", max(start, scan))
            if end < 0:
                break
            if end - start > self.line_limit:
                self._overflow()
                return
            self._emit(bytes(self.pending[start:end]))
            start = end + 1
        del self.pending[:start]
        if len(self.pending) > self.line_limit:
            self._overflow()

    def _overflow(self) -> None:
        self.overlong = True
        self.pending = bytearray()

    def flush(self) -> None:
        if self.pending and not self.overlong:
            self._emit(bytes(self.pending))
        self.pending = bytearray()

    def _emit(self, line: bytes) -> None:
        if self.sink is not None:
            self.sink.on_line(line)
        else:
            self.collected.append(line)

    @property
    def exceeded(self) -> bool:
        return self.overlong or self.total > self.limit


class RunChannel:
    """The sandbox's side of a driving sink: bytes queued for the run's stdin, and the run's CPU time read from
    /proc (user + system time of every process of the run, and of the children they waited for)."""

    def __init__(self, root: int, stdin_fd: int) -> None:
        self._root = root
        self.stdin_fd = stdin_fd
        self.pending = bytearray()
        self.closing = False
        self._pids: list[int] = []
        self._rescan_at = 0.0
        self.final_cpu_ms: float | None = None  # once the run is reaped: its total, from wait4's rusage

    def send(self, data: bytes) -> None:
        if self.stdin_fd >= 0 and not self.closing:
            self.pending += data

    def close_input(self) -> None:
        self.closing = True

    def cpu_ms(self, fresh: bool = False) -> float:
        """The run's CPU time so far. The list of its processes is kept for a second (a scan of /proc costs more
        than a read of a few files); `fresh` scans again, counting a process started since from zero."""
        if self.final_cpu_ms is not None:
            return self.final_cpu_ms
        now = time.monotonic()
        if fresh or not self._pids or now >= self._rescan_at:
            self._pids = [s.pid for s in processes.descendants(self._root)]
            self._rescan_at = now + 1.0
        return processes.cpu_ms(self._pids)

    def write_some(self) -> None:
        """Writes what the pipe takes now; a reader that went away just ends the input."""
        if self.stdin_fd < 0:
            return
        try:
            if self.pending:
                written = os.write(self.stdin_fd, self.pending)
                del self.pending[:written]
        except BlockingIOError:
            return
        except OSError:
            self.pending.clear()
            self.closing = True
        if self.closing and not self.pending:
            self.close()

    def close(self) -> None:
        if self.stdin_fd >= 0:
            with contextlib.suppress(OSError):
                os.close(self.stdin_fd)
            self.stdin_fd = -1
