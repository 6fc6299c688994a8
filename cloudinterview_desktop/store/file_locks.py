"""Advisory locks on small files beside the data, released by the operating system when a process dies.

POSIX `flock` (per open file, so two handles in one process exclude each other too) and `msvcrt.locking` on
Windows. They order the processes that share one data folder: who migrates, who runs a session."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try(fd: int, exclusive: bool) -> bool:
        del exclusive  # Windows byte-range locks are always exclusive
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _try(fd: int, exclusive: bool) -> bool:
        try:
            fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


class LockTimeout(Exception):
    """Another process held the lock for longer than the caller would wait."""


class FileLock:
    """One lock file; `acquire` waits up to `timeout` seconds (polling, so it can be given up)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def _open(self) -> int:
        if self._fd is None:
            self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        return self._fd

    def try_acquire(self, exclusive: bool = True) -> bool:
        """Take (or convert a held lock to) the lock without waiting; False when another process holds it."""
        was_held = self.held
        fd = self._open()
        if _try(fd, exclusive):
            return True
        if not was_held:
            os.close(fd)
            self._fd = None
        return False

    def acquire(self, exclusive: bool = True, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        delay = 0.005
        while not self.try_acquire(exclusive):
            if time.monotonic() >= deadline:
                raise LockTimeout(str(self.path))
            time.sleep(delay)
            delay = min(delay * 2, 0.1)

    def release(self) -> None:
        if self._fd is None:
            return
        try:
            _unlock(self._fd)
        except OSError:
            pass
        os.close(self._fd)
        self._fd = None
